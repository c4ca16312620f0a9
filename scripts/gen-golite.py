#!/usr/bin/env python3
"""gen-golite.py: write a large, valid GoLite program for timing the analyser.

    scripts/gen-golite.py [LINES] > big.go        (default 10000 lines)

The program repeats a family of small, realistic units -- constructors that
return pointers, methods with pointer receivers, closures, maps, slices,
fmt calls, interfaces, goroutines -- each unit numbered so names never clash.
It is also valid Go 1.19, so `go build -gcflags='-m -l'` can be timed on the
same file. Output is deterministic.
"""
import sys

UNIT = '''
type item{n} struct {{
	id    int
	name  string
	tags  []string
	next  *item{n}
}}

func newItem{n}(id int, name string) *item{n} {{
	it := item{n}{{id: id, name: name}}
	return &it
}}

func (it *item{n}) tag(t string) *item{n} {{
	it.tags = append(it.tags, t)
	return it
}}

func (it item{n}) label() string {{
	return it.name + "#" + fmt.Sprint(it.id)
}}

func sum{n}(values []int) int {{
	total := new(int)
	for _, v := range values {{
		*total += v
	}}
	return *total
}}

func index{n}(items []*item{n}) map[string]*item{n} {{
	m := make(map[string]*item{n}, len(items))
	for _, it := range items {{
		m[it.name] = it
	}}
	return m
}}

func counter{n}() func() int {{
	c := 0
	return func() int {{
		c++
		return c
	}}
}}

func worker{n}(jobs <-chan int, out chan<- *item{n}) {{
	for j := range jobs {{
		out <- newItem{n}(j, "job")
	}}
	close(out)
}}

func run{n}() int {{
	a := newItem{n}(1, "a").tag("x")
	b := item{n}{{id: 2, name: "b", next: a}}
	buf := make([]byte, 0, 64)
	buf = append(buf, a.name...)
	next := counter{n}()
	next()
	var s shape = &rect{{w: 2, h: 3}}
	jobs := make(chan int, 2)
	out := make(chan *item{n}, 2)
	go worker{n}(jobs, out)
	jobs <- 1
	close(jobs)
	for it := range out {{
		_ = it.id
	}}
	fmt.Println(b.label(), len(buf), s.area())
	return sum{n}([]int{{1, 2, 3}}) + len(index{n}([]*item{n}{{a, &b}})) + next()
}}
'''

HEADER = '''package main

import "fmt"

type shape interface {
	area() int
}

type rect struct {
	w, h int
}

func (r *rect) area() int { return r.w * r.h }
'''


def main():
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    out = [HEADER]
    lines = HEADER.count("\n")
    unit_lines = UNIT.count("\n")
    n = 0
    calls = []
    # Leave room for main (a call per unit plus a few lines).
    while lines + unit_lines + 4 + len(calls) + 1 <= target:
        out.append(UNIT.format(n=n))
        calls.append("\ttotal += run%d()" % n)
        lines += unit_lines
        n += 1
    main_body = "\nfunc main() {\n\ttotal := 0\n" + "\n".join(calls) + "\n\tfmt.Println(total)\n}\n"
    text = "".join(out) + main_body
    # Pad with blank lines to reach the exact target.
    have = text.count("\n")
    text += "\n" * max(0, target - have)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()

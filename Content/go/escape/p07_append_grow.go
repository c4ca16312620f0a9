package main

import "fmt"

// collect builds a slice and returns it: the backing array must survive
// the call, so the literal it starts from escapes.
func collect(n int) []int {
	out := []int{}
	for i := 0; i < n; i++ {
		out = append(out, i*i)
	}
	return out
}

// total appends into a local slice that never leaves: append may still
// grow it on the heap at run time, but the starting array stays put.
func total(n int) int {
	buf := make([]int, 0, 8)
	for i := 0; i < n; i++ {
		buf = append(buf, i)
	}
	s := 0
	for _, v := range buf {
		s += v
	}
	return s
}

func main() {
	fmt.Println(len(collect(5)), total(5))
}

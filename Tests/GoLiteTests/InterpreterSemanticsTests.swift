import Testing
@testable import GoLite

/// Programs run by the interpreter, each compared with what Go 1.19 prints
/// for it (recorded with `go run`).
@Suite struct InterpreterSemanticsTests {
    @Test func interfacesTypeSwitchesAndAssertions() throws {
        let source = #"""
package main

import "fmt"

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (c *Circle) Name() string  { return "circle" }

type Named struct {
	Rect
	Label string
}

func describe(s Shape) string {
	switch v := s.(type) {
	case Rect:
		return fmt.Sprintf("rect %vx%v", v.W, v.H)
	case *Circle:
		return fmt.Sprintf("circle r=%v", v.R)
	default:
		return "other " + v.Name()
	}
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1.5}, Named{Rect{1, 1}, "n"}}
	total := 0.0
	for i, s := range shapes {
		total += s.Area()
		fmt.Println(i, s.Name(), s.Area(), describe(s))
	}
	fmt.Println("total", total)
	var s Shape
	fmt.Println(s == nil)
	if r, ok := shapes[0].(Rect); ok {
		fmt.Println("is rect", r.W)
	}
	_, ok := shapes[1].(Rect)
	fmt.Println(ok)
	var e interface{} = 42
	switch x := e.(type) {
	case string:
		fmt.Println("string", x)
	case int, int64:
		fmt.Println("int-ish", x)
	}
	f := shapes[0].Area
	fmt.Println(f())
}
"""#
        let expected = #"""
0 rect 6 rect 2x3
1 circle 6.75 circle r=1.5
2 rect 1 other rect
total 13.75
true
is rect 2
false
int-ish 42
6
"""#
        let run = try GoRun.main(source)
        #expect(run.output == expected + "\n")
        #expect(run.report.exitCode == 0)
    }

    @Test func closuresDeferAndRecover() throws {
        let source = #"""
package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return
}

func deferOrder() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("defer", i)
	}
	fmt.Println("body")
}

func main() {
	c := counter()
	c()
	c()
	fmt.Println(c())
	k := 3
	fmt.Println(apply([]int{1, 2, 3}, func(x int) int { return x * k }))
	fmt.Println(divide(7, 2))
	fmt.Println(divide(1, 0))
	deferOrder()
	var fns []func()
	for i := 0; i < 3; i++ {
		j := i
		fns = append(fns, func() { fmt.Print(j, " ") })
	}
	for _, f := range fns {
		f()
	}
	fmt.Println()
	x := 10
	func() { x *= 2 }()
	fmt.Println(x)
}
"""#
        let expected = #"""
3
[3 6 9]
3 <nil>
0 recovered: runtime error: integer divide by zero
body
defer 2
defer 1
defer 0
0 1 2 
20
"""#
        let run = try GoRun.main(source)
        #expect(run.output == expected + "\n")
        #expect(run.report.exitCode == 0)
    }

    @Test func stringsRunesNumbersAndFormatting() throws {
        let source = #"""
package main

import "fmt"

func main() {
	s := "héllo, 世界"
	for i, r := range s {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println(len(s), []byte(s)[1], []rune(s)[1])
	b := []byte("abc")
	b[0] = 'x'
	fmt.Println(string(b), s[1:3], s[7:])
	fmt.Printf("%x %X %q %s|%-5s|%5s|\n", "hi", []byte("ok"), 'a', b, "ab", "cd")
	fmt.Printf("%08.3f|%+d|%x|%o|%b|%c|%U|%e|%g\n", 3.14159, 5, 255, 8, 5, 0x4e16, 0x4e16, 123456.789, 0.000012345)
	fmt.Println(1e21, 1e20, 123456789.0, 0.0001, 0.00001, float32(0.1), 1.0/3.0)
	var u8 uint8 = 250
	u8 += 10
	var i8 int8 = 127
	i8++
	var u uint = 0
	u--
	fmt.Println(u8, i8, u, -7/2, -7%2, 7>>1, -7>>1, 1<<62, uint32(1)<<31)
	var f float64 = -3.7
	fmt.Println(int(f), int64(f+6), uint8(300&0xff), float32(1)/3)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, true), fmt.Sprintln("x", 1))
	fmt.Printf("%v %+v %#v\n", struct{ A int; B string }{1, "x"}, struct{ A int; B string }{1, "x"}, []int{1, 2})
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d %d\n", 1, 2, 3)
	type T struct {
		P *int
		M map[string][]int
	}
	fmt.Println(T{M: map[string][]int{"z": {1}, "a": nil}})
	var p *int
	fmt.Println(p, nil, []string{}, map[int]bool{}, [2]bool{true})
}
"""#
        let expected = #"""
0:h 1:é 3:l 4:l 5:o 6:, 7:  8:世 11:界 14 195 233
xbc é  世界
6869 6F6B 'a' xbc|ab   |   cd|
0003.142|+5|ff|10|101|世|U+4E16|1.234568e+05|1.2345e-05
1e+21 1e+20 1.23456789e+08 0.0001 1e-05 0.1 0.3333333333333333
4 -128 18446744073709551615 -3 -1 3 -4 4611686018427387904 2147483648
-3 2 44 0.33333334
a1 2bc3.5 true x 1

{1 x} {A:1 B:x} []int{1, 2}
%!d(string=str) %!s(int=5)
%!d(MISSING)
1 2
%!(EXTRA int=3){<nil> map[a:[] z:[1]]}
<nil> <nil> [] map[] [true false]
"""#
        let run = try GoRun.main(source)
        #expect(run.output == expected + "\n")
        #expect(run.report.exitCode == 0)
    }

    @Test func pointersSlicesArraysAndMaps() throws {
        let source = #"""
package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

type Stack struct{ items []int }

func (s *Stack) Push(v int) { s.items = append(s.items, v) }
func (s *Stack) Pop() (int, bool) {
	if len(s.items) == 0 {
		return 0, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Err struct{ Code int }

func (e *Err) Error() string { return fmt.Sprintf("code %d", e.Code) }

func find(code int) error {
	if code == 0 {
		return nil
	}
	return &Err{code}
}

func main() {
	var head *Node
	for i := 0; i < 5; i++ {
		head = &Node{i, head}
	}
	for n := head; n != nil; n = n.Next {
		fmt.Print(n.Val)
	}
	fmt.Println()
	var st Stack
	st.Push(1)
	st.Push(2)
	v, ok := st.Pop()
	fmt.Println(v, ok, st.items)
	fmt.Println(Celsius(21.5), []Celsius{1, 2})
	fmt.Printf("%v %s %d\n", Celsius(3), Celsius(4), 5)
	if err := find(3); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println(find(0) == nil)
	arr := [5]int{1, 2, 3}
	sl := arr[1:4]
	sl[0] = 20
	fmt.Println(arr, sl, len(sl), cap(sl))
	sl = append(sl, 40)
	fmt.Println(arr)
	m := map[[2]int]string{{1, 2}: "a"}
	m[[2]int{3, 4}] = "b"
	fmt.Println(m[[2]int{1, 2}], len(m))
	delete(m, [2]int{1, 2})
	fmt.Println(m)
	grid := [3][3]int{}
	grid[1][2] = 5
	fmt.Println(grid)
	type pair struct{ a, b int }
	ps := []pair{{1, 2}, {3, 4}}
	ps[1].b = 40
	for _, p := range ps {
		p.a = 100
	}
	fmt.Println(ps, ps[0] == pair{1, 2})
	copy(ps, []pair{{9, 9}})
	fmt.Println(ps)
	s2 := []int{1, 2, 3, 4, 5}
	copy(s2[1:], s2)
	fmt.Println(s2)
}
"""#
        let expected = #"""
43210
2 true [1]
21.5°C [1.0°C 2.0°C]
3.0°C 4.0°C 5
error: code 3
true
[1 20 3 0 0] [20 3 0] 3 4
[1 20 3 0 40]
a 2
map[[3 4]:b]
[[0 0 0] [0 0 5] [0 0 0]]
[{1 2} {3 40}] true
[{9 9} {3 40}]
[1 1 2 3 4]
"""#
        let run = try GoRun.main(source)
        #expect(run.output == expected + "\n")
        #expect(run.report.exitCode == 0)
    }

    @Test func slicesMapsAndFuncsCompareWithNil() throws {
        let source = #"""
package main

import "fmt"

func main() {
	var m map[string]int
	var s []int
	var f func()
	fmt.Println(m == nil, s == nil, f == nil, nil == m)
	m = map[string]int{}
	s = []int{}
	f = func() {}
	fmt.Println(m == nil, s == nil, f != nil)
	var x float64 = 0
	y := 0.0
	fmt.Println(x+1.5, y)
}
"""#
        let run = try GoRun.main(source)
        #expect(run.output == "true true true true\nfalse false true\n1.5 0\n")
    }

    @Test func goroutinesAndChannels() throws {
        let source = #"""
package main

import "fmt"

func producer(n int, ch chan<- int) {
	for i := 0; i < n; i++ {
		ch <- i
	}
	close(ch)
}

func worker(id int, jobs <-chan int, results chan<- int, done chan bool) {
	for j := range jobs {
		results <- j * j
	}
	done <- true
}

func main() {
	ch := make(chan int)
	go producer(5, ch)
	sum := 0
	for v := range ch {
		sum += v
	}
	fmt.Println("sum", sum)
	jobs := make(chan int, 10)
	results := make(chan int, 10)
	done := make(chan bool)
	for w := 0; w < 3; w++ {
		go worker(w, jobs, results, done)
	}
	for i := 1; i <= 9; i++ {
		jobs <- i
	}
	close(jobs)
	for w := 0; w < 3; w++ {
		<-done
	}
	close(results)
	total := 0
	for r := range results {
		total += r
	}
	fmt.Println("total", total)
	v, ok := <-results
	fmt.Println(v, ok)
	buf := make(chan string, 2)
	buf <- "a"
	buf <- "b"
	fmt.Println(len(buf), cap(buf), <-buf, <-buf)
}
"""#
        let expected = #"""
sum 10
total 285
0 false
2 2 a b
"""#
        let run = try GoRun.main(source)
        #expect(run.output == expected + "\n")
        #expect(run.report.exitCode == 0)
    }

    @Test func constantsInitSwitchAndValueSemantics() throws {
        let source = #"""
package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

var (
	total = compute()
	base  = 10
)

func compute() int { return base * 2 }

func init() { fmt.Println("init runs first; total =", total, "base =", base) }

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func swap(a, b string) (string, string) { return b, a }

func grade(n int) string {
	switch {
	case n >= 90:
		return "A"
	case n >= 80:
		return "B"
	default:
		return "C"
	}
}

func main() {
	fmt.Println(Monday, Tuesday+0, Weekday(0))
	fmt.Printf("%v %d\n", Tuesday, Tuesday)
	fmt.Println(sum(), sum(1, 2, 3), sum([]int{4, 5}...))
	a, b := swap("x", "y")
	fmt.Println(a, b)
	x, y := 1, 2
	x, y = y, x+y
	fmt.Println(x, y)
	for i := 0; i < 6; i++ {
		switch i {
		case 0, 1:
			fmt.Print("low ")
		case 2:
			fmt.Print("two ")
			fallthrough
		case 3:
			fmt.Print("three-ish ")
		default:
			if i == 5 {
				break
			}
			fmt.Print("other ")
		}
	}
	fmt.Println()
	fmt.Println(grade(95), grade(85), grade(10))
	outer := 0
	for i := 0; i < 5; i++ {
		if i%2 == 0 {
			continue
		}
		for j := 0; j < 5; j++ {
			if j == 2 {
				break
			}
			outer += j
		}
	}
	fmt.Println("outer", outer)
	arr := [3]int{1, 2, 3}
	arr2 := arr
	arr2[0] = 100
	fmt.Println(arr, arr2, arr == [3]int{1, 2, 3})
	type P struct{ X, Y int }
	p1 := P{1, 2}
	p2 := p1
	p2.X = 9
	fmt.Println(p1, p2, p1 == P{1, 2}, p1 != p2)
	if v := sum(1, 1); v > 1 {
		fmt.Println("v is", v)
	} else if v == 1 {
		fmt.Println("one")
	}
	var iface interface{} = P{1, 2}
	fmt.Println(iface == P{1, 2}, iface == interface{}(P{2, 1}))
}
"""#
        let expected = #"""
init runs first; total = 20 base = 10
Mon Tue Sun
Tue 2
0 6 9
y x
2 3
low low two three-ish three-ish other 
A B C
outer 2
[1 2 3] [100 2 3] true
{1 2} {9 2} true true
v is 2
true false
"""#
        let run = try GoRun.main(source)
        #expect(run.output == expected + "\n")
        #expect(run.report.exitCode == 0)
    }

    @Test func deferOrderNamedResultsAndRepanics() throws {
        let source = #"""
package main

import "fmt"

func safeDiv(a, b int) (res int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("caught: %v", r)
			res = -1
		}
	}()
	return a / b, nil
}

func nested() (s string) {
	defer func() {
		r := recover()
		s = fmt.Sprint("outer recovered ", r)
	}()
	func() {
		defer func() {
			r := recover()
			panic(fmt.Sprint("re-panic after ", r))
		}()
		panic("first")
	}()
	return "not reached"
}

func counter() (n int) {
	defer func() { n *= 10 }()
	n = 4
	return n + 1
}

type resource struct{ name string }

func (r *resource) Close() { fmt.Println("closing", r.name) }

func use() {
	a := &resource{"a"}
	defer a.Close()
	b := &resource{"b"}
	defer b.Close()
	fmt.Println("using")
}

func main() {
	fmt.Println(safeDiv(10, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(nested())
	fmt.Println(counter())
	use()
	for i := 0; i < 3; i++ {
		defer func(n int) { fmt.Println("deferred arg", n) }(i)
	}
	x := 1
	defer fmt.Println("x at defer time:", x)
	x = 2
	fmt.Println("end of main, x =", x)
}
"""#
        let expected = #"""
5 <nil>
-1 caught: runtime error: integer divide by zero
outer recovered re-panic after first
50
using
closing b
closing a
end of main, x = 2
x at defer time: 1
deferred arg 2
deferred arg 1
deferred arg 0
"""#
        let run = try GoRun.main(source)
        #expect(run.output == expected + "\n")
        #expect(run.report.exitCode == 0)
    }

    @Test func algorithms() throws {
        let source = #"""
package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func sieve(n int) []int {
	composite := make([]bool, n+1)
	var primes []int
	for i := 2; i <= n; i++ {
		if !composite[i] {
			primes = append(primes, i)
			for j := i * i; j <= n; j += i {
				composite[j] = true
			}
		}
	}
	return primes
}

func wordCount(s string) map[string]int {
	counts := map[string]int{}
	word := ""
	for _, r := range s + " " {
		if r == ' ' {
			if word != "" {
				counts[word]++
			}
			word = ""
		} else {
			word += string(r)
		}
	}
	return counts
}

func reverse(s []int) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

func bubble(xs []int) {
	for i := range xs {
		for j := 0; j < len(xs)-1-i; j++ {
			if xs[j] > xs[j+1] {
				xs[j], xs[j+1] = xs[j+1], xs[j]
			}
		}
	}
}

func main() {
	fmt.Println(fib(20))
	fmt.Println(sieve(50))
	fmt.Println(wordCount("the cat and the hat and the bat"))
	s := []int{1, 2, 3, 4, 5}
	reverse(s)
	fmt.Println(s)
	xs := []int{5, 2, 9, 1, 7, 3}
	bubble(xs)
	fmt.Println(xs)
	matrix := [][]int{{1, 2}, {3, 4}}
	t := make([][]int, 2)
	for i := range t {
		t[i] = make([]int, 2)
		for j := range t[i] {
			t[i][j] = matrix[j][i]
		}
	}
	fmt.Println(t)
	var m map[string]int
	fmt.Println(m["missing"], len(m))
	v, ok := m["x"]
	fmt.Println(v, ok)
	bits := uint8(0b1010_1010)
	fmt.Println(bits>>4, bits<<1, bits&0x0f, bits|1, bits^0xff, bits&^0x0a, 1_000_000)
	var i32 int32 = 1 << 30
	i32 *= 4
	fmt.Println(i32, -9%4, 9%-4, -9/4)
	f := 10.0
	zero := 0.0
	fmt.Println(f/3, f/zero > 1e308, int64(f*1.5))
}
"""#
        let expected = #"""
6765
[2 3 5 7 11 13 17 19 23 29 31 37 41 43 47]
map[and:2 bat:1 cat:1 hat:1 the:3]
[5 4 3 2 1]
[1 2 3 5 7 9]
[[1 3] [2 4]]
0 0
0 false
10 84 10 171 85 160 1000000
0 -1 1 -2
3.3333333333333335 true 15
"""#
        let run = try GoRun.main(source)
        #expect(run.output == expected + "\n")
        #expect(run.report.exitCode == 0)
    }

    @Test func embeddingAndMethodValues() throws {
        let source = #"""
package main

import "fmt"

type Animal interface {
	Sound() string
}

type Dog struct{ name string }
type Cat struct{ name string }

func (d Dog) Sound() string  { return d.name + " says woof" }
func (c *Cat) Sound() string { return c.name + " says meow" }

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Log(s string) { l.lines = append(l.lines, l.prefix+s) }

type Service struct {
	*Logger
	Name string
}

type Base struct{ ID int }

func (b Base) Describe() string { return fmt.Sprintf("base %d", b.ID) }

type Derived struct {
	Base
	Extra string
}

func main() {
	animals := []Animal{Dog{"rex"}, &Cat{"tom"}}
	for _, a := range animals {
		fmt.Println(a.Sound())
	}
	svc := Service{&Logger{prefix: "[svc] "}, "api"}
	svc.Log("started")
	svc.Log("ready")
	fmt.Println(svc.lines, len(svc.Logger.lines))
	d := Derived{Base{7}, "x"}
	fmt.Println(d.Describe(), d.ID, d.Base.ID)
	var desc interface{ Describe() string } = d
	fmt.Println(desc.Describe())
	f := d.Describe
	d.ID = 8
	fmt.Println(f(), d.Describe())
	g := svc.Log
	g("via method value")
	fmt.Println(len(svc.lines))
	fmt.Printf("%v %+v\n", d, d)
	fmt.Printf("%T %T %T\n", animals[0], animals[1], svc)
}
"""#
        let expected = #"""
rex says woof
tom says meow
[[svc] started [svc] ready] 2
base 7 7 7
base 7
base 7 base 8
3
{{8} x} {Base:{ID:8} Extra:x}
main.Dog *main.Cat main.Service
"""#
        let run = try GoRun.main(source)
        #expect(run.output == expected + "\n")
        #expect(run.report.exitCode == 0)
    }

    @Test func pipelines() throws {
        let source = #"""
package main

import "fmt"

func gen(n int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	return ch
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	return out
}

func main() {
	total := 0
	for v := range square(gen(10)) {
		total += v
	}
	fmt.Println("sum of squares", total)
	done := make(chan struct{})
	results := make(chan string, 3)
	for i := 0; i < 3; i++ {
		go func(id int) {
			results <- fmt.Sprint("worker ", id)
			if id == 2 {
				close(done)
			}
		}(i)
	}
	<-done
	got := 0
	for got < 3 {
		<-results
		got++
	}
	fmt.Println("all", got, "workers reported")
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	n := 0
	for i := 0; i < 5; i++ {
		ping <- n
		n = <-pong
	}
	close(ping)
	_, ok := <-pong
	fmt.Println("ping-pong", n, ok)
}
"""#
        let expected = #"""
sum of squares 285
all 3 workers reported
ping-pong 5 false
"""#
        let run = try GoRun.main(source)
        #expect(run.output == expected + "\n")
        #expect(run.report.exitCode == 0)
    }
}

package bench

import "testing"

// A function literal that captures variables is an object: it costs an
// allocation when it escapes, and nothing when it is only called locally.

var sinkFunc func() int
var sinkTotal int

func counter(start int) func() int {
	n := start
	return func() int {
		n++
		return n
	}
}

func apply(xs []int, f func(int) int) int {
	t := 0
	for _, x := range xs {
		t += f(x)
	}
	return t
}

func BenchmarkEscapingClosure(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkFunc = counter(i)
	}
}

func BenchmarkLocalClosure(b *testing.B) {
	xs := []int{1, 2, 3, 4}
	for i := 0; i < b.N; i++ {
		k := i
		sinkTotal = apply(xs, func(x int) int { return x * k })
	}
}

func BenchmarkClosureNoCaptures(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkFunc = func() int { return 42 }
	}
}

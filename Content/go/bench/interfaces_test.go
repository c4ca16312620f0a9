package bench

import "testing"

// Calling a method through an interface allocates nothing; storing values
// into an interface does, unless they are pointers.

type shape interface{ area() int }

type square struct{ side int }
type rect struct{ w, h int }

func (s square) area() int { return s.side * s.side }
func (r *rect) area() int  { return r.w * r.h }

var sinkShapes []shape
var sinkArea int

func BenchmarkInterfaceCalls(b *testing.B) {
	shapes := []shape{square{3}, &rect{2, 5}, square{4}}
	b.ResetTimer()
	total := 0
	for i := 0; i < b.N; i++ {
		for _, s := range shapes {
			total += s.area()
		}
	}
	sinkArea = total
}

func BenchmarkStoreValues(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkShapes = []shape{square{i}, square{i + 1}}
	}
}

func BenchmarkStorePointers(b *testing.B) {
	r1, r2 := &rect{1, 2}, &rect{3, 4}
	for i := 0; i < b.N; i++ {
		sinkShapes = []shape{r1, r2}
	}
}

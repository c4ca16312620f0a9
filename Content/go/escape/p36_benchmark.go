package main

import "testing"

type point struct{ x, y int }

func newPoint(x, y int) *point { return &point{x, y} }

func addPoints(a, b point) point { return point{a.x + b.x, a.y + b.y} }

// Benchmarks report allocations per operation; escape analysis predicts
// them: the pointer version allocates once per call, the value version
// not at all.
func BenchmarkPointer(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		p := newPoint(i, i)
		_ = p.x
	}
}

func BenchmarkValue(b *testing.B) {
	b.ReportAllocs()
	var sum point
	for i := 0; i < b.N; i++ {
		sum = addPoints(sum, point{i, i})
	}
	_ = sum
}

func main() {}

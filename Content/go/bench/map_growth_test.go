package bench

import "testing"

// Filling a map past its load factor: each growth allocates a bucket array
// twice as large. A size hint allocates the final array up front.

var sinkGrown map[int]int

func fill(m map[int]int, n int) map[int]int {
	for k := 0; k < n; k++ {
		m[k] = k
	}
	return m
}

func BenchmarkMapGrow9(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkGrown = fill(make(map[int]int), 9)
	}
}

func BenchmarkMapGrow13(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkGrown = fill(make(map[int]int), 13)
	}
}

func BenchmarkMapGrow100(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkGrown = fill(make(map[int]int), 100)
	}
}

func BenchmarkMapHint100(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkGrown = fill(make(map[int]int, 100), 100)
	}
}

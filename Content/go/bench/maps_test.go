package bench

import "testing"

// A map that escapes starts as a 48-byte header; its first bucket (8
// entries) comes with the first insertion; beyond 6.5 entries per bucket
// on average it doubles its buckets.

var sinkMap map[int]int
var sinkStrMap map[string]bool

func BenchmarkMapEmpty(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkMap = make(map[int]int)
	}
}

func BenchmarkMapOneEntry(b *testing.B) {
	for i := 0; i < b.N; i++ {
		m := make(map[int]int)
		m[i] = i
		sinkMap = m
	}
}

func BenchmarkMapEightEntries(b *testing.B) {
	for i := 0; i < b.N; i++ {
		m := make(map[int]int)
		for k := 0; k < 8; k++ {
			m[k] = k
		}
		sinkMap = m
	}
}

func BenchmarkMapSizedHint(b *testing.B) {
	for i := 0; i < b.N; i++ {
		m := make(map[int]int, 8)
		for k := 0; k < 8; k++ {
			m[k] = k
		}
		sinkMap = m
	}
}

func BenchmarkMapLocal(b *testing.B) {
	total := 0
	for i := 0; i < b.N; i++ {
		m := make(map[int]int)
		m[1] = i
		m[2] = i
		total += m[1] + m[2]
	}
	sinkTotal = total
}

var sinkTotal int

func BenchmarkMapStringKeys(b *testing.B) {
	keys := []string{"a", "b", "c"}
	for i := 0; i < b.N; i++ {
		m := map[string]bool{}
		for _, k := range keys {
			m[k] = true
		}
		sinkStrMap = m
	}
}

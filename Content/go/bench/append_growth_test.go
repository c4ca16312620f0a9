package bench

import "testing"

// Appending to a nil slice: below 256 elements each growth doubles the
// capacity; from 256 on it grows by (cap + 3*256)/4, and every new backing
// array is rounded up to a size class.

var sinkInts []int

func appendN(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

func BenchmarkAppend10(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkInts = appendN(10)
	}
}

func BenchmarkAppend256(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkInts = appendN(256)
	}
}

func BenchmarkAppend257(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkInts = appendN(257)
	}
}

func BenchmarkAppend600(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkInts = appendN(600)
	}
}

func BenchmarkAppend1000(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkInts = appendN(1000)
	}
}

func BenchmarkAppendPreallocated1000(b *testing.B) {
	for i := 0; i < b.N; i++ {
		s := make([]int, 0, 1000)
		for j := 0; j < 1000; j++ {
			s = append(s, j)
		}
		sinkInts = s
	}
}

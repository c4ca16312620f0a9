package bench

import "testing"

// Slicing shares the backing array and copy writes into an existing one:
// neither allocates. append onto a slice with spare capacity writes in
// place; past the capacity it copies everything to a new array.

var sinkSlice []int

func BenchmarkReslice(b *testing.B) {
	s := make([]int, 100)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkSlice = s[10:20]
	}
}

func BenchmarkCopyInto(b *testing.B) {
	src := make([]int, 100)
	dst := make([]int, 100)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		copy(dst, src)
	}
	sinkSlice = dst
}

func BenchmarkAppendWithRoom(b *testing.B) {
	base := make([]int, 10, 20)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkSlice = append(base, 1, 2, 3)
	}
}

func BenchmarkAppendPastCap(b *testing.B) {
	base := make([]int, 10)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkSlice = append(base, 1)
	}
}

func BenchmarkAppendSlice(b *testing.B) {
	a := []int{1, 2, 3}
	c := []int{4, 5, 6, 7}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkSlice = append(a[:3:3], c...)
	}
}

package bench

import "testing"

// Pointer-free objects under 16 bytes share 16-byte tiny blocks: every one
// counts as an allocation, but only a fresh block adds bytes.

type pair32 struct{ a, b int32 }

var sinkInt *int
var sinkInt32 *int32
var sinkPair *pair32
var sinkByteSlice []byte

func newInt(v int) *int {
	x := v
	return &x
}

func BenchmarkNewInt(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkInt = newInt(i)
	}
}

func BenchmarkNewInt32(b *testing.B) {
	for i := 0; i < b.N; i++ {
		v := new(int32)
		*v = int32(i)
		sinkInt32 = v
	}
}

func BenchmarkNewPair(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkPair = &pair32{int32(i), 2}
	}
}

func BenchmarkThreeSmall(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkInt32 = new(int32)
		sinkInt = newInt(i)
		sinkByteSlice = make([]byte, 3)
	}
}

func BenchmarkSixteenBytes(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkByteSlice = make([]byte, 16)
	}
}

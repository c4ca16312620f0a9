package bench

import "testing"

// Converting a value to an interface copies it to the heap unless the
// runtime can avoid it: integers below 256, single bytes and bools,
// zero-sized values and pointers need no allocation.

type point struct{ x, y int }

var sinkAny interface{}

func BenchmarkBoxSmallInt(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkAny = i % 200
	}
}

func BenchmarkBoxLargeInt(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkAny = i + 1000
	}
}

func BenchmarkBoxString(b *testing.B) {
	s := "hello"
	for i := 0; i < b.N; i++ {
		sinkAny = s
	}
}

func BenchmarkBoxStruct(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkAny = point{i, i}
	}
}

func BenchmarkBoxPointer(b *testing.B) {
	p := &point{1, 2}
	for i := 0; i < b.N; i++ {
		sinkAny = p
	}
}

func BenchmarkBoxFloat(b *testing.B) {
	f := 1.5
	for i := 0; i < b.N; i++ {
		sinkAny = f
	}
}

func BenchmarkBoxByte(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkAny = byte(i)
	}
}

func BenchmarkBoxSlice(b *testing.B) {
	s := []int{1, 2, 3}
	for i := 0; i < b.N; i++ {
		sinkAny = s
	}
}

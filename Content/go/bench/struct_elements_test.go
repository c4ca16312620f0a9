package bench

import "testing"

// Growing a slice of 24-byte or 40-byte elements: the new capacity is
// rounded up to fill a size class, so it is not always a power of two.

type vec3 struct{ x, y, z float64 }

type record struct {
	name  string
	count int
	ok    bool
	next  *record
}

var sinkVecs []vec3
var sinkRecords []record

func BenchmarkAppendVec3x100(b *testing.B) {
	for i := 0; i < b.N; i++ {
		var vs []vec3
		for j := 0; j < 100; j++ {
			vs = append(vs, vec3{1, 2, 3})
		}
		sinkVecs = vs
	}
}

func BenchmarkAppendRecords50(b *testing.B) {
	for i := 0; i < b.N; i++ {
		var rs []record
		for j := 0; j < 50; j++ {
			rs = append(rs, record{name: "r", count: j})
		}
		sinkRecords = rs
	}
}

func BenchmarkAppendVec3x300(b *testing.B) {
	for i := 0; i < b.N; i++ {
		var vs []vec3
		for j := 0; j < 300; j++ {
			vs = append(vs, vec3{float64(j), 0, 0})
		}
		sinkVecs = vs
	}
}

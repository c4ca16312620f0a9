package bench

import "testing"

// []byte(s) and string(b) copy. A conversion whose result does not escape
// and fits in 32 bytes uses a buffer on the stack; comparing or looking up
// string(b) needs no copy at all.

var sinkConvBytes []byte
var sinkConvString string
var sinkFound bool

var lookup = map[string]int{"alpha": 1, "beta": 2}

func BenchmarkStringToBytesEscapes(b *testing.B) {
	s := "hello, memory lane"
	for i := 0; i < b.N; i++ {
		sinkConvBytes = []byte(s)
	}
}

func BenchmarkStringToBytesLocal(b *testing.B) {
	s := "hello, memory lane"
	n := 0
	for i := 0; i < b.N; i++ {
		bs := []byte(s)
		n += int(bs[0])
	}
	sinkFound = n > 0
}

func BenchmarkBytesToStringEscapes(b *testing.B) {
	bs := []byte("a byte slice that is longer than thirty-two bytes")
	for i := 0; i < b.N; i++ {
		sinkConvString = string(bs)
	}
}

func BenchmarkBytesToStringCompare(b *testing.B) {
	bs := []byte("alpha")
	found := 0
	for i := 0; i < b.N; i++ {
		if string(bs) == "alpha" {
			found++
		}
	}
	sinkFound = found == b.N
}

func BenchmarkBytesToStringLookup(b *testing.B) {
	bs := []byte("beta")
	total := 0
	for i := 0; i < b.N; i++ {
		total += lookup[string(bs)]
	}
	sinkFound = total > 0
}

func BenchmarkRunes(b *testing.B) {
	s := "héllo, 世界"
	for i := 0; i < b.N; i++ {
		rs := []rune(s)
		sinkConvString = string(rs[1:3])
	}
}

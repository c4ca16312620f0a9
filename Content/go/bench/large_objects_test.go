package bench

import "testing"

// Objects over 32 KiB get their own run of 8 KiB pages: 32769 bytes cost
// 40960, and a megabyte costs exactly a megabyte.

var sinkLarge []byte
var sinkLargeInts []int

func BenchmarkMake32KiB(b *testing.B) {
	n := 32 << 10
	for i := 0; i < b.N; i++ {
		sinkLarge = make([]byte, n)
	}
}

func BenchmarkMake32KiBPlus1(b *testing.B) {
	n := 32<<10 + 1
	for i := 0; i < b.N; i++ {
		sinkLarge = make([]byte, n)
	}
}

func BenchmarkMake100000(b *testing.B) {
	n := 100000
	for i := 0; i < b.N; i++ {
		sinkLarge = make([]byte, n)
	}
}

func BenchmarkMakeInts10000(b *testing.B) {
	n := 10000
	for i := 0; i < b.N; i++ {
		sinkLargeInts = make([]int, n)
	}
}

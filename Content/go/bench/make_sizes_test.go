package bench

import "testing"

// make with a size known only at run time goes to the heap. The bytes
// handed out are the request rounded up to a size class (up to 32 KiB),
// or to whole 8 KiB pages for larger objects.

var sinkBytes []byte

func makeBytes(n int) []byte { return make([]byte, n) }

func BenchmarkMake24(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkBytes = makeBytes(24)
	}
}

func BenchmarkMake33(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkBytes = makeBytes(33)
	}
}

func BenchmarkMake100(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkBytes = makeBytes(100)
	}
}

func BenchmarkMake1000(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkBytes = makeBytes(1000)
	}
}

func BenchmarkMake5000(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkBytes = makeBytes(5000)
	}
}

func BenchmarkMake20000(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkBytes = makeBytes(20000)
	}
}

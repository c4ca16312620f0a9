package bench

import "testing"

// make(chan T, n) allocates the 96-byte channel header, with the buffer
// in the same allocation when the elements hold no pointers.

var sinkChan chan int
var sinkPtrChan chan *int

func BenchmarkUnbufferedChan(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkChan = make(chan int)
	}
}

func BenchmarkBufferedChan(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkChan = make(chan int, 16)
	}
}

func BenchmarkPointerChan(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkPtrChan = make(chan *int, 16)
	}
}

func BenchmarkSendReceive(b *testing.B) {
	c := make(chan int, 1)
	total := 0
	for i := 0; i < b.N; i++ {
		c <- i
		total += <-c
	}
	sinkChan = c
	if total < 0 {
		b.Fatal("negative")
	}
}

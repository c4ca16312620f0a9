package main

// The compiler must know a slice's size at build time to put it on the
// stack, and the size must be at most 64 KiB.
func sizes(n int) int {
	small := make([]byte, 1024)    // constant and small: stack
	dynamic := make([]byte, n)     // size known only at run time: heap
	big := make([]int64, 8192)     // exactly 64 KiB: still fits
	bigger := make([]int64, 8193)  // one element more: heap
	withCap := make([]byte, 0, 64) // constant capacity: stack
	return len(small) + len(dynamic) + len(big) + len(bigger) + cap(withCap)
}

const pageSize = 4096

func page() int {
	p := make([]byte, pageSize) // a named constant is a constant too
	return len(p)
}

func main() {
	_ = sizes(10)
	_ = page()
}

package main

// A function literal called right where it is written is the simplest
// closure of all: nothing about it needs the heap, even when it returns
// a pointer to its caller's variable.
func main() {
	var u int
	*(func() *int { return &u }()) = 42

	sum := func(a, b int) int { return a + b }(1, 2)
	_ = sum
}

package main

import "fmt"

// makeCounter returns a closure that keeps count between calls: count is
// captured by reference and outlives makeCounter, so it moves to the heap,
// and so does the closure.
func makeCounter() func() int {
	count := 0
	return func() int {
		count++
		return count
	}
}

func main() {
	next := makeCounter()
	next()
	fmt.Println(next())
}

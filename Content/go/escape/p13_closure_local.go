package main

import "fmt"

// A closure used only inside the function that makes it does not escape,
// and the variables it captures can stay on the stack.
func sumSquares(xs []int) int {
	total := 0
	add := func(v int) {
		total += v * v
	}
	for _, x := range xs {
		add(x)
	}
	return total
}

// limit is never reassigned and small: the closure captures a copy.
func countAbove(xs []int, limit int) int {
	above := func(v int) bool { return v > limit }
	n := 0
	for _, x := range xs {
		if above(x) {
			n++
		}
	}
	return n
}

func main() {
	xs := []int{1, 5, 9}
	fmt.Println(sumSquares(xs), countAbove(xs, 4))
}

package main

type node struct {
	val  int
	next *node
}

// A value made inside a loop and stored in a variable declared outside
// it outlives the iteration, so it must go to the heap even though the
// function keeps it to itself.
func lastOf(n int) int {
	var last *node
	for i := 0; i < n; i++ {
		cur := node{val: i}
		last = &cur
	}
	if last == nil {
		return 0
	}
	return last.val
}

// Declared inside the loop body instead, nothing escapes.
func sumOf(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		cur := node{val: i}
		p := &cur
		s += p.val
	}
	return s
}

func main() {
	_ = lastOf(3)
	_ = sumOf(3)
}

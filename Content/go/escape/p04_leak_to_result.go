package main

type node struct {
	value int
	next  *node
}

// identity hands its parameter back: "leaking param: n to result ~r0 level=0".
func identity(n *node) *node {
	return n
}

// second returns what n points at, one dereference away: level=1.
func second(n *node) *node {
	return n.next
}

// third goes two links down: level=2.
func third(n *node) *node {
	return n.next.next
}

func main() {
	c := node{value: 3}
	b := node{value: 2, next: &c}
	a := node{value: 1, next: &b}
	_ = identity(&a)
	_ = second(&a)
	_ = third(&a)
}

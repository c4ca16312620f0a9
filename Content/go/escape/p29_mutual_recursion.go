package main

type tree struct {
	left, right *tree
	value       int
}

// walkEven and walkOdd call each other, so they are analysed together as
// one group; the tree they are given still does not escape.
func walkEven(t *tree, depth int) int {
	if t == nil {
		return 0
	}
	return t.value + walkOdd(t.left, depth+1) + walkOdd(t.right, depth+1)
}

func walkOdd(t *tree, depth int) int {
	if t == nil {
		return 0
	}
	return walkEven(t.left, depth+1) - walkEven(t.right, depth+1)
}

// pick returns one of two pointers it was given, through a recursive call.
func pick(a, b *tree, n int) *tree {
	if n == 0 {
		return a
	}
	return pick(b, a, n-1)
}

func main() {
	leaf := tree{value: 1}
	root := tree{left: &leaf, value: 2}
	_ = walkEven(&root, 0)
	other := tree{value: 3}
	_ = pick(&root, &other, 3)
}

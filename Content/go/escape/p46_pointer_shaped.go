package main

import "fmt"

type handle struct {
	fd *int
}

type pair struct {
	a, b int
}

// An interface can hold a pointer (or a struct holding just one pointer)
// directly; anything else is copied to a new allocation first. The first
// kind of conversion never allocates.
func main() {
	fd := 3
	h := handle{fd: &fd}
	p := pair{1, 2}
	m := map[string]int{}
	var xs []any
	xs = append(xs, h, p, &p, m)
	fmt.Println(len(xs))
}

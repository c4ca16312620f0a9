package main

import "fmt"

type resource struct {
	name   string
	closed bool
}

func (r *resource) Close() {
	r.closed = true
}

// A defer at the top of a function runs before the frame goes away, so
// what it holds can stay on the stack.
func use() {
	r := resource{name: "file"}
	defer r.Close()
	defer func() {
		fmt.Println("closing", r.name)
	}()
}

// A defer inside a loop may pile up an unknown number of records: the
// compiler puts those on the heap, with everything they hold.
func useMany(names []string) {
	for _, n := range names {
		r := resource{name: n}
		defer r.Close()
	}
}

func main() {
	use()
	useMany([]string{"a", "b"})
}

package main

import "fmt"

type entry struct {
	name string
}

// Package-level variables live for the whole program. Their initial
// values are laid out by the compiler when it can (literals, &T{}) and
// computed at start-up otherwise, and anything stored in them escapes.
var (
	registry = map[string]*entry{}
	defaults = []string{"a", "b"}
	root     = &entry{name: "root"}
	buffer   = make([]byte, 0, 1024)
	banner   = fmt.Sprintf("v%d.%d", 1, 19)
)

func register(name string) *entry {
	e := &entry{name: name}
	registry[name] = e
	return e
}

func main() {
	register("x")
	fmt.Println(len(defaults), root.name, cap(buffer), banner)
}

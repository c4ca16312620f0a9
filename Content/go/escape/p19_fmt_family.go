package main

import "fmt"

type point struct {
	x, y int
}

// fmt's printing functions keep no reference to the argument list itself
// ("... argument does not escape"), but every value converted to an
// interface for them escapes.
func main() {
	p := point{1, 2}
	name := "origin"
	fmt.Printf("%s is at %v\n", name, p)
	s := fmt.Sprintf("%d,%d", p.x, p.y)
	fmt.Print(s, "\n")
	fmt.Println()
	label := fmt.Sprintln("done")
	_ = label
}

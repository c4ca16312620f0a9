package main

type point struct {
	x, y int
}

// A function that only reads through its pointer parameters does not let
// them escape: callers may pass pointers to their stack variables.
func distance2(a, b *point) int {
	dx := a.x - b.x
	dy := a.y - b.y
	return dx*dx + dy*dy
}

// move writes through the pointer: still no escape.
func move(p *point, dx, dy int) {
	p.x += dx
	p.y += dy
}

func main() {
	a := point{1, 2}
	b := point{4, 6}
	move(&a, 1, 1)
	_ = distance2(&a, &b)
}

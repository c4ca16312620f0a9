package main

type buffer struct {
	data []byte
}

var retained [][]byte

// keep stores what b points to (its slice), not b itself: the callee may
// keep b's content, so the parameter's "content" leaks.
func keep(b *buffer) {
	retained = append(retained, b.data)
}

func main() {
	b := buffer{data: make([]byte, 16)}
	keep(&b)
}

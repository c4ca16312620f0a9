package main

type entry struct {
	key string
}

// copy of values into a local slice needs nothing; copying pointers out
// of a parameter's slice into one that lives on means the pointers (the
// parameter's content) leak.
func snapshot(src []int) int {
	dst := make([]int, len(src))
	n := copy(dst, src)
	return n
}

var saved = make([]*entry, 8)

func save(src []*entry) {
	copy(saved, src)
}

func main() {
	_ = snapshot([]int{1, 2})
	e := entry{key: "k"}
	save([]*entry{&e})
}

package main

// A variadic parameter is a slice the compiler builds at each call site
// ("... argument"). If the callee keeps nothing, that slice stays on the
// caller's stack; if it keeps the slice, it moves to the heap.
func max(first int, rest ...int) int {
	m := first
	for _, v := range rest {
		if v > m {
			m = v
		}
	}
	return m
}

var history [][]string

func record(events ...string) {
	history = append(history, events)
}

func main() {
	_ = max(3, 7, 1)
	_ = max(4)
	record("start", "stop")
	parts := []string{"a", "b"}
	record(parts...)
}

package main

type span struct {
	start, end int
}

// Named results are variables too: returning a pointer through one leaks
// the parameter to that result by name.
func widest(a, b *span) (w *span) {
	w = a
	if b.end-b.start > a.end-a.start {
		w = b
	}
	return
}

func split(s *span) (left, right span) {
	mid := (s.start + s.end) / 2
	left = span{s.start, mid}
	right = span{mid, s.end}
	return left, right
}

func main() {
	a := span{0, 3}
	b := span{1, 9}
	_ = widest(&a, &b)
	l, r := split(&b)
	_, _ = l, r
}

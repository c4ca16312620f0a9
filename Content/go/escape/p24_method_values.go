package main

type logger struct {
	prefix string
	lines  int
}

func (l *logger) log(msg string) {
	l.lines++
}

func each(items []string, f func(string)) {
	for _, it := range items {
		f(it)
	}
}

// l.log as a value is a closure that holds l. Passed to a function that
// calls it through an unknown func value, it must be on the heap.
func main() {
	l := logger{prefix: "> "}
	each([]string{"a", "b"}, l.log)

	local := logger{}
	f := local.log
	f("x")
}

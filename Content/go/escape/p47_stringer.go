package main

import "fmt"

type state int

const (
	idle state = iota
	running
	stopped
)

var names = [...]string{"idle", "running", "stopped"}

// String is found by fmt through an interface; the receiver is a small
// integer, boxed when it is printed.
func (s state) String() string {
	if int(s) < len(names) {
		return names[s]
	}
	return fmt.Sprintf("state(%d)", int(s))
}

func next(s state) state {
	switch s {
	case idle:
		return running
	case running:
		return stopped
	default:
		return s
	}
}

func main() {
	s := idle
	for i := 0; i < 3; i++ {
		s = next(s)
	}
	fmt.Println(s, stopped)
}

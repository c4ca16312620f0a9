package main

type task struct {
	name string
	done bool
}

// In Go 1.19 a range loop has one variable for the whole loop. Taking its
// address and keeping it past the iteration moves that variable to the
// heap; pointing into the slice instead keeps everything where it was.
func pending(tasks []task) []*task {
	var out []*task
	for _, t := range tasks {
		if !t.done {
			out = append(out, &t) // a classic bug, and an escape
		}
	}
	return out
}

func pendingFixed(tasks []task) []*task {
	var out []*task
	for i := range tasks {
		if !tasks[i].done {
			out = append(out, &tasks[i])
		}
	}
	return out
}

func main() {
	ts := []task{{"a", false}, {"b", true}}
	_ = pending(ts)
	_ = pendingFixed(ts)
}

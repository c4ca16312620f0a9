package main

type job struct {
	id   int
	data []byte
}

// Anything sent on a channel can be received by another goroutine at any
// time, so what is sent must live on the heap.
func produce(out chan<- *job) {
	for i := 0; i < 3; i++ {
		j := job{id: i}
		out <- &j
	}
	close(out)
}

// Sending a struct by value copies it; only the bytes it points to escape.
func produceValues(out chan<- job) {
	buf := make([]byte, 4)
	out <- job{id: 1, data: buf}
}

func main() {
	ch := make(chan *job, 3)
	produce(ch)
	for j := range ch {
		_ = j.id
	}
	vals := make(chan job, 1)
	produceValues(vals)
	<-vals
}

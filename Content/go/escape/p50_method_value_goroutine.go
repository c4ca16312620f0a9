package main

import "fmt"

type server struct {
	name  string
	ready chan bool
}

func (s *server) serve() {
	s.ready <- true
}

// go s.serve() hands the receiver to a new goroutine: it moves to the
// heap. A method value started with go does the same.
func main() {
	s := server{name: "api", ready: make(chan bool)}
	go s.serve()
	<-s.ready

	t := server{name: "admin", ready: make(chan bool)}
	run := t.serve
	go run()
	<-t.ready
	fmt.Println(s.name, t.name)
}

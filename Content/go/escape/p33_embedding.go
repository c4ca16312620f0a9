package main

import "fmt"

type base struct {
	id   int
	tags []string
}

func (b *base) tag(t string) { b.tags = append(b.tags, t) }

func (b base) describe() string { return fmt.Sprint("item ", b.id) }

// server embeds base: its methods are promoted, reached through the
// embedded field, and analysed as calls on that field.
type server struct {
	base
	addr string
}

func main() {
	s := server{base: base{id: 7}, addr: ":8080"}
	s.tag("web")
	fmt.Println(s.describe(), s.addr)
}

package main

import "fmt"

type conn struct {
	addr string
	open bool
}

// A (value, error) pair: the connection is returned by pointer and
// escapes; the error is built by fmt.Errorf and escapes too.
func dial(addr string) (*conn, error) {
	if addr == "" {
		return nil, fmt.Errorf("dial: empty address")
	}
	return &conn{addr: addr, open: true}, nil
}

func mustDial(addr string) *conn {
	c, err := dial(addr)
	if err != nil {
		panic(err)
	}
	return c
}

func main() {
	c := mustDial("localhost:80")
	fmt.Println(c.addr)
}

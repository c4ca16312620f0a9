package main

import "fmt"

type user struct {
	name  string
	email string
	age   int
}

// newUser is the usual Go constructor: it returns a pointer, so the
// struct it builds is moved to the heap.
func newUser(name, email string, age int) *user {
	u := user{name: name, email: email, age: age}
	return &u
}

// makeUser returns a copy instead: nothing here needs the heap.
func makeUser(name, email string, age int) user {
	return user{name: name, email: email, age: age}
}

func main() {
	a := newUser("yumin", "yumin@example.com", 24)
	b := makeUser("jay", "jay@example.com", 31)
	fmt.Println(a.name, b.name)
}

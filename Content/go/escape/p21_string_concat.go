package main

import "fmt"

// Concatenation builds a new string. Used only for a comparison it can be
// built in a stack buffer; returned, it must be on the heap.
func fullName(first, last string) string {
	return first + " " + last
}

func isAdmin(first, last string) bool {
	return first+"."+last == "root.admin"
}

func greet(names []string) {
	msg := "hello"
	for _, n := range names {
		msg += ", " + n
	}
	fmt.Println(msg)
}

func main() {
	fmt.Println(fullName("Rob", "Pike"), isAdmin("root", "admin"))
	greet([]string{"a", "b"})
}

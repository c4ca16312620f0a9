package main

import "fmt"

// sum keeps its counter in new(int), but the pointer never leaves the
// function: the compiler can give it a stack slot.
func sum(values []int) int {
	total := new(int)
	for _, v := range values {
		*total += v
	}
	return *total
}

// counter returns the pointer, so the int must outlive the call.
func counter() *int {
	c := new(int)
	*c = 10
	return c
}

func main() {
	values := []int{1, 2, 3}
	fmt.Println(sum(values))
	c := counter()
	*c++
	fmt.Println(*c)
}

package main

import "fmt"

type celsius float64

// Putting a value in an interface copies it to a new place the interface
// points to; if the interface escapes, so does that copy.
func describe(v any) string {
	return fmt.Sprint(v)
}

func main() {
	n := 42
	t := celsius(21.5)
	p := &n
	fmt.Println(n, t, p)
	_ = describe(n)

	var values []interface{}
	values = append(values, n, t)
	_ = values
}

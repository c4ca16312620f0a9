package main

import "fmt"

type circle struct{ r float64 }
type square struct{ side float64 }

// A type switch unpacks an interface: the variable in each clause gets
// the value with that clause's type.
func area(s any) float64 {
	switch v := s.(type) {
	case *circle:
		return 3.14 * v.r * v.r
	case square:
		return v.side * v.side
	case nil:
		return 0
	default:
		fmt.Println("unknown", v)
		return -1
	}
}

func main() {
	c := circle{2}
	_ = area(&c)
	_ = area(square{3})
}

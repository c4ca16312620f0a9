package main

type shape interface {
	area() float64
}

type rect struct {
	w, h float64
}

func (r *rect) area() float64 { return r.w * r.h }

// Calling a method through an interface: the compiler cannot see which
// method runs, so it assumes the receiver escapes.
func totalArea(shapes []shape) float64 {
	sum := 0.0
	for _, s := range shapes {
		sum += s.area()
	}
	return sum
}

func main() {
	a := &rect{2, 3}
	b := &rect{4, 5}
	_ = totalArea([]shape{a, b})

	// When the concrete type is plain to see, the call is made directly
	// ("devirtualized") and the value can stay on the stack.
	var s shape = &rect{1, 1}
	_ = s.area()
}

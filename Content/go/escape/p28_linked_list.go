package main

type list struct {
	head *elem
	size int
}

type elem struct {
	value int
	next  *elem
}

// push allocates each element with &elem{} and links it into the list it
// was given: the elements outlive push.
func (l *list) push(v int) {
	l.head = &elem{value: v, next: l.head}
	l.size++
}

// sum walks the list recursively; recursion does not make anything escape.
func sum(e *elem) int {
	if e == nil {
		return 0
	}
	return e.value + sum(e.next)
}

func main() {
	var l list
	for i := 0; i < 3; i++ {
		l.push(i)
	}
	_ = sum(l.head)
}

package main

import "fmt"

type result struct {
	id  int
	sum int
}

// Each worker is a goroutine running a closure: the closure and the
// variables it shares by reference are on the heap, and so is every
// result it sends.
func main() {
	jobs := make(chan int, 10)
	results := make(chan *result, 10)
	for w := 0; w < 3; w++ {
		go func(id int) {
			for j := range jobs {
				results <- &result{id: id, sum: j * 2}
			}
		}(w)
	}
	for i := 0; i < 5; i++ {
		jobs <- i
	}
	close(jobs)
	total := 0
	for i := 0; i < 5; i++ {
		r := <-results
		total += r.sum
	}
	fmt.Println(total)
}

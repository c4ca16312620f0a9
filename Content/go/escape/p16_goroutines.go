package main

type counter struct {
	n int
}

func (c *counter) add(k int) {
	c.n += k
}

func work(c *counter, done chan<- bool) {
	c.add(1)
	done <- true
}

// A goroutine may run after its starter returns: whatever it is handed,
// and any closure it runs, goes to the heap.
func main() {
	var c counter
	done := make(chan bool)
	go work(&c, done)
	<-done

	total := 0
	go func() {
		total++
		done <- true
	}()
	<-done
	_ = total
}

package main

import "fmt"

type item struct {
	name  string
	price int
}

// countWords keeps its map to itself: the map header can stay on the stack.
func countWords(words []string) int {
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	return len(counts)
}

// index stores pointers in a map it returns: the map and every item escape.
func index(names []string) map[string]*item {
	m := make(map[string]*item)
	for i, n := range names {
		it := item{name: n, price: i}
		m[n] = &it
	}
	return m
}

func main() {
	words := []string{"go", "gc", "go"}
	fmt.Println(countWords(words))
	fmt.Println(len(index(words)))
}

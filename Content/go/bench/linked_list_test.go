package bench

import "testing"

// Every node of a linked list is its own small allocation; a slice of
// values holds the same data in one.

type node struct {
	value int
	next  *node
}

var sinkNode *node
var sinkValues []int

func buildList(n int) *node {
	var head *node
	for i := 0; i < n; i++ {
		head = &node{value: i, next: head}
	}
	return head
}

func sumList(head *node) int {
	t := 0
	for n := head; n != nil; n = n.next {
		t += n.value
	}
	return t
}

func BenchmarkBuildList100(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkNode = buildList(100)
	}
}

func BenchmarkBuildSlice100(b *testing.B) {
	for i := 0; i < b.N; i++ {
		s := make([]int, 0, 100)
		for j := 0; j < 100; j++ {
			s = append(s, j)
		}
		sinkValues = s
	}
}

func BenchmarkSumList100(b *testing.B) {
	head := buildList(100)
	b.ResetTimer()
	total := 0
	for i := 0; i < b.N; i++ {
		total += sumList(head)
	}
	sinkValues = []int{total}
}

package adserver

import "testing"

type targetList []any

// Filter makes a new slice on every call, as in the talk.
func (list targetList) Filter(match func(any) bool) targetList {
	filtered := make(targetList, 0, len(list))
	for _, e := range list {
		if match(e) {
			filtered = append(filtered, e)
		}
	}
	return filtered
}

// Count walks the list the same way but keeps nothing: the same work
// without the allocation.
func (list targetList) Count(match func(any) bool) int {
	n := 0
	for _, e := range list {
		if match(e) {
			n++
		}
	}
	return n
}

func small(v any) bool { return v.(int) < 50 }

func candidates() targetList {
	list := make(targetList, 100)
	for i := range list {
		list[i] = i
	}
	return list
}

// A running server keeps a lot on its heap: here, 100,000 campaigns.
type campaign struct {
	id     int
	budget int
	name   *string
}

var catalogue []*campaign

func loadCatalogue() {
	name := "spring sale"
	catalogue = make([]*campaign, 100000)
	for i := range catalogue {
		catalogue[i] = &campaign{id: i, budget: 1000, name: &name}
	}
}

var sink targetList
var sinkCount int

func BenchmarkCount(b *testing.B) {
	list := candidates()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkCount = list.Count(small)
	}
}

func BenchmarkFilter(b *testing.B) {
	list := candidates()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sink = list.Filter(small)
	}
}

func BenchmarkFilterBusyHeap(b *testing.B) {
	if len(catalogue) == 0 {
		loadCatalogue()
	}
	list := candidates()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sink = list.Filter(small)
	}
}

package bench

import "testing"

// Knowing the final length: make([]T, 0, n) turns a chain of growths into
// one allocation; make([]T, n) and indexing does the same.

type entry struct {
	key   string
	value int
}

var sinkEntries []entry
var sinkKeys []string

func collectGrow(n int) []entry {
	var out []entry
	for i := 0; i < n; i++ {
		out = append(out, entry{"k", i})
	}
	return out
}

func collectPrealloc(n int) []entry {
	out := make([]entry, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, entry{"k", i})
	}
	return out
}

func collectIndexed(n int) []entry {
	out := make([]entry, n)
	for i := range out {
		out[i] = entry{"k", i}
	}
	return out
}

func BenchmarkCollectGrow(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkEntries = collectGrow(200)
	}
}

func BenchmarkCollectPrealloc(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkEntries = collectPrealloc(200)
	}
}

func BenchmarkCollectIndexed(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkEntries = collectIndexed(200)
	}
}

func BenchmarkAppendStrings(b *testing.B) {
	names := []string{"ann", "bob", "cid", "dee", "eve", "fay", "gus"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var ks []string
		for _, n := range names {
			ks = append(ks, n)
		}
		sinkKeys = ks
	}
}

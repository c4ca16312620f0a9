package bench

import "testing"

// The case study's method in three versions: a new slice per call (one
// allocation), the same with the size known up front (still one), and
// in place, reusing the input's backing array (none, but the input changes).

type item struct {
	id    int
	score int
}

func filterNew(xs []item, min int) []item {
	var out []item
	for _, x := range xs {
		if x.score >= min {
			out = append(out, x)
		}
	}
	return out
}

func filterPrealloc(xs []item, min int) []item {
	out := make([]item, 0, len(xs))
	for _, x := range xs {
		if x.score >= min {
			out = append(out, x)
		}
	}
	return out
}

func filterInPlace(xs []item, min int) []item {
	n := 0
	for _, x := range xs {
		if x.score >= min {
			xs[n] = x
			n++
		}
	}
	return xs[:n]
}

func items(n int) []item {
	xs := make([]item, n)
	for i := range xs {
		xs[i] = item{id: i, score: i % 10}
	}
	return xs
}

var sinkItems []item

func BenchmarkFilterNew(b *testing.B) {
	xs := items(64)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkItems = filterNew(xs, 5)
	}
}

func BenchmarkFilterPrealloc(b *testing.B) {
	xs := items(64)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkItems = filterPrealloc(xs, 5)
	}
}

func BenchmarkFilterInPlace(b *testing.B) {
	xs := items(64)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkItems = filterInPlace(xs, 0)
	}
}

func TestFilters(t *testing.T) {
	a := filterNew(items(20), 5)
	c := filterPrealloc(items(20), 5)
	d := filterInPlace(items(20), 5)
	if len(a) != 10 || len(c) != 10 || len(d) != 10 {
		t.Fatalf("lengths %d %d %d, want 10", len(a), len(c), len(d))
	}
	for i := range a {
		if a[i] != c[i] || a[i] != d[i] {
			t.Errorf("element %d differs: %v %v %v", i, a[i], c[i], d[i])
		}
	}
}

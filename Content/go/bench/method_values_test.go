package bench

import "testing"

// A method value (t.Inc without calling it) binds its receiver into a
// small closure object; calling the method directly allocates nothing.

type tally struct{ n int }

func (t *tally) Inc() int {
	t.n++
	return t.n
}

var sinkMethod func() int

func BenchmarkMethodCall(b *testing.B) {
	t := &tally{}
	for i := 0; i < b.N; i++ {
		t.Inc()
	}
	sinkTotal = t.n
}

func BenchmarkMethodValue(b *testing.B) {
	t := &tally{}
	for i := 0; i < b.N; i++ {
		sinkMethod = t.Inc
	}
}

var sinkTotal int

package adserver

import "testing"

type targetList []any

// Filter keeps the candidates that match, in their order, in the backing
// array of list itself: no new slice, and list's elements are overwritten.
func (list targetList) Filter(match func(any) bool) targetList {
	n := 0
	for _, e := range list {
		if match(e) {
			list[n] = e
			n++
		}
	}
	list = list[:n]
	return list
}

func small(v any) bool { return v.(int) < 50 }

func TestFilterKeepsMatches(t *testing.T) {
	got := targetList{7, 70, 8, 80, 9}.Filter(small)
	if len(got) != 3 {
		t.Fatalf("kept %d candidates, want 3", len(got))
	}
}

func TestFilterKeepsOrder(t *testing.T) {
	got := targetList{3, 90, 1, 2}.Filter(small)
	want := targetList{3, 1, 2}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("position %d holds %v, want %v", i, got[i], want[i])
		}
	}
}

// A request fills several ad slots from the same candidates: after one
// Filter, the full list must still be there for the next slot.
func TestFilterLeavesInputAlone(t *testing.T) {
	candidates := targetList{7, 70, 8, 80}
	_ = candidates.Filter(small)
	want := targetList{7, 70, 8, 80}
	for i := range want {
		if candidates[i] != want[i] {
			t.Errorf("candidates[%d] is %v after Filter, want %v", i, candidates[i], want[i])
		}
	}
}

var sink targetList

func BenchmarkFilter(b *testing.B) {
	list := make(targetList, 100)
	for i := range list {
		list[i] = i
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sink = list.Filter(small)
	}
}

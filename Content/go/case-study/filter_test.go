package adserver

import "testing"

// The ad server's list of candidates, as the talk shows it: any value can
// be a candidate, and Filter keeps the ones that suit a request.
type targetList []any

// Filter returns the candidates that match, in their order.
func (list targetList) Filter(match func(any) bool) targetList {
	filtered := make(targetList, 0, len(list)) // The bottleneck
	for _, e := range list {
		if match(e) {
			filtered = append(filtered, e)
		}
	}
	return filtered
}

// small stands for a request's real conditions (budget, targeting, ...).
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

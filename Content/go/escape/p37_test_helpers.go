package main

import "testing"

func reverse(s []int) []int {
	out := make([]int, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

// t.Errorf keeps its arguments (they are converted to interfaces), and
// the testing methods keep t itself.
func TestReverse(t *testing.T) {
	got := reverse([]int{1, 2, 3})
	if got[0] != 3 {
		t.Errorf("reverse()[0] = %d, want 3", got[0])
	}
	t.Log("checked", len(got), "values")
}

func main() {}

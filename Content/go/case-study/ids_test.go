package adserver

import "testing"

type ad struct {
	id     int
	budget int
}

// IDs lists the ids of the chosen ads, in order, for the response.
func IDs(ads []*ad) []int {
	var ids []int
	for _, a := range ads {
		ids = append(ids, a.id)
	}
	return ids
}

func someAds(n int) []*ad {
	ads := make([]*ad, n)
	for i := range ads {
		ads[i] = &ad{id: i, budget: i % 3}
	}
	return ads
}

func TestIDs(t *testing.T) {
	ids := IDs(someAds(5))
	if len(ids) != 5 {
		t.Fatalf("got %d ids, want 5: %v", len(ids), ids)
	}
	for i, id := range ids {
		if id != i {
			t.Errorf("ids[%d] = %d, want %d", i, id, i)
		}
	}
}

var sinkIDs []int

func BenchmarkIDs(b *testing.B) {
	ads := someAds(100)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkIDs = IDs(ads)
	}
}

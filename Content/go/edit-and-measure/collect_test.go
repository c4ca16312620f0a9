package casestudy

import "testing"

// Collecting the IDs of a list of ads: the result grows one append at a
// time, although its final length is known before the loop starts.

type Ad struct {
	ID     int
	Budget int
}

func IDs(ads []*Ad) []int {
	var ids []int
	for _, ad := range ads {
		ids = append(ids, ad.ID)
	}
	return ids
}

func sampleAds(n int) []*Ad {
	ads := make([]*Ad, n)
	for i := range ads {
		ads[i] = &Ad{ID: i, Budget: i % 3}
	}
	return ads
}

func TestIDs(t *testing.T) {
	ids := IDs(sampleAds(5))
	if len(ids) != 5 || ids[0] != 0 || ids[4] != 4 {
		t.Fatalf("IDs = %v, want [0 1 2 3 4]", ids)
	}
}

var sinkIDs []int

func BenchmarkIDs(b *testing.B) {
	ads := sampleAds(100)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkIDs = IDs(ads)
	}
}

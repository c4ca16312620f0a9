package casestudy

import "testing"

// The ad server from the case study: every request filters the candidate
// ads, and Filter makes a new slice each time it is called.

type Ad struct {
	ID     int
	Budget int
}

type AdList []*Ad

// Filter keeps the ads that match, in order.
func (list AdList) Filter(match func(*Ad) bool) AdList {
	filtered := make(AdList, 0, len(list))
	for _, ad := range list {
		if match(ad) {
			filtered = append(filtered, ad)
		}
	}
	return filtered
}

func hasBudget(ad *Ad) bool { return ad.Budget > 0 }

func sampleAds(n int) AdList {
	ads := make(AdList, n)
	for i := range ads {
		ads[i] = &Ad{ID: i, Budget: i % 3}
	}
	return ads
}

func TestFilterKeepsMatchingAds(t *testing.T) {
	got := sampleAds(9).Filter(hasBudget)
	if len(got) != 6 {
		t.Fatalf("kept %d ads, want 6", len(got))
	}
	for _, ad := range got {
		if ad.Budget == 0 {
			t.Errorf("ad %d has no budget but was kept", ad.ID)
		}
	}
}

func TestFilterKeepsOrder(t *testing.T) {
	got := sampleAds(6).Filter(hasBudget)
	want := []int{1, 2, 4, 5}
	for i, ad := range got {
		if i >= len(want) || ad.ID != want[i] {
			t.Fatalf("ad %d at position %d, want the IDs %v", ad.ID, i, want)
		}
	}
}

var sink AdList

func BenchmarkFilter(b *testing.B) {
	ads := sampleAds(100)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sink = ads.Filter(hasBudget)
	}
}

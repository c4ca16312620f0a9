package adserver

import "testing"

type ad struct {
	id     int
	budget int
	bid    int // yen per thousand views
}

// recent keeps the last prices paid, for the live dashboard.
var recent [64]any
var served int

func remember(v any) {
	recent[served%len(recent)] = v
	served++
}

// auction picks the highest bid among the ads that still have a budget;
// the winner pays the second-highest bid.
func auction(ads []ad) (id, price int) {
	best, second := -1, 0
	for i := range ads {
		a := &ads[i]
		if a.budget == 0 {
			continue
		}
		if best < 0 || a.bid > ads[best].bid {
			if best >= 0 {
				second = ads[best].bid
			}
			best = i
		} else if a.bid > second {
			second = a.bid
		}
	}
	if best < 0 {
		return -1, 0
	}
	remember(second)
	return ads[best].id, second
}

func TestAuction(t *testing.T) {
	ads := []ad{{id: 1, budget: 5, bid: 300}, {id: 2, budget: 0, bid: 900}, {id: 3, budget: 2, bid: 500}}
	id, price := auction(ads)
	if id != 3 || price != 300 {
		t.Fatalf("auction = ad %d at %d, want ad 3 at 300", id, price)
	}
	if recent[(served-1)%len(recent)] != 300 {
		t.Errorf("the dashboard did not get the price: %v", recent[(served-1)%len(recent)])
	}
}

func someAds(n int) []ad {
	ads := make([]ad, n)
	for i := range ads {
		ads[i] = ad{id: i, budget: i % 4, bid: 300 + (i*37)%1000}
	}
	return ads
}

var sinkPrice int

func BenchmarkAuction(b *testing.B) {
	ads := someAds(100)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, sinkPrice = auction(ads)
	}
}

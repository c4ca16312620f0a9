package casestudy

import (
	"fmt"
	"testing"
)

// Summing bids looks allocation-free, but the benchmark says otherwise.
// Which line allocates? The escape analysis knows.

var verbose = false

func logf(format string, args ...interface{}) {
	if verbose {
		fmt.Printf(format, args...)
	}
}

func TotalBid(bids []int) int {
	total := 0
	for _, bid := range bids {
		total += bid
		logf("bid %d, running total %d\n", bid, total)
	}
	return total
}

func TestTotalBid(t *testing.T) {
	if got := TotalBid([]int{300, 400, 500}); got != 1200 {
		t.Fatalf("TotalBid = %d, want 1200", got)
	}
}

var sinkTotal int

func BenchmarkTotalBid(b *testing.B) {
	bids := make([]int, 50)
	for i := range bids {
		bids[i] = 1000 + i
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkTotal = TotalBid(bids)
	}
}

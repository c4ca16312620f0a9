package bench

import "testing"

// Only the timed part counts: work before b.ResetTimer, or between
// b.StopTimer and b.StartTimer, is left out of B/op and allocs/op.

var sinkData []int

func BenchmarkWithSetup(b *testing.B) {
	data := make([]int, 10000)
	for i := range data {
		data[i] = i
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkData = data[i%100 : i%100+10]
	}
}

func BenchmarkStoppedTimer(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		big := make([]int, 1000)
		b.StartTimer()
		small := make([]int, 10)
		small[0] = big[0]
		sinkData = small
	}
}

func BenchmarkSubBenchmarks(b *testing.B) {
	for _, n := range []int{8, 64} {
		size := n
		b.Run("make", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sinkData = make([]int, size)
			}
		})
	}
}

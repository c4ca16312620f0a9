package bench

import "testing"

// A two-dimensional grid as a slice of rows costs one allocation per row
// plus the outer slice; one flat slice indexed by row*width costs one.

var sinkGrid [][]int
var sinkFlat []int

func BenchmarkGridRows(b *testing.B) {
	for i := 0; i < b.N; i++ {
		g := make([][]int, 16)
		for r := range g {
			g[r] = make([]int, 16)
		}
		sinkGrid = g
	}
}

func BenchmarkGridFlat(b *testing.B) {
	for i := 0; i < b.N; i++ {
		g := make([]int, 16*16)
		g[5*16+3] = 1
		sinkFlat = g
	}
}

func BenchmarkGridRowsShared(b *testing.B) {
	for i := 0; i < b.N; i++ {
		cells := make([]int, 16*16)
		g := make([][]int, 16)
		for r := range g {
			g[r] = cells[r*16 : (r+1)*16]
		}
		sinkGrid = g
	}
}

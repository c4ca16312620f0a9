package bench

import "testing"

// The escape analysis decides where make's result lives: a constant size
// that stays local is a stack array; a run-time size, or more than 64 KiB,
// goes to the heap even when nothing outlives the function.

var sinkSum int

func sumConstant() int {
	buf := make([]int, 64)
	for i := range buf {
		buf[i] = i
	}
	return buf[63]
}

func sumVariable(n int) int {
	buf := make([]int, n)
	for i := range buf {
		buf[i] = i
	}
	return buf[n-1]
}

func sumHuge() int {
	buf := make([]byte, 70000)
	buf[100] = 7
	return int(buf[100])
}

func sumArray() int {
	var arr [64]int
	for i := range arr {
		arr[i] = i
	}
	return arr[63]
}

func BenchmarkMakeConstantLocal(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkSum += sumConstant()
	}
}

func BenchmarkMakeVariableLocal(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkSum += sumVariable(64)
	}
}

func BenchmarkMakeHugeLocal(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkSum += sumHuge()
	}
}

func BenchmarkArrayLocal(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkSum += sumArray()
	}
}

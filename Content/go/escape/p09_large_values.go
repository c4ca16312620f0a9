package main

type matrix [128][128]float64 // 128 KiB

// A declared variable may be large and still live on the stack (up to
// 10 MiB); an implicit allocation through new or &T{} may not pass 64 KiB.
func trace() float64 {
	var m matrix
	for i := 0; i < 128; i++ {
		m[i][i] = 1
	}
	p := new(matrix)
	p[0][0] = 2
	q := &matrix{}
	q[1][1] = 3
	return m[0][0] + p[0][0] + q[1][1]
}

// An array of 2 Mi int64 is 16 MiB: too large for any stack frame.
func huge() int64 {
	var a [2 << 20]int64
	a[1] = 1
	return a[1]
}

func main() {
	_ = trace()
	_ = huge()
}

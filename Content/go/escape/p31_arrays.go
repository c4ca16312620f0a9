package main

// Arrays are values: passing or returning one copies it, and none of that
// needs the heap. Slicing an array points into it, and if that slice
// escapes, the whole array must move to the heap.
func double(a [4]int) [4]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func asSlice() []int {
	arr := [4]int{1, 2, 3, 4}
	return arr[:]
}

func sumFirst(n int) int {
	arr := [8]int{1, 2, 3, 4, 5, 6, 7, 8}
	s := arr[:n]
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func main() {
	_ = double([4]int{1, 2, 3, 4})
	_ = asSlice()
	_ = sumFirst(3)
}

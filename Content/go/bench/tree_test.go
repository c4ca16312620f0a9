package bench

import "testing"

// A binary search tree: one node per insertion. Nodes hold pointers, so
// they never use the tiny allocator, even when small.

type tree struct {
	left, right *tree
	key         int
}

var sinkTree *tree

func insert(t *tree, key int) *tree {
	if t == nil {
		return &tree{key: key}
	}
	if key < t.key {
		t.left = insert(t.left, key)
	} else {
		t.right = insert(t.right, key)
	}
	return t
}

func BenchmarkTree31(b *testing.B) {
	keys := []int{16, 8, 24, 4, 12, 20, 28, 2, 6, 10, 14, 18, 22, 26, 30, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var root *tree
		for _, k := range keys {
			root = insert(root, k)
		}
		sinkTree = root
	}
}

func BenchmarkTreeLookup(b *testing.B) {
	var root *tree
	for k := 0; k < 64; k++ {
		root = insert(root, (k*37)%64)
	}
	b.ResetTimer()
	found := 0
	for i := 0; i < b.N; i++ {
		t := root
		for t != nil && t.key != 42 {
			if 42 < t.key {
				t = t.left
			} else {
				t = t.right
			}
		}
		if t != nil {
			found++
		}
	}
	if found != b.N {
		b.Fatalf("found %d of %d", found, b.N)
	}
}

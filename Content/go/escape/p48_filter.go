package main

type item struct {
	id     int
	active bool
}

type inventory struct {
	items []*item
}

// Filter builds a new slice on every call: one heap allocation per call,
// visible as "escapes to heap" on the make.
func (inv *inventory) Filter(keep func(*item) bool) []*item {
	out := make([]*item, 0, len(inv.items))
	for _, it := range inv.items {
		if keep(it) {
			out = append(out, it)
		}
	}
	return out
}

// FilterInPlace reuses the inventory's own array: no allocation at all,
// at the cost of changing the inventory.
func (inv *inventory) FilterInPlace(keep func(*item) bool) {
	n := 0
	for _, it := range inv.items {
		if keep(it) {
			inv.items[n] = it
			n++
		}
	}
	inv.items = inv.items[:n]
}

func isActive(it *item) bool { return it.active }

func main() {
	inv := &inventory{items: []*item{{1, true}, {2, false}}}
	_ = inv.Filter(isActive)
	inv.FilterInPlace(isActive)
}

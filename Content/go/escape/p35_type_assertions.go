package main

type cache struct {
	items map[string]any
}

type record struct {
	id   int
	name string
}

// lookup pulls a typed value back out of an interface. Asserting to a
// pointer type hands back the pointer the interface held; asserting to a
// struct copies it out.
func (c *cache) lookup(key string) (*record, bool) {
	v, ok := c.items[key]
	if !ok {
		return nil, false
	}
	r, ok := v.(*record)
	return r, ok
}

func (c *cache) put(key string, r *record) {
	c.items[key] = r
}

func main() {
	c := cache{items: map[string]any{}}
	c.put("a", &record{id: 1, name: "a"})
	r, _ := c.lookup("a")
	_ = r
}

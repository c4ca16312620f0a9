package main

type player struct {
	name  string
	score int
}

// A slice literal of pointers to composite literals: the slice's array and
// each player live as long as the slice does.
func team() []*player {
	return []*player{
		{name: "ann", score: 3},
		{name: "bob", score: 5},
	}
}

func best(ps []*player) *player {
	var top *player
	for _, p := range ps {
		if top == nil || p.score > top.score {
			top = p
		}
	}
	return top
}

func main() {
	local := []*player{&player{name: "cy"}, &player{name: "di"}}
	_ = best(local)
	_ = best(team())
}

package bench

import "testing"

// A struct whose address leaves the function lives on the heap; one that
// stays local, even behind a pointer, costs nothing.

type user struct {
	id    int
	name  string
	email string
	admin bool
}

var sinkUser *user
var sinkUsers []user

func newUser(id int) *user {
	return &user{id: id, name: "gopher", email: "gopher@example.com"}
}

func localUser(id int) int {
	u := &user{id: id, name: "local"}
	return u.id + len(u.name)
}

func BenchmarkReturnPointer(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkUser = newUser(i)
	}
}

func BenchmarkLocalPointer(b *testing.B) {
	total := 0
	for i := 0; i < b.N; i++ {
		total += localUser(i)
	}
	if total < 0 {
		b.Fatal("impossible")
	}
}

func BenchmarkSliceOfStructs(b *testing.B) {
	for i := 0; i < b.N; i++ {
		us := make([]user, 10)
		for j := range us {
			us[j].id = j
		}
		sinkUsers = us
	}
}

func BenchmarkSliceOfPointers(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ps := make([]*user, 10)
		for j := range ps {
			ps[j] = &user{id: j}
		}
		sinkUser = ps[9]
	}
}

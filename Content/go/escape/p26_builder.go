package main

import "fmt"

type query struct {
	table string
	where []string
	limit int
}

// Builder methods return their receiver so calls can be chained; each one
// leaks its receiver to its result. The chain starts with a value that
// can stay on the stack as long as the final result does.
func from(t string) *query { return &query{table: t} }

func (q *query) filter(cond string) *query {
	q.where = append(q.where, cond)
	return q
}

func (q *query) take(n int) *query {
	q.limit = n
	return q
}

func (q *query) String() string {
	return fmt.Sprintf("SELECT * FROM %s LIMIT %d", q.table, q.limit)
}

func main() {
	q := from("users").filter("age > 20").take(10)
	fmt.Println(q.String())
}

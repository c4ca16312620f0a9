package main

type account struct {
	owner   string
	balance int
	history []int
}

// Value receivers get a copy; pointer receivers get the caller's value.
func (a account) total() int { return a.balance }

func (a *account) deposit(n int) {
	a.balance += n
	a.history = append(a.history, n)
}

// owner leaks its receiver's string to the result.
func (a *account) name() string { return a.owner }

// self hands the receiver back.
func (a *account) self() *account { return a }

func main() {
	acc := account{owner: "kim"}
	acc.deposit(10)
	_ = acc.total()
	_ = acc.name()
	_ = acc.self()
}

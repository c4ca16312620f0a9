package main

import "fmt"

// []rune of a constant string is built as a slice literal; of a variable,
// as a conversion. string(r) makes a new string again.
func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func main() {
	letters := []rune("héllo")
	fmt.Println(len(letters), reverse("héllo"))
	c := string(rune(0x263A))
	_ = c
}

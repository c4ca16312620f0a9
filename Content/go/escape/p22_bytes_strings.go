package main

// Converting between string and []byte copies the bytes. The copy can be
// on the stack when it is small and does not leave the function.
func countSpaces(s string) int {
	b := []byte(s)
	n := 0
	for _, c := range b {
		if c == ' ' {
			n++
		}
	}
	return n
}

func upper(s string) []byte {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return b
}

func join(parts [][]byte) string {
	var all []byte
	for _, p := range parts {
		all = append(all, p...)
	}
	return string(all)
}

func main() {
	_ = countSpaces("a b c")
	u := upper("go")
	_ = join([][]byte{u, []byte("!")})
}

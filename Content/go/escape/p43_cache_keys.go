package main

import "fmt"

type cache map[string][]byte

// Building a key with fmt.Sprintf boxes each argument and allocates the
// string; building it with + allocates only the string. Zero-allocation
// libraries go further and reuse a byte buffer the caller passes in.
func keySprintf(user string, id int) string {
	return fmt.Sprintf("%s:%d", user, id)
}

func keyConcat(user, section string) string {
	return user + ":" + section
}

func keyAppend(buf []byte, user, section string) []byte {
	buf = append(buf, user...)
	buf = append(buf, ':')
	buf = append(buf, section...)
	return buf
}

func main() {
	c := cache{}
	c[keySprintf("ann", 1)] = nil
	c[keyConcat("ann", "home")] = nil
	var scratch [64]byte
	k := keyAppend(scratch[:0], "ann", "home")
	_ = c[string(k)]
}

package main

import "fmt"

type parseError struct {
	line int
	msg  string
}

func (e *parseError) Error() string {
	return fmt.Sprintf("line %d: %s", e.line, e.msg)
}

// Returning an error value that points to a new struct: the struct escapes.
func parse(line int, text string) error {
	if text == "" {
		return &parseError{line: line, msg: "empty"}
	}
	if len(text) > 80 {
		return fmt.Errorf("line %d: too long (%d bytes)", line, len(text))
	}
	return nil
}

func main() {
	if err := parse(3, ""); err != nil {
		fmt.Println(err)
	}
}

package bench

import (
	"fmt"
	"testing"
)

// fmt's functions take ...interface{}: every argument that is not already
// a pointer or a small integer is boxed, and Sprintf allocates its result.

var sinkText string
var sinkErr error

func BenchmarkSprintfSmallInt(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkText = fmt.Sprintf("id-%d", i%100)
	}
}

func BenchmarkSprintfLargeInt(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkText = fmt.Sprintf("id-%d", i+100000)
	}
}

func BenchmarkSprintfString(b *testing.B) {
	name := "gopher"
	for i := 0; i < b.N; i++ {
		sinkText = fmt.Sprintf("hello, %s and welcome", name)
	}
}

func BenchmarkErrorf(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkErr = fmt.Errorf("item %d not found", i+1000)
	}
}

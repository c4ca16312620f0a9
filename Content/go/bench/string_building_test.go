package bench

import "testing"

// Building a string with += makes a new string for every piece; building
// it in a byte slice and converting once at the end allocates far less.

var sinkString string

var words = []string{"memory", "lane", "teaches", "go", "allocation", "habits", "one", "benchmark", "at", "a", "time"}

func concatWords() string {
	s := ""
	for _, w := range words {
		s += w + " "
	}
	return s
}

func appendWords() string {
	var buf []byte
	for _, w := range words {
		buf = append(buf, w...)
		buf = append(buf, ' ')
	}
	return string(buf)
}

func appendWordsPrealloc() string {
	n := 0
	for _, w := range words {
		n += len(w) + 1
	}
	buf := make([]byte, 0, n)
	for _, w := range words {
		buf = append(buf, w...)
		buf = append(buf, ' ')
	}
	return string(buf)
}

func BenchmarkConcat(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkString = concatWords()
	}
}

func BenchmarkAppendBytes(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkString = appendWords()
	}
}

func BenchmarkAppendBytesPrealloc(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkString = appendWordsPrealloc()
	}
}

package main

// encode allocates a fresh buffer every call; encodeInto writes into the
// caller's buffer, so a caller that reuses one allocates nothing per call.
func encode(values []int) []byte {
	out := make([]byte, 0, len(values))
	for _, v := range values {
		out = append(out, byte(v))
	}
	return out
}

func encodeInto(dst []byte, values []int) []byte {
	dst = dst[:0]
	for _, v := range values {
		dst = append(dst, byte(v))
	}
	return dst
}

func main() {
	vals := []int{1, 2, 3}
	for i := 0; i < 3; i++ {
		_ = encode(vals)
	}
	buf := make([]byte, 0, 16)
	for i := 0; i < 3; i++ {
		buf = encodeInto(buf, vals)
	}
}

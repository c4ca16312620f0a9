package main

type request struct {
	path    string
	headers map[string]string
	body    []byte
}

type response struct {
	status int
	req    *request
}

// Returning a struct by value is free, but the pointers inside it still
// point somewhere: what they point to leaks with the result.
func handle(r *request) response {
	return response{status: 200, req: r}
}

func newRequest(path string) request {
	return request{path: path, headers: map[string]string{"accept": "*/*"}, body: make([]byte, 0, 512)}
}

func main() {
	r := newRequest("/")
	resp := handle(&r)
	_ = resp.status
}

package main

type config struct {
	name    string
	verbose bool
}

// current is a package-level variable: it lives as long as the program.
var current *config

// install keeps its argument in a global, so the argument leaks.
func install(c *config) {
	current = c
}

func main() {
	c := config{name: "debug", verbose: true}
	install(&c)
	local := config{name: "quiet"}
	_ = local.name
}

/// GoLite: the subset of Go the book's chapters 5 and 7 run on.
public enum GoLite {}

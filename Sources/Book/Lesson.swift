/// A book: lessons in SUMMARY.md order.
public struct BookModel {}

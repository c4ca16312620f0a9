import GoLite

/// GoLite's front end on random text. The parser must end every input with
/// a file or a positioned error — never a crash or a stack overflow (it
/// refuses nesting beyond `Parser.maxDepth`).
///
/// When the escape analyser and the interpreter land, add a target of the
/// same shape here (e.g. `static var escape: FuzzTarget`, parsing first and
/// analysing what parsed, checking that every message is positioned and
/// printable and that the step budget ends runaway loops) and one line in
/// `FuzzTargets.all`.
enum GoLiteTarget {
    static var parser: FuzzTarget {
        FuzzTarget(name: "golite-parser", dictionary: [
            "package main\n", "import \"fmt\"\n", "func ", "main()", " {\n", "}\n", "(", ")", "[", "]", "{", "}",
            "var ", "const ", "type ", "struct", "interface", "map[", "chan ", "[]int", "*", "&", ":=", "=", "+=", "++",
            "for ", "range ", "if ", "else ", "switch ", "case ", "default:", "return ", "go ", "defer ", "select ",
            "iota", "nil", "new(", "make(", "append(", "len(", "\"", "`", "'", "0x", "1e9", "//", "/*", "*/", ";", ",", ".",
            "func(b *testing.B)", "b.N", "...", "<-", "[T any]",
        ], test: run)
    }

    static func run(_ input: inout FuzzInput) {
        let source = input.rest()
        do throws(GoLiteError) {
            _ = try FuzzCheck.timed("parse") { () throws(GoLiteError) in try Parser.parse(source) }
        } catch {
            FuzzCheck.require(error.pos.line >= 1 && error.pos.column >= 1, "error without a place: \(error)")
            FuzzCheck.printable(error.message, "a GoLite error")
        }
    }
}

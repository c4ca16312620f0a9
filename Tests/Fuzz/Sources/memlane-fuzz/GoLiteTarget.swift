import GoLite

/// GoLite on random text: the parser alone, then the whole escape analysis
/// (checker, lowering, analyser). Every input must end in a result or a
/// positioned error — never a crash or a stack overflow (the parser refuses
/// nesting beyond `Parser.maxDepth`).
///
/// When the interpreter lands, add a target of the same shape here (e.g.
/// `static var interpreter: FuzzTarget`, running what checks, with the step
/// budget ending runaway loops in a message) and one line in
/// `FuzzTargets.all`.
enum GoLiteTarget {
    static let dictionary = [
            "package main\n", "import \"fmt\"\n", "func ", "main()", " {\n", "}\n", "(", ")", "[", "]", "{", "}",
            "var ", "const ", "type ", "struct", "interface", "map[", "chan ", "[]int", "*", "&", ":=", "=", "+=", "++",
            "for ", "range ", "if ", "else ", "switch ", "case ", "default:", "return ", "go ", "defer ", "select ",
            "iota", "nil", "new(", "make(", "append(", "len(", "\"", "`", "'", "0x", "1e9", "//", "/*", "*/", ";", ",", ".",
            "func(b *testing.B)", "b.N", "...", "<-", "[T any]",
    ]

    static var parser: FuzzTarget {
        FuzzTarget(name: "golite-parser", dictionary: dictionary) { input in
            let source = input.rest()
            do throws(GoLiteError) {
                _ = try FuzzCheck.timed("parse") { () throws(GoLiteError) in try Parser.parse(source) }
            } catch {
                positioned(error)
            }
        }
    }

    /// `memlane escape` and the escape simulator's analysis: every line Go
    /// would print is positioned inside the program and printable.
    static var escape: FuzzTarget {
        FuzzTarget(name: "golite-escape", dictionary: dictionary + ["&", "return &", "new(", "make([]int, ", "interface{}", "any"]) { input in
            let source = input.rest()
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false).count
            do throws(GoLiteError) {
                let report = try FuzzCheck.timed("escape analysis") { () throws(GoLiteError) in try EscapeAnalysis.analyze(source) }
                for d in report.diagnostics {
                    FuzzCheck.require(d.pos.line >= 1 && d.pos.line <= lines && d.pos.column >= 1,
                                      "a diagnostic outside the program at \(d.pos): \(d.message)")
                }
                FuzzCheck.printable(report.lines(file: "fuzz.go").joined(separator: "\n"), "the escape report")
            } catch {
                positioned(error)
            }
        }
    }

    static func positioned(_ error: GoLiteError) {
        FuzzCheck.require(error.pos.line >= 1 && error.pos.column >= 1, "error without a place: \(error)")
        FuzzCheck.printable(error.message, "a GoLite error")
    }
}

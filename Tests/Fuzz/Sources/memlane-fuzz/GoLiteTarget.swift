import GoLite

/// GoLite on random text: the parser alone, then the whole escape analysis
/// (checker, lowering, analyser). Every input must end in a result or a
/// positioned error — never a crash or a stack overflow (the parser refuses
/// nesting beyond `Parser.maxDepth`), and the interpreter on what checks.
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

    /// `memlane run`, `test` and `bench` on what compiles: each ends, within
    /// a small step budget, in an exit code Go could give and a printable
    /// stop message — a runaway loop, a deep recursion or a huge allocation
    /// is stopped by the simulator's limits, never by a crash.
    static var interpreter: FuzzTarget {
        FuzzTarget(name: "golite-interpreter", dictionary: dictionary + [
            "fmt.Println(", "for {", "for i := 0; i < ", "; i++ {", "panic(", "recover()", "f()", "x = append(x, ",
            "make(chan int", "<-c", "c <- ", "func Test", "(t *testing.T)", "t.Errorf(", "func Benchmark",
            "for i := 0; i < b.N; i++ {", "package p\n", "import \"testing\"\n", "any(", ".(int)", "[]any{",
        ]) { input in
            let mode = input.byte() % 3
            let source = input.rest()
            guard let exe = try? Executable.compile(source) else { return }
            var options = RunOptions()
            options.stepBudget = 200_000
            options.benchN = 10
            options.maxFrames = 10_000
            options.memoryLimit = 64 << 20
            let output = OutputSink(limit: 64 << 10)
            let report = FuzzCheck.timed("running the program") { () -> RunReport in
                switch mode {
                case 0: Interpreter.run(exe, options: options, output: output)
                case 1: Interpreter.test(exe, options: options, output: output)
                default: Interpreter.bench(exe, options: options, output: output)
                }
            }
            FuzzCheck.require([0, 1, 2].contains(report.exitCode), "exit code \(report.exitCode)")
            FuzzCheck.require(report.stats.steps <= options.stepBudget + 1_000, "ran \(report.stats.steps) steps past the budget")
            if let message = report.stopMessage { FuzzCheck.printable(message, "the stop message") }
        }
    }

    static func positioned(_ error: GoLiteError) {
        FuzzCheck.require(error.pos.line >= 1 && error.pos.column >= 1, "error without a place: \(error)")
        FuzzCheck.printable(error.message, "a GoLite error")
    }
}

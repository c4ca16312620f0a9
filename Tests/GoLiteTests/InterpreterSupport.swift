import Foundation
@testable import GoLite

/// Runs GoLite programs in-process for the tests.
enum GoRun {
    struct Outcome {
        var output: String
        var report: RunReport
    }

    static func options(steps: Int = RunOptions.defaultStepBudget, gogc: Int? = 100, file: String = "main.go") -> RunOptions {
        var o = RunOptions()
        o.stepBudget = steps
        o.gogc = gogc
        o.fileName = file
        return o
    }

    /// `main` of a program: output (standard output and error together) and report.
    static func main(_ source: String, steps: Int = RunOptions.defaultStepBudget, gogc: Int? = 100,
                     gctrace: Bool = false, maxFrames: Int = 1_000_000, interrupt: (@Sendable () -> Bool)? = nil) throws -> Outcome {
        let exe = try Executable.compile(source)
        var o = options(steps: steps, gogc: gogc)
        o.gctrace = gctrace
        o.maxFrames = maxFrames
        if let interrupt { o.isInterrupted = interrupt }
        let sink = OutputSink()
        let report = Interpreter.run(exe, options: o, output: sink)
        return Outcome(output: sink.text, report: report)
    }

    static func tests(_ source: String, file: String = "x_test.go", verbose: Bool = false) throws -> Outcome {
        let exe = try Executable.compile(source)
        let sink = OutputSink()
        let report = Interpreter.test(exe, options: options(file: file), output: sink, verbose: verbose)
        return Outcome(output: sink.text, report: report)
    }

    static func bench(_ source: String, filter: String? = nil) throws -> Outcome {
        let exe = try Executable.compile(source)
        let sink = OutputSink()
        let regex = try filter.map { try NSRegularExpression(pattern: $0) }
        let report = Interpreter.bench(exe, options: options(file: "x_test.go"), output: sink, filter: regex)
        return Outcome(output: sink.text, report: report)
    }

    /// A program whose `main` is the given lines (with `fmt` imported).
    static func program(_ body: String, decls: String = "") -> String {
        "package main\n\nimport \"fmt\"\n\n" + decls + "\nfunc main() {\n" + body + "\n\tfmt.Print()\n}\n"
    }
}

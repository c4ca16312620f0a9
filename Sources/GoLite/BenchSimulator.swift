import Foundation
import Grader
import Simulators
import TextKit

/// Chapter 7's machine: a Go program run on the simulated Go 1.19 runtime.
/// The learner loads or edits the program (the `escape` simulator's verbs:
/// the program and its escape analysis are shared, so the two chapters can
/// never disagree), runs `main`, its tests and its benchmarks, and compares
/// allocations per operation before and after a fix.
public struct BenchSimulator: Simulator {
    /// The program, its escape analysis, and the verbs that change or show it.
    var source = EscapeSimulator()
    var executable: Executable?
    var gogc: Int? = 100
    /// Benchmark results of the current program, by name, in the order they ran.
    var results: [String: BenchResult] = [:]
    var order: [String] = []
    /// The results of the program as it was before the last `edit`.
    var previous: [String: BenchResult] = [:]
    var previousOrder: [String] = []
    var testsRan = false
    var testsPassed = 0
    var testsFailed = 0
    var failedTests: [String] = []
    var lastRun: RunSummary?

    /// What the last command that ran code left behind.
    struct RunSummary: Equatable {
        var command: String
        var exitCode: Int32
        var output: String
        var stopped: String?
        var stats: RunStats
    }

    /// Output of a run kept for display (the program may print a lot).
    static let outputLimit = 16 << 10

    public init() {}

    public static var info: SimulatorInfo { SimulatorInfo(
        name: "bench",
        title: L("The case study"),
        summary: L("A Go program on a simulated Go 1.19 runtime: run main, its tests and its benchmarks, and see allocs/op and B/op exactly as go test -benchmem reports them (b.N = 5000), with a simulated cost per op (a documented model, not time; `costs` explains it)."),
        verbs: [
            Verb("load", usage: "load PATH", summary: L("load a Go program (relative to Content/ or the working directory); clears earlier results"),
                 arguments: [.path]),
            Verb("code", usage: "code", summary: L("type or paste a program, ending with a line holding only `.`; clears earlier results"),
                 takesBlock: true),
            Verb("edit", usage: "edit", summary: L("open the program in $VISUAL or $EDITOR (default vi); the results so far become the `previous` ones")),
            Verb("show", usage: "show", summary: L("show the program with line numbers and the escape analysis beside each line"),
                 changesState: false),
            Verb("escape", usage: "escape", summary: L("print the escape analysis as `go build -gcflags='-m -l'` does"),
                 changesState: false),
            Verb("explain", usage: "explain NAME|LINE", summary: L("say in plain words why a variable or allocation stays on the stack or escapes"),
                 arguments: [.name], changesState: false),
            Verb("run", usage: "run", summary: L("run main and show its output, its allocations and its collection cycles")),
            Verb("test", usage: "test [REGEX]", summary: L("run the TestXxx functions (those matching REGEX) and print PASS or FAIL like go test")),
            Verb("bench", usage: "bench [REGEX]", summary: L("run the BenchmarkXxx functions (those matching REGEX): N, cost/op, B/op, allocs/op like go test -bench . -benchmem")),
            Verb("compare", usage: "compare NAME [NAME]", summary: L("two benchmarks side by side with the differences and the share of cost spent allocating and collecting; one NAME compares it with the previous program's"),
                 arguments: [.name, .name], changesState: false),
            Verb("gctrace", usage: "gctrace", summary: L("the gctrace lines of the collection cycles during the last run, test or bench"),
                 changesState: false),
            Verb("gogc", usage: "gogc N|off", summary: L("set GOGC for the following runs (default 100)"), arguments: [.oneOf(["off", "100", "200", "50"])]),
            Verb("costs", usage: "costs", summary: L("explain the cost model behind cost/op, with its figures"), changesState: false),
        ],
        state: [
            StateField("file", "string", L("the program's file name")),
            StateField("lines", "int", L("the number of lines in the program (0 before one is loaded)")),
            StateField("compiles", "bool", L("true when the program is valid GoLite")),
            StateField("error", "string", L(#"the first error in the program, as LINE:COL: message, or "" when there is none"#)),
            StateField("benchmarks", "list of string", L("the benchmarks of the current program that have run, in order")),
            StateField("bench.*.allocs_per_op", "int", L("a benchmark's allocations per operation (bench.BenchmarkFilter.allocs_per_op), as go test -benchmem reports them")),
            StateField("bench.*.bytes_per_op", "int", L("a benchmark's bytes allocated per operation (B/op)")),
            StateField("bench.*.cost_per_op", "int", L("a benchmark's simulated cost per operation, rounded (see `costs`)")),
            StateField("bench.*.alloc_share", "int", L("the percentage of the benchmark's cost spent allocating and collecting")),
            StateField("bench.*.n", "int", L("b.N of the measured run (5000)")),
            StateField("previous.*.allocs_per_op", "int", L("the same figures for the program before the last `edit` (also bytes_per_op, cost_per_op, alloc_share, n)")),
            StateField("previous.*.bytes_per_op", "int", L("B/op of a benchmark of the previous program")),
            StateField("previous.*.cost_per_op", "int", L("cost/op of a benchmark of the previous program")),
            StateField("previous.*.alloc_share", "int", L("allocation and collection share of a benchmark of the previous program")),
            StateField("previous.*.n", "int", L("b.N of a benchmark of the previous program")),
            StateField("tests.ran", "bool", L("true once `test` has run on the current program")),
            StateField("tests.passed", "int", L("top-level tests that passed in the last `test`")),
            StateField("tests.failed", "int", L("top-level tests that failed in the last `test`")),
            StateField("tests.failures", "list of string", L("the names of the tests that failed")),
            StateField("gc.cycles", "int", L("collection cycles during the last run, test or bench")),
            StateField("gc.gogc", "int", L("the GOGC setting (0 for off)")),
            StateField("run.exit_code", "int", L("how the last `run` ended: 0, or 2 after a panic or a fatal error")),
            StateField("run.output", "string", L("what the last `run` printed (standard output and error)")),
            StateField("run.panicked", "bool", L("true when the last `run` stopped with a panic or a fatal error")),
            StateField("run.mallocs", "int", L("allocations made by the last run, test or bench (runtime.MemStats.Mallocs)")),
            StateField("run.total_alloc", "int", L("bytes allocated by the last run, test or bench (runtime.MemStats.TotalAlloc)")),
            StateField("run.steps", "int", L("statements executed by the last run, test or bench")),
        ],
        functions: [
            StateFunction("escapes", signature: "escapes(NAME) -> bool", arity: 1,
                          summary: L("true when the escape analysis reports NAME (a variable or an expression as printed) as moved to or escaping to the heap")),
        ],
        example: ExampleExercise(
            task: "`BenchmarkSquares` makes 8 allocations per operation: `out` starts as a nil slice and grows. "
                + "Paste the program again with `code`, giving `out` its final capacity up front, then run `bench` again.",
            setup: ["code"] + BenchSimulator.exampleProgram(fixed: false) + [".", "bench"],
            check: [#"bench.BenchmarkSquares.allocs_per_op == 1 => "{bench.BenchmarkSquares.allocs_per_op} allocations per operation: make out with make([]int, 0, n).""#],
            solution: ["code"] + BenchSimulator.exampleProgram(fixed: true) + [".", "bench"],
            hints: ["Each time `append` runs out of capacity it allocates a bigger array; `make([]int, 0, n)` allocates the final one once.",
                    "Replace `var out []int` with `out := make([]int, 0, n)`."])
    ) }

    /// The example exercise's program, before and after the fix.
    static func exampleProgram(fixed: Bool) -> [String] {
        [
            "package squares",
            "",
            "import \"testing\"",
            "",
            "func squares(n int) []int {",
            fixed ? "\tout := make([]int, 0, n)" : "\tvar out []int",
            "\tfor i := 0; i < n; i++ {",
            "\t\tout = append(out, i*i)",
            "\t}",
            "\treturn out",
            "}",
            "",
            "var sink []int",
            "",
            "func BenchmarkSquares(b *testing.B) {",
            "\tfor i := 0; i < b.N; i++ {",
            "\t\tsink = squares(100)",
            "\t}",
            "}",
        ]
    }

    // MARK: - Commands

    public mutating func execute(_ command: Command, in context: SimulationContext) throws(SimulatorError) -> String {
        switch command.verb {
        case "load", "code", "edit":
            let out = try source.execute(command, in: context)
            programChanged(keepPrevious: command.verb == "edit")
            return out
        case "show", "escape", "explain":
            return try source.execute(command, in: context)
        case "run":
            try Arguments.expect(command, count: 0, usage: "run")
            return try runMain(context)
        case "test":
            try Arguments.expect(command, count: 0...1, usage: "test [REGEX]")
            return try runTests(command.arguments.first, context)
        case "bench":
            try Arguments.expect(command, count: 0...1, usage: "bench [REGEX]")
            return try runBenchmarks(command.arguments.first, context)
        case "compare":
            try Arguments.expect(command, count: 1...2, usage: "compare NAME [NAME]")
            return try compare(command.arguments, width: context.width)
        case "gctrace":
            try Arguments.expect(command, count: 0, usage: "gctrace")
            return traceView()
        case "gogc":
            try Arguments.expect(command, count: 1, usage: "gogc N|off")
            do throws(SimulatorLikeError) {
                gogc = try RunOptions.parseGOGC(command.arguments[0])
            } catch {
                throw SimulatorError(error.message)
            }
            return gogc.map { L("GOGC={0} for the following runs", $0) } ?? L("GOGC=off for the following runs: no cycle starts by itself")
        default:
            return BenchSimulator.costModelText
        }
    }

    /// A new program: its compiled form; earlier results are dropped, or
    /// (after `edit`) kept as the previous program's.
    private mutating func programChanged(keepPrevious: Bool) {
        if keepPrevious && !results.isEmpty {
            previous = results
            previousOrder = order
        } else if !keepPrevious {
            previous = [:]
            previousOrder = []
        }
        results = [:]
        order = []
        testsRan = false
        testsPassed = 0
        testsFailed = 0
        failedTests = []
        lastRun = nil
        executable = nil
        if let text = source.source, source.error == nil {
            executable = try? Executable.compile(text)
        }
    }

    private func requireProgram() throws(SimulatorError) -> Executable {
        guard source.source != nil else {
            throw SimulatorError(L("there is no program yet"), hint: L("Load one with `load PATH`, paste one with `code`, or write one with `edit`."))
        }
        guard let exe = executable else {
            let e = source.error.map { source.file + ":" + Sanitizer.line($0.description) } ?? ""
            throw SimulatorError(L("the program does not compile: {0}", e),
                                 hint: L("Fix it with `edit` or `code`; `show` lists the program with line numbers."))
        }
        return exe
    }

    private func options(_ context: SimulationContext) -> RunOptions {
        var o = RunOptions()
        o.gogc = gogc
        o.fileName = source.file
        o.isInterrupted = context.isInterrupted
        return o
    }

    /// A `test` or `bench` run, or the same run's results kept by `RunMemo`.
    private func memoized(_ command: String, _ pattern: String?, _ exe: Executable, _ context: SimulationContext,
                          _ run: (RunOptions, OutputSink) -> RunReport) -> (RunReport, OutputSink) {
        let o = options(context)
        let key = RunMemo.Key(source: exe.source, settings: o.outcome, command: command, pattern: pattern)
        return RunMemo.shared.run(key, isInterrupted: context.isInterrupted) {
            let sink = OutputSink(limit: BenchSimulator.outputLimit)
            return (run(o, sink), sink)
        }
    }

    static func filter(_ pattern: String?) throws(SimulatorError) -> NSRegularExpression? {
        guard let pattern else { return nil }
        guard pattern.count <= 200, let r = try? NSRegularExpression(pattern: pattern) else {
            throw SimulatorError(L("`{0}` is not a regular expression", Sanitizer.line(pattern)))
        }
        return r
    }

    private mutating func runMain(_ context: SimulationContext) throws(SimulatorError) -> String {
        let exe = try requireProgram()
        guard exe.program.file.packageName.name == "main" else {
            throw SimulatorError(L("this program is package {0}, not main: it has tests and benchmarks to run instead", exe.program.file.packageName.name),
                                 hint: L("Use `test` or `bench`."))
        }
        let sink = OutputSink(limit: BenchSimulator.outputLimit)
        let report = Interpreter.run(exe, options: options(context), output: sink)
        lastRun = RunSummary(command: "run", exitCode: report.exitCode, output: sink.text, stopped: report.stopMessage, stats: report.stats)
        return runView(report, sink)
    }

    private mutating func runTests(_ pattern: String?, _ context: SimulationContext) throws(SimulatorError) -> String {
        let exe = try requireProgram()
        let filter = try BenchSimulator.filter(pattern)
        guard !exe.tests.isEmpty else {
            throw SimulatorError(L("the program has no TestXxx(t *testing.T) functions"))
        }
        let (report, sink) = memoized("test", pattern, exe, context) { options, sink in
            Interpreter.test(exe, options: options, output: sink, filter: filter)
        }
        testsRan = true
        testsPassed = report.testsPassed
        testsFailed = report.testsFailed + (report.stopMessage != nil && report.testsFailed == 0 ? 1 : 0)
        failedTests = sink.text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("--- FAIL: ") else { return nil }
            return line.dropFirst(10).split(separator: " ").first.map(String.init)
        }
        lastRun = RunSummary(command: "test", exitCode: report.exitCode, output: sink.text, stopped: report.stopMessage, stats: report.stats)
        return testView(report, sink)
    }

    private mutating func runBenchmarks(_ pattern: String?, _ context: SimulationContext) throws(SimulatorError) -> String {
        let exe = try requireProgram()
        let filter = try BenchSimulator.filter(pattern)
        guard !exe.benchmarks.isEmpty else {
            throw SimulatorError(L("the program has no BenchmarkXxx(b *testing.B) functions"))
        }
        let (report, sink) = memoized("bench", pattern, exe, context) { options, sink in
            Interpreter.bench(exe, options: options, output: sink, filter: filter)
        }
        for r in report.benchmarks {
            if results[r.name] == nil { order.append(r.name) }
            results[r.name] = r
        }
        lastRun = RunSummary(command: "bench", exitCode: report.exitCode, output: sink.text, stopped: report.stopMessage, stats: report.stats)
        if report.benchmarks.isEmpty && report.stopMessage == nil {
            throw SimulatorError(L("no benchmark matches `{0}`", Sanitizer.line(pattern ?? "")), hint: L("Benchmarks: {0}", exe.benchmarks.joined(separator: ", ")))
        }
        return benchView(report, sink)
    }

    // MARK: - State

    static func key(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }

    static func record(_ r: BenchResult) -> Value {
        [
            "allocs_per_op": .int(r.allocsPerOp),
            "bytes_per_op": .int(r.bytesPerOp),
            "cost_per_op": .int(Int(r.costPerOp.rounded())),
            "alloc_share": .int(allocShare(r)),
            "n": .int(r.n),
        ]
    }

    /// Percentage of the cost spent allocating and collecting.
    static func allocShare(_ r: BenchResult) -> Int {
        r.costPerOp > 0 ? Int(((r.allocationPerOp + r.collectionPerOp) * 100 / r.costPerOp).rounded()) : 0
    }

    public func stateTree() -> Value {
        let escape = source.stateTree()
        var bench = Record()
        for n in order { if let r = results[n] { bench[BenchSimulator.key(n)] = BenchSimulator.record(r) } }
        var prev = Record()
        for n in previousOrder { if let r = previous[n] { prev[BenchSimulator.key(n)] = BenchSimulator.record(r) } }
        let stats = lastRun?.stats ?? RunStats()
        var run = Record()
        run["exit_code"] = .int(Int(lastRun.map { $0.command == "run" ? $0.exitCode : 0 } ?? 0))
        run["output"] = .string(lastRun.map { $0.command == "run" ? $0.output : "" } ?? "")
        run["panicked"] = .bool(lastRun.map { $0.command == "run" && $0.exitCode == 2 } ?? false)
        run["mallocs"] = .int(stats.mallocs)
        run["total_alloc"] = .int(stats.totalAlloc)
        run["steps"] = .int(stats.steps)
        var out = Record()
        if case .record(let e) = escape {
            for k in ["file", "lines", "compiles", "error"] { out[k] = e[k] }
        }
        out["benchmarks"] = .strings(order)
        out["bench"] = .record(bench)
        out["previous"] = .record(prev)
        out["tests"] = ["ran": .bool(testsRan), "passed": .int(testsPassed), "failed": .int(testsFailed), "failures": .strings(failedTests)]
        out["gc"] = ["cycles": .int(stats.gcCycles), "gogc": .int(gogc ?? 0)]
        out["run"] = .record(run)
        return .record(out)
    }

    public func callFunction(_ name: String, _ arguments: [Value]) throws(ExpressionError) -> Value? {
        try source.callFunction(name, arguments)
    }

    public func knownNames() -> [String] {
        var names = source.knownNames()
        if let exe = executable { names += exe.benchmarks + exe.tests }
        return names
    }
}

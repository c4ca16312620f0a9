import Foundation
import TextKit

/// How to run a program: the runtime's knobs and the simulator's limits.
public struct RunOptions: @unchecked Sendable {
    // `isInterrupted` reads a signal flag; it may be called from the run thread.
    /// nil is `GOGC=off`.
    public var gogc: Int? = 100
    public var memoryLimit: Int?
    /// Print a `gctrace` line to standard error for every cycle.
    public var gctrace = false
    /// Statements the program may execute before it is stopped.
    public var stepBudget = 50_000_000
    /// b.N of the measured benchmark run (as `go test -benchtime=5000x`).
    public var benchN = 5000
    /// The name used in panics, tracebacks and test logs.
    public var fileName = "main.go"
    public var isInterrupted: () -> Bool = { false }
    /// Frames one goroutine may have: the simulator's own bound, far below
    /// what Go's 1 GB stack allows, to keep the tutor's memory in check.
    public var maxFrames = 1_000_000

    public static let defaultBenchN = 5000
    public static let defaultStepBudget = 50_000_000
    public static let maxStepBudget = 2_000_000_000
    public static let maxBenchN = 1_000_000

    public init() {}

    /// Every setting that can change a run's outcome (all but `isInterrupted`).
    struct Outcome: Hashable {
        var gogc: Int?
        var memoryLimit: Int?
        var gctrace: Bool
        var stepBudget: Int
        var benchN: Int
        var fileName: String
        var maxFrames: Int
    }

    var outcome: Outcome {
        Outcome(gogc: gogc, memoryLimit: memoryLimit, gctrace: gctrace, stepBudget: stepBudget, benchN: benchN,
                fileName: fileName, maxFrames: maxFrames)
    }

    /// GOGC and GOMEMLIMIT as the Go runtime reads them from the environment.
    public mutating func readEnvironment(_ env: [String: String]) throws(SimulatorLikeError) {
        if let g = env["GOGC"] { gogc = try RunOptions.parseGOGC(g) }
        if let m = env["GOMEMLIMIT"] { memoryLimit = try RunOptions.parseMemoryLimit(m) }
    }

    public static func parseGOGC(_ text: String) throws(SimulatorLikeError) -> Int? {
        if text.lowercased() == "off" { return nil }
        guard let n = Int(text), n >= 1, n <= 100_000 else {
            throw SimulatorLikeError(L("GOGC must be off or a number from 1 to {0}", 100_000))
        }
        return n
    }

    /// `GOMEMLIMIT`: a byte count with an optional unit (B, KiB, MiB, GiB, TiB), or `off`.
    public static func parseMemoryLimit(_ text: String) throws(SimulatorLikeError) -> Int? {
        if text.lowercased() == "off" { return nil }
        let units: [(String, Int)] = [("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("B", 1)]
        for (u, f) in units where text.hasSuffix(u) {
            if let n = Int(text.dropLast(u.count)), n > 0, n <= (1 << 40) / f { return n * f }
        }
        if let n = Int(text), n > 0 { return n }
        throw SimulatorLikeError(L("GOMEMLIMIT must be off or a size such as 64MiB, 1GiB or 1048576"))
    }
}

/// A message for a bad option (the command line and the tutor both show it).
public struct SimulatorLikeError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Where a program's output goes: streamed (the command line) or kept, up
/// to a limit (the tutor, tests).
public final class OutputSink: @unchecked Sendable {
    // Used by one run at a time.
    private let streamOut: ((String) -> Void)?
    private let streamError: ((String) -> Void)?
    public private(set) var text = ""
    public private(set) var truncated = false
    let limit: Int

    /// Keeps output and error output together, in order, up to `limit` bytes.
    public init(limit: Int = 1 << 20) {
        streamOut = nil
        streamError = nil
        self.limit = limit
    }

    public init(out: @escaping (String) -> Void, error: @escaping (String) -> Void) {
        streamOut = out
        streamError = error
        limit = Int.max
    }

    func write(_ s: String) {
        if let streamOut { streamOut(s); return }
        keep(s)
    }

    func writeError(_ s: String) {
        if let streamError { streamError(s); return }
        keep(s)
    }

    private func keep(_ s: String) {
        if truncated { return }
        if text.utf8.count + s.utf8.count > limit {
            truncated = true
            text += String(decoding: Array(s.utf8.prefix(max(0, limit - text.utf8.count))), as: UTF8.self)
            return
        }
        text += s
    }
}

/// What a run did, for reports, the `bench` simulator and tests.
public struct RunStats: Sendable, Equatable {
    public var steps = 0
    public var mallocs = 0
    public var totalAlloc = 0
    public var gcCycles = 0
    public var liveHeap = 0
    public var cost = 0
    public var gcTrace: [String] = []
}

public struct RunReport: Sendable, Equatable {
    /// 0, 1 (tests failed), 2 (panic or fatal error, as Go exits).
    public var exitCode: Int32
    /// The message when the program was stopped (panic, deadlock, limits).
    public var stopMessage: String?
    public var stats: RunStats
    public var benchmarks: [BenchResult] = []
    public var testsPassed = 0
    public var testsFailed = 0
}

/// Running compiled programs: `main`, the tests, the benchmarks.
public enum Interpreter {
    /// `go run`: initialises the package and runs `main`.
    public static func run(_ exe: Executable, options: RunOptions, output: OutputSink) -> RunReport {
        LargeStack.run {
            let m = Machine(exe, options: options, output: output)
            m.runMain()
            return m.report()
        }
    }

    /// `go test`: every `TestXxx` whose name matches `filter`, with PASS/FAIL like go test.
    public static func test(_ exe: Executable, options: RunOptions, output: OutputSink,
                            filter: NSRegularExpression? = nil, verbose: Bool = false) -> RunReport {
        let box = FilterBox(filter)
        return LargeStack.run {
            let m = Machine(exe, options: options, output: output)
            m.runTests(filter: box.regex, verbose: verbose)
            return m.report()
        }
    }

    /// `go test -bench . -benchmem`: every `BenchmarkXxx` whose name matches `filter`.
    public static func bench(_ exe: Executable, options: RunOptions, output: OutputSink,
                             filter: NSRegularExpression? = nil) -> RunReport {
        let box = FilterBox(filter)
        return LargeStack.run {
            let m = Machine(exe, options: options, output: output)
            m.runBenchmarks(filter: box.regex)
            return m.report()
        }
    }

    /// `BenchmarkName   N   cost/op   B/op   allocs/op`, padded like go test's lines.
    public static func benchLine(_ r: BenchResult, nameWidth: Int) -> String {
        var name = r.name
        while name.count < nameWidth { name += " " }
        return name + "\t" + pad(String(r.n), 8) + "\t" + prettyPrint(r.costPerOp, "cost/op")
            + "\t" + pad(String(r.bytesPerOp), 8) + " B/op\t" + pad(String(r.allocsPerOp), 8) + " allocs/op"
    }

    /// testing's prettyPrint: ten places before the point, a few significant digits after.
    static func prettyPrint(_ x: Double, _ unit: String) -> String {
        let y = abs(x)
        let (width, decimals): (Int, Int)
        switch y {
        case _ where y == 0 || y >= 999.95: (width, decimals) = (10, 0)
        case _ where y >= 99.995: (width, decimals) = (12, 1)
        case _ where y >= 9.9995: (width, decimals) = (13, 2)
        case _ where y >= 0.99995: (width, decimals) = (14, 3)
        case _ where y >= 0.099995: (width, decimals) = (15, 4)
        default: (width, decimals) = (16, 5)
        }
        return pad(String(format: "%.\(decimals)f", x), width) + " " + unit
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }
}

/// Carries a regular expression to the run thread (it is only read there).
final class FilterBox: @unchecked Sendable {
    let regex: NSRegularExpression?
    init(_ regex: NSRegularExpression?) { self.regex = regex }
}

extension Machine {
    /// Runs the package initialisation (variables, then `init` functions) on goroutine 1.
    func initialize() -> Bool {
        let g = newGoroutine()
        guard start(g, PendingCall(target: .function(exe.initFunction), args: [], pos: .none)) else { return false }
        makeRunnable(g)
        schedule(until: { g.state == .done })
        return termination == nil
    }

    func runMain() {
        guard let main = exe.mainFunction else {
            termination = .limit(L("memlane: the program has no func main"))
            return
        }
        let g = newGoroutine()
        // main.main waits under the package initialisation, as in Go.
        guard pushFrame(g, function: main, args: 0, values: [], ret: -1, kind: .entry),
              pushFrame(g, function: exe.initFunction, args: 0, values: [], ret: -1, kind: .normal) else { return }
        makeRunnable(g)
        schedule(until: { g.state == .done })
    }

    func runTests(filter: NSRegularExpression?, verbose: Bool) {
        guard initialize() else { return }
        for (i, name) in exe.tests.enumerated() where Machine.matches(filter, name) {
            let ctx = newTestContext(name: name, benchmark: false, parent: nil)
            var done = false
            testing.verbose = verbose
            runTest(ctx, exe.functionValue(exe.testFunctions[i]), then: { done = true })
            schedule(until: { done })
            if termination != nil {
                out.write("--- FAIL: " + name + " (0.00s)\n")
                testing.finishedTests.append(ctx)
                ctx.failed = true
                return
            }
            reportTest(ctx, verbose: verbose)
        }
    }

    /// go test's summary of one top-level test: failed tests (and their
    /// subtests) with their log lines; with -v every status line (the log
    /// lines were printed as they came).
    private func reportTest(_ ctx: TestContext, verbose: Bool) {
        var lines: [String] = []
        func walk(_ c: TestContext, indent: String) {
            let status = c.failed ? "FAIL" : (c.skipped ? "SKIP" : "PASS")
            if c.failed || verbose {
                lines.append(indent + "--- " + status + ": " + c.name + " (0.00s)")
                if !verbose {
                    for l in c.log { lines.append(l.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }.joined(separator: "\n")) }
                }
            }
            for child in c.children { walk(child, indent: indent + "    ") }
        }
        walk(ctx, indent: "")
        if !lines.isEmpty { out.write(lines.joined(separator: "\n") + "\n") }
    }

    func runBenchmarks(filter: NSRegularExpression?) {
        guard initialize() else { return }
        let names = exe.benchmarks.filter { Machine.matches(filter, $0) }
        let width = names.map(\.count).max() ?? 0
        for (i, name) in exe.benchmarks.enumerated() where Machine.matches(filter, name) {
            let ctx = newTestContext(name: name, benchmark: true, parent: nil)
            var done = false
            let printed = testing.benchResults.count
            runBenchmark(ctx, exe.functionValue(exe.benchmarkFunctions[i]), then: { done = true })
            schedule(until: { done })
            for r in testing.benchResults[printed...] {
                out.write(Interpreter.benchLine(r, nameWidth: max(width, r.name.count)) + "\n")
            }
            if termination != nil { return }
            if ctx.failed || ctx.skipped {
                out.write("--- " + (ctx.failed ? "FAIL" : "SKIP") + ": " + name + "\n")
                for l in ctx.log { out.write(l + "\n") }
                if ctx.failed { testing.finishedTests.append(ctx) }
            }
        }
    }

    static func matches(_ filter: NSRegularExpression?, _ name: String) -> Bool {
        guard let f = filter else { return true }
        return f.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
    }

    /// The run's outcome; a stopped program's message goes to standard error.
    func report() -> RunReport {
        var code: Int32 = 0
        var message: String? = nil
        switch termination {
        case .panic(let text), .fatal(let text), .limit(let text):
            message = text
            code = 2
        case .stepBudget(let n):
            message = L("memlane: stopped after {0} statements: the program may be looping forever (raise the budget with --steps)", n)
            code = 2
        case .interrupted:
            message = L("memlane: interrupted")
            code = 2
        case nil:
            break
        }
        if let message { out.writeError(message.hasSuffix("\n") ? message : message + "\n") }
        let failed = testing.finishedTests.filter { $0.parent == nil && $0.failed }.count
        let passed = testing.finishedTests.filter { $0.parent == nil && !$0.failed }.count
        if code == 0 && failed > 0 { code = 1 }
        let stats = RunStats(steps: steps, mallocs: allocator.mallocs, totalAlloc: allocator.totalAlloc,
                             gcCycles: collector.cycles, liveHeap: collector.live, cost: cost.total(steps: steps),
                             gcTrace: collector.trace.map(\.text))
        return RunReport(exitCode: code, stopMessage: message, stats: stats, benchmarks: testing.benchResults,
                         testsPassed: passed, testsFailed: failed)
    }
}

import TextKit

/// One test, subtest, benchmark or sub-benchmark while it runs.
final class TestContext {
    let name: String
    let isBenchmark: Bool
    weak var parent: TestContext?
    var children: [TestContext] = []
    var failed = false
    var skipped = false
    /// Lines as `go test` prints them under `--- FAIL:` (already indented).
    var log: [String] = []
    var cleanups: [FuncValue] = []
    /// Functions marked with `t.Helper()`: log lines report their caller.
    var helpers: Set<Int> = []
    let block: MemBlock
    // Benchmarks.
    var n = 1
    var timerOn = false
    var start = Snapshot()
    var net = Snapshot()
    var hasSub = false

    init(name: String, isBenchmark: Bool, parent: TestContext?, block: MemBlock) {
        self.name = name
        self.isBenchmark = isBenchmark
        self.parent = parent
        self.block = block
    }

    var depth: Int {
        var d = 0
        var p = parent
        while let q = p { d += 1; p = q.parent }
        return d
    }
}

/// Counters read when a benchmark's timer starts and stops.
struct Snapshot {
    var mallocs = 0
    var bytes = 0
    var cost = 0
    var allocation = 0
    var collection = 0
    var cycles = 0

    static func - (a: Snapshot, b: Snapshot) -> Snapshot {
        Snapshot(mallocs: a.mallocs - b.mallocs, bytes: a.bytes - b.bytes, cost: a.cost - b.cost,
                 allocation: a.allocation - b.allocation, collection: a.collection - b.collection, cycles: a.cycles - b.cycles)
    }

    static func + (a: Snapshot, b: Snapshot) -> Snapshot {
        Snapshot(mallocs: a.mallocs + b.mallocs, bytes: a.bytes + b.bytes, cost: a.cost + b.cost,
                 allocation: a.allocation + b.allocation, collection: a.collection + b.collection, cycles: a.cycles + b.cycles)
    }
}

/// One benchmark's figures, as `go test -benchmem` computes them: totals
/// over the timed run divided by b.N (integer division for B/op and allocs/op).
public struct BenchResult: Sendable, Equatable {
    public var name: String
    public var n: Int
    public var allocsPerOp: Int
    public var bytesPerOp: Int
    public var costPerOp: Double
    /// The parts of the cost: statements and calls, allocation, collection.
    public var computePerOp: Double
    public var allocationPerOp: Double
    public var collectionPerOp: Double
    /// Collection cycles during the timed run.
    public var cycles: Int
}

struct TestingState {
    var contexts: [ObjectIdentifier: TestContext] = [:]
    var benchResults: [BenchResult] = []
    var finishedTests: [TestContext] = []
    /// `go test -v`: each test announced, its log printed as it comes.
    var verbose = false
    /// Subtest names used so far, for Go's `#01` suffixes.
    var subNames: [String: Int] = [:]

    /// testing's `matcher.unique`: a repeated name gets `#01`, `#02`, …
    mutating func unique(_ parent: String, _ sub: String) -> String {
        var name = parent + "/" + sub
        var empty = sub.isEmpty
        while true {
            let next = subNames[name]
            if !empty && next == nil {
                subNames[name] = 1
                return name
            }
            let n = next ?? 0
            subNames[name] = n + 1
            name += "#" + (n < 10 ? "0" : "") + String(n)
            empty = false
        }
    }
}

extension Machine {
    func snapshot() -> Snapshot {
        Snapshot(mallocs: allocator.mallocs, bytes: allocator.totalAlloc, cost: cost.total(steps: steps),
                 allocation: cost.allocation, collection: cost.collection, cycles: collector.cycles)
    }

    /// A `testing.T` or `testing.B` value for a context (`common` then `N`/`isParallel`).
    func newTestContext(name: String, benchmark: Bool, parent: TestContext?) -> TestContext {
        let b = MemBlock(copyingValues: [.null, .int(0), .int(benchmark ? 1 : 0)])
        b.address = address(heap: false, size: 24)
        let ctx = TestContext(name: name, isBenchmark: benchmark, parent: parent, block: b)
        testing.contexts[ObjectIdentifier(b)] = ctx
        return ctx
    }

    // MARK: - The testing methods

    func testingNative(_ g: Goroutine, _ nc: NativeCall, _ args: [GoValue], ret: Int?) -> NativeOutcome {
        guard case .pointer(let b, _)? = args.first, let ctx = testing.contexts[ObjectIdentifier(b)] else {
            switch fault(g, .nilDereference) {
            case .stop(let s): return .stop(s)
            default: return .switched
            }
        }
        func result(_ v: GoValue) -> NativeOutcome {
            if let ret { g.regs[ret] = v }
            return .done
        }
        func text(newline: Bool) -> String {
            GoFormatter(machine: self).sprint(interfaceArgs(args.count > 1 ? args[1] : nil), newline: newline)
        }
        func formatted() -> String {
            GoFormatter(machine: self).sprintf(stringBytes(args[1]), interfaceArgs(args.count > 2 ? args[2] : nil))
        }
        func goexit() -> NativeOutcome {
            if let s = raise(g, .null, goexit: true) { return .stop(s) }
            return .switched
        }
        switch nc.function {
        case .tError: log(ctx, g, text(newline: true)); ctx.failed = true
        case .tErrorf: log(ctx, g, formatted()); ctx.failed = true
        case .tFatal: log(ctx, g, text(newline: true)); ctx.failed = true; return goexit()
        case .tFatalf: log(ctx, g, formatted()); ctx.failed = true; return goexit()
        case .tFail: ctx.failed = true
        case .tFailNow: ctx.failed = true; return goexit()
        case .tFailed: return result(.bool(ctx.failed))
        case .tHelper: if let f = g.frames.last { ctx.helpers.insert(Int(f.function)) }
        case .tLog: log(ctx, g, text(newline: true))
        case .tLogf: log(ctx, g, formatted())
        case .tName: return result(makeString(ctx.name))
        case .tSkip: log(ctx, g, text(newline: true)); ctx.skipped = true; return goexit()
        case .tSkipf: log(ctx, g, formatted()); ctx.skipped = true; return goexit()
        case .tSkipNow: ctx.skipped = true; return goexit()
        case .tSkipped: return result(.bool(ctx.skipped))
        case .tCleanup: if case .fn(let f) = args[1] { ctx.cleanups.append(f) }
        case .tParallel, .bReportAllocs, .bReportMetric, .bSetBytes: break
        case .bResetTimer:
            allocator.flushCaches()
            if ctx.timerOn { ctx.start = snapshot() }
            ctx.net = Snapshot()
        case .bStartTimer:
            allocator.flushCaches()
            if !ctx.timerOn { ctx.start = snapshot(); ctx.timerOn = true }
        case .bStopTimer:
            allocator.flushCaches()
            if ctx.timerOn { ctx.net = ctx.net + (snapshot() - ctx.start); ctx.timerOn = false }
        case .tRun, .bRun:
            guard case .fn(let f) = args[2] else {
                switch fault(g, .nilDereference) { case .stop(let s): return .stop(s); default: return .switched }
            }
            let child = newTestContext(name: testing.unique(ctx.name, subtestName(stringText(args[1]))), benchmark: ctx.isBenchmark, parent: ctx)
            ctx.children.append(child)
            let parentG = g
            let wake: () -> Void = { [unowned self] in
                if child.failed { ctx.failed = true }
                if let ret { parentG.regs[ret] = .bool(!child.failed) }
                self.makeRunnable(parentG)
            }
            g.state = .blocked
            g.waitReason = "chan receive"
            if ctx.isBenchmark {
                ctx.hasSub = true
                runBenchmark(child, f, then: wake)
            } else {
                runTest(child, f, then: wake)
            }
            return .switched
        default:
            break
        }
        return .done
    }

    /// Go rewrites spaces in subtest names to underscores.
    private func subtestName(_ s: String) -> String {
        String(s.map { $0 == " " ? "_" : $0 })
    }

    /// A log line, `    FILE:LINE: text`, attributed to the first caller that is not a helper.
    private func log(_ ctx: TestContext, _ g: Goroutine, _ text: String) {
        var line = 0
        for f in g.frames.reversed() where !ctx.helpers.contains(Int(f.function)) {
            line = functions[Int(f.function)].line(at: max(0, Int(f.pc) - 1))
            break
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.count > 1 && lines.last == "" { lines.removeLast() }
        var entry = "    " + baseName(options.fileName) + ":\(line): "
        for (i, l) in lines.enumerated() {
            if i > 0 { entry += "\n        " }
            entry += l
        }
        ctx.log.append(entry)
        if testing.verbose { out.write(entry + "\n") }
    }

    func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    // MARK: - Running tests and benchmarks

    /// Runs `f(t)` on a new goroutine, then its cleanups; then `then`.
    func runTest(_ ctx: TestContext, _ f: FuncValue, then: @escaping () -> Void) {
        if testing.verbose { out.write("=== RUN   " + ctx.name + "\n") }
        let g = newGoroutine()
        g.onExit = { [unowned self] _ in
            self.runCleanups(ctx, then: {
                self.testing.finishedTests.append(ctx)
                then()
            })
        }
        if start(g, PendingCall(target: .value(f), args: [.pointer(ctx.block, 0)], pos: .none)) {
            makeRunnable(g)
        }
    }

    private func runCleanups(_ ctx: TestContext, then: @escaping () -> Void) {
        guard let f = ctx.cleanups.popLast() else { then(); return }
        let g = newGoroutine()
        g.onExit = { [unowned self] _ in self.runCleanups(ctx, then: then) }
        if start(g, PendingCall(target: .value(f), args: [], pos: .none)) {
            if g.frames.isEmpty { finish(g) } else { makeRunnable(g) }
        }
    }

    /// `go test -bench`'s sequence: one run with b.N = 1, then (unless the
    /// benchmark only ran sub-benchmarks) the measured run with b.N fixed.
    func runBenchmark(_ ctx: TestContext, _ f: FuncValue, then: @escaping () -> Void) {
        runN(ctx, f, 1) { [unowned self] in
            if ctx.failed || ctx.skipped || ctx.hasSub || self.termination != nil { then(); return }
            self.runN(ctx, f, self.options.benchN) {
                let d = ctx.net
                let n = Double(ctx.n)
                let compute = d.cost - d.allocation - d.collection
                self.testing.benchResults.append(BenchResult(
                    name: ctx.name, n: ctx.n, allocsPerOp: d.mallocs / ctx.n, bytesPerOp: d.bytes / ctx.n,
                    costPerOp: Double(d.cost) / n, computePerOp: Double(compute) / n,
                    allocationPerOp: Double(d.allocation) / n, collectionPerOp: Double(d.collection) / n, cycles: d.cycles))
                then()
            }
        }
    }

    /// One run: `runtime.GC()`, b.N set, the timer started, `f(b)` on a new goroutine.
    private func runN(_ ctx: TestContext, _ f: FuncValue, _ n: Int, then: @escaping () -> Void) {
        collect(forced: true)
        ctx.n = n
        ctx.block.slots[2] = .int(n)
        allocator.flushCaches()
        ctx.timerOn = true
        ctx.start = snapshot()
        ctx.net = Snapshot()
        let g = newGoroutine()
        g.onExit = { [unowned self] _ in
            if ctx.timerOn {
                ctx.net = ctx.net + (self.snapshot() - ctx.start)
                ctx.timerOn = false
            }
            then()
        }
        if start(g, PendingCall(target: .value(f), args: [.pointer(ctx.block, 0)], pos: .none)) {
            makeRunnable(g)
        }
    }
}

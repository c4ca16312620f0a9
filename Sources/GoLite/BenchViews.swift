import Simulators
import TextKit

/// What the `bench` simulator prints.
extension BenchSimulator {
    /// The program's output, then a line about its memory.
    func runView(_ report: RunReport, _ sink: OutputSink) -> String {
        var lines = BenchSimulator.outputLines(sink)
        let s = report.stats
        lines.append(Ink.paint(L("{0} allocation(s), {1} bytes allocated, {2} collection cycle(s), {3} statements", s.mallocs, s.totalAlloc, s.gcCycles, s.steps), .grey))
        return lines.joined(separator: "\n")
    }

    func testView(_ report: RunReport, _ sink: OutputSink) -> String {
        var lines = BenchSimulator.outputLines(sink)
        if report.exitCode == 0 {
            lines.append(Ink.paint("PASS", .green) + "  " + L("{0} test(s) passed", report.testsPassed))
        } else {
            lines.append(Ink.paint("FAIL", .red) + "  " + L("{0} test(s) passed, {1} failed", testsPassed, testsFailed))
        }
        return lines.joined(separator: "\n")
    }

    func benchView(_ report: RunReport, _ sink: OutputSink) -> String {
        var lines = BenchSimulator.outputLines(sink).filter { !$0.hasPrefix("Benchmark") }
        let width = report.benchmarks.map(\.name.count).max() ?? 0
        for r in report.benchmarks {
            lines.append(Interpreter.benchLine(r, nameWidth: width).replacingOccurrences(of: "\t", with: " "))
        }
        if report.stopMessage == nil {
            lines.append(Ink.paint(L("b.N = {0}; cost/op is the simulator's cost model, not time (see `costs`)", RunOptions.defaultBenchN), .grey))
        }
        return lines.joined(separator: "\n")
    }

    /// Output lines, control characters made visible, with a note when cut.
    static func outputLines(_ sink: OutputSink) -> [String] {
        var text = sink.text
        if text.hasSuffix("\n") { text.removeLast() }
        var lines = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map { Sanitizer.line(String($0)) }
        if sink.truncated { lines.append(Ink.paint(L("… output cut after {0} bytes", BenchSimulator.outputLimit), .grey)) }
        return lines
    }

    // MARK: - compare

    /// Finds a benchmark by its name, with or without the `Benchmark` prefix.
    private func lookup(_ name: String, in table: [String: BenchResult]) -> BenchResult? {
        table[name] ?? table["Benchmark" + name] ?? table.first(where: { BenchSimulator.key($0.key) == name })?.value
    }

    func compare(_ names: [String], width: Int) throws(SimulatorError) -> String {
        let known = order + previousOrder.map { "previous " + $0 }
        func missing(_ n: String, previousProgram: Bool = false) -> SimulatorError {
            SimulatorError(previousProgram ? L("the previous program has no result for `{0}`", Sanitizer.line(n))
                                           : L("no result for `{0}` yet", Sanitizer.line(n))
                           + Suggestion.hint(for: n, among: order),
                           hint: known.isEmpty ? L("Run `bench` first.") : L("Results: {0}", known.joined(separator: ", ")))
        }
        let a: BenchResult, b: BenchResult
        let aLabel: String, bLabel: String
        if names.count == 1 {
            guard let now = lookup(names[0], in: results) else { throw missing(names[0]) }
            guard let before = lookup(names[0], in: previous) else { throw missing(names[0], previousProgram: true) }
            a = before; b = now
            aLabel = L("before"); bLabel = L("now")
        } else {
            guard let x = lookup(names[0], in: results) else { throw missing(names[0]) }
            guard let y = lookup(names[1], in: results) else { throw missing(names[1]) }
            a = x; b = y
            aLabel = "A"; bLabel = "B"
        }
        var lines: [String] = []
        if names.count == 1 {
            lines.append(L("{0}: the previous program (before) and the current one (now)", Sanitizer.line(a.name)))
        } else {
            lines.append("A = " + Sanitizer.line(a.name))
            lines.append("B = " + Sanitizer.line(b.name))
        }
        func num(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e12 ? String(Int(v)) : String(format: "%.1f", v) }
        func signed(_ v: Double) -> String { (v > 0 ? "+" : "") + num(v) }
        func row(_ label: String, _ x: Double, _ y: Double) -> String {
            DisplayWidth.pad(label, to: 16) + Interpreter.pad(num(x), 12) + Interpreter.pad(num(y), 12) + Interpreter.pad(signed(y - x), 12)
        }
        lines.append(DisplayWidth.pad("", to: 16) + Interpreter.pad(aLabel, 12) + Interpreter.pad(bLabel, 12) + Interpreter.pad(bLabel + " − " + aLabel, 12))
        lines.append(row("allocs/op", Double(a.allocsPerOp), Double(b.allocsPerOp)))
        lines.append(row("B/op", Double(a.bytesPerOp), Double(b.bytesPerOp)))
        lines.append(row("cost/op", a.costPerOp, b.costPerOp))
        lines.append(row("  " + L("computing"), a.computePerOp, b.computePerOp))
        lines.append(row("  " + L("allocating"), a.allocationPerOp, b.allocationPerOp))
        lines.append(row("  " + L("collecting"), a.collectionPerOp, b.collectionPerOp))
        func share(_ r: BenchResult, _ part: Double) -> Int { r.costPerOp > 0 ? Int((part * 100 / r.costPerOp).rounded()) : 0 }
        lines.append(L("{0} spends {1}% of its cost allocating and {2}% collecting; {3}, {4}% and {5}%.",
                       aLabel, share(a, a.allocationPerOp), share(a, a.collectionPerOp),
                       bLabel, share(b, b.allocationPerOp), share(b, b.collectionPerOp)))
        if a.costPerOp > 0 && b.costPerOp != a.costPerOp {
            let change = Int(((b.costPerOp - a.costPerOp) * 100 / a.costPerOp).rounded())
            lines.append(L("{0} costs {1}% {2} than {3}.", bLabel, abs(change), change < 0 ? L("less") : L("more"), aLabel))
        }
        return lines.map { DisplayWidth.prefix($0, columns: max(40, width)) }.joined(separator: "\n")
    }

    // MARK: - Other views

    func traceView() -> String {
        guard let run = lastRun else { return L("Nothing has run yet: `run`, `test` or `bench` first.") }
        if run.stats.gcTrace.isEmpty {
            return L("No collection cycle ran during the last {0}: the heap never reached the goal (4 MiB × GOGC/100 at first).", run.command)
        }
        return run.stats.gcTrace.map { Sanitizer.line($0) }.joined(separator: "\n")
    }

    static var costModelText: String {
        [
            L("cost/op is a model of the work, in cost units (not time):"),
            L("  each statement executed            1  (also loop conditions, range steps)"),
            L("  each function call                 2 more"),
            L("  each allocation                   20 + bytes handed out / 8  (zeroing)"),
            L("  a tiny allocation in the current 16-byte block: 5"),
            L("  a large object (over 32 KiB)     100 + bytes / 8"),
            L("  each collection cycle           5000 + (live heap + stacks + globals) / 4"),
            L("A benchmark's figure is the cost of its timed run divided by b.N."),
            L("B/op and allocs/op follow Go 1.19's allocator: size classes, whole"),
            L("8 KiB pages over 32 KiB, the tiny allocator, growslice."),
            L("A cycle starts when the heap in use reaches the goal:"),
            L("live + (live + stacks + globals) × GOGC/100, at least 4 MiB × GOGC/100."),
        ].joined(separator: "\n")
    }

    public func render(in context: SimulationContext) -> String {
        guard source.source != nil else { return L("No program yet: `load PATH`, `code`, or `edit`.") }
        guard let exe = executable else { return source.render(in: context) }
        var lines = [L("{0}: {1} test(s), {2} benchmark(s)", source.file, exe.tests.count, exe.benchmarks.count)]
        let width = order.map(\.count).max() ?? 0
        for n in order {
            if let r = results[n] { lines.append(Interpreter.benchLine(r, nameWidth: width).replacingOccurrences(of: "\t", with: " ")) }
        }
        if testsRan { lines.append(L("tests: {0} passed, {1} failed", testsPassed, testsFailed)) }
        return lines.joined(separator: "\n")
    }
}

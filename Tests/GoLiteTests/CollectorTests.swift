import Testing
@testable import GoLite

/// The pacer: cycles start when the heap in use reaches the goal of the
/// shared formula (live + (live + stacks + globals) × GOGC/100, at least
/// 4 MiB × GOGC/100, capped by GOMEMLIMIT), and gctrace prints each one.
@Suite struct CollectorTests {
    /// 100 allocations of 1 MiB; only the last one stays reachable.
    static let churn = "package main\n\nvar sink []byte\n\nfunc main() {\n\tfor i := 0; i < 100; i++ {\n\t\tsink = make([]byte, 1<<20)\n\t}\n}\n"

    func run(gogc: Int?, limit: Int? = nil, trace: Bool = false) throws -> GoRun.Outcome {
        let exe = try Executable.compile(Self.churn)
        var o = GoRun.options(gogc: gogc)
        o.memoryLimit = limit
        o.gctrace = trace
        let sink = OutputSink()
        let report = Interpreter.run(exe, options: o, output: sink)
        return GoRun.Outcome(output: sink.text, report: report)
    }

    @Test func cyclesFollowTheGoal() throws {
        // Goal 4 MiB: the first cycle after 4 MiB, then every 3 MiB (1 MiB stays live): 4, 7, …, 100.
        #expect(try run(gogc: 100).report.stats.gcCycles == 33)
        // GOGC=200: at least 8 MiB: 8, 15, …, 99.
        #expect(try run(gogc: 200).report.stats.gcCycles == 14)
        #expect(try run(gogc: nil).report.stats.gcCycles == 0)
        // GOGC=off with a 3 MiB limit: the goal is 3 MiB minus stacks and globals: 3, 5, …, 99.
        #expect(try run(gogc: nil, limit: 3 << 20).report.stats.gcCycles == 49)
        #expect(try run(gogc: 100).report.stats.totalAlloc == 100 << 20)
    }

    @Test func gctraceLinesHaveTheRuntimesShape() throws {
        let r = try run(gogc: 100, trace: true)
        let lines = r.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 33)
        let first = try #require(lines.first)
        #expect(first.hasPrefix("gc 1 @0.001s 34%: 0.003+0.264+0.003 ms clock, 0.003+0/0.264/0+0.003 ms cpu, "))
        #expect(first.contains("ms clock, "))
        #expect(first.hasSuffix(" 4->4->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 1 P"))
        #expect(lines.last?.hasPrefix("gc 33 @") == true)
    }

    @Test func liveDataRaisesTheGoal() throws {
        // 8 MiB kept alive, then garbage: the goal becomes live × 2 plus roots, about 16 MiB.
        let src = "package main\n\nvar keep [][]byte\nvar sink []byte\n\nfunc main() {\n\tfor i := 0; i < 8; i++ {\n\t\tkeep = append(keep, make([]byte, 1<<20))\n\t}\n\tfor i := 0; i < 40; i++ {\n\t\tsink = make([]byte, 1<<20)\n\t}\n}\n"
        let run = try GoRun.main(src, gctrace: true)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("->9 MB, 18 MB goal") })
        #expect(run.report.stats.liveHeap >= 9 << 20)
    }
}

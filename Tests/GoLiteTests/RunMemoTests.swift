import Testing
@testable import GoLite

/// Deterministic runs are kept by what they ran, and only those.
@Suite struct RunMemoTests {
    func key(_ source: String, _ command: String = "bench", gogc: Int? = 100) -> RunMemo.Key {
        var o = RunOptions()
        o.gogc = gogc
        return RunMemo.Key(source: source, settings: o.outcome, command: command, pattern: nil)
    }

    func run(_ memo: RunMemo, _ key: RunMemo.Key, interrupted: Bool = false, counting runs: inout Int) -> RunReport {
        memo.run(key, isInterrupted: { interrupted }) {
            runs += 1
            return (RunReport(exitCode: Int32(runs), stopMessage: nil, stats: RunStats()), OutputSink())
        }.0
    }

    @Test func theSameRunIsMadeOnce() {
        let memo = RunMemo()
        var runs = 0
        let first = run(memo, key("package p"), counting: &runs)
        let again = run(memo, key("package p"), counting: &runs)
        #expect(runs == 1)
        #expect(again == first)
    }

    @Test func anythingThatDecidesTheOutcomeMakesANewRun() {
        let memo = RunMemo()
        var runs = 0
        _ = run(memo, key("package p"), counting: &runs)
        _ = run(memo, key("package q"), counting: &runs)
        _ = run(memo, key("package p", "test"), counting: &runs)
        _ = run(memo, key("package p", gogc: nil), counting: &runs)
        #expect(runs == 4)
    }

    @Test func anInterruptedRunIsNotKept() {
        let memo = RunMemo()
        var runs = 0
        _ = run(memo, key("package p"), interrupted: true, counting: &runs)
        _ = run(memo, key("package p"), counting: &runs)
        #expect(runs == 2)
    }

    @Test func onlyTheLastFewRunsAreKept() {
        let memo = RunMemo()
        var runs = 0
        for i in 0...RunMemo.capacity { _ = run(memo, key("package p\(i)"), counting: &runs) }
        _ = run(memo, key("package p0"), counting: &runs)
        #expect(runs == RunMemo.capacity + 2)
        _ = run(memo, key("package p\(RunMemo.capacity)"), counting: &runs)
        #expect(runs == RunMemo.capacity + 2)
    }
}

import Foundation
import Testing
import Simulators

/// The 1,000,000-object mark & sweep figure, measured only on request:
///
///     MEMLANE_BENCH=1 swift test -c release --filter HeapBenchmarkTests
///
/// Times are printed, never asserted; the counts are.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MEMLANE_BENCH"] != nil, "set MEMLANE_BENCH=1 to run"))
struct HeapBenchmarkTests {
    static let objects = 1_000_000

    func time(_ label: String, _ body: () -> Void) -> Duration {
        let clock = ContinuousClock()
        let elapsed = clock.measure(body)
        print("\(label): \(elapsed)")
        return elapsed
    }

    @Test func markAndSweepRandomHeap() {
        var heap = HeapGraph.random(objects: Self.objects, fields: 2, roots: 16, seed: 1)
        let reachable = heap.reachable().count { $0 }
        var result = SweepResult()
        _ = time("random heap, 1,000,000 objects, 2 fields each: mark & sweep") { result = heap.collect() }
        #expect(heap.objectCount == reachable)
        #expect(result.freed.count == Self.objects - reachable)
    }

    @Test func markAndSweepChain() {
        var heap = HeapGraph.chain(objects: Self.objects, cyclic: true)
        var result = SweepResult()
        _ = time("chain of 1,000,000 objects: mark & sweep") { result = heap.collect() }
        #expect(result.freed.isEmpty)
        #expect(heap.objectCount == Self.objects)
    }
}

import Foundation
import Testing
import Grader
@testable import Simulators

@Suite struct GCLimitsTests {
    @Test func hugeSizesAreRefusedWithAMessage() throws {
        var h = try GCHarness()
        for bad in ["new A 1TiB", "new A 0x7fffffffffffffff", "live 2TiB", "alloc 99999999999999999999", "memlimit 0"] {
            #expect(throws: SimulatorError.self, "\(bad)") { try h.run(bad) }
        }
        try h.run(["new A 1GiB", "gogc off"])
        #expect {
            try h.run("alloc 1TiB")
        } throws: { error in
            (error as? SimulatorError)?.message.contains("out of memory") == true
        }
        #expect(try h.state("heap.inuse") == .int(1 << 30))
    }

    @Test func stepCountsAreBounded() throws {
        var h = try GCHarness(["new A", "root A", "gc start"])
        #expect(throws: SimulatorError.self) { try h.run("step 0") }
        #expect(throws: SimulatorError.self) { try h.run("step 100000000") }
        try h.run("step 10000000")
    }

    @Test func manyObjectsByCommand() throws {
        var h = try GCHarness()
        for i in 0..<5_000 { try h.run("new o\(i)") }
        try h.run(["root o0", "gc"])
        #expect(try h.state("heap.objects") == 1)
        #expect(try h.state("heap.top") == 16)
    }

    /// Commands on a 1,000,000-object heap, timed on request (see HeapBenchmarkTests).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MEMLANE_BENCH"] != nil, "set MEMLANE_BENCH=1 to run"))
    func commandsOnAMillionObjects() throws {
        var sim = GCSimulator(heap: HeapGraph.random(objects: 1_000_000, seed: 7))
        let root = sim.heap.name(of: sim.heap.roots[0])
        let clock = ContinuousClock()
        for line in ["new extra", "ptr extra.f = \(root)", "root extra", "gc", "collector incremental", "barrier hybrid",
                     "gc start", "step 1000", "new fresh", "ptr extra.g = fresh", "finish", "heap", "graph", "timeline"] {
            var output = ""
            let t = try clock.measure { output = try sim.run(line) }
            print("\(line): \(t)")
            #expect(!output.isEmpty)
        }
        #expect(sim.cycles == 2)
    }
}

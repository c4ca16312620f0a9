import Testing
import Foundation
import Grader
import Simulators
@testable import GoLite

/// The edit-and-measure cycle chapter 7 teaches, played on the `bench` simulator with the
/// programs in Content/go/edit-and-measure: measure, fix in the editor, measure again.
@Suite struct EditAndMeasureTests {
    func state(_ sim: BenchSimulator, _ expr: String) throws -> Value {
        try Evaluator(sim).evaluate(ExpressionParser.parse(expr))
    }

    /// An editor that applies one textual fix.
    func fixing(_ old: String, _ new: String) -> SimulationContext {
        var c = BenchSimulatorTests.context()
        c.edit = { text, _ in text.replacingOccurrences(of: old, with: new) }
        return c
    }

    @Test func filterInPlaceReachesZeroAllocationsWithTestsPassing() throws {
        var sim = BenchSimulator()
        let c = BenchSimulatorTests.context()
        _ = try sim.run("load go/edit-and-measure/filter_test.go", in: c)
        _ = try sim.run("bench", in: c)
        #expect(try state(sim, "bench.BenchmarkFilter.allocs_per_op") == 1)
        #expect(try state(sim, "bench.BenchmarkFilter.bytes_per_op") == 896)
        _ = try sim.run("edit", in: fixing("filtered := make(AdList, 0, len(list))", "filtered := list[:0]"))
        _ = try sim.run("test", in: c)
        _ = try sim.run("bench", in: c)
        #expect(try state(sim, "bench.BenchmarkFilter.allocs_per_op == 0 && tests.failed == 0 && tests.passed == 2") == true)
        #expect(try state(sim, "previous.BenchmarkFilter.allocs_per_op") == 1)
    }

    @Test func preallocationCutsAllocationsToOne() throws {
        var sim = BenchSimulator()
        let c = BenchSimulatorTests.context()
        _ = try sim.run("load go/edit-and-measure/collect_test.go", in: c)
        _ = try sim.run("bench", in: c)
        #expect(try state(sim, "bench.BenchmarkIDs.allocs_per_op") == 8)
        _ = try sim.run("edit", in: fixing("var ids []int", "ids := make([]int, 0, len(ads))"))
        _ = try sim.run("bench", in: c)
        #expect(try state(sim, "bench.BenchmarkIDs.allocs_per_op") == 1)
        #expect(try state(sim, "bench.BenchmarkIDs.bytes_per_op") == 896)
    }

    @Test func theHiddenAllocationIsTheBoxedLogArguments() throws {
        var sim = BenchSimulator()
        let c = BenchSimulatorTests.context()
        _ = try sim.run("load go/edit-and-measure/hidden_test.go", in: c)
        _ = try sim.run("bench", in: c)
        // Two boxed ints per bid, 50 bids: 100 allocations of 8 bytes.
        #expect(try state(sim, "bench.BenchmarkTotalBid.allocs_per_op") == 100)
        let escape = try sim.run("escape", in: c)
        #expect(escape.contains("hidden_test.go:23:8: bid escapes to heap"))
        #expect(try state(sim, "escapes(\"total\")") == true)
        _ = try sim.run("edit", in: fixing("\t\tlogf(", "\t\tif verbose {\n\t\t\tlogf("))
        _ = try sim.run("edit", in: fixing("total %d\\n\", bid, total)\n", "total %d\\n\", bid, total)\n\t\t}\n"))
        _ = try sim.run("bench", in: c)
        #expect(try state(sim, "bench.BenchmarkTotalBid.allocs_per_op") == 0)
    }
}

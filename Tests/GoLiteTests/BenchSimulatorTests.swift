import Testing
import Foundation
import Grader
import Simulators
import TextKit
@testable import GoLite

@Suite struct BenchSimulatorTests {
    static let content = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Content")

    static func context(editor: (@Sendable (String) -> String)? = nil) -> SimulationContext {
        var c = SimulationContext(isInterrupted: { false }, readFile: { path throws(SimulatorError) in
            guard let text = try? String(contentsOf: content.appendingPathComponent(path), encoding: .utf8) else {
                throw SimulatorError("cannot read " + path)
            }
            return (text, path)
        })
        if let editor { c.edit = { text, _ in editor(text) } }
        return c
    }

    func state(_ sim: BenchSimulator, _ expr: String) throws -> Value {
        try Evaluator(sim).evaluate(ExpressionParser.parse(expr))
    }

    @Test func benchReportsGoTestFigures() throws {
        var sim = BenchSimulator()
        _ = try sim.run("load go/bench/casestudy_test.go", in: Self.context())
        #expect(try state(sim, "compiles") == true)
        let out = try sim.run("bench", in: Self.context())
        #expect(out.contains("BenchmarkFilter100"))
        #expect(out.contains("1792 B/op        1 allocs/op"))
        #expect(try state(sim, "bench.BenchmarkFilter100.allocs_per_op") == 1)
        #expect(try state(sim, "bench.BenchmarkFilter100.bytes_per_op") == 1792)
        #expect(try state(sim, "bench.BenchmarkFilterInPlace100.allocs_per_op") == 0)
        #expect(try state(sim, "bench.BenchmarkMake300.bytes_per_op") == 2688)
        #expect(try state(sim, "bench.BenchmarkAppend50.allocs_per_op") == 7)
        #expect(try state(sim, "bench.BenchmarkFilter100.n") == 5000)
        #expect(try state(sim, "bench.BenchmarkFilter100.cost_per_op > bench.BenchmarkFilterInPlace100.cost_per_op") == true)
        #expect(try state(sim, "bench.BenchmarkFilter100.alloc_share > 0") == true)
        #expect(try state(sim, "bench.BenchmarkFilterInPlace100.alloc_share") == 0)
        #expect(try state(sim, "benchmarks") == ["BenchmarkFilter100", "BenchmarkFilterInPlace100", "BenchmarkAppend50", "BenchmarkMake300"])
    }

    @Test func benchFilterAndCompare() throws {
        var sim = BenchSimulator()
        _ = try sim.run("load go/bench/casestudy_test.go", in: Self.context())
        _ = try sim.run("bench Filter", in: Self.context())
        #expect(try state(sim, "benchmarks") == ["BenchmarkFilter100", "BenchmarkFilterInPlace100"])
        let out = try sim.run("compare Filter100 FilterInPlace100", in: Self.context(width: 80))
        #expect(out.contains("A = BenchmarkFilter100"))
        #expect(out.contains("allocs/op                  1           0          -1"))
        #expect(out.contains("B/op                    1792           0       -1792"))
        #expect(out.contains("% of its cost allocating"))
        for line in out.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 80) }
        #expect(throws: SimulatorError.self) { try sim.run("compare Filter100 Nope", in: Self.context()) }
    }

    @Test func editKeepsThePreviousResultsForComparison() throws {
        var sim = BenchSimulator()
        _ = try sim.run("load go/bench/casestudy_test.go", in: Self.context())
        _ = try sim.run("bench Filter100", in: Self.context())
        // The fix: filter in place.
        let fixed = Self.context(editor: { text in
            text.replacingOccurrences(of: "filtered := make(targetList, 0, len(list))", with: "filtered := list[:0]")
        })
        _ = try sim.run("edit", in: fixed)
        #expect(try state(sim, "benchmarks") == [])
        #expect(try state(sim, "previous.BenchmarkFilter100.allocs_per_op") == 1)
        _ = try sim.run("bench Filter100", in: Self.context())
        #expect(try state(sim, "bench.BenchmarkFilter100.allocs_per_op") == 0)
        let out = try sim.run("compare Filter100", in: Self.context())
        #expect(out.contains("before"))
        #expect(out.contains("allocs/op                  1           0          -1"))
    }

    static let withTests = """
        package p

        import "testing"

        func double(x int) int { return x * 2 }

        func TestDouble(t *testing.T) {
        \tif double(2) != 4 {
        \t\tt.Error("wrong")
        \t}
        }

        func TestBroken(t *testing.T) {
        \tif double(3) != 7 {
        \t\tt.Errorf("double(3) = %d", double(3))
        \t}
        }

        var sink []int

        func BenchmarkMake(b *testing.B) {
        \tfor i := 0; i < b.N; i++ {
        \t\tsink = make([]int, 10)
        \t}
        }
        """

    @Test func testVerbCountsPassesAndFailures() throws {
        var sim = BenchSimulator()
        _ = try sim.run("code", block: Self.withTests.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        #expect(try state(sim, "tests.ran") == false)
        let out = try sim.run("test")
        #expect(out.contains("--- FAIL: TestBroken (0.00s)"))
        #expect(out.contains("main.go:15: double(3) = 6"))
        #expect(try state(sim, "tests.ran") == true)
        #expect(try state(sim, "tests.passed") == 1)
        #expect(try state(sim, "tests.failed") == 1)
        #expect(try state(sim, "tests.failures") == ["TestBroken"])
        _ = try sim.run("test Double")
        #expect(try state(sim, "tests.failed") == 0)
        #expect(try state(sim, "tests.passed") == 1)
    }

    @Test func runShowsOutputAndMemory() throws {
        var sim = BenchSimulator()
        let program = """
            package main

            import "fmt"

            var keep [][]byte

            func main() {
            \tfor i := 0; i < 100; i++ {
            \t\tkeep = append(keep, make([]byte, 100000))
            \t\tif len(keep) > 10 {
            \t\t\tkeep = keep[1:]
            \t\t}
            \t}
            \tfmt.Println("done", len(keep))
            }
            """
        _ = try sim.run("code", block: program.split(separator: "\n").map(String.init))
        let out = try sim.run("run")
        #expect(out.hasPrefix("done 10\n"))
        #expect(try state(sim, "run.output") == "done 10\n")
        #expect(try state(sim, "run.exit_code") == 0)
        #expect(try state(sim, "gc.cycles > 0") == true)
        #expect(try state(sim, "run.mallocs >= 100") == true)
        let trace = try sim.run("gctrace")
        #expect(trace.hasPrefix("gc 1 @"))
        #expect(trace.contains(" MB goal, "))
        _ = try sim.run("gogc off")
        _ = try sim.run("run")
        #expect(try state(sim, "gc.cycles") == 0)
        #expect(try state(sim, "gc.gogc") == 0)
    }

    @Test func aPanickingRunIsReported() throws {
        var sim = BenchSimulator()
        _ = try sim.run("code", block: ["package main", "", "func main() {", "\tvar m map[string]int", "\tm[\"x\"] = 1", "}"])
        let out = try sim.run("run")
        #expect(out.contains("panic: assignment to entry in nil map"))
        #expect(try state(sim, "run.panicked") == true)
        #expect(try state(sim, "run.exit_code") == 2)
    }

    @Test func escapeViewsAreShared() throws {
        var sim = BenchSimulator()
        _ = try sim.run("load go/escape/s03_square.go", in: Self.context())
        let out = try sim.run("escape")
        #expect(out.contains("moved to heap: z"))
        #expect(try state(sim, "escapes(\"z\")") == true)
        let run = try sim.run("run")
        #expect(run.hasPrefix("100\n"))
    }

    @Test func errorsLeaveTheStateAlone() throws {
        var sim = BenchSimulator()
        #expect(throws: SimulatorError.self) { try sim.run("bench") }
        _ = try sim.run("code", block: ["package main", "", "func main() {", "\tx := 1", "}"])
        #expect(try state(sim, "compiles") == false)
        #expect(throws: SimulatorError.self) { try sim.run("run") }
        _ = try sim.run("code", block: ["package main", "", "func main() {}"])
        #expect(throws: SimulatorError.self) { try sim.run("bench") }
        #expect(throws: SimulatorError.self) { try sim.run("test") }
        #expect(throws: SimulatorError.self) { try sim.run("gogc 0") }
        #expect(throws: SimulatorError.self) { try sim.run("compare X") }
        #expect(throws: SimulatorError.self) { try sim.run("bench (") }
    }

    @Test func costsExplainsTheModel() throws {
        var sim = BenchSimulator()
        let out = try sim.run("costs")
        #expect(out.contains("each allocation                   20 + bytes handed out / 8"))
        for line in out.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 80) }
    }

    @Test func everyStatePathIsDocumented() throws {
        var sim = BenchSimulator()
        _ = try sim.run("load go/bench/casestudy_test.go", in: Self.context())
        _ = try sim.run("bench Make", in: Self.context())
        func walk(_ v: Value, _ path: [String]) {
            if case .record(let r) = v {
                for (k, child) in r.pairs { walk(child, path + [k]) }
                if r.count == 0 && !path.isEmpty { #expect(BenchSimulator.info.documents(path: path), "\(path)") }
            } else {
                #expect(BenchSimulator.info.documents(path: path), "\(path)")
            }
        }
        walk(sim.stateTree(), [])
    }
}

extension BenchSimulatorTests {
    static func context(width: Int) -> SimulationContext {
        var c = context()
        c.width = width
        return c
    }
}

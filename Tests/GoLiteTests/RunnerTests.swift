import Testing
import Foundation
@testable import GoLite

/// `memlane test` and `memlane bench`: go test's output and figures.
@Suite struct RunnerTests {
    static let tests = #"""
package sample

import "testing"

func double(x int) int { return x * 2 }

func check(t *testing.T, got, want int) {
	t.Helper()
	if got != want {
		t.Errorf("got %d, want %d", got, want)
	}
}

func TestDouble(t *testing.T) {
	check(t, double(2), 4)
	check(t, double(3), 7)
	t.Log("logged line")
}

func TestOK(t *testing.T) {
	if double(1) != 2 {
		t.Fatal("broken")
	}
}

func TestSub(t *testing.T) {
	for _, c := range []struct {
		name string
		in   int
		want int
	}{{"one", 1, 2}, {"two words", 2, 5}} {
		t.Run(c.name, func(t *testing.T) {
			if got := double(c.in); got != c.want {
				t.Fatalf("double(%d) = %d, want %d\nsecond line", c.in, got, c.want)
			}
			t.Log("not reached when failing")
		})
	}
}

func TestCleanup(t *testing.T) {
	t.Cleanup(func() { t.Log("cleanup ran") })
	t.Skip("skipping for now")
}
"""#

    @Test func failuresPrintLikeGoTest() throws {
        // Recorded with go test (Go 1.19) on the same file.
        let run = try GoRun.tests(Self.tests, file: "sample_test.go")
        #expect(run.output == """
            --- FAIL: TestDouble (0.00s)
                sample_test.go:16: got 6, want 7
                sample_test.go:17: logged line
            --- FAIL: TestSub (0.00s)
                --- FAIL: TestSub/two_words (0.00s)
                    sample_test.go:34: double(2) = 4, want 5
                        second line

            """)
        #expect(run.report.testsPassed == 2)
        #expect(run.report.testsFailed == 2)
        #expect(run.report.exitCode == 1)
    }

    @Test func verboseOutputStreamsLogs() throws {
        let run = try GoRun.tests(Self.tests, file: "sample_test.go", verbose: true)
        #expect(run.output == """
            === RUN   TestDouble
                sample_test.go:16: got 6, want 7
                sample_test.go:17: logged line
            --- FAIL: TestDouble (0.00s)
            === RUN   TestOK
            --- PASS: TestOK (0.00s)
            === RUN   TestSub
            === RUN   TestSub/one
                sample_test.go:36: not reached when failing
            === RUN   TestSub/two_words
                sample_test.go:34: double(2) = 4, want 5
                    second line
            --- FAIL: TestSub (0.00s)
                --- PASS: TestSub/one (0.00s)
                --- FAIL: TestSub/two_words (0.00s)
            === RUN   TestCleanup
                sample_test.go:43: skipping for now
                sample_test.go:42: cleanup ran
            --- SKIP: TestCleanup (0.00s)

            """)
    }

    @Test func passingTestsPrintNothing() throws {
        let run = try GoRun.tests("package p\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) {}\nfunc TestB(t *testing.T) { t.Log(\"quiet\") }\n")
        #expect(run.output == "")
        #expect(run.report.testsPassed == 2 && run.report.testsFailed == 0 && run.report.exitCode == 0)
    }

    @Test func aPanickingTestFailsTheRun() throws {
        let run = try GoRun.tests("package p\n\nimport \"testing\"\n\nfunc TestPanics(t *testing.T) {\n\tvar m map[int]int\n\tm[1] = 1\n}\n")
        #expect(run.output.hasPrefix("--- FAIL: TestPanics (0.00s)\npanic: assignment to entry in nil map\n"))
        #expect(run.report.exitCode == 2)
    }

    static let benchmarks = #"""
package sample

import "testing"

var sink []int

func BenchmarkMake300(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink = make([]int, 300)
	}
}

func BenchmarkSetupExcluded(b *testing.B) {
	big := make([]int, 100000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sink = big[:i%10]
	}
}

func BenchmarkStopped(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		sink = make([]int, 1000)
		b.StartTimer()
		sink = make([]int, 3)
	}
}

func BenchmarkSub(b *testing.B) {
	for _, n := range []int{1, 100} {
		size := n
		b.Run("make", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink = make([]int, size)
			}
		})
	}
}
"""#

    @Test func benchmarksReportPerOperationFigures() throws {
        let run = try GoRun.bench(Self.benchmarks)
        let byName = Dictionary(uniqueKeysWithValues: run.report.benchmarks.map { ($0.name, $0) })
        #expect(run.report.benchmarks.map(\.name) == ["BenchmarkMake300", "BenchmarkSetupExcluded", "BenchmarkStopped",
                                                     "BenchmarkSub/make", "BenchmarkSub/make#01"])
        #expect(byName["BenchmarkMake300"]?.n == 5000)
        #expect(byName["BenchmarkMake300"]?.allocsPerOp == 1)
        #expect(byName["BenchmarkMake300"]?.bytesPerOp == 2688)
        #expect(byName["BenchmarkSetupExcluded"]?.allocsPerOp == 0)
        #expect(byName["BenchmarkSetupExcluded"]?.bytesPerOp == 0)
        // make([]int, 3): 24 bytes, not tiny (it is 24 ≥ 16).
        #expect(byName["BenchmarkStopped"]?.allocsPerOp == 1)
        #expect(byName["BenchmarkStopped"]?.bytesPerOp == 24)
        #expect(byName["BenchmarkSub/make"]?.bytesPerOp == 8)
        #expect(byName["BenchmarkSub/make#01"]?.bytesPerOp == 896)
        #expect(run.output.contains("BenchmarkMake300      \t    5000\t"))
        #expect(run.output.contains(" cost/op\t    2688 B/op\t       1 allocs/op\n"))
        #expect(!run.output.contains("ns/op"))
    }

    @Test func benchFilterSelectsBenchmarks() throws {
        let run = try GoRun.bench(Self.benchmarks, filter: "Make")
        #expect(run.report.benchmarks.map(\.name) == ["BenchmarkMake300"])
    }

    @Test func costIsComputedFromTheDocumentedModel() throws {
        // One make of 2400 bytes per op: 20 + 2688/8 allocating; the loop:
        // condition, assignment, i++ (3 statements) plus the final condition.
        let run = try GoRun.bench(Self.benchmarks, filter: "Make300")
        let r = try #require(run.report.benchmarks.first)
        #expect(r.allocationPerOp == Double(20 + 2688 / 8))
        #expect(r.computePerOp > 3 && r.computePerOp < 4)
        #expect(abs(r.costPerOp - (r.computePerOp + r.allocationPerOp + r.collectionPerOp)) < 1e-9)
    }

    @Test func benchLineHasGoTestsShape() {
        let r = BenchResult(name: "BenchmarkFilter100", n: 5000, allocsPerOp: 1, bytesPerOp: 1792, costPerOp: 805.5,
                            computePerOp: 500, allocationPerOp: 300, collectionPerOp: 5.5, cycles: 0)
        #expect(Interpreter.benchLine(r, nameWidth: 25) == "BenchmarkFilter100       \t    5000\t       805.5 cost/op\t    1792 B/op\t       1 allocs/op")
    }
}

extension RunnerTests {
    @Test func aFailingBenchmarkFailsTheRun() throws {
        let src = "package p\n\nimport \"testing\"\n\nfunc BenchmarkBroken(b *testing.B) {\n\tb.Fatalf(\"cannot run with N=%d\", b.N)\n}\n"
        let run = try GoRun.bench(src)
        #expect(run.output == "--- FAIL: BenchmarkBroken\n    x_test.go:6: cannot run with N=1\n")
        #expect(run.report.exitCode == 1)
        #expect(run.report.benchmarks.isEmpty)
    }
}

import Testing
@testable import GoLite

@Suite struct ExplanationTests {
    func explain(_ src: String, _ subject: String) throws -> [String] {
        let report = try EscapeAnalysis.analyze(src)
        return report.diagnostics(about: subject).map { report.explanation($0) }
    }

    @Test func returnedAddressFlowsToTheResult() throws {
        #expect(try explain("""
        package main

        func square(x int) *int {
        \tz := x * x
        \treturn &z
        }

        func main() { _ = square(2) }
        """, "z") == ["z is moved to the heap: &z (line 5) flows to the result of square, which outlives its frame"])
    }

    @Test func pathsGoThroughVariables() throws {
        #expect(try explain("""
        package main

        var keep *int

        func main() {
        \tx := 1
        \tp := &x
        \tkeep = p
        }
        """, "x") == ["x is moved to the heap: &x (line 7) flows to p, which flows to the heap, because it is stored in a package-level variable, which lives as long as the program"])
    }

    @Test func loopsAndClosuresAreNamedAsTheReason() throws {
        let src = """
        package main

        func main() {
        \tvar last *int
        \tfor i := 0; i < 3; i++ {
        \t\tv := i
        \t\tlast = &v
        \t}
        \t_ = last
        \tn := 0
        \tgo func() { n++ }()
        }
        """
        #expect(try explain(src, "v") == ["v is moved to the heap: &v (line 7) flows to last, declared outside the loop, which outlives each iteration"])
        #expect(try explain(src, "n") == ["n is moved to the heap: n (line 10) flows to the function literal that captures it, which flows to the heap, because a goroutine runs it, maybe after its starter has returned"])
    }

    @Test func sizeLimitsAreExplained() throws {
        let src = """
        package main

        func main() {
        \tn := 10
        \ta := make([]int, n)
        \tb := make([]int, 10000)
        \t_, _ = a, b
        }
        """
        let report = try EscapeAnalysis.analyze(src)
        #expect(report.diagnostics(onLine: 5).map { report.explanation($0) }
                == ["make([]int, n) escapes to the heap: make([]int, n) (line 5) flows to the heap, because its size is not known at build time"])
        #expect(report.diagnostics(onLine: 6).map { report.explanation($0) }
                == ["make([]int, 10000) escapes to the heap: make([]int, 10000) (line 6) flows to the heap, because it is too large for a stack frame"])
    }

    @Test func parametersAndStayingValues() throws {
        let src = """
        package main

        import "fmt"

        func show(p *int) { fmt.Println(p) }
        func read(p *int) int { return *p }

        func main() {}
        """
        let report = try EscapeAnalysis.analyze(src)
        let lines = report.diagnostics.map { report.explanation($0) }
        #expect(lines.contains("parameter p leaks (show may keep it): p (line 5) flows to the argument list of fmt.Println, which flows to the heap, because fmt.Println (called on line 5) may keep what it is given"))
        #expect(lines.contains("p does not escape: read keeps neither p nor anything it points to, so callers may pass pointers to their stack"))
        #expect(lines.contains("... argument does not escape: nothing that outlives show keeps its address, so it can live in the stack frame"))
    }

    @Test func namesMatchWholeIdentifiersInExpressions() {
        #expect(EscapeReport.mentions("make([]byte, n)", "n"))
        #expect(!EscapeReport.mentions("make([]byte, nn)", "n"))
        #expect(EscapeReport.mentions("a + \" \" + b", "b"))
    }
}

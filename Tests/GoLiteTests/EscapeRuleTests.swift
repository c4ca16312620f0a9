import Testing
@testable import GoLite

/// One small program per rule of the analysis, with the lines Go 1.19
/// prints for it (recorded with `go build -gcflags='-m -l'`).
@Suite struct EscapeRuleTests {
    /// Checks the analysis of `package main` + imports + body against the lines Go printed.
    func expect(_ body: String, imports: String = "", _ want: [String],
                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let src = "package main\n\n" + imports + body
        let got = try EscapeAnalysis.analyze(src).diagnostics.map(\.line).sorted()
        #expect(got == want.sorted(), sourceLocation: sourceLocation)
    }

    @Test func addressReturnedMovesToHeap() throws {
        try expect("""
        func f() *int {
        \tx := 1
        \treturn &x
        }

        func main() { _ = f() }
        """, ["4:2: moved to heap: x"])
    }

    @Test func addressUsedLocallyStaysOnStack() throws {
        try expect("""
        func f() int {
        \tx := 1
        \tp := &x
        \treturn *p
        }

        func main() { _ = f() }
        """, [])
    }

    @Test func parameterLeaksToResultWithLevels() throws {
        try expect("""
        type n struct{ next *n }

        func a(p *n) *n { return p }
        func b(p *n) *n { return p.next }
        func c(p **n) *n { return (*p).next }

        func main() {}
        """, ["5:8: leaking param: p to result ~r0 level=0",
                 "6:8: leaking param: p to result ~r0 level=1",
                 "7:8: leaking param: p to result ~r0 level=2"])
    }

    @Test func storesToGlobalsLeakToHeap() throws {
        try expect("""
        var g *int
        var h []*int

        func keep(p *int) { g = p }
        func keepContent(p *[]*int) { h = *p }

        func main() {}
        """, ["6:11: leaking param: p",
                 "7:18: leaking param content: p"])
    }

    @Test func unusedPointerParameterDoesNotEscape() throws {
        try expect("""
        func read(p *int) int { return *p }
        func unnamed(*int) {}

        func main() {}
        """, ["3:11: p does not escape"])
    }

    @Test func newAndCompositeLiterals() throws {
        try expect("""
        type t struct{ a int }

        func f() (*t, *int) {
        \tlocal := new(int)
        \t*local = 1
        \treturn &t{a: *local}, new(int)
        }

        func main() { _, _ = f() }
        """, ["6:14: new(int) does not escape",
                 "8:9: &t{...} escapes to heap",
                 "8:27: new(int) escapes to heap"])
    }

    @Test func makeWithNonConstantOrLargeSizeGoesToHeap() throws {
        try expect("""
        func f(n int) {
        \ta := make([]byte, n)
        \tb := make([]byte, 65536)
        \tc := make([]byte, 65537)
        \t_, _, _ = a, b, c
        }

        func main() { f(1) }
        """, ["4:11: make([]byte, n) escapes to heap",
                 "5:11: make([]byte, 65536) does not escape",
                 "6:11: make([]byte, 65537) escapes to heap"])
    }

    @Test func channelSendsEscape() throws {
        try expect("""
        func f(ch chan *int) {
        \tx := 1
        \tch <- &x
        }

        func main() { f(make(chan *int, 1)) }
        """, ["3:8: ch does not escape",
                 "4:2: moved to heap: x"])
    }

    @Test func mapsKeepKeysAndValuesOnTheHeap() throws {
        try expect("""
        func f() int {
        \tx := 1
        \tm := map[string]*int{"a": &x}
        \treturn len(m)
        }

        func main() { _ = f() }
        """, ["4:2: moved to heap: x",
                 "5:22: map[string]*int{...} does not escape"])
    }

    @Test func closuresCaptureByReferenceAndEscape() throws {
        try expect("""
        func counter() func() int {
        \tn := 0
        \treturn func() int { n++; return n }
        }

        func main() { _ = counter() }
        """, ["4:2: moved to heap: n",
                 "5:9: func literal escapes to heap"])
    }

    @Test func interfaceConversionForFmtEscapes() throws {
        try expect("""
        func main() {
        \ta, b := "x", 2
        \tfmt.Println(a, b, a+"y")
        }
        """, imports: "import \"fmt\"\n\n", ["7:13: ... argument does not escape",
                 "7:13: a escapes to heap",
                 "7:13: b escapes to heap",
                 "7:21: a + \"y\" escapes to heap",
                 "7:21: a + \"y\" escapes to heap"])
    }

    @Test func stringAndByteConversions() throws {
        try expect("""
        func f(s string) []byte { return []byte(s) }
        func g(b []byte) int { return len(string(b)) }

        func main() {}
        """, ["3:8: s does not escape",
                 "3:40: ([]byte)(s) escapes to heap",
                 "4:8: b does not escape",
                 "4:41: string(b) does not escape"])
    }

    @Test func appendMakesElementsEscape() throws {
        try expect("""
        func f(xs []*int) []*int {
        \ty := 1
        \treturn append(xs, &y)
        }

        func main() {}
        """, ["3:8: leaking param content: xs",
                 "3:8: leaking param: xs to result ~r0 level=0",
                 "4:2: moved to heap: y"])
    }

    @Test func goStatementsAndDefersInLoopsUseTheHeap() throws {
        try expect("""
        func work(p *int) {}

        func main() {
        \ta := 1
        \tgo work(&a)
        \tdefer work(&a)
        \tfor i := 0; i < 2; i++ {
        \t\tb := i
        \t\tdefer work(&b)
        \t}
        }
        """, ["3:11: p does not escape",
                 "6:2: moved to heap: a",
                 "10:3: moved to heap: b"])
    }

    @Test func devirtualizedCallsAreReported() throws {
        try expect("""
        type s interface{ m() int }
        type t struct{ v int }

        func (x *t) m() int { return x.v }

        func main() {
        \tvar i s = &t{1}
        \t_ = i.m()
        }
        """, ["10:9: devirtualizing i.m to *t",
                 "6:7: x does not escape",
                 "9:12: &t{...} does not escape"])
    }

    @Test func loopScopedAllocationsOutliveIterations() throws {
        try expect("""
        func f() int {
        \tvar p *int
        \tfor i := 0; i < 3; i++ {
        \t\tv := i
        \t\tp = &v
        \t}
        \treturn *p
        }

        func main() { _ = f() }
        """, ["6:3: moved to heap: v"])
    }

    @Test func largeDeclaredVariablesMoveToHeap() throws {
        try expect("""
        func f() int {
        \tvar big [1 << 21]int64
        \tvar ok [1 << 17]int64
        \treturn int(big[0] + ok[0])
        }

        func main() { _ = f() }
        """, ["4:6: moved to heap: big"])
    }

    @Test func selfAssignmentsAreIgnored() throws {
        try expect("""
        type buf struct{ b []byte }

        func (x *buf) trim(n int) { x.b = x.b[:n] }

        func main() {}
        """, ["5:33: (*buf).trim ignoring self-assignment in x.b = x.b[:n]",
                 "5:7: x does not escape"])
    }
}

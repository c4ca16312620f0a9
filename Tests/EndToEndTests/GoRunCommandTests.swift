import Foundation
import Testing

/// `memlane run`, `memlane test` and `memlane bench` as a learner types them.
@Suite struct GoRunCommandTests {
    static let casestudy = MemlaneBinary.repository.appendingPathComponent("Content/go/bench/casestudy_test.go").path

    func write(_ text: String, _ name: String, in home: URL) throws -> String {
        let url = home.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func runPrintsOutputAndExitsWithTwoOnPanic() throws {
        let home = MemlaneBinary.temporaryHome()
        let ok = try write("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\", 1<<10)\n}\n", "ok.go", in: home)
        let r = try MemlaneBinary.run(["run", ok], home: home)
        #expect(r.status == 0)
        #expect(r.stdout == "hi 1024\n")
        let bad = try write("package main\n\nfunc main() {\n\tvar m map[int]int\n\tm[1] = 1\n}\n", "bad.go", in: home)
        let p = try MemlaneBinary.run(["run", bad], home: home)
        #expect(p.status == 2)
        #expect(p.stderr.hasPrefix("panic: assignment to entry in nil map\n\ngoroutine 1 [running]:\nmain.main()\n\tbad.go:5\n"))
        let loop = try write("package main\n\nfunc main() {\n\tfor {\n\t}\n}\n", "loop.go", in: home)
        let l = try MemlaneBinary.run(["run", "--steps", "1000", loop], home: home)
        #expect(l.status == 2)
        #expect(l.stderr.contains("stopped after 1000 statements"))
    }

    @Test func runReportsCompileErrorsLikeGo() throws {
        let home = MemlaneBinary.temporaryHome()
        let bad = try write("package main\n\nfunc main() {\n\tx := 1\n}\n", "unused.go", in: home)
        let r = try MemlaneBinary.run(["run", bad], home: home)
        #expect(r.status == 1)
        #expect(r.stderr == bad + ":4:2: x declared but not used\n")
    }

    @Test func gctraceGoesToStandardError() throws {
        let home = MemlaneBinary.temporaryHome()
        let src = "package main\n\nvar sink []byte\n\nfunc main() {\n\tfor i := 0; i < 10; i++ {\n\t\tsink = make([]byte, 1<<20)\n\t}\n}\n"
        let file = try write(src, "gc.go", in: home)
        let r = try MemlaneBinary.run(["run", "--gctrace", file], home: home)
        #expect(r.status == 0)
        #expect(r.stderr.hasPrefix("gc 1 @"))
        #expect(r.stderr.contains("4->4->1 MB, 4 MB goal"))
        let off = try MemlaneBinary.run(["run", "--gctrace", file], home: home, extra: ["GOGC": "off"])
        #expect(off.stderr == "")
    }

    @Test func benchPrintsGoTestLines() throws {
        let home = MemlaneBinary.temporaryHome()
        let r = try MemlaneBinary.run(["bench", Self.casestudy, "-bench", "Filter"], home: home)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("memlane bench: simulated Go 1.19 runtime; b.N = 5000") == true)
        #expect(lines.contains { $0.hasPrefix("BenchmarkFilter100       \t    5000\t") && $0.hasSuffix("cost/op\t    1792 B/op\t       1 allocs/op") })
        #expect(lines.contains { $0.hasPrefix("BenchmarkFilterInPlace100\t    5000\t") && $0.hasSuffix("cost/op\t       0 B/op\t       0 allocs/op") })
        #expect(!lines.contains { $0.contains("Append50") })
        #expect(lines.last == "PASS")
        #expect(!r.stdout.contains("ns/op"))
    }

    @Test func testPrintsPassOrFail() throws {
        let home = MemlaneBinary.temporaryHome()
        let src = "package p\n\nimport \"testing\"\n\nfunc TestOK(t *testing.T) {}\n\nfunc TestBad(t *testing.T) {\n\tt.Errorf(\"want %d\", 2)\n}\n"
        let file = try write(src, "p_test.go", in: home)
        let r = try MemlaneBinary.run(["test", file], home: home)
        #expect(r.status == 1)
        #expect(r.stdout == "--- FAIL: TestBad (0.00s)\n    p_test.go:8: want 2\nFAIL\nFAIL\tp_test.go\n")
        let ok = try MemlaneBinary.run(["test", file, "-run", "OK"], home: home)
        #expect(ok.status == 0)
        #expect(ok.stdout == "PASS\nok  \tp_test.go\n")
    }
}

import Testing
import Foundation
@testable import GoLite

/// Run-time errors read like Go 1.19's panics (texts recorded with `go run`),
/// with the GoLite line; limits stop runaway programs cleanly.
@Suite struct InterpreterFaultTests {
    /// Runs `body` as main and returns the output and the exit code.
    func crash(_ body: String, decls: String = "") throws -> (String, Int32) {
        let src = "package main\n\nimport \"fmt\"\n\n" + decls + "\nfunc main() {\n\tfmt.Print()\n" + body + "\n}\n"
        let run = try GoRun.main(src)
        return (run.output, run.report.exitCode)
    }

    @Test(arguments: [
        ("xs := []int{1, 2, 3}\n\ti := 5\n\tfmt.Println(xs[i])", "panic: runtime error: index out of range [5] with length 3", 10),
        ("s := \"abc\"\n\ti := 10\n\tfmt.Println(s[i])", "panic: runtime error: index out of range [10] with length 3", 10),
        ("var m map[string]int\n\tm[\"a\"] = 1", "panic: assignment to entry in nil map", 9),
        ("var x interface{} = \"hello\"\n\tn := x.(int)\n\tfmt.Println(n)", "panic: interface conversion: interface {} is string, not int", 9),
        ("a, b := 1, 0\n\tfmt.Println(a / b)", "panic: runtime error: integer divide by zero", 9),
        ("a, b := 1, 0\n\tfmt.Println(a % b)", "panic: runtime error: integer divide by zero", 9),
        ("s := make([]int, 3, 5)\n\ti := 6\n\tfmt.Println(s[1:i])", "panic: runtime error: slice bounds out of range [:6] with capacity 5", 10),
        ("s := []int{1, 2, 3}\n\ti := 2\n\tfmt.Println(s[i:1])", "panic: runtime error: slice bounds out of range [2:1]", 10),
        ("n := -1\n\t_ = make([]int, n)", "panic: runtime error: makeslice: len out of range", 9),
        ("c := make(chan int, 1)\n\tclose(c)\n\tclose(c)", "panic: close of closed channel", 10),
        ("c := make(chan int, 1)\n\tclose(c)\n\tc <- 1", "panic: send on closed channel", 10),
        ("x, n := 1, -2\n\tfmt.Println(x << n)", "panic: runtime error: negative shift amount", 9),
        ("var a, b interface{} = []int{1}, []int{1}\n\tfmt.Println(a == b)", "panic: runtime error: comparing uncomparable type []int", 9),
        ("panic(fmt.Sprintf(\"bad value %d\", 42))", "panic: bad value 42", 8),
    ])
    func panicsReadLikeGo(body: String, first: String, line: Int) throws {
        let (out, code) = try crash(body)
        #expect(code == 2)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains(first))
        #expect(out.contains("goroutine 1 [running]:\nmain.main()\n\tmain.go:\(line)\n"))
    }

    @Test func nilPointerDereferenceHasTheSignalLine() throws {
        let (out, code) = try crash("var p *T\n\tfmt.Println(p.x)", decls: "type T struct{ x int }\n")
        #expect(code == 2)
        #expect(out.hasPrefix("panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0]\n"))
        #expect(out.contains("main.main()\n\tmain.go:10\n"))
    }

    @Test func failedAssertionNamesTheInterface() throws {
        let decls = "type Shape interface{ Area() int }\ntype Sq struct{}\n\nfunc (Sq) Area() int { return 1 }\n\ntype Circle struct{}\n\nfunc (Circle) Area() int { return 2 }\n"
        let (out, _) = try crash("var s Shape = Sq{}\n\tfmt.Println(s.(Circle))", decls: decls)
        #expect(out.hasPrefix("panic: interface conversion: main.Shape is main.Sq, not main.Circle\n"))
        let (missing, _) = try crash("var x interface{} = 3\n\t_ = x.(Shape)", decls: decls)
        #expect(missing.hasPrefix("panic: interface conversion: int is not main.Shape: missing method Area\n"))
    }

    @Test func panicsOfNamedTypesAndErrors() throws {
        let (named, _) = try crash("panic(MyErr(3))", decls: "type MyErr int\n")
        #expect(named.hasPrefix("panic: main.MyErr(3)\n"))
        let (err, _) = try crash("panic(fmt.Errorf(\"wrapped %d\", 7))")
        #expect(err.hasPrefix("panic: wrapped 7\n"))
        let (custom, _) = try crash("panic(&E{5})", decls: "type E struct{ c int }\n\nfunc (e *E) Error() string { return fmt.Sprint(\"code \", e.c) }\n")
        #expect(custom.hasPrefix("panic: code 5\n"))
    }

    @Test func tracebackListsCallers() throws {
        let decls = "func get(xs []int, i int) int { return xs[i] }\n\nfunc outer() int { return get(nil, 1) }\n"
        let (out, _) = try crash("fmt.Println(outer())", decls: decls)
        #expect(out.contains("goroutine 1 [running]:\nmain.get(...)\n\tmain.go:5\nmain.outer()\n\tmain.go:7\nmain.main()\n\tmain.go:11\n"))
    }

    @Test func recoverReturnsTheRuntimeError() throws {
        let (out, code) = try crash("""
            defer func() {
            \t\tr := recover()
            \t\tfmt.Println("recovered:", r)
            \t\terr, ok := r.(error)
            \t\tfmt.Println(ok, err.Error())
            \t}()
            \tvar m map[interface{}]int = map[interface{}]int{}
            \tvar key interface{} = []int{1}
            \tm[key] = 1
            """)
        #expect(code == 0)
        #expect(out == "recovered: runtime error: hash of unhashable type []int\ntrue runtime error: hash of unhashable type []int\n")
    }

    @Test func deadlockIsFatal() throws {
        let (out, code) = try crash("ch := make(chan int)\n\tch <- 1")
        #expect(code == 2)
        #expect(out.hasPrefix("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send]:\nmain.main()\n\tmain.go:9\n"))
    }

    @Test func stepBudgetStopsRunawayLoops() throws {
        let run = try GoRun.main("package main\n\nfunc main() {\n\tx := 0\n\tfor {\n\t\tx++\n\t}\n}\n", steps: 100_000)
        #expect(run.report.exitCode == 2)
        #expect(run.output == "memlane: stopped after 100000 statements: the program may be looping forever (raise the budget with --steps)\n")
        #expect(run.report.stats.steps >= 100_000 && run.report.stats.steps < 100_000 + Machine.checkInterval + 10)
    }

    @Test func deepRecursionEndsWithGosStackOverflow() throws {
        // 64 KiB frames: the stack passes 512 MiB (1 GB once doubled) after about 8,000 calls.
        let src = "package main\n\nfunc f(n int) int {\n\tvar buf [65536]byte\n\tbuf[n%100] = 1\n\treturn f(n+1) + int(buf[0])\n}\n\nfunc main() {\n\tprintln(f(0))\n}\n"
        let run = try GoRun.main(src)
        #expect(run.report.exitCode == 2)
        #expect(run.output.hasPrefix("runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\ngoroutine 1 [running]:\nmain.f(...)\n\tmain.go:6\n"))
        #expect(run.output.contains("...additional frames elided..."))
    }

    @Test func tinyFramesHitTheSimulatorsFrameLimit() throws {
        let src = "package main\n\nfunc f(n int) int { return f(n+1) + 1 }\n\nfunc main() {\n\tprintln(f(0))\n}\n"
        let run = try GoRun.main(src, maxFrames: 20_000)
        #expect(run.report.exitCode == 2)
        #expect(run.output.hasPrefix("memlane: stopped: the call stack is 20000 frames deep (639984 bytes of simulated stack); the simulator allows 20000 frames."))
        #expect(run.output.contains("goroutine stack exceeds 1000000000-byte limit"))
    }

    @Test func interruptionStopsCleanly() throws {
        let run = try GoRun.main("package main\n\nfunc main() {\n\tfor {\n\t}\n}\n", interrupt: { true })
        #expect(run.report.exitCode == 2)
        #expect(run.output == "memlane: interrupted\n")
    }

    @Test func hugeAllocationsAreRefused() throws {
        let (out, code) = try crash("n := 1 << 40\n\tb := make([]byte, n)\n\tfmt.Println(len(b))")
        #expect(code == 2)
        #expect(out.hasPrefix("memlane: stopped: one allocation of 1099511627776 elements is more than the simulator allows"))
    }

    @Test func longLinkedListsAreFreedWithoutRecursion() throws {
        let decls = "type node struct{ next *node }\n"
        let (out, code) = try crash("var head *node\n\tfor i := 0; i < 300000; i++ {\n\t\thead = &node{head}\n\t}\n\thead = nil\n\tfmt.Println(head == nil)", decls: decls)
        #expect(code == 0)
        #expect(out == "true\n")
    }
}

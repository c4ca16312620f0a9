import Foundation
import Testing

/// Chapter 5 ("Go's heap escape") solved through a pipe. Each fix is pasted
/// with `code` … `.`, and each is a fix a learner might write rather than
/// the reference solution, so the checks are seen to accept other answers.
@Suite struct Chapter5TranscriptTests {
    static let exercises = ["square-by-value", "stop-the-leak", "pass-it-down",
                            "constant-size", "send-a-copy", "no-boxing"]

    /// `square` returns its result by value and takes no pointer at all.
    static let squareByValue = """
    code
    package main

    import "fmt"

    func main() {
    \tx := 10
    \tfmt.Println(square(x))
    }

    func square(x int) int {
    \treturn x * x
    }
    .
    """

    /// `record` takes the point by value and `history` holds points.
    static let stopTheLeak = """
    code
    package main

    type point struct {
    \tx, y int
    }

    var history []point

    func record(p point) {
    \thistory = append(history, p)
    }

    func main() {
    \torigin := point{0, 0}
    \trecord(origin)
    \there := point{3, 4}
    \trecord(here)
    \tprintln(len(history))
    }
    .
    """

    /// The caller owns the buffer; `test` still hands it back, which is fine.
    static let passItDown = """
    code
    package main

    func main() {
    \tbuf := make([]byte, 100)
    \t_ = test(buf)
    }

    func test(sliceB []byte) []byte {
    \tsliceA := make([]byte, 100)
    \tforReturn(sliceA)
    \tforReturn(sliceB)
    \treturn sliceB
    }

    func forReturn([]byte) {
    \treturn
    }
    .
    """

    /// A 64-byte array sliced to n, instead of a constant capacity.
    static let constantSize = """
    code
    package main

    func checksum(n int) int {
    \tvar header [64]byte
    \tbuf := header[:n]
    \tfor i := range buf {
    \t\tbuf[i] = byte(i * 7)
    \t}
    \tsum := 0
    \tfor _, b := range buf {
    \t\tsum += int(b)
    \t}
    \treturn sum
    }

    func main() {
    \tprintln(checksum(16), checksum(64))
    }
    .
    """

    /// Only the sizes travel, as ints, instead of whole jobs.
    static let sendACopy = """
    code
    package main

    type job struct {
    \tid   int
    \tsize int
    }

    func produce(out chan<- int) {
    \tfor i := 0; i < 3; i++ {
    \t\tj := job{id: i, size: i * 100}
    \t\tout <- j.size
    \t}
    \tclose(out)
    }

    func main() {
    \tsizes := make(chan int, 3)
    \tproduce(sizes)
    \ttotal := 0
    \tfor s := range sizes {
    \t\ttotal += s
    \t}
    \tprintln(total)
    }
    .
    """

    /// First attempt: another fmt function, which boxes just the same.
    static let noBoxingWithFmt = """
    code
    package main

    import "fmt"

    func main() {
    \ttotal := 0
    \tfor i := 1; i <= 10; i++ {
    \t\ttotal += i * i
    \t}
    \tfmt.Print("sum: ", total, "\\n")
    }
    .
    """

    static let noBoxingWithPrint = """
    code
    package main

    func main() {
    \ttotal := 0
    \tfor i := 1; i <= 10; i++ {
    \t\ttotal += i * i
    \t}
    \tprint("sum: ", total, "\\n")
    }
    .
    """

    @Test func solvesEveryExerciseAndRecordsIt() throws {
        let home = MemlaneBinary.temporaryHome()
        let moves = [
            "goto escape#square-by-value", "explain z", Self.squareByValue, "check",
            "next", "answer b",
            "goto escape#stop-the-leak", "explain p", Self.stopTheLeak, "check",
            "next", "answer c",
            "goto escape#pass-it-down", Self.passItDown, "escape", "check",
            "next", "answer b d",
            "goto escape#constant-size", Self.constantSize, "check",
            "next", "answer b", "next", "answer c",
            "goto escape#send-a-copy", Self.sendACopy, "check",
            "goto escape#no-boxing", Self.noBoxingWithFmt, "check", "hint",
            Self.noBoxingWithPrint, "check",
            "next", "next", "answer b",
            "quit",
        ].joined(separator: "\n") + "\n"
        let run = try MemlaneBinary.run([], input: moves, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        for id in Self.exercises {
            #expect(run.stdout.contains("Exercise `\(id)` passed!"), "\(id)")
        }
        // What the learner reads on the way: explanations, the analysis of
        // their own program, and the failed first try at `no-boxing`.
        #expect(run.says("z is moved to the heap: &z (line 13) flows to the result of square, which outlives its frame"))
        #expect(run.says("parameter p leaks (record may keep it): p flows to the heap, because append (called on line 11) may keep what it is given"))
        #expect(run.stdout.contains("main.go:8:11: leaking param: sliceB to result ~r0 level=0"))
        #expect(run.stdout.contains("main.go:4:13: make([]byte, 100) does not escape"))
        #expect(run.says("✘ heap_sites == 0"))
        #expect(run.says(#"3 site(s) still on the heap. The analysis says: ["10:11: ... argument does not escape", "10:12: \"sum: \" escapes to heap", "10:12: total escapes to heap", "10:28: \"\\n\" escapes to heap"]"#))

        let lesson = try MemlaneBinary.progress(of: "escape", home: home)
        for id in Self.exercises {
            #expect(lesson.passed(id), "\(id)")
            #expect(lesson.attempts(id) == (id == "no-boxing" ? 2 : 1), "\(id)")
        }
        for id in ["struct-pointer-local", "slice-literal-up", "which-makes-escape",
                   "map-value-returned", "channel-drain", "zero-alloc-cost"] {
            #expect(lesson.correct(id), "\(id)")
        }
    }

    @Test func aProgramThatStillLeaksIsNotAccepted() throws {
        let home = MemlaneBinary.temporaryHome()
        // The points are copied, but `record` still keeps the pointer it is given.
        let moves = """
        goto escape#stop-the-leak
        code
        package main

        type point struct {
        \tx, y int
        }

        var history []*point

        func record(p *point) {
        \thistory = append(history, p)
        }

        func main() {
        \tp := point{1, 2}
        \tcopied := p
        \trecord(&copied)
        }
        .
        check
        quit
        """
        let run = try MemlaneBinary.run([], input: moves, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.says(#"Still leaking: ["p"]."#))
        #expect(run.says("✘ len(moved_to_heap) == 0"))
        #expect(!run.stdout.contains("Exercise `stop-the-leak` passed!"))
    }
}

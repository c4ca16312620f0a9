import Foundation
import Testing

/// Chapter 3 ("Variables, the stack and the heap") solved through a pipe,
/// with the moves a learner might type rather than the reference solutions.
@Suite struct Chapter3TranscriptTests {
    static let exercises = ["nested-calls", "dangling-return", "free-all", "fix-leak", "fragment", "make-room"]

    @Test func solvesEveryExerciseAndRecordsIt() throws {
        let home = MemlaneBinary.temporaryHome()
        let moves = """
        goto stack-and-heap#nested-calls
        call serve
        call parse
        stack
        ret
        call reply
        check
        answer 0x7FE8
        goto stack-and-heap#dangling-return
        call counter
        local n = 0
        ref p = &n
        ret p
        local z = 5
        store *p = 1
        check
        goto stack-and-heap#free-all
        heap
        free index
        free names
        check
        goto stack-and-heap#fix-leak
        free line
        ret token
        free token
        free config
        exit
        check
        goto stack-and-heap#fragment
        free b
        free d
        malloc big 128
        check
        goto stack-and-heap#make-room
        free d
        malloc big 96
        eval heap.largest_free
        check
        quit
        """
        let run = try MemlaneBinary.run([], input: moves, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        for id in Self.exercises {
            #expect(run.stdout.contains("Exercise `\(id)` passed!"), "\(id)")
        }
        #expect(!run.stdout.contains("✘"), "no check may fail:\n\(run.stdout)")
        // The learner sees each bug named the way the sanitizers name it.
        #expect(run.stdout.contains("ERROR: AddressSanitizer: stack-use-after-return on address 0x7FF0"))
        #expect(run.stdout.contains("The slot now holds `z` of main: the access would have hit it."))
        #expect(run.stdout.contains("warning: counter returned the address of its local `n`: `p` now dangles"))
        #expect(run.stdout.contains("128 bytes are free but in 2 piece(s), the largest 64 bytes (fragmentation)"))
        #expect(run.stdout.contains("the program exited: no leaks"))
        #expect(run.stdout.contains("big = 0x1040: a 96-byte block at [0x1040,0x10A0)"))

        let lesson = try MemlaneBinary.progress(of: "stack-and-heap", home: home)
        for id in Self.exercises {
            #expect(lesson.passed(id), "\(id)")
            #expect(lesson.attempts(id) == 1, "\(id)")
        }
        #expect(lesson.correct("slot-address"))
    }

    @Test func aLeakAtExitFailsTheCheckWithItsCount() throws {
        let home = MemlaneBinary.temporaryHome()
        let moves = """
        goto stack-and-heap#fix-leak
        ret
        free config
        exit
        check
        quit
        """
        let run = try MemlaneBinary.run([], input: moves, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("SUMMARY: AddressSanitizer: 48 byte(s) leaked in 2 allocation(s)."))
        #expect(run.stdout.contains("LeakSanitizer reported 2 leaked block(s)."))
        #expect(!run.stdout.contains("Exercise `fix-leak` passed!"))
    }
}

import Foundation
import Testing

/// Chapter 6 ("Stacks that grow") solved through a pipe, with the moves a
/// learner might type rather than the reference solutions.
@Suite struct Chapter6TranscriptTests {
    static let exercises = ["overflow-fixed", "hot-split", "cure-hot-split", "count-copies"]

    @Test func solvesEveryExerciseAndRecordsIt() throws {
        let home = MemlaneBinary.temporaryHome()
        let moves = """
        goto growing-stacks#overflow-fixed
        recurse depth 15 128
        recurse depth 14 128
        call depth 128
        check
        goto growing-stacks#hot-split
        recurse f 12 128
        hot 1000 g 256
        check
        answer 0
        goto growing-stacks#cure-hot-split
        unwind
        mode copying
        recurse f 15 128
        hot 1000 g 256
        stats
        check
        goto growing-stacks#count-copies
        recurse visit 50 256
        eval stack.pointers_adjusted
        check
        answer 6
        quit
        """
        let run = try MemlaneBinary.run([], input: moves, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        for id in Self.exercises {
            #expect(run.stdout.contains("Exercise `\(id)` passed!"), "\(id)")
        }
        #expect(!run.stdout.contains("✘"), "no check may fail:\n\(run.stdout)")
        // The figures the chapter asks the learner to work out.
        #expect(run.stdout.contains("room for only 14 more frame(s) of 128 bytes"))
        #expect(run.stdout.contains("segments allocated and freed: 1000 · stack copies: 0"))
        #expect(run.stdout.contains("cost 1295 = 1015 calls × 1 + 2 allocations × 20 + 1920 bytes copied ÷ 8"))
        #expect(run.stdout.contains("copied 8 KiB → 16 KiB: 8128 bytes, moved by +0x4000, 2 pointer(s) adjusted"))

        let lesson = try MemlaneBinary.progress(of: "growing-stacks", home: home)
        for id in Self.exercises {
            #expect(lesson.passed(id), "\(id)")
            #expect(lesson.attempts(id) == 1, "\(id)")
        }
        #expect(lesson.correct("exactly-fits"))
        #expect(lesson.correct("pointers-adjusted"))
    }

    @Test func theHotSplitIsStillThereUntilTheGoroutineChanges() throws {
        let home = MemlaneBinary.temporaryHome()
        let moves = """
        goto growing-stacks#cure-hot-split
        unwind
        recurse f 15 128
        hot 1000 g 256
        check
        quit
        """
        let run = try MemlaneBinary.run([], input: moves, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("This goroutine made 2030 calls"))
        #expect(run.stdout.contains("✘ stack.allocations <= 2"))
        #expect(!run.stdout.contains("Exercise `cure-hot-split` passed!"))
    }
}

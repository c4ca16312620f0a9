import Foundation
import Testing

/// Chapter 8 ("Recent features") solved through a pipe, with the moves a
/// learner might type (looking around, trying `gc` early, other sizes)
/// rather than the reference solutions.
@Suite struct Chapter8TranscriptTests {
    static let lesson = "recent-features"
    static let exercises = ["arena-bulk", "arena-fault", "arena-recycle", "weak-cache", "close-file",
                            "span-visits", "sparse-heap"]
    static let quizzes = ["arena-marking", "small-use-after-free", "arena-on-hold", "unique-handles",
                          "finalizer-collections", "revisited-spans", "predict-sparse", "greentea-opt-out"]

    @Test func solvesEveryExerciseAndRecordsIt() throws {
        let home = MemlaneBinary.temporaryHome()
        let moves = """
        goto recent-features#arena-bulk
        gc
        answer b
        drop reqs
        arena free A
        gc
        check
        next
        answer b
        goto recent-features#arena-fault
        arena alloc A blob 1MiB 9
        arena free A
        use blob
        check
        goto recent-features#arena-recycle
        gc
        objects
        drop img
        gc
        check
        next
        answer a b
        goto recent-features#weak-cache
        graph
        ptr page.hero = nil
        gc
        refs
        check
        next
        answer 3
        next
        answer 2
        goto recent-features#close-file
        cleanup file
        unroot file
        gc
        check
        goto recent-features#span-visits
        mark classic
        mark greentea
        state greentea
        check
        answer b
        next
        answer 256
        goto recent-features#sparse-heap
        layout sparse 256
        mark greentea
        mark classic
        check
        next
        answer b
        quit
        """
        let run = try MemlaneBinary.run([], input: moves, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        for id in Self.exercises {
            #expect(run.says("Exercise `\(id)` passed!"), "\(id)")
        }
        #expect(!run.says("✘"), "no check may fail:\n\(run.stdout)")
        // The figures the chapter talks about.
        #expect(run.says("gc #1: marked 1000 heap object(s) one by one\nand 1 arena chunk(s) as one object each"))
        #expect(run.says("swept 1000 heap object(s), one at a time"))
        #expect(run.says("accessed data from freed user arena 0x40c000000000\nfatal error: fault"))
        #expect(run.says("1 freed chunk(s) with no pointer left into them: moved to the ready list"))
        #expect(run.says("weak pointers cleared: whero\ncycle 1 done: freed hero"))
        #expect(run.says("1 cleanup(s) ran\ncycle 1 done: freed file, buf"))
        #expect(run.says("897 span visits; longest work list 14"))
        #expect(run.says("34 span visits; longest work list 9"))
        #expect(run.says("cost 28415 = 100 × 256 visits + 10 × 256 objects + 1 × 255 pointers"))

        let lesson = try MemlaneBinary.progress(of: Self.lesson, home: home)
        for id in Self.exercises {
            #expect(lesson.passed(id), "\(id)")
            #expect(lesson.attempts(id) == 1, "\(id)")
        }
        for id in Self.quizzes {
            #expect(lesson.correct(id), "\(id)")
        }
    }

    @Test func wrongTurnsAreNotAccepted() throws {
        let home = MemlaneBinary.temporaryHome()
        let moves = """
        goto recent-features#arena-fault
        arena alloc A req 64
        arena free A
        use req
        check
        goto recent-features#close-file
        finalizer file
        unroot file
        gc
        gc
        check
        goto recent-features#weak-cache
        unroot page
        gc
        check
        quit
        """
        let run = try MemlaneBinary.run([], input: moves, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        // A small arena's last chunk is kept for reuse: the use after free goes unnoticed.
        #expect(run.says("No use after free has been caught yet (0 fault(s), 1 unnoticed use(s) of freed memory)."))
        // A finalizer on a reference cycle never runs, and the cycle is never freed.
        #expect(run.says("cycle 2 done: nothing freed"))
        #expect(run.says("✘ cleanups.ran >= 1"))
        #expect(run.says("✘ !alive(\"file\") && !alive(\"buf\")"))
        // Dropping the root loses the image the page still shows.
        #expect(run.says("✘ value(\"wlogo\") == \"logo\""))
        #expect(run.says("wlogo.Value() is nil now"))
        for id in ["arena-fault", "close-file", "weak-cache"] {
            #expect(!run.says("Exercise `\(id)` passed!"), "\(id)")
        }
    }
}

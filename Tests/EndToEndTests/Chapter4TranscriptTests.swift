import Foundation
import Testing

/// Chapter 4 ("Automatic heap management") and its appendix (the 2012
/// runtime leak) solved through a pipe, with the moves a learner might type
/// rather than the reference solutions.
@Suite struct Chapter4TranscriptTests {
    static let chapter = ["unreachable", "lose-object", "save-dijkstra", "save-yuasa", "save-hybrid", "tune-gogc", "no-holes"]
    static let chapterQuizzes = ["what-survives", "pause-grows", "predict-colours", "two-conditions", "which-condition",
                                 "stw-phases", "heap-goal", "limit-goal", "copying-cost", "why-remembered", "non-moving"]
    static let appendix = ["keep-alive", "fix-runtime-leak"]
    static let appendixQuizzes = ["collected-leak", "when-freed"]

    @Test func solvesEveryExerciseAndRecordsIt() throws {
        let home = MemlaneBinary.temporaryHome()
        let moves = """
        goto gc#unreachable
        graph
        ptr cache.next = nil
        gc
        check
        answer c d
        goto gc#pause-grows
        answer b
        goto gc#predict-colours
        answer b
        goto gc#lose-object
        gc start
        step
        heap
        ptr C.f = B
        ptr A.f = nil
        finish
        check
        goto gc#two-conditions
        answer a
        goto gc#save-dijkstra
        barrier dijkstra
        gc start
        step
        ptr C.f = B
        ptr A.f = nil
        finish
        timeline
        check
        goto gc#save-yuasa
        barrier yuasa
        gc start
        step 1
        ptr C.f = B
        ptr A.f = nil
        step 5
        finish
        check
        answer a
        goto gc#save-hybrid
        barrier hybrid
        gc start
        step
        eval color("A")
        ptr C.f = B
        ptr A.f = nil
        finish
        check
        goto gc#stw-phases
        answer a c
        goto gc#heap-goal
        answer 32
        goto gc#tune-gogc
        gogc 250
        alloc 100MiB
        trace
        check
        goto gc#limit-goal
        answer 13
        goto gc#no-holes
        gc
        heap
        collector copying
        new big 48
        heap
        check
        answer b
        goto gc#why-remembered
        answer b
        goto gc#non-moving
        answer b
        goto runtime-leak-2012#keep-alive
        new m
        root m
        ptr m.moreargp = args
        ptr m.morebuf = closure
        ptr g.fn = nil
        ptr g.argp = nil
        gc
        graph
        check
        answer b
        goto runtime-leak-2012#fix-runtime-leak
        graph
        ptr m.moreargp = nil
        ptr m.morebuf = nil
        gc
        check
        goto runtime-leak-2012#when-freed
        answer b
        quit
        """
        let run = try MemlaneBinary.run([], input: moves, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        for id in Self.chapter + Self.appendix {
            #expect(run.says("Exercise `\(id)` passed!"), "\(id)")
        }
        #expect(!run.says("✘"), "no check may fail and no answer be wrong:\n\(run.stdout)")
        // What the learner is meant to see on the way.
        #expect(run.says("cycle 1 done: freed old1, old2 (2 object(s)), 3 object(s) live"))
        #expect(run.says("LOST: B freed although still reachable from a root"))
        #expect(run.says("dijkstra barrier: B shaded grey"))
        #expect(run.says("mark termination (world stopped): 2 root(s) rescanned, 0 more object(s) marked"))
        #expect(run.says("yuasa barrier: B shaded grey"))
        #expect(run.says("hybrid barrier: B shaded grey"))
        #expect(run.says("allocated 100 MiB of short-lived garbage: 4 cycle(s) ran, gc.cycles = 4"))
        #expect(run.says("gc 4 @"))
        #expect(run.says("33->33->8 MB, 33 MB goal"))
        #expect(run.says("big: 48 B at 0x0030"))
        #expect(run.says("cycle 2 done: freed closure, args (2 object(s)), 2 object(s) live"))

        for (lessonID, exercises, quizzes) in [("gc", Self.chapter, Self.chapterQuizzes),
                                               ("runtime-leak-2012", Self.appendix, Self.appendixQuizzes)] {
            let lesson = try MemlaneBinary.progress(of: lessonID, home: home)
            for id in exercises {
                #expect(lesson.passed(id), "\(id)")
                #expect(lesson.attempts(id) == 1, "\(id)")
            }
            for id in quizzes {
                #expect(lesson.correct(id), "\(id)")
            }
        }
    }

    @Test func wrongRoadsFailWithTheirReasons() throws {
        let home = MemlaneBinary.temporaryHome()
        let moves = """
        goto gc#save-dijkstra
        gc start
        step
        ptr C.f = B
        ptr A.f = nil
        finish
        check
        goto gc#no-holes
        gc
        new big 48
        check
        goto gc#tune-gogc
        alloc 100MiB
        check
        goto runtime-leak-2012#fix-runtime-leak
        unroot m
        gc
        check
        quit
        """
        let run = try MemlaneBinary.run([], input: moves, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.says("The barrier is `none`: choose `barrier dijkstra` before `gc start`."))
        #expect(run.says("There are 2 hole(s), 64 bytes, between live objects"))
        #expect(run.says("10 cycles ran; at most 4 are allowed."))
        #expect(run.says("The thread still runs, so its `m` must stay a root"))
        for id in ["save-dijkstra", "no-holes", "tune-gogc", "fix-runtime-leak"] {
            #expect(!run.says("Exercise `\(id)` passed!"), "\(id)")
        }
    }
}

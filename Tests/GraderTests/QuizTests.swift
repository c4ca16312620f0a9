import Testing
@testable import Grader

func quiz(_ body: String) throws -> Quiz {
    let (q, errors) = QuizParser.parse(body)
    #expect(errors.isEmpty, "\(errors)")
    return try #require(q)
}

@Suite struct QuizTests {
    @Test func singleChoiceWithFeedbackAndExplanation() throws {
        let q = try quiz("""
        ? After `return &z`, where does z live?
        ( ) in square's stack frame      ! The frame is gone once square returns.
        (x) on the heap
        ( ) in a CPU register
        > Its address outlives the frame.
        """)
        #expect(q.kind == .single)
        #expect(q.question == "After `return &z`, where does z live?")
        let wrong = q.grade("a")
        #expect(!wrong.correct)
        #expect(wrong.feedback == ["The frame is gone once square returns."])
        #expect(wrong.explanation == "Its address outlives the frame.")
        #expect(q.grade("b").correct)
        #expect(q.grade("2").correct)
        #expect(q.grade("B").correct)
        #expect(q.grade("z").problem != nil)
        #expect(q.grade("a b").problem != nil)
        #expect(q.grade("").problem != nil)
    }

    @Test func multipleChoiceNeedsExactlyTheRightSet() throws {
        let q = try quiz("? Pick\n[x] one\n[ ] two\n[x] three\n")
        #expect(q.kind == .multiple)
        #expect(q.grade("a c").correct)
        #expect(q.grade("c,a").correct)
        #expect(q.grade("a, c").correct)
        #expect(!q.grade("a").correct)
        #expect(!q.grade("a b c").correct)
    }

    @Test func numericAnswersWithToleranceAndUnits() throws {
        let q = try quiz("? How many bytes?\n= 2KiB\n")
        #expect(q.grade("2048").correct)
        #expect(q.grade("2 KiB").correct)
        #expect(q.grade("2,048").correct)
        #expect(q.grade("0x800").correct)
        #expect(!q.grade("2049").correct)
        let t = try quiz("? Roughly?\n= 57 ±0.5\n")
        #expect(t.grade("57%").correct)
        #expect(t.grade("57.4").correct)
        #expect(!t.grade("58").correct)
        let plus = try quiz("? Roughly?\n= 100 +- 10\n")
        #expect(plus.grade("91").correct)
    }

    @Test func textAndPatternAnswers() throws {
        let q = try quiz("? Which keyword?\n= defer\n= /^go(routine)?$/i\n")
        #expect(q.grade("  DEFER ").correct)
        #expect(q.grade("Goroutine").correct)
        #expect(!q.grade("gopher").correct)
    }

    @Test func multiLineQuestionAndChoiceContinuation() throws {
        let q = try quiz("? First line\ncontinues here.\n( ) a\n  still a\n(x) b\n! feedback for b\n")
        #expect(q.question == "First line\ncontinues here.")
        #expect(q.choices[0].text == "a still a")
        #expect(q.choices[1].feedback == "feedback for b")
    }

    @Test func sampleAnswersGradeRight() throws {
        for body in ["? q\n( ) a\n(x) b\n", "? q\n[x] a\n[x] b\n", "? q\n= 12\n", "? q\n= word\n"] {
            let q = try quiz(body)
            #expect(q.grade(try #require(q.sampleCorrectAnswer)).correct, "\(body)")
        }
    }
}

@Suite struct CheckTests {
    let state = FakeState(tree: ["heap": ["blocks": 2, "used": 32], "errors": ["last": "double free"]])

    @Test func parsesAssertionsMessagesAndComments() {
        let (assertions, errors) = CheckParser.parse("""
        # comment
        heap.blocks == 0        => "{heap.blocks} block(s) still allocated"

        errors.last == "" => "The simulator reported: {errors.last}"
        """)
        #expect(errors.isEmpty)
        #expect(assertions.count == 2)
        #expect(assertions[0].line == 2)
        #expect(assertions[1].line == 4)
        #expect(assertions[0].source == "heap.blocks == 0")
    }

    @Test func reportsEveryOutcomeAndTheFirstFailingMessage() {
        let (assertions, _) = CheckParser.parse("""
        heap.used == 32
        heap.blocks == 0 => "{heap.blocks} block(s) still allocated"
        errors.last == "" => "The simulator reported: {errors.last}"
        """)
        let report = Checker.run(assertions, on: state)
        #expect(report.outcomes.map(\.passed) == [true, false, false])
        #expect(!report.passed)
        #expect(report.firstFailure?.message == "2 block(s) still allocated")
        #expect(report.outcomes[2].message == "The simulator reported: double free")
    }

    @Test func defaultMessagesSayWhatTheStateHolds() {
        let (assertions, _) = CheckParser.parse("heap.blocks == 0\nheap.nope == 1\nheap.used")
        let report = Checker.run(assertions, on: state)
        #expect(report.outcomes[0].message == "`heap.blocks == 0` does not hold: heap.blocks is 2")
        #expect(report.outcomes[1].message?.contains("cannot be evaluated") == true)
        #expect(report.outcomes[2].message == "`heap.used` is 32, not true or false")
    }

    @Test func arrowInsideStringIsNotASeparator() {
        let (assertions, errors) = CheckParser.parse("errors.last != \"a => b\" => \"msg\"")
        #expect(errors.isEmpty)
        #expect(assertions.first?.source == "errors.last != \"a => b\"")
    }

    @Test func syntaxErrorsCarryColumns() {
        let (_, errors) = CheckParser.parse("  heap.blocks === 0")
        #expect(errors.first?.line == 1)
        #expect(errors.first?.column == 17)
        let (_, bad) = CheckParser.parse("true => \"{heap.\"")
        #expect(bad.first != nil, "\(bad)")
    }
}

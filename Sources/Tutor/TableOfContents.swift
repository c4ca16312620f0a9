import Book
import TextKit

/// The book's lessons with the learner's progress, for `toc` and `progress`.
public enum TableOfContents {
    /// Counts of what a learner has done in one lesson.
    public struct Tally {
        public var exercisesPassed = 0
        public var exercises = 0
        public var quizzesCorrect = 0
        public var quizzes = 0
        public var started = false

        public var complete: Bool { exercisesPassed == exercises && quizzesCorrect == quizzes && (exercises + quizzes) > 0 }
    }

    public static func tally(_ lesson: BookOutline.LessonOutline, _ progress: LearnerProgress) -> Tally {
        var t = Tally()
        t.exercises = lesson.exercises.count
        t.quizzes = lesson.quizzes.count
        for e in lesson.exercises {
            let r = progress.exercise(lesson.id, e)
            if r.status == .passed { t.exercisesPassed += 1 }
            if r.attempts > 0 || r.hints > 0 { t.started = true }
        }
        for q in lesson.quizzes {
            let r = progress.quiz(lesson.id, q)
            if r.correct { t.quizzesCorrect += 1 }
            if r.attempts > 0 { t.started = true }
        }
        if progress.position?.lesson == lesson.id { t.started = true }
        return t
    }

    static func mark(_ t: Tally) -> String {
        if t.complete { return Ink.paint("✔", .green) }
        if t.started { return Ink.paint("◐", .yellow) }
        return Ink.paint("·", .grey)
    }

    public static func text(book: BookOutline, progress: LearnerProgress, current: Int?) -> String {
        var lines = [Ink.paint(book.title, .bold)]
        let numberWidth = String(max(book.lessons.count - 1, 0)).count
        for (i, lesson) in book.lessons.enumerated() {
            let t = tally(lesson, progress)
            let here = current == i ? Ink.paint(" ◀", .cyan) : ""
            lines.append("\(mark(t)) " + String(i).leftPadded(to: numberWidth) + "  " + lesson.title.padded(to: 40)
                         + Ink.paint(" " + lesson.id, .grey) + here)
        }
        lines.append(Ink.paint(L("`goto N` or `goto ID` opens a lesson."), .grey))
        return lines.joined(separator: "\n")
    }

    public static func progressText(book: BookOutline, progress: LearnerProgress) -> String {
        var lines = [Ink.paint(L("Your progress in {0}", book.title), .bold)]
        var totals = Tally()
        for (i, lesson) in book.lessons.enumerated() {
            let t = tally(lesson, progress)
            totals.exercises += t.exercises
            totals.exercisesPassed += t.exercisesPassed
            totals.quizzes += t.quizzes
            totals.quizzesCorrect += t.quizzesCorrect
            var parts: [String] = []
            if t.exercises > 0 { parts.append(L("exercises {0}/{1}", t.exercisesPassed, t.exercises)) }
            if t.quizzes > 0 { parts.append(L("quizzes {0}/{1}", t.quizzesCorrect, t.quizzes)) }
            lines.append("\(mark(t)) " + String(i).leftPadded(to: 2) + "  " + lesson.title.padded(to: 40) + " " + parts.joined(separator: ", "))
        }
        lines.append(L("In all: {0} of {1} exercises passed, {2} of {3} questions answered right.",
                       totals.exercisesPassed, totals.exercises, totals.quizzesCorrect, totals.quizzes))
        return lines.joined(separator: "\n")
    }
}

import Grader
import Terminal
import TextKit

/// A random `quiz` block and answers to it: QuizParser, grading, and the
/// quiz drawn as the tutor draws it. Input: the quiz body, then NUL and
/// answers, one a line.
enum QuizTarget {
    static let maxAnswers = 32

    static var target: FuzzTarget {
        FuzzTarget(name: "quiz", dictionary: [
            "? ", "( ) ", "(x) ", "(X) ", "[ ] ", "[x] ", "= ", "! ", "> ", "\n", "\u{0}", "±", "+-", "+/-", "/", "/i",
            "KiB", "MiB", "%", "0x", ",", ".", "a", "b", "a c", "2048", "2KiB", "(a+)+$", "\\", "*", "`", "\u{1B}[2J",
        ], test: run)
    }

    static func run(_ input: inout FuzzInput) {
        let parts = input.parts
        let (quiz, errors) = FuzzCheck.timed("parse") { QuizParser.parse(parts[0]) }
        for e in errors {
            FuzzCheck.require(e.line >= 1 && e.column >= 1, "error at \(e.line):\(e.column): \(e.message)")
            FuzzCheck.printable(e.message, "a quiz error")
        }
        guard let quiz else { return }
        let markdown = MarkdownRenderer(width: 80, color: true)
        FuzzCheck.printable(markdown.render(quiz.question), "the question")
        for choice in quiz.choices { FuzzCheck.printable(markdown.renderInline(choice.text), "a choice") }
        var answers = parts.dropFirst().joined(separator: "\n").split(separator: "\n").prefix(maxAnswers).map(String.init)
        if let sample = quiz.sampleCorrectAnswer { answers.append(sample) }
        for answer in answers {
            let outcome = FuzzCheck.timed("grading \(answer.debugDescription)") { quiz.grade(answer) }
            FuzzCheck.require(outcome.problem == nil || !outcome.correct, "an answer both refused and right")
            for text in outcome.feedback + [outcome.explanation, outcome.problem].compactMap({ $0 }) {
                FuzzCheck.printable(markdown.render(text), "feedback")
            }
        }
    }
}

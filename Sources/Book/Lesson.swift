import Grader
import TextKit

/// A line of simulator commands from a lesson, as written, with its line.
public struct ScriptLine: Sendable, Equatable {
    public var text: String
    public var line: Int
    public init(_ text: String, line: Int) {
        self.text = text
        self.line = line
    }
}

/// One piece of a step, in reading order.
public enum Block: Sendable {
    /// Markdown to render as it is (paragraphs, lists, headings, ordinary code).
    case prose(String)
    /// The setup of an exercise; the prose before it is the task.
    case exercise(id: String)
    /// A question with choices or a free answer.
    case quiz(id: String)
    /// A demo: commands run in a fresh simulator, shown with their output.
    case demo(sim: String?, commands: [ScriptLine])
    /// Go source shown with highlighting (inline or from Content/).
    case goCode(source: String, file: String?)
}

/// A directive block as written, for lint to point at.
public struct Origin: Sendable, Equatable {
    public var location: SourceLocation
    /// The first line of the block's body.
    public var bodyLine: Int
    /// Columns the body is indented by in the file.
    public var bodyIndent: Int

    /// Where a position inside the body is in the file.
    public func location(bodyLine n: Int, column: Int) -> SourceLocation {
        SourceLocation(file: location.file, line: bodyLine + n - 1, column: column + bodyIndent)
    }
}

/// An exercise gathered from its `exercise`, `check`, `hint` and `solution` blocks.
public struct Exercise: Sendable {
    public var id: String
    /// Simulator name; the lesson's `sim` when the block names none.
    public var sim: String?
    /// A program loaded (with the simulator's `load` verb) before the setup runs.
    public var file: String?
    public var setup: [ScriptLine]
    /// The `check` blocks, each with where it is written.
    public var checkBlocks: [CheckBlock]
    public var hints: [String]
    public var solution: [ScriptLine]?
    /// Index of the step the exercise is set in.
    public var step: Int
    public var origin: Origin
    public var solutionOrigin: Origin?

    /// Every assertion of every check block, in order.
    public var checks: [Assertion] { checkBlocks.flatMap(\.assertions) }
}

/// One ```check block.
public struct CheckBlock: Sendable {
    public var origin: Origin
    public var assertions: [Assertion]

    /// Where an assertion of this block starts in the file.
    public func location(of a: Assertion, column: Int? = nil) -> SourceLocation {
        origin.location(bodyLine: a.line, column: column ?? a.column)
    }
}

/// A quiz and where it sits.
public struct QuizItem: Sendable {
    public var id: String
    public var quiz: Quiz
    public var step: Int
    public var origin: Origin
}

/// One screen of a lesson: the text up to the next `##` heading.
public struct Step: Sendable {
    public var title: String?
    public var blocks: [Block]
    public var line: Int
}

/// A lesson file: front matter, steps, exercises and quizzes.
public struct Lesson: Sendable {
    public var id: String
    public var title: String
    public var sim: String?
    /// Path relative to the book folder, as SUMMARY.md names it.
    public var file: String
    public var steps: [Step]
    public var exercises: [Exercise]
    public var quizzes: [QuizItem]
    /// Demo blocks with where they are, for lint to run them.
    public var demos: [(sim: String?, commands: [ScriptLine], origin: Origin)]
    /// `file=` attributes with where they are, for lint to resolve them.
    public var fileReferences: [(path: String, location: SourceLocation)]
    /// The line each front matter key is on, for lint.
    public var frontMatterLines: [String: Int]
    /// Shown in the original language because no translation exists.
    public var isFallback = false

    public func exercise(_ id: String) -> Exercise? { exercises.first { $0.id == id } }
    public func quiz(_ id: String) -> QuizItem? { quizzes.first { $0.id == id } }
    public func exercises(inStep step: Int) -> [Exercise] { exercises.filter { $0.step == step } }
    public func quizzes(inStep step: Int) -> [QuizItem] { quizzes.filter { $0.step == step } }
}

/// A small exercise the simulator's author vouches for. `memlane new
/// lesson --sim NAME` writes it into a new lesson, so an instructor starts
/// from a working exercise rather than a blank page, and a test plays it to
/// a pass for every simulator in the catalogue.
///
/// The text is lesson content, not a tutor message: like the book, it is
/// written in English and not passed through `L(...)`.
public struct ExampleExercise: Sendable, Equatable {
    /// What the learner is asked to do: one or two sentences of Markdown.
    public var task: String
    /// Commands that prepare the simulator before the learner starts (may
    /// be empty). Block verbs take their lines up to a line holding `.`.
    public var setup: [String]
    /// Assertion lines, `EXPR` or `EXPR => "message"`: together they must
    /// fail after the setup and pass after the solution (lint checks both).
    public var check: [String]
    /// Commands that solve the exercise from the state the setup leaves.
    public var solution: [String]
    /// Two hints, the second more direct than the first; when empty, the
    /// generator writes hints from the verbs and the solution.
    public var hints: [String]

    public init(task: String, setup: [String] = [], check: [String], solution: [String], hints: [String] = []) {
        self.task = task
        self.setup = setup
        self.check = check
        self.solution = solution
        self.hints = hints
    }
}

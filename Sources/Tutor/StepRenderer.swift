import Book
import Grader
import Simulators
import Terminal
import TextKit

/// Draws one step of a lesson as styled text: its prose through the
/// Markdown renderer, each exercise with the commands that set it up and
/// their output, quizzes with lettered choices, demos run in a fresh
/// simulator, and Go code highlighted.
struct StepRenderer {
    let book: Book
    let progress: LearnerProgress
    let markdown: MarkdownRenderer
    let context: SimulationContext

    var width: Int { markdown.width }

    func render(lessonIndex: Int, stepIndex: Int) -> String {
        let lesson = book.lessons[lessonIndex]
        let step = lesson.steps[stepIndex]
        var out: [String] = [header(lesson, lessonIndex, stepIndex)]
        for block in step.blocks {
            out.append("")
            switch block {
            case .prose(let text):
                out.append(markdown.render(text))
            case .exercise(let id):
                if let exercise = lesson.exercise(id) { out.append(render(exercise, in: lesson)) }
            case .quiz(let id):
                if let item = lesson.quiz(id) { out.append(render(item, in: lesson)) }
            case .demo(let sim, let commands):
                out.append(renderDemo(sim: sim, commands: commands))
            case .goCode(let source, let file):
                var lines: [String] = []
                if let file { lines.append(Ink.paint("  " + file, .grey)) }
                lines += markdown.codeBlock(source.hasSuffix("\n") ? String(source.dropLast()) : source, language: "go")
                out.append(lines.joined(separator: "\n"))
            }
        }
        out.append("")
        out.append(footer(lesson, stepIndex))
        return out.joined(separator: "\n")
    }

    func header(_ lesson: Lesson, _ lessonIndex: Int, _ stepIndex: Int) -> String {
        let left = L("Lesson {0} · {1}", lessonIndex, lesson.title)
        let right = L("step {0}/{1}", stepIndex + 1, lesson.steps.count)
        let gap = width - DisplayWidth.of(left) - DisplayWidth.of(right)
        if gap >= 2 {
            return Ink.paint(left, .bold) + String(repeating: " ", count: gap) + Ink.paint(right, .grey)
        }
        // Too narrow for one line: the step goes under the title, to the right.
        let title = TextWrapper.wrap(Ink.paint(left, .bold), width: width).joined(separator: "\n")
        return title + "\n" + Ink.paint(right.leftPadded(to: width), .grey)
    }

    func footer(_ lesson: Lesson, _ stepIndex: Int) -> String {
        let exercises = lesson.exercises(inStep: stepIndex)
        let quizzes = lesson.quizzes(inStep: stepIndex)
        var parts: [String] = []
        if exercises.contains(where: { progress.exercise(lesson.id, $0.id).status != .passed }) {
            parts.append(L("Type simulator commands, then `check`. `hint` helps, `help` lists commands."))
        } else if quizzes.contains(where: { !progress.quiz(lesson.id, $0.id).correct }) {
            parts.append(L("Answer with `answer` followed by your choice."))
        }
        parts.append(stepIndex + 1 < lesson.steps.count ? L("`next` continues.") : L("`next` goes to the next lesson."))
        return Ink.paint(parts.joined(separator: " "), .grey)
    }

    func render(_ exercise: Exercise, in lesson: Lesson) -> String {
        let record = progress.exercise(lesson.id, exercise.id)
        let badge = record.status == .passed ? Ink.paint(" ✔ " + L("passed"), .green) : ""
        var lines = [Ink.paint("▶ " + L("Exercise"), .bold, .yellow) + " " + Ink.paint(exercise.id, .bold)
                     + Ink.paint("  (" + (exercise.sim ?? "") + ")", .grey) + badge]
        if !exercise.setup.isEmpty || exercise.file != nil, let sim = exercise.sim.flatMap(SimulatorCatalog.make) {
            var scratch = sim
            let steps = ScriptRunner.run(exercise.setup, file: exercise.file, on: &scratch, context: indented(6))
            if !steps.isEmpty {
                lines.append(Ink.paint("  " + L("The simulator starts with:"), .grey))
                lines += transcript(steps, indent: "    ")
            }
        }
        return lines.joined(separator: "\n")
    }

    func render(_ item: QuizItem, in lesson: Lesson) -> String {
        let record = progress.quiz(lesson.id, item.id)
        let quiz = item.quiz
        var lines: [String] = []
        let badge = record.correct ? Ink.paint("  ✔ " + L("answered"), .green) : ""
        lines.append(Ink.paint("? " + L("Question"), .bold, .magenta) + " " + Ink.paint(item.id, .bold) + badge)
        lines.append(markdown.render(quiz.question))
        for (i, choice) in quiz.choices.enumerated() {
            let marker = quiz.kind == .multiple ? "[\(Quiz.label(i))] " : "\(Quiz.label(i))) "
            let text = markdown.renderInline(choice.text)
            lines += TextWrapper.wrap(text, width: width, firstIndent: "  " + Ink.paint(marker, .bold),
                                      indent: "  " + String(repeating: " ", count: marker.count))
        }
        switch quiz.kind {
        case .single: lines.append(Ink.paint("  " + L("Answer with one letter, e.g. `answer a`."), .grey))
        case .multiple: lines.append(Ink.paint("  " + L("Select every right choice, e.g. `answer a c`."), .grey))
        case .free: lines.append(Ink.paint("  " + L("Type `answer` and your answer."), .grey))
        }
        return lines.joined(separator: "\n")
    }

    func renderDemo(sim: String?, commands: [ScriptLine]) -> String {
        guard let name = sim, var simulator = SimulatorCatalog.make(name) else {
            return Ink.paint(L("(demo for an unknown simulator: {0})", sim ?? "?"), .red)
        }
        var lines = [Ink.paint("┌ " + L("demo") + " (" + name + ")", .grey)]
        let steps = ScriptRunner.run(commands, on: &simulator, context: indented(4))
        lines += transcript(steps, indent: Ink.paint("│ ", .grey))
        lines.append(Ink.paint("└", .grey))
        return lines.joined(separator: "\n")
    }

    /// The simulator's context for output shown `columns` in from the margin,
    /// so its drawings are made for the room they will have.
    func indented(_ columns: Int) -> SimulationContext {
        var narrower = context
        narrower.width = max(20, context.width - columns)
        return narrower
    }

    /// Output indented under its command, long lines wrapped to fit.
    func fitted(_ output: String, indent: String) -> [String] {
        let room = width - DisplayWidth.of(Ink.strip(indent))
        return TextWrapper.fitLines(output, width: room).split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }
    }

    /// Commands with a `>` and their output indented below.
    func transcript(_ steps: [ScriptRunner.Step], indent: String) -> [String] {
        var lines: [String] = []
        for step in steps {
            lines.append(indent + Ink.paint("> ", .grey) + Ink.paint(Sanitizer.line(step.command), .bold))
            switch step.result {
            case .success(let output):
                if !output.isEmpty { lines += fitted(output, indent: indent + "  ") }
            case .failure(let error):
                lines += fitted(Ink.paint(error.message, .red), indent: indent + "  ")
            }
        }
        return lines
    }
}

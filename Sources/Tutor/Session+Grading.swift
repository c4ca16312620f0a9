import Book
import Grader
import Simulators
import Terminal
import TextKit

extension Session {
    var notInLesson: String { L("You are in the sandbox; `show` returns to the lesson.") }

    func check() -> String {
        if sandbox != nil { return notInLesson }
        guard let exercise = activeExercise else { return L("There is no exercise in this step.") }
        guard let sim = simulator else { return failure(L("No simulator here.")) }
        let report = Checker.run(exercise.checks, on: sim)
        let lessonID = lesson.id
        store.update { p in
            p.updateExercise(lessonID, exercise.id) { r in
                r.attempts += 1
                r.status = report.passed ? .passed : max(r.status, .failed)
            }
        }
        var lines: [String] = []
        for outcome in report.outcomes {
            let mark = outcome.passed ? Ink.paint("✔", .green) : Ink.paint("✘", .red)
            lines.append("\(mark) \(outcome.assertion.source)")
        }
        if let failure = report.firstFailure, let message = failure.message {
            lines.append("")
            lines.append(Ink.paint(message, .yellow))
            let record = store.progress.exercise(lessonID, exercise.id)
            if record.hints < exercise.hints.count {
                lines.append(Ink.paint(L("Stuck? `hint` gives a hint."), .grey))
            } else {
                lines.append(Ink.paint(L("`solution` shows the reference answer."), .grey))
            }
            return lines.joined(separator: "\n")
        }
        lines.append("")
        lines.append(Ink.paint(L("Exercise `{0}` passed!", exercise.id), .bold, .green))
        // The next exercise of the same step, if any, becomes current.
        if let following = activeExercise, following.id != exercise.id {
            prepareSimulator()
            lines.append("")
            lines.append(stepRenderer().render(following, in: lesson))
        } else {
            lines.append(Ink.paint(stepIndex + 1 < lesson.steps.count ? L("`next` continues.") : L("`next` goes to the next lesson."), .grey))
        }
        return lines.joined(separator: "\n")
    }

    func hint(_ args: [String]) -> String {
        if sandbox != nil { return notInLesson }
        guard let exercise = activeExercise else { return L("There is no exercise in this step.") }
        guard !exercise.hints.isEmpty else { return L("This exercise has no hints.") }
        let lessonID = lesson.id
        let shown = store.progress.exercise(lessonID, exercise.id).hints
        let markdown = MarkdownRenderer(width: options.width, color: options.color)
        if let arg = args.first {
            guard let n = Int(arg), n >= 1, n <= exercise.hints.count else {
                return failure(L("usage: {0}", "hint [N]") + " " + L("(N from 1 to {0})", exercise.hints.count))
            }
            guard n <= max(shown, 1) else {
                return failure(L("Hint {0} is not revealed yet; `hint` shows the next one.", n))
            }
            return Ink.paint(L("Hint {0} of {1}", n, exercise.hints.count), .bold) + "\n" + markdown.render(exercise.hints[n - 1])
        }
        let n = min(shown + 1, exercise.hints.count)
        if n > shown { store.update { p in p.updateExercise(lessonID, exercise.id) { $0.hints = n } } }
        var text = Ink.paint(L("Hint {0} of {1}", n, exercise.hints.count), .bold) + "\n" + markdown.render(exercise.hints[n - 1])
        if n == exercise.hints.count && shown >= n {
            text += "\n" + Ink.paint(L("That was the last hint; `solution` shows the reference answer."), .grey)
        }
        return text
    }

    func solution(_ args: [String]) -> String {
        if sandbox != nil { return notInLesson }
        guard let exercise = activeExercise, let script = exercise.solution else { return L("There is no exercise in this step.") }
        let record = store.progress.exercise(lesson.id, exercise.id)
        let forced = args.contains("--force")
        guard forced || record.attempts > 0 else {
            return L("Try `check` at least once first — or type `solution --force` to see it now.")
        }
        var lines = [Ink.paint(L("A solution to `{0}`:", exercise.id), .bold)]
        for line in script where !line.text.trimmingCharacters(in: .whitespaces).isEmpty {
            lines.append("  " + Ink.paint(Sanitizer.line(line.text), .cyan))
        }
        lines.append(Ink.paint(L("Type the commands (or your own), then `check`; `reset` starts over."), .grey))
        return lines.joined(separator: "\n")
    }

    func answer(_ text: String) -> String {
        if sandbox != nil { return notInLesson }
        guard let item = activeQuiz else { return L("There is no question in this step.") }
        let outcome = item.quiz.grade(text)
        if let problem = outcome.problem { return failure(problem) }
        let lessonID = lesson.id
        store.update { p in
            p.updateQuiz(lessonID, item.id) { r in
                r.attempts += 1
                r.correct = r.correct || outcome.correct
            }
        }
        let markdown = MarkdownRenderer(width: options.width, color: options.color)
        var lines = [outcome.correct ? Ink.paint("✔ " + L("Right!"), .bold, .green) : Ink.paint("✘ " + L("Not quite."), .bold, .red)]
        for feedback in outcome.feedback { lines.append(markdown.render(feedback)) }
        if let explanation = outcome.explanation { lines.append(markdown.render(explanation)) }
        if !outcome.correct { lines.append(Ink.paint(L("Try again with `answer`."), .grey)) }
        if outcome.correct, let following = activeQuiz, following.id != item.id {
            lines.append("")
            lines.append(stepRenderer().render(following, in: lesson))
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Looking at the state

    func state(_ path: String) -> String {
        guard let sim = simulator else { return failure(L("No simulator here.")) }
        if path.isEmpty { return StateFormatter.tree(sim.stateTree(), width: options.width) }
        return evaluate(path)
    }

    func evaluate(_ text: String) -> String {
        guard !text.isEmpty else { return failure(L("usage: {0}", "eval EXPR")) }
        let provider: any StateProvider = simulator ?? EmptyState()
        do throws(ExpressionError) {
            let expression = try ExpressionParser.parse(text)
            return try Evaluator(provider).evaluate(expression).literal
        } catch {
            let caret = String(repeating: " ", count: error.span.lowerBound) + String(repeating: "^", count: max(error.span.count, 1))
            return failure(error.message) + "\n  " + Sanitizer.line(text) + "\n  " + Ink.paint(caret, .red)
        }
    }

    func help(_ args: [String]) -> String {
        let info = simulator.map { type(of: $0).info }
        if let topic = args.first {
            if topic == "state" {
                guard let info else { return L("This step has no simulator, so there is no state to check.") }
                return Self.stateHelp(info)
            }
            if let verb = info?.verb(topic) {
                return Ink.paint(verb.usage, .bold) + "\n  " + verb.summary
            }
            if let command = TutorCommand.named(topic.hasPrefix(":") ? String(topic.dropFirst()) : topic) {
                return Ink.paint(command.usage, .bold) + "\n  " + command.summary
            }
            return failure(L("No help on `{0}`", Sanitizer.line(topic))
                         + Suggestion.hint(for: topic, among: TutorCommand.words + (info?.verbs.map(\.name) ?? []) + ["state"]))
        }
        var lines = [Ink.paint(L("Tutor commands"), .bold)]
        for c in TutorCommand.all {
            lines.append("  " + c.usage.padded(to: 32) + " " + c.summary)
        }
        if let info {
            lines.append("")
            lines.append(Ink.paint(L("Commands of the {0} simulator", info.name), .bold) + " — " + info.summary)
            for v in info.verbs {
                lines.append("  " + v.usage.padded(to: 32) + " " + v.summary)
            }
            let shadowed = info.verbs.map(\.name).filter { TutorCommand.named($0) != nil }
            if !shadowed.isEmpty {
                lines.append(Ink.paint(L("Here `{0}` is the simulator's; type `:{0}` for the tutor's.", shadowed[0]), .grey))
            }
            lines.append(Ink.paint(L("`help state` lists what checks can read."), .grey))
        }
        return lines.joined(separator: "\n")
    }

    static func stateHelp(_ info: SimulatorInfo) -> String {
        var lines = [Ink.paint(L("State of the {0} simulator", info.name), .bold)]
        for field in info.state {
            lines.append("  " + field.path.padded(to: 26) + " " + Ink.paint(field.type.padded(to: 15), .grey) + " " + field.summary)
        }
        if !info.functions.isEmpty {
            lines.append(Ink.paint(L("Functions"), .bold))
            for f in info.functions {
                lines.append("  " + f.signature.padded(to: 42) + " " + f.summary)
            }
        }
        lines.append(Ink.paint(L("Try `eval EXPR`, e.g. `eval {0}`.", info.state.first?.path.replacingOccurrences(of: "[]", with: "[0]").replacingOccurrences(of: "*", with: "x") ?? "1 + 1"), .grey))
        return lines.joined(separator: "\n")
    }
}

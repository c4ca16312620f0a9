import Book
import CSystem
import Grader
import Simulators
import Terminal
import TextKit

extension Session {
    /// Longest line the tutor accepts; longer input is refused whole.
    public static let maxLineLength = 64 * 1024

    /// Handles one line: a tutor command, or a command for the simulator.
    /// A tutor command a simulator verb shadows is still reachable with a
    /// leading `:` (e.g. `:show`).
    public func handle(_ rawLine: String) -> Reply {
        var reply = respond(to: rawLine)
        // Whatever the reply holds, no line of it is wider than the terminal.
        reply.text = TextWrapper.fitLines(reply.text, width: options.width)
        return reply
    }

    func respond(to rawLine: String) -> Reply {
        memlane_clear_interrupt()
        guard rawLine.utf8.count <= Self.maxLineLength else {
            return Reply(Ink.paint(L("That line is longer than {0} KiB and was ignored.", Self.maxLineLength / 1024), .red))
        }
        if let pending = pendingBlock {
            if rawLine.trimmingSpaces() == "." {
                pendingBlock = nil
                return Reply(runSimulator(pending.line, block: pending.body))
            }
            pendingBlock!.body.append(rawLine)
            return Reply("")
        }
        let line = rawLine.trimmingSpaces()
        if line.isEmpty || line.hasPrefix("#") { return Reply("") }
        var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var verb = words.removeFirst()
        let forced = verb.hasPrefix(":")
        if forced { verb.removeFirst() }
        let simVerbs = simulator.map { type(of: $0).info.verbs.map(\.name) } ?? []
        if let command = TutorCommand.named(verb), forced || !simVerbs.contains(verb) {
            let rest = line.drop { $0 != " " }.trimmingSpaces()
            return tutor(command.name, words, rest: rest)
        }
        if forced {
            return Reply(failure(L("`:{0}` is not a tutor command", Sanitizer.line(verb))
                               + Suggestion.hint(for: verb, among: TutorCommand.words)))
        }
        guard simulator != nil else {
            return Reply(failure(L("`{0}` is not a command", Sanitizer.line(verb))
                               + Suggestion.hint(for: verb, among: TutorCommand.words)
                               + " " + L("This step has no simulator; type `help` for the commands, or `sandbox` to play.")))
        }
        return Reply(runSimulator(line, block: nil))
    }

    /// Drops a block being typed (Ctrl-C while collecting `code` lines).
    public func cancelPending() -> Bool {
        defer { pendingBlock = nil }
        return pendingBlock != nil
    }

    func failure(_ text: String) -> String { Ink.paint(text, .red) }

    // MARK: - Simulator

    func runSimulator(_ line: String, block: [String]?) -> String {
        guard var sim = simulator else { return failure(L("No simulator here.")) }
        let info = type(of: sim).info
        let verbName = line.split(separator: " ").first.map(String.init) ?? ""
        let verb = info.verb(verbName)
        if let verb, verb.takesBlock, block == nil {
            pendingBlock = (line, [])
            return Ink.paint(L("Type the lines; end with a line holding only `.`"), .grey)
        }
        let before = sim
        do throws(SimulatorError) {
            let output = try sim.run(line, block: block, in: context())
            // `undo` takes back commands that changed something, not views
            // (even a view that shares its verb with a change, like `heap`).
            if verb?.changesState ?? true, sim.stateTree() != before.stateTree() {
                undoStack.append(before)
                if undoStack.count > Self.undoLimit { undoStack.removeFirst() }
            }
            simulator = sim
            return output
        } catch {
            var text = error.message
            if let hint = error.hint { text += "\n" + Ink.paint(hint, .grey) }
            return failure(text)
        }
    }

    // MARK: - Tutor commands

    func tutor(_ name: String, _ args: [String], rest: String) -> Reply {
        switch name {
        case "help": return Reply(help(args))
        case "show":
            if !book.lessons.isEmpty { return Reply(enterStep()) }
            return Reply(L("This book has no lessons."))
        case "next": return Reply(next())
        case "back": return Reply(back())
        case "goto": return Reply(goTo(rest))
        case "toc": return Reply(TableOfContents.text(book: BookOutline(book), progress: store.progress, current: sandbox == nil ? lessonIndex : nil))
        case "check": return Reply(check())
        case "hint": return Reply(hint(args))
        case "solution": return Reply(solution(args))
        case "answer": return Reply(answer(rest))
        case "reset": return Reply(reset())
        case "undo": return Reply(undo())
        case "state": return Reply(state(rest))
        case "eval": return Reply(evaluate(rest))
        case "sandbox": return Reply(enterSandbox(args))
        case "progress": return Reply(TableOfContents.progressText(book: BookOutline(book), progress: store.progress))
        case "export": return Reply(export(rest))
        case "reload": return Reply(reload())
        case "quit":
            store.save()
            return Reply(L("Progress saved. See you next time!"), quit: true)
        default: return Reply(failure(L("`{0}` is not a command.", name)))
        }
    }

    func next() -> String {
        guard !book.lessons.isEmpty else { return L("This book has no lessons.") }
        if sandbox != nil { return enterStep() }
        if stepIndex + 1 < lesson.steps.count { return move(lesson: lessonIndex, step: stepIndex + 1) }
        if lessonIndex + 1 < book.lessons.count { return move(lesson: lessonIndex + 1, step: 0) }
        return Ink.paint(L("You reached the end of the book. `toc` lists every lesson; `goto N` revisits one."), .green)
    }

    func back() -> String {
        guard !book.lessons.isEmpty else { return L("This book has no lessons.") }
        if sandbox != nil { return enterStep() }
        if stepIndex > 0 { return move(lesson: lessonIndex, step: stepIndex - 1) }
        if lessonIndex > 0 { return move(lesson: lessonIndex - 1, step: book.lessons[lessonIndex - 1].steps.count - 1) }
        return L("This is the first step of the book.")
    }

    func goTo(_ target: String) -> String {
        guard !target.isEmpty else { return failure(L("usage: {0}", "goto N|LESSON|LESSON#EXERCISE")) }
        var lessonPart = target
        var exercisePart: String?
        if let hash = target.firstIndex(of: "#") {
            lessonPart = String(target[..<hash])
            exercisePart = String(target[target.index(after: hash)...])
        }
        let index: Int?
        if let n = Int(lessonPart) {
            guard n >= 0 && n < book.lessons.count else {
                return failure(L("There is no lesson {0}: lessons are numbered 0 to {1}.", n, book.lessons.count - 1))
            }
            index = n
        } else {
            index = book.index(of: lessonPart)
        }
        guard let li = index else {
            return failure(L("There is no lesson `{0}`", Sanitizer.line(lessonPart))
                         + Suggestion.hint(for: lessonPart, among: book.lessons.map(\.id)))
        }
        if let ex = exercisePart {
            let target = book.lessons[li]
            guard let step = target.exercise(ex)?.step ?? target.quiz(ex)?.step else {
                return failure(L("Lesson `{0}` has no exercise `{1}`", target.id, Sanitizer.line(ex))
                             + Suggestion.hint(for: ex, among: target.exercises.map(\.id) + target.quizzes.map(\.id)))
            }
            return move(lesson: li, step: step)
        }
        return move(lesson: li, step: 0)
    }

    func enterSandbox(_ args: [String]) -> String {
        guard let name = args.first else {
            var lines = [Ink.paint(L("Simulators:"), .bold)]
            for type in SimulatorCatalog.all {
                lines.append("  " + Ink.paint(type.info.name.padded(to: 10), .bold) + " " + type.info.summary)
            }
            lines.append(Ink.paint(L("Type `sandbox NAME` to play with one; `show` returns to the lesson."), .grey))
            return lines.joined(separator: "\n")
        }
        guard let sim = SimulatorCatalog.make(name) else {
            return failure(L("There is no simulator `{0}`", Sanitizer.line(name)) + Suggestion.hint(for: name, among: SimulatorCatalog.names))
        }
        park()
        sandbox = name
        simulator = sim
        simulatorOwner = "sandbox:\(name)"
        undoStack = []
        let info = type(of: sim).info
        return Ink.paint(L("Sandbox: {0}", info.title), .bold) + "\n" + info.summary + "\n"
            + Ink.paint(L("`help` lists its commands; `show` returns to the lesson."), .grey)
    }

    func undo() -> String {
        guard simulator != nil else { return failure(L("No simulator here.")) }
        guard let previous = undoStack.popLast() else { return L("Nothing to undo.") }
        simulator = previous
        return L("Undone.") + "\n" + previous.render(in: context())
    }

    func reset() -> String {
        if let sandbox {
            simulator = SimulatorCatalog.make(sandbox)
            undoStack = []
            return L("The sandbox simulator starts afresh.")
        }
        guard let exercise = activeExercise, let simName = exercise.sim else {
            guard let simName = lesson.sim else { return L("Nothing to reset in this step.") }
            simulator = SimulatorCatalog.make(simName)
            undoStack = []
            return L("The simulator starts afresh.")
        }
        let owner = "\(lesson.id)#\(exercise.id)"
        parked[owner] = nil
        setUp(exercise, simName: simName, owner: owner)
        return L("Exercise `{0}` is back at its start.", exercise.id) + "\n" + stepRenderer().render(exercise, in: lesson)
    }
}

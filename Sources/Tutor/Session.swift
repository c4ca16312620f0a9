import Book
import CSystem
import Foundation
import Grader
import Simulators
import Terminal
import TextKit

/// How the session presents itself and what it may do.
public struct SessionOptions {
    public var width: Int
    public var color: Bool
    /// A learner at a terminal: an editor may be started.
    public var interactive: Bool
    public var environment: [String: String]

    public init(width: Int = 80, color: Bool = false, interactive: Bool = false, environment: [String: String] = [:]) {
        self.width = width
        self.color = color
        self.interactive = interactive
        self.environment = environment
    }
}

/// What the session says back to one line.
public struct Reply: Equatable {
    public var text: String
    public var quit = false
    public init(_ text: String, quit: Bool = false) {
        self.text = text
        self.quit = quit
    }
}

/// One learner working through one book: where they are, the simulator in
/// front of them, and everything they type. Knows nothing of terminals:
/// lines go in, styled text comes out.
public final class Session {
    /// Replaced by `reload` when the book's files change.
    public internal(set) var book: Book
    public let store: ProgressStore
    public var options: SessionOptions

    var lessonIndex = 0
    var stepIndex = 0
    /// The simulator's name while in the sandbox, outside any lesson.
    var sandbox: String?
    var simulator: (any Simulator)?
    /// What the current simulator belongs to: an exercise, a lesson, the sandbox.
    var simulatorOwner: String?
    var undoStack: [any Simulator] = []
    /// Exercises left for another step, so coming back finds the work as it was.
    var parked: [String: (simulator: any Simulator, undo: [any Simulator])] = [:]
    /// A block verb (`code`) collecting its lines up to `.`.
    var pendingBlock: (line: String, body: [String])?
    /// The lesson last shown, to say once that a lesson is not translated.
    var lessonShown: String?

    static let undoLimit = 200

    public init(book: Book, store: ProgressStore, options: SessionOptions) {
        self.book = book
        self.store = store
        self.options = options
    }

    // MARK: - Where we are

    var lesson: Lesson { book.lessons[lessonIndex] }
    var position: String { "\(lesson.id) \(stepIndex + 1)/\(lesson.steps.count)" }

    /// The exercise `check` grades: the first in this step not yet passed,
    /// or the last one when all are.
    var activeExercise: Exercise? {
        guard sandbox == nil, !book.lessons.isEmpty else { return nil }
        let list = lesson.exercises(inStep: stepIndex)
        return list.first { store.progress.exercise(lesson.id, $0.id).status != .passed } ?? list.last
    }

    /// The quiz `answer` answers, chosen the same way.
    var activeQuiz: QuizItem? {
        guard sandbox == nil, !book.lessons.isEmpty else { return nil }
        let list = lesson.quizzes(inStep: stepIndex)
        return list.first { !store.progress.quiz(lesson.id, $0.id).correct } ?? list.last
    }

    public var prompt: String {
        if pendingBlock != nil { return "... " }
        if let sandbox { return "memlane [sandbox \(sandbox)]> " }
        guard !book.lessons.isEmpty else { return "memlane> " }
        return "memlane [\(position)]> "
    }

    // MARK: - Start

    /// Resumes where the learner stopped and shows that step.
    public func start() -> String {
        TextWrapper.fitLines(resume(), width: options.width)
    }

    func resume() -> String {
        var text = ""
        if let warning = store.warning { text += Ink.paint(warning, .yellow) + "\n\n" }
        guard !book.lessons.isEmpty else { return text + L("This book has no lessons.") }
        if let pos = store.progress.position, let li = book.index(of: pos.lesson) {
            lessonIndex = li
            stepIndex = min(max(pos.step - 1, 0), book.lessons[li].steps.count - 1)
            text += Ink.paint(L("Welcome back! You are at lesson {0}, step {1}.", lessonIndex, stepIndex + 1), .green) + "\n\n"
        }
        return text + enterStep()
    }

    // MARK: - Moving

    /// Shows the current step and gets its simulator ready.
    func enterStep() -> String {
        sandbox = nil
        pendingBlock = nil
        store.update { $0.position = LearnerProgress.Position(lesson: lesson.id, step: stepIndex + 1) }
        let note = prepareSimulator()
        var text = stepRenderer().render(lessonIndex: lessonIndex, stepIndex: stepIndex)
        if let note { text += "\n" + Ink.paint(note, .grey) }
        if lesson.isFallback && lessonShown != lesson.id {
            text = Ink.paint(L("This lesson is not translated yet; it is shown in English."), .yellow) + "\n" + text
        }
        lessonShown = lesson.id
        return text
    }

    func stepRenderer() -> StepRenderer {
        StepRenderer(book: book, progress: store.progress,
                     markdown: MarkdownRenderer(width: options.width, color: options.color), context: context())
    }

    /// Makes the simulator match the step: the active exercise's (set up
    /// fresh, or as the learner left it), else the lesson's own. Returns a
    /// note for the learner when something noteworthy happened.
    @discardableResult
    func prepareSimulator() -> String? {
        if let exercise = activeExercise, let simName = exercise.sim {
            let owner = "\(lesson.id)#\(exercise.id)"
            if simulatorOwner == owner, simulator != nil { return nil }
            park()
            if let saved = parked.removeValue(forKey: owner) {
                simulator = saved.simulator
                undoStack = saved.undo
                simulatorOwner = owner
                return L("Your work on this exercise is as you left it; `reset` starts it over.")
            }
            setUp(exercise, simName: simName, owner: owner)
            return nil
        }
        if let simName = lesson.sim {
            // Keep playing with the same kind of simulator across plain steps.
            if let current = simulator, type(of: current).info.name == simName, simulatorOwner?.hasPrefix(lesson.id) == true {
                return nil
            }
            park()
            simulator = SimulatorCatalog.make(simName)
            simulatorOwner = "\(lesson.id)"
            undoStack = []
            return nil
        }
        park()
        simulator = nil
        simulatorOwner = nil
        undoStack = []
        return nil
    }

    /// Keeps an exercise's simulator for when the learner comes back.
    func park() {
        if let owner = simulatorOwner, owner.contains("#"), let sim = simulator {
            parked[owner] = (sim, undoStack)
        }
    }

    func setUp(_ exercise: Exercise, simName: String, owner: String) {
        guard var sim = SimulatorCatalog.make(simName) else {
            simulator = nil
            simulatorOwner = nil
            return
        }
        _ = ScriptRunner.run(exercise.setup, file: exercise.file, on: &sim, context: context())
        simulator = sim
        simulatorOwner = owner
        undoStack = []
    }

    func move(lesson newLesson: Int, step newStep: Int) -> String {
        park()
        lessonIndex = newLesson
        stepIndex = newStep
        return enterStep()
    }

    // MARK: - Simulator context

    func context() -> SimulationContext {
        SimulationContext(color: options.color, width: options.width,
                          isInterrupted: interruptionPoll(),
                          readFile: { [book] path throws(SimulatorError) in try Self.read(path, book: book) },
                          edit: options.interactive ? { text, fileName throws(SimulatorError) in
                              try ExternalEditor.edit(text, fileName: fileName, environment: self.options.environment)
                          } : nil)
    }

    /// How a running command learns of Ctrl-C. For end-to-end tests only,
    /// $MEMLANE_TEST_POLL_DELAY_MS (at most 1000) makes every poll sleep
    /// that long first, so a test can press Ctrl-C in the middle of a
    /// command that otherwise ends within milliseconds. It changes no
    /// result, only how long a command takes; learners never set it.
    func interruptionPoll() -> () -> Bool {
        guard let delay = options.environment["MEMLANE_TEST_POLL_DELAY_MS"].flatMap(UInt32.init), delay > 0 else {
            return { memlane_interrupted() != 0 }
        }
        let micros = min(delay, 1000) * 1000
        return {
            if memlane_interrupted() == 0 { usleep(micros) }
            return memlane_interrupted() != 0
        }
    }

    /// A file named by a lesson or typed by the learner: the book's content
    /// folders first, then the working directory.
    static func read(_ path: String, book: Book) throws(SimulatorError) -> (text: String, shownPath: String) {
        let candidates = [book.resolveContent(path), URL(fileURLWithPath: path)].compactMap { $0 }
        for url in candidates {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            switch FileText.read(url.path, limit: maxLoadBytes) {
            case .success(let text): return (text, path)
            case .failure(.tooLarge): throw SimulatorError(L("`{0}` is too large to load (more than 1 MiB)", Sanitizer.line(path)))
            case .failure(.notAFile): throw SimulatorError(L("`{0}` is not an ordinary file", Sanitizer.line(path)))
            case .failure(.unreadable): throw SimulatorError(L("cannot read `{0}`", Sanitizer.line(path)))
            }
        }
        throw SimulatorError(L("no file `{0}` in Content/ or the current folder", Sanitizer.line(path)))
    }

    /// The most a learner's `load` reads.
    static let maxLoadBytes = 1 << 20
}

import Book
import Foundation
import Grader
import Simulators
import TextKit

/// `memlane lint`: everything the loader finds, plus what only running the
/// simulators can show — unknown simulators, state paths and functions a
/// simulator does not document, setups and solutions that fail, and checks
/// that pass before the learner did anything or fail after the solution.
public enum Linter {
    /// Lints a book and every translation of it (`ja/` and so on): each is
    /// linted in full, and a translation is also compared with its original.
    public static func lint(folder: URL, shownAs: String? = nil) -> (book: Book?, diagnostics: [Diagnostic]) {
        let (book, loadDiagnostics) = BookLoader.load(folder, shownAs: shownAs)
        guard let book else { return (nil, loadDiagnostics) }
        let prefix = (shownAs ?? folder.path).hasSuffix("/") ? (shownAs ?? folder.path) : (shownAs ?? folder.path) + "/"
        let ran = CleanRuns()
        var diagnostics = loadDiagnostics + lessons(of: book, prefix: prefix, ran: ran)
        for language in Language.allCases {
            guard let translated = Translation.folder(of: folder, for: language) else { continue }
            let translatedPrefix = prefix + language.rawValue + "/"
            let (translation, translationDiagnostics) = BookLoader.load(translated, shownAs: translatedPrefix, original: folder)
            diagnostics += translationDiagnostics
            guard let translation else { continue }
            diagnostics += lessons(of: translation, prefix: translatedPrefix, ran: ran)
            diagnostics += Translation.compare(translation, with: book, shownAs: translatedPrefix)
        }
        return (book, sorted(diagnostics))
    }

    /// Lints the lessons, running their exercises and demos side by side
    /// (running is most of the time, and simulators are values that share
    /// nothing); the diagnostics come out in book order all the same.
    static func lessons(of book: Book, prefix: String, ran: CleanRuns) -> [Diagnostic] {
        let jobs = book.lessons.flatMap { lesson in Self.jobs(for: lesson, in: book, file: prefix + lesson.file, ran: ran) }
        let results = Results(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            results.set(i, jobs[i]())
        }
        return results.all.flatMap { $0 }
    }

    /// Exercises and demos that ran clean in this lint, by what they run.
    /// A translation's copy is identical (`Translation.compare` says so when
    /// it is not), and simulators are deterministic, so it is not run again.
    final class CleanRuns: @unchecked Sendable {
        // Guarded by `lock`.
        private var keys = Set<[String]>()
        private let lock = NSLock()

        func contains(_ key: [String]) -> Bool { lock.withLock { keys.contains(key) } }
        func insert(_ key: [String]) { _ = lock.withLock { keys.insert(key) } }
    }

    /// One slot per job, filled from several threads.
    final class Results: @unchecked Sendable {
        // Guarded by `lock`.
        private var slots: [[Diagnostic]]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: [], count: count) }
        func set(_ i: Int, _ value: [Diagnostic]) { lock.withLock { slots[i] = value } }
        var all: [[Diagnostic]] { lock.withLock { slots } }
    }

    /// File order as SUMMARY.md gives it, then line and column.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }

    static func context(_ book: Book) -> SimulationContext {
        SimulationContext(color: false, width: 80, isInterrupted: { false },
                          readFile: { path throws(SimulatorError) in try Session.read(path, book: book) })
    }

    /// A lesson's lint as independent pieces, in the order their
    /// diagnostics are reported: the simulator's name, each exercise, each
    /// demo, then the quizzes.
    static func jobs(for lesson: Lesson, in book: Book, file: String, ran: CleanRuns) -> [@Sendable () -> [Diagnostic]] {
        var jobs: [@Sendable () -> [Diagnostic]] = [{
            guard let sim = lesson.sim, SimulatorCatalog.type(named: sim) == nil else { return [] }
            return [Diagnostic(SourceLocation(file: file, line: lesson.frontMatterLines["sim"] ?? 2, column: 6),
                               L("unknown simulator `{0}`", Sanitizer.line(sim)) + Suggestion.hint(for: sim, among: SimulatorCatalog.names))]
        }]
        jobs += lesson.exercises.map { exercise in { lint(exercise, in: book, lesson: lesson, ran: ran) } }
        jobs += lesson.demos.map { demo in { lint(demo: demo, in: book, ran: ran) } }
        jobs.append { lintQuizzes(lesson) }
        return jobs
    }

    /// A demo must run without an error.
    static func lint(demo: (sim: String?, commands: [ScriptLine], origin: Origin), in book: Book, ran: CleanRuns) -> [Diagnostic] {
        guard let name = demo.sim else {
            return [Diagnostic(demo.origin.location, L("this demo names no simulator: add sim= or `sim:` to the front matter"))]
        }
        guard var sim = SimulatorCatalog.make(name) else {
            return [Diagnostic(demo.origin.location, L("unknown simulator `{0}`", Sanitizer.line(name))
                               + Suggestion.hint(for: name, among: SimulatorCatalog.names))]
        }
        let key = ["demo", name] + demo.commands.map(\.text)
        if ran.contains(key) { return [] }
        let steps = ScriptRunner.run(demo.commands, on: &sim, context: context(book))
        if let bad = ScriptRunner.firstError(steps), case .failure(let e) = bad.result {
            return [Diagnostic(SourceLocation(file: demo.origin.location.file, line: bad.line.line, column: demo.origin.bodyIndent + 1),
                               L("demo command fails: {0}", e.message))]
        }
        ran.insert(key)
        return []
    }

    static func lintQuizzes(_ lesson: Lesson) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for item in lesson.quizzes {
            if let sample = item.quiz.sampleCorrectAnswer, !item.quiz.grade(sample).correct {
                out.append(Diagnostic(item.origin.location, L("no answer to this quiz can be graded right")))
            }
            if item.quiz.choices.count > 26 {
                out.append(Diagnostic(item.origin.location, L("a quiz can have at most 26 choices (a to z)")))
            }
            out += lintAnswers(item)
        }
        return out
    }

    static func lint(_ exercise: Exercise, in book: Book, lesson: Lesson, ran: CleanRuns) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let at = exercise.origin.location
        guard let simName = exercise.sim else { return out } // reported by the loader
        guard let type = SimulatorCatalog.type(named: simName) else {
            out.append(Diagnostic(at, L("unknown simulator `{0}`", Sanitizer.line(simName)) + Suggestion.hint(for: simName, among: SimulatorCatalog.names)))
            return out
        }
        let info = type.info
        if exercise.file != nil && info.verb("load") == nil {
            out.append(Diagnostic(at, L("the {0} simulator cannot load files, so `file=` does not apply", simName)))
            return out
        }
        // Paths and functions the checks read must be documented by the simulator.
        let functionNames = info.functions.map(\.name)
        var documented = true
        for block in exercise.checkBlocks {
            for assertion in block.assertions {
                let expressions = [assertion.expression] + (assertion.message?.expressions ?? [])
                for (k, expression) in expressions.enumerated() {
                    let base = k == 0 ? assertion.column : (assertion.messageColumn ?? assertion.column) + 1
                    for path in expression.paths where !info.documents(path: path.segments) {
                        documented = false
                        let known = info.state.map(\.path)
                        out.append(Diagnostic(block.location(of: assertion, column: base + path.span.lowerBound),
                                              L("the {0} simulator has no state path `{1}`", simName, path.text)
                                              + Suggestion.hint(for: path.text, among: known)))
                    }
                    for call in expression.calls where !Evaluator.builtins.contains(call.name) {
                        guard let f = info.functions.first(where: { $0.name == call.name }) else {
                            documented = false
                            out.append(Diagnostic(block.location(of: assertion, column: base + call.span.lowerBound),
                                                  L("the {0} simulator has no function `{1}`", simName, call.name)
                                                  + Suggestion.hint(for: call.name, among: functionNames + Evaluator.builtins)))
                            continue
                        }
                        if f.arity != call.arity {
                            documented = false
                            out.append(Diagnostic(block.location(of: assertion, column: base + call.span.lowerBound),
                                                  L("`{0}` takes {1} argument(s): {2}", f.name, f.arity, f.signature)))
                        }
                    }
                }
            }
        }
        guard documented, !exercise.checks.isEmpty, let solution = exercise.solution else { return out }
        let key = ["exercise", simName, exercise.file ?? ""] + exercise.setup.map(\.text) + ["checks"]
            + exercise.checks.map(\.source) + ["solution"] + solution.map(\.text)
        if ran.contains(key) { return out }
        let runs = run(exercise, type, solution, in: book)
        if runs.isEmpty { ran.insert(key) }
        return out + runs
    }

    /// Setup, checks (must fail), solution, checks (must pass).
    static func run(_ exercise: Exercise, _ type: any Simulator.Type, _ solution: [ScriptLine], in book: Book) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let at = exercise.origin.location
        // The setup must run, and the check must fail on it.
        let ctx = context(book)
        var sim = type.init() as any Simulator
        let setup = ScriptRunner.run(exercise.setup, file: exercise.file, on: &sim, context: ctx)
        if let bad = ScriptRunner.firstError(setup), case .failure(let e) = bad.result {
            out.append(Diagnostic(SourceLocation(file: at.file, line: bad.line.line, column: exercise.origin.bodyIndent + 1),
                                  L("setup command fails: {0}", e.message)))
            return out
        }
        let checkAt = exercise.checkBlocks.first?.origin.location ?? at
        if Checker.run(exercise.checks, on: sim).passed {
            out.append(Diagnostic(checkAt, L("check `{0}` already passes before the learner does anything: it cannot fail, so it teaches nothing", exercise.id)))
        }
        // The solution must run, and the check must pass after it.
        let steps = ScriptRunner.run(solution, on: &sim, context: ctx)
        if let bad = ScriptRunner.firstError(steps), case .failure(let e) = bad.result {
            let column = (exercise.solutionOrigin?.bodyIndent ?? 0) + 1
            out.append(Diagnostic(SourceLocation(file: at.file, line: bad.line.line, column: column),
                                  L("solution command fails: {0}", e.message)))
            return out
        }
        let report = Checker.run(exercise.checks, on: sim)
        if let failure = report.firstFailure {
            let block = exercise.checkBlocks.first { $0.assertions.contains(failure.assertion) }
            out.append(Diagnostic(block?.location(of: failure.assertion) ?? checkAt,
                                  L("check `{0}` fails after the solution: {1}", exercise.id, failure.message ?? failure.assertion.source)))
        }
        return out
    }
}


import Grader
import TextKit

/// Reads one lesson file into steps, exercises and quizzes. Every problem
/// becomes a positioned diagnostic; a lesson with errors is still returned
/// when its front matter is usable, so lint can report everything at once.
struct LessonParser {
    static let frontMatterKeys = ["id", "title", "sim"]

    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    mutating func error(_ line: Int, _ column: Int, _ message: String) {
        diagnostics.append(Diagnostic(at(line, column), message))
    }

    mutating func parse(_ rawText: String) -> Lesson? {
        let text = Sanitizer.clean(rawText)
        let (matter, matterErrors) = FrontMatter.split(text, file: file)
        diagnostics += matterErrors
        guard matter.present else {
            if matterErrors.isEmpty { error(1, 1, L("a lesson starts with front matter: `---`, `id: …`, `title: …`, `---`")) }
            return nil
        }
        for key in matter.fields.keys.sorted() where !Self.frontMatterKeys.contains(key) {
            error(matter.keyLines[key] ?? 2, 1, L("unknown front matter key `{0}`", Sanitizer.line(key))
                  + Suggestion.hint(for: key, among: Self.frontMatterKeys))
        }
        let id = matter.fields["id"] ?? ""
        if id.isEmpty {
            error(1, 1, L("front matter needs an `id`"))
        } else if !DirectiveInfo.isValidID(id) {
            error(matter.keyLines["id"] ?? 2, 1, L("`{0}` is not a valid id: use lowercase letters, digits and `-`", Sanitizer.line(id)))
        }
        let title = matter.fields["title"] ?? ""
        if title.isEmpty { error(1, 1, L("front matter needs a `title`")) }
        let sim = matter.fields["sim"].flatMap { $0.isEmpty ? nil : $0 }

        var lesson = Lesson(id: id, title: title, sim: sim, file: file, steps: [], exercises: [], quizzes: [],
                            demos: [], fileReferences: [], frontMatterLines: matter.keyLines)
        readBody(matter.body, into: &lesson)
        return lesson
    }

    // MARK: - Body

    private struct Pending {
        var checks: [(String, [Assertion], Origin)] = []
        var hints: [(String, String, Origin)] = []
        var solutions: [(String, [ScriptLine], Origin)] = []
    }

    private mutating func readBody(_ body: String, into lesson: inout Lesson) {
        let lines = body.splitLines()
        let outline = MarkdownOutline(body)
        var steps: [Step] = [Step(title: nil, blocks: [], line: 1)]
        var prose: (start: Int, end: Int)?
        var pending = Pending()
        var seenIDs: [String: Int] = [:]

        func flush() {
            guard let p = prose else { return }
            let chunk = lines[(p.start - 1)..<min(p.end, lines.count)].joined(separator: "\n")
            if !chunk.trimmingWhitespace().isEmpty {
                steps[steps.count - 1].blocks.append(.prose(chunk))
            }
            prose = nil
        }

        for node in outline.nodes {
            var directiveInfo: DirectiveInfo.Parsed?
            if case .fence(let info, _, _) = node.kind { directiveInfo = DirectiveInfo.parse(info) }
            switch node.kind {
            case .heading(level: 2, let text):
                flush()
                steps.append(Step(title: text, blocks: [], line: node.startLine))
                prose = (node.startLine, node.endLine)
            case .fence(_, let fenceBody, let closed) where directiveInfo != nil:
                let parsed = directiveInfo!
                flush()
                let infoColumn = Self.infoColumn(lines[node.startLine - 1])
                let directive: DirectiveInfo
                switch parsed {
                case .invalid(let errors):
                    for e in errors { error(node.startLine, infoColumn + e.offset, e.message) }
                    continue
                case .valid(let d): directive = d
                }
                if !closed {
                    error(node.startLine, node.startColumn, L("this ```{0} block is never closed", directive.name.rawValue))
                }
                let origin = Origin(location: at(node.startLine, node.startColumn), bodyLine: node.startLine + 1,
                                    bodyIndent: node.startColumn - 1)
                if let id = directive.value("id"), [.exercise, .quiz].contains(directive.name) {
                    if let line = seenIDs[id] {
                        error(node.startLine, infoColumn + (directive.attributes.first { $0.key == "id" }?.offset ?? 0),
                              L("id `{0}` is already used on line {1}", id, line))
                        continue
                    }
                    seenIDs[id] = node.startLine
                }
                if let path = directive.value("file") {
                    lesson.fileReferences.append((path, at(node.startLine, infoColumn + (directive.attributes.first { $0.key == "file" }?.offset ?? 0))))
                }
                readDirective(directive, body: fenceBody, origin: origin, step: steps.count - 1,
                              steps: &steps, lesson: &lesson, pending: &pending)
            default:
                if prose == nil { prose = (node.startLine, node.endLine) } else { prose!.end = node.endLine }
            }
        }
        flush()
        if steps.count > 1, steps[0].blocks.isEmpty { steps.removeFirst(); shiftSteps(&lesson, by: -1) }
        lesson.steps = steps
        attach(pending, to: &lesson)
    }

    private func shiftSteps(_ lesson: inout Lesson, by delta: Int) {
        for i in lesson.exercises.indices { lesson.exercises[i].step += delta }
        for i in lesson.quizzes.indices { lesson.quizzes[i].step += delta }
    }

    /// Column (1-based) where the info string starts on a fence line.
    static func infoColumn(_ line: String) -> Int {
        let chars = Array(line)
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        while i < chars.count, chars[i] == "`" || chars[i] == "~" { i += 1 }
        while i < chars.count, chars[i] == " " { i += 1 }
        return i + 1
    }

    private mutating func readDirective(_ d: DirectiveInfo, body: String, origin: Origin, step: Int,
                                        steps: inout [Step], lesson: inout Lesson, pending: inout Pending) {
        let id = d.value("id") ?? ""
        switch d.name {
        case .exercise:
            lesson.exercises.append(Exercise(id: id, sim: d.value("sim") ?? lesson.sim, file: d.value("file"),
                                             setup: Self.script(body, origin), checkBlocks: [], hints: [], solution: nil,
                                             step: step, origin: origin))
            steps[step].blocks.append(.exercise(id: id))
        case .check:
            let (assertions, errors) = CheckParser.parse(body)
            for e in errors {
                diagnostics.append(Diagnostic(origin.location(bodyLine: e.line, column: e.column), e.message))
            }
            if assertions.isEmpty && errors.isEmpty {
                diagnostics.append(Diagnostic(origin.location, L("this check has no assertions")))
            }
            pending.checks.append((id, assertions, origin))
        case .hint:
            let hint = body.trimmingWhitespace()
            if hint.isEmpty { diagnostics.append(Diagnostic(origin.location, L("this hint is empty"))) }
            pending.hints.append((id, hint, origin))
        case .solution:
            pending.solutions.append((id, Self.script(body, origin), origin))
        case .quiz:
            let (quiz, errors) = QuizParser.parse(body)
            for e in errors {
                diagnostics.append(Diagnostic(origin.location(bodyLine: e.line, column: e.column), e.message))
            }
            if let quiz {
                lesson.quizzes.append(QuizItem(id: id, quiz: quiz, step: step, origin: origin))
                steps[step].blocks.append(.quiz(id: id))
            }
        case .sim:
            let commands = Self.script(body, origin)
            lesson.demos.append((d.value("sim") ?? lesson.sim, commands, origin))
            steps[step].blocks.append(.demo(sim: d.value("sim") ?? lesson.sim, commands: commands))
        case .go:
            steps[step].blocks.append(.goCode(source: body, file: d.value("file")))
        }
    }

    /// The lines of a command block as written. Blank lines and `#`
    /// comments are skipped when the script runs, except inside the body of
    /// a block verb (`code` … `.`), which is kept byte for byte.
    static func script(_ body: String, _ origin: Origin) -> [ScriptLine] {
        var lines = body.splitLines()
        if lines.last == "" { lines.removeLast() }
        return lines.enumerated().map { ScriptLine($0.element, line: origin.bodyLine + $0.offset) }
    }

    private mutating func attach(_ pending: Pending, to lesson: inout Lesson) {
        func index(_ id: String, _ origin: Origin, _ what: String) -> Int? {
            if let i = lesson.exercises.firstIndex(where: { $0.id == id }) { return i }
            let known = lesson.exercises.map(\.id)
            diagnostics.append(Diagnostic(origin.location, L("{0} id={1} belongs to no exercise", what, id)
                                          + Suggestion.hint(for: id, among: known)))
            return nil
        }
        for (id, assertions, origin) in pending.checks {
            guard let i = index(id, origin, "check") else { continue }
            lesson.exercises[i].checkBlocks.append(CheckBlock(origin: origin, assertions: assertions))
        }
        for (id, hint, origin) in pending.hints {
            guard let i = index(id, origin, "hint") else { continue }
            lesson.exercises[i].hints.append(hint)
        }
        for (id, script, origin) in pending.solutions {
            guard let i = index(id, origin, "solution") else { continue }
            if lesson.exercises[i].solution != nil {
                diagnostics.append(Diagnostic(origin.location, L("exercise `{0}` already has a solution", id)))
                continue
            }
            lesson.exercises[i].solution = script
            lesson.exercises[i].solutionOrigin = origin
        }
        for e in lesson.exercises {
            if e.checkBlocks.isEmpty {
                diagnostics.append(Diagnostic(e.origin.location, L("exercise `{0}` has no ```check id={0} block", e.id)))
            }
            if e.solution == nil {
                diagnostics.append(Diagnostic(e.origin.location, L("exercise `{0}` has no ```solution id={0} block", e.id)))
            }
            if e.sim == nil {
                diagnostics.append(Diagnostic(e.origin.location,
                    L("exercise `{0}` names no simulator: add sim= to the block or `sim:` to the front matter", e.id)))
            }
        }
    }
}

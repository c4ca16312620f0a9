import Grader
import Simulators
import TextKit

/// Chapter 5's machine: a Go program and what `go build -gcflags='-m -l'`
/// (Go 1.19) says about where its values live. The learner loads, pastes
/// or edits a program; every change is analysed at once, so checks always
/// see the current program's verdicts; `explain` tells why in plain words.
public struct EscapeSimulator: Simulator {
    /// Programs longer than this are refused (the analysis of 10,000 lines takes about half a second).
    public static let maxLines = 10_000

    var source: String?
    var file = "main.go"
    var report: EscapeReport?
    var error: GoLiteError?

    public init() {}

    public static var info: SimulatorInfo { SimulatorInfo(
        name: "escape",
        title: L("Go's heap escape"),
        summary: L("A Go program and the compiler's escape analysis: which variables and allocations stay in a stack frame and which move to the heap, as `go build -gcflags='-m -l'` (Go 1.19) reports them."),
        verbs: [
            Verb("load", usage: "load PATH", summary: L("load a Go program (relative to Content/ or the working directory) and analyse it"),
                 arguments: [.path]),
            Verb("code", usage: "code", summary: L("type or paste a program, ending with a line holding only `.`; it is analysed at once"),
                 takesBlock: true),
            Verb("edit", usage: "edit", summary: L("open the program in $VISUAL or $EDITOR (default vi) and analyse it again when the editor closes")),
            Verb("escape", usage: "escape", summary: L("print the analysis as `go build -gcflags='-m -l'` does: FILE:LINE:COL: message"),
                 changesState: false),
            Verb("explain", usage: "explain NAME|LINE", summary: L("say in plain words why a variable, parameter or allocation stays or escapes, or what a line reports"),
                 arguments: [.name], changesState: false),
            Verb("show", usage: "show", summary: L("show the program with line numbers and each line's verdicts beside it"),
                 changesState: false),
        ],
        state: [
            StateField("file", "string", L("the program's file name as shown in messages")),
            StateField("lines", "int", L("the number of lines in the program (0 before one is loaded)")),
            StateField("compiles", "bool", L("true when the program is valid GoLite; false when it has an error (see `error`)")),
            StateField("error", "string", L("the first error in the program, as LINE:COL: message, or \"\" when there is none")),
            StateField("diagnostics", "list of string", L("the analysis lines without the file name, sorted by position, e.g. \"12:2: moved to heap: z\"")),
            StateField("moved_to_heap", "list of string", L("the variables reported `moved to heap`, in source order")),
            StateField("heap_sites", "int", L("allocation sites that end up on the heap: lines saying `moved to heap` or `escapes to heap`")),
            StateField("stack_sites", "int", L("allocation sites that stay on the stack: lines saying `EXPR does not escape` (not parameters)")),
            StateField("leaking_params", "list of string", L("parameters reported `leaking param` (to the heap or to a result)")),
        ],
        functions: [
            StateFunction("escapes", signature: "escapes(NAME) -> bool", arity: 1,
                          summary: L("true when the analysis reports NAME — a variable, parameter or expression as printed, like \"make([]byte, n)\" — as moved to the heap, escaping to the heap, or leaking its value or content to the heap")),
        ],
        example: ExampleExercise(
            task: "`square` returns a pointer to its local `z`, so `z` is moved to the heap. Change the program so that nothing in it needs the heap.",
            setup: ["code", "package main", "", "func square(x int) *int {", "\tz := x * x", "\treturn &z", "}", "",
                    "func main() {", "\t_ = square(3)", "}", "."],
            check: [#"compiles => "The program does not compile: {error}""#,
                    #"heap_sites == 0 => "Still on the heap: {moved_to_heap}""#],
            solution: ["code", "package main", "", "func square(x int) int {", "\treturn x * x", "}", "",
                       "func main() {", "\t_ = square(3)", "}", "."],
            hints: ["A value returned by copy lives in the caller's frame; an address returned keeps the variable alive after the call.",
                    "Make `square` return `int` and `return x * x`."])
    ) }

    // MARK: - Commands

    public mutating func execute(_ command: Command, in context: SimulationContext) throws(SimulatorError) -> String {
        switch command.verb {
        case "load":
            try Arguments.expect(command, count: 1, usage: "load PATH")
            let (text, shown) = try context.readFile(command.arguments[0])
            try setProgram(text, file: EscapeSimulator.baseName(shown))
            return loadedSummary(L("Loaded {0}", Sanitizer.line(shown)))
        case "code":
            try Arguments.expect(command, count: 0, usage: "code")
            guard let lines = command.block else {
                throw SimulatorError(L("`code` reads the program from the following lines, up to a line holding only `.`"))
            }
            try setProgram(lines.joined(separator: "\n") + "\n", file: "main.go")
            return loadedSummary(L("Program received"))
        case "edit":
            try Arguments.expect(command, count: 0, usage: "edit")
            guard let edit = context.edit else {
                throw SimulatorError(L("no editor can be opened here"),
                                     hint: L("Paste the program with `code` instead (end it with a line holding only `.`)."))
            }
            let edited = try edit(source ?? EscapeSimulator.template, file)
            try setProgram(edited, file: file)
            return loadedSummary(L("Program saved"))
        case "escape":
            try Arguments.expect(command, count: 0, usage: "escape")
            return try escapeLines()
        case "explain":
            try Arguments.expect(command, count: 1, usage: "explain NAME|LINE")
            return try explain(command.arguments[0])
        case "show":
            try Arguments.expect(command, count: 0, usage: "show")
            return try listing(width: context.width)
        default:
            throw SimulatorError(L("`{0}` is not a command of the {1} simulator.", Sanitizer.line(command.verb), "escape"))
        }
    }

    /// A program to start from when the learner opens the editor with nothing loaded.
    static let template = "package main\n\nfunc main() {\n}\n"

    static func baseName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }

    /// Replaces the program and analyses it. A program with errors is kept
    /// (so it can be edited again) and its error becomes part of the state.
    mutating func setProgram(_ text: String, file: String) throws(SimulatorError) {
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        guard lineCount <= EscapeSimulator.maxLines else {
            throw SimulatorError(L("the program has {0} lines; the escape simulator takes at most {1}", lineCount, EscapeSimulator.maxLines))
        }
        source = text
        self.file = file.isEmpty ? "main.go" : file
        do {
            report = try EscapeAnalysis.analyze(text)
            error = nil
        } catch {
            report = nil
            self.error = error
        }
    }

    private func loadedSummary(_ title: String) -> String {
        let lines = lineCount
        if let error {
            return title + " " + L("({0} lines).", lines) + "\n"
                + Ink.paint(file + ":" + Sanitizer.line(error.description), .red) + "\n"
                + L("Fix it with `edit` or `code`; `show` lists the program with line numbers.")
        }
        guard let report else { return title }
        let heap = report.diagnostics.filter(\.isHeapAllocation).count
        return title + " " + L("({0} lines): {1} analysis line(s), {2} heap allocation site(s).", lines, report.diagnostics.count, heap)
            + "\n" + L("`escape` prints the analysis, `show` puts it beside the code, `explain NAME` says why.")
    }

    var lineCount: Int {
        guard let source else { return 0 }
        var n = source.split(separator: "\n", omittingEmptySubsequences: false).count
        if source.hasSuffix("\n") { n -= 1 }
        return n
    }

    private func requireProgram() throws(SimulatorError) -> EscapeReport {
        guard source != nil else {
            throw SimulatorError(L("there is no program yet"), hint: L("Load one with `load PATH`, paste one with `code`, or write one with `edit`."))
        }
        guard let report else {
            throw SimulatorError(L("the program does not compile: {0}", file + ":" + Sanitizer.line(error?.description ?? "")),
                                 hint: L("Fix it with `edit` or `code`; `show` lists the program with line numbers."))
        }
        return report
    }

    /// The diagnostics in source order (Go prints them grouped by function).
    var sortedDiagnostics: [EscapeDiagnostic] {
        (report?.diagnostics ?? []).enumerated().sorted { a, b in
            a.element.pos != b.element.pos ? a.element.pos < b.element.pos : a.offset < b.offset
        }.map(\.element)
    }

    private func escapeLines() throws(SimulatorError) -> String {
        _ = try requireProgram()
        let ds = sortedDiagnostics
        if ds.isEmpty { return L("The compiler has nothing to report: no allocation, no pointer parameter.") }
        return ds.map { d in
            let line = Sanitizer.line(file + ":" + d.line)
            return d.isHeapAllocation ? Ink.paint(line, .red) : line
        }.joined(separator: "\n")
    }

    // MARK: - explain

    private func explain(_ what: String) throws(SimulatorError) -> String {
        let report = try requireProgram()
        var found: [EscapeDiagnostic]
        var subject: String
        if let line = Int(what) {
            guard line >= 1 && line <= max(lineCount, 1) else {
                throw SimulatorError(L("line {0} is outside the program (1–{1})", line, lineCount))
            }
            found = report.diagnostics(onLine: line)
            subject = L("line {0}", line)
            if found.isEmpty {
                return L("The compiler reports nothing on line {0}: nothing there allocates or takes a pointer parameter.", line)
            }
        } else {
            // A name, or an expression as `escape` prints it (quoted if it has spaces).
            guard what.count <= 200 else {
                throw SimulatorError(L("`explain` takes a name, an expression of at most 200 characters, or a line number"))
            }
            if what.first.map({ $0.isLetter || $0 == "_" }) == true && !what.contains(where: { "([{.*&+ ".contains($0) }) {
                _ = try Arguments.name(what, what: L("name"))
            }
            let name = Sanitizer.line(what)
            found = report.diagnostics(about: what)
            subject = name
            if found.isEmpty {
                if report.declaresVariable(what) {
                    return L("{0} stays in its function's stack frame: no line of the analysis is about it, so nothing keeps its address beyond the function.", name)
                }
                throw SimulatorError(L("the analysis says nothing about `{0}`", name)
                                     + Suggestion.hint(for: what, among: knownNames()),
                                     hint: L("Give a variable, a parameter, an expression as `escape` prints it, or a line number."))
            }
        }
        _ = subject
        let ordered = found.sorted { $0.pos < $1.pos }
        return ordered.map { d in
            Ink.paint(Sanitizer.line(d.line), d.isHeapAllocation ? .red : .green) + "\n  " + Sanitizer.line(report.explanation(d))
        }.joined(separator: "\n")
    }

    // MARK: - State

    public func stateTree() -> Value {
        let ds = sortedDiagnostics
        var moved: [String] = []
        var leaking: [String] = []
        for d in ds {
            switch d.kind {
            case .movedToHeap: moved.append(d.subject)
            case .leakingParam, .leakingParamContent, .leakingToResult:
                if !leaking.contains(d.subject) { leaking.append(d.subject) }
            default: break
            }
        }
        return [
            "file": .string(file),
            "lines": .int(lineCount),
            "compiles": .bool(source != nil && error == nil),
            "error": .string(error.map { $0.description } ?? ""),
            "diagnostics": .strings(ds.map(\.line)),
            "moved_to_heap": .strings(moved),
            "heap_sites": .int(ds.filter(\.isHeapAllocation).count),
            "stack_sites": .int(ds.filter { $0.kind == .doesNotEscape }.count),
            "leaking_params": .strings(leaking),
        ]
    }

    public func callFunction(_ name: String, _ arguments: [Value]) throws(ExpressionError) -> Value? {
        guard name == "escapes" else { return nil }
        guard arguments.count == 1, case .string(let subject) = arguments[0] else {
            throw ExpressionError(L("usage: {0}", "escapes(NAME)"), 0..<0)
        }
        return .bool(escapes(subject))
    }

    /// Whether the analysis reports `subject` as going to the heap.
    public func escapes(_ subject: String) -> Bool {
        (report?.diagnostics ?? []).contains { d in
            guard d.subject == subject else { return false }
            switch d.kind {
            case .movedToHeap, .escapes, .leakingParam, .leakingParamContent: return true
            default: return false
            }
        }
    }

    public func knownNames() -> [String] {
        guard let report else { return [] }
        var names: [String] = []
        for d in report.diagnostics where !d.subject.isEmpty && d.subject.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            if !names.contains(d.subject) { names.append(d.subject) }
        }
        for o in report.program.info.objects where o.kind == .variable && o.pos.isKnown && !o.name.hasPrefix(".") && !o.name.hasPrefix("~") {
            if !names.contains(o.name) { names.append(o.name) }
        }
        return names
    }

    public func render(in context: SimulationContext) -> String {
        if source == nil {
            return L("No program yet: `load PATH`, `code`, or `edit`.")
        }
        do { return try listing(width: context.width) } catch { return error.message }
    }
}

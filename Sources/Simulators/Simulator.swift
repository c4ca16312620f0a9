import Grader
import TextKit
import CSystem

/// What a simulator may use from its surroundings while running a command.
public struct SimulationContext {
    /// Whether output may carry Ink styles (the terminal decides in the end).
    public var color: Bool
    /// Columns available for drawings.
    public var width: Int
    /// Polled by long-running commands; true once the learner pressed Ctrl-C.
    public var isInterrupted: () -> Bool
    /// Reads a file named by a lesson or the learner (`load PATH`): resolved
    /// against the book's Content/ folder, then the working directory.
    /// Returns the text and the path as it should be shown.
    public var readFile: (String) throws(SimulatorError) -> (text: String, shownPath: String)
    /// Opens the learner's editor on a text (the second argument names the
    /// scratch file, e.g. `main.go`) and returns the edited text; nil where
    /// no editor may be run (lint, piped sessions without a TTY).
    public var edit: ((String, String) throws(SimulatorError) -> String)?

    public init(color: Bool = false, width: Int = 80,
                isInterrupted: @escaping () -> Bool = { memlane_interrupted() != 0 },
                readFile: @escaping (String) throws(SimulatorError) -> (text: String, shownPath: String) = SimulationContext.readNothing,
                edit: ((String, String) throws(SimulatorError) -> String)? = nil) {
        self.color = color
        self.width = width
        self.isInterrupted = isInterrupted
        self.readFile = readFile
        self.edit = edit
    }

    public static func readNothing(_ path: String) throws(SimulatorError) -> (text: String, shownPath: String) {
        throw SimulatorError(L("cannot read files here: {0}", Sanitizer.line(path)))
    }

    /// A context for tests and lint: no colour, no editor, never interrupted.
    public static var plain: SimulationContext { SimulationContext(isInterrupted: { false }) }
}

/// The one protocol every chapter's simulator implements. Simulators are
/// values: the tutor keeps copies for `undo`, and a command that throws
/// leaves the simulator as it was.
public protocol Simulator: StateProvider {
    static var info: SimulatorInfo { get }

    /// A fresh simulator, as at the start of an exercise.
    init()

    /// Runs one command whose verb is one of `info.verbs`, returning what to
    /// print. Throws, without changing anything, when the command is wrong.
    mutating func execute(_ command: Command, in context: SimulationContext) throws(SimulatorError) -> String

    /// The simulator's default picture of its state.
    func render(in context: SimulationContext) -> String

    /// Names the learner has introduced (variables, objects, frames…), for Tab.
    func knownNames() -> [String]

    /// Functions of the state for assertions (`color("A")`); default none.
    func callFunction(_ name: String, _ arguments: [Value]) throws(ExpressionError) -> Value?

    /// The state as a Graphviz drawing for `export dot|svg`; by default the
    /// state tree as linked tables (`Diagram.stateTree`).
    func diagram() -> Diagram
}

extension Simulator {
    public func callFunction(_ name: String, _ arguments: [Value]) throws(ExpressionError) -> Value? { nil }
    public var functionNames: [String] { Self.info.functions.map(\.name) }
    public func knownNames() -> [String] { [] }
    public func diagram() -> Diagram {
        Diagram.stateTree(stateTree(), title: Self.info.name + " — " + Self.info.title)
    }

    /// Parses and runs a line: unknown verbs get a "did you mean"; on any
    /// error the state is left untouched.
    public mutating func run(_ line: String, block: [String]? = nil,
                             in context: SimulationContext = .plain) throws(SimulatorError) -> String {
        let command = try Command(line, block: block)
        guard Self.info.verb(command.verb) != nil else {
            throw SimulatorError(L("`{0}` is not a command of the {1} simulator", Sanitizer.line(command.verb), Self.info.name)
                + Suggestion.hint(for: command.verb, among: Self.info.verbs.map(\.name)),
                hint: L("Type `help` to list its commands."))
        }
        var copy = self
        let output = try copy.execute(command, in: context)
        self = copy
        return output
    }
}

/// Helpers every simulator uses to read its arguments the same way.
public enum Arguments {
    /// Fails with the verb's usage unless the count is in range.
    public static func expect(_ command: Command, count: ClosedRange<Int>, usage: String) throws(SimulatorError) {
        guard count.contains(command.words.count) else {
            throw SimulatorError(L("usage: {0}", usage))
        }
    }

    public static func expect(_ command: Command, count: Int, usage: String) throws(SimulatorError) {
        try expect(command, count: count...count, usage: usage)
    }

    /// A name for something the learner creates: a letter or `_`, then
    /// letters, digits and `_` (at most 32 characters).
    public static func name(_ text: String, what: String = "name") throws(SimulatorError) -> String {
        let ok = text.count <= 32 && text.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } == true
            && text.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        guard ok else {
            throw SimulatorError(L("`{0}` is not a valid {1}: use letters, digits and `_`, starting with a letter", Sanitizer.line(text), what))
        }
        return text
    }

    /// A byte count: `64`, `0x40`, `2KiB`, `1MiB` (B, KiB, MiB, GiB, TiB).
    public static func size(_ text: String, what: String = "size") throws(SimulatorError) -> Int {
        guard let n = integer(text), n >= 0 else {
            throw SimulatorError(L("`{0}` is not a {1}: write bytes like 64, 0x40, 2KiB or 1MiB", Sanitizer.line(text), what))
        }
        return n
    }

    /// An integer with optional hex prefix, sign and size unit.
    public static func integer(_ text: String) -> Int? {
        var t = text.replacingOccurrences(of: "_", with: "")
        var sign = 1
        if t.hasPrefix("-") { sign = -1; t.removeFirst() }
        var factor = 1
        for (suffix, f) in SizeUnit.factors where t.hasSuffix(suffix) && t.count > suffix.count {
            let head = t.dropLast(suffix.count)
            if head.last?.isNumber == true { t = String(head); factor = f; break }
        }
        let value: Int?
        if t.lowercased().hasPrefix("0x") { value = Int(t.dropFirst(2), radix: 16) } else if t.allSatisfy(\.isNumber) { value = Int(t) } else { value = nil }
        guard let v = value else { return nil }
        let (p, o) = v.multipliedReportingOverflow(by: factor)
        return o ? nil : sign * p
    }

    /// Human-readable bytes: `512 B`, `2 KiB`, `1.5 MiB`.
    public static func formatSize(_ bytes: Int) -> String {
        let units = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        for (name, f) in units where bytes >= f {
            if bytes % f == 0 { return "\(bytes / f) \(name)" }
            let v = Double(bytes) / Double(f)
            return "\((v * 10).rounded() / 10) \(name)"
        }
        return "\(bytes) B"
    }
}

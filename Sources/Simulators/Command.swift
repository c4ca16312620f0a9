import TextKit

/// A word of a command line with the column it starts at (1-based).
public struct Word: Sendable, Equatable {
    public var text: String
    public var column: Int
    public init(_ text: String, column: Int) {
        self.text = text
        self.column = column
    }
}

/// One line typed for a simulator, split into words. Double quotes group
/// words (`unique h = "hello world"`); `rest` keeps the raw text after the
/// verb for verbs with their own syntax (`mov r0, 5`).
public struct Command: Sendable, Equatable {
    public var line: String
    public var verb: String
    public var words: [Word]
    public var rest: String
    /// The lines of a block verb's body (`code` … `.`).
    public var block: [String]?

    public init(_ line: String, block: [String]? = nil) throws(SimulatorError) {
        self.line = line
        self.block = block
        let words = try Command.split(line)
        guard let first = words.first else { throw SimulatorError(L("empty command")) }
        verb = first.text
        self.words = Array(words.dropFirst())
        let chars = Array(line)
        let afterVerb = first.column - 1 + first.text.count
        rest = afterVerb < chars.count ? String(chars[afterVerb...]).trimmingCharacters(in: .whitespaces) : ""
    }

    /// The arguments' texts.
    public var arguments: [String] { words.map(\.text) }

    public static func split(_ line: String) throws(SimulatorError) -> [Word] {
        var words: [Word] = []
        var current = ""
        var start = 0
        var inQuotes = false
        var quoted = false
        for (i, c) in line.enumerated() {
            if inQuotes {
                if c == "\"" { inQuotes = false } else { current.append(c) }
            } else if c == "\"" {
                if current.isEmpty && !quoted { start = i }
                inQuotes = true
                quoted = true
            } else if c == " " || c == "\t" {
                if !current.isEmpty || quoted { words.append(Word(current, column: start + 1)) }
                current = ""
                quoted = false
            } else {
                if current.isEmpty && !quoted { start = i }
                current.append(c)
            }
        }
        if inQuotes { throw SimulatorError(L(#"a quoted word is not closed: add `"`"#)) }
        if !current.isEmpty || quoted { words.append(Word(current, column: start + 1)) }
        return words
    }
}

/// Why a simulator refused a command. The simulator's state is unchanged.
public struct SimulatorError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String {
        hint.map { "\(message)\n\($0)" } ?? message
    }
}

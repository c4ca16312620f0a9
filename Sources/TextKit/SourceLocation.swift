/// A place in a file: 1-based line and column (columns count characters).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// An error or warning tied to a place, printed as `FILE:LINE:COL: message`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var location: SourceLocation
    public var message: String
    public var hint: String?
    public var severity: Severity

    public init(_ location: SourceLocation, _ message: String, hint: String? = nil, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.hint = hint
        self.severity = severity
    }

    /// One line, with control characters neutralised: file names and
    /// messages may carry what a book wrote (cmark decodes `&#27;` in a
    /// SUMMARY.md link to ESC), and diagnostics go to the terminal as they are.
    public var description: String {
        var text = "\(location): \(severity == .warning ? "warning: " : "")\(message)"
        if let hint, !hint.isEmpty { text += " (\(hint))" }
        return Sanitizer.line(text)
    }
}

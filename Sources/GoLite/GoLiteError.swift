import TextKit

/// Why a GoLite program was refused. The message is worded like the Go
/// toolchain's (`syntax error: unexpected …`, `undefined: x`) so a learner
/// sees what `go build` would say; features outside the subset say
/// `not supported by GoLite: …` instead of pretending to be Go.
public struct GoLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The text is not Go (the scanner or parser stopped).
        case syntax
        /// Valid Go that the subset leaves out (generics, select, …).
        case unsupported
        /// Go that does not type-check (undefined names, mismatched types).
        case type
        /// A limit that keeps the tool safe (nesting depth, file size).
        case limit
    }

    public var pos: Pos
    public var message: String
    public var kind: Kind

    public init(_ pos: Pos, _ message: String, kind: Kind) {
        self.pos = pos
        self.message = message
        self.kind = kind
    }

    public static func syntax(_ pos: Pos, _ message: String) -> GoLiteError {
        GoLiteError(pos, "syntax error: " + message, kind: .syntax)
    }

    /// A Go feature GoLite does not cover, named in a few words ("generics").
    public static func unsupported(_ pos: Pos, _ feature: String) -> GoLiteError {
        GoLiteError(pos, L("not supported by GoLite: {0}", feature), kind: .unsupported)
    }

    public static func type(_ pos: Pos, _ message: String) -> GoLiteError {
        GoLiteError(pos, message, kind: .type)
    }

    /// `LINE:COL: message`
    public var description: String { "\(pos): \(message)" }

    /// The error as the rest of the book prints errors: `FILE:LINE:COL: message`.
    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic(SourceLocation(file: file, line: pos.line, column: pos.column), message)
    }
}

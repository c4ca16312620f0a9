import TextKit

/// A message with `{expression}` holes, filled from the state when shown.
public struct MessageTemplate: Sendable, Equatable {
    public enum Piece: Sendable, Equatable {
        case text(String)
        case expression(Expression, source: String)
    }
    public var pieces: [Piece]

    /// Parses the inside of a message string; `{{` and `}}` stand for braces.
    public static func parse(_ text: String) throws(ExpressionError) -> MessageTemplate {
        var pieces: [Piece] = []
        var literal = ""
        let chars = text.characterArray
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" && i + 1 < chars.count && chars[i + 1] == "{" { literal.append("{"); i += 2; continue }
            if c == "}" && i + 1 < chars.count && chars[i + 1] == "}" { literal.append("}"); i += 2; continue }
            if c == "{" {
                guard let close = chars[i...].firstIndex(of: "}") else {
                    throw ExpressionError(L("`{` in a message is never closed (write `{{` for a brace)"), i..<i + 1)
                }
                let source = String(chars[(i + 1)..<close])
                let expr: Expression
                do { expr = try ExpressionParser.parse(source) } catch {
                    let base = i + 1
                    throw ExpressionError(error.message, (base + error.span.lowerBound)..<(base + error.span.upperBound))
                }
                if !literal.isEmpty { pieces.append(.text(literal)); literal = "" }
                pieces.append(.expression(expr, source: source))
                i = close + 1
                continue
            }
            literal.append(c)
            i += 1
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        return MessageTemplate(pieces: pieces)
    }

    /// The message with every hole evaluated; strings appear without quotes.
    public func render(with evaluator: Evaluator) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let t): return t
            case .expression(let e, let source):
                do throws(ExpressionError) {
                    let v = try evaluator.evaluate(e)
                    if case .string(let s) = v { return s }
                    return v.literal
                } catch {
                    return "{\(source): \(error.message)}"
                }
            }
        }.joined()
    }

    public var expressions: [Expression] {
        pieces.compactMap { if case .expression(let e, _) = $0 { e } else { nil } }
    }
}

/// One line of a `check` block: `EXPR` or `EXPR => "message"`.
public struct Assertion: Sendable, Equatable {
    /// The expression as written.
    public var source: String
    public var expression: Expression
    public var message: MessageTemplate?
    /// 1-based line within the block body.
    public var line: Int
    /// 1-based column of the expression within its line.
    public var column: Int
    /// 1-based column of the message's opening quote, if any.
    public var messageColumn: Int?
}

/// An error in a check block, positioned within the block body.
public struct BlockError: Error, Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var message: String
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}

public enum CheckParser {
    /// Parses every line of a check block; blank lines and `#` comments are skipped.
    public static func parse(_ body: String) -> (assertions: [Assertion], errors: [BlockError]) {
        var assertions: [Assertion] = []
        var errors: [BlockError] = []
        for (n, rawLine) in body.splitLines().enumerated() {
            let line = String(rawLine)
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let chars = line.characterArray
            // Where each character starts, so pieces are cut from the line
            // itself rather than rebuilt character by character.
            let bounds = line.characterStarts + [line.endIndex]
            let lead = chars.prefix { $0 == " " || $0 == "\t" }.count
            let arrow = arrowIndex(chars)
            let exprEnd = arrow ?? chars.count
            let exprText = String(line[bounds[lead]..<bounds[exprEnd]])
            let expr: Expression
            do {
                expr = try ExpressionParser.parse(exprText)
            } catch {
                errors.append(BlockError(line: n + 1, column: lead + error.span.lowerBound + 1, message: error.message))
                continue
            }
            var message: MessageTemplate?
            var messageColumn: Int?
            if let arrow {
                let after = chars[(arrow + 2)...]
                let skip = after.prefix { $0 == " " || $0 == "\t" }.count
                let quote = arrow + 2 + skip
                let rest = line[bounds[min(quote, chars.count)]...].trimmingSpaces()
                guard rest.count >= 2, rest.hasPrefix("\""), rest.hasSuffix("\""),
                      case .string(let text)? = try? singleString(rest) else {
                    errors.append(BlockError(line: n + 1, column: quote + 1,
                                             message: L("after `=>` write the message in double quotes")))
                    continue
                }
                do {
                    message = try MessageTemplate.parse(text)
                    messageColumn = quote + 1
                } catch {
                    errors.append(BlockError(line: n + 1, column: quote + 2 + error.span.lowerBound, message: error.message))
                    continue
                }
            }
            assertions.append(Assertion(source: exprText.trimmingSpaces(), expression: expr,
                                        message: message, line: n + 1, column: lead + 1, messageColumn: messageColumn))
        }
        return (assertions, errors)
    }

    /// The index of `=>` outside string literals.
    static func arrowIndex(_ chars: [Character]) -> Int? {
        var inString = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inString {
                if c == "\\" { i += 2; continue }
                if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "=" && i + 1 < chars.count && chars[i + 1] == ">" {
                return i
            }
            i += 1
        }
        return nil
    }

    static func singleString(_ text: String) throws -> Value? {
        var lexer = ExpressionLexer(text)
        let tokens = try lexer.tokens()
        guard tokens.count == 2, case .string(let s) = tokens[0].kind else { return nil }
        return .string(s)
    }
}

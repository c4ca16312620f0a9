import TextKit

/// A token of the assertion language.
struct ExpressionToken: Equatable {
    enum Kind: Equatable {
        case int(Int)
        case string(String)
        case identifier(String)
        case symbol(String)
        case end
    }
    var kind: Kind
    var span: Span
}

/// An error in an expression, with the columns it concerns.
public struct ExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var span: Span
    public init(_ message: String, _ span: Span) {
        self.message = message
        self.span = span
    }
    public var description: String { message }
}

/// Sizes the assertion language and the quizzes understand after a number.
public enum SizeUnit {
    public static let factors: [(String, Int)] = [
        ("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("B", 1),
    ]

    public static func factor(_ suffix: String) -> Int? {
        factors.first { $0.0 == suffix }?.1
    }
}

struct ExpressionLexer {
    let chars: [Character]
    var pos = 0

    init(_ text: String) { chars = text.characterArray }

    static let symbols = ["==", "!=", "<=", ">=", "&&", "||", "(", ")", "[", "]", ",", ".",
                          "<", ">", "!", "+", "-", "*", "/", "%"]
    /// The symbols as bytes, two-character ones first, for matching by
    /// `asciiValue` instead of comparing Characters (strings) one by one.
    static let symbolBytes: [(text: String, bytes: [UInt8])] = symbols.map { ($0, Array($0.utf8)) }

    mutating func tokens() throws(ExpressionError) -> [ExpressionToken] {
        var out: [ExpressionToken] = []
        while true {
            let t = try next()
            out.append(t)
            if t.kind == .end { return out }
        }
    }

    mutating func next() throws(ExpressionError) -> ExpressionToken {
        while pos < chars.count, chars[pos].asciiValue.map({ $0 == 0x20 || $0 == 0x09 }) ?? chars[pos].isWhitespace { pos += 1 }
        let start = pos
        guard pos < chars.count else { return ExpressionToken(kind: .end, span: pos..<pos) }
        let c = chars[pos]
        if c.isASCII && c.isNumber { return try number() }
        if c == "\"" { return try string() }
        if c == "_" || c.isLetter {
            while pos < chars.count, chars[pos] == "_" || chars[pos].isLetter || chars[pos].isNumber { pos += 1 }
            return ExpressionToken(kind: .identifier(String(chars[start..<pos])), span: start..<pos)
        }
        if let a = c.asciiValue {
            let b = pos + 1 < chars.count ? chars[pos + 1].asciiValue : nil
            for (s, bytes) in Self.symbolBytes where bytes[0] == a && (bytes.count == 1 || bytes[1] == b) {
                pos += bytes.count
                return ExpressionToken(kind: .symbol(s), span: start..<pos)
            }
        }
        if c == "=" {
            throw ExpressionError(L("`=` is not an operator here: compare with `==`."), start..<start + 1)
        }
        throw ExpressionError(L("unexpected character `{0}`", Sanitizer.line(String(c))), start..<start + 1)
    }

    private mutating func number() throws(ExpressionError) -> ExpressionToken {
        let start = pos
        var digits = ""
        var radix = 10
        if chars[pos] == "0", pos + 1 < chars.count, chars[pos + 1] == "x" || chars[pos + 1] == "X" {
            radix = 16
            pos += 2
        }
        while pos < chars.count, chars[pos].isHexDigit || chars[pos] == "_" {
            if radix == 10 && chars[pos] != "_" && !chars[pos].isNumber { break }
            if chars[pos] != "_" { digits.append(chars[pos]) }
            pos += 1
        }
        guard var value = Int(digits, radix: radix) else {
            throw ExpressionError(L("`{0}` is not a number I can read", String(chars[start..<pos])), start..<pos)
        }
        let unitStart = pos
        while pos < chars.count, chars[pos].isLetter { pos += 1 }
        if unitStart < pos {
            let suffix = String(chars[unitStart..<pos])
            guard let factor = SizeUnit.factor(suffix) else {
                throw ExpressionError(L("unknown unit `{0}` (use B, KiB, MiB, GiB or TiB)", suffix), unitStart..<pos)
            }
            let (product, overflow) = value.multipliedReportingOverflow(by: factor)
            if overflow { throw ExpressionError(L("number too large"), start..<pos) }
            value = product
        }
        return ExpressionToken(kind: .int(value), span: start..<pos)
    }

    private mutating func string() throws(ExpressionError) -> ExpressionToken {
        let start = pos
        pos += 1
        var out = ""
        while pos < chars.count {
            let c = chars[pos]
            if c == "\"" {
                pos += 1
                return ExpressionToken(kind: .string(out), span: start..<pos)
            }
            if c == "\\", pos + 1 < chars.count {
                pos += 1
                switch chars[pos] {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "u" where pos + 1 < chars.count && chars[pos + 1] == "{":
                    // `\u{1b}`: how `Value.literal` writes other control characters.
                    guard let close = chars[pos...].firstIndex(of: "}"), close - pos - 2 <= 8,
                          let code = UInt32(String(chars[(pos + 2)..<close]), radix: 16), let scalar = Unicode.Scalar(code) else {
                        throw ExpressionError(L(#"write `\u{…}` with a hexadecimal code point, like `\u{1b}`"#), (pos - 1)..<(pos + 1))
                    }
                    out.unicodeScalars.append(scalar)
                    pos = close
                default: out.append(chars[pos])
                }
            } else {
                out.append(c)
            }
            pos += 1
        }
        throw ExpressionError(L("unterminated string"), start..<pos)
    }
}

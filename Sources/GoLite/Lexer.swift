import TextKit

/// Turns GoLite source into tokens, the way Go's scanner does: positions in
/// bytes, automatic semicolons at the end of lines that could end a
/// statement, and the scanner's own error wording.
public struct Lexer {
    private let src: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    /// Whether a newline here ends a statement (Go's `nlsemi`).
    private var nlsemi = false

    /// Sources larger than this are refused rather than analysed slowly.
    public static let maxSourceBytes = 4 << 20

    public init(_ source: String) {
        var bytes = Array(source.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        src = bytes
    }

    /// All tokens, ending with `.eof`.
    public static func tokenize(_ source: String) throws(GoLiteError) -> [Token] {
        var lexer = Lexer(source)
        guard lexer.src.count <= maxSourceBytes else {
            throw GoLiteError(Pos(line: 1, column: 1),
                              L("the program is too large for GoLite ({0} bytes; at most {1})", lexer.src.count, maxSourceBytes),
                              kind: .limit)
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(lexer.src.count / 3)
        while true {
            let t = try lexer.next()
            tokens.append(t)
            if t.kind == .eof { return tokens }
        }
    }

    private var pos: Pos { Pos(line: line, column: i - lineStart + 1) }
    private func peek(_ k: Int = 0) -> UInt8 { i + k < src.count ? src[i + k] : 0 }
    private var atEnd: Bool { i >= src.count }

    private func text(_ from: Int) -> String { String(decoding: src[from..<i], as: UTF8.self) }

    private func fail(_ p: Pos, _ message: String) -> GoLiteError {
        GoLiteError(p, message, kind: .syntax)
    }

    /// Reads one token.
    public mutating func next() throws(GoLiteError) -> Token {
        while true {
            // Skip blanks; a newline only counts when it may end a statement.
            while !atEnd {
                let c = src[i]
                if c == 0x20 || c == 0x09 || c == 0x0D || (c == 0x0A && !nlsemi) {
                    if c == 0x0A { newline() } else { i += 1 }
                } else { break }
            }
            let start = i
            let p = pos
            if atEnd {
                if nlsemi { nlsemi = false; return Token(.semi, p, text: "EOF") }
                return Token(.eof, p)
            }
            let c = src[i]
            if c == 0x0A {
                newline()
                nlsemi = false
                return Token(.semi, p, text: "newline")
            }
            if isLetter(c) || c >= 0x80 {
                return try identifier(p)
            }
            if isDigit(c) || (c == UInt8(ascii: ".") && isDigit(peek(1))) {
                nlsemi = true
                return try number(p)
            }
            i += 1
            switch c {
            case UInt8(ascii: "\""):
                nlsemi = true
                try interpretedString(p)
                return Token(.literal, p, text: text(start), literalKind: .string)
            case UInt8(ascii: "`"):
                nlsemi = true
                try rawString(p)
                return Token(.literal, p, text: text(start), literalKind: .string)
            case UInt8(ascii: "'"):
                nlsemi = true
                try rune(p)
                return Token(.literal, p, text: text(start), literalKind: .rune)
            case UInt8(ascii: "("): nlsemi = false; return Token(.lparen, p)
            case UInt8(ascii: "["): nlsemi = false; return Token(.lbrack, p)
            case UInt8(ascii: "{"): nlsemi = false; return Token(.lbrace, p)
            case UInt8(ascii: ","): nlsemi = false; return Token(.comma, p)
            case UInt8(ascii: ";"): nlsemi = false; return Token(.semi, p, text: "semicolon")
            case UInt8(ascii: ")"): nlsemi = true; return Token(.rparen, p)
            case UInt8(ascii: "]"): nlsemi = true; return Token(.rbrack, p)
            case UInt8(ascii: "}"): nlsemi = true; return Token(.rbrace, p)
            case UInt8(ascii: ":"):
                nlsemi = false
                if peek() == UInt8(ascii: "=") { i += 1; return Token(.define, p) }
                return Token(.colon, p)
            case UInt8(ascii: "."):
                nlsemi = false
                if peek() == UInt8(ascii: ".") && peek(1) == UInt8(ascii: ".") { i += 2; return Token(.dotDotDot, p) }
                return Token(.dot, p)
            case UInt8(ascii: "+"): return opOrAssign(p, .add, incDec: true)
            case UInt8(ascii: "-"): return opOrAssign(p, .sub, incDec: true)
            case UInt8(ascii: "*"):
                nlsemi = false
                if peek() == UInt8(ascii: "=") { i += 1; return Token(.assignOp, p, op: .mul) }
                return Token(.star, p, op: .mul)
            case UInt8(ascii: "/"):
                if peek() == UInt8(ascii: "/") {
                    // A line comment: the newline after it still ends the statement.
                    while !atEnd && src[i] != 0x0A { i += 1 }
                    continue
                }
                if peek() == UInt8(ascii: "*") {
                    i += 1
                    let startLine = line
                    var closed = false
                    while !atEnd {
                        if src[i] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/") { i += 2; closed = true; break }
                        if src[i] == 0x0A { newline() } else { i += 1 }
                    }
                    if !closed { throw fail(p, "comment not terminated") }
                    if line != startLine && nlsemi {
                        nlsemi = false
                        return Token(.semi, p, text: "newline")
                    }
                    continue
                }
                return opOrAssign(p, .div)
            case UInt8(ascii: "%"): return opOrAssign(p, .rem)
            case UInt8(ascii: "&"):
                if peek() == UInt8(ascii: "&") { i += 1; nlsemi = false; return Token(.op, p, op: .andAnd) }
                if peek() == UInt8(ascii: "^") { i += 1; return opOrAssign(p, .andNot) }
                return opOrAssign(p, .and)
            case UInt8(ascii: "|"):
                if peek() == UInt8(ascii: "|") { i += 1; nlsemi = false; return Token(.op, p, op: .orOr) }
                return opOrAssign(p, .or)
            case UInt8(ascii: "^"): return opOrAssign(p, .xor)
            case UInt8(ascii: "<"):
                if peek() == UInt8(ascii: "-") { i += 1; nlsemi = false; return Token(.arrow, p, op: .recv) }
                if peek() == UInt8(ascii: "<") { i += 1; return opOrAssign(p, .shl) }
                nlsemi = false
                if peek() == UInt8(ascii: "=") { i += 1; return Token(.op, p, op: .leq) }
                return Token(.op, p, op: .lss)
            case UInt8(ascii: ">"):
                if peek() == UInt8(ascii: ">") { i += 1; return opOrAssign(p, .shr) }
                nlsemi = false
                if peek() == UInt8(ascii: "=") { i += 1; return Token(.op, p, op: .geq) }
                return Token(.op, p, op: .gtr)
            case UInt8(ascii: "="):
                nlsemi = false
                if peek() == UInt8(ascii: "=") { i += 1; return Token(.op, p, op: .eql) }
                return Token(.assign, p)
            case UInt8(ascii: "!"):
                nlsemi = false
                if peek() == UInt8(ascii: "=") { i += 1; return Token(.op, p, op: .neq) }
                return Token(.op, p, op: .not)
            case UInt8(ascii: "~"):
                nlsemi = false
                return Token(.op, p, op: .tilde)
            default:
                throw fail(p, "invalid character " + Lexer.describe(scalarAt(start)))
            }
        }
    }

    private mutating func newline() {
        i += 1
        line += 1
        lineStart = i
    }

    private mutating func opOrAssign(_ p: Pos, _ op: Operator, incDec: Bool = false) -> Token {
        nlsemi = false
        if incDec && peek() == UInt8(ascii: op == .add ? "+" : "-") {
            i += 1
            nlsemi = true
            return Token(.incOp, p, op: op)
        }
        if peek() == UInt8(ascii: "=") { i += 1; return Token(.assignOp, p, op: op) }
        return Token(.op, p, op: op)
    }

    // MARK: - Identifiers

    private mutating func identifier(_ p: Pos) throws(GoLiteError) -> Token {
        let start = i
        while !atEnd {
            let c = src[i]
            if isLetter(c) || isDigit(c) { i += 1; continue }
            if c < 0x80 { break }
            let (scalar, width) = decodeScalar(at: i)
            guard let s = scalar else {
                throw fail(pos, "invalid UTF-8 encoding")
            }
            if s.properties.isAlphabetic || s.properties.numericType == .decimal {
                if i == start && s.properties.numericType == .decimal {
                    throw fail(pos, "identifier cannot begin with digit " + Lexer.describe(s))
                }
                i += width
                continue
            }
            if i == start { throw fail(pos, "invalid character " + Lexer.describe(s)) }
            throw fail(pos, "invalid character " + Lexer.describe(s) + " in identifier")
        }
        let word = text(start)
        if let kw = TokenKind.keywords[word] {
            nlsemi = kw == .kwBreak || kw == .kwContinue || kw == .kwFallthrough || kw == .kwReturn
            return Token(kw, p, text: word)
        }
        nlsemi = true
        return Token(.name, p, text: word)
    }

    // MARK: - Numbers

    private mutating func digits(base: Int, invalid: inout Int?) -> Bool {
        var seen = false
        while !atEnd {
            let c = src[i]
            if c == UInt8(ascii: "_") { i += 1; continue }
            let v: Int
            if isDigit(c) { v = Int(c - 48) } else if base == 16, let h = hexValue(c) { v = h } else { break }
            if v >= base && invalid == nil { invalid = i }
            if base <= 10 && v >= 10 { break }
            seen = true
            i += 1
        }
        return seen
    }

    private mutating func number(_ p: Pos) throws(GoLiteError) -> Token {
        let start = i
        var base = 10
        var prefix: UInt8 = 0
        var invalid: Int? = nil
        var kind = LiteralKind.int
        var sawDigits = false
        if src[i] != UInt8(ascii: ".") {
            if src[i] == UInt8(ascii: "0") {
                i += 1
                switch peek() | 0x20 {
                case UInt8(ascii: "x"): i += 1; base = 16; prefix = UInt8(ascii: "x")
                case UInt8(ascii: "o"): i += 1; base = 8; prefix = UInt8(ascii: "o")
                case UInt8(ascii: "b"): i += 1; base = 2; prefix = UInt8(ascii: "b")
                default: base = 8; prefix = UInt8(ascii: "0"); sawDigits = true
                }
            }
            // Legacy octal literals may hold 8 and 9 if they turn out to be floats.
            sawDigits = digits(base: base == 8 && prefix == UInt8(ascii: "0") ? 10 : base, invalid: &invalid) || sawDigits
            if base == 8 && prefix == UInt8(ascii: "0"), invalid == nil {
                for j in (start + 1)..<i where src[j] == UInt8(ascii: "8") || src[j] == UInt8(ascii: "9") { invalid = j; break }
            }
        }
        if !atEnd && src[i] == UInt8(ascii: ".") {
            kind = .float
            if prefix == UInt8(ascii: "o") || prefix == UInt8(ascii: "b") {
                throw fail(pos, "invalid radix point in " + Lexer.baseName(base) + " literal")
            }
            i += 1
            var ignored: Int? = nil
            sawDigits = digits(base: base == 16 ? 16 : 10, invalid: &ignored) || sawDigits
        }
        if !sawDigits && prefix != 0 && prefix != UInt8(ascii: "0") {
            throw fail(pos, Lexer.baseName(base) + " literal has no digits")
        }
        let e = peek() | 0x20
        if e == UInt8(ascii: "e") || e == UInt8(ascii: "p") {
            if e == UInt8(ascii: "e") && prefix != 0 && prefix != UInt8(ascii: "0") {
                throw fail(pos, "'e' exponent requires decimal mantissa")
            }
            if e == UInt8(ascii: "p") && prefix != UInt8(ascii: "x") {
                throw fail(pos, "'p' exponent requires hexadecimal mantissa")
            }
            i += 1
            kind = .float
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { i += 1 }
            var ignored: Int? = nil
            if !digits(base: 10, invalid: &ignored) { throw fail(pos, "exponent has no digits") }
        } else if prefix == UInt8(ascii: "x") && kind == .float {
            throw fail(pos, "hexadecimal mantissa requires a 'p' exponent")
        }
        if peek() == UInt8(ascii: "i") {
            i += 1
            kind = .imaginary
        }
        if kind == .int, let bad = invalid {
            let col = p.column + (bad - start)
            throw fail(Pos(line: p.line, column: col),
                       "invalid digit '" + String(UnicodeScalar(src[bad])) + "' in " + Lexer.baseName(base) + " literal")
        }
        // `_` must separate digits (Go's invalidSep).
        let t = text(start)
        if let bad = Lexer.invalidSeparator(Array(t.utf8)) {
            throw fail(Pos(line: p.line, column: p.column + bad), "'_' must separate successive digits")
        }
        return Token(.literal, p, text: t, literalKind: kind)
    }

    /// The index of the first `_` that does not sit between two digits.
    static func invalidSeparator(_ x: [UInt8]) -> Int? {
        var prefix: UInt8 = 0x20
        var d = UInt8(ascii: ".")
        var i = 0
        if x.count >= 2 && x[0] == UInt8(ascii: "0") {
            prefix = x[1] | 0x20
            if prefix == UInt8(ascii: "x") || prefix == UInt8(ascii: "o") || prefix == UInt8(ascii: "b") {
                d = UInt8(ascii: "0")
                i = 2
            }
        }
        while i < x.count {
            let previous = d
            d = x[i]
            let isHex = (d >= 0x30 && d <= 0x39) || ((d | 0x20) >= 0x61 && (d | 0x20) <= 0x66)
            if d == UInt8(ascii: "_") {
                if previous != UInt8(ascii: "0") { return i }
            } else if (d >= 0x30 && d <= 0x39) || (prefix == UInt8(ascii: "x") && isHex) {
                d = UInt8(ascii: "0")
            } else {
                if previous == UInt8(ascii: "_") { return i - 1 }
                d = UInt8(ascii: ".")
            }
            i += 1
        }
        return d == UInt8(ascii: "_") ? x.count - 1 : nil
    }

    static func baseName(_ base: Int) -> String {
        switch base {
        case 2: "binary"
        case 8: "octal"
        case 16: "hexadecimal"
        default: "decimal"
        }
    }

    // MARK: - Strings and runes

    private mutating func escape(quote: UInt8) throws(GoLiteError) {
        let p = pos
        i += 1 // the backslash
        guard !atEnd else { throw fail(p, "escape sequence not terminated") }
        let c = src[i]
        var n = 0, base = 0, max: UInt32 = 0
        switch c {
        case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"),
             UInt8(ascii: "t"), UInt8(ascii: "v"), UInt8(ascii: "\\"):
            i += 1; return
        case quote: i += 1; return
        case UInt8(ascii: "0")...UInt8(ascii: "7"): n = 3; base = 8; max = 255
        case UInt8(ascii: "x"): i += 1; n = 2; base = 16; max = 255
        case UInt8(ascii: "u"): i += 1; n = 4; base = 16; max = 0x10FFFF
        case UInt8(ascii: "U"): i += 1; n = 8; base = 16; max = 0x10FFFF
        default:
            throw fail(pos, "unknown escape")
        }
        var x: UInt32 = 0
        for _ in 0..<n {
            guard !atEnd else { throw fail(pos, "escape sequence not terminated") }
            let d: Int? = base == 8 ? (src[i] >= 48 && src[i] <= 55 ? Int(src[i] - 48) : nil) : hexValue(src[i])
            guard let d else {
                throw fail(pos, "invalid character " + Lexer.quoteChar(src[i]) + " in " + Lexer.baseName(base) + " escape")
            }
            x = x * UInt32(base) + UInt32(d)
            i += 1
        }
        if x > max && base == 8 { throw fail(pos, "octal escape value \(x) > 255") }
        if x > max || (x >= 0xD800 && x < 0xE000) {
            var hex = String(x, radix: 16, uppercase: true)
            while hex.count < 4 { hex = "0" + hex }
            throw fail(pos, "escape is invalid Unicode code point U+" + hex)
        }
    }

    private mutating func interpretedString(_ p: Pos) throws(GoLiteError) {
        while true {
            guard !atEnd else { throw fail(p, "string not terminated") }
            let c = src[i]
            if c == UInt8(ascii: "\"") { i += 1; return }
            if c == UInt8(ascii: "\\") { try escape(quote: UInt8(ascii: "\"")); continue }
            if c == 0x0A { throw fail(pos, "newline in string") }
            i += 1
        }
    }

    private mutating func rawString(_ p: Pos) throws(GoLiteError) {
        while true {
            guard !atEnd else { throw fail(p, "string not terminated") }
            let c = src[i]
            if c == UInt8(ascii: "`") { i += 1; return }
            if c == 0x0A { newline() } else { i += 1 }
        }
    }

    private mutating func rune(_ p: Pos) throws(GoLiteError) {
        var n = 0
        while true {
            guard !atEnd else { throw fail(p, "rune literal not terminated") }
            let c = src[i]
            if c == UInt8(ascii: "'") {
                if n == 0 { throw fail(pos, "empty rune literal or unescaped '") }
                i += 1
                if n != 1 { throw fail(p, "more than one character in rune literal") }
                return
            }
            if c == UInt8(ascii: "\\") { try escape(quote: UInt8(ascii: "'")); n += 1; continue }
            if c == 0x0A { throw fail(pos, "newline in rune literal") }
            if c >= 0x80 { let (_, w) = decodeScalar(at: i); i += max(w, 1) } else { i += 1 }
            n += 1
        }
    }

    // MARK: - Characters

    private func isLetter(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F
    }
    private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private func isHexDigit(_ c: UInt8) -> Bool { hexValue(c) != nil }
    private func hexValue(_ c: UInt8) -> Int? {
        switch c {
        case 0x30...0x39: Int(c - 0x30)
        case 0x61...0x66: Int(c - 0x61 + 10)
        case 0x41...0x46: Int(c - 0x41 + 10)
        default: nil
        }
    }

    private func decodeScalar(at k: Int) -> (Unicode.Scalar?, Int) {
        var it = src[k..<min(src.count, k + 4)].makeIterator()
        var decoder = UTF8()
        switch decoder.decode(&it) {
        case .scalarValue(let s): return (s, String(s).utf8.count)
        default: return (nil, 1)
        }
    }

    private func scalarAt(_ k: Int) -> Unicode.Scalar {
        decodeScalar(at: k).0 ?? UnicodeScalar(0xFFFD)!
    }

    /// `U+0040 '@'`, the way Go's `%#U` prints a character.
    static func describe(_ s: Unicode.Scalar) -> String {
        var hex = String(s.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        if s.properties.generalCategory == .control || s.value == 0x20 { return "U+" + hex }
        return "U+" + hex + " '" + String(s) + "'"
    }

    static func quoteChar(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? "'" + String(UnicodeScalar(c)) + "'" : "'\\x" + String(c, radix: 16) + "'"
    }
}

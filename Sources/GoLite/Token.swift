/// A place in a GoLite source: 1-based line and column. Columns count
/// bytes, as the Go compiler does (a tab is one column, a UTF-8 letter may
/// be several), so our diagnostics land where `go build` puts them.
public struct Pos: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// A position that no source token has (for nodes the analyser invents).
    public static let none = Pos(line: 0, column: 0)
    public var isKnown: Bool { line > 0 }

    public static func < (a: Pos, b: Pos) -> Bool {
        a.line != b.line ? a.line < b.line : a.column < b.column
    }

    public var description: String { "\(line):\(column)" }
}

/// Operators, named as in Go's own parser so the grammar reads the same.
public enum Operator: String, Sendable, Hashable {
    case def = ":"
    case not = "!"
    case recv = "<-"
    case tilde = "~"
    case orOr = "||"
    case andAnd = "&&"
    case eql = "=="
    case neq = "!="
    case lss = "<"
    case leq = "<="
    case gtr = ">"
    case geq = ">="
    case add = "+"
    case sub = "-"
    case or = "|"
    case xor = "^"
    case mul = "*"
    case div = "/"
    case rem = "%"
    case and = "&"
    case andNot = "&^"
    case shl = "<<"
    case shr = ">>"

    /// Binary precedence (0 for operators that are never binary).
    public var precedence: Int {
        switch self {
        case .orOr: 1
        case .andAnd: 2
        case .eql, .neq, .lss, .leq, .gtr, .geq: 3
        case .add, .sub, .or, .xor: 4
        case .mul, .div, .rem, .and, .andNot, .shl, .shr: 5
        default: 0
        }
    }

    public var isComparison: Bool { precedence == 3 }
}

/// The kind of a literal token.
public enum LiteralKind: Sendable, Hashable {
    case int, float, imaginary, rune, string
}

/// Token kinds, following the Go scanner. Operators that can also be
/// unary or part of a type (`*`, `<-`) have their own kinds because the
/// parser must tell them apart.
public enum TokenKind: Sendable, Hashable {
    case eof
    case name
    case literal
    case op          // a binary or unary operator (see `Token.op`)
    case assignOp    // `+=`, `-=`, … (`Token.op` holds the operator)
    case incOp       // `++` or `--` (`Token.op` is `.add` or `.sub`)
    case assign      // `=`
    case define      // `:=`
    case arrow       // `<-`
    case star        // `*`
    case lparen, lbrack, lbrace, rparen, rbrack, rbrace
    case comma, semi, colon, dot, dotDotDot
    // keywords
    case kwBreak, kwCase, kwChan, kwConst, kwContinue, kwDefault, kwDefer, kwElse
    case kwFallthrough, kwFor, kwFunc, kwGo, kwGoto, kwIf, kwImport, kwInterface
    case kwMap, kwPackage, kwRange, kwReturn, kwSelect, kwStruct, kwSwitch, kwType, kwVar

    static let keywords: [String: TokenKind] = [
        "break": .kwBreak, "case": .kwCase, "chan": .kwChan, "const": .kwConst,
        "continue": .kwContinue, "default": .kwDefault, "defer": .kwDefer, "else": .kwElse,
        "fallthrough": .kwFallthrough, "for": .kwFor, "func": .kwFunc, "go": .kwGo,
        "goto": .kwGoto, "if": .kwIf, "import": .kwImport, "interface": .kwInterface,
        "map": .kwMap, "package": .kwPackage, "range": .kwRange, "return": .kwReturn,
        "select": .kwSelect, "struct": .kwStruct, "switch": .kwSwitch, "type": .kwType, "var": .kwVar,
    ]

    /// How Go 1.19's syntax errors name the token ("comma", "func", ")").
    public var spelling: String {
        switch self {
        case .eof: "EOF"
        case .name: "name"
        case .literal: "literal"
        case .op: "op"
        case .assignOp: "op="
        case .incOp: "opop"
        case .assign: "="
        case .define: ":="
        case .arrow: "<-"
        case .star: "*"
        case .lparen: "("
        case .lbrack: "["
        case .lbrace: "{"
        case .rparen: ")"
        case .rbrack: "]"
        case .rbrace: "}"
        case .comma: "comma"
        case .semi: "semicolon or newline"
        case .colon: ":"
        case .dot: "."
        case .dotDotDot: "..."
        default:
            TokenKind.keywords.first { $0.value == self }?.key ?? "?"
        }
    }
}

/// One token with its place. `text` is the identifier, the literal as
/// written, or for an automatic semicolon "newline"/"EOF" ("semicolon"
/// for a written one) — the words Go's errors use.
public struct Token: Sendable {
    public var kind: TokenKind
    public var pos: Pos
    public var text: String
    public var op: Operator?
    public var literalKind: LiteralKind?

    public init(_ kind: TokenKind, _ pos: Pos, text: String = "", op: Operator? = nil, literalKind: LiteralKind? = nil) {
        self.kind = kind
        self.pos = pos
        self.text = text
        self.op = op
        self.literalKind = literalKind
    }
}

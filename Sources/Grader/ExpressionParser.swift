import TextKit

/// Parses one assertion expression. Precedence, loosest first:
/// `||`, `&&`, comparisons and `in` (not chained), `+ -`, `* / %`,
/// prefix `! -`, then `.name`, `[index]` and calls.
public struct ExpressionParser {
    /// Deeper nesting than this is refused rather than risking the stack.
    public static let maxDepth = 64

    private var tokens: [ExpressionToken] = []
    private var pos = 0
    private var depth = 0

    public init() {}

    public static func parse(_ text: String) throws(ExpressionError) -> Expression {
        var parser = ExpressionParser()
        var lexer = ExpressionLexer(text)
        parser.tokens = try lexer.tokens()
        let e = try parser.expression()
        guard case .end = parser.peek.kind else {
            throw ExpressionError(L("unexpected `{0}` after the expression", parser.describe(parser.peek)), parser.peek.span)
        }
        return e
    }

    private var peek: ExpressionToken { tokens[pos] }

    private mutating func advance() -> ExpressionToken {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    private func isSymbol(_ s: String) -> Bool { peek.kind == .symbol(s) }

    private mutating func expect(_ s: String) throws(ExpressionError) {
        guard isSymbol(s) else {
            throw ExpressionError(L("expected `{0}` but found {1}", s, describe(peek)), peek.span)
        }
        _ = advance()
    }

    private func describe(_ t: ExpressionToken) -> String {
        switch t.kind {
        case .end: L("the end of the line")
        case .int(let n): "`\(n)`"
        case .string(let s): "`\(Value.quote(s))`"
        case .identifier(let s): "`\(s)`"
        case .symbol(let s): "`\(s)`"
        }
    }

    private mutating func nested<T>(_ body: (inout ExpressionParser) throws(ExpressionError) -> T) throws(ExpressionError) -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth {
            throw ExpressionError(L("expression nested too deeply (more than {0} levels)", Self.maxDepth), peek.span)
        }
        return try body(&self)
    }

    mutating func expression() throws(ExpressionError) -> Expression {
        try nested { (p: inout ExpressionParser) throws(ExpressionError) in try p.or() }
    }

    private mutating func or() throws(ExpressionError) -> Expression {
        var left = try and()
        while isSymbol("||") {
            _ = advance()
            let right = try and()
            left = .binary(.or, left, right, left.span.lowerBound..<right.span.upperBound)
        }
        return left
    }

    private mutating func and() throws(ExpressionError) -> Expression {
        var left = try comparison()
        while isSymbol("&&") {
            _ = advance()
            let right = try comparison()
            left = .binary(.and, left, right, left.span.lowerBound..<right.span.upperBound)
        }
        return left
    }

    private func comparisonOperator() -> BinaryOperator? {
        switch peek.kind {
        case .symbol(let s): BinaryOperator(rawValue: s).flatMap { $0.isComparison ? $0 : nil }
        case .identifier("in"): .in
        default: nil
        }
    }

    private mutating func comparison() throws(ExpressionError) -> Expression {
        let left = try additive()
        guard let op = comparisonOperator() else { return left }
        _ = advance()
        let right = try additive()
        if let again = comparisonOperator() {
            throw ExpressionError(L("comparisons do not chain: use `&&` between `{0}` comparisons", again.rawValue), peek.span)
        }
        return .binary(op, left, right, left.span.lowerBound..<right.span.upperBound)
    }

    private mutating func additive() throws(ExpressionError) -> Expression {
        var left = try multiplicative()
        while case .symbol(let s) = peek.kind, s == "+" || s == "-" {
            _ = advance()
            let right = try multiplicative()
            left = .binary(BinaryOperator(rawValue: s)!, left, right, left.span.lowerBound..<right.span.upperBound)
        }
        return left
    }

    private mutating func multiplicative() throws(ExpressionError) -> Expression {
        var left = try unary()
        while case .symbol(let s) = peek.kind, s == "*" || s == "/" || s == "%" {
            _ = advance()
            let right = try unary()
            left = .binary(BinaryOperator(rawValue: s)!, left, right, left.span.lowerBound..<right.span.upperBound)
        }
        return left
    }

    private mutating func unary() throws(ExpressionError) -> Expression {
        if case .symbol(let s) = peek.kind, s == "!" || s == "-" {
            let start = advance().span.lowerBound
            let operand = try nested { (p: inout ExpressionParser) throws(ExpressionError) in try p.unary() }
            return .unary(s == "!" ? .not : .negate, operand, start..<operand.span.upperBound)
        }
        return try postfix()
    }

    private mutating func postfix() throws(ExpressionError) -> Expression {
        var e = try primary()
        while true {
            if isSymbol(".") {
                _ = advance()
                guard case .identifier(let key) = peek.kind else {
                    throw ExpressionError(L("expected a name after `.` but found {0}", describe(peek)), peek.span)
                }
                let end = advance().span.upperBound
                e = .member(e, key, e.span.lowerBound..<end)
            } else if isSymbol("[") {
                _ = advance()
                let idx = try expression()
                let end = peek.span.upperBound
                try expect("]")
                e = .index(e, idx, e.span.lowerBound..<end)
            } else {
                return e
            }
        }
    }

    private mutating func primary() throws(ExpressionError) -> Expression {
        let t = peek
        switch t.kind {
        case .int(let n):
            _ = advance()
            return .literal(.int(n), t.span)
        case .string(let s):
            _ = advance()
            return .literal(.string(s), t.span)
        case .identifier(let name):
            _ = advance()
            switch name {
            case "true": return .literal(.bool(true), t.span)
            case "false": return .literal(.bool(false), t.span)
            case "nil": return .literal(.null, t.span)
            default: break
            }
            if isSymbol("(") {
                _ = advance()
                var args: [Expression] = []
                if !isSymbol(")") {
                    args.append(try expression())
                    while isSymbol(",") {
                        _ = advance()
                        args.append(try expression())
                    }
                }
                let end = peek.span.upperBound
                try expect(")")
                return .call(name, args, t.span.lowerBound..<end)
            }
            return .name(name, t.span)
        case .symbol("("):
            _ = advance()
            let e = try expression()
            try expect(")")
            return e
        case .symbol("["):
            _ = advance()
            var items: [Expression] = []
            if !isSymbol("]") {
                items.append(try expression())
                while isSymbol(",") {
                    _ = advance()
                    if isSymbol("]") { break }
                    items.append(try expression())
                }
            }
            let end = peek.span.upperBound
            try expect("]")
            return .list(items, t.span.lowerBound..<end)
        case .end:
            throw ExpressionError(L("expected an expression but the line ended"), t.span)
        default:
            throw ExpressionError(L("expected a value but found {0}", describe(t)), t.span)
        }
    }
}

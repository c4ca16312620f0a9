/// A column range in the text an expression was parsed from (0-based, in characters).
public typealias Span = Range<Int>

public enum UnaryOperator: String, Sendable { case not = "!", negate = "-" }

public enum BinaryOperator: String, Sendable, CaseIterable {
    case or = "||", and = "&&"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case `in` = "in"
    case plus = "+", minus = "-", times = "*", divide = "/", remainder = "%"

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .in: true
        default: false
        }
    }
}

/// The syntax tree of an assertion expression. Every node keeps its span so
/// errors point at the exact part of the line.
public indirect enum Expression: Sendable, Equatable {
    case literal(Value, Span)
    case list([Expression], Span)
    /// The first name of a state path, e.g. `heap` in `heap.blocks`.
    case name(String, Span)
    case member(Expression, String, Span)
    case index(Expression, Expression, Span)
    /// `len(x)` and the simulator's functions such as `color("A")`.
    case call(String, [Expression], Span)
    case unary(UnaryOperator, Expression, Span)
    case binary(BinaryOperator, Expression, Expression, Span)

    public var span: Span {
        switch self {
        case .literal(_, let s), .list(_, let s), .name(_, let s), .member(_, _, let s),
             .index(_, _, let s), .call(_, _, let s), .unary(_, _, let s), .binary(_, _, _, let s):
            s
        }
    }
}

/// A state path as written, with indexes abstracted: `mem[0x10]` is
/// `mem[]`, `vars.age` is `vars.age`. Lint compares these with what a
/// simulator documents.
public struct PathReference: Hashable, Sendable {
    public var segments: [String]
    public var span: Span
    public var text: String { segments.joined(separator: ".").replacingOccurrences(of: ".[]", with: "[]") }
}

/// A function call as written, for lint.
public struct CallReference: Hashable, Sendable {
    public var name: String
    public var arity: Int
    public var span: Span
}

extension Expression {
    /// Every state path the expression reads.
    public var paths: [PathReference] {
        var refs = References()
        refs.visit(self)
        return refs.paths
    }

    /// Every function the expression calls (built-ins included).
    public var calls: [CallReference] {
        var refs = References()
        refs.visit(self)
        return refs.calls
    }

    /// The path this node denotes, if it is one (a name followed by members and indexes).
    var pathSegments: [String]? {
        switch self {
        case .name(let n, _): [n]
        case .member(let base, let key, _): base.pathSegments.map { $0 + [key] }
        case .index(let base, _, _): base.pathSegments.map { $0 + ["[]"] }
        default: nil
        }
    }
}

/// Walks an expression once, gathering the paths and calls in it.
private struct References {
    var paths: [PathReference] = []
    var calls: [CallReference] = []

    mutating func visit(_ e: Expression) {
        if let segments = e.pathSegments {
            paths.append(PathReference(segments: segments, span: e.span))
            visitIndexes(of: e)
            return
        }
        switch e {
        case .literal, .name: break
        case .list(let items, _): items.forEach { visit($0) }
        case .member(let base, _, _): visit(base)
        case .index(let base, let idx, _): visit(base); visit(idx)
        case .call(let name, let args, let s):
            calls.append(CallReference(name: name, arity: args.count, span: s))
            args.forEach { visit($0) }
        case .unary(_, let x, _): visit(x)
        case .binary(_, let l, let r, _): visit(l); visit(r)
        }
    }

    /// Index expressions inside a path (`mem[base + 1]`) may read paths too.
    private mutating func visitIndexes(of e: Expression) {
        switch e {
        case .member(let base, _, _): visitIndexes(of: base)
        case .index(let base, let idx, _): visit(idx); visitIndexes(of: base)
        default: break
        }
    }
}

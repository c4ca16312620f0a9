import TextKit

/// What an expression reads: a simulator's state tree and its functions.
public protocol StateProvider {
    /// The whole state as one record; paths such as `heap.blocks` walk it.
    func stateTree() -> Value
    /// Evaluates a simulator function such as `color("A")`, or returns nil
    /// when the simulator has no function of that name.
    func callFunction(_ name: String, _ arguments: [Value]) throws(ExpressionError) -> Value?
    /// Names of the simulator's functions, for "did you mean".
    var functionNames: [String] { get }
}

/// A state with nothing in it (lessons without a simulator).
public struct EmptyState: StateProvider {
    public init() {}
    public func stateTree() -> Value { .record(Record()) }
    public func callFunction(_ name: String, _ arguments: [Value]) throws(ExpressionError) -> Value? { nil }
    public var functionNames: [String] { [] }
}

/// Evaluates expressions against one snapshot of a state.
public struct Evaluator {
    public static let builtins = ["len", "sorted", "sum", "min", "max", "abs"]

    let provider: any StateProvider
    let tree: Value

    public init(_ provider: any StateProvider) {
        self.provider = provider
        self.tree = provider.stateTree()
    }

    public func evaluate(_ e: Expression) throws(ExpressionError) -> Value {
        switch e {
        case .literal(let v, _):
            return v
        case .list(let items, _):
            var out: [Value] = []
            for item in items { out.append(try evaluate(item)) }
            return .list(out)
        case .name(let name, let span):
            guard case .record(let root) = tree, let v = root[name] else {
                let known = tree.recordValue?.keys ?? []
                throw ExpressionError(L("unknown state path `{0}`", name) + Suggestion.hint(for: name, among: known), span)
            }
            return v
        case .member(let base, let key, let span):
            let b = try evaluate(base)
            guard case .record(let r) = b else {
                throw ExpressionError(L("`{0}` is a {1}, it has no `.{2}`", Self.text(base), b.typeName, key), span)
            }
            guard let v = r[key] else {
                throw ExpressionError(L("`{0}` has no `{1}`", Self.text(base), key) + Suggestion.hint(for: key, among: r.keys), span)
            }
            return v
        case .index(let base, let idx, let span):
            let b = try evaluate(base)
            let i = try evaluate(idx)
            switch (b, i) {
            case (.list(let items), .int(let n)):
                guard n >= 0 && n < items.count else {
                    throw ExpressionError(L("index {0} is out of range: `{1}` has {2} item(s)", n, Self.text(base), items.count), span)
                }
                return items[n]
            case (.string(let s), .int(let n)):
                let chars = Array(s)
                guard n >= 0 && n < chars.count else {
                    throw ExpressionError(L("index {0} is out of range: `{1}` has {2} item(s)", n, Self.text(base), chars.count), span)
                }
                return .string(String(chars[n]))
            case (.record(let r), .string(let k)):
                guard let v = r[k] else {
                    throw ExpressionError(L("`{0}` has no `{1}`", Self.text(base), k) + Suggestion.hint(for: k, among: r.keys), span)
                }
                return v
            case (.record(let r), .int(let n)):
                guard let v = r[String(n)] else {
                    throw ExpressionError(L("`{0}` has no `{1}`", Self.text(base), n), span)
                }
                return v
            default:
                throw ExpressionError(L("cannot index a {0} with a {1}", b.typeName, i.typeName), span)
            }
        case .call(let name, let args, let span):
            var values: [Value] = []
            for a in args { values.append(try evaluate(a)) }
            if Self.builtins.contains(name) { return try Self.builtin(name, values, span) }
            if let v = try provider.callFunction(name, values) { return v }
            throw ExpressionError(L("unknown function `{0}`", name)
                + Suggestion.hint(for: name, among: Self.builtins + provider.functionNames), span)
        case .unary(let op, let operand, let span):
            let v = try evaluate(operand)
            switch (op, v) {
            case (.not, .bool(let b)): return .bool(!b)
            case (.negate, .int(let n)): return .int(-n)
            default:
                throw ExpressionError(L("`{0}` does not apply to a {1}", op.rawValue, v.typeName), span)
            }
        case .binary(let op, let l, let r, let span):
            return try binary(op, l, r, span)
        }
    }

    private func binary(_ op: BinaryOperator, _ l: Expression, _ r: Expression, _ span: Span) throws(ExpressionError) -> Value {
        if op == .and || op == .or {
            let a = try evaluate(l)
            guard case .bool(let x) = a else {
                throw ExpressionError(L("`{0}` needs true or false on both sides, not a {1}", op.rawValue, a.typeName), l.span)
            }
            if op == .and && !x { return .bool(false) }
            if op == .or && x { return .bool(true) }
            let b = try evaluate(r)
            guard case .bool(let y) = b else {
                throw ExpressionError(L("`{0}` needs true or false on both sides, not a {1}", op.rawValue, b.typeName), r.span)
            }
            return .bool(y)
        }
        let a = try evaluate(l)
        let b = try evaluate(r)
        switch op {
        case .equal: return .bool(a == b)
        case .notEqual: return .bool(a != b)
        case .less, .lessEqual, .greater, .greaterEqual:
            let order: Int
            switch (a, b) {
            case (.int(let x), .int(let y)): order = x < y ? -1 : (x == y ? 0 : 1)
            case (.string(let x), .string(let y)): order = x < y ? -1 : (x == y ? 0 : 1)
            default:
                throw ExpressionError(L("cannot compare a {0} with a {1}", a.typeName, b.typeName), span)
            }
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case .in:
            switch b {
            case .list(let items): return .bool(items.contains(a))
            case .string(let s):
                guard case .string(let x) = a else { break }
                return .bool(s.contains(x))
            case .record(let rec):
                guard case .string(let k) = a else { break }
                return .bool(rec[k] != nil)
            default: break
            }
            throw ExpressionError(L("`in` needs a list, a string or a record on its right, not a {0}", b.typeName), span)
        case .plus:
            switch (a, b) {
            case (.int(let x), .int(let y)):
                let (s, o) = x.addingReportingOverflow(y)
                if o { throw ExpressionError(L("number too large"), span) }
                return .int(s)
            case (.string(let x), .string(let y)): return .string(x + y)
            case (.list(let x), .list(let y)): return .list(x + y)
            default: break
            }
            throw ExpressionError(L("cannot add a {0} and a {1}", a.typeName, b.typeName), span)
        case .minus, .times, .divide, .remainder:
            guard case .int(let x) = a, case .int(let y) = b else {
                throw ExpressionError(L("`{0}` needs numbers, not a {1} and a {2}", op.rawValue, a.typeName, b.typeName), span)
            }
            switch op {
            case .minus:
                let (v, o) = x.subtractingReportingOverflow(y)
                if o { throw ExpressionError(L("number too large"), span) }
                return .int(v)
            case .times:
                let (v, o) = x.multipliedReportingOverflow(by: y)
                if o { throw ExpressionError(L("number too large"), span) }
                return .int(v)
            default:
                if y == 0 { throw ExpressionError(L("division by zero"), span) }
                if x == Int.min && y == -1 { throw ExpressionError(L("number too large"), span) }
                return .int(op == .divide ? x / y : x % y)
            }
        case .and, .or:
            preconditionFailure("handled above")
        }
    }

    static func builtin(_ name: String, _ args: [Value], _ span: Span) throws(ExpressionError) -> Value {
        guard args.count == 1 else {
            throw ExpressionError(L("`{0}` takes one argument, not {1}", name, args.count), span)
        }
        let v = args[0]
        switch (name, v) {
        case ("len", .list(let l)): return .int(l.count)
        case ("len", .string(let s)): return .int(s.count)
        case ("len", .record(let r)): return .int(r.count)
        case ("sorted", .list(let l)):
            if l.allSatisfy({ $0.intValue != nil }) { return .list(l.sorted { $0.intValue! < $1.intValue! }) }
            if l.allSatisfy({ $0.stringValue != nil }) { return .list(l.sorted { $0.stringValue! < $1.stringValue! }) }
            throw ExpressionError(L("`sorted` needs a list of numbers or of strings"), span)
        case ("sum", .list(let l)), ("min", .list(let l)), ("max", .list(let l)):
            let ints = l.compactMap(\.intValue)
            guard ints.count == l.count else {
                throw ExpressionError(L("`{0}` needs a list of numbers", name), span)
            }
            if name == "sum" { return .int(ints.reduce(0, &+)) }
            guard !ints.isEmpty else { return .null }
            return .int(name == "min" ? ints.min()! : ints.max()!)
        case ("abs", .int(let n)): return .int(n == Int.min ? Int.max : abs(n))
        default:
            throw ExpressionError(L("`{0}` does not take a {1}", name, v.typeName), span)
        }
    }

    /// Short source-like text of an expression for messages.
    static func text(_ e: Expression) -> String {
        switch e {
        case .literal(let v, _): v.literal
        case .list(let items, _): "[" + items.map(text).joined(separator: ", ") + "]"
        case .name(let n, _): n
        case .member(let b, let k, _): text(b) + "." + k
        case .index(let b, let i, _): text(b) + "[" + text(i) + "]"
        case .call(let n, let args, _): n + "(" + args.map(text).joined(separator: ", ") + ")"
        case .unary(let op, let x, _): op.rawValue + text(x)
        case .binary(let op, let l, let r, _): text(l) + " " + op.rawValue + " " + text(r)
        }
    }
}

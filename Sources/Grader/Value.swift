/// A value of the assertion language: what a simulator's state is made of
/// and what an expression evaluates to.
public enum Value: Hashable, Sendable {
    case int(Int)
    case string(String)
    case bool(Bool)
    case null
    case list([Value])
    case record(Record)

    /// The value written the way the assertion language reads it back:
    /// `3`, `"B"`, `["B", "C"]`, `true`, `nil`, `{used: 16, free: 240}`.
    public var literal: String {
        switch self {
        // -9223372036854775808 cannot be read back: its digits alone overflow.
        case .int(let n): n == Int.min ? "(-9223372036854775807 - 1)" : String(n)
        case .string(let s): Value.quote(s)
        case .bool(let b): b ? "true" : "false"
        case .null: "nil"
        case .list(let items): "[" + items.map(\.literal).joined(separator: ", ") + "]"
        case .record(let r):
            "{" + r.keys.map { "\(Value.quoteKey($0)): \(r[$0]!.literal)" }.joined(separator: ", ") + "}"
        }
    }

    /// The name of the value's type, as documentation and error messages spell it.
    public var typeName: String {
        switch self {
        case .int: "int"
        case .string: "string"
        case .bool: "bool"
        case .null: "nil"
        case .list: "list"
        case .record: "record"
        }
    }

    public var intValue: Int? { if case .int(let n) = self { n } else { nil } }
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var listValue: [Value]? { if case .list(let l) = self { l } else { nil } }
    public var recordValue: Record? { if case .record(let r) = self { r } else { nil } }

    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    out += "\\u{" + String(c.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }

    static func quoteKey(_ key: String) -> String {
        let isIdent = key.first.map { $0 == "_" || $0.isLetter } == true
            && key.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
        return isIdent ? key : quote(key)
    }
}

extension Value: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) { self = .record(Record(elements)) }
    public init(nilLiteral: ()) { self = .null }
}

extension Value {
    /// A list of strings, the most common state shape (names).
    public static func strings(_ items: some Sequence<String>) -> Value { .list(items.map { .string($0) }) }
    public static func ints(_ items: some Sequence<Int>) -> Value { .list(items.map { .int($0) }) }
    public static func optional(_ s: String?) -> Value { s.map { .string($0) } ?? .null }
}

/// A record keeps the order its keys were added in, so a printed state tree
/// reads in the order the simulator documents it.
public struct Record: Hashable, Sendable {
    public private(set) var keys: [String] = []
    private var storage: [String: Value] = [:]

    public init() {}

    public init(_ pairs: [(String, Value)]) {
        for (k, v) in pairs { self[k] = v }
    }

    public subscript(key: String) -> Value? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public var count: Int { keys.count }
    public var pairs: [(String, Value)] { keys.map { ($0, storage[$0]!) } }

    public static func == (a: Record, b: Record) -> Bool { a.storage == b.storage }
    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}

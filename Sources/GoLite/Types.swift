/// Go types as the GoLite checker sees them, with the sizes and shapes the
/// escape analysis needs (amd64: 8-byte pointers and ints).

public enum BasicKind: String, Sendable, Hashable {
    case bool, int, int8, int16, int32, int64
    case uint, uint8, uint16, uint32, uint64, uintptr
    case float32, float64, string
    /// `byte` and `rune` are the same types as `uint8` and `int32` but the
    /// compiler prints them as written, so they are kept apart here and
    /// compared as equal.
    case byte, rune
    /// Untyped constants keep these until their context gives them a type.
    case untypedBool = "untyped bool", untypedInt = "untyped int", untypedRune = "untyped rune"
    case untypedFloat = "untyped float", untypedString = "untyped string", untypedNil = "untyped nil"
    case invalid = "invalid type"

    /// `uint8` for `byte`, `int32` for `rune`, itself otherwise.
    public var normalized: BasicKind {
        switch self {
        case .byte: .uint8
        case .rune: .int32
        default: self
        }
    }

    public static func == (a: BasicKind, b: BasicKind) -> Bool { a.normalized.rawValue == b.normalized.rawValue }
    public func hash(into h: inout Hasher) { h.combine(normalized.rawValue) }

    public var isUntyped: Bool {
        switch self {
        case .untypedBool, .untypedInt, .untypedRune, .untypedFloat, .untypedString, .untypedNil: true
        default: false
        }
    }
    public var isInteger: Bool {
        switch self {
        case .int, .int8, .int16, .int32, .int64, .uint, .uint8, .uint16, .uint32, .uint64, .uintptr, .byte, .rune,
             .untypedInt, .untypedRune: true
        default: false
        }
    }
    public var isUnsigned: Bool {
        switch self {
        case .uint, .uint8, .uint16, .uint32, .uint64, .uintptr, .byte: true
        default: false
        }
    }
    public var isFloat: Bool { self == .float32 || self == .float64 || self == .untypedFloat }
    public var isNumeric: Bool { isInteger || isFloat }
    public var isString: Bool { self == .string || self == .untypedString }
    public var isBoolean: Bool { self == .bool || self == .untypedBool }

    /// The type an untyped constant takes when nothing else decides.
    public var defaultType: BasicKind {
        switch self {
        case .untypedBool: .bool
        case .untypedInt: .int
        case .untypedRune: .rune
        case .untypedFloat: .float64
        case .untypedString: .string
        default: self
        }
    }

    /// Size in bytes on amd64.
    public var size: Int {
        switch self {
        case .bool, .int8, .uint8, .byte: 1
        case .int16, .uint16: 2
        case .int32, .uint32, .float32, .rune: 4
        case .string: 16
        default: 8
        }
    }
}

/// A struct field: embedded fields are named after their type.
public struct StructField: Sendable, Hashable {
    public var name: String
    public var type: GoType
    public var embedded: Bool

    public init(name: String, type: GoType, embedded: Bool = false) {
        self.name = name
        self.type = type
        self.embedded = embedded
    }
}

/// A function type. Parameter names are not part of a type's identity but
/// are kept for messages (`leaking param: p to result ~r0`).
public struct FuncSignature: Sendable, Hashable {
    public var params: [GoType]
    public var results: [GoType]
    /// The last parameter is `...T` (its type is `[]T`).
    public var variadic: Bool

    public init(params: [GoType], results: [GoType], variadic: Bool = false) {
        self.params = params
        self.results = results
        self.variadic = variadic
    }
}

public struct InterfaceMethod: Sendable, Hashable {
    public var name: String
    public var signature: FuncSignature
}

/// A method declared on a named type.
public struct MethodInfo: Sendable {
    public var name: String
    public var signature: FuncSignature
    public var pointerReceiver: Bool
    /// The declaring function in this file, or nil for imported methods.
    public var function: Int?
    /// For imported methods: how each parameter (receiver first) leaks.
    public var external: ExternalFunc?
}

/// A named type (`type point struct{…}`, `error`, `testing.B`). It is a
/// reference so recursive types (`next *node`) can point back at it; it is
/// filled in while checking and never changed afterwards.
public final class NamedType: @unchecked Sendable, Hashable {
    public let name: String
    /// The package for imported types ("testing"); nil for this file's and predeclared types.
    public let package: String?
    public let pos: Pos
    public internal(set) var underlying: GoType = .basic(.invalid)
    public internal(set) var methods: [MethodInfo] = []

    init(name: String, package: String?, pos: Pos) {
        self.name = name
        self.package = package
        self.pos = pos
    }

    public static func == (a: NamedType, b: NamedType) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }

    public func method(_ name: String) -> MethodInfo? { methods.first { $0.name == name } }
}

public indirect enum GoType: Sendable, Hashable {
    case basic(BasicKind)
    case pointer(GoType)
    case slice(GoType)
    case array(Int, GoType)
    case map(GoType, GoType)
    case chan(ChanDir, GoType)
    case structure([StructField])
    case function(FuncSignature)
    /// Methods sorted by name; no methods is `interface{}` (`any`).
    case interface([InterfaceMethod])
    case named(NamedType)
    /// The results of a call returning several values.
    case tuple([GoType])
    /// `any`: the same type as `interface{}`, but printed as written.
    case any

    public static let int = GoType.basic(.int)
    public static let bool = GoType.basic(.bool)
    public static let string = GoType.basic(.string)
    public static let invalid = GoType.basic(.invalid)
    public static let byte = GoType.basic(.byte)
    public static let rune = GoType.basic(.rune)
    public static let emptyInterface = GoType.interface([])

    /// The type with names resolved to what they stand for.
    public var underlying: GoType {
        switch self {
        case .named(let n): return n.underlying.underlying
        case .any: return .interface([])
        default: return self
        }
    }

    public var basicKind: BasicKind? {
        if case .basic(let k) = underlying { return k }
        return nil
    }

    public var isInvalid: Bool { if case .basic(.invalid) = self { return true }; return false }
    public var isUntyped: Bool { if case .basic(let k) = self { return k.isUntyped }; return false }
    public var isInterface: Bool { if case .interface = underlying { return true }; return false }
    public var isPointer: Bool { if case .pointer = underlying { return true }; return false }
    public var isSlice: Bool { if case .slice = underlying { return true }; return false }
    public var isArray: Bool { if case .array = underlying { return true }; return false }
    public var isMap: Bool { if case .map = underlying { return true }; return false }
    public var isChan: Bool { if case .chan = underlying { return true }; return false }
    public var isString: Bool { basicKind?.isString == true }
    public var isFunction: Bool { if case .function = underlying { return true }; return false }
    public var isStruct: Bool { if case .structure = underlying { return true }; return false }
    public var isNamed: Bool { if case .named = self { return true }; return false }

    /// The element type of pointers, slices, arrays, maps (values) and channels.
    public var elem: GoType? {
        switch underlying {
        case .pointer(let e), .slice(let e), .array(_, let e), .map(_, let e), .chan(_, let e): e
        default: nil
        }
    }

    public var signature: FuncSignature? {
        if case .function(let s) = underlying { return s }
        return nil
    }

    public var structFields: [StructField]? {
        if case .structure(let f) = underlying { return f }
        return nil
    }

    public var interfaceMethods: [InterfaceMethod]? {
        if case .interface(let m) = underlying { return m }
        return nil
    }

    /// Whether values of this type hold pointers the collector must scan;
    /// escape analysis ignores flows of values that hold none.
    public var hasPointers: Bool {
        switch underlying {
        case .basic(let k): return k == .string || k == .untypedString || k == .untypedNil
        case .pointer, .slice, .map, .chan, .function, .interface: return true
        case .array(let n, let e): return n > 0 && e.hasPointers
        case .structure(let fields): return fields.contains { $0.type.hasPointers }
        case .tuple(let ts): return ts.contains { $0.hasPointers }
        case .named, .any: return false
        }
    }

    /// Size in bytes on amd64.
    public var size: Int {
        switch underlying {
        case .basic(let k): return k.size
        case .pointer, .map, .chan, .function: return 8
        case .slice: return 24
        case .interface: return 16
        case .array(let n, let e): return n.multipliedReportingOverflow(by: e.size).overflow ? Int.max / 2 : n * e.size
        case .structure(let fields):
            var offset = 0
            for f in fields {
                let a = f.type.alignment
                offset = (offset + a - 1) / a * a + f.type.size
            }
            // A trailing zero-size field gets a byte so its address stays inside the struct.
            if let last = fields.last, last.type.size == 0, offset > 0 { offset += 1 }
            let a = alignment
            return (offset + a - 1) / a * a
        case .tuple(let ts): return ts.reduce(0) { $0 + $1.size }
        case .named, .any: return 0
        }
    }

    public var alignment: Int {
        switch underlying {
        case .basic(let k): return k == .string ? 8 : min(k.size, 8)
        case .array(_, let e): return e.alignment
        case .structure(let fields): return fields.map(\.type.alignment).max() ?? 1
        default: return 8
        }
    }

    /// Whether an interface holds the value itself rather than a pointer to
    /// a copy: pointers, maps, channels, functions, and structs or arrays
    /// wrapping exactly one of those. Converting such a value allocates nothing.
    public var isDirectInterface: Bool {
        switch underlying {
        case .pointer, .chan, .map, .function: return true
        case .array(let n, let e): return n == 1 && e.isDirectInterface
        case .structure(let fields): return fields.count == 1 && fields[0].type.isDirectInterface
        default: return false
        }
    }

    /// The type spelled as the Go compiler spells it in `-m` messages:
    /// `[]byte`, `map[string]int`, `interface {}`, `*item`, `func(int) string`.
    public var description: String { TypeFormatter(style: .compiler).format(self) }

    /// The type spelled as the Go type checker spells it in errors (`interface{}`).
    public var checkerDescription: String { TypeFormatter(style: .checker).format(self) }
}

/// Writes types the two ways Go does: the compiler (`interface {}`, as in
/// escape messages) and the type checker (`interface{}`, as in errors).
struct TypeFormatter {
    enum Style { case compiler, checker }
    var style: Style

    func format(_ t: GoType) -> String {
        switch t {
        case .basic(let k):
            return k.rawValue
        case .pointer(let e): return "*" + format(e)
        case .slice(let e): return "[]" + format(e)
        case .array(let n, let e): return "[\(n)]" + format(e)
        case .map(let k, let v): return "map[" + format(k) + "]" + format(v)
        case .chan(let dir, let e):
            switch dir {
            case .both:
                if case .chan(.recv, _) = e { return "chan (" + format(e) + ")" }
                return "chan " + format(e)
            case .send: return "chan<- " + format(e)
            case .recv: return "<-chan " + format(e)
            }
        case .structure(let fields):
            if fields.isEmpty { return style == .compiler ? "struct {}" : "struct{}" }
            let inner = fields.map { $0.embedded ? format($0.type) : $0.name + " " + format($0.type) }.joined(separator: "; ")
            return style == .compiler ? "struct { " + inner + " }" : "struct{" + inner + "}"
        case .function(let s): return "func" + signature(s)
        case .interface(let methods):
            if methods.isEmpty { return style == .compiler ? "interface {}" : "interface{}" }
            let inner = methods.map { $0.name + signature($0.signature) }.joined(separator: "; ")
            return style == .compiler ? "interface { " + inner + " }" : "interface{" + inner + "}"
        case .named(let n):
            return n.package.map { $0 + "." + n.name } ?? n.name
        case .tuple(let ts): return "(" + ts.map(format).joined(separator: ", ") + ")"
        case .any: return "any"
        }
    }

    func signature(_ s: FuncSignature) -> String {
        var params: [String] = []
        for (i, p) in s.params.enumerated() {
            if s.variadic && i == s.params.count - 1, let e = p.elem {
                params.append("..." + format(e))
            } else {
                params.append(format(p))
            }
        }
        var out = "(" + params.joined(separator: ", ") + ")"
        if s.results.count == 1 {
            out += " " + format(s.results[0])
        } else if !s.results.isEmpty {
            out += " (" + s.results.map(format).joined(separator: ", ") + ")"
        }
        return out
    }
}

/// Type identity: `byte` is `uint8`, `rune` is `int32`, `any` is
/// `interface{}`; named types are identical only to themselves.
extension GoType {
    public static func == (a: GoType, b: GoType) -> Bool {
        switch (a, b) {
        case (.any, .any): return true
        case (.any, .interface(let m)), (.interface(let m), .any): return m.isEmpty
        case (.basic(let x), .basic(let y)): return x == y
        case (.pointer(let x), .pointer(let y)), (.slice(let x), .slice(let y)): return x == y
        case (.array(let n, let x), .array(let m, let y)): return n == m && x == y
        case (.map(let k1, let v1), .map(let k2, let v2)): return k1 == k2 && v1 == v2
        case (.chan(let d1, let e1), .chan(let d2, let e2)): return d1 == d2 && e1 == e2
        case (.structure(let f1), .structure(let f2)): return f1 == f2
        case (.function(let s1), .function(let s2)): return s1 == s2
        case (.interface(let m1), .interface(let m2)): return m1 == m2
        case (.named(let n1), .named(let n2)): return n1 === n2
        case (.tuple(let t1), .tuple(let t2)): return t1 == t2
        default: return false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .basic(let k): h.combine(0); h.combine(k)
        case .pointer(let e): h.combine(1); h.combine(e)
        case .slice(let e): h.combine(2); h.combine(e)
        case .array(let n, let e): h.combine(3); h.combine(n); h.combine(e)
        case .map(let k, let v): h.combine(4); h.combine(k); h.combine(v)
        case .chan(let d, let e): h.combine(5); h.combine(d); h.combine(e)
        case .structure(let f): h.combine(6); h.combine(f)
        case .function(let s): h.combine(7); h.combine(s)
        case .interface(let m): h.combine(8); h.combine(m)
        case .any: h.combine(8); h.combine([InterfaceMethod]())
        case .named(let n): h.combine(9); h.combine(n)
        case .tuple(let t): h.combine(10); h.combine(t)
        }
    }
}

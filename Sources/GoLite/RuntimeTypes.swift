/// Types as the running program needs them: how many slots a value takes,
/// where each field starts, what its zero value is, and — for the dynamic
/// types of interface values — a descriptor (`RType`) with the name Go's
/// runtime prints (`main.point`, `*main.point`, `[]int`, `interface {}`).

/// The integer kinds differ in how results wrap and how they compare.
enum IntKind: UInt8 {
    case int64, int32, int16, int8, uint64, uint32, uint16, uint8

    init?(_ k: BasicKind) {
        switch k.normalized {
        case .int, .int64, .untypedInt: self = .int64
        case .int32, .untypedRune: self = .int32
        case .int16: self = .int16
        case .int8: self = .int8
        case .uint, .uint64, .uintptr: self = .uint64
        case .uint32: self = .uint32
        case .uint16: self = .uint16
        case .uint8, .bool, .untypedBool: self = .uint8
        default: return nil
        }
    }

    var isUnsigned: Bool { rawValue >= IntKind.uint64.rawValue }
    var bits: Int {
        switch self {
        case .int64, .uint64: 64
        case .int32, .uint32: 32
        case .int16, .uint16: 16
        case .int8, .uint8: 8
        }
    }

    /// The value wrapped to this kind's width, kept sign- or zero-extended.
    @inline(__always) func wrap(_ v: Int) -> Int {
        switch self {
        case .int64, .uint64: v
        case .int32: Int(Int32(truncatingIfNeeded: v))
        case .int16: Int(Int16(truncatingIfNeeded: v))
        case .int8: Int(Int8(truncatingIfNeeded: v))
        case .uint32: Int(UInt32(truncatingIfNeeded: v))
        case .uint16: Int(UInt16(truncatingIfNeeded: v))
        case .uint8: Int(UInt8(truncatingIfNeeded: v))
        }
    }
}

enum Layout {
    /// Slots a value of the type occupies.
    static func slots(_ t: GoType) -> Int {
        switch t.underlying {
        case .array(let n, let e): return n * slots(e)
        case .structure(let fields): return fields.reduce(0) { $0 + slots($1.type) }
        case .tuple(let ts): return ts.reduce(0) { $0 + slots($1) }
        default: return 1
        }
    }

    /// The first slot of field `index` of a struct type.
    static func fieldOffset(_ t: GoType, _ index: Int) -> Int {
        guard let fields = t.structFields else { return 0 }
        var off = 0
        for i in 0..<min(index, fields.count) { off += slots(fields[i].type) }
        return off
    }

    /// The zero value's slots.
    static func zero(_ t: GoType, emptyString: MemBlock) -> [GoValue] {
        var out: [GoValue] = []
        appendZero(t, emptyString, &out)
        return out
    }

    private static func appendZero(_ t: GoType, _ empty: MemBlock, _ out: inout [GoValue]) {
        switch t.underlying {
        case .basic(let k):
            if k.isString { out.append(.string(empty, 0, 0)) } else if k.isFloat { out.append(.float(0)) } else if k == .untypedNil { out.append(.null) } else { out.append(.int(0)) }
        case .array(let n, let e):
            let one = zero(e, emptyString: empty)
            for _ in 0..<n { out += one }
        case .structure(let fields):
            for f in fields { appendZero(f.type, empty, &out) }
        case .tuple(let ts):
            for t in ts { appendZero(t, empty, &out) }
        default:
            out.append(.null)
        }
    }

    /// Whether arrays of this element type keep one byte per element.
    static func isByteElement(_ t: GoType) -> Bool {
        if case .basic(let k) = t.underlying { return k.normalized == .uint8 }
        return false
    }

    /// Whether `==` is defined on the type (and so it may be a map key).
    static func comparable(_ t: GoType) -> Bool {
        switch t.underlying {
        case .slice, .map, .function: return false
        case .array(_, let e): return comparable(e)
        case .structure(let fields): return fields.allSatisfy { comparable($0.type) }
        default: return true
        }
    }

    /// Whether the type holds pointers the collector must scan (Go's `ptrdata != 0`).
    static func hasPointers(_ t: GoType) -> Bool {
        switch t.underlying {
        case .basic(let k): return k.isString
        case .array(let n, let e): return n > 0 && hasPointers(e)
        case .structure(let fields): return fields.contains { hasPointers($0.type) }
        case .tuple(let ts): return ts.contains { hasPointers($0) }
        default: return true
        }
    }

    /// The type's name as Go's runtime and `%T` print it.
    static func runtimeName(_ t: GoType) -> String {
        switch t {
        case .basic(let k):
            switch k {
            case .byte: return "uint8"
            case .rune: return "int32"
            default: return k.defaultType.rawValue
            }
        case .named(let n):
            if let p = n.package { return p + "." + n.name }
            if n.name == "error" { return "error" }
            return "main." + n.name
        case .any: return "interface {}"
        case .pointer(let e): return "*" + runtimeName(e)
        case .slice(let e): return "[]" + runtimeName(e)
        case .array(let n, let e): return "[\(n)]" + runtimeName(e)
        case .map(let k, let v): return "map[" + runtimeName(k) + "]" + runtimeName(v)
        case .chan(let d, let e):
            switch d {
            case .both: return "chan " + runtimeName(e)
            case .send: return "chan<- " + runtimeName(e)
            case .recv: return "<-chan " + runtimeName(e)
            }
        case .structure(let fields):
            if fields.isEmpty { return "struct {}" }
            return "struct { " + fields.map { ($0.embedded ? "" : $0.name + " ") + runtimeName($0.type) }.joined(separator: "; ") + " }"
        case .function(let s):
            var params: [String] = []
            for (i, p) in s.params.enumerated() {
                if s.variadic && i == s.params.count - 1, let e = p.elem { params.append("..." + runtimeName(e)) } else { params.append(runtimeName(p)) }
            }
            var out = "func(" + params.joined(separator: ", ") + ")"
            if s.results.count == 1 { out += " " + runtimeName(s.results[0]) } else if s.results.count > 1 {
                out += " (" + s.results.map(runtimeName).joined(separator: ", ") + ")"
            }
            return out
        case .interface(let methods):
            if methods.isEmpty { return "interface {}" }
            return "interface { " + methods.map { $0.name + String(runtimeName(.function($0.signature)).dropFirst(4)) }.joined(separator: "; ") + " }"
        case .tuple(let ts): return "(" + ts.map(runtimeName).joined(separator: ", ") + ")"
        }
    }
}

/// What kind of value an `RType` describes, for printing and comparing.
enum RKind: Equatable {
    case bool, int(IntKind), float(Bool), string
    case pointer, slice, array, map, chan, function, interface, structure
}

/// A dynamic type: what an interface value carries besides its data.
/// Unique per Go type within a program, so types compare by identity.
final class RType: @unchecked Sendable {
    // Created while compiling or, lazily, while printing; the machine that
    // runs a program is the only user of its registry.
    let id: Int
    let type: GoType
    let name: String
    let slots: Int
    let size: Int
    let kind: RKind
    let comparable: Bool
    let hasPointers: Bool
    /// Go's `isdirectiface`: the interface word holds the value itself.
    let isDirect: Bool
    /// Interface methods resolved for this type (see `MethodResolver`).
    var methodCache: [String: MethodTarget?] = [:]

    init(id: Int, type: GoType) {
        self.id = id
        self.type = type
        name = Layout.runtimeName(type)
        slots = Layout.slots(type)
        size = type.size
        comparable = Layout.comparable(type)
        hasPointers = Layout.hasPointers(type)
        isDirect = type.isDirectInterface
        switch type.underlying {
        case .basic(let k):
            if k.isString { kind = .string } else if k.isFloat { kind = .float(k == .float32) } else if k.isBoolean { kind = .bool } else { kind = .int(IntKind(k) ?? .int64) }
        case .pointer: kind = .pointer
        case .slice: kind = .slice
        case .array: kind = .array
        case .map: kind = .map
        case .chan: kind = .chan
        case .function: kind = .function
        case .interface: kind = .interface
        case .structure: kind = .structure
        default: kind = .structure
        }
    }
}

/// How an interface method call reaches its code for one dynamic type.
struct MethodTarget {
    /// The declared method's function, or nil for a library method.
    var function: Int?
    var native: NativeFunction?
    /// Embedded fields walked from the dynamic value to the receiver.
    var path: [Int]
    var pointerReceiver: Bool
    var signature: FuncSignature
}

/// The program's dynamic types, made on first use.
final class TypeRegistry: @unchecked Sendable {
    private var byType: [GoType: RType] = [:]
    private(set) var all: [RType] = []

    func rtype(_ t: GoType) -> RType {
        if let r = byType[t] { return r }
        let r = RType(id: all.count, type: t)
        byType[t] = r
        all.append(r)
        return r
    }
}

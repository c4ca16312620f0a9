/// Run-time errors, worded exactly as Go 1.19's runtime words them. Each is
/// a real panic: deferred calls run and `recover` returns an `error` whose
/// dynamic type is the runtime's (`runtime.boundsError`, …).
enum RuntimeFault {
    case nilDereference
    case index(GoValue, Int)
    /// A slice expression out of range: the text after `runtime error: `.
    case sliceBounds(String)
    case divideByZero
    case negativeShift
    case nilMapWrite
    case typeAssertion(from: GoValue, interface: String, to: String, missing: String?)
    case makeSliceLength, makeSliceCapacity
    case makeChanSize
    case unhashable(String)
    case uncomparable(String)
    case sendOnClosed, closeOfNil, closeOfClosed
    case valueMethodOnNil(String)

    /// The panic message and which runtime type carries it.
    var message: (text: String, type: RuntimeErrorKind) {
        switch self {
        case .nilDereference: return ("runtime error: invalid memory address or nil pointer dereference", .errorString)
        case .index(let i, let n):
            let iv = i.intValue
            if iv < 0 { return ("runtime error: index out of range [\(iv)]", .bounds) }
            return ("runtime error: index out of range [\(iv)] with length \(n)", .bounds)
        case .sliceBounds(let s): return ("runtime error: " + s, .bounds)
        case .divideByZero: return ("runtime error: integer divide by zero", .errorString)
        case .negativeShift: return ("runtime error: negative shift amount", .errorString)
        case .nilMapWrite: return ("assignment to entry in nil map", .plain)
        case .typeAssertion(let from, let inter, let to, let missing):
            var concrete = "nil"
            if case .iface(let t, _) = from { concrete = t.name }
            if let m = missing {
                return ("interface conversion: " + concrete + " is not " + to + ": missing method " + m, .typeAssertion)
            }
            if concrete == "nil" {
                return ("interface conversion: " + inter + " is nil, not " + to, .typeAssertion)
            }
            return ("interface conversion: " + inter + " is " + concrete + ", not " + to, .typeAssertion)
        case .makeSliceLength: return ("runtime error: makeslice: len out of range", .plain)
        case .makeSliceCapacity: return ("runtime error: makeslice: cap out of range", .plain)
        case .makeChanSize: return ("makechan: size out of range", .plain)
        case .unhashable(let t): return ("runtime error: hash of unhashable type " + t, .errorString)
        case .uncomparable(let t): return ("runtime error: comparing uncomparable type " + t, .errorString)
        case .sendOnClosed: return ("send on closed channel", .plain)
        case .closeOfNil: return ("close of nil channel", .plain)
        case .closeOfClosed: return ("close of closed channel", .plain)
        case .valueMethodOnNil(let s): return (s, .plain)
        }
    }
}

enum RuntimeErrorKind {
    case bounds, errorString, plain, typeAssertion
}

/// The dynamic types of errors the simulated runtime and library make.
struct RuntimeErrorTypes {
    let bounds: RType
    let errorString: RType
    let plain: RType
    let typeAssertion: RType
    /// `errors.New` / `fmt.Errorf` without `%w`.
    let errorsString: RType
    /// `fmt.Errorf` with `%w`.
    let wrapError: RType

    init(_ registry: TypeRegistry) {
        func make(_ package: String, _ name: String, pointer: Bool) -> RType {
            let n = NamedType(name: name, package: package, pos: .none)
            n.underlying = .string
            let t = registry.rtype(pointer ? .pointer(.named(n)) : .named(n))
            t.methodCache["Error"] = MethodTarget(function: nil, native: .errorMessage, path: [], pointerReceiver: false,
                                                  signature: FuncSignature(params: [], results: [.string]))
            return t
        }
        bounds = make("runtime", "boundsError", pointer: false)
        errorString = make("runtime", "errorString", pointer: false)
        plain = make("runtime", "plainError", pointer: false)
        typeAssertion = make("runtime", "TypeAssertionError", pointer: true)
        errorsString = make("errors", "errorString", pointer: true)
        wrapError = make("fmt", "wrapError", pointer: true)
    }

    func type(for kind: RuntimeErrorKind) -> RType {
        switch kind {
        case .bounds: bounds
        case .errorString: errorString
        case .plain: plain
        case .typeAssertion: typeAssertion
        }
    }

    /// Whether a value is one of these errors (its message is its only slot).
    func isLibraryError(_ t: RType) -> Bool {
        t === bounds || t === errorString || t === plain || t === typeAssertion || t === errorsString || t === wrapError
    }
}

extension Machine {
    /// Raises a run-time error in `g`.
    func fault(_ g: Goroutine, _ f: RuntimeFault) -> Flow {
        let (text, kind) = f.message
        let value = errorValue(text, type: exe.runtimeTypes.type(for: kind))
        if let s = raise(g, value) { return .stop(s) }
        return .reload
    }

    func indexFault(_ g: Goroutine, _ index: GoValue, length: Int) -> Flow {
        fault(g, .index(index, length))
    }

    /// An error value carrying a message (its single slot).
    func errorValue(_ text: String, type: RType) -> GoValue {
        .iface(TypeRef(type), MemBlock(copyingValues: [makeString(text)]))
    }

    func plainError(_ text: String) -> GoValue {
        errorValue(text, type: exe.runtimeTypes.plain)
    }

    /// A string value with fresh bytes (no allocation is counted).
    func makeString(_ text: String) -> GoValue {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { return .string(exe.emptyString, 0, 0) }
        return .string(MemBlock(bytes: bytes), 0, Int32(bytes.count))
    }

    func makeString(bytes: [UInt8]) -> GoValue {
        if bytes.isEmpty { return .string(exe.emptyString, 0, 0) }
        return .string(MemBlock(bytes: bytes), 0, Int32(bytes.count))
    }

    /// What `panic: …` prints for a value (runtime `printpanicval`):
    /// an error's `Error()`, a Stringer's `String()`, basic values as the
    /// runtime prints them, named basic types as `main.T(v)`.
    func panicValueText(_ v: GoValue) -> String {
        guard case .iface(let t, let b) = v else { return "nil" }
        if let s = callStringMethod(v, "Error") ?? callStringMethod(v, "String") { return s }
        let named = t.type.isNamed
        let raw: String
        switch t.kind {
        case .string:
            let s = stringText(b.load(0))
            return named ? t.name + "(\"" + s + "\")" : s
        case .int(let k):
            let x = b.load(0).intValue
            raw = k.isUnsigned && k == .uint64 ? String(UInt64(bitPattern: Int64(x))) : String(x)
        case .bool:
            raw = b.load(0).intValue != 0 ? "true" : "false"
        case .float:
            raw = GoFormatter.runtimeFloat(b.load(0).floatValue)
        default:
            return "(" + t.name + ") " + GoFormatter.hex(b.address)
        }
        return named ? t.name + "(" + raw + ")" : raw
    }

    func stringText(_ v: GoValue) -> String {
        guard case .string(let b, let off, let len) = v else { return "" }
        return String(decoding: UnsafeBufferPointer(start: b.bytes + Int(off), count: Int(len)), as: UTF8.self)
    }

    func stringBytes(_ v: GoValue) -> [UInt8] {
        guard case .string(let b, let off, let len) = v else { return [] }
        return Array(UnsafeBufferPointer(start: b.bytes + Int(off), count: Int(len)))
    }
}

extension MemBlock {
    /// A block holding these values (host-only storage; nothing is charged).
    convenience init(copyingValues values: [GoValue]) {
        self.init(slots: values.count)
        for (i, v) in values.enumerated() { slots[i] = v }
    }
}

import TextKit

/// Type expressions, assignability and conversions.
extension Checker {
    /// The type a type expression denotes (invalid, with an error, if it is not a type).
    mutating func typeExpr(_ e: Expr) -> GoType {
        let t = typeExpr0(e)
        info.types[e.id] = t
        info.modes[e.id] = .typeExpr
        return t
    }

    private mutating func typeExpr0(_ e: Expr) -> GoType {
        switch e.kind {
        case .name(let n):
            guard let id = lookup(n) else {
                error(e.pos, "undefined: " + n)
                return .invalid
            }
            info.uses[e.id] = id
            let o = info.objects[id]
            if o.name == "complex64" || o.name == "complex128" { unsupported(e.pos, L("complex numbers")); return .invalid }
            guard o.kind == .typeName else {
                error(e.pos, n + " is not a type")
                return .invalid
            }
            if globalState[id] == .unresolved { resolveType(id) }
            return o.type
        case .selector(let x, let sel):
            guard case .name(let pkg) = x.kind, let imp = imports[pkg] else {
                error(e.pos, Printer.expr(e) + " is not a type")
                return .invalid
            }
            imports[pkg]?.used = true
            info.uses[x.id] = imp.object
            guard let t = packageContents[pkg]?.types[sel.name] else {
                error(sel.pos, "undefined: " + pkg + "." + sel.name)
                return .invalid
            }
            return .named(t)
        case .paren(let x):
            return typeExpr(x)
        case .unary(.mul, let x):
            return .pointer(typeExpr(x))
        case .arrayType(let len, let elem):
            guard let len else {
                error(e.pos, "invalid use of [...] array (outside a composite literal)")
                return .invalid
            }
            let n = arrayLength(len)
            let t = typeExpr(elem)
            return n.map { .array($0, t) } ?? .invalid
        case .sliceType(let elem):
            return .slice(typeExpr(elem))
        case .mapType(let k, let v):
            let kt = typeExpr(k)
            let vt = typeExpr(v)
            if !kt.isInvalid && !isComparable(kt) {
                error(k.pos, "invalid map key type " + kt.checkerDescription)
            }
            return .map(kt, vt)
        case .chanType(let dir, let elem):
            return .chan(dir, typeExpr(elem))
        case .funcType(let s):
            return .function(signature(s))
        case .structType(let fields):
            var out: [StructField] = []
            var seen: Set<String> = []
            for f in fields {
                let t = typeExpr(f.type)
                if f.names.isEmpty {
                    var base = t
                    if case .pointer(let b) = t { base = b }
                    guard case .named(let n) = base else {
                        if !t.isInvalid { error(f.pos, "embedded field type must be a type name") }
                        continue
                    }
                    if seen.contains(n.name) { error(f.pos, n.name + " redeclared") }
                    seen.insert(n.name)
                    out.append(StructField(name: n.name, type: t, embedded: true))
                } else {
                    for n in f.names {
                        if !n.isBlank && seen.contains(n.name) { error(n.pos, n.name + " redeclared") }
                        seen.insert(n.name)
                        out.append(StructField(name: n.name, type: t))
                    }
                }
            }
            return .structure(out)
        case .interfaceType(let elems):
            var methods: [InterfaceMethod] = []
            for m in elems {
                if let n = m.name, let s = m.signature {
                    if methods.contains(where: { $0.name == n.name }) { error(n.pos, "duplicate method " + n.name) }
                    methods.append(InterfaceMethod(name: n.name, signature: signature(s)))
                } else if let emb = m.embedded {
                    let t = typeExpr(emb)
                    guard let ms = t.interfaceMethods else {
                        if !t.isInvalid { unsupported(emb.pos, L("generics")) }
                        continue
                    }
                    for x in ms where !methods.contains(where: { $0.name == x.name }) { methods.append(x) }
                }
            }
            return .interface(methods.sorted { $0.name < $1.name })
        default:
            error(e.pos, Printer.expr(e) + " is not a type")
            return .invalid
        }
    }

    /// A constant, non-negative array length.
    mutating func arrayLength(_ e: Expr) -> Int? {
        let op = expr(e)
        guard op.mode == .constant, let v = op.value else {
            if !op.type.isInvalid { error(e.pos, "array length " + Printer.expr(e) + " (" + modeDescription(op) + ") must be constant") }
            return nil
        }
        guard let n = v.intValue, n >= 0 else {
            error(e.pos, "invalid array length " + Printer.expr(e))
            return nil
        }
        guard n <= 1 << 40 else {
            error(e.pos, "array length " + Printer.expr(e) + " too large")
            return nil
        }
        return n
    }

    // MARK: - Identity and assignability

    func isComparable(_ t: GoType) -> Bool {
        switch t.underlying {
        case .slice, .map, .function: return false
        case .structure(let fields): return fields.allSatisfy { isComparable($0.type) }
        case .array(_, let e): return isComparable(e)
        default: return true
        }
    }

    /// Whether `t` has all the methods of interface `iface`; the first missing one otherwise.
    func missingMethod(_ t: GoType, _ iface: GoType) -> (name: String, wrongPointer: Bool)? {
        guard let want = iface.interfaceMethods else { return nil }
        if let have = t.interfaceMethods {
            for m in want where !have.contains(where: { $0.name == m.name && $0.signature == m.signature }) {
                return (m.name, false)
            }
            return nil
        }
        for m in want {
            guard let found = findMethod(t, m.name) else { return (m.name, false) }
            if found.method.signature != m.signature { return (m.name, false) }
            // A pointer method is not in the method set of a value type.
            if found.method.pointerReceiver && !found.viaPointer && !t.isPointer { return (m.name, true) }
        }
        return nil
    }

    /// Whether a value of type `v` may be assigned to type `t` (Go's assignability).
    func assignable(_ v: GoType, to t: GoType) -> Bool {
        if v.isInvalid || t.isInvalid { return true }
        if v == t { return true }
        if case .basic(let k) = v, k.isUntyped {
            if k == .untypedNil {
                switch t.underlying {
                case .pointer, .slice, .map, .chan, .function, .interface: return true
                default: return false
                }
            }
            if t.isInterface { return t.interfaceMethods?.isEmpty == true }
            guard let tk = t.basicKind else { return false }
            switch k {
            case .untypedBool: return tk.isBoolean
            case .untypedString: return tk.isString
            case .untypedInt, .untypedRune: return tk.isNumeric
            case .untypedFloat: return tk.isNumeric
            default: return false
            }
        }
        // Identical underlying types where one side is not named.
        if v.underlying == t.underlying && (!v.isNamed || !t.isNamed) {
            if case .interface = t.underlying { return true }
            if !(v.isNamed && t.isNamed) { return true }
        }
        if t.isInterface { return missingMethod(v, t) == nil }
        // Bidirectional channels assign to directional ones of the same element.
        if case .chan(.both, let ve) = v.underlying, case .chan(_, let te) = t.underlying, ve == te,
           !(v.isNamed && t.isNamed) {
            return true
        }
        return false
    }

    /// Whether `T(x)` is a valid conversion.
    func convertible(_ v: GoType, to t: GoType, constant: Bool) -> Bool {
        if assignable(v, to: t) { return true }
        let vu = v.underlying, tu = t.underlying
        if vu == tu { return true }
        if case .pointer(let a) = vu, case .pointer(let b) = tu, a.underlying == b.underlying { return true }
        if let vk = vu.basicKind ?? v.basicKind, let tk = tu.basicKind {
            if vk.isNumeric && tk.isNumeric { return !(constant && vk.isFloat && tk.isInteger && false) }
            if tk.isString && vk.isInteger { return true }
        }
        if let tk = tu.basicKind, tk.isString, case .slice(let e) = vu, let ek = e.underlying.basicKind, ek == .uint8 || ek == .int32 { return true }
        if let vk = vu.basicKind, vk.isString, case .slice(let e) = tu, let ek = e.underlying.basicKind, ek == .uint8 || ek == .int32 { return true }
        return false
    }

    // MARK: - Fields and methods

    struct FoundField { var path: [Int]; var type: GoType; var viaPointer: Bool }
    struct FoundMethod { var path: [Int]; var named: NamedType; var method: MethodInfo; var viaPointer: Bool }

    /// The field `name` of `t`, looking through embedded fields breadth-first.
    func findField(_ t: GoType, _ name: String) -> FoundField? {
        var level: [(GoType, [Int], Bool)] = [(t, [], t.isPointer)]
        var seen: Set<NamedType> = []
        for _ in 0..<8 {
            var next: [(GoType, [Int], Bool)] = []
            for (typ, path, viaPtr) in level {
                var base = typ
                var ptr = viaPtr
                if case .pointer(let b) = typ.underlying { base = b; ptr = true }
                if case .named(let n) = base { if seen.contains(n) { continue }; seen.insert(n) }
                guard let fields = base.structFields else { continue }
                for (i, f) in fields.enumerated() {
                    if f.name == name { return FoundField(path: path + [i], type: f.type, viaPointer: ptr) }
                    if f.embedded { next.append((f.type, path + [i], ptr)) }
                }
            }
            if next.isEmpty { return nil }
            level = next
        }
        return nil
    }

    /// The method `name` of `t` (declared on it or promoted from an embedded field).
    func findMethod(_ t: GoType, _ name: String) -> FoundMethod? {
        MethodLookup.method(t, name).map { FoundMethod(path: $0.path, named: $0.named, method: $0.method, viaPointer: $0.viaPointer) }
    }
}

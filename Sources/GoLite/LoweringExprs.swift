/// Expressions: the checked syntax becomes IR nodes, with the compiler's
/// implicit operations made explicit.
extension Lowering {
    func type(_ e: Expr) -> GoType {
        var t = info.type(of: e)
        // Untyped leftovers take the type the compiler would give them.
        if case .basic(let k) = t, k.isUntyped {
            switch k {
            case .untypedBool: t = .bool
            case .untypedString: t = .string
            case .untypedNil: break
            default: t = .basic(k.defaultType)
            }
        }
        return t
    }

    /// Whether a node moves the compiler's current position when it is
    /// visited (names do not: their position is where they were declared).
    static func hasUniquePos(_ n: IRNode) -> Bool {
        switch n.op {
        case .name, .typeNode: return false
        default: return n.pos.isKnown
        }
    }

    mutating func setPos(_ n: IRNode) {
        if Lowering.hasUniquePos(n) { basePos = n.pos }
    }

    /// Go's `assignconvfn`: converts a value for assignment to `t`, adding
    /// an implicit conversion at the current position when the types differ.
    mutating func assignConvert(_ n: IRNode, to t: GoType) -> IRNode {
        if t.isInvalid || n.type.isInvalid { return n }
        if n.type == t { return n }
        let op: IROp
        if t.isInterface {
            if case .basic(.untypedNil) = n.type { return n }
            op = .convIface
        } else {
            op = .convNop
        }
        let c = IRNode(op, basePos, t)
        c.x = n
        c.implicit = true
        return c
    }

    func nameNode(_ id: ObjectID) -> IRNode {
        let o = objects[id]
        let n = IRNode(.name, o.pos, o.type)
        n.object = id
        n.text = o.name
        if o.kind == .function, let f = o.function { n.callee = .local(f) }
        if let ext = o.external {
            n.callee = .external(ext)
            n.text = ext.package + "." + ext.name
        }
        return n
    }

    // MARK: - Expressions

    mutating func expr(_ source: Expr) -> IRNode {
        let e = source.unparenthesized
        // Constants become literals that print as written; they leave the position alone.
        if let v = info.constants[e.id], info.modes[e.id] == .constant || info.modes[source.id] == .constant {
            let n = IRNode(.literal, e.pos, type(e))
            n.constant = v
            n.text = Printer.expr(e)
            return n
        }
        if info.modes[e.id] == .typeExpr {
            return IRNode(.typeNode, .none, info.type(of: e))
        }
        basePos = e.pos
        switch e.kind {
        case .name:
            guard let id = info.uses[e.id] else { return IRNode(.nilValue, e.pos, type(e)) }
            if objects[id].kind == .nilValue { return IRNode(.nilValue, e.pos, type(e)) }
            return nameNode(id)
        case .selector(let x, let sel):
            return selector(e, x, sel)
        case .index(let x, let i):
            return index(e, x, i)
        case .slice(let x, let lo, let hi, let mx, _):
            let xn = expr(x)
            let n = IRNode(.slice, e.pos, type(e))
            n.low = lo.map { expr($0) }
            n.high = hi.map { expr($0) }
            n.max = mx.map { expr($0) }
            if xn.type.isArray {
                // Slicing an array slices its address.
                let a = IRNode(.addr, basePos, .pointer(xn.type))
                a.x = xn
                a.implicit = true
                return rebuild(n, as: .sliceArray, x: a)
            }
            if xn.type.isString { return rebuild(n, as: .sliceString, x: xn) }
            if case .pointer(let p) = xn.type.underlying, p.isArray { return rebuild(n, as: .sliceArray, x: xn) }
            n.x = xn
            return n
        case .typeAssert(let x, let t):
            let xn = expr(x)
            let n = IRNode(.dotType, e.pos, t.map { info.type(of: $0) } ?? .invalid)
            n.x = xn
            return n
        case .call(let f, let args, let dots):
            return call(e, f, args, dots)
        case .unary(let op, let x):
            return unary(e, op, x)
        case .binary(let op, let x, let y):
            return binary(e, op, x, y)
        case .compositeLit(let c):
            return compositeLit(e, c, type: info.type(of: e))
        case .funcLit(let f):
            return closure(e, f)
        default:
            return IRNode(.nilValue, e.pos, .invalid)
        }
    }

    private func rebuild(_ n: IRNode, as op: IROp, x: IRNode) -> IRNode {
        let m = IRNode(op, n.pos, n.type)
        m.x = x
        m.low = n.low
        m.high = n.high
        m.max = n.max
        return m
    }

    // MARK: - Selectors

    /// A field access or method selection, walking embedded fields first.
    private mutating func selector(_ e: Expr, _ x: Expr, _ sel: Ident) -> IRNode {
        guard let selection = info.selections[e.id] else { return IRNode(.nilValue, e.pos, .invalid) }
        switch selection {
        case .qualified(let id):
            return nameNode(id)
        case .field(let path):
            var xn = expr(x)
            for (k, i) in path.enumerated() {
                xn = dotField(e.pos, xn, i, implicit: k < path.count - 1)
            }
            return xn
        case .interfaceMethod(let name, _):
            let xn = expr(x)
            let n = IRNode(.methodValue, e.pos, type(e))
            n.x = xn
            n.text = name
            return n
        case .method(let path, let named, let method, _):
            var xn = expr(x)
            for i in path { xn = dotField(e.pos, xn, i, implicit: true) }
            xn = adjustReceiver(e.pos, xn, wantPointer: method.pointerReceiver)
            let n = IRNode(.methodValue, e.pos, type(e))
            n.x = xn
            n.text = method.name
            n.callee = method.function.map { .local($0) } ?? method.external.map { .external($0) }
            _ = named
            return n
        }
    }

    func dotField(_ pos: Pos, _ x: IRNode, _ index: Int, implicit: Bool) -> IRNode {
        IRBuild.dotField(pos, x, index, implicit: implicit)
    }

    func adjustReceiver(_ pos: Pos, _ x: IRNode, wantPointer: Bool) -> IRNode {
        IRBuild.adjustReceiver(pos, x, wantPointer: wantPointer)
    }

    // MARK: - Index

    private mutating func index(_ e: Expr, _ x: Expr, _ i: Expr) -> IRNode {
        var xn = expr(x)
        var idx = expr(i)
        if case .pointer(let p) = xn.type.underlying, p.isArray {
            let d = IRNode(.deref, basePos, p)
            d.x = xn
            d.implicit = true
            xn = d
        }
        if case .map(let kt, let vt) = xn.type.underlying {
            idx = assignConvert(idx, to: kt)
            let n = IRNode(.indexMap, e.pos, vt)
            n.x = xn
            n.y = idx
            return n
        }
        let n = IRNode(.index, e.pos, type(e))
        n.x = xn
        n.y = idx
        return n
    }

    // MARK: - Operators

    private mutating func unary(_ e: Expr, _ op: Operator, _ x: Expr) -> IRNode {
        let xn = expr(x)
        switch op {
        case .and:
            if [.structLit, .arrayLit, .sliceLit, .mapLit].contains(xn.op) {
                let n = IRNode(.pointerLit, e.pos, type(e))
                n.x = xn
                return n
            }
            let n = IRNode(.addr, e.pos, type(e))
            n.x = xn
            return n
        case .mul:
            let n = IRNode(.deref, e.pos, type(e))
            n.x = xn
            return n
        case .recv:
            let n = IRNode(.recv, e.pos, type(e))
            n.x = xn
            return n
        default:
            let n = IRNode(.unary, e.pos, type(e))
            n.oper = op
            n.x = xn
            return n
        }
    }

    private mutating func binary(_ e: Expr, _ op: Operator, _ x: Expr, _ y: Expr) -> IRNode {
        let xn = expr(x)
        let yn = expr(y)
        if op == .andAnd || op == .orOr {
            let n = IRNode(op == .andAnd ? .andAnd : .orOr, e.pos, type(e))
            n.x = xn
            n.y = yn
            return n
        }
        // String concatenations are gathered into one operation.
        if op == .add && xn.type.isString {
            let n: IRNode
            if xn.op == .addString {
                n = xn
                n.pos = e.pos
            } else {
                n = IRNode(.addString, e.pos, xn.type)
                n.list = [xn]
            }
            if yn.op == .addString { n.list += yn.list } else { n.list.append(yn) }
            return n
        }
        let n = IRNode(.binary, e.pos, type(e))
        n.oper = op
        n.x = xn
        n.y = yn
        return n
    }

    // MARK: - Composite literals

    /// A composite literal; `type` may be `*T` for an elided `&T{…}` element.
    mutating func compositeLit(_ e: Expr, _ c: CompositeLit, type t: GoType) -> IRNode {
        if case .pointer(let inner) = t.underlying, c.type == nil {
            let n = IRNode(.pointerLit, e.pos, t)
            n.x = compositeLit(e, c, type: inner)
            return n
        }
        basePos = e.pos
        // Elements are translated first…
        var elems: [(key: IRNode?, field: String?, value: IRNode, pos: Pos)] = []
        let fields = t.structFields
        for el in c.elements {
            var key: IRNode? = nil
            var field: String? = nil
            if let k = el.key {
                if fields != nil, case .name(let fname) = k.kind {
                    field = fname
                } else {
                    key = expr(k)
                }
            }
            let value = element(el.value, t)
            elems.append((key, field, value, el.colon ?? el.value.pos))
        }
        // …then converted, each at its own position (Go's transformCompLit).
        let saved = basePos
        basePos = e.pos
        defer { basePos = saved }
        switch t.underlying {
        case .structure(let fs):
            let n = IRNode(.structLit, e.pos, t)
            for (i, el) in elems.enumerated() {
                basePos = el.pos
                let fi = el.field.flatMap { f in fs.firstIndex { $0.name == f } } ?? i
                guard fi < fs.count else { continue }
                let k = IRNode(.structKey, el.field != nil ? el.pos : basePos, fs[fi].type)
                k.text = fs[fi].name
                k.y = assignConvert(el.value, to: fs[fi].type)
                n.list.append(k)
            }
            return n
        case .array(_, let et), .slice(let et):
            let n = IRNode(t.isArray ? .arrayLit : .sliceLit, e.pos, t)
            for el in elems {
                basePos = el.pos
                let v = assignConvert(el.value, to: et)
                if let k = el.key {
                    let kv = IRNode(.key, el.pos, et)
                    kv.x = k
                    kv.y = v
                    n.list.append(kv)
                } else {
                    n.list.append(v)
                }
            }
            return n
        case .map(let kt, let vt):
            let n = IRNode(.mapLit, e.pos, t)
            for el in elems {
                basePos = el.pos
                let kv = IRNode(.key, el.pos, vt)
                kv.x = el.key.map { assignConvert($0, to: kt) }
                kv.y = assignConvert(el.value, to: vt)
                n.list.append(kv)
            }
            return n
        default:
            return IRNode(.structLit, e.pos, t)
        }
    }

    /// An element value, which may be an elided literal `{…}`.
    private mutating func element(_ v: Expr, _ outer: GoType) -> IRNode {
        let inner = v.unparenthesized
        if case .compositeLit(let c) = inner.kind, c.type == nil {
            return compositeLit(inner, c, type: info.type(of: inner))
        }
        return expr(v)
    }
}

/// Node builders shared by lowering and devirtualization.
enum IRBuild {
    /// `x.f`, or `x.f` through a pointer (`ODOTPTR`).
    static func dotField(_ pos: Pos, _ x: IRNode, _ index: Int, implicit: Bool) -> IRNode {
        var base = x.type
        var op = IROp.dot
        if case .pointer(let p) = x.type.underlying { base = p; op = .dotPtr }
        let field = base.structFields?[index] ?? StructField(name: "?", type: .invalid)
        let n = IRNode(op, pos, field.type)
        n.x = x
        n.text = field.name
        n.implicit = implicit
        return n
    }

    /// Adds the `&` or `*` a method's receiver needs.
    static func adjustReceiver(_ pos: Pos, _ x: IRNode, wantPointer: Bool) -> IRNode {
        let have = x.type.isPointer
        if have == wantPointer { return x }
        if have {
            let d = IRNode(.deref, pos, x.type.elem ?? .invalid)
            d.x = x
            d.implicit = true
            return d
        }
        let a = IRNode(.addr, pos, .pointer(x.type))
        a.x = x
        a.implicit = true
        return a
    }
}

/// Expressions: each is compiled into registers. `expr(n)` returns the
/// first register holding the value — a variable's own register when the
/// value is simply a variable — or puts it in `into` when given.
extension FunctionCompiler {
    func expr(_ n: IRNode, into want: Int32? = nil) -> Int32 {
        if Lowering.hasUniquePos(n) { at(n.pos) }
        switch n.op {
        case .name:
            return name(n, into: want)
        case .literal:
            let d = want ?? temp(1)
            literal(n, as: n.type, into: d)
            return d
        case .nilValue:
            let d = want ?? temp(max(1, slots(n.type)))
            emit(.konst(d: d, k: constant(.null)))
            return d
        case .addr:
            let p = addressOf(n.x!)
            if let w = want { move(w, p, 1); return w }
            return p
        case .deref, .dot, .dotPtr, .indexMap:
            return load(place(n), slots(n.type), n.type, into: want)
        case .index:
            if n.x!.type.isString {
                let s = expr(n.x!)
                let i = expr(n.y!)
                let d = want ?? temp(1)
                emit(.strIndex(d: d, s: s, i: i))
                return d
            }
            return load(place(n), slots(n.type), n.type, into: want)
        case .slice, .sliceString, .sliceArray:
            return sliceExpr(n, into: want)
        case .conv, .convNop:
            return conversion(n, into: want)
        case .convIface:
            return box(n, into: want)
        case .stringToBytes, .bytesToString, .stringToRunes, .runesToString, .runeToString:
            return stringConversion(n, into: want)
        case .binary:
            return binary(n, into: want)
        case .andAnd, .orOr:
            let d = want ?? temp(1)
            _ = expr(n.x!, into: d)
            let j = emitJump { n.op == .andAnd ? .jumpIfNot(c: d, t: $0) : .jumpIf(c: d, t: $0) }
            _ = expr(n.y!, into: d)
            patch(j, to: label())
            return d
        case .unary:
            return unary(n, into: want)
        case .recv:
            let c = expr(n.x!)
            let k = slots(n.type)
            let d = want ?? temp(max(1, k))
            flushTicks()
            emit(.recv(d: d, c: c, n: Int32(k), ok: -1))
            return d
        case .dotType, .dotType2:
            let a = expr(n.x!)
            let k = slots(n.type)
            let d = want ?? temp(max(1, k))
            assertion(n.type, from: n.x!.type, a, into: d, ok: -1)
            return d
        case .callFunc, .callInter:
            return call(n, into: want)
        case .methodValue:
            return methodValue(n, into: want)
        case .len, .cap, .append, .copy, .delete, .panic, .print, .println, .close, .recover,
             .new, .makeSlice, .makeMap, .makeChan:
            return builtin(n, into: want)
        case .structLit, .arrayLit, .sliceLit, .mapLit, .pointerLit:
            return compositeLiteral(n, into: want)
        case .closure:
            return closure(n, into: want)
        case .addString:
            let first = temp(n.list.count)
            for (i, s) in n.list.enumerated() { _ = expr(s, into: first + Int32(i)) }
            let d = want ?? temp(1)
            let site = pc.site(.concat, n, type: .string, pos: n.pos)
            emit(.concat(d: d, first: first, count: Int32(n.list.count), site: site))
            return d
        case .typeNode, .methodExpr, .dotInter, .key, .structKey:
            // Only ever parts of other expressions.
            let d = want ?? temp(1)
            emit(.konst(d: d, k: constant(.null)))
            return d
        }
    }

    private func name(_ n: IRNode, into want: Int32?) -> Int32 {
        guard let id = n.object else {
            let d = want ?? temp(1)
            emit(.konst(d: d, k: constant(.null)))
            return d
        }
        if let v = pc.verdicts.wrappedArguments[id] { return expr(v, into: want) }
        if let c = n.callee {
            // A function used as a value: a static function value, no allocation.
            let d = want ?? temp(1)
            emit(.konst(d: d, k: constant(.fn(pc.functionValue(c)))))
            return d
        }
        let o = objects[id]
        if o.kind == .variable {
            return load(place(ofVariable: id), slots(o.type), o.type, into: want)
        }
        let d = want ?? temp(1)
        if let c = o.constant {
            emit(.konst(d: d, k: constant(pc.constantValue(c, o.type))))
        } else {
            emit(.konst(d: d, k: constant(.null)))
        }
        return d
    }

    func literal(_ n: IRNode, as t: GoType, into d: Int32) {
        guard let c = n.constant else {
            emit(.konst(d: d, k: constant(.null)))
            return
        }
        var type = t
        if type.isInterface || type.isInvalid || type.isUntyped { type = n.type }
        let v = pc.constantValue(c, type)
        if case .int(let i) = v, i >= Int(Int32.min), i <= Int(Int32.max) {
            emit(.setInt(d: d, v: Int32(i)))
        } else {
            emit(.konst(d: d, k: constant(v)))
        }
    }

    /// An operand compiled as the type of the other side (constants take it).
    func operand(_ n: IRNode, as t: GoType) -> Int32 {
        if n.op == .literal && NumKind(t) != nil {
            let d = temp(1)
            literal(n, as: t, into: d)
            return d
        }
        return expr(n)
    }

    // MARK: - Operators

    private func binary(_ n: IRNode, into want: Int32?) -> Int32 {
        let op = n.oper ?? .add
        let x = n.x!, y = n.y!
        if op.isComparison {
            let d = want ?? temp(1)
            comparison(op, x, y, into: d)
            return d
        }
        let isShift = op == .shl || op == .shr
        let a = operand(x, as: n.type)
        let b = isShift ? expr(y) : operand(y, as: n.type)
        let d = want ?? temp(1)
        arithmetic(op, a, b, n.type, y.type, into: d)
        return d
    }

    func comparison(_ op: Operator, _ x: IRNode, _ y: IRNode, into d: Int32) {
        let c = Cond(op) ?? .eq
        let xt = x.type, yt = y.type
        if xt.isString && yt.isString {
            let a = expr(x), b = expr(y)
            emit(.strCmp(d: d, a: a, b: b, c: c))
            return
        }
        let numType = NumKind(xt) != nil && !xt.isUntyped ? xt : yt
        if let k = NumKind(numType), NumKind(xt) != nil, NumKind(yt) != nil {
            let a = operand(x, as: numType)
            if isPlainInt(numType), y.op == .literal, let v = y.constant?.intValue, v >= Int(Int32.min), v <= Int(Int32.max) {
                emit(.cmpIK(d: d, a: a, v: Int32(v), c: c))
                return
            }
            let b = operand(y, as: numType)
            if isPlainInt(numType) || xt.basicKind?.isBoolean == true {
                emit(.cmpI(d: d, a: a, b: b, c: c))
            } else {
                emit(.cmp(d: d, a: a, b: b, c: c, kind: k))
            }
            return
        }
        if xt.basicKind?.isBoolean == true && yt.basicKind?.isBoolean == true {
            let a = expr(x), b = expr(y)
            emit(.cmpI(d: d, a: a, b: b, c: c))
            return
        }
        let a = expr(x), b = expr(y)
        equality(a, xt, b, yt, into: d, negate: c == .ne)
    }

    func equality(_ a: Int32, _ at: GoType, _ b: Int32, _ bt: GoType, into d: Int32, negate: Bool) {
        func isNil(_ t: GoType) -> Bool { if case .basic(.untypedNil) = t { return true }; return false }
        if at.isInterface && !bt.isInterface && !isNil(bt) {
            var plan = EqualityPlan(slots: slotKinds(bt))
            plan.concrete = pc.registry.rtype(bt)
            aux.equalities.append(plan)
            emit(.equal(d: d, a: a, b: b, x: Int32(aux.equalities.count - 1), negate: negate))
            return
        }
        if bt.isInterface && !at.isInterface && !isNil(at) {
            equality(b, bt, a, at, into: d, negate: negate)
            return
        }
        let t = isNil(at) ? bt : at
        let kinds = isNil(at) || isNil(bt) ? [EqualityPlan.Slot.ref] : slotKinds(t)
        emit(.equal(d: d, a: a, b: b, x: equalityPlan(kinds), negate: negate))
    }

    func equalityPlan(_ kinds: [EqualityPlan.Slot]) -> Int32 {
        aux.equalities.append(EqualityPlan(slots: kinds))
        return Int32(aux.equalities.count - 1)
    }

    func slotKinds(_ t: GoType) -> [EqualityPlan.Slot] {
        switch t.underlying {
        case .basic(let k):
            if k.isString { return [.string] }
            if k.isFloat { return [.float] }
            if k == .untypedNil { return [.ref] }
            return [.int]
        case .interface: return [.iface]
        case .array(let n, let e):
            let one = slotKinds(e)
            return Array((0..<n).map { _ in one }.joined())
        case .structure(let fields): return fields.flatMap { slotKinds($0.type) }
        default: return [.ref]
        }
    }

    func arithmetic(_ op: Operator, _ a: Int32, _ b: Int32, _ t: GoType, _ rightType: GoType, into d: Int32) {
        guard let k = NumKind(t) else {
            move(d, a, 1)
            return
        }
        let unsignedCount = rightType.basicKind.flatMap { IntKind($0) } == .uint64
        let aop: ArithOp
        switch op {
        case .add: aop = .add
        case .sub: aop = .sub
        case .mul: aop = .mul
        case .div: aop = .div
        case .rem: aop = .rem
        case .and: aop = .and
        case .or: aop = .or
        case .xor: aop = .xor
        case .andNot: aop = .andNot
        case .shl: aop = unsignedCount ? .shlUnsigned : .shl
        case .shr: aop = unsignedCount ? .shrUnsigned : .shr
        default: aop = .add
        }
        if k == .int(.int64) {
            switch aop {
            case .add: emit(.addI(d: d, a: a, b: b)); return
            case .sub: emit(.subI(d: d, a: a, b: b)); return
            case .mul: emit(.mulI(d: d, a: a, b: b)); return
            default: break
            }
        }
        emit(.arith(d: d, a: a, b: b, op: aop, kind: k))
    }

    private func unary(_ n: IRNode, into want: Int32?) -> Int32 {
        let a = expr(n.x!)
        let d = want ?? temp(1)
        let k = NumKind(n.type) ?? .int(.int64)
        switch n.oper {
        case .not: emit(.unary(d: d, a: a, op: .not, kind: .int(.uint8)))
        case .sub: emit(.unary(d: d, a: a, op: .neg, kind: k))
        case .xor: emit(.unary(d: d, a: a, op: .complement, kind: k))
        default: move(d, a, 1)
        }
        return d
    }

    // MARK: - Conversions

    private func conversion(_ n: IRNode, into want: Int32?) -> Int32 {
        let x = n.x!
        if let fk = NumKind(x.type), let tk = NumKind(n.type), fk != tk {
            let a = expr(x)
            let d = want ?? temp(1)
            emit(.numConv(d: d, a: a, from: fk, to: tk))
            return d
        }
        return expr(x, into: want)
    }

    private func box(_ n: IRNode, into want: Int32?) -> Int32 {
        let x = n.x!
        if x.type.isInterface || x.op == .nilValue {
            return expr(x, into: want)
        }
        let a = expr(x)
        let d = want ?? temp(1)
        let s = AllocSite(kind: .box, escapes: pc.verdicts.analysedNodes.contains(ObjectIdentifier(n)) ? pc.verdicts.escapes(n) : true,
                          type: x.type, zero: [], pos: n.pos, text: IRPrinter.string(n))
        s.rtype = pc.registry.rtype(x.type)
        s.boxing = AllocSite.Boxing(x.type)
        // Constants and constant literals are laid out read-only by the compiler.
        s.neverAllocates = FunctionCompiler.isConstantData(x)
        emit(.box(d: d, s: a, site: pc.addSite(s)))
        return d
    }

    private func stringConversion(_ n: IRNode, into want: Int32?) -> Int32 {
        let a = expr(n.x!)
        let d = want ?? temp(1)
        let kind: AllocSite.Kind
        var elem: GoType = .string
        switch n.op {
        case .stringToBytes: kind = .stringToBytes; elem = .byte
        case .bytesToString: kind = .bytesToString
        case .stringToRunes: kind = .stringToRunes; elem = .rune
        case .runesToString: kind = .runesToString
        default: kind = .runeToString
        }
        let site = pc.site(kind, n, type: elem, pos: n.pos)
        if temporaryConversions.contains(ObjectIdentifier(n)) { pc.sites[Int(site)].neverAllocates = true }
        emit(.convert(d: d, a: a, site: site))
        return d
    }

    // MARK: - Slicing and assertions

    private func sliceExpr(_ n: IRNode, into want: Int32?) -> Int32 {
        let x = n.x!
        var kind = AuxTables.SliceKind.slice
        var length = 0
        var stride = 1
        switch n.op {
        case .sliceString: kind = .string
        case .sliceArray:
            kind = .arrayPointer
            if case .array(let len, let e) = x.type.elem?.underlying { length = len; stride = slots(e) }
        default:
            if let e = x.type.elem { stride = slots(e) }
        }
        let a = expr(x)
        let lo = n.low.map { expr($0) } ?? -1
        let hi = n.high.map { expr($0) } ?? -1
        let mx = n.max.map { expr($0) } ?? -1
        let d = want ?? temp(1)
        aux.slices.append(.init(kind: kind, max: mx, arrayLength: length, stride: stride))
        emit(.sliceExpr(d: d, a: a, lo: lo, hi: hi, x: Int32(aux.slices.count - 1)))
        return d
    }

    /// `x.(T)`: the value into `d`, and the success flag into `ok` (or a panic when -1).
    func assertion(_ t: GoType, from source: GoType, _ a: Int32, into d: Int32, ok: Int32) {
        if t.isInterface {
            emit(.assertIface(d: d, a: a, x: interfaceCheck(t, from: source), ok: ok))
        } else {
            emit(.assertType(d: d, a: a, x: typeIndex(t, from: source), ok: ok))
        }
    }

    /// `v, ok := m[k]`, `v, ok := <-c`, `v, ok := x.(T)` into `d` and `d+n`.
    func commaOK(_ r: IRNode, into d: Int32) {
        let n = Int32(slots(r.type))
        switch r.op {
        case .indexMap:
            let m = expr(r.x!)
            let k = expr(r.y!)
            emit(.mapLoad(d: d, m: m, k: k, x: mapAux(r.x!.type), ok: d + n))
        case .recv:
            let c = expr(r.x!)
            flushTicks()
            emit(.recv(d: d, c: c, n: n, ok: d + n))
        default:
            let a = expr(r.x!)
            assertion(r.type, from: r.x!.type, a, into: d, ok: d + n)
        }
    }

    func typeIndex(_ t: GoType, from source: GoType = .emptyInterface) -> Int32 {
        aux.types.append(TypeRef(pc.registry.rtype(t)))
        aux.assertSources.append(Layout.runtimeName(source))
        return Int32(aux.types.count - 1)
    }

    func interfaceCheck(_ t: GoType, from source: GoType = .emptyInterface) -> Int32 {
        aux.interfaces.append(InterfaceCheck(type: t, methods: t.interfaceMethods ?? [], name: Layout.runtimeName(t),
                                             source: Layout.runtimeName(source)))
        return Int32(aux.interfaces.count - 1)
    }

    /// Constants and literals made only of constants: the compiler lays
    /// them out as read-only data, so boxing them allocates nothing.
    static func isConstantData(_ n: IRNode) -> Bool {
        switch n.op {
        case .literal, .nilValue: return true
        case .structLit, .arrayLit: return n.list.allSatisfy(isConstantData)
        case .structKey, .key: return n.y.map(isConstantData) ?? true
        case .convNop, .conv: return n.x.map(isConstantData) ?? false
        default: return false
        }
    }

    // MARK: - Conversions that reuse bytes

    /// Finds `string(b)` conversions Go compiles without a copy: operands of
    /// comparisons, map lookups, `switch` tags, concatenations that include a
    /// non-empty literal; and `[]byte(s)` ranged over.
    func findTemporaryConversions(_ body: [IRStmt]) {
        var stored: Set<ObjectIdentifier> = []
        func scanStmts(_ stmts: [IRStmt]) {
            for s in stmts {
                switch s {
                case .assign(_, _, let d, _):
                    if let d, d.op == .indexMap, let k = d.y { stored.insert(ObjectIdentifier(k)) }
                case .assignOp(_, _, _, let d, _):
                    if d.op == .indexMap, let k = d.y { stored.insert(ObjectIdentifier(k)) }
                case .assignList(_, _, _, let l, _):
                    for d in l { if let d, d.op == .indexMap, let k = d.y { stored.insert(ObjectIdentifier(k)) } }
                case .block(let b): scanStmts(b)
                case .ifStmt(_, let t, let e): scanStmts(t); scanStmts(e)
                case .forStmt(_, let p, let b): scanStmts(p); scanStmts(b)
                case .range(_, _, _, _, let x, let b):
                    if x.op == .stringToBytes { temporaryConversions.insert(ObjectIdentifier(x)) }
                    scanStmts(b)
                case .switchStmt(let tag, let cases):
                    if let t = tag, t.op == .bytesToString { temporaryConversions.insert(ObjectIdentifier(t)) }
                    for c in cases { scanStmts(c.body) }
                case .typeSwitch(_, _, let cases): for c in cases { scanStmts(c.body) }
                default: break
                }
            }
        }
        scanStmts(body)
        IRWalk.nodes(in: body) { n in
            switch n.op {
            case .binary where n.oper?.isComparison == true:
                for o in [n.x, n.y] { if let o, o.op == .bytesToString { self.temporaryConversions.insert(ObjectIdentifier(o)) } }
            case .indexMap:
                if let k = n.y, k.op == .bytesToString, !stored.contains(ObjectIdentifier(k)) {
                    self.temporaryConversions.insert(ObjectIdentifier(k))
                }
            case .addString:
                let hasLiteral = n.list.contains { $0.op == .literal && ($0.constant?.stringValue?.isEmpty == false) }
                if hasLiteral {
                    for o in n.list where o.op == .bytesToString { self.temporaryConversions.insert(ObjectIdentifier(o)) }
                }
            default: break
            }
        }
    }
}

/// Calls, conversions and built-ins, lowered the way Go's `callExpr`,
/// `transformCall`, `transformConv` and `transformBuiltin` do.
extension Lowering {
    mutating func call(_ e: Expr, _ f: Expr, _ args: [Expr], _ dots: Bool) -> IRNode {
        let fmode = info.modes[f.unparenthesized.id]
        // A conversion T(x).
        if fmode == .typeExpr {
            let t = info.type(of: f.unparenthesized)
            let x = expr(args[0])
            return conversion(e.pos, x, to: t, source: args[0])
        }
        if fmode == .builtin, let id = info.uses[f.unparenthesized.id], let b = objects[id].builtin {
            return builtin(e, b, args, dots)
        }
        let fn = expr(f)
        var argNodes = args.map { expr($0) }
        // transformCall starts at the call's own position.
        basePos = e.pos
        let resultType = type(e)
        guard let sig = fn.type.signature else { return IRNode(.nilValue, e.pos, .invalid) }
        var pre: [IRStmt] = []
        // f(g()) with several results: t1, t2 := g(); f(t1, t2).
        if argNodes.count == 1, case .tuple(let ts) = argNodes[0].type, ts.count > 1 {
            let (temps, stmt) = spreadResults(argNodes[0], ts)
            pre.append(stmt)
            argNodes = temps
        }
        // Conversions of the arguments to the parameter types.
        let saved = basePos
        for (i, a) in argNodes.enumerated() {
            setPos(a)
            let pt: GoType
            if sig.variadic && i >= sig.params.count - 1 {
                pt = dots ? sig.params[sig.params.count - 1] : (sig.params[sig.params.count - 1].elem ?? .invalid)
            } else if i < sig.params.count {
                pt = sig.params[i]
            } else {
                pt = .invalid
            }
            argNodes[i] = assignConvert(a, to: pt)
        }
        basePos = saved
        let n: IRNode
        if fn.op == .methodValue, fn.x?.type.isInterface == true {
            // An interface method call.
            let d = IRNode(.dotInter, fn.pos, fn.type)
            d.x = fn.x
            d.text = fn.text
            n = IRNode(.callInter, e.pos, resultType)
            n.x = d
            n.list = argNodes
        } else if fn.op == .methodValue, let recv = fn.x {
            // A method call becomes a call of the method expression T.m
            // with the receiver as first argument (Go's FixMethodCall).
            let m = IRNode(.methodExpr, fn.pos, fn.type)
            let tn = IRNode(.typeNode, .none, recv.type)
            m.x = tn
            m.text = fn.text
            m.callee = fn.callee
            n = IRNode(.callFunc, e.pos, resultType)
            n.x = m
            n.list = [recv] + argNodes
        } else {
            n = IRNode(.callFunc, e.pos, resultType)
            n.x = fn
            n.list = argNodes
        }
        n.isDDD = dots
        if !pre.isEmpty { pendingInit.append(contentsOf: pre) }
        return n
    }

    /// `t1, t2 := g()` for a call whose several results feed another call or a return.
    mutating func spreadResults(_ call: IRNode, _ types: [GoType]) -> ([IRNode], IRStmt) {
        var temps: [IRNode] = []
        for t in types {
            var o = Object(kind: .variable, name: ".autotmp_\(objects.count)", pos: call.pos, type: t)
            o.storage = .local
            o.function = current
            objects.append(o)
            let id = objects.count - 1
            declareVar(id)
            temps.append(nameNode(id))
        }
        let sid = newStmtID()
        for t in temps { definedBy[t.object!] = sid }
        return (temps, .assignList(id: sid, pos: call.pos, kind: .call, lhs: temps, rhs: [call]))
    }

    // MARK: - Conversions

    /// `T(x)` (Go's transformConvCall and transformConv).
    mutating func conversion(_ pos: Pos, _ x: IRNode, to t: GoType, source: Expr) -> IRNode {
        let from = x.type
        var op: IROp = .conv
        let tk = t.underlying.basicKind, fk = from.underlying.basicKind
        if t.isInterface {
            op = from.isInterface ? .convIface : .convIface
        } else if tk?.isString == true, case .slice(let e) = from.underlying {
            op = e.underlying.basicKind == .int32 ? .runesToString : .bytesToString
        } else if fk?.isString == true, case .slice(let e) = t.underlying {
            if e.underlying.basicKind == .int32 {
                if x.op == .literal, case .string(let bytes)? = x.constant {
                    return runesLiteral(String(decoding: bytes, as: UTF8.self), t)
                }
                op = .stringToRunes
            } else {
                op = .stringToBytes
            }
        } else if tk?.isString == true, fk?.isInteger == true {
            op = .runeToString
        } else if from.underlying == t.underlying {
            op = .convNop
        } else if case .pointer = from.underlying, case .pointer = t.underlying {
            op = .convNop
        } else if let a = fk, let b = tk, a.isNumeric, b.isNumeric {
            op = (a.isFloat || b.isFloat) ? .conv : (a.size == b.size ? .convNop : .conv)
        } else {
            op = .convNop
        }
        let n = IRNode(op, pos, t)
        n.x = x
        return n
    }

    /// `[]rune("abc")` of a constant is turned into a slice literal.
    private mutating func runesLiteral(_ s: String, _ t: GoType) -> IRNode {
        let n = IRNode(.sliceLit, basePos, t)
        for (i, r) in s.unicodeScalars.enumerated() {
            let k = IRNode(.key, basePos, .rune)
            let key = IRNode(.literal, basePos, .int)
            key.text = String(i)
            key.constant = .int(i)
            let v = IRNode(.literal, basePos, .rune)
            v.text = String(r.value)
            v.constant = .int(Int(r.value))
            k.x = key
            k.y = v
            n.list.append(k)
        }
        return n
    }

    // MARK: - Built-ins

    private mutating func builtin(_ e: Expr, _ b: Builtin, _ args: [Expr], _ dots: Bool) -> IRNode {
        let t = type(e)
        switch b {
        case .make:
            let mt = info.type(of: args[0].unparenthesized)
            let sizes = args.dropFirst().map { expr($0) }
            switch mt.underlying {
            case .slice:
                let n = IRNode(.makeSlice, e.pos, mt)
                n.low = sizes.first
                n.high = sizes.count > 1 ? sizes[1] : nil
                return n
            case .map:
                let n = IRNode(.makeMap, e.pos, mt)
                n.low = sizes.first ?? zeroLiteral()
                return n
            default:
                let n = IRNode(.makeChan, e.pos, mt)
                n.low = sizes.first ?? zeroLiteral()
                return n
            }
        case .new:
            let n = IRNode(.new, e.pos, t)
            n.x = IRNode(.typeNode, .none, info.type(of: args[0].unparenthesized))
            return n
        case .len, .cap:
            var x = expr(args[0])
            if case .pointer(let p) = x.type.underlying, p.isArray {
                let d = IRNode(.deref, basePos, p)
                d.x = x
                d.implicit = true
                x = d
            }
            let n = IRNode(b == .len ? .len : .cap, e.pos, t)
            n.x = x
            return n
        case .append:
            var list = args.map { expr($0) }
            if let s = list.first, case .slice(let elem) = s.type.underlying {
                if dots {
                    if list.count > 1, !(elem.underlying.basicKind == .uint8 && list[1].type.isString) {
                        list[1] = assignConvert(list[1], to: s.type.underlying)
                    }
                } else {
                    for i in 1..<list.count { list[i] = assignConvert(list[i], to: elem) }
                }
            }
            let n = IRNode(.append, e.pos, t)
            n.list = list
            n.isDDD = dots
            return n
        case .copy:
            let n = IRNode(.copy, e.pos, t)
            n.x = expr(args[0])
            n.y = expr(args[1])
            return n
        case .delete:
            var list = args.map { expr($0) }
            if case .map(let kt, _) = list[0].type.underlying { list[1] = assignConvert(list[1], to: kt) }
            let n = IRNode(.delete, e.pos, .tuple([]))
            n.list = list
            return n
        case .panic:
            let n = IRNode(.panic, e.pos, .tuple([]))
            n.x = assignConvert(expr(args[0]), to: .emptyInterface)
            return n
        case .print, .println:
            let n = IRNode(b == .print ? .print : .println, e.pos, .tuple([]))
            n.list = args.map { expr($0) }
            return n
        case .recover:
            return IRNode(.recover, e.pos, .emptyInterface)
        case .close:
            let n = IRNode(.close, e.pos, .tuple([]))
            n.x = expr(args[0])
            return n
        }
    }

    /// The `0` the compiler supplies for `make(map[K]V)` and `make(chan T)`.
    private func zeroLiteral() -> IRNode {
        let z = IRNode(.literal, .none, .basic(.untypedInt))
        z.text = "0"
        z.constant = .int(0)
        return z
    }
}

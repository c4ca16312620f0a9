/// Statements (Go's `escape.stmt`, `assignList`, `addr`). Loops matter:
/// something made inside a loop and stored in a variable declared outside
/// it outlives the iteration, so each location remembers its loop depth.
extension EscapeAnalyzer {
    func block(_ stmts: [IRStmt]) {
        let saved = loopDepth
        for s in stmts { stmt(s) }
        loopDepth = saved
    }

    func stmt(_ s: IRStmt) {
        switch s {
        case .declare(let id):
            // The variable's loop depth is where it is declared.
            locationOf[id]?.loopDepth = loopDepth
        case .assign(let id, let pos, let dst, let src):
            assignStatement(id, pos, dst, src)
        case .assignOp(let id, let pos, let op, let dst, let src):
            assignList([dst], [src], "assign", statement: id, at: pos, op: op.rawValue + "=")
        case .assignList(let id, let pos, let kind, let lhs, let rhs):
            switch kind {
            case .call:
                let ks = lhs.map { addr($0) }
                call(ks, rhs[0])
                reassigned(ks, lhs, statement: id)
            case .pair:
                assignList(lhs, rhs.map { Optional($0) }, "assign-pair", statement: id, at: pos, op: "=")
            default:
                assignList(lhs, [rhs[0], nil], "assign-pair", statement: id)
            }
        case .block(let b):
            block(b)
        case .ifStmt(let cond, let then, let els):
            discard(cond)
            block(then)
            block(els)
        case .forStmt(let cond, let post, let body):
            loopDepth += 1
            discard(cond)
            for p in post { stmt(p) }
            block(body)
            loopDepth -= 1
        case .range(let id, _, let key, let value, let x, let body):
            // The ranged-over value is evaluated once, outside the loop.
            let tmp = newLocation(nil, transient: false)
            expr(hole(tmp), x)
            loopDepth += 1
            let ks = [addr(key), addr(value)]
            let rangeNode = x
            if x.type.isArray {
                flow(ks[1].note(rangeNode, "range"), tmp)
            } else {
                flow(ks[1].deref(rangeNode, "range-deref"), tmp)
            }
            reassigned(ks, [key, value], statement: id, isRange: true)
            block(body)
            loopDepth -= 1
        case .switchStmt(let tag, let cases):
            discard(tag)
            for c in cases {
                for e in c.exprs { discard(e) }
                block(c.body)
            }
        case .typeSwitch(_, let x, let cases):
            // Each clause's variable receives the value, unboxed to its type.
            var ks: [Hole] = []
            for c in cases {
                guard let v = c.variable, let loc = locationOf[v] else { continue }
                loc.loopDepth = loopDepth
                if loc.type.hasPointers { ks.append(hole(loc).dotType(loc.type, x, "switch case")) }
            }
            expr(teeHole(ks), x)
            for c in cases { block(c.body) }
        case .send(_, let ch, let value):
            // Rule: a value sent on a channel may be received anywhere: heap.
            discard(ch)
            assignHeap(value, "send", value)
        case .returnStmt(_, let results):
            let dsts: [IRNode?] = (function(curfn)?.results ?? []).map { r in
                guard let loc = locationOf[r] else { return nil }
                return nameRef(r, loc)
            }
            assignList(dsts, results.map { Optional($0) }, "return", statement: nil)
        case .expr(let n):
            switch n.op {
            case .callFunc, .callInter, .copy, .delete, .panic, .print, .println, .recover, .close, .append, .len, .cap:
                call(nil, n)
            default:
                discard(n)
            }
        case .goStmt(_, let call):
            goDefer(call, isGo: true)
        case .deferStmt(_, let call):
            goDefer(call, isGo: false)
        case .branch:
            break
        }
    }

    /// `dst = src`: a zero-value `var x T` is the variable's initialisation.
    private func assignStatement(_ id: Int, _ pos: Pos, _ dst: IRNode?, _ src: IRNode?) {
        if src == nil, let d = dst, d.op == .name, let obj = d.object, program.definedBy[obj] == nil {
            _ = addr(d)
            return
        }
        assignList([dst], [src], "assign", statement: id, at: pos, op: "=")
    }


    /// Go's `assignList`: each destination's hole receives its source.
    func assignList(_ dsts: [IRNode?], _ srcs: [IRNode?], _ why: String, statement: Int?,
                    at pos: Pos = .none, op: String = "=", definingObjects: [ObjectID] = []) {
        let ks = dsts.map { addr($0) }
        for (i, var k) in ks.enumerated() {
            let src: IRNode? = i < srcs.count ? srcs[i] : nil
            if let dst = dsts[i], let s = src, isSelfAssign(dst, s) {
                // x.f = x.g and the like store nothing new.
                let text = dsts.map { $0.map { IRPrinter.string($0) } ?? "_" }.joined(separator: ", ")
                    + " " + op + " " + srcs.compactMap { $0.map { IRPrinter.string($0) } }.joined(separator: ", ")
                output.append(EscapeDiagnostic(pos: pos, kind: .ignoredSelfAssignment(statement: text), subject: "",
                                               function: functionName(curfn), why: nil))
                k = discardHole()
            }
            if let s = src { expr(k.note(s, why), s) } else { expr(k, nil) }
        }
        reassigned(ks, dsts, statement: statement, defining: definingObjects)
    }

    /// Marks assigned variables as reassigned, except where they are
    /// declared and assigned once (`x := …`).
    func reassigned(_ ks: [Hole], _ dsts: [IRNode?], statement: Int?, isRange: Bool = false, defining: [ObjectID] = []) {
        for (i, k) in ks.enumerated() {
            let loc = k.dst
            guard loc.kind == .variable, let obj = loc.object else { continue }
            if !isRange, let s = statement, program.definedBy[obj] == s { continue }
            if defining.contains(obj) { continue }
            _ = i
            loc.reassigned = true
        }
    }

    /// The hole for storing into an addressable expression.
    func addr(_ n: IRNode?) -> Hole {
        guard let n else { return discardHole() }
        switch n.op {
        case .name:
            guard let id = n.object, objects[id].storage != .global, let loc = locationOf[id] else {
                // A package-level variable lives for the whole program.
                return heapHole().note(n, "package-level variable")
            }
            return hole(loc)
        case .dot:
            return addr(n.x)
        case .index:
            discard(n.y)
            if n.x?.type.isArray == true { return addr(n.x) }
            // A slice element lives in an array that may be anywhere.
            discard(n.x)
            return heapHole().note(n, "slice element")
        case .deref, .dotPtr:
            // Storing through a pointer: the target could be anywhere.
            discard(n)
            return heapHole().note(n, "store through pointer")
        case .indexMap:
            discard(n.x)
            assignHeap(n.y, "key of map put", n)
            return heapHole().note(n, "map entry")
        default:
            return heapHole()
        }
    }

    // MARK: - Self-assignment

    /// `b.buf = b.buf[n:m]` and `x.f = x.g` store nothing that was not already there.
    func isSelfAssign(_ dst: IRNode, _ src: IRNode) -> Bool {
        if isSliceSelfAssign(dst, src) { return true }
        guard dst.op == src.op else { return false }
        switch dst.op {
        case .dot, .dotPtr:
            return sameSafeExpr(dst.x, src.x)
        case .index:
            if mayAffectMemory(dst.y) || mayAffectMemory(src.y) { return false }
            return sameSafeExpr(dst.x, src.x)
        default:
            return false
        }
    }

    private func isSliceSelfAssign(_ dst: IRNode, _ src: IRNode) -> Bool {
        guard dst.op == .deref || dst.op == .dotPtr, let dx = dst.x, dx.op == .name else { return false }
        switch src.op {
        case .slice, .sliceString: break
        case .sliceArray: if src.x?.op == .addr { return false }
        default: return false
        }
        guard let base = src.x, base.op == .deref || base.op == .dotPtr, let bx = base.x, bx.op == .name else { return false }
        return dx.object == bx.object
    }

    private func sameSafeExpr(_ a: IRNode?, _ b: IRNode?) -> Bool {
        guard let a, let b, a.op == b.op else { return false }
        switch a.op {
        case .name: return a.object == b.object
        case .dot, .dotPtr: return a.text == b.text && sameSafeExpr(a.x, b.x)
        case .deref, .convNop, .conv: return sameSafeExpr(a.x, b.x)
        case .index: return sameSafeExpr(a.x, b.x) && sameSafeExpr(a.y, b.y)
        case .literal: return a.constant == b.constant
        default: return false
        }
    }

    private func mayAffectMemory(_ n: IRNode?) -> Bool {
        guard let n else { return false }
        switch n.op {
        case .name, .literal, .nilValue: return false
        case .binary: return mayAffectMemory(n.x) || mayAffectMemory(n.y)
        case .index: return mayAffectMemory(n.x) || mayAffectMemory(n.y)
        case .convNop, .conv, .len, .cap, .unary, .dot, .dotPtr, .deref: return mayAffectMemory(n.x)
        default: return true
        }
    }
}

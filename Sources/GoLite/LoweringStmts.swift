/// Statements, lowered like Go's `irgen.stmt`: declarations come first as
/// `declare` statements, `:=` marks the statement that defines each new
/// variable, and assignments convert their values to the target types.
extension Lowering {
    mutating func block(_ stmts: [Stmt]) -> [IRStmt] {
        var out: [IRStmt] = []
        for s in stmts { out += stmt(s) }
        return out
    }

    /// Statements that must run before the current one (temporaries for `f(g())`).
    mutating func flush(_ s: [IRStmt]) -> [IRStmt] {
        let pre = pendingInit
        pendingInit = []
        return pre + s
    }

    mutating func stmt(_ s: Stmt) -> [IRStmt] {
        switch s {
        case .empty, .branch:
            return []
        case .expr(let e):
            let n = expr(e)
            return flush([.expr(n)])
        case .send(let pos, let ch, let value):
            let c = expr(ch)
            var v = expr(value)
            if let elem = c.type.elem { v = assignConvert(v, to: elem) }
            return flush([.send(pos: pos, chan: c, value: v)])
        case .incDec(let pos, let op, let target):
            let dst = expr(target)
            let one = IRNode(.literal, .none, dst.type)
            one.text = "1"
            one.constant = .int(1)
            return flush([.assignOp(id: newStmtID(), pos: pos, op: op, dst: dst, src: one)])
        case .assign(let a):
            return flush(assignment(a))
        case .decl(_, let decls):
            var out: [IRStmt] = []
            for d in decls {
                if case .varDecl(let spec) = d { out += flush(localVar(spec)) }
            }
            return out
        case .block(let b):
            return block(b.stmts)
        case .ifStmt(let i):
            return ifStmt(i)
        case .forStmt(let f):
            let initStmts = f.initStmt.map { stmt($0) } ?? []
            let cond = f.cond.map { expr($0) }
            let condPre = flush([])
            let post = f.post.map { stmt($0) } ?? []
            let body = block(f.body.stmts)
            return initStmts + condPre + [.forStmt(cond: cond, post: post, body: body)]
        case .rangeStmt(let r):
            return rangeStmt(r)
        case .switchStmt(let sw):
            let initStmts = sw.initStmt.map { stmt($0) } ?? []
            let tag = sw.tag.map { expr($0) }
            let pre = flush([])
            var cases: [(exprs: [IRNode], body: [IRStmt])] = []
            for c in sw.clauses {
                let exprs = (c.exprs ?? []).map { expr($0) }
                cases.append((exprs, block(c.body)))
            }
            return initStmts + pre + [.switchStmt(tag: tag, cases: cases)]
        case .typeSwitch(let ts):
            let initStmts = ts.initStmt.map { stmt($0) } ?? []
            let x = expr(ts.x)
            let pre = flush([])
            let vars = info.typeSwitchVars[ts.guardExpr.id]
            var cases: [(variable: ObjectID?, types: [GoType], body: [IRStmt])] = []
            for (i, c) in ts.clauses.enumerated() {
                var v: ObjectID? = nil
                if let vars, i < vars.count {
                    v = vars[i]
                    // Go places a clause's variable at the clause's colon.
                    objects[vars[i]].pos = c.colon
                    declareVar(vars[i])
                }
                let types = (c.exprs ?? []).map { info.type(of: $0) }
                cases.append((v, types, block(c.body)))
            }
            return initStmts + pre + [.typeSwitch(pos: ts.pos, x: x, cases: cases)]
        case .goStmt(let pos, let call):
            let n = expr(call)
            return flush([.goStmt(pos: pos, call: n)])
        case .deferStmt(let pos, let call):
            let n = expr(call)
            return flush([.deferStmt(pos: pos, call: n)])
        case .returnStmt(let pos, let results):
            return flush(returnStmt(pos, results))
        }
    }

    // MARK: - Assignments

    func assignListKind(_ rhs: IRNode) -> AssignKind {
        switch rhs.op {
        case .callFunc, .callInter: return .call
        case .indexMap: return .mapRead
        case .recv: return .receive
        case .dotType, .dotType2: return .typeAssert
        default: return .pair
        }
    }

    /// A left-hand name of `:=`: a new variable (declared here) or an existing one.
    private mutating func defineTarget(_ l: Expr, _ sid: Int, _ decls: inout [IRStmt]) -> IRNode? {
        guard case .name(let n) = l.kind, n != "_" else { return nil }
        if let id = info.defs[l.id] {
            decls.append(.declare(id))
            declareVar(id)
            definedBy[id] = sid
            return nameNode(id)
        }
        if let id = info.uses[l.id] { return nameNode(id) }
        return nil
    }

    private mutating func assignment(_ a: AssignStmt) -> [IRStmt] {
        if let op = a.op {
            // Go translates the right side first, then the left.
            let src = expr(a.rhs[0])
            let dst = expr(a.lhs[0])
            return [.assignOp(id: newStmtID(), pos: a.pos, op: op, dst: dst, src: src)]
        }
        var rhs = a.rhs.map { expr($0) }
        let sid = newStmtID()
        var decls: [IRStmt] = []
        var lhs: [IRNode?] = []
        if a.define {
            for l in a.lhs { lhs.append(defineTarget(l, sid, &decls)) }
        } else {
            for l in a.lhs {
                if case .name("_") = l.unparenthesized.kind { lhs.append(nil) } else { lhs.append(expr(l)) }
            }
        }
        if lhs.count == 1 && rhs.count == 1 {
            let src = lhs[0].map { assignConvert(rhs[0], to: $0.type) } ?? rhs[0]
            return decls + [.assign(id: sid, pos: a.pos, dst: lhs[0], src: src)]
        }
        if rhs.count == 1 && lhs.count > 1 {
            let kind = assignListKind(rhs[0])
            if kind == .typeAssert { rhs[0] = retag(rhs[0], .dotType2) }
            return decls + [.assignList(id: sid, pos: a.pos, kind: kind, lhs: lhs, rhs: rhs)]
        }
        for i in 0..<min(lhs.count, rhs.count) {
            if let l = lhs[i] { rhs[i] = assignConvert(rhs[i], to: l.type) }
        }
        return decls + [.assignList(id: sid, pos: a.pos, kind: .pair, lhs: lhs, rhs: rhs)]
    }

    func retag(_ n: IRNode, _ op: IROp) -> IRNode {
        let m = IRNode(op, n.pos, n.type)
        m.x = n.x
        return m
    }

    /// `var a, b T = x, y` inside a function.
    private mutating func localVar(_ spec: VarSpec) -> [IRStmt] {
        basePos = spec.pos
        var values = spec.values.map { expr($0) }
        let ids = spec.names.map { info.defs[$0.id] }
        var out: [IRStmt] = []
        if !values.isEmpty && values.count != spec.names.count {
            let sid = newStmtID()
            var lhs: [IRNode?] = []
            for (i, n) in spec.names.enumerated() {
                guard let id = ids[i], !n.isBlank else { lhs.append(nil); continue }
                out.append(.declare(id))
                declareVar(id)
                definedBy[id] = sid
                lhs.append(nameNode(id))
            }
            var kind = assignListKind(values[0])
            if kind == .typeAssert { values[0] = retag(values[0], .dotType2) }
            if kind == .pair { kind = .call }
            out.append(.assignList(id: sid, pos: spec.pos, kind: kind, lhs: lhs, rhs: values))
            return out
        }
        for (i, n) in spec.names.enumerated() {
            guard let id = ids[i] else { continue }
            let sid = newStmtID()
            if !n.isBlank {
                out.append(.declare(id))
                declareVar(id)
            }
            let dst: IRNode? = n.isBlank ? nil : nameNode(id)
            if values.isEmpty {
                out.append(.assign(id: sid, pos: spec.pos, dst: dst, src: nil))
            } else {
                if !n.isBlank { definedBy[id] = sid }
                let v = assignConvert(values[i], to: objects[id].type)
                out.append(.assign(id: sid, pos: spec.pos, dst: dst, src: v))
            }
        }
        return out
    }

    private mutating func returnStmt(_ pos: Pos, _ results: [Expr]) -> [IRStmt] {
        var nodes = results.map { expr($0) }
        let want = current >= 0 ? info.functions[current].signature.results : []
        var pre: [IRStmt] = []
        if nodes.count == 1, case .tuple(let ts) = nodes[0].type, ts.count > 1 {
            let (temps, st) = spreadResults(nodes[0], ts)
            pre.append(st)
            nodes = temps
        }
        let saved = basePos
        for (i, n) in nodes.enumerated() where i < want.count {
            setPos(n)
            nodes[i] = assignConvert(n, to: want[i])
        }
        basePos = saved
        return pre + [.returnStmt(pos: pos, results: nodes)]
    }

    // MARK: - Control flow

    private mutating func ifStmt(_ i: IfStmt) -> [IRStmt] {
        let initStmts = i.initStmt.map { stmt($0) } ?? []
        let cond = expr(i.cond)
        let pre = flush([])
        let then = block(i.then.stmts)
        var els: [IRStmt] = []
        if let e = i.elseStmt { els = stmt(e) }
        return initStmts + pre + [.ifStmt(cond: cond, then: then, els: els)]
    }

    private mutating func rangeStmt(_ r: RangeStmt) -> [IRStmt] {
        let sid = newStmtID()
        var decls: [IRStmt] = []
        var key: IRNode? = nil, value: IRNode? = nil
        if r.define {
            key = r.key.flatMap { defineTarget($0, sid, &decls) }
            value = r.value.flatMap { defineTarget($0, sid, &decls) }
        } else {
            key = r.key.flatMap { k -> IRNode? in
                if case .name("_") = k.kind { return nil }
                return expr(k)
            }
            value = r.value.flatMap { v -> IRNode? in
                if case .name("_") = v.kind { return nil }
                return expr(v)
            }
        }
        let x = expr(r.x)
        let pre = flush([])
        let body = block(r.body.stmts)
        return decls + pre + [.range(id: sid, pos: r.rangePos, key: key, value: value, x: x, body: body)]
    }
}

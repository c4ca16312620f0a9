/// The order in which functions are analysed: callees before callers, so
/// that each call finds its callee's parameter summary ready. Mutually
/// recursive functions form one group (Tarjan's strongly connected
/// components, as Go's `ir.VisitFuncsBottomUp`); function literals belong
/// to the group of the function they are written in.
enum Batches {
    static func order(program: IRProgram, info: TypeInfo) -> [[Int]] {
        var byIndex: [Int: IRFunction] = [:]
        for f in program.functions { byIndex[f.index] = f }
        // Plain tables, so the closures below capture nothing large.
        let literal = info.functions.map(\.isLiteral)
        let parents = info.functions.map(\.parent)
        func isLiteral(_ i: Int) -> Bool { i >= 0 && i < literal.count && literal[i] }
        // The literals written directly in each function.
        var literalsOf: [Int: [Int]] = [:]
        var roots: [Int] = []
        for f in program.functions {
            if isLiteral(f.index), let p = parents[f.index] {
                literalsOf[p, default: []].append(f.index)
            } else {
                roots.append(f.index)
            }
        }
        func topLevel(_ i: Int) -> Int {
            var f = i
            while isLiteral(f), let p = parents[f] { f = p }
            return f
        }
        // Calls and references from a function (and its literals) to declared functions.
        var edges: [Int: [Int]] = [:]
        for f in program.functions {
            var out: [Int] = []
            IRWalk.nodes(in: f.body) { n in
                if let c = n.callee, case .local(let g) = c, !isLiteral(g) { out.append(g) }
            }
            edges[topLevel(f.index), default: []] += out
        }

        var result: [[Int]] = []
        var id: [Int: Int] = [:]
        var low: [Int: Int] = [:]
        var onStack: Set<Int> = []
        var stack: [Int] = []
        var counter = 0
        func members(_ root: Int) -> [Int] {
            var all = [root]
            var i = 0
            while i < all.count {
                all += literalsOf[all[i]] ?? []
                i += 1
            }
            return all
        }
        func visit(_ v: Int) {
            counter += 1
            id[v] = counter
            low[v] = counter
            stack.append(v)
            onStack.insert(v)
            for w in edges[v] ?? [] where byIndex[w] != nil {
                if id[w] == nil {
                    visit(w)
                    low[v] = min(low[v]!, low[w]!)
                } else if onStack.contains(w) {
                    low[v] = min(low[v]!, id[w]!)
                }
            }
            if low[v] == id[v] {
                var group: [Int] = []
                while let w = stack.popLast() {
                    onStack.remove(w)
                    group.append(w)
                    if w == v { break }
                }
                result.append(group.reversed().flatMap(members))
            }
        }
        for r in roots where id[r] == nil { visit(r) }
        return result
    }
}

/// Walks every IR node of a list of statements (function literals' bodies
/// are separate functions and are not entered).
enum IRWalk {
    static func nodes(in stmts: [IRStmt], _ visit: (IRNode) -> Void) {
        for s in stmts { nodes(in: s, visit) }
    }

    static func nodes(in s: IRStmt, _ visit: (IRNode) -> Void) {
        func n(_ x: IRNode?) { if let x { node(x, visit) } }
        switch s {
        case .declare, .branch: break
        case .assign(_, _, let d, let v): n(d); n(v)
        case .assignOp(_, _, _, let d, let v): n(d); n(v)
        case .assignList(_, _, _, let l, let r): l.forEach { n($0) }; r.forEach { n($0) }
        case .block(let b): nodes(in: b, visit)
        case .ifStmt(let c, let t, let e): n(c); nodes(in: t, visit); nodes(in: e, visit)
        case .forStmt(let c, let p, let b): n(c); nodes(in: p, visit); nodes(in: b, visit)
        case .range(_, _, let k, let v, let x, let b): n(k); n(v); n(x); nodes(in: b, visit)
        case .switchStmt(let t, let cases):
            n(t)
            for c in cases { c.exprs.forEach { n($0) }; nodes(in: c.body, visit) }
        case .typeSwitch(_, let x, let cases):
            n(x)
            for c in cases { nodes(in: c.body, visit) }
        case .send(_, let c, let v): n(c); n(v)
        case .returnStmt(_, let r): r.forEach { n($0) }
        case .expr(let x), .goStmt(_, let x), .deferStmt(_, let x): n(x)
        }
    }

    static func node(_ n: IRNode, _ visit: (IRNode) -> Void) {
        visit(n)
        if let x = n.x { node(x, visit) }
        if let y = n.y { node(y, visit) }
        if let l = n.low { node(l, visit) }
        if let h = n.high { node(h, visit) }
        if let m = n.max { node(m, visit) }
        for item in n.list { node(item, visit) }
    }
}

import TextKit

/// Statements. Every simple statement, every evaluation of a loop or `if`
/// condition and every `range` iteration counts one step (see `tick`).
extension FunctionCompiler {
    func block(_ stmts: [IRStmt]) {
        for s in stmts { stmt(s) }
    }

    func stmt(_ s: IRStmt) {
        let mark = nextReg
        defer { nextReg = mark }
        switch s {
        case .declare(let id):
            declare(id)
        case .assign(_, let pos, let dst, let src):
            at(pos)
            countStatement()
            assign(dst, src)
        case .assignList(_, let pos, let kind, let lhs, let rhs):
            at(pos)
            countStatement()
            assignList(kind, lhs, rhs)
        case .assignOp(_, let pos, let op, let dst, let src):
            at(pos)
            countStatement()
            assignOp(op, dst, src, pos: pos)
        case .block(let b):
            block(b)
        case .ifStmt(let cond, let then, let els):
            at(cond.pos)
            countStatement()
            let toElse = branchIfFalse(cond)
            block(then)
            if els.isEmpty {
                patchAll(toElse, to: label())
            } else {
                let toEnd = emitJump { .jump(t: $0) }
                patchAll(toElse, to: label())
                block(els)
                patch(toEnd, to: label())
            }
        case .forStmt(let cond, let post, let body):
            forLoop(cond, post, body)
        case .range(_, let pos, let key, let value, let x, let body):
            at(pos)
            rangeLoop(key, value, x, body)
        case .switchStmt(let tag, let cases):
            switchStmt(tag, cases)
        case .typeSwitch(let pos, let x, let cases):
            at(pos)
            typeSwitch(x, cases)
        case .send(let pos, let ch, let value):
            at(pos)
            countStatement()
            let c = expr(ch)
            let v = expr(value)
            flushTicks()
            emit(.send(c: c, v: v, n: Int32(slots(value.type))))
        case .returnStmt(let pos, let results):
            at(pos)
            countStatement()
            returnStmt(results)
        case .expr(let n):
            at(n.pos)
            countStatement()
            discard(n)
        case .goStmt(let pos, let call):
            at(pos)
            countStatement()
            deferOrGo(call, isGo: true, pos: pos)
        case .deferStmt(let pos, let call):
            at(pos)
            countStatement()
            deferOrGo(call, isGo: false, pos: pos)
        case .branch(let kind):
            branch(kind)
        }
    }

    /// A variable comes into scope: one that lives in a block gets a fresh
    /// block each time (on the heap if the analysis moved it there).
    func declare(_ id: ObjectID) {
        if case .boxed(let r) = home(id) {
            emit(.newObject(d: r, site: variableSite(id, objects[id].type)))
        }
    }

    /// An expression statement: evaluated for its effects.
    func discard(_ n: IRNode) {
        _ = expr(n)
    }

    // MARK: - Assignments

    func assign(_ dst: IRNode?, _ src: IRNode?) {
        guard let dst else {
            if let src { _ = expr(src) }
            return
        }
        // `var x T` right after its declaration: a variable in a block was
        // just made zeroed.
        if src == nil, dst.op == .name, let id = dst.object, case .boxed = home(id) { return }
        let p = place(dst)
        guard let src else {
            let n = slots(dst.type)
            if case .reg(let r) = p { zero(dst.type, into: r); return }
            let t = temp(n)
            zero(dst.type, into: t)
            store(p, t, n, dst.type)
            return
        }
        let n = slots(dst.type)
        if case .reg(let r) = p, n == 1, canTarget(src) {
            _ = expr(src, into: r)
            return
        }
        let v = expr(src)
        store(p, v, n, dst.type)
    }

    /// Whether an expression may be computed straight into a variable's
    /// register: its last instruction writes the result after reading every operand.
    func canTarget(_ n: IRNode) -> Bool {
        switch n.op {
        case .andAnd, .orOr, .structLit, .arrayLit, .sliceLit, .mapLit: return false
        default: return true
        }
    }

    func assignList(_ kind: AssignKind, _ lhs: [IRNode?], _ rhs: [IRNode]) {
        switch kind {
        case .pair:
            // Left operands and right values are all evaluated before any store.
            let places = lhs.map { l -> Place? in l.map { materialize(place($0)) } }
            var values: [Int32] = []
            for (i, r) in rhs.enumerated() {
                let n = slots(r.type)
                let t = temp(n)
                _ = expr(r, into: t)
                values.append(t)
                _ = i
            }
            for (i, p) in places.enumerated() {
                guard let p, let l = lhs[i], i < values.count else { continue }
                store(p, values[i], slots(l.type), l.type)
            }
        case .call:
            let call = rhs[0]
            let places = lhs.map { l -> Place? in l.map { place($0) } }
            let base = expr(call)
            guard case .tuple(let types) = call.type else { return }
            var off: Int32 = 0
            for (i, t) in types.enumerated() {
                if i < places.count, let p = places[i], let l = lhs[i] {
                    store(p, base + off, slots(t), l.type)
                }
                off += Int32(slots(t))
            }
        case .mapRead, .receive, .typeAssert:
            let places = lhs.map { l -> Place? in l.map { place($0) } }
            let r = rhs[0]
            let n = slots(r.type)
            let d = temp(n + 1)
            commaOK(r, into: d)
            if let p = places[0], let l = lhs[0] { store(p, d, n, l.type) }
            if places.count > 1, let p = places[1], let l = lhs[1] { store(p, d + Int32(n), 1, l.type) }
        }
    }

    /// `x op= y` and `x++`: the place is evaluated once.
    func assignOp(_ op: Operator, _ dst: IRNode, _ src: IRNode, pos: Pos) {
        let p = materialize(place(dst))
        let t = dst.type
        if case .reg(let r) = p, t.basicKind.flatMap({ IntKind($0) }) == .int64,
           src.op == .literal, let c = src.constant?.intValue, c >= Int(Int32.min), c <= Int(Int32.max), op == .add || op == .sub {
            emit(.addIK(d: r, a: r, v: Int32(op == .add ? c : -c)))
            return
        }
        let cur = load(p, 1, t)
        let d = temp(1)
        if t.isString && op == .add {
            // `s += t` becomes `s = s + t` after the analysis (walk), one
            // concatenation with t's own operands, on the heap.
            let parts = src.op == .addString ? src.list : [src]
            let first = temp(1 + parts.count)
            move(first, cur, 1)
            for (i, part) in parts.enumerated() { _ = expr(part, into: first + 1 + Int32(i)) }
            let site = pc.site(.concat, nil, type: .string, pos: pos)
            emit(.concat(d: d, first: first, count: Int32(1 + parts.count), site: site))
        } else {
            let v = op == .shl || op == .shr ? expr(src) : operand(src, as: t)
            arithmetic(op, cur, v, t, src.type, into: d)
        }
        store(p, d, 1, t)
    }

    func returnStmt(_ results: [IRNode]) {
        let fi = index < pc.info.functions.count ? pc.info.functions[index] : nil
        if results.count == 1, let fi, fi.results.count == 1, case .reg(let r) = place(ofVariable: fi.results[0]),
           slots(results[0].type) == 1, canTarget(results[0]) {
            _ = expr(results[0], into: r)
        } else if !results.isEmpty, let fi {
            var values: [Int32] = []
            for r in results {
                let t = temp(slots(r.type))
                _ = expr(r, into: t)
                values.append(t)
            }
            for (i, v) in values.enumerated() where i < fi.results.count {
                let id = fi.results[i]
                store(place(ofVariable: id), v, slots(fi.signature.results[i]), fi.signature.results[i])
            }
        }
        let n = pendingTicks
        pendingTicks = 0
        emit(n > 0 ? .tickRet(n: n) : .ret)
    }

    // MARK: - Conditions

    /// Evaluates a condition and returns the jumps taken when it is false.
    func branchIfFalse(_ cond: IRNode) -> [Int] {
        switch cond.op {
        case .andAnd:
            let a = branchIfFalse(cond.x!)
            let b = branchIfFalse(cond.y!)
            return a + b
        case .orOr:
            let toRight = branchIfFalse(cond.x!)
            let toBody = emitJump { .jump(t: $0) }
            patchAll(toRight, to: label())
            let b = branchIfFalse(cond.y!)
            patch(toBody, to: label())
            return b
        case .unary where cond.oper == .not:
            let t = branchIfTrue(cond.x!)
            return t
        case .binary:
            if let c = cond.oper.flatMap(Cond.init), let xt = cond.x?.type, isPlainInt(xt), let yt = cond.y?.type, isPlainInt(yt) {
                let a = expr(cond.x!)
                if let y = cond.y, y.op == .literal, let k = y.constant?.intValue, k >= Int(Int32.min), k <= Int(Int32.max) {
                    return [emitJump { .brIK(a: a, v: Int32(k), c: c, t: $0) }]
                }
                let b = expr(cond.y!)
                return [emitJump { .brI(a: a, b: b, c: c, t: $0) }]
            }
        default:
            break
        }
        let c = expr(cond)
        return [emitJump { .jumpIfNot(c: c, t: $0) }]
    }

    func branchIfTrue(_ cond: IRNode) -> [Int] {
        let c = expr(cond)
        return [emitJump { .jumpIf(c: c, t: $0) }]
    }

    /// Signed integers (and unsigned ones narrower than 64 bits) compare as Swift Ints.
    func isPlainInt(_ t: GoType) -> Bool {
        guard let k = t.basicKind, let ik = IntKind(k) else { return false }
        return ik != .uint64 && !k.isBoolean
    }

    // MARK: - Loops

    func forLoop(_ cond: IRNode?, _ post: [IRStmt], _ body: [IRStmt]) {
        let top = label()
        var exits: [Int] = []
        if let cond {
            at(cond.pos)
            let mark = nextReg
            exits = branchIfFalse(cond)
            nextReg = mark
        }
        scopes.append(BranchScope(isLoop: true))
        block(body)
        let scope = scopes.removeLast()
        if !scope.continues.isEmpty { patchAll(scope.continues, to: label()) }
        block(post)
        // Each iteration counts a step, so even `for {}` is bounded.
        countStatement()
        backEdge(to: top)
        let end = label()
        patchAll(exits, to: end)
        patchAll(scope.breaks, to: end)
    }

    /// The jump back to a loop's top, counting the statements before it.
    func backEdge(to top: Int) {
        let n = pendingTicks
        pendingTicks = 0
        emit(n > 0 ? .tickJump(n: n, t: Int32(top)) : .jump(t: Int32(top)))
    }

    func branch(_ kind: BranchKind) {
        flushTicks()
        switch kind {
        case .breakStmt:
            guard !scopes.isEmpty else { return }
            let j = emit(.jump(t: -1))
            scopes[scopes.count - 1].breaks.append(j)
        case .continueStmt:
            guard let i = scopes.lastIndex(where: { $0.isLoop }) else { return }
            let j = emit(.jump(t: -1))
            scopes[i].continues.append(j)
        case .fallthroughStmt:
            guard !scopes.isEmpty else { return }
            let j = emit(.jump(t: -1))
            scopes[scopes.count - 1].fallthroughs.append(j)
        }
    }

    /// `for k, v := range x` over slices, arrays, pointers to arrays,
    /// strings, maps and channels. The ranged value is evaluated once.
    func rangeLoop(_ key: IRNode?, _ value: IRNode?, _ x: IRNode, _ body: [IRStmt]) {
        let keyPlace = key.map { place($0) }
        let valuePlace = value.map { place($0) }
        var exits: [Int] = []
        let top: Int
        let cont: () -> Void
        switch x.type.underlying {
        case .map(let kt, let vt):
            let m = expr(x)
            let it = temp(2)
            emit(.mapIterInit(d: it, m: m))
            let k = temp(slots(kt))
            let v = valuePlace == nil ? Int32(-1) : temp(slots(vt))
            top = label()
            exits.append(emit(.mapIterNext(it: it, k: key == nil ? -1 : k, v: v, t: -1)))
            if let p = keyPlace, let kn = key { store(p, k, slots(kt), kn.type) }
            if let p = valuePlace, let vn = value { store(p, v, slots(vt), vn.type) }
            cont = {}
        case .chan(_, let et):
            let c = expr(x)
            let n = slots(et)
            let v = temp(n + 1)
            top = label()
            emit(.recv(d: v, c: c, n: Int32(n), ok: v + Int32(n)))
            exits.append(emitJump { .jumpIfNot(c: v + Int32(n), t: $0) })
            if let p = keyPlace, let kn = key { store(p, v, n, kn.type) }
            cont = {}
        case .basic:
            // A string: runes, decoded from UTF-8.
            let s = temp(1)
            _ = expr(x, into: s)
            let state = temp(3)
            emit(.setInt(d: state, v: 0))
            top = label()
            exits.append(emit(.strNext(s: s, i: state, t: -1)))
            if let p = keyPlace, let kn = key { store(p, state + 1, 1, kn.type) }
            if let p = valuePlace, let vn = value { store(p, state + 2, 1, vn.type) }
            cont = {}
        default:
            let i = temp(1)
            let n = temp(1)
            emit(.setInt(d: i, v: 0))
            let access = rangeAccess(x, wantValue: valuePlace != nil, length: n)
            top = label()
            exits.append(emit(.brI(a: i, b: n, c: .lt, t: -1)))
            if let p = keyPlace, let kn = key { store(p, i, 1, kn.type) }
            if let p = valuePlace, let vn = value, let access {
                let v = access(i)
                if case .reg(let r) = p, slots(vn.type) == 1, let last = code.last, case .sliceLoad1(let d, let sr, let ir) = last, d == v {
                    // Load the element straight into the variable.
                    code[code.count - 1] = .sliceLoad1(d: r, s: sr, i: ir)
                } else {
                    store(p, v, slots(vn.type), vn.type)
                }
            }
            cont = { [self] in emit(.addIK(d: i, a: i, v: 1)) }
        }
        scopes.append(BranchScope(isLoop: true))
        block(body)
        let scope = scopes.removeLast()
        if !scope.continues.isEmpty { patchAll(scope.continues, to: label()) }
        cont()
        countStatement()
        backEdge(to: top)
        let end = label()
        patchAll(exits, to: end)
        patchAll(scope.breaks, to: end)
    }

    /// For slices and arrays: loads the length into `length` and returns
    /// how to read element `i` (nil when the value is not wanted).
    private func rangeAccess(_ x: IRNode, wantValue: Bool, length: Int32) -> ((Int32) -> Int32)? {
        let t = x.type.underlying
        switch t {
        case .slice(let e):
            let s = temp(1)
            _ = expr(x, into: s)
            emit(.len(d: length, a: s))
            let n = slots(e)
            let el = elementAux(stride: n, offset: 0, n: n, length: 0)
            return { [self] i in
                let d = temp(n)
                emit(n == 1 ? .sliceLoad1(d: d, s: s, i: i) : .sliceLoad(d: d, s: s, i: i, x: el))
                return d
            }
        case .array(let len, let e):
            emit(.setInt(d: length, v: Int32(len)))
            let n = slots(e)
            if !wantValue { _ = expr(x); return nil }
            // The array is copied once (Go ranges over a copy), unless it is large.
            if len * n <= 1024 {
                let a = temp(len * n)
                _ = expr(x, into: a)
                let el = elementAux(stride: n, offset: 0, n: n, length: len)
                return { [self] i in
                    let d = temp(n)
                    emit(.regIndex(d: d, a: a, i: i, x: el))
                    return d
                }
            }
            let p = addressOf(x)
            let el = elementAux(stride: n, offset: 0, n: n, length: len)
            return { [self] i in
                let q = temp(1)
                emit(.arrayAddr(d: q, p: p, i: i, x: el))
                return load(.mem(q, 0), n, e)
            }
        case .pointer(let pt):
            guard case .array(let len, let e) = pt.underlying else { return nil }
            let p = temp(1)
            _ = expr(x, into: p)
            emit(.setInt(d: length, v: Int32(len)))
            let n = slots(e)
            let el = elementAux(stride: n, offset: 0, n: n, length: len)
            return { [self] i in
                let q = temp(1)
                emit(.arrayAddr(d: q, p: p, i: i, x: el))
                return load(.mem(q, 0), n, e)
            }
        default:
            return nil
        }
    }

    func elementAux(stride: Int, offset: Int, n: Int, length: Int) -> Int32 {
        aux.elements.append(.init(stride: stride, offset: offset, n: n, length: length))
        return Int32(aux.elements.count - 1)
    }

    // MARK: - Switches

    func switchStmt(_ tag: IRNode?, _ cases: [(exprs: [IRNode], body: [IRStmt])]) {
        var tagReg: Int32 = -1
        if let tag {
            at(tag.pos)
            tagReg = temp(slots(tag.type))
            _ = expr(tag, into: tagReg)
        }
        countStatement()
        var toBody: [[Int]] = Array(repeating: [], count: cases.count)
        var defaultIndex: Int? = nil
        for (i, c) in cases.enumerated() {
            if c.exprs.isEmpty { defaultIndex = i; continue }
            for e in c.exprs {
                let mark = nextReg
                if let tag {
                    let r = temp(1)
                    let v = expr(e)
                    equality(tagReg, tag.type, v, e.type, into: r, negate: false)
                    toBody[i].append(emitJump { .jumpIf(c: r, t: $0) })
                } else {
                    toBody[i].append(contentsOf: branchIfTrue(e))
                }
                nextReg = mark
            }
        }
        caseBodies(cases.count, toBody: toBody, defaultIndex: defaultIndex) { i in
            block(cases[i].body)
        }
    }

    func typeSwitch(_ x: IRNode, _ cases: [(variable: ObjectID?, types: [GoType], body: [IRStmt])]) {
        let v = temp(1)
        _ = expr(x, into: v)
        countStatement()
        var toBody: [[Int]] = Array(repeating: [], count: cases.count)
        var defaultIndex: Int? = nil
        for (i, c) in cases.enumerated() {
            if c.types.isEmpty { defaultIndex = i; continue }
            for t in c.types {
                let r = temp(1)
                if case .basic(.untypedNil) = t {
                    let z = temp(1)
                    emit(.konst(d: z, k: constant(.null)))
                    emit(.equal(d: r, a: v, b: z, x: equalityPlan([.ref]), negate: false))
                } else if t.isInterface {
                    emit(.implements(d: r, a: v, x: interfaceCheck(t)))
                } else {
                    emit(.typeIs(d: r, a: v, x: typeIndex(t)))
                }
                toBody[i].append(emitJump { .jumpIf(c: r, t: $0) })
                nextReg = r
            }
        }
        caseBodies(cases.count, toBody: toBody, defaultIndex: defaultIndex) { i in
            let c = cases[i]
            if let id = c.variable {
                declare(id)
                let p = place(ofVariable: id)
                let vt = objects[id].type
                if c.types.count == 1, !vt.isInterface, !(c.types[0] == .basic(.untypedNil)) {
                    let n = slots(vt)
                    let d = temp(n)
                    emit(.unbox(d: d, a: v, n: Int32(n)))
                    store(p, d, n, vt)
                } else {
                    store(p, v, 1, vt)
                }
            }
            block(c.body)
        }
    }

    /// Lays out the bodies of a switch's cases after its tests: each body
    /// starts where its tests jump, a `fallthrough` jumps to the next body,
    /// every body ends with a jump past the last one, and no matching case
    /// goes to `default` (or past the switch). `body(i)` emits case i.
    private func caseBodies(_ count: Int, toBody: [[Int]], defaultIndex: Int?, body: (Int) -> Void) {
        let toDefault = emitJump { .jump(t: $0) }
        scopes.append(BranchScope(isLoop: false))
        var bodyStart: [Int] = []
        var ends: [Int] = []
        for i in 0..<count {
            let start = label()
            bodyStart.append(start)
            patchAll(toBody[i], to: start)
            patchAll(scopes[scopes.count - 1].fallthroughs, to: start)
            scopes[scopes.count - 1].fallthroughs = []
            body(i)
            if scopes[scopes.count - 1].fallthroughs.isEmpty || i == count - 1 {
                ends.append(emitJump { .jump(t: $0) })
            }
        }
        let scope = scopes.removeLast()
        let end = label()
        patch(toDefault, to: defaultIndex.map { bodyStart[$0] } ?? end)
        patchAll(ends, to: end)
        patchAll(scope.breaks, to: end)
        patchAll(scope.fallthroughs, to: end)
    }
}

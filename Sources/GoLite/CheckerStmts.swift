import TextKit

/// Statements and declarations inside functions.
extension Checker {
    mutating func blockStmts(_ stmts: [Stmt]) {
        for s in stmts { stmt(s) }
    }

    /// A switch clause's statements: only the last may be `fallthrough`,
    /// and not in the last clause.
    mutating func clauseStmts(_ stmts: [Stmt], lastClause: Bool) {
        for (i, s) in stmts.enumerated() {
            if case .branch(let pos, .fallthroughStmt) = s {
                if i != stmts.count - 1 {
                    error(pos, "fallthrough statement out of place")
                } else if lastClause {
                    error(pos, "cannot fallthrough final case in switch")
                }
                continue
            }
            stmt(s)
        }
    }

    mutating func stmt(_ s: Stmt) {
        switch s {
        case .empty: break
        case .expr(let e):
            exprStmt(e)
        case .send(let pos, let ch, let value):
            let c = expr(ch)
            var v = expr(value)
            if c.isInvalid || v.isInvalid { return }
            guard case .chan(let dir, let elem) = c.type.underlying else {
                error(pos, "invalid operation: cannot send to non-channel " + describe(c))
                return
            }
            if dir == .recv {
                error(pos, "invalid operation: cannot send to receive-only channel " + describe(c))
                return
            }
            assign(&v, to: elem, context: "send")
        case .incDec(let pos, let op, let target):
            var x = expr(target)
            if x.isInvalid { return }
            guard x.type.basicKind?.isNumeric == true else {
                error(pos, "invalid operation: " + Printer.expr(target) + op.rawValue + op.rawValue + " (non-numeric type " + x.type.checkerDescription + ")")
                return
            }
            checkAssignable(&x)
        case .assign(let a):
            assignment(a)
        case .decl(_, let decls):
            for d in decls { localDecl(d) }
        case .block(let b):
            pushScope()
            blockStmts(b.stmts)
            popScope()
        case .ifStmt(let s):
            ifStmt(s)
        case .forStmt(let f):
            pushScope()
            if let i = f.initStmt { stmt(i) }
            if let c = f.cond { condition(c, "for") }
            if let p = f.post { stmt(p) }
            breakable.append(true)
            pushScope()
            blockStmts(f.body.stmts)
            popScope()
            breakable.removeLast()
            popScope()
        case .rangeStmt(let r):
            rangeStmt(r)
        case .switchStmt(let s):
            switchStmt(s)
        case .typeSwitch(let s):
            typeSwitch(s)
        case .branch(let pos, let kind):
            switch kind {
            case .breakStmt:
                if breakable.isEmpty { error(pos, "break is not in a loop, switch, or select") }
            case .continueStmt:
                if !breakable.contains(true) { error(pos, "continue is not in a loop") }
            case .fallthroughStmt:
                error(pos, "fallthrough statement out of place")
            }
        case .goStmt(let pos, let call), .deferStmt(let pos, let call):
            let keyword: String
            if case .goStmt = s { keyword = "go" } else { keyword = "defer" }
            let op = rawExpr(call)
            if op.isInvalid { return }
            if case .call(let f, _, _) = call.kind {
                let fop = info.modes[f.id]
                if fop == .typeExpr {
                    error(call.startPos, keyword + " requires function call, not conversion " + describe(op))
                } else if fop == .builtin, let b = info.uses[f.id].flatMap({ info.objects[$0].builtin }),
                          [.append, .cap, .len, .make, .new].contains(b) {
                    error(pos, keyword + " discards result of " + Printer.expr(call))
                }
            }
        case .returnStmt(let pos, let results):
            returnStmt(pos, results)
        }
    }

    // MARK: - Expression statements

    private mutating func exprStmt(_ e: Expr) {
        let op = rawExpr(e)
        if op.isInvalid { return }
        let inner = e.unparenthesized
        switch inner.kind {
        case .call(let f, _, _):
            let fmode = info.modes[f.id]
            if fmode == .typeExpr {
                error(e.pos.isKnown ? inner.startPos : e.pos, Printer.expr(e) + " (" + modeDescription(op) + ") is not used")
                return
            }
            if fmode == .builtin, let b = info.uses[f.unparenthesized.id].flatMap({ info.objects[$0].builtin }),
               [.append, .cap, .len, .make, .new].contains(b) {
                error(inner.startPos, Printer.expr(e) + " (" + modeDescription(op) + ") is not used")
            }
            return
        case .unary(.recv, _):
            return
        default:
            switch op.mode {
            case .typeExpr: error(inner.startPos, Printer.expr(e) + " (type) is not an expression")
            case .builtin: error(inner.startPos, Printer.expr(e) + " (built-in) must be called")
            default: error(inner.startPos, Printer.expr(e) + " (" + modeDescription(op) + ") is not used")
            }
        }
    }

    // MARK: - Assignments

    /// The left side of `=`: a variable, a field or element, a pointer
    /// target, a map entry, or `_`. A plain variable on the left is not a use.
    private mutating func lhsOperand(_ e: Expr) -> Operand? {
        let inner = e.unparenthesized
        if case .name(let n) = inner.kind {
            if n == "_" {
                info.types[e.id] = .invalid
                return nil
            }
            if let id = lookup(n), info.objects[id].kind == .variable {
                info.uses[inner.id] = id
                if globalState[id] != nil && globalState[id] != .done { resolveGlobal(id) }
                let o = info.objects[id]
                // Assigning to a captured variable still makes the closure capture it.
                let wasUsed = usedVars.contains(id)
                markUsed(id)
                if !wasUsed { usedVars.remove(id) }
                let op = Operand(mode: .variable, type: o.type, expr: inner)
                info.types[inner.id] = o.type
                info.modes[inner.id] = .variable
                if e.id != inner.id { info.types[e.id] = o.type; info.modes[e.id] = .variable }
                return op
            }
        }
        var op = expr(e)
        if op.isInvalid { return nil }
        checkAssignable(&op)
        return op
    }

    private mutating func checkAssignable(_ op: inout Operand) {
        switch op.mode {
        case .variable, .mapIndex: return
        default:
            if case .selector(let x, _) = op.expr.unparenthesized.kind, info.modes[x.id] == .mapIndex {
                error(op.expr.pos.isKnown ? op.expr.startPos : op.expr.pos, "cannot assign to struct field " + Printer.expr(op.expr) + " in map")
                return
            }
            error(op.expr.startPos, "cannot assign to " + describe(op))
        }
    }

    private mutating func assignment(_ a: AssignStmt) {
        if let op = a.op {
            // x op= y is checked as x op y (x evaluated once), through a
            // made-up binary expression with an id of its own.
            info.types.append(nil)
            info.modes.append(.value)
            let fake = Expr(id: info.types.count - 1, pos: a.pos, kind: .binary(op, a.lhs[0], a.rhs[0]))
            let r = rawExpr(fake)
            let lhs = a.lhs[0]
            var l = Operand(mode: info.modes[lhs.id], type: info.types[lhs.id] ?? .invalid, expr: lhs)
            if r.isInvalid || l.isInvalid { return }
            checkAssignable(&l)
            return
        }
        if a.define {
            defineAssignment(a)
            return
        }
        let lhs = a.lhs.map { lhsOperand($0) }
        if a.rhs.count == 1 && a.lhs.count > 1 {
            let op = rawExpr(a.rhs[0])
            guard let ts = tupleTypes(op, want: a.lhs.count, at: a.pos, rhs: a.rhs[0], context: "assignment") else { return }
            for (i, l) in lhs.enumerated() {
                guard let l else { continue }
                if !assignable(ts[i], to: l.type) {
                    error(a.rhs[0].pos, "cannot use " + Printer.expr(a.rhs[0]) + " (value of type " + ts[i].checkerDescription + ") as type " + l.type.checkerDescription + " in assignment")
                }
            }
            return
        }
        if a.lhs.count != a.rhs.count {
            error(a.rhs[0].startPos, "assignment mismatch: \(a.lhs.count) variable" + (a.lhs.count == 1 ? "" : "s") + " but \(a.rhs.count) value" + (a.rhs.count == 1 ? "" : "s"))
            for r in a.rhs { _ = rawExpr(r) }
            return
        }
        for (i, r) in a.rhs.enumerated() {
            var op = a.rhs.count == 1 ? singleValue(r, hint: lhs[i]?.type) : expr(r, hint: lhs[i]?.type)
            if let l = lhs[i] {
                assign(&op, to: l.type, context: "assignment")
            } else {
                defaultType(&op, context: "")
                if case .basic(.untypedNil) = op.type { error(r.pos, "use of untyped nil in assignment") }
            }
        }
    }

    private mutating func defineAssignment(_ a: AssignStmt) {
        // The right side is evaluated before the new names exist.
        var rhsTypes: [GoType?] = Array(repeating: nil, count: a.lhs.count)
        var rhsOps: [Operand] = []
        if a.rhs.count == 1 && a.lhs.count > 1 {
            let op = rawExpr(a.rhs[0])
            if let ts = tupleTypes(op, want: a.lhs.count, at: a.pos, rhs: a.rhs[0], context: "assignment") {
                for i in 0..<ts.count {
                    rhsTypes[i] = ts[i].isUntyped ? .basic(ts[i].basicKind!.defaultType) : ts[i]
                }
            }
        } else if a.lhs.count != a.rhs.count {
            error(a.rhs[0].startPos, "assignment mismatch: \(a.lhs.count) variable" + (a.lhs.count == 1 ? "" : "s") + " but \(a.rhs.count) value" + (a.rhs.count == 1 ? "" : "s"))
            for r in a.rhs { _ = rawExpr(r) }
        } else {
            for r in a.rhs { rhsOps.append(a.rhs.count == 1 ? singleValue(r) : expr(r)) }
        }
        var anyNew = false
        var newIdents: [(Int, Ident)] = []
        for (i, l) in a.lhs.enumerated() {
            guard case .name(let n) = l.kind else {
                error(l.pos, "non-name " + Printer.expr(l) + " on left side of :=")
                continue
            }
            let ident = Ident(id: l.id, pos: l.pos, name: n)
            if n == "_" {
                if i < rhsOps.count { defaultType(&rhsOps[i], context: "") }
                continue
            }
            if let existing = scopes.last?[n], info.objects[existing].kind == .variable {
                info.uses[l.id] = existing
                info.types[l.id] = info.objects[existing].type
                info.modes[l.id] = .variable
                if i < rhsOps.count {
                    assign(&rhsOps[i], to: info.objects[existing].type, context: "assignment")
                } else if let t = rhsTypes[i], !assignable(t, to: info.objects[existing].type) {
                    error(a.rhs[0].pos, "cannot use " + Printer.expr(a.rhs[0]) + " (value of type " + t.checkerDescription + ") as type " + info.objects[existing].type.checkerDescription + " in assignment")
                }
                continue
            }
            if newIdents.contains(where: { $0.1.name == n }) {
                error(l.pos, n + " repeated on left side of :=")
                continue
            }
            anyNew = true
            newIdents.append((i, ident))
        }
        if !anyNew && !a.lhs.isEmpty {
            error(a.pos, "no new variables on left side of :=")
        }
        for (i, ident) in newIdents {
            var t: GoType = .invalid
            if i < rhsOps.count {
                var op = rhsOps[i]
                if op.mode == .novalue {
                    error(op.expr.pos, Printer.expr(op.expr) + " (no value) used as value")
                } else if case .basic(.untypedNil) = op.type {
                    error(op.expr.pos, "use of untyped nil in assignment")
                } else {
                    defaultType(&op, context: "")
                    t = op.type
                }
            } else if let rt = rhsTypes[i] {
                t = rt
            }
            declareLocal(ident, t)
            info.types[ident.id] = t
            info.modes[ident.id] = .variable
        }
    }

    @discardableResult
    mutating func declareLocal(_ ident: Ident, _ t: GoType) -> ObjectID {
        var o = Object(kind: .variable, name: ident.name, pos: ident.pos, type: t)
        o.storage = .local
        o.function = currentFunction
        let id = declare(ident, o)
        if !ident.isBlank { localVars.append(id) }
        return id
    }

    // MARK: - Declarations in functions

    private mutating func localDecl(_ d: Decl) {
        switch d {
        case .varDecl(let spec):
            let types = varSpecTypes(spec)
            for (i, n) in spec.names.enumerated() { declareLocal(n, types[i]) }
        case .constDecl(let spec):
            for n in spec.names {
                var o = Object(kind: .constant, name: n.name, pos: n.pos, type: .invalid)
                o.function = currentFunction
                _ = o
            }
            checkConstSpec(spec, only: nil)
        case .typeDecl(let t):
            if t.isAlias { unsupported(t.pos, L("type aliases")) }
            let named = NamedType(name: t.name.name, package: nil, pos: t.name.pos)
            _ = declare(t.name, Object(kind: .typeName, name: t.name.name, pos: t.name.pos, type: .named(named)))
            named.underlying = typeExpr(t.type).underlying
            info.namedTypes.append(named)
        case .funcDecl(let f):
            error(f.pos, "function declaration inside a function")
        }
    }

    /// A const spec; at package level its names already exist (`only` is
    /// set), inside functions they are declared here after their values.
    mutating func checkConstSpec(_ spec: ConstSpec, only: Int?) {
        var values = spec.values
        var typeExprSyntax = spec.type
        if values.isEmpty, let from = spec.inheritedFrom {
            values = file.constSpecs[from].values
            typeExprSyntax = file.constSpecs[from].type
        }
        let declared = typeExprSyntax.map { typeExpr($0) }
        if values.isEmpty {
            error(spec.names[0].pos, "missing init expr for const declaration")
        } else if values.count < spec.names.count {
            error(spec.names[values.count].pos, "missing init expr for const declaration")
        } else if values.count > spec.names.count {
            error(values[spec.names.count].pos, "extra init expr")
        }
        let savedIota = iotaValue
        iotaValue = spec.iota
        var results: [(GoType, ConstValue?)] = []
        for (i, _) in spec.names.enumerated() {
            guard i < values.count else { results.append((.invalid, nil)); continue }
            var op = expr(values[i], hint: declared)
            if op.isInvalid { results.append((.invalid, nil)); continue }
            guard op.mode == .constant else {
                error(values[i].pos, describe(op) + " is not constant")
                results.append((.invalid, nil))
                continue
            }
            if let d = declared {
                assign(&op, to: d, context: "constant declaration")
                results.append((d, op.value))
            } else {
                results.append((op.type, op.value))
            }
        }
        iotaValue = savedIota
        for (i, n) in spec.names.enumerated() {
            if only != nil {
                guard let id = info.defs[n.id] else { continue }
                info.objects[id].type = results[i].0
                info.objects[id].constant = results[i].1
                globalState[id] = .done
            } else {
                var o = Object(kind: .constant, name: n.name, pos: n.pos, type: results[i].0)
                o.constant = results[i].1
                o.function = currentFunction
                _ = declare(n, o)
            }
        }
    }

    // MARK: - Control flow

    private mutating func condition(_ c: Expr, _ what: String) {
        var op = expr(c)
        if op.isInvalid { return }
        guard op.type.basicKind?.isBoolean == true else {
            error(c.pos.isKnown ? c.startPos : c.pos, "non-boolean condition in " + what + " statement")
            return
        }
        if op.type.isUntyped { convertUntyped(&op, to: .bool) }
    }

    private mutating func ifStmt(_ s: IfStmt) {
        pushScope()
        if let i = s.initStmt { stmt(i) }
        condition(s.cond, "if")
        pushScope()
        blockStmts(s.then.stmts)
        popScope()
        if let e = s.elseStmt {
            switch e {
            case .ifStmt(let inner): ifStmt(inner)
            case .block(let b):
                pushScope()
                blockStmts(b.stmts)
                popScope()
            default: stmt(e)
            }
        }
        popScope()
    }

    private mutating func rangeStmt(_ r: RangeStmt) {
        pushScope()
        let x = expr(r.x)
        var keyType: GoType = .invalid, valueType: GoType? = nil
        if !x.isInvalid {
            var t = x.type.underlying
            if case .pointer(let p) = t, case .array = p.underlying { t = p.underlying }
            switch t {
            case .basic(let k) where k.isString:
                keyType = .int
                valueType = .rune
                if x.type.isUntyped { var op = x; convertUntyped(&op, to: .string) }
            case .array(_, let e), .slice(let e):
                keyType = .int
                valueType = e
            case .map(let k, let v):
                keyType = k
                valueType = v
            case .chan(let dir, let e):
                keyType = e
                valueType = nil
                if dir == .send { error(r.x.pos, "invalid operation: range " + Printer.expr(r.x) + " receive from send-only channel " + x.type.checkerDescription) }
                if r.value != nil { error(r.value!.pos, "range over " + describe(x) + " permits only one iteration variable") }
            default:
                error(r.x.startPos, "cannot range over " + describe(x))
            }
        }
        let vars: [(Expr?, GoType)] = [(r.key, keyType), (r.value, valueType ?? .invalid)]
        for (v, t) in vars {
            guard let v else { continue }
            if r.define {
                guard case .name(let n) = v.kind else {
                    error(v.pos, "non-name " + Printer.expr(v) + " on left side of :=")
                    continue
                }
                let ident = Ident(id: v.id, pos: v.pos, name: n)
                declareLocal(ident, t)
                info.types[v.id] = t
                info.modes[v.id] = .variable
            } else if let l = lhsOperand(v), !t.isInvalid, !assignable(t, to: l.type) {
                error(v.pos, "cannot use " + Printer.expr(v) + " (value of type " + t.checkerDescription + ") as type " + l.type.checkerDescription + " in assignment")
            }
        }
        breakable.append(true)
        pushScope()
        blockStmts(r.body.stmts)
        popScope()
        breakable.removeLast()
        popScope()
    }

    private mutating func switchStmt(_ s: SwitchStmt) {
        pushScope()
        if let i = s.initStmt { stmt(i) }
        var tag: Operand? = nil
        if let t = s.tag {
            var op = expr(t)
            defaultType(&op, context: "")
            tag = op
        }
        var sawDefault = false
        breakable.append(false)
        for (ci, c) in s.clauses.enumerated() {
            if c.exprs == nil {
                if sawDefault { error(c.pos, "multiple defaults in switch") }
                sawDefault = true
            }
            for e in c.exprs ?? [] {
                if let t = tag {
                    if t.isInvalid { _ = expr(e); continue }
                    var op = expr(e, hint: t.type)
                    if op.isInvalid { continue }
                    if op.type.isUntyped { _ = implicitConvert(&op, to: t.type) }
                    if !(assignable(op.type, to: t.type) || assignable(t.type, to: op.type)) {
                        error(e.pos, "invalid case " + Printer.expr(e) + " in switch on " + Printer.expr(t.expr) + " (mismatched types " + op.type.checkerDescription + " and " + t.type.checkerDescription + ")")
                    }
                } else {
                    condition(e, "case")
                }
            }
            pushScope()
            clauseStmts(c.body, lastClause: ci == s.clauses.count - 1)
            popScope()
        }
        breakable.removeLast()
        popScope()
    }

    private mutating func typeSwitch(_ s: TypeSwitchStmt) {
        pushScope()
        if let i = s.initStmt { stmt(i) }
        let x = expr(s.x)
        info.types[s.guardExpr.id] = x.type
        if !x.isInvalid && !x.type.isInterface {
            error(s.x.pos, Printer.expr(s.x) + " (" + modeDescription(x) + ") is not an interface")
        }
        var vars: [ObjectID] = []
        var anyUsed = false
        var sawDefault = false
        breakable.append(false)
        for c in s.clauses {
            if c.exprs == nil {
                if sawDefault { error(c.pos, "multiple defaults in switch") }
                sawDefault = true
            }
            var single: GoType? = nil
            for (i, e) in (c.exprs ?? []).enumerated() {
                if case .name("nil") = e.kind, lookup("nil").map({ info.objects[$0].kind == .nilValue }) == true {
                    info.types[e.id] = .basic(.untypedNil)
                    info.uses[e.id] = lookup("nil")!
                    if (c.exprs ?? []).count == 1 { single = x.type }
                    continue
                }
                let t = typeExpr(e)
                if t.isInvalid { continue }
                if !t.isInterface, x.type.isInterface, let miss = missingMethod(t, x.type) {
                    error(e.pos, "impossible type switch case: " + Printer.expr(s.x) + " (" + modeDescription(x) + ") cannot have dynamic type " + t.checkerDescription + " (missing " + miss.name + " method)")
                }
                if i == 0 && (c.exprs ?? []).count == 1 { single = t }
            }
            pushScope()
            if let b = s.binding {
                let t = single ?? x.type
                var o = Object(kind: .variable, name: b.name, pos: b.pos, type: t)
                o.storage = .local
                o.function = currentFunction
                let id = newObject(o)
                scopes[scopes.count - 1][b.name] = id
                vars.append(id)
                blockStmts(c.body)
                if usedVars.contains(id) { anyUsed = true }
            } else {
                blockStmts(c.body)
            }
            popScope()
        }
        breakable.removeLast()
        if let b = s.binding {
            info.typeSwitchVars[s.guardExpr.id] = vars
            if !anyUsed { softError(b.pos, b.name + " declared but not used") }
        }
        popScope()
    }

    private mutating func returnStmt(_ pos: Pos, _ results: [Expr]) {
        guard let ctx = funcStack.last else { return }
        let want = ctx.results
        if results.isEmpty {
            if !want.isEmpty && !ctx.namedResults {
                error(pos, "not enough return values\n\thave ()\n\twant " + GoType.tuple(want).checkerDescription)
            }
            return
        }
        var first: Operand? = nil
        if results.count == 1 && want.count > 1 {
            let op = rawExpr(results[0])
            first = op
            if case .tuple(let ts) = op.type {
                if ts.count != want.count {
                    error(results[0].pos, (ts.count < want.count ? "not enough" : "too many") + " return values\n\thave " + GoType.tuple(ts).checkerDescription + "\n\twant " + GoType.tuple(want).checkerDescription)
                    return
                }
                for (i, t) in ts.enumerated() where !assignable(t, to: want[i]) {
                    error(results[0].pos, "cannot use " + Printer.expr(results[0]) + " value as type " + want[i].checkerDescription + " in return statement")
                }
                return
            }
        }
        if results.count != want.count {
            let have = results.map { r -> String in
                let t = info.types[r.id] ?? (first?.type ?? rawExpr(r).type)
                return t.isUntyped ? "number" : t.checkerDescription
            }
            error(results[0].pos, (results.count < want.count ? "not enough" : "too many") + " return values\n\thave (" + have.joined(separator: ", ") + ")\n\twant " + GoType.tuple(want).checkerDescription)
            return
        }
        for (i, r) in results.enumerated() {
            var op = (i == 0 && first != nil) ? single(first!) : expr(r, hint: want[i])
            assign(&op, to: want[i], context: "return statement")
        }
    }

    // MARK: - Terminating statements

    /// Go's rule for "missing return": does the list end in a statement
    /// after which control cannot reach the end of the function?
    func isTerminatingList(_ stmts: [Stmt]) -> Bool {
        var last: Stmt? = nil
        for s in stmts.reversed() { if case .empty = s { continue }; last = s; break }
        guard let s = last else { return false }
        return isTerminating(s)
    }

    func isTerminating(_ s: Stmt) -> Bool {
        switch s {
        case .returnStmt: return true
        case .expr(let e):
            if case .call(let f, _, _) = e.unparenthesized.kind, let id = info.uses[f.unparenthesized.id],
               info.objects[id].builtin == .panic { return true }
            return false
        case .block(let b): return isTerminatingList(b.stmts)
        case .ifStmt(let i):
            guard let e = i.elseStmt else { return false }
            return isTerminatingList(i.then.stmts) && isTerminating(e)
        case .forStmt(let f):
            return f.cond == nil && !hasBreak(f.body.stmts)
        case .switchStmt(let sw):
            return terminatingClauses(sw.clauses)
        case .typeSwitch(let sw):
            return terminatingClauses(sw.clauses)
        default: return false
        }
    }

    private func terminatingClauses(_ clauses: [CaseClause]) -> Bool {
        guard clauses.contains(where: { $0.exprs == nil }) else { return false }
        for c in clauses {
            if hasBreak(c.body) { return false }
            var last: Stmt? = nil
            for s in c.body.reversed() { if case .empty = s { continue }; last = s; break }
            if case .branch(_, .fallthroughStmt)? = last { continue }
            if !isTerminatingList(c.body) { return false }
        }
        return true
    }

    /// An unlabelled `break` that leaves this statement (not one inside a nested loop or switch).
    private func hasBreak(_ stmts: [Stmt]) -> Bool {
        for s in stmts {
            switch s {
            case .branch(_, .breakStmt): return true
            case .block(let b): if hasBreak(b.stmts) { return true }
            case .ifStmt(let i):
                if hasBreak(i.then.stmts) { return true }
                if let e = i.elseStmt, hasBreak([e]) { return true }
            default: break
            }
        }
        return false
    }
}

/// Knowing a value before running: a local variable assigned exactly once
/// (`f := func(){…}`, `var s Shape = &circle{}`) stands for its initial
/// value. Go uses this to find which function a call calls and to turn
/// interface method calls on a known concrete value into direct calls
/// ("devirtualizing s.Area to *circle").
extension EscapeAnalyzer {
    func prepareStaticValues() {
        for f in program.functions {
            for s in f.body { scanDefinitions(s) }
            IRWalk.nodes(in: f.body) { n in
                // Taking the address of a variable may change it behind our back.
                if n.op == .addr, let base = outerValue(n.x), base.op == .name, let id = base.object {
                    reassignedAnywhere.insert(id)
                }
            }
        }
    }

    private func scanDefinitions(_ s: IRStmt) {
        switch s {
        case .assign(let id, _, let dst, let src):
            guard let d = dst, d.op == .name, let obj = d.object else { return }
            if program.definedBy[obj] == id, let src { staticDefinition[obj] = src } else { reassignedAnywhere.insert(obj) }
        case .assignList(let id, _, let kind, let lhs, let rhs):
            for (i, l) in lhs.enumerated() {
                guard let l, l.op == .name, let obj = l.object else { continue }
                if program.definedBy[obj] == id {
                    if kind == .pair, i < rhs.count { staticDefinition[obj] = rhs[i] }
                } else {
                    reassignedAnywhere.insert(obj)
                }
            }
        case .block(let b): b.forEach(scanDefinitions)
        case .ifStmt(_, let t, let e): t.forEach(scanDefinitions); e.forEach(scanDefinitions)
        case .forStmt(_, let p, let b): p.forEach(scanDefinitions); b.forEach(scanDefinitions)
        case .range(_, _, _, _, _, let b): b.forEach(scanDefinitions)
        case .switchStmt(_, let cases): cases.forEach { $0.body.forEach(scanDefinitions) }
        case .typeSwitch(_, _, let cases): cases.forEach { $0.body.forEach(scanDefinitions) }
        default: break
        }
    }

    /// The base variable of `x.f`, `x[i]` of an array, and conversions.
    func outerValue(_ n: IRNode?) -> IRNode? {
        var cur = n
        while let c = cur {
            switch c.op {
            case .dot, .convNop: cur = c.x
            case .index where c.x?.type.isArray == true: cur = c.x
            default: return c
            }
        }
        return nil
    }

    /// Go's `ir.StaticValue`.
    func staticValue(_ start: IRNode) -> IRNode {
        var n = start
        var guardCount = 0
        while guardCount < 64 {
            guardCount += 1
            if n.op == .convNop, let x = n.x { n = x; continue }
            guard n.op == .name, let id = n.object, objects[id].kind == .variable, objects[id].storage == .local,
                  !reassignedAnywhere.contains(id), let def = staticDefinition[id] else { return n }
            n = def
        }
        return n
    }

    // MARK: - Devirtualization

    func devirtualize() {
        for f in program.functions {
            IRWalk.nodes(in: f.body) { n in
                guard n.op == .callInter, let sel = n.x, let recvIface = sel.x else { return }
                let r = staticValue(recvIface)
                guard r.op == .convIface, let src = r.x, !src.type.isInterface else { return }
                let concrete = src.type
                guard let found = MethodLookup.method(concrete, sel.text) else { return }
                // The call becomes a direct call on `i.(T)`, through any embedded fields.
                let dt = IRNode(.dotType, sel.pos, concrete)
                dt.x = recvIface
                var recv = dt
                for i in found.path { recv = IRBuild.dotField(sel.pos, recv, i, implicit: true) }
                if recv.type.isPointer && !found.method.pointerReceiver {
                    recv = IRBuild.adjustReceiver(sel.pos, recv, wantPointer: false)
                }
                output.append(EscapeDiagnostic(pos: n.pos, kind: .devirtualized(concrete.description),
                                               subject: IRPrinter.string(sel), function: functionName(f.index), why: nil))
                let m = IRNode(.methodExpr, sel.pos, .function(found.method.signature))
                m.x = IRNode(.typeNode, .none, recv.type)
                m.text = sel.text
                m.callee = found.method.function.map { .local($0) } ?? found.method.external.map { .external($0) }
                n.op = .callFunc
                n.x = m
                n.list = [recv] + n.list
            }
        }
    }

    // MARK: - Explanations

    /// Turns the walk's path into steps that name each place. When the
    /// path ends at something that escapes in its turn (a closure, a
    /// goroutine), that thing's own path is appended.
    func explain(_ steps: [FlowStep], _ loc: Location, depth: Int = 0) -> [FlowExplanationStep] {
        var out: [FlowExplanationStep] = []
        for (i, s) in steps.enumerated() {
            var notes: [FlowNoteInfo] = []
            var note = s.note
            while let n = note {
                notes.append(FlowNoteInfo(pos: n.node.pos, text: noteText(n), why: n.why))
                note = n.next
            }
            var where_ = sink(s.to)
            // The last step reaches the place that outlives the value: say why.
            if i == steps.count - 1, s.to.kind == .variable, !s.to.isResult {
                let fn = functionName(s.to.function)
                if s.to.function == loc.function && s.to.loopDepth < loc.loopDepth {
                    where_ = .loopOuterVariable(function: fn, name: s.to.name)
                } else if containsClosure(s.to.function, loc.function) {
                    where_ = .enclosingVariable(function: fn, name: s.to.name)
                }
            }
            out.append(FlowExplanationStep(to: describe(s.to), from: describe(s.from), derefs: s.derefs, notes: notes, sink: where_))
        }
        if let last = steps.last?.to, last !== loc, last.kind == .expression || last.kind == .variable,
           last.escapes, !last.isResult, let more = last.why, depth < 3 {
            out += explain(more, last, depth: depth + 1)
        }
        return out
    }

    /// A call is named by what it calls; other notes by their expression.
    private func noteText(_ n: FlowNote) -> String {
        if n.why == "call parameter" {
            switch n.node.op {
            case .callFunc, .callInter: return n.node.x.map { IRPrinter.string($0) } ?? ""
            case .append: return "append"
            case .copy: return "copy"
            case .panic: return "panic"
            default: break
            }
        }
        return IRPrinter.string(n.node)
    }

    func describe(_ l: Location) -> String {
        switch l.kind {
        case .heap: return "{heap}"
        case .blank: return "_"
        case .variable: return l.name
        case .expression:
            guard let n = l.node else { return "{temp}" }
            if n.isGoDeferWrapper {
                return (n.isGoWrapper ? "{goroutine at line " : "{deferred call at line ") + String(n.pos.line) + "}"
            }
            return "{storage for " + IRPrinter.string(n) + "}"
        case .temporary: return "{temp}"
        }
    }

    func sink(_ l: Location) -> FlowExplanationStep.Sink {
        switch l.kind {
        case .heap: return .heap
        case .variable:
            if l.isResult { return .result(function: functionName(l.function), name: l.name) }
            return .variable(function: functionName(l.function), name: l.name)
        case .expression:
            if let n = l.node, n.isGoDeferWrapper {
                return n.isGoWrapper ? .goroutine(line: n.pos.line) : .deferred(line: n.pos.line)
            }
            return .allocation
        default: return .temporary
        }
    }
}

/// Finding fields and methods, through embedded fields, breadth first as Go does.
enum MethodLookup {
    struct Found { var path: [Int]; var named: NamedType; var method: MethodInfo; var viaPointer: Bool }

    static func method(_ t: GoType, _ name: String) -> Found? {
        var level: [(GoType, [Int], Bool)] = [(t, [], false)]
        var seen: Set<NamedType> = []
        for _ in 0..<8 {
            var next: [(GoType, [Int], Bool)] = []
            for (typ, path, viaPtr) in level {
                var base = typ
                var ptr = viaPtr
                if case .pointer(let b) = typ { base = b; ptr = true }
                if case .named(let n) = base {
                    if seen.contains(n) { continue }
                    seen.insert(n)
                    if let m = n.method(name) { return Found(path: path, named: n, method: m, viaPointer: ptr) }
                }
                if let fields = base.structFields {
                    for (i, f) in fields.enumerated() where f.embedded { next.append((f.type, path + [i], ptr)) }
                }
            }
            if next.isEmpty { return nil }
            level = next
        }
        return nil
    }
}

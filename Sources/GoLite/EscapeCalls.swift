/// Calls (Go's `escape.call`, `goDeferStmt`, `tagHole`). Arguments flow
/// into the callee's parameters as its summary says; for a callee in the
/// group being analysed, straight into its parameter variables; for an
/// unknown callee (a function value, an interface method), to the heap.
extension EscapeAnalyzer {
    /// `ks` are where the call's results go (nil when they are dropped).
    func call(_ ks: [Hole]?, _ n: IRNode, wrapper: IRNode? = nil) {
        switch n.op {
        case .callFunc, .callInter:
            fixVariadicCall(n)
            var fn: Callee? = nil
            if n.op == .callFunc {
                // A literal called where it is written may return things of its caller without them escaping.
                if let x = n.x, x.op == .closure, let f = x.function { closureCalled.insert(f) }
                fn = staticCallee(n.x!)
            }
            // Results of a callee in this group flow straight out.
            if let ks, case .local(let f)? = fn, inBatch.contains(f), let fi = function(f) {
                for (i, r) in fi.results.enumerated() where i < ks.count {
                    if let loc = locationOf[r] { expr(ks[i], nameRef(r, loc)) }
                }
            }
            var args = n.list
            var argIndex = 0
            if n.op == .callFunc {
                // The callee expression itself is evaluated, its value dropped.
                argument(discardHole(), n, &n.x!, wrapper: wrapper)
            } else if let d = n.x, d.x != nil {
                // An interface method: the receiver goes to an unknown method.
                argument(heapHole(), n, &d.x!, wrapper: wrapper)
            }
            let hasReceiver = n.x?.op == .methodExpr
            let params = paramHoles(ks, fn, n, hasReceiver: hasReceiver)
            while argIndex < args.count {
                let k = argIndex < params.count ? params[argIndex] : heapHole()
                argument(k, n, &args[argIndex], wrapper: wrapper)
                argIndex += 1
            }
            n.list = args

        case .append:
            // The slice appended to may be returned as is; or a new array is
            // made and every element may end up in it (on the heap).
            var args = n.list
            guard !args.isEmpty else { return }
            var appendee = ks?.first ?? discardHole()
            if let e = args[0].type.elem, e.hasPointers {
                appendee = teeHole([appendee, heapHole().deref(n, "appendee slice")])
            }
            argument(appendee, n, &args[0], wrapper: wrapper)
            if n.isDDD {
                var appended = discardHole()
                if args.count > 1, args[1].type.isSlice, let e = args[1].type.elem, e.hasPointers {
                    appended = heapHole().deref(n, "appended slice...")
                }
                if args.count > 1 { argument(appended, n, &args[1], wrapper: wrapper) }
            } else {
                for i in 1..<args.count { argument(heapHole(), n, &args[i], wrapper: wrapper) }
            }
            n.list = args

        case .copy:
            argument(discardHole(), n, &n.x!, wrapper: wrapper)
            var copied = discardHole()
            if let y = n.y, y.type.isSlice, let e = y.type.elem, e.hasPointers {
                copied = heapHole().deref(n, "copied slice")
            }
            argument(copied, n, &n.y!, wrapper: wrapper)

        case .panic:
            // A panic value can be recovered anywhere: it goes to the heap.
            argument(heapHole(), n, &n.x!, wrapper: wrapper)

        case .delete, .print, .println, .recover:
            var args = n.list
            for i in 0..<args.count { argument(discardHole(), n, &args[i], wrapper: wrapper) }
            n.list = args

        case .len, .cap, .close:
            argument(discardHole(), n, &n.x!, wrapper: wrapper)

        default:
            expr(discardHole(), n)
        }
    }

    /// A name node for a variable (used to flow a callee's results).
    func nameRef(_ id: ObjectID, _ loc: Location) -> IRNode {
        let r = IRNode(.name, objects[id].pos, objects[id].type)
        r.object = id
        r.text = objects[id].name
        return r
    }

    /// One argument: inside a `go`/`defer` wrapper it is first copied to a
    /// temporary the wrapper captures.
    func argument(_ k: Hole, _ call: IRNode, _ arg: inout IRNode, wrapper: IRNode?) {
        if let w = wrapper {
            rewriteArgument(&arg, call: call, wrapper: w)
        }
        expr(k.note(call, "call parameter"), arg)
    }

    /// The holes for a call's arguments, receiver first for methods.
    func paramHoles(_ ks: [Hole]?, _ fn: Callee?, _ call: IRNode, hasReceiver: Bool) -> [Hole] {
        let count = call.list.count
        guard let fn else { return Array(repeating: heapHole(), count: count) }
        switch fn {
        case .local(let f):
            guard let fi = function(f) else { return Array(repeating: heapHole(), count: count) }
            var params: [ObjectID?] = []
            if hasReceiver { params.append(fi.receiver) }
            params += fi.params
            if inBatch.contains(f) {
                // Same group: the arguments are assigned to the parameters directly.
                return params.map { p in
                    guard let p, let loc = locationOf[p], objects[p].name != "_" else { return discardHole() }
                    return hole(loc)
                }
            }
            let leaks = tags[f] ?? Array(repeating: ParamLeak.leaks, count: params.count)
            return leaks.map { tagHole(ks, $0) }
        case .external(let ext):
            return ext.leaks.map { tagHole(ks, $0) }
        }
    }

    /// Go's `tagHole` for an already summarised callee.
    func tagHole(_ ks: [Hole]?, _ leak: ParamLeak) -> Hole {
        var holes: [Hole] = []
        if let h = leak.heap { holes.append(heapHole().shift(h)) }
        if let ks {
            for (i, r) in leak.results.enumerated() {
                if let r, i < ks.count { holes.append(ks[i].shift(r)) }
            }
        }
        return teeHole(holes)
    }

    /// The receiver's hole for a method value `x.m`.
    func receiverTagHole(_ ks: [Hole], _ n: IRNode) -> Hole {
        guard let callee = n.callee else { return heapHole() }
        switch callee {
        case .local(let f):
            if inBatch.contains(f) {
                guard let r = function(f)?.receiver, let loc = locationOf[r] else { return discardHole() }
                return hole(loc)
            }
            guard let leak = tags[f]?.first else { return heapHole() }
            return tagHole(ks, leak)
        case .external(let ext):
            guard let leak = ext.leaks.first else { return heapHole() }
            return tagHole(ks, leak)
        }
    }

    /// What a call expression calls, when it is known: a function or
    /// method name, a function literal, or a local variable assigned one
    /// of those exactly once.
    func staticCallee(_ x: IRNode) -> Callee? {
        let v = staticValue(x)
        switch v.op {
        case .name, .methodExpr:
            return v.callee
        case .closure:
            return v.function.map { .local($0) }
        default:
            return nil
        }
    }

    /// Go's `FixVariadicCall`: `f(a, b, c)` of `f(xs ...T)` becomes
    /// `f([]T{a, b, c}...)` — the slice printed as `... argument`.
    func fixVariadicCall(_ n: IRNode) {
        guard !n.isDDD, let callee = n.x, let sig = callee.type.signature, sig.variadic else { return }
        let hasReceiver = callee.op == .methodExpr
        let fixed = sig.params.count - 1 + (hasReceiver ? 1 : 0)
        guard n.list.count >= fixed else { return }
        let extra = Array(n.list[fixed...])
        let sliceType = sig.params[sig.params.count - 1]
        let slice: IRNode
        if extra.isEmpty {
            slice = IRNode(.nilValue, n.pos, sliceType)
        } else {
            slice = IRNode(.sliceLit, n.pos, sliceType)
            slice.list = extra
            slice.isDotArgs = true
            slice.implicit = true
        }
        n.list = Array(n.list[..<fixed]) + [slice]
        n.isDDD = true
    }

    // MARK: - go and defer

    /// `go f(x)` and `defer f(x)` run the call later, so its arguments are
    /// evaluated now into temporaries that a hidden closure keeps. For
    /// `go`, that closure (and so anything it keeps) goes to the heap; a
    /// `defer` at the top of a function keeps it on the stack until return.
    func goDefer(_ call: IRNode, isGo: Bool) {
        var k = heapHole().note(call, isGo ? "go statement" : "deferred in a loop")
        if !isGo && loopDepth == 1 {
            k = later(discardHole())
        }
        if call.op == .callFunc, let sig = call.x?.type.signature, sig.params.isEmpty && sig.results.isEmpty, call.list.isEmpty {
            expr(k, call.x)
            return
        }
        let wrapper = IRNode(.closure, call.pos, .function(FuncSignature(params: [], results: [])))
        wrapper.isGoDeferWrapper = true
        wrapper.isGoWrapper = isGo
        wrapperCaptures[ObjectIdentifier(wrapper)] = []
        if call.op == .callFunc || call.op == .callInter {
            self.call(nil, call, wrapper: wrapper)
        } else {
            self.call(nil, call, wrapper: wrapper)
        }
        let captures = wrapperCaptures[ObjectIdentifier(wrapper)] ?? []
        pendingClosures.append((spill(k, wrapper), wrapper, captures))
    }

    /// Inside a `go`/`defer` wrapper, copies an argument into a temporary
    /// (unless it is a constant or a function name) that the wrapper captures.
    func rewriteArgument(_ arg: inout IRNode, call: IRNode, wrapper: IRNode) {
        if arg.op == .sliceLit && arg.isDotArgs {
            for i in 0..<arg.list.count { wrapArgument(&arg.list[i], call: call, wrapper: wrapper) }
            return
        }
        wrapArgument(&arg, call: call, wrapper: wrapper)
    }

    private func wrapArgument(_ arg: inout IRNode, call: IRNode, wrapper: IRNode) {
        switch arg.op {
        case .literal, .nilValue, .methodExpr: return
        case .name where arg.callee != nil: return
        default: break
        }
        // tmp := arg, declared in the current function.
        var o = Object(kind: .variable, name: ".autotmp_\(objects.count)", pos: arg.pos, type: arg.type)
        o.storage = .local
        o.function = curfn
        objects.append(o)
        let id = objects.count - 1
        let loc = newVariableLocation(id)
        loc.loopDepth = loopDepth
        let value = arg
        let tmp = nameRef(id, loc)
        assignList([tmp], [value], "assign", statement: nil, definingObjects: [id])
        loc.captured = true
        wrapperCaptures[ObjectIdentifier(wrapper), default: []].append(id)
        arg = tmp
    }
}

import TextKit

/// Calls through values and interfaces, returns (with deferred calls),
/// `recover`, method values, and calls the simulated library makes into
/// the program (a `String` method while printing).
extension Machine {
    func callValue(_ g: Goroutine, _ fv: GoValue, args: Int, ret: Int) -> Flow {
        guard case .fn(let f) = fv else { return fault(g, .nilDereference) }
        let base = Int(g.frames[g.frames.count - 1].base)
        if f.function < 0 {
            let native = NativeFunction.allCases[-1 - f.function]
            let count = native.argumentSlots - (f.bound ? f.captures.count : 0)
            let values = (f.bound ? f.captures : []) + Array(UnsafeBufferPointer(start: g.regs + base + args, count: max(0, count)))
            switch callNative(g, NativeCall(function: native, argSlots: native.argumentSlots, resultSlots: 0, pos: .none), values, ret: base + ret) {
            case .done: return .reload
            case .failed: return .stop(.fatal)
            case .switched: return g.state == .blocked ? .stop(.blocked) : .reload
            case .stop(let s): return .stop(s)
            }
        }
        let ok: Bool
        if f.bound {
            ok = pushFrame(g, function: f.function, args: base + args, prefix: f.captures, ret: base + ret, kind: .normal)
        } else {
            ok = pushFrame(g, function: f.function, args: base + args, ret: base + ret, kind: .normal, context: f)
        }
        return ok ? .reload : .stop(.fatal)
    }

    func callInterface(_ g: Goroutine, _ recv: GoValue, args: Int, ret: Int, aux: CallAux) -> Flow {
        guard case .iface(let tr, let b) = recv, case let t = tr.rtype else { return fault(g, .nilDereference) }
        let target: MethodTarget
        if aux.cache.type === t, let cached = aux.cache.target {
            target = cached
        } else {
            guard let found = resolveMethod(t, aux.method) else { return fault(g, .nilDereference) }
            aux.cache.type = t
            aux.cache.target = found
            target = found
        }
        let receiver: [GoValue]
        switch receiverValues(target, t, b, method: aux.method) {
        case .values(let r): receiver = r
        case .fault(let f): return fault(g, f)
        }
        let base = Int(g.frames[g.frames.count - 1].base)
        if let native = target.native {
            let values = receiver + Array(UnsafeBufferPointer(start: g.regs + base + args, count: aux.argSlots))
            switch callNative(g, NativeCall(function: native, argSlots: native.argumentSlots, resultSlots: aux.resultSlots, pos: .none), values, ret: base + ret) {
            case .done: return .reload
            case .failed: return .stop(.fatal)
            case .switched: return g.state == .blocked ? .stop(.blocked) : .reload
            case .stop(let s): return .stop(s)
            }
        }
        guard let f = target.function else { return fault(g, .nilDereference) }
        return pushFrame(g, function: f, args: base + args, prefix: receiver, ret: base + ret, kind: .normal) ? .reload : .stop(.fatal)
    }

    /// The method a dynamic type has under `name`, through embedded fields.
    /// A value (not a pointer) has only the methods with value receivers,
    /// unless an embedded pointer leads to them.
    func resolveMethod(_ t: RType, _ name: String) -> MethodTarget? {
        if let cached = t.methodCache[name] { return cached }
        var result: MethodTarget? = nil
        if let found = MethodLookup.method(t.type, name) {
            let m = found.method
            if !m.pointerReceiver || found.viaPointer {
                result = MethodTarget(function: m.function, native: m.external.flatMap { NativeFunction($0) },
                                      path: found.path, pointerReceiver: m.pointerReceiver, signature: m.signature)
            }
        }
        t.methodCache[name] = .some(result)
        return result
    }

    func missingMethod(_ t: RType, _ check: InterfaceCheck) -> String? {
        for m in check.methods where resolveMethod(t, m.name) == nil { return m.name }
        return nil
    }

    enum Receiver {
        case values([GoValue])
        case fault(RuntimeFault)
    }

    /// The receiver a method gets from an interface holding a `t` in `box`:
    /// walks embedded fields, then takes the address or copies the value.
    func receiverValues(_ target: MethodTarget, _ t: RType, _ box: MemBlock, method: String) -> Receiver {
        if exe.runtimeTypes.isLibraryError(t) { return .values([box.load(0)]) }
        var type = t.type
        var block = box
        var at = 0
        func deref() -> Bool {
            guard case .pointer(let pb, let pi) = block.load(at) else { return false }
            block = pb
            at = pi
            type = type.elem ?? .invalid
            return true
        }
        for idx in target.path {
            if type.isPointer && !deref() { return .fault(.nilDereference) }
            at += Layout.fieldOffset(type, idx)
            type = type.structFields?[idx].type ?? .invalid
        }
        if target.pointerReceiver {
            if type.isPointer { return .values([block.load(at)]) }
            return .values([.pointer(block, at)])
        }
        if type.isPointer {
            let pointee = Layout.runtimeName(type.elem ?? .invalid)
            if !deref() {
                let base = pointee.split(separator: ".").last.map(String.init) ?? pointee
                return .fault(.valueMethodOnNil("value method " + pointee + "." + method + " called using nil *" + base + " pointer"))
            }
        }
        let n = Layout.slots(type)
        var out: [GoValue] = []
        out.reserveCapacity(n)
        for k in 0..<n { out.append(block.load(at + k)) }
        return .values(out)
    }

    // MARK: - Returns

    /// `return`: runs this frame's deferred calls one by one (the frame
    /// stays on its `ret` meanwhile), then hands the results back.
    func returnFromFrame(_ g: Goroutine, stopDepth: Int) -> Stop? {
        let i = g.frames.count - 1
        let f = g.frames[i]
        if g.defers.count > Int(f.deferBase) {
            let call = g.defers.removeLast()
            switch invoke(g, call, kind: .deferred, ret: -1) {
            case .pushed, .ran: return nil
            case .failed: return .fatal
            }
        }
        let fn = functions[Int(f.function)]
        let base = Int(f.base)
        for r in fn.boxedResults {
            if case .pointer(let b, let at) = g.regs[base + Int(r.home)] {
                for k in 0..<Int(r.n) { g.regs[base + Int(r.result) + k] = b.load(at + k) }
            }
        }
        g.popFrame()
        g.stackUsed -= fn.stackBytes
        if f.ret >= 0 {
            for k in 0..<fn.resultSlots { g.regs[Int(f.ret) + k] = g.regs[base + fn.paramSlots + k] }
        }
        switch f.kind {
        case .entry:
            return .finished
        case .boundary:
            g.boundaryResults = Array(UnsafeBufferPointer(start: g.regs + base + fn.paramSlots, count: fn.resultSlots))
            return .boundaryReturn
        case .deferred:
            if let top = g.frames.last, top.unwinding {
                if let p = g.panics.last, p.recovered { return recovered(g) }
                return unwind(g)
            }
            return nil
        case .normal:
            return nil
        }
    }

    /// `recover()`: only a deferred call run by a panic, called directly, stops it.
    func recover(_ g: Goroutine) -> GoValue {
        let n = g.frames.count
        guard n >= 2, g.frames[n - 1].kind == .deferred, g.frames[n - 2].unwinding,
              let p = g.panics.last, !p.recovered, !p.goexit else { return .null }
        g.panics[g.panics.count - 1].recovered = true
        return p.value
    }

    // MARK: - Method values, defer, go

    func methodValue(_ g: Goroutine, _ fr: UnsafeMutablePointer<GoValue>, d: Int, recv: Int, aux: MethodValueAux, site: Int) -> Flow {
        let s = sites[site]
        var function: Int
        var captures: [GoValue]
        if let f = aux.function {
            function = f
            captures = Array(UnsafeBufferPointer(start: fr + recv, count: aux.receiverSlots))
        } else {
            guard case .iface(let tr, let b) = fr[recv], case let t = tr.rtype, let target = resolveMethod(t, aux.method) else { return fault(g, .nilDereference) }
            switch receiverValues(target, t, b, method: aux.method) {
            case .values(let r): captures = r
            case .fault(let f): return fault(g, f)
            }
            function = target.function ?? (-1 - (target.native ?? .errorMessage).valueIndex)
        }
        let heap = s.escapes && s.kind != .staticData ? malloc(s.size, noscan: false) : 0
        fr[d] = .fn(FuncValue(function: function, captures: captures, bound: true, heapBytes: heap))
        return .next
    }

    enum Pending {
        case call(PendingCall)
        case flow(Flow)
    }

    /// The call a `defer` or `go` statement makes, with its values evaluated now.
    func pendingCall(_ g: Goroutine, _ dc: DeferredCall, values: UnsafeMutablePointer<GoValue>) -> Pending {
        let all = Array(UnsafeBufferPointer(start: values, count: dc.argSlots))
        switch dc.target {
        case .function(let f):
            return .call(PendingCall(target: .function(f), args: all, pos: dc.pos))
        case .value:
            guard case .fn(let fv) = all.first else { return .flow(fault(g, .nilDereference)) }
            return .call(PendingCall(target: .value(fv), args: Array(all.dropFirst()), pos: dc.pos))
        case .iface(let method, _):
            guard case .iface(let tr, let b)? = all.first, case let t = tr.rtype, let target = resolveMethod(t, method) else { return .flow(fault(g, .nilDereference)) }
            let receiver: [GoValue]
            switch receiverValues(target, t, b, method: method) {
            case .values(let r): receiver = r
            case .fault(let f): return .flow(fault(g, f))
            }
            let rest = Array(all.dropFirst())
            if let native = target.native {
                return .call(PendingCall(target: .native(native, NativeCall(function: native, argSlots: native.argumentSlots, resultSlots: 0, pos: dc.pos)),
                                         args: receiver + rest, pos: dc.pos))
            }
            guard let f = target.function else { return .flow(fault(g, .nilDereference)) }
            return .call(PendingCall(target: .function(f), args: receiver + rest, pos: dc.pos))
        case .native(let nf):
            return .call(PendingCall(target: .native(nf, NativeCall(function: nf, argSlots: nf.argumentSlots, resultSlots: 0, pos: dc.pos)),
                                     args: all, pos: dc.pos))
        case .builtin(let op):
            return .call(PendingCall(target: .builtin(op, dc.print), args: all, pos: dc.pos))
        }
    }

    /// A deferred or `go` built-in. False when it changed the frames (a panic).
    func runBuiltin(_ g: Goroutine, _ op: IROp, _ args: [GoValue], _ printAux: PrintAux?) -> Bool {
        var a = args
        return a.withUnsafeMutableBufferPointer { buf -> Bool in
            let p = buf.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!
            switch op {
            case .close:
                if case .next = closeChannel(g, args.first ?? .null) { return true }
                return false
            case .panic:
                _ = raise(g, args.first ?? .null)
                return false
            case .print, .println:
                if let pa = printAux { printBuiltin(p, pa) }
                return true
            case .delete:
                if case .map(let m)? = args.first {
                    m.remove(MapKey(first: args.count > 1 ? args[1] : .null, rest: args.count > 2 ? Array(args[2...]) : []))
                }
                return true
            default:
                return true
            }
        }
    }

    // MARK: - Calls made for the library

    enum LibraryCall {
        case returned([GoValue])
        case panicked(GoValue)
        case failed
    }

    /// Runs a Go function to completion for the simulated library (`fmt`
    /// calling a `String` method), on the current goroutine.
    func callForLibrary(function: Int, args: [GoValue]) -> LibraryCall {
        guard termination == nil else { return .failed }
        let g = current ?? newGoroutine()
        if boundaryDepth >= Machine.maxBoundaryDepth {
            termination = .limit(L("memlane: stopped: methods called while printing call each other more than {0} levels deep", Machine.maxBoundaryDepth))
            return .failed
        }
        boundaryDepth += 1
        defer { boundaryDepth -= 1 }
        let depth = g.frames.count
        guard pushFrame(g, function: function, args: 0, values: args, ret: -1, kind: .boundary) else { return .failed }
        let stop = run(g, stopDepth: depth)
        switch stop {
        case .boundaryReturn:
            return .returned(g.boundaryResults)
        case .boundaryPanic:
            let p = g.panics.popLast()
            return .panicked(p?.value ?? .null)
        case .blocked:
            termination = .limit(L("memlane: stopped: a goroutine blocked inside a method called while printing (String or Error); the simulator cannot switch goroutines there"))
            return .failed
        case .finished, .fatal, .preempted:
            return .failed
        }
    }

    /// Calls `v.name()` when `v` holds a type with that method returning a
    /// string (`Error`, `String`); nil otherwise.
    func callStringMethod(_ v: GoValue, _ name: String) -> String? {
        guard case .iface(let tr, let b) = v, case let t = tr.rtype, let target = resolveMethod(t, name),
              target.signature.params.isEmpty, target.signature.results.count == 1, target.signature.results[0].isString else { return nil }
        if exe.runtimeTypes.isLibraryError(t) { return stringText(b.load(0)) }
        guard let f = target.function, case .values(let recv) = receiverValues(target, t, b, method: name) else { return nil }
        switch callForLibrary(function: f, args: recv) {
        case .returned(let r): return r.first.map { stringText($0) }
        default: return nil
        }
    }
}

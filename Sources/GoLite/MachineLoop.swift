/// The dispatch loop. The hot instructions are handled inline; the rest
/// call helpers that report how to continue (`Flow`). Before any helper
/// that may panic, call, block or move the register file, the current pc
/// is saved in the frame, and the cursor is reloaded afterwards.

/// Where the loop is: the running function's code and constants, the pc,
/// and the frame's registers.
struct Cursor {
    /// The running function, held without reference counting.
    var fn: Unmanaged<CompiledFunction>
    var code: UnsafeMutablePointer<Instr>
    var consts: UnsafeMutablePointer<GoValue>
    var pc: Int
    var fr: UnsafeMutablePointer<GoValue>
    var top: Int
    var function: Int
}

/// How to go on after a helper.
enum Flow {
    /// Same frame, registers untouched.
    case next
    /// Frames or registers changed: reload the cursor.
    case reload
    case stop(Stop)
}

extension Machine {
    func cursor(_ g: Goroutine) -> Cursor {
        if g.frames.isEmpty {
            let h = exe.halt
            return Cursor(fn: Unmanaged.passUnretained(h), code: h.codeBuffer.baseAddress!, consts: h.constantBuffer.baseAddress!,
                          pc: 0, fr: g.regs, top: -1, function: h.index)
        }
        return frameCursor(g, g.frames.count - 1)
    }

    /// The cursor of frame `top`, which exists. Inlined on calls and returns.
    @inline(__always)
    func frameCursor(_ g: Goroutine, _ top: Int) -> Cursor {
        let f = g.frames[top]
        let u = table[Int(f.function)]
        return u._withUnsafeGuaranteedRef { fn in
            Cursor(fn: u, code: fn.codeBuffer.baseAddress!, consts: fn.constantBuffer.baseAddress!, pc: Int(f.pc),
                   fr: g.regs + Int(f.base), top: top, function: Int(f.function))
        }
    }

    /// Runs `g` until it blocks, ends, is preempted, or (for calls made by
    /// the library) its frame count drops to `stopDepth`.
    func run(_ g: Goroutine, stopDepth: Int) -> Stop {
        if let message = g.pendingPanic {
            g.pendingPanic = nil
            if let s = raise(g, plainError(message)) { return s }
        }
        if g.frames.isEmpty { return .finished }
        var c = cursor(g)
        while true {
            let instr = c.code[c.pc]
            c.pc &+= 1
            switch instr {
            // MARK: Data movement
            case .move(let d, let s):
                (c.fr + Int(d)).assign(from: c.fr + Int(s))
            case .moveN(let d, let s, let n):
                for k in 0..<Int(n) { (c.fr + Int(d) + k).assign(from: c.fr + Int(s) + k) }
            case .konst(let d, let k):
                (c.fr + Int(d)).assign(from: c.consts + Int(k))
            case .konstN(let d, let k, let n):
                for i in 0..<Int(n) { (c.fr + Int(d) + i).assign(from: c.consts + Int(k) + i) }
            case .setInt(let d, let v):
                (c.fr + Int(d)).setInt(Int(v))
            case .loadGlobal(let d, let slot, let n):
                for i in 0..<Int(n) { c.fr[Int(d) + i] = globals.slots[Int(slot) + i] }
            case .storeGlobal(let slot, let s, let n):
                for i in 0..<Int(n) { globals.slots[Int(slot) + i] = c.fr[Int(s) + i] }
            case .addrGlobal(let d, let slot):
                c.fr[Int(d)] = .pointer(globals, Int(slot))

            // MARK: Blocks
            case .newObject(let d, let site):
                c.fr[Int(d)] = .pointer(newObject(Int(site)), 0)
            case .boxRegs(let d, let s, let site):
                c.fr[Int(d)] = .pointer(newObject(Int(site), from: c.fr + Int(s)), 0)
            case .load1(let d, let p, let off):
                if let (b, i) = (c.fr + Int(p)).borrowedPointer() {
                    if d != p {
                        // Register p keeps the block alive while d is overwritten.
                        b._withUnsafeGuaranteedRef { $0.load(i &+ Int(off), into: c.fr + Int(d)) }
                    } else {
                        c.fr[Int(d)] = b._withUnsafeGuaranteedRef { $0.load(i &+ Int(off)) }
                    }
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch fault(g, .nilDereference) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .load(let d, let p, let off, let n):
                if case .pointer(let b, let i) = c.fr[Int(p)] {
                    for k in 0..<Int(n) { c.fr[Int(d) + k] = b.load(i &+ Int(off) &+ k) }
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch fault(g, .nilDereference) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .store1(let p, let off, let s):
                if let (b, i) = (c.fr + Int(p)).borrowedPointer() {
                    b._withUnsafeGuaranteedRef { $0.store(i &+ Int(off), from: c.fr + Int(s)) }
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch fault(g, .nilDereference) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .store(let p, let off, let s, let n):
                if case .pointer(let b, let i) = c.fr[Int(p)] {
                    for k in 0..<Int(n) { b.store(i &+ Int(off) &+ k, from: c.fr + Int(s) + k) }
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch fault(g, .nilDereference) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .ptrAdd(let d, let p, let off):
                if let (b, i) = (c.fr + Int(p)).borrowedPointer() {
                    c.fr[Int(d)] = .pointer(b.takeUnretainedValue(), i &+ Int(off))
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch fault(g, .nilDereference) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .nilCheck(let p):
                if case .null = c.fr[Int(p)] {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch fault(g, .nilDereference) { case .stop(let s): return s; default: c = cursor(g) }
                }

            // MARK: Slices
            case .sliceLoad1(let d, let s, let i):
                if let (b, off, len, _) = (c.fr + Int(s)).borrowedSlice(), let idx = (c.fr + Int(i)).int(),
                   UInt(bitPattern: idx) < UInt(len) {
                    if d != s {
                        // Register s keeps the block alive while d is overwritten.
                        b._withUnsafeGuaranteedRef { $0.load(off &+ idx, into: c.fr + Int(d)) }
                    } else {
                        c.fr[Int(d)] = b._withUnsafeGuaranteedRef { $0.load(off &+ idx) }
                    }
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch indexFault(g, c.fr[Int(i)], length: lengthOf(c.fr[Int(s)])) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .sliceStore1(let s, let i, let v):
                if let (b, off, len, _) = (c.fr + Int(s)).borrowedSlice(), let idx = (c.fr + Int(i)).int(),
                   UInt(bitPattern: idx) < UInt(len) {
                    b._withUnsafeGuaranteedRef { $0.store(off &+ idx, from: c.fr + Int(v)) }
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch indexFault(g, c.fr[Int(i)], length: lengthOf(c.fr[Int(s)])) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .sliceLoad(let d, let s, let i, let x):
                let e = c.fn._withUnsafeGuaranteedRef { $0.aux.elements[Int(x)] }
                if case .slice(let b, let off, let len, _) = c.fr[Int(s)], case .int(let idx) = c.fr[Int(i)],
                   UInt(bitPattern: idx) < UInt(len) {
                    let at = Int(off) + idx * e.stride + e.offset
                    for k in 0..<e.n { c.fr[Int(d) + k] = b.load(at + k) }
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch indexFault(g, c.fr[Int(i)], length: lengthOf(c.fr[Int(s)])) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .sliceStore(let s, let i, let v, let x):
                let e = c.fn._withUnsafeGuaranteedRef { $0.aux.elements[Int(x)] }
                if case .slice(let b, let off, let len, _) = c.fr[Int(s)], case .int(let idx) = c.fr[Int(i)],
                   UInt(bitPattern: idx) < UInt(len) {
                    let at = Int(off) + idx * e.stride + e.offset
                    for k in 0..<e.n { b.store(at + k, from: c.fr + Int(v) + k) }
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch indexFault(g, c.fr[Int(i)], length: lengthOf(c.fr[Int(s)])) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .sliceAddr(let d, let s, let i, let x):
                let e = c.fn._withUnsafeGuaranteedRef { $0.aux.elements[Int(x)] }
                if case .slice(let b, let off, let len, _) = c.fr[Int(s)], case .int(let idx) = c.fr[Int(i)],
                   UInt(bitPattern: idx) < UInt(len) {
                    c.fr[Int(d)] = .pointer(b, Int(off) + idx * e.stride + e.offset)
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch indexFault(g, c.fr[Int(i)], length: lengthOf(c.fr[Int(s)])) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .arrayAddr(let d, let p, let i, let x):
                let e = c.fn._withUnsafeGuaranteedRef { $0.aux.elements[Int(x)] }
                guard case .pointer(let b, let base) = c.fr[Int(p)] else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch fault(g, .nilDereference) { case .stop(let s): return s; default: c = cursor(g) }
                    continue
                }
                if case .int(let idx) = c.fr[Int(i)], UInt(bitPattern: idx) < UInt(e.length) {
                    c.fr[Int(d)] = .pointer(b, base + e.offset + idx * e.stride)
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch indexFault(g, c.fr[Int(i)], length: e.length) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .regIndex(let d, let a, let i, let x):
                let e = c.fn._withUnsafeGuaranteedRef { $0.aux.elements[Int(x)] }
                if case .int(let idx) = c.fr[Int(i)], UInt(bitPattern: idx) < UInt(e.length) {
                    let at = Int(a) + e.offset + idx * e.stride
                    for k in 0..<e.n { c.fr[Int(d) + k] = c.fr[at + k] }
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch indexFault(g, c.fr[Int(i)], length: e.length) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .strIndex(let d, let s, let i):
                if case .string(let b, let off, let len) = c.fr[Int(s)], case .int(let idx) = c.fr[Int(i)],
                   UInt(bitPattern: idx) < UInt(len) {
                    c.fr[Int(d)] = .int(Int(b.bytes[Int(off) &+ idx]))
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch indexFault(g, c.fr[Int(i)], length: lengthOf(c.fr[Int(s)])) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .len(let d, let a):
                (c.fr + Int(d)).setInt(lengthOf(c.fr[Int(a)]))
            case .cap(let d, let a):
                (c.fr + Int(d)).setInt(capacityOf(c.fr[Int(a)]))
            case .append(let d, let s, let first, let count, let site):
                // In place while the backing array has room.
                if let (b, off, len, cap) = (c.fr + Int(s)).borrowedSlice(), len + Int(count) <= cap {
                    let stride = sites[Int(site)].slots
                    var at = off + len * stride
                    b._withUnsafeGuaranteedRef { blk in
                        for k in 0..<(Int(count) * stride) { blk.store(at, from: c.fr + Int(first) + k); at += 1 }
                    }
                    if d == s {
                        // `s = append(s, …)`: the register's reference to the block moves to the
                        // new header in the same register (taken +1, old header not destroyed).
                        (c.fr + Int(d)).initialize(to: .slice(b.takeRetainedValue(), Int32(off), Int32(len) + count, Int32(cap)))
                    } else {
                        c.fr[Int(d)] = .slice(b.takeUnretainedValue(), Int32(off), Int32(len) + count, Int32(cap))
                    }
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch appendGrow(g, c.fr, d: Int(d), s: Int(s), first: Int(first), count: Int(count), site: Int(site)) {
                    case .next: break
                    case .reload: c = cursor(g)
                    case .stop(let st): return st
                    }
                }
            case .makeSlice(let d, let len, let cap, let site):
                g.frames[c.top].pc = Int32(c.pc)
                switch makeSlice(g, c.fr, d: Int(d), len: Int(len), cap: Int(cap), site: Int(site)) {
                case .next: break
                case .reload: c = cursor(g)
                case .stop(let st): return st
                }
            case .newArray(let d, let n, let site):
                c.fr[Int(d)] = newArray(Int(n), site: Int(site))
            case .sliceExpr(let d, let a, let lo, let hi, let x):
                g.frames[c.top].pc = Int32(c.pc)
                switch sliceExpression(g, c.fr, d: Int(d), a: Int(a), lo: Int(lo), hi: Int(hi), aux: c.fn._withUnsafeGuaranteedRef { $0.aux.slices[Int(x)] }) {
                case .next: break
                case .reload: c = cursor(g)
                case .stop(let st): return st
                }
            case .appendSlice(let d, let s, let t, let site):
                g.frames[c.top].pc = Int32(c.pc)
                switch appendSlice(g, c.fr, d: Int(d), s: Int(s), t: Int(t), site: Int(site)) {
                case .next: break
                case .reload: c = cursor(g)
                case .stop(let st): return st
                }
            case .copy(let d, let dst, let src, let stride):
                c.fr[Int(d)] = .int(copyElements(c.fr[Int(dst)], c.fr[Int(src)], stride: Int(stride)))
            case .concat(let d, let first, let count, let site):
                c.fr[Int(d)] = concatenate(c.fr + Int(first), Int(count), site: Int(site))
            case .convert(let d, let a, let site):
                c.fr[Int(d)] = convertString(c.fr[Int(a)], site: Int(site))

            // MARK: Arithmetic
            case .addI(let d, let a, let b):
                (c.fr + Int(d)).setInt(c.fr[Int(a)].intValue &+ c.fr[Int(b)].intValue)
            case .subI(let d, let a, let b):
                (c.fr + Int(d)).setInt(c.fr[Int(a)].intValue &- c.fr[Int(b)].intValue)
            case .mulI(let d, let a, let b):
                (c.fr + Int(d)).setInt(c.fr[Int(a)].intValue &* c.fr[Int(b)].intValue)
            case .addIK(let d, let a, let v):
                (c.fr + Int(d)).setInt(c.fr[Int(a)].intValue &+ Int(v))
            case .arith(let d, let a, let b, let op, let kind):
                if let v = arithmetic(op, kind, c.fr[Int(a)], c.fr[Int(b)]) {
                    c.fr[Int(d)] = v
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    let error: RuntimeFault = (op == .div || op == .rem) ? .divideByZero : .negativeShift
                    switch fault(g, error) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .cmpI(let d, let a, let b, let cond):
                (c.fr + Int(d)).setInt(cond.test(c.fr[Int(a)].intValue, c.fr[Int(b)].intValue) ? 1 : 0)
            case .cmp(let d, let a, let b, let cond, let kind):
                c.fr[Int(d)] = .bool(compare(cond, kind, c.fr[Int(a)], c.fr[Int(b)]))
            case .strCmp(let d, let a, let b, let cond):
                c.fr[Int(d)] = .bool(compareStrings(cond, c.fr[Int(a)], c.fr[Int(b)]))
            case .equal(let d, let a, let b, let x, let negate):
                g.frames[c.top].pc = Int32(c.pc)
                switch equal(g, c.fr, d: Int(d), a: Int(a), b: Int(b), plan: c.fn._withUnsafeGuaranteedRef { $0.aux.equalities[Int(x)] }, negate: negate) {
                case .next: break
                case .reload: c = cursor(g)
                case .stop(let st): return st
                }
            case .unary(let d, let a, let op, let kind):
                c.fr[Int(d)] = unary(op, kind, c.fr[Int(a)])
            case .numConv(let d, let a, let from, let to):
                c.fr[Int(d)] = convertNumber(c.fr[Int(a)], from: from, to: to)

            // MARK: Control
            case .jump(let t):
                c.pc = Int(t)
            case .jumpIf(let cond, let t):
                if case .int(let v) = c.fr[Int(cond)], v != 0 { c.pc = Int(t) }
            case .jumpIfNot(let cond, let t):
                if case .int(let v) = c.fr[Int(cond)], v != 0 { } else { c.pc = Int(t) }
            case .brI(let a, let b, let cond, let t):
                if !cond.test(c.fr[Int(a)].intValue, c.fr[Int(b)].intValue) { c.pc = Int(t) }
            case .brIK(let a, let v, let cond, let t):
                if !cond.test(c.fr[Int(a)].intValue, Int(v)) { c.pc = Int(t) }
            case .tick(let n):
                if let s = tick(g, c, n, stopDepth: stopDepth) { return s }
            case .tickJump(let n, let t):
                if let s = tickJump(g, &c, n, t, stopDepth: stopDepth) { return s }

            // MARK: Superinstructions (each runs the pair it names; see `Superinstructions`)
            case .tickCallValue(let n, let fv, let args, let ret):
                if let s = tick(g, c, n, stopDepth: stopDepth) { return s }
                c.pc &+= 1
                if let st = callFuncValue(g, &c, fv, args, ret) { return st }
            case .tickCall(let n, let f, let args, let ret):
                if let s = tick(g, c, n, stopDepth: stopDepth) { return s }
                c.pc &+= 1
                if !callFunction(g, &c, f, args, ret) { return .fatal }
            case .tickAddIK(let n, let d, let a, let v):
                if let s = tick(g, c, n, stopDepth: stopDepth) { return s }
                c.pc &+= 1
                (c.fr + Int(d)).setInt(c.fr[Int(a)].intValue &+ Int(v))
            case .tickBrIK(let n, let a, let v, let cond, let t):
                if let s = tick(g, c, n, stopDepth: stopDepth) { return s }
                c.pc &+= 1
                if !cond.test(c.fr[Int(a)].intValue, Int(v)) { c.pc = Int(t) }
            case .addIKTickJump(let d, let a, let v, let n, let t):
                (c.fr + Int(d)).setInt(c.fr[Int(a)].intValue &+ Int(v))
                if let s = tickJump(g, &c, n, t, stopDepth: stopDepth) { return s }
            case .strNext(let s, let i, let t):
                if !nextRune(c.fr[Int(s)], state: c.fr + Int(i)) { c.pc = Int(t) }

            // MARK: Interfaces
            case .box(let d, let s, let site):
                c.fr[Int(d)] = box(c.fr + Int(s), site: Int(site))
            case .assertType(let d, let a, let x, let ok):
                let t = c.fn._withUnsafeGuaranteedRef { $0.aux.types[Int(x)] }
                if let (dt, b) = (c.fr + Int(a)).borrowedIface(), dt === t {
                    let n = t.slots
                    if n == 1 {
                        // The one load happens before the store may release the interface.
                        c.fr[Int(d)] = b._withUnsafeGuaranteedRef { $0.load(0) }
                    } else {
                        // `d` may overlap `a`: keep the box alive while copying.
                        let box = b.takeUnretainedValue()
                        for k in 0..<n { c.fr[Int(d) + k] = box.load(k) }
                    }
                    if ok >= 0 { (c.fr + Int(ok)).setInt(1) }
                } else if ok >= 0 {
                    let z = Layout.zero(t.type, emptyString: exe.emptyString)
                    for k in 0..<z.count { c.fr[Int(d) + k] = z[k] }
                    c.fr[Int(ok)] = .int(0)
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    switch fault(g, .typeAssertion(from: c.fr[Int(a)], interface: c.fn._withUnsafeGuaranteedRef { $0.aux.assertSources[Int(x)] }, to: t.name, missing: nil)) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .assertIface(let d, let a, let x, let ok):
                let check = c.fn._withUnsafeGuaranteedRef { $0.aux.interfaces[Int(x)] }
                let v = c.fr[Int(a)]
                if case .iface(let dt, _) = v, missingMethod(dt.rtype, check) == nil {
                    c.fr[Int(d)] = v
                    if ok >= 0 { c.fr[Int(ok)] = .int(1) }
                } else if ok >= 0 {
                    c.fr[Int(d)] = .null
                    c.fr[Int(ok)] = .int(0)
                } else {
                    g.frames[c.top].pc = Int32(c.pc)
                    var missing: String? = nil
                    if case .iface(let dt, _) = v { missing = missingMethod(dt.rtype, check) }
                    switch fault(g, .typeAssertion(from: v, interface: check.source, to: check.name, missing: missing)) { case .stop(let s): return s; default: c = cursor(g) }
                }
            case .typeIs(let d, let a, let x):
                let t = c.fn._withUnsafeGuaranteedRef { $0.aux.types[Int(x)] }
                if let (dt, _) = (c.fr + Int(a)).borrowedIface() { c.fr[Int(d)] = .bool(dt === t) } else { c.fr[Int(d)] = .int(0) }
            case .implements(let d, let a, let x):
                let check = c.fn._withUnsafeGuaranteedRef { $0.aux.interfaces[Int(x)] }
                if case .iface(let dt, _) = c.fr[Int(a)] { c.fr[Int(d)] = .bool(missingMethod(dt.rtype, check) == nil) } else { c.fr[Int(d)] = .int(0) }
            case .unbox(let d, let a, let n):
                if case .iface(_, let b) = c.fr[Int(a)] {
                    for k in 0..<Int(n) { c.fr[Int(d) + k] = b.load(k) }
                }

            // MARK: Calls
            case .call(let f, let args, let ret):
                if !callFunction(g, &c, f, args, ret) { return .fatal }
            case .callValue(let fv, let args, let ret):
                if let st = callFuncValue(g, &c, fv, args, ret) { return st }
            case .callIface(let recv, let args, let ret, let x):
                g.frames[c.top].pc = Int32(c.pc)
                switch callInterface(g, c.fr[Int(recv)], args: Int(args), ret: Int(ret), aux: c.fn._withUnsafeGuaranteedRef { $0.aux.calls[Int(x)] }) {
                case .next: break
                case .reload: c = cursor(g)
                case .stop(let st): return st
                }
            case .callNative(let x, let args, let ret):
                g.frames[c.top].pc = Int32(c.pc)
                let nc = c.fn._withUnsafeGuaranteedRef { $0.aux.natives[Int(x)] }
                let base = Int(g.frames[c.top].base)
                let values = Array(UnsafeBufferPointer(start: c.fr + Int(args), count: nc.function.argumentSlots))
                switch callNative(g, nc, values, ret: base + Int(ret)) {
                case .done:
                    c = cursor(g)
                case .failed:
                    return .fatal
                case .switched:
                    if g.state == .blocked { return .blocked }
                    if g.frames.isEmpty || g.state == .done { return .finished }
                    c = cursor(g)
                case .stop(let s):
                    return s
                }
            case .cmpIK(let d, let a, let v, let cond):
                (c.fr + Int(d)).setInt(cond.test(c.fr[Int(a)].intValue, Int(v)) ? 1 : 0)
            case .tickRet(let n):
                steps &+= Int(n)
                if steps >= nextCheck {
                    g.frames[c.top].pc = Int32(c.pc - 1)
                    if let s = checkpoint(g, stopDepth: stopDepth, preempt: false) { return s }
                }
                fallthrough
            case .ret:
                let f = g.frames[c.top]
                let simple = f.kind == .normal && g.defers.count == Int(f.deferBase) && c.top > 0
                    && !c.fn._withUnsafeGuaranteedRef { $0.hasBoxedResults }
                if simple {
                    // The common return: no deferred calls, results already in place.
                    let (params, results, bytes) = c.fn._withUnsafeGuaranteedRef { ($0.paramSlots, $0.resultSlots, $0.stackBytes) }
                    if f.ret >= 0 {
                        let src = c.fr + params
                        let dst = g.regs + Int(f.ret)
                        // Moved, not copied: the callee's registers are dead now.
                        for k in 0..<results {
                            if (dst + k).holdsNoReference {
                                // Safe: the old value owns nothing, so not destroying it leaks
                                // nothing; the source is given up just below.
                                (dst + k).copyBits(from: src + k)
                            } else {
                                dst[k] = (src + k).move()
                            }
                            (src + k).initialize(to: .int(0))
                        }
                    }
                    g.popFrame()
                    g.stackUsed -= bytes
                    c = frameCursor(g, c.top - 1)  // the caller: there is one (c.top > 0)
                    continue
                }
                g.frames[c.top].pc = Int32(c.pc - 1)
                if let s = returnFromFrame(g, stopDepth: stopDepth) { return s }
                c = cursor(g)
            case .makeClosure(let d, let first, let x, let site):
                let info = c.fn._withUnsafeGuaranteedRef { $0.aux.closures[Int(x)] }
                c.fr[Int(d)] = makeClosure(info, captures: c.fr + Int(first), site: Int(site))
            case .methodValue(let d, let recv, let x, let site):
                g.frames[c.top].pc = Int32(c.pc)
                switch methodValue(g, c.fr, d: Int(d), recv: Int(recv), aux: c.fn._withUnsafeGuaranteedRef { $0.aux.methodValues[Int(x)] }, site: Int(site)) {
                case .next: break
                case .reload: c = cursor(g)
                case .stop(let st): return st
                }
            case .deferCall(let x, let first):
                g.frames[c.top].pc = Int32(c.pc)
                switch pendingCall(g, c.fn._withUnsafeGuaranteedRef { $0.aux.deferred[Int(x)] }, values: c.fr + Int(first)) {
                case .call(let call): g.defers.append(call)
                case .flow(let flow):
                    switch flow { case .stop(let st): return st; default: c = cursor(g) }
                }
            case .goCall(let x, let first):
                g.frames[c.top].pc = Int32(c.pc)
                switch pendingCall(g, c.fn._withUnsafeGuaranteedRef { $0.aux.deferred[Int(x)] }, values: c.fr + Int(first)) {
                case .call(let call):
                    let ng = newGoroutine()
                    if invoke(ng, call, kind: .entry, ret: -1) == .failed { return .fatal }
                    if ng.frames.isEmpty { finish(ng) } else { makeRunnable(ng) }
                case .flow(let flow):
                    switch flow { case .stop(let st): return st; default: c = cursor(g) }
                }
            case .panic(let a):
                g.frames[c.top].pc = Int32(c.pc)
                if let s = raise(g, c.fr[Int(a)]) { return s }
                c = cursor(g)
            case .recover(let d):
                c.fr[Int(d)] = recover(g)
            case .loadCaptures(let first, let n):
                if case .fn(let f) = c.fr[c.fn._withUnsafeGuaranteedRef { $0.contextReg }] {
                    for k in 0..<Int(n) where k < f.captures.count { c.fr[Int(first) + k] = f.captures[k] }
                }

            // MARK: Maps and channels
            case .makeMap(let d, let hint, let site):
                g.frames[c.top].pc = Int32(c.pc)
                switch makeMap(g, c.fr, d: Int(d), hint: Int(hint), site: Int(site)) {
                case .next: break
                case .reload: c = cursor(g)
                case .stop(let st): return st
                }
            case .mapLoad(let d, let m, let k, let x, let ok):
                g.frames[c.top].pc = Int32(c.pc)
                switch mapLoad(g, c.fr, d: Int(d), m: Int(m), k: Int(k), aux: c.fn._withUnsafeGuaranteedRef { $0.aux.maps[Int(x)] }, ok: Int(ok)) {
                case .next: break
                case .reload: c = cursor(g)
                case .stop(let st): return st
                }
            case .mapStore(let m, let k, let v, let x):
                g.frames[c.top].pc = Int32(c.pc)
                switch mapStore(g, c.fr, m: Int(m), k: Int(k), v: Int(v), aux: c.fn._withUnsafeGuaranteedRef { $0.aux.maps[Int(x)] }) {
                case .next: break
                case .reload: c = cursor(g)
                case .stop(let st): return st
                }
            case .mapDelete(let m, let k, let x):
                g.frames[c.top].pc = Int32(c.pc)
                switch mapDelete(g, c.fr, m: Int(m), k: Int(k), aux: c.fn._withUnsafeGuaranteedRef { $0.aux.maps[Int(x)] }) {
                case .next: break
                case .reload: c = cursor(g)
                case .stop(let st): return st
                }
            case .mapIterInit(let d, let m):
                c.fr[Int(d)] = c.fr[Int(m)]
                c.fr[Int(d) + 1] = .int(0)
            case .mapIterNext(let it, let k, let v, let t):
                if !mapIterate(c.fr, it: Int(it), k: Int(k), v: Int(v)) { c.pc = Int(t) }
            case .makeChan(let d, let size, let site):
                g.frames[c.top].pc = Int32(c.pc)
                switch makeChan(g, c.fr, d: Int(d), size: Int(size), site: Int(site)) {
                case .next: break
                case .reload: c = cursor(g)
                case .stop(let st): return st
                }
            case .send(let ch, let v, let n):
                g.frames[c.top].pc = Int32(c.pc)
                switch send(g, c.fr[Int(ch)], values: c.fr + Int(v), n: Int(n)) {
                case .next: break
                case .reload: c = cursor(g)
                case .stop(let st): return st
                }
            case .recv(let d, let ch, let n, let ok):
                g.frames[c.top].pc = Int32(c.pc)
                let base = Int(g.frames[c.top].base)
                switch receive(g, c.fr[Int(ch)], into: base + Int(d), n: Int(n), ok: ok >= 0 ? base + Int(ok) : -1) {
                case .next: break
                case .reload: c = cursor(g)
                case .stop(let st): return st
                }
            case .close(let ch):
                g.frames[c.top].pc = Int32(c.pc)
                switch closeChannel(g, c.fr[Int(ch)]) {
                case .next: break
                case .reload: c = cursor(g)
                case .stop(let st): return st
                }
            case .printValues(let first, let x):
                let p = c.fn._withUnsafeGuaranteedRef { $0.aux.prints[Int(x)] }
                printBuiltin(c.fr + Int(first), p)
            case .unreachable:
                termination = .limit("memlane: internal error: reached the end of " + c.fn._withUnsafeGuaranteedRef { $0.name })
                return .fatal
            case .halt:
                return .finished
            }
        }
    }

    /// Counts `n` statements; at a checkpoint the goroutine may stop, to
    /// resume at `c.pc`.
    @inline(__always)
    func tick(_ g: Goroutine, _ c: Cursor, _ n: Int32, stopDepth: Int) -> Stop? {
        steps &+= Int(n)
        guard steps >= nextCheck else { return nil }
        g.frames[c.top].pc = Int32(c.pc)
        return checkpoint(g, stopDepth: stopDepth)
    }

    /// A loop's back edge: jumps to `t` and counts `n` statements there. A
    /// loop condition (`brI`) found at `t` is tested at once, sparing it a
    /// dispatch of its own.
    @inline(__always)
    func tickJump(_ g: Goroutine, _ c: inout Cursor, _ n: Int32, _ t: Int32, stopDepth: Int) -> Stop? {
        c.pc = Int(t)
        if let s = tick(g, c, n, stopDepth: stopDepth) { return s }
        if case .brI(let a, let b, let cond, let target) = c.code[c.pc] {
            c.pc = cond.test(c.fr[Int(a)].intValue, c.fr[Int(b)].intValue) ? c.pc &+ 1 : Int(target)
        }
        return nil
    }

    /// A call of a declared function: false on a stack limit.
    @inline(__always)
    func callFunction(_ g: Goroutine, _ c: inout Cursor, _ f: Int32, _ args: Int32, _ ret: Int32) -> Bool {
        g.frames[c.top].pc = Int32(c.pc)
        return enter(g, &c, function: Int(f), args, ret, context: nil)
    }

    /// Pushes the callee's frame, with its arguments and results in the
    /// caller's registers `args` and `ret`, and moves the cursor into it.
    /// The caller's pc must be saved first. False on a stack limit.
    @inline(__always)
    private func enter(_ g: Goroutine, _ c: inout Cursor, function: Int, _ args: Int32, _ ret: Int32,
                       context: Unmanaged<FuncValue>?) -> Bool {
        let base = Int(g.frames[c.top].base)
        guard let callee = pushCall(g, function: function, args: base + Int(args), ret: base + Int(ret), context: context) else { return false }
        c = callee
        return true
    }

    /// A call through a func value: declared functions and closures are
    /// entered here; library functions and method values go the long way.
    @inline(__always)
    func callFuncValue(_ g: Goroutine, _ c: inout Cursor, _ fv: Int32, _ args: Int32, _ ret: Int32) -> Stop? {
        g.frames[c.top].pc = Int32(c.pc)
        if let u = (c.fr + Int(fv)).borrowedFunc() {
            let (function, bound, plain) = u._withUnsafeGuaranteedRef { ($0.function, $0.bound, $0.captures.isEmpty) }
            if function >= 0 && !bound {
                // A declared function or a closure: no receiver to prepend.
                return enter(g, &c, function: function, args, ret, context: plain ? nil : u) ? nil : .fatal
            }
        }
        return callOtherFuncValue(g, &c, fv, args, ret)
    }

    /// Library functions, method values and nil: kept out of line, so the
    /// common path above stays short.
    @inline(never)
    func callOtherFuncValue(_ g: Goroutine, _ c: inout Cursor, _ fv: Int32, _ args: Int32, _ ret: Int32) -> Stop? {
        switch callValue(g, c.fr[Int(fv)], args: Int(args), ret: Int(ret)) {
        case .next: break
        case .reload: c = cursor(g)
        case .stop(let st): return st
        }
        return nil
    }

    /// Runs every few thousand steps: the step budget, Ctrl-C, a pending
    /// collection, and the time slice of goroutines.
    func checkpoint(_ g: Goroutine, stopDepth: Int, preempt: Bool = true) -> Stop? {
        nextCheck = steps + Machine.checkInterval
        if steps >= options.stepBudget {
            termination = .stepBudget(options.stepBudget)
            return .fatal
        }
        if options.isInterrupted() {
            termination = .interrupted
            return .fatal
        }
        if collector.pending { collect() }
        if termination != nil { return .fatal }
        if preempt && stopDepth == 0 && boundaryDepth == 0 && steps - sliceStart >= Machine.timeSlice && runHead < runQueue.count {
            return .preempted
        }
        return nil
    }
}

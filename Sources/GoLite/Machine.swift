import TextKit

/// Why a run of the machine stopped before the program finished.
enum Termination: Equatable {
    /// An unrecovered panic; the text is what Go prints.
    case panic(String)
    /// `fatal error: …` (deadlock, stack overflow, out of memory).
    case fatal(String)
    /// The step budget ran out.
    case stepBudget(Int)
    case interrupted
    /// A limit of the simulator itself (nesting of library calls, frames).
    case limit(String)
}

/// The interpreter: goroutines running compiled functions on simulated
/// memory, the allocator model counting every allocation, and the pacer
/// running collection cycles as the heap grows.
final class Machine {
    let exe: Executable
    let functions: [CompiledFunction]
    /// The same functions, read without reference counting in the hot paths
    /// (`functions` keeps them alive).
    let table: UnsafeMutablePointer<Unmanaged<CompiledFunction>>
    let sites: [AllocSite]
    let globals: MemBlock
    let options: RunOptions
    let out: OutputSink

    var allocator = AllocatorModel()
    var collector: Collector
    var cost = CostCounters()
    var nextAddress = 0xc000010000
    var nextStackAddress = 0xc000400000

    var runQueue: [Goroutine] = []
    var runHead = 0
    var goroutines: [Int: Goroutine] = [:]
    var nextID = 1
    var current: Goroutine?
    var steps = 0
    var nextCheck = 0
    var sliceStart = 0
    var termination: Termination?
    var boundaryDepth = 0
    var testing = TestingState()
    var mapSeed: UInt64 = 0x2545F4914F6CDD1D

    static let checkInterval = 4096
    static let timeSlice = 20_000
    static let maxRegisters = 1 << 22
    static let maxBoundaryDepth = 200
    static let maxGoroutines = 20_000
    /// Go's default maximum stack (runtime/debug.SetMaxStack).
    static let maxStack = 1_000_000_000

    init(_ exe: Executable, options: RunOptions, output: OutputSink) {
        self.exe = exe
        self.functions = exe.functions
        table = UnsafeMutablePointer<Unmanaged<CompiledFunction>>.allocate(capacity: max(1, exe.functions.count))
        for (i, f) in exe.functions.enumerated() { table[i] = Unmanaged.passUnretained(f) }
        self.sites = exe.sites
        self.options = options
        self.out = output
        globals = exe.globalTemplate.withUnsafeBufferPointer { buf in
            MemBlock(copying: buf.baseAddress ?? UnsafePointer(bitPattern: 8)!, count: buf.count)
        }
        collector = Collector(gogc: options.gogc, memoryLimit: options.memoryLimit, globals: exe.globalBytes)
        nextCheck = Machine.checkInterval
    }

    deinit { table.deallocate() }

    // MARK: - Goroutines

    func newGoroutine() -> Goroutine {
        if goroutines.count >= Machine.maxGoroutines && termination == nil {
            termination = .limit(L("memlane: stopped: the program started more goroutines than the {0} the simulator allows", Machine.maxGoroutines))
            nextCheck = 0
        }
        let g = Goroutine(id: nextID)
        nextID += 1
        goroutines[g.id] = g
        return g
    }

    func makeRunnable(_ g: Goroutine) {
        g.state = .runnable
        g.waitReason = ""
        runQueue.append(g)
    }

    func nextRunnable() -> Goroutine? {
        while runHead < runQueue.count {
            let g = runQueue[runHead]
            runHead += 1
            if runHead > 1024 && runHead * 2 > runQueue.count {
                runQueue.removeFirst(runHead)
                runHead = 0
            }
            if g.state == .runnable { return g }
        }
        return nil
    }

    /// Starts `call` as the first frame of `g`.
    func start(_ g: Goroutine, _ call: PendingCall) -> Bool {
        invoke(g, call, kind: .entry, ret: -1) != .failed
    }

    /// Runs goroutines until `done` holds, the program stops, or nothing can run.
    func schedule(until done: () -> Bool) {
        while termination == nil && !done() {
            guard let g = nextRunnable() else {
                deadlock()
                return
            }
            current = g
            sliceStart = steps
            let stop = run(g, stopDepth: 0)
            current = nil
            switch stop {
            case .preempted: runQueue.append(g)
            case .finished: finish(g)
            case .blocked, .fatal, .boundaryReturn, .boundaryPanic: break
            }
        }
    }

    func finish(_ g: Goroutine) {
        g.state = .done
        g.clearAbove(0)
        goroutines[g.id] = nil
        g.onExit?(g)
        g.onExit = nil
    }

    private func deadlock() {
        var text = "fatal error: all goroutines are asleep - deadlock!\n"
        for g in goroutines.values.sorted(by: { $0.id < $1.id }) where g.state == .blocked {
            text += "\ngoroutine \(g.id) [\(g.waitReason)]:\n" + traceback(g)
        }
        termination = .fatal(text)
    }

    // MARK: - Calls

    /// Pushes a frame for `function` with arguments copied from absolute
    /// registers `args` (or from `values`). Fails on the stack limits.
    @discardableResult
    func pushFrame(_ g: Goroutine, function: Int, args: Int, values: [GoValue]? = nil, prefix: [GoValue] = [],
                   ret: Int, kind: Frame.Kind, context: FuncValue? = nil) -> Bool {
        table[function]._withUnsafeGuaranteedRef { f -> Bool in
            guard let r = enterFrame(g, f, function: function, ret: ret, kind: kind) else { return false }
            var i = 0
            for v in prefix where i < f.paramSlots { r[i] = v; i += 1 }
            if let values {
                for v in values where i < f.paramSlots { r[i] = v; i += 1 }
            } else {
                let src = g.regs + args - prefix.count
                while i < f.paramSlots { r[i] = src[i]; i += 1 }
            }
            if let context { r[f.contextReg] = .fn(context) }
            return true
        }
    }

    /// `pushFrame` for the dispatch loop's calls: arguments in registers, no
    /// receiver to prepend, and no arrays to build; the closure (if any) is
    /// borrowed from the caller's register. Returns the cursor of the new
    /// frame, built here rather than read back from the frame stack; nil
    /// on a limit.
    @inline(__always)
    func pushCall(_ g: Goroutine, function: Int, args: Int, ret: Int, context: Unmanaged<FuncValue>?) -> Cursor? {
        let u = table[function]
        return u._withUnsafeGuaranteedRef { f -> Cursor? in
            let borrows = f.borrowsParameters
            guard let r = enterFrame(g, f, function: function, ret: ret, kind: .normal, borrowed: borrows ? UInt8(f.paramSlots) : 0) else { return nil }
            let src = g.regs + args
            if borrows {
                for i in 0..<f.paramSlots {
                    // Safe: the old value is released here; the new one is the caller's, borrowed.
                    if !(r + i).holdsNoReference { _ = (r + i).move() }
                    (r + i).copyBits(from: src + i)
                }
            } else {
                for i in 0..<f.paramSlots { (r + i).assign(from: src + i) }
            }
            if let context { r[f.contextReg] = .fn(context.takeUnretainedValue()) }
            return Cursor(fn: u, code: f.codeBuffer.baseAddress!, consts: f.constantBuffer.baseAddress!, pc: 0,
                          fr: r, top: g.frames.count - 1, function: function)
        }
    }

    /// Checks the stack limits, makes room for a frame of `f` above the top
    /// one, resets its results and locals and pushes it. Returns its
    /// registers (parameters still to be set), or nil on a limit.
    @inline(__always)
    private func enterFrame(_ g: Goroutine, _ f: CompiledFunction, function: Int, ret: Int, kind: Frame.Kind,
                            borrowed: UInt8 = 0) -> UnsafeMutablePointer<GoValue>? {
        let base = g.frames.end
        let end = base + f.frameSize
        if g.frames.count >= options.maxFrames || end > Machine.maxRegisters {
            stackTooDeep(g)
            return nil
        }
        g.stackUsed += f.stackBytes
        while g.stackUsed > g.stackSize {
            if g.stackSize * 2 > Machine.maxStack {
                stackOverflow(g)
                return nil
            }
            g.stackSize *= 2
        }
        g.ensure(end)
        let r = g.regs + base
        let n = f.zeroTo - f.zeroFrom
        if n > 0 {
            let z = f.zeroBuffer.baseAddress!
            let dst = r + f.zeroFrom
            for j in 0..<n { (dst + j).assign(from: z + j) }
        }
        g.frames.append(Frame(function: Int32(function), pc: 0, base: Int32(base), ret: Int32(ret),
                              deferBase: Int32(g.defers.count), end: Int32(end), kind: kind, borrowed: borrowed))
        cost.calls += 1
        return r
    }

    enum Invoked: Equatable {
        /// A frame was pushed: the run loop continues in it.
        case pushed
        /// A library function or built-in ran at once.
        case ran
        case failed
    }

    /// Calls a pending call (deferred or starting a goroutine). Library
    /// functions and built-ins run at once; Go functions get a frame.
    func invoke(_ g: Goroutine, _ call: PendingCall, kind: Frame.Kind, ret: Int) -> Invoked {
        func pushed(_ ok: Bool) -> Invoked { ok ? .pushed : .failed }
        switch call.target {
        case .function(let f):
            return pushed(pushFrame(g, function: f, args: 0, values: call.args, ret: ret, kind: kind))
        case .value(let fv):
            if fv.function < 0 {
                let native = NativeFunction.allCases[-1 - fv.function]
                let nc = NativeCall(function: native, argSlots: native.argumentSlots, resultSlots: 0, pos: call.pos)
                return runPendingNative(g, nc, fv.captures + call.args)
            }
            if fv.bound {
                return pushed(pushFrame(g, function: fv.function, args: 0, values: call.args, prefix: fv.captures, ret: ret, kind: kind))
            }
            return pushed(pushFrame(g, function: fv.function, args: 0, values: call.args, ret: ret, kind: kind, context: fv))
        case .native(_, let nc):
            return runPendingNative(g, nc, call.args)
        case .builtin(let op, let printAux):
            if runBuiltin(g, op, call.args, printAux) { return .ran }
            return termination == nil ? .pushed : .failed
        }
    }

    private func runPendingNative(_ g: Goroutine, _ nc: NativeCall, _ args: [GoValue]) -> Invoked {
        switch callNative(g, nc, args, ret: nil) {
        case .done: return .ran
        case .failed: return .failed
        case .switched: return .pushed
        case .stop(let s): return s == .fatal ? .failed : .pushed
        }
    }

    // MARK: - Stack limits

    /// Go's own message when a goroutine's stack would pass 1 GB.
    private func stackOverflow(_ g: Goroutine) {
        var text = "runtime: goroutine stack exceeds \(Machine.maxStack)-byte limit\n"
        text += "fatal error: stack overflow\n\ngoroutine \(g.id) [running]:\n" + traceback(g, limit: 10)
        termination = .fatal(text)
    }

    /// The simulator's own bound, far below the 1 GB Go allows, which keeps
    /// the tutor within its memory.
    private func stackTooDeep(_ g: Goroutine) {
        let text = L("memlane: stopped: the call stack is {0} frames deep ({1} bytes of simulated stack); the simulator allows {2} frames. Real Go would go on until the stack reaches 1 GB and then fail with “goroutine stack exceeds 1000000000-byte limit”.",
                     g.frames.count, g.stackUsed, options.maxFrames)
        termination = .limit(text + "\n\ngoroutine \(g.id) [running]:\n" + traceback(g, limit: 10))
    }

    // MARK: - Panics

    /// Starts a panic in `g`: deferred calls run, innermost frame first,
    /// until one recovers or the goroutine has no frames left.
    func raise(_ g: Goroutine, _ value: GoValue, goexit: Bool = false) -> Stop? {
        var p = PanicRecord(value: value, goexit: goexit)
        if !goexit { p.trace = traceback(g) }
        g.panics.append(p)
        return unwind(g)
    }

    /// Continues a panic: runs the next deferred call or pops a frame.
    /// Returns nil when the run loop should continue in the current frame.
    func unwind(_ g: Goroutine) -> Stop? {
        while let top = g.frames.last {
            if g.defers.count > Int(top.deferBase) {
                g.frames[g.frames.count - 1].unwinding = true
                let call = g.defers.removeLast()
                switch invoke(g, call, kind: .deferred, ret: -1) {
                case .pushed: return nil
                case .failed: return .fatal
                case .ran:
                    if let p = g.panics.last, p.recovered { return recovered(g) }
                    continue
                }
            }
            let f = g.popFrame()
            g.stackUsed -= functions[Int(f.function)].stackBytes
            switch f.kind {
            case .entry: return goroutineDied(g)
            case .boundary: return .boundaryPanic
            case .deferred, .normal: continue
            }
        }
        return goroutineDied(g)
    }

    /// The deferred call that recovered has returned: its caller returns normally.
    func recovered(_ g: Goroutine) -> Stop? {
        g.panics.removeAll()
        guard !g.frames.isEmpty else { return nil }
        let i = g.frames.count - 1
        g.frames[i].unwinding = false
        g.frames[i].pc = Int32(functions[Int(g.frames[i].function)].code.count - 1)
        return nil
    }

    private func goroutineDied(_ g: Goroutine) -> Stop {
        if let p = g.panics.last, p.goexit {
            g.panics.removeAll()
            return .finished
        }
        g.diedPanicking = true
        termination = .panic(panicText(g))
        return .fatal
    }

    /// `panic: …` as the Go runtime prints it, with the goroutine's frames.
    private func panicText(_ g: Goroutine) -> String {
        var text = ""
        for (i, p) in g.panics.enumerated() where !p.goexit {
            if i > 0 { text += "\t" }
            text += "panic: " + panicValueText(p.value) + (p.recovered ? " [recovered]" : "") + "\n"
        }
        if let p = g.panics.last, case .iface(let t, let b) = p.value, t === exe.runtimeTypes.errorString,
           stringText(b.load(0)).hasPrefix("runtime error: invalid memory address") {
            text += "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0]\n"
        }
        text += "\ngoroutine \(g.id) [running]:\n" + (g.panics.last?.trace ?? "")
        return text
    }

    /// `main.f(...)` / `\tFILE:LINE` lines, innermost frame first.
    func traceback(_ g: Goroutine, limit: Int = 50) -> String {
        var lines: [String] = []
        let frames = g.frames
        for (k, f) in frames.reversed().enumerated() {
            if k == limit && frames.count > limit + 5 {
                lines.append("...additional frames elided...")
                break
            }
            let fn = functions[Int(f.function)]
            let name = fn.index == exe.initFunction ? "main.init" : "main." + fn.name
            // Go shows the arguments' words; a function without parameters prints ().
            lines.append(name + (fn.paramSlots == 0 ? "()" : "(...)"))
            lines.append("\t" + options.fileName + ":" + String(fn.line(at: max(0, Int(f.pc) - 1))))
        }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }
}

/// How a stretch of `run` ended.
enum Stop {
    case blocked, finished, preempted, fatal
    /// A call made for the library returned (see `Frame.Kind.boundary`).
    case boundaryReturn
    /// A panic reached a call made for the library.
    case boundaryPanic
}

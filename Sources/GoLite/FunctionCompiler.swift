import TextKit

/// Where a variable lives while its function runs.
enum Home {
    /// In the frame's registers, from this one.
    case reg(Int32)
    /// In a block; the register holds a pointer to it.
    case boxed(Int32)
    /// In the package's global block, from this slot.
    case global(Int32)
}

/// Compiles one function: lays out its frame (parameters, results, the
/// closure context, variables, then temporaries), emits instructions and
/// records the source line of each.
final class FunctionCompiler {
    let pc: ProgramCompiler
    let fn: CompiledFunction
    let index: Int
    var nextReg: Int32 = 0
    var maxReg: Int32 = 0
    var homes: [ObjectID: Home] = [:]
    var code: [Instr] = []
    var lines: [Int32] = []
    var line: Int32 = 0
    var pendingTicks: Int32 = 0
    var constants: [GoValue] = []
    var aux = AuxTables()
    var scopes: [BranchScope] = []
    var localsEnd: Int32 = 0
    var stackBytes = 16
    /// `string(b)` conversions whose result is only compared or looked up:
    /// they reuse the bytes (Go's OBYTES2STRTMP) and never allocate.
    var temporaryConversions: Set<ObjectIdentifier> = []

    struct BranchScope {
        var isLoop: Bool
        var breaks: [Int] = []
        var continues: [Int] = []
        var fallthroughs: [Int] = []
    }

    init(_ pc: ProgramCompiler, index: Int) {
        self.pc = pc
        self.index = index
        let name = index < pc.info.functions.count ? pc.info.functions[index].name : "init"
        fn = CompiledFunction(index: index, name: name)
    }

    var objects: [Object] { pc.objects }

    // MARK: - Registers

    func temp(_ n: Int) -> Int32 {
        let r = nextReg
        nextReg += Int32(n)
        if nextReg > maxReg { maxReg = nextReg }
        return r
    }

    func slots(_ t: GoType) -> Int { Layout.slots(t) }

    // MARK: - Emission

    @discardableResult
    func emit(_ i: Instr) -> Int {
        code.append(i)
        lines.append(line)
        return code.count - 1
    }

    func at(_ pos: Pos) {
        if pos.isKnown { line = Int32(pos.line) }
    }

    /// Statements executed since the last count are counted here, before
    /// control can leave the straight-line code they belong to.
    func flushTicks() {
        if pendingTicks > 0 {
            let n = pendingTicks
            pendingTicks = 0
            emit(.tick(n: n))
        }
    }

    func countStatement() { pendingTicks += 1 }

    /// The current position as a jump target.
    func label() -> Int {
        flushTicks()
        return code.count
    }

    func emitJump(_ make: (Int32) -> Instr) -> Int {
        flushTicks()
        return emit(make(-1))
    }

    func patch(_ at: Int, to target: Int) {
        let t = Int32(target)
        switch code[at] {
        case .jump: code[at] = .jump(t: t)
        case .jumpIf(let c, _): code[at] = .jumpIf(c: c, t: t)
        case .jumpIfNot(let c, _): code[at] = .jumpIfNot(c: c, t: t)
        case .brI(let a, let b, let c, _): code[at] = .brI(a: a, b: b, c: c, t: t)
        case .brIK(let a, let v, let c, _): code[at] = .brIK(a: a, v: v, c: c, t: t)
        case .strNext(let s, let i, _): code[at] = .strNext(s: s, i: i, t: t)
        case .mapIterNext(let it, let k, let v, _): code[at] = .mapIterNext(it: it, k: k, v: v, t: t)
        default: break
        }
    }

    func patchAll(_ list: [Int], to target: Int) {
        for p in list { patch(p, to: target) }
    }

    func constant(_ v: GoValue) -> Int32 {
        constants.append(v)
        return Int32(constants.count - 1)
    }

    /// Loads the zero value of a type into `n` registers.
    func zero(_ t: GoType, into d: Int32) {
        let z = Layout.zero(t, emptyString: pc.emptyString)
        if z.isEmpty { return }
        if z.count == 1, case .int(0) = z[0] {
            emit(.setInt(d: d, v: 0))
            return
        }
        let k = Int32(constants.count)
        constants += z
        emit(z.count == 1 ? .konst(d: d, k: k) : .konstN(d: d, k: k, n: Int32(z.count)))
    }

    func move(_ d: Int32, _ s: Int32, _ n: Int) {
        if d == s || n == 0 { return }
        emit(n == 1 ? .move(d: d, s: s) : .moveN(d: d, s: s, n: Int32(n)))
    }

    // MARK: - Frames

    /// Lays out parameters, results, the context register and variables;
    /// emits the prologue; compiles the body.
    func compileFunction(_ f: IRFunction) -> CompiledFunction {
        let fi = pc.info.functions[index]
        fn.isLiteral = fi.isLiteral
        var params: [(ObjectID?, GoType)] = []
        if let rt = pc.receiverType(index) { params.append((fi.receiver, rt)) }
        for (i, t) in fi.signature.params.enumerated() { params.append((i < fi.params.count ? fi.params[i] : nil, t)) }
        var boxedParams: [(ObjectID, Int32, GoType)] = []
        for (id, t) in params {
            let r = temp(slots(t))
            stackBytes += (t.size + 7) / 8 * 8
            if let id {
                if pc.boxed.contains(id) { boxedParams.append((id, r, t)) } else { homes[id] = .reg(r) }
            }
        }
        fn.paramSlots = Int(nextReg)
        var boxedResults: [(ObjectID, Int32, GoType)] = []
        for (i, id) in fi.results.enumerated() {
            let t = fi.signature.results[i]
            let r = temp(slots(t))
            stackBytes += (t.size + 7) / 8 * 8
            if pc.boxed.contains(id) { boxedResults.append((id, r, t)) } else { homes[id] = .reg(r) }
        }
        fn.resultSlots = Int(nextReg) - fn.paramSlots
        fn.contextReg = Int(temp(1))
        // A closure's captured variables, loaded from its context on entry.
        if fi.isLiteral && !fi.captures.isEmpty {
            let first = temp(fi.captures.count)
            for (i, id) in fi.captures.enumerated() { homes[id] = .boxed(first + Int32(i)) }
            fn.captureCount = fi.captures.count
        }
        for (id, _, _) in boxedParams { homes[id] = .boxed(temp(1)) }
        for (id, _, _) in boxedResults { homes[id] = .boxed(temp(1)) }
        let declaredSet = Set(params.compactMap(\.0) + fi.results)
        for id in f.declared where !declaredSet.contains(id) && homes[id] == nil { allocateHome(id) }
        localsEnd = nextReg
        fn.zeroFrom = fn.paramSlots
        fn.zeroTo = Int(localsEnd)

        at(fi.pos)
        if fn.captureCount > 0, case .boxed(let first)? = homes[fi.captures[0]] {
            emit(.loadCaptures(first: first, n: Int32(fn.captureCount)))
        }
        for (id, r, t) in boxedParams {
            guard case .boxed(let h)? = homes[id] else { continue }
            let site = variableSite(id, t)
            emit(.boxRegs(d: h, s: r, site: site))
        }
        for (id, r, t) in boxedResults {
            guard case .boxed(let h)? = homes[id] else { continue }
            emit(.newObject(d: h, site: variableSite(id, t)))
            fn.boxedResults.append((home: h, result: r, n: Int32(slots(t))))
        }
        findTemporaryConversions(f.body)
        block(f.body)
        flushTicks()
        // Falling off the end returns (functions with results never get here).
        emit(.ret)
        return finish()
    }

    func allocateHome(_ id: ObjectID) {
        let t = objects[id].type
        stackBytes += (t.size + 7) / 8 * 8
        if pc.boxed.contains(id) { homes[id] = .boxed(temp(1)) } else { homes[id] = .reg(temp(slots(t))) }
    }

    func variableSite(_ id: ObjectID, _ t: GoType) -> Int32 {
        let s = AllocSite(kind: .object, escapes: pc.verdicts.escapes(variable: id), type: t,
                          zero: Layout.zero(t, emptyString: pc.emptyString), pos: objects[id].pos, text: objects[id].name)
        s.byteElements = AllocSite.isByteArray(t)
        return pc.addSite(s)
    }

    func home(_ id: ObjectID) -> Home {
        if let h = homes[id] { return h }
        if let g = pc.globalSlot[id] { return .global(Int32(g)) }
        // A variable first seen here (a temporary the analysis added).
        allocateHome(id)
        return homes[id]!
    }

    func finish() -> CompiledFunction {
        fn.code = code
        fn.lines = lines
        fn.constants = constants
        fn.frameSize = Int(maxReg) + 1
        var template: [GoValue] = Array(repeating: .int(0), count: fn.zeroTo - fn.zeroFrom)
        // Results and variables start as their zero values.
        for (id, h) in homes {
            guard case .reg(let r) = h, Int(r) >= fn.zeroFrom, Int(r) < fn.zeroTo else { continue }
            let z = Layout.zero(objects[id].type, emptyString: pc.emptyString)
            for (i, v) in z.enumerated() where Int(r) + i - fn.zeroFrom < template.count { template[Int(r) + i - fn.zeroFrom] = v }
        }
        if index < pc.info.functions.count {
            let fi = pc.info.functions[index]
            var r = fn.paramSlots
            for t in fi.signature.results {
                for v in Layout.zero(t, emptyString: pc.emptyString) {
                    if r - fn.zeroFrom < template.count { template[r - fn.zeroFrom] = v }
                    r += 1
                }
            }
        }
        fn.zeroTemplate = template
        fn.stackBytes = stackBytes
        fn.aux = aux
        fn.seal()
        return fn
    }

    // MARK: - Package initialisation

    func beginInit(_ f: IRFunction?) {
        fn.contextReg = Int(temp(1))
        fn.paramSlots = 0
        fn.resultSlots = 0
        for id in f?.declared ?? [] where homes[id] == nil { allocateHome(id) }
        localsEnd = nextReg
        fn.zeroFrom = 0
        fn.zeroTo = Int(localsEnd)
    }

    func staticGlobal(_ id: ObjectID, _ value: IRNode) {
        guard let slot = pc.globalSlot[id] else { return }
        at(value.pos)
        let mark = nextReg
        defer { nextReg = mark }
        let n = slots(objects[id].type)
        let v = expr(value)
        emit(.storeGlobal(slot: Int32(slot), s: v, n: Int32(n)))
    }

    func callInit(_ index: Int, pos: Pos) {
        at(pos)
        flushTicks()
        emit(.call(f: Int32(index), args: nextReg, ret: nextReg))
    }

    func finishInit() -> CompiledFunction {
        flushTicks()
        emit(.ret)
        return finish()
    }
}

/// Escape analysis in the manner of Go 1.19's `cmd/compile/internal/escape`.
///
/// The question for every variable and allocation: may its address be
/// used after the function that made it returns (or, in a loop, after the
/// iteration that made it ends)? If so it must live on the heap. The
/// analysis answers from the source alone, at build time:
///
/// 1. Build a graph: locations for variables and allocations, edges for
///    every assignment (see `EscapeGraph.swift`).
/// 2. From every location, walk the graph backwards counting
///    dereferences; a location whose *address* reaches somewhere that
///    outlives it escapes (see `EscapeSolver.swift`).
/// 3. Summarise each function's parameters ("leaking param: p", "… to
///    result ~r0 level=0") so calls to it elsewhere can be analysed
///    without looking inside it again.
///
/// Functions are analysed callee first, one strongly connected group of
/// mutually recursive functions at a time (a function literal belongs to
/// the group of the function it is written in).
final class EscapeAnalyzer {
    let program: IRProgram
    let info: TypeInfo
    var objects: [Object]
    var functions: [Int: IRFunction] = [:]
    /// Parameter summaries of functions already analysed (receiver first).
    var tags: [Int: [ParamLeak]] = [:]
    var output: [EscapeDiagnostic] = []

    // Batch state.
    var heap: Location
    var blank: Location
    var allLocations: [Location] = []
    var pendingClosures: [(hole: Hole, node: IRNode, captures: [ObjectID])] = []
    var locationOf: [ObjectID: Location] = [:]
    var inBatch: Set<Int> = []
    var closureCalled: Set<Int> = []
    var wrapperCaptures: [ObjectIdentifier: [ObjectID]] = [:]

    // Walk state.
    var curfn = 0
    var loopDepth = 1
    /// Locals assigned other than where they were declared (for static callees).
    var reassignedAnywhere: Set<ObjectID> = []
    var staticDefinition: [ObjectID: IRNode] = [:]
    /// For methods: the receiver's type, by function index.
    var receiverTypes: [Int: GoType] = [:]
    /// For function literals: the function they are written in (by function index).
    let parents: [Int?]

    init(program: IRProgram, info: TypeInfo) {
        self.program = program
        self.info = info
        self.objects = program.objects
        parents = info.functions.map(\.parent)
        heap = Location(kind: .heap, node: nil, object: nil, function: -2, loopDepth: 0, transient: false)
        heap.escapes = true
        blank = Location(kind: .blank, node: nil, object: nil, function: -2, loopDepth: 0, transient: false)
        for f in program.functions { functions[f.index] = f }
        for n in info.namedTypes {
            for m in n.methods {
                if let f = m.function { receiverTypes[f] = m.pointerReceiver ? .pointer(.named(n)) : .named(n) }
            }
        }
    }

    func function(_ index: Int) -> FunctionInfo? {
        index >= 0 && index < info.functions.count ? info.functions[index] : nil
    }

    /// The function literal `index` is written inside, if any.
    func parent(_ index: Int) -> Int? { index >= 0 && index < parents.count ? parents[index] : nil }

    /// Whether `inner` is a function literal written (at any depth) inside `outer`.
    func containsClosure(_ outer: Int, _ inner: Int) -> Bool {
        if outer == inner || parent(inner) == nil { return false }
        var f = parent(inner)
        while let p = f {
            if p == outer { return true }
            f = parent(p)
        }
        return false
    }

    // MARK: - Driver

    func run() -> [EscapeDiagnostic] {
        prepareStaticValues()
        devirtualize()
        for batch in Batches.order(program: program, info: info) {
            analyze(batch)
        }
        return output
    }

    /// Analyses one group: the functions and the literals written in them.
    func analyze(_ batch: [Int]) {
        allLocations = []
        pendingClosures = []
        locationOf = [:]
        inBatch = Set(batch)
        for fn in batch { initFunction(fn) }
        for fn in batch where function(fn)?.isLiteral != true {
            walkFunction(fn)
        }
        // Now that every assignment has been seen, decide how closures
        // capture their variables.
        for c in pendingClosures { flowClosure(c.hole, c.node, c.captures) }
        pendingClosures = []
        for loc in allLocations {
            if let why = heapAllocReason(loc) {
                flow(heapHole().addr(loc.node ?? IRNode(.name, .none, .invalid), why), loc)
            }
        }
        solve()
        finish(batch)
    }

    /// Locations for every variable the function declares.
    func initFunction(_ fn: Int) {
        curfn = fn
        loopDepth = 1
        guard let f = functions[fn] else { return }
        for id in f.declared where locationOf[id] == nil {
            _ = newVariableLocation(id)
        }
        if let fi = function(fn) {
            for (i, r) in fi.results.enumerated() { locationOf[r]?.resultIndex = i + 1 }
        }
    }

    func newVariableLocation(_ id: ObjectID) -> Location {
        let o = objects[id]
        let loc = Location(kind: .variable, node: nil, object: id, function: curfn, loopDepth: loopDepth, transient: false)
        loc.storage = o.storage
        loc.name = o.name
        loc.type = o.type
        allLocations.append(loc)
        locationOf[id] = loc
        return loc
    }

    func newLocation(_ node: IRNode?, transient: Bool) -> Location {
        let loc = Location(kind: node == nil ? .temporary : .expression, node: node, object: nil,
                           function: curfn, loopDepth: loopDepth, transient: transient)
        loc.type = node?.type ?? .invalid
        allLocations.append(loc)
        return loc
    }

    func walkFunction(_ fn: Int) {
        let savedFn = curfn, savedDepth = loopDepth
        curfn = fn
        loopDepth = 1
        if let f = functions[fn] { block(f.body) }
        curfn = savedFn
        loopDepth = savedDepth
    }

    /// Variables a closure uses from outside are captured by value when
    /// they are small (≤ 128 bytes), never reassigned and never have their
    /// address taken; otherwise by reference — and then their address
    /// flows wherever the closure goes.
    func flowClosure(_ k: Hole, _ node: IRNode, _ captures: [ObjectID]) {
        for id in captures {
            guard let loc = locationOf[id] else { continue }
            let byValue = !loc.addrTaken && !loc.reassigned && loc.type.size <= 128
            var hole = k
            let ref = IRNode(.name, objects[id].pos, objects[id].type)
            ref.object = id
            ref.text = objects[id].name
            if !byValue { hole = hole.addr(ref, "reference") }
            flow(hole.note(ref, "captured by a closure"), loc)
        }
    }

    // MARK: - Allocation limits

    /// Go moves some allocations to the heap whatever the flows say: any
    /// variable over 10 MiB, and implicit allocations (`new`, `&T{}`,
    /// `make`) over 64 KiB or of a size not known at build time.
    func heapAllocReason(_ loc: Location) -> String? {
        if loc.kind == .variable {
            if loc.storage == .param || loc.storage == .receiver || loc.storage == .result { return nil }
            return loc.type.size > EscapeLimits.maxStackVarSize ? "too large for stack" : nil
        }
        guard loc.kind == .expression, let n = loc.node else { return nil }
        if n.type.size > EscapeLimits.maxStackVarSize { return "too large for stack" }
        switch n.op {
        case .new, .pointerLit:
            if let e = n.type.elem, e.size > EscapeLimits.maxImplicitStackVarSize { return "too large for stack" }
        case .closure:
            if closureSize(n) > EscapeLimits.maxImplicitStackVarSize { return "too large for stack" }
        case .makeSlice:
            let r = n.high ?? n.low
            guard let r, r.op == .literal, let count = r.constant?.intValue, count >= Int(Int32.min), count <= Int(Int32.max) else {
                return "non-constant size"
            }
            if let e = n.type.elem, e.size != 0, count > EscapeLimits.maxImplicitStackVarSize / e.size {
                return "too large for stack"
            }
        default: break
        }
        return nil
    }

    /// A closure object holds its function pointer and its captures.
    func closureSize(_ n: IRNode) -> Int {
        guard let f = n.function, let fi = function(f) else { return 8 }
        var size = 8
        for id in fi.captures {
            let t = objects[id].type
            let byRef = (locationOf[id]?.addrTaken ?? false) || (locationOf[id]?.reassigned ?? false) || t.size > 128
            let s = byRef ? 8 : t.size
            let a = byRef ? 8 : t.alignment
            size = (size + a - 1) / a * a + s
        }
        return size
    }

    // MARK: - Results

    func finish(_ batch: [Int]) {
        for fn in batch { parameterTags(fn) }
        for loc in allLocations {
            switch loc.kind {
            case .variable:
                if loc.escapes, let id = loc.object {
                    output.append(EscapeDiagnostic(pos: objects[id].pos, kind: .movedToHeap, subject: loc.name,
                                                   function: functionName(loc.function), why: loc.why.map { explain($0, loc) }))
                }
            case .expression:
                guard let n = loc.node, !n.isGoDeferWrapper else { continue }
                let text = IRPrinter.string(n)
                output.append(EscapeDiagnostic(pos: n.pos, kind: loc.escapes ? .escapes : .doesNotEscape, subject: text,
                                               function: functionName(loc.function),
                                               why: loc.escapes ? loc.why.map { explain($0, loc) } : nil))
            default: break
            }
        }
    }

    func functionName(_ index: Int) -> String {
        index == -1 ? "init" : (function(index)?.name ?? "?")
    }

    /// Summarises how each parameter leaks, reports it, and keeps the
    /// summary for calls analysed later.
    func parameterTags(_ fn: Int) {
        guard let fi = function(fn) else { return }
        var params: [ObjectID?] = []
        var types: [GoType] = []
        if fi.receiver != nil || isMethod(fn) {
            params.append(fi.receiver)
            types.append(receiverType(fn))
        }
        params += fi.params
        types += fi.signature.params
        var leaks: [ParamLeak] = []
        for (i, p) in params.enumerated() {
            let t = i < types.count ? types[i] : .invalid
            guard t.hasPointers else { leaks.append(.leaks); continue }
            guard let id = p, let loc = locationOf[id], objects[id].name != "_" else { leaks.append(.none); continue }
            var esc = loc.paramLeaks
            esc.optimize()
            esc.clamp()
            leaks.append(esc.asParamLeak)
            if loc.escapes { continue }
            let name = objects[id].name
            let pos = objects[id].pos
            let fname = fi.name
            if esc.isEmpty {
                output.append(EscapeDiagnostic(pos: pos, kind: .paramDoesNotEscape, subject: name, function: fname, why: nil))
            }
            if let h = esc.heap {
                output.append(EscapeDiagnostic(pos: pos, kind: h == 0 ? .leakingParam : .leakingParamContent,
                                               subject: name, function: fname, why: loc.leakWhy.map { explain($0, loc) }))
            }
            for r in 0..<Leaks.resultSlots {
                if let level = esc.results[r], r < fi.results.count {
                    let resultName = objects[fi.results[r]].name
                    output.append(EscapeDiagnostic(pos: pos, kind: .leakingToResult(result: resultName, level: level),
                                                   subject: name, function: fname, why: loc.leakWhy.map { explain($0, loc) }))
                }
            }
        }
        tags[fn] = leaks
    }

    func isMethod(_ fn: Int) -> Bool { receiverTypes[fn] != nil }

    func receiverType(_ fn: Int) -> GoType {
        if let r = function(fn)?.receiver { return objects[r].type }
        return receiverTypes[fn] ?? .invalid
    }
}

enum EscapeLimits {
    /// Explicitly declared variables larger than this go to the heap (Go's MaxStackVarSize).
    static let maxStackVarSize = 10 * 1024 * 1024
    /// Implicit allocations larger than this go to the heap (Go's MaxImplicitStackVarSize).
    static let maxImplicitStackVarSize = 64 * 1024
}

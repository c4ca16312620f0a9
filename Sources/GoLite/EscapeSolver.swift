/// Solving the graph: from each location (the "root"), find the fewest
/// dereferences with which every other location's value reaches it. A
/// location whose *address* (−1) reaches a root that outlives it escapes.
/// Escaping can make more things escape, so roots are walked again until
/// nothing changes (each location can only start escaping once).
extension EscapeAnalyzer {
    func solve() {
        var todo: [Location] = []
        todo.reserveCapacity(allLocations.count + 1)
        func enqueue(_ l: Location) {
            if !l.queued {
                todo.append(l)
                l.queued = true
            }
        }
        for l in allLocations { enqueue(l) }
        enqueue(heap)
        var walkgen = 0
        while let root = todo.popLast() {
            root.queued = false
            walkgen += 1
            walkOne(root, walkgen, enqueue)
        }
    }

    /// Bellman-Ford from `root` over incoming edges. Dereference counts
    /// never drop below zero past an address-of: in `root = &l; l = x`,
    /// l's address reaches root but x's does not.
    func walkOne(_ root: Location, _ walkgen: Int, _ enqueue: (Location) -> Void) {
        root.walkgen = walkgen
        root.derefs = 0
        root.dst = nil
        var todo = [root]
        while let l = todo.popLast() {
            var derefs = l.derefs
            let addressOf = derefs < 0
            if addressOf {
                derefs = 0
                // An address kept somewhere lasting stops the value being short-lived.
                if !root.transient && l.transient {
                    l.transient = false
                    enqueue(l)
                }
            }
            if outlives(root, l) {
                // Rule: a parameter whose value reaches the heap or a result "leaks".
                if l.isParam {
                    let before = l.paramLeaks
                    leak(l, to: root, derefs)
                    if l.paramLeaks != before && l.leakWhy == nil { l.leakWhy = path(from: l, to: root) }
                }
                // Rule: a location whose address reaches something that lives longer must be on the heap.
                if addressOf && !l.escapes {
                    l.escapes = true
                    l.why = path(from: l, to: root)
                    enqueue(l)
                    continue
                }
            }
            for (i, edge) in l.edges.enumerated() {
                let src = edge.source
                if src.escapes { continue }
                let d = derefs + edge.derefs
                if src.walkgen != walkgen || src.derefs > d {
                    src.walkgen = walkgen
                    src.derefs = d
                    src.dst = l
                    src.dstEdge = i
                    todo.append(src)
                }
            }
        }
    }

    /// Records that parameter `l` flows to `sink`: to one of its own
    /// function's results when the sink is such a result, else to the heap.
    func leak(_ l: Location, to sink: Location, _ derefs: Int) {
        if !sink.escapes && sink.isResult && sink.function == l.function {
            let ri = sink.resultIndex - 1
            if ri >= 0 && ri < Leaks.resultSlots {
                l.paramLeaks.addResult(ri, derefs)
                return
            }
        }
        l.paramLeaks.addHeap(derefs)
    }

    /// Whether values stored in `l` may survive beyond `other`'s lifetime
    /// if `other` were on the stack.
    func outlives(_ l: Location, _ other: Location) -> Bool {
        // The heap outlives everything.
        if l.escapes { return true }
        // Results go to callers we cannot see, so they outlive everything —
        // except results of a function literal called right where it is
        // written, returning something of the function around it.
        if l.isResult {
            if containsClosure(other.function, l.function) && closureCalled.contains(l.function) { return false }
            return true
        }
        // In the same function, a variable declared outside a loop outlives
        // what is made in each iteration.
        if l.function == other.function && l.loopDepth < other.loopDepth { return true }
        // A variable outlives what a function literal inside its function makes.
        if containsClosure(l.function, other.function) { return true }
        return false
    }

    /// The chain of assignments by which `from` reached `root`, read off
    /// the walk's back-pointers.
    func path(from: Location, to root: Location) -> [FlowStep] {
        var steps: [FlowStep] = []
        var src = from
        var seen: Set<ObjectIdentifier> = []
        while let dst = src.dst, !seen.contains(ObjectIdentifier(src)) {
            seen.insert(ObjectIdentifier(src))
            let edge = dst.edges[src.dstEdge]
            steps.append(FlowStep(from: src, to: dst, derefs: edge.derefs, note: edge.note))
            if dst === root { break }
            src = dst
        }
        return steps
    }

    // MARK: - Edges

    /// Adds the assignment "k = src".
    func flow(_ k: Hole, _ src: Location) {
        if k.addrTaken { src.addrTaken = true }
        let dst = k.dst
        if dst === blank { return }
        // x = x, x = *x: nothing new.
        if dst === src && k.derefs >= 0 { return }
        // Storing an address into the heap: the source escapes right away.
        if dst.escapes && k.derefs < 0 {
            if !src.escapes {
                src.escapes = true
                src.why = [FlowStep(from: src, to: dst, derefs: k.derefs, note: k.note)]
            }
            return
        }
        dst.edges.append(FlowEdge(source: src, derefs: k.derefs, note: k.note))
    }

    func heapHole() -> Hole { Hole(dst: heap, derefs: 0) }
    func discardHole() -> Hole { Hole(dst: blank, derefs: 0) }

    func hole(_ loc: Location) -> Hole { Hole(dst: loc, derefs: 0) }

    /// A new location fed into every one of `ks` (like Unix `tee`).
    func teeHole(_ ks: [Hole]) -> Hole {
        if ks.isEmpty { return discardHole() }
        if ks.count == 1 { return ks[0] }
        let loc = newLocation(nil, transient: true)
        for k in ks { flow(k, loc) }
        return hole(loc)
    }

    /// A location that flows into `k` "later", so temporaries are not reused too early.
    func later(_ k: Hole) -> Hole {
        let loc = newLocation(nil, transient: false)
        flow(k, loc)
        return hole(loc)
    }

    /// A new location for an allocating expression: its address flows to
    /// `k`, and the returned hole stores into it.
    func spill(_ k: Hole, _ n: IRNode) -> Hole {
        let loc = newLocation(n, transient: true)
        flow(k.addr(n, "spill"), loc)
        return hole(loc)
    }
}

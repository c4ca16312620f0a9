import TextKit

/// A collection cycle of the `gc` simulator, whole or step by step:
/// start (roots shaded) → mark steps → mark termination → sweep steps →
/// done. Every collector goes through the same engine; they differ in what
/// the start shades (a minor cycle keeps the old generation black and
/// scans the remembered set), whether the world runs between steps
/// (incremental only) and how the cycle ends (copying flips semispaces
/// instead of sweeping).
extension GCSimulator {
    // MARK: - Verbs

    mutating func gcCommand(_ command: Command, _ context: SimulationContext) throws(SimulatorError) -> String {
        let usage = "gc [start] [minor|major]"
        try Arguments.expect(command, count: 0...2, usage: usage)
        var args = command.arguments
        let start = args.first == "start"
        if start { args.removeFirst() }
        var major = false
        if let kind = args.first {
            guard args.count == 1, kind == "minor" || kind == "major" else { throw SimulatorError(L("usage: {0}", usage)) }
            guard collector == .generational else {
                throw SimulatorError(L("minor and major cycles belong to the generational collector"),
                                     hint: L("Choose it with `collector generational`."))
            }
            major = kind == "major"
        }
        guard phase != .mark else {
            throw SimulatorError(L("a cycle is already marking"), hint: L("`step` through it or `finish` it."))
        }
        if start { return try startCycle(major: major, forced: true, context).joined(separator: "\n") }
        return try runWholeCycle(major: major, forced: true, context).joined(separator: "\n")
    }

    mutating func stepCommand(_ command: Command, _ context: SimulationContext) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 0...1, usage: "step [N]")
        var n = 1
        if let text = command.arguments.first {
            guard let v = Arguments.integer(text), v >= 1, v <= Self.maxStep else {
                throw SimulatorError(L("N must be a number from 1 to {0}", Self.maxStep))
            }
            n = v
        }
        switch phase {
        case .off:
            throw SimulatorError(L("no cycle is running"), hint: L("`gc start` begins one step by step; `gc` runs a whole one."))
        case .mark:
            return try markStep(n, context).joined(separator: "\n")
        case .sweep:
            return try sweepStep(n, context).joined(separator: "\n")
        }
    }

    mutating func finishCommand(_ command: Command, _ context: SimulationContext) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 0, usage: "finish")
        guard phase != .off else {
            throw SimulatorError(L("no cycle is running"), hint: L("`gc start` begins one step by step; `gc` runs a whole one."))
        }
        var out: [String] = []
        if phase == .mark {
            let drained = try drain(context)
            if drained > 0 { out.append(L("marking drained: {0} object(s) scanned", drained)) }
            out += terminateMark()
        }
        if phase == .sweep { out += try sweepStep(.max, context) }
        return out.joined(separator: "\n")
    }

    // MARK: - Engine

    /// Sweep termination (finishing a sweep still in progress), then the
    /// roots are shaded grey in root order.
    mutating func startCycle(major: Bool, forced: Bool, _ context: SimulationContext) throws(SimulatorError) -> [String] {
        var out: [String] = []
        if phase == .sweep {
            out.append(L("sweep termination: the last cycle's sweep is completed first"))
            out += try sweepStep(.max, context)
        }
        let record = CycleRecord(
            number: cycles + 1, collector: collector, barrier: barrier,
            generation: collector == .generational ? (major ? "major" : "minor") : nil,
            forced: forced, startMs: clock.elapsedMs, heapStart: heapInUse, goal: pacer.goal,
            stacks: pacer.stacks, globals: pacer.globals)
        heap.beginMark()
        let minor = collector == .generational && !major
        var toBase = 0
        if collector == .copying {
            toBase = heap.base == 0 ? semispace : 0
            heap.beginRelocation(to: toBase)
        }
        if minor { for id in heap.liveIDs where heap.isOld(id) { heap.blacken(id) } }
        heap.shadeRoots()
        let rootsShaded = heap.greyQueue.count
        if minor { for o in remembered { heap.regrey(o) } }
        let shaded = heap.greyQueue.count
        cycle = RunningCycle(major: major, firstNewID: heap.slotCount, rootsShaded: rootsShaded, toBase: toBase, record: record)
        stwCount += 1
        cycle!.record.pauses = 1
        cycle!.record.add(collector == .incremental ? .sweepTermination(rootsShaded: rootsShaded) : .stopTheWorld(rootsShaded: rootsShaded))
        phase = .mark
        let label = collector == .generational ? L("{0} cycle {1}", major ? "major" : "minor", cycles + 1) : L("cycle {0}", cycles + 1)
        out.append(shaded == 0 ? L("{0} starts: no roots, nothing to shade", label)
                   : L("{0} starts: {1} shaded grey", label, HeapCommands.list(heap.greyQueue, in: heap)))
        if minor && !remembered.isEmpty {
            out.append(L("the remembered set is scanned as extra roots: {0}", HeapCommands.list(remembered, in: heap)))
        }
        if collector == .incremental {
            out.append(barrier == .none ? L("the world runs again; pointer writes take no barrier")
                       : L("the world runs again; pointer writes go through the {0} barrier", barrier.rawValue))
        } else {
            out.append(L("the world is stopped until the cycle ends"))
        }
        return out
    }

    /// Scans up to `n` grey objects, describing the first few; with none
    /// left, terminates marking instead.
    mutating func markStep(_ n: Int, _ context: SimulationContext) throws(SimulatorError) -> [String] {
        guard heap.hasGrey else { return terminateMark() }
        var out: [String] = []
        var scanned = 0
        while scanned < min(n, 8) && heap.hasGrey {
            let id = heap.greyQueue.first!
            let before = heap.shadedInOrder.count
            heap.scan(limit: 1)
            scanned += 1
            let newly = HeapCommands.names(heap.shadedInOrder[before...], in: heap)
            out.append(newly.isEmpty ? L("scan {0}: black, nothing new to shade", heap.name(of: id))
                       : L("scan {0}: black, shades {1} grey", heap.name(of: id), HeapCommands.list(newly)))
        }
        if scanned < n && heap.hasGrey {
            let rest = heap.scan(limit: n - scanned, isInterrupted: context.isInterrupted)
            scanned += rest
            if scanned < n && heap.hasGrey && context.isInterrupted() {
                throw SimulatorError(L("interrupted: the step was undone"))
            }
            out.append(L("… {0} more object(s) scanned", rest))
        }
        cycle!.record.add(.mark(objects: scanned, stopped: collector != .incremental))
        out.append(heap.hasGrey ? L("{0} grey object(s) left", heap.greyQueue.count)
                   : L("no grey object left: the next `step` (or `finish`) terminates marking"))
        return out
    }

    /// Scans every grey object; returns how many.
    mutating func drain(_ context: SimulationContext) throws(SimulatorError) -> Int {
        let n = heap.scan(isInterrupted: context.isInterrupted)
        if heap.hasGrey { throw SimulatorError(L("interrupted: the cycle was left as it was")) }
        if n > 0 { cycle!.record.add(.mark(objects: n, stopped: collector != .incremental)) }
        return n
    }

    /// The end of marking. The incremental collector stops the world again
    /// (and, with Dijkstra, rescans the roots, which took no barrier);
    /// copying flips semispaces and is done; the others start sweeping.
    mutating func terminateMark() -> [String] {
        var out: [String] = []
        if collector == .incremental {
            stwCount += 1
            cycle!.record.pauses += 1
            var rescanned: Int?
            if barrier == .dijkstra {
                heap.shadeRoots()
                rescanned = heap.roots.count
                let n = heap.scan()
                cycle!.record.add(.markTermination(rescanned: rescanned))
                if n > 0 { cycle!.record.add(.mark(objects: n, stopped: true)) }
                out.append(L("mark termination (world stopped): {0} root(s) rescanned, {1} more object(s) marked", heap.roots.count, n))
            } else {
                cycle!.record.add(.markTermination(rescanned: nil))
                out.append(L("mark termination (world stopped)"))
            }
        }
        cycle!.record.heapEnd = heapInUse
        if collector == .copying { return out + flip() }
        phase = .sweep
        cycle!.sweepEnd = heap.slotCount
        let white = heap.liveIDs.filter { heap.color(of: $0) == .white }
        out.append(white.isEmpty ? L("marking done: every object is marked, nothing to free")
                   : L("marking done: white objects to free: {0}", HeapCommands.list(white, in: heap)))
        return out
    }

    /// Sweeps up to `n` objects in creation order; `lost` collects those
    /// freed while a root still leads to them.
    mutating func sweepStep(_ n: Int, _ context: SimulationContext) throws(SimulatorError) -> [String] {
        var c = cycle!
        let reachable = c.mutated ? heap.reachable(ghosts: c.freed) : nil
        let (result, end) = heap.sweep(c.sweepCursor..<c.sweepEnd, limit: n,
                                       promoteAt: collector == .generational ? promotionAge : nil,
                                       isInterrupted: context.isInterrupted)
        if end < c.sweepEnd && result.visited < n && context.isInterrupted() {
            throw SimulatorError(L("interrupted: the sweep step was undone"))
        }
        c.sweepCursor = end
        c.freed += result.freed
        if let reachable { c.lost += result.freed.filter { reachable[Int($0)] } }
        c.promoted += result.promoted
        c.record.add(.sweep(objects: result.visited, freed: result.freed.count, stopped: collector != .incremental))
        cycle = c
        var out: [String] = []
        if n != .max {
            out.append(result.freed.isEmpty ? L("swept {0} object(s), none freed", result.visited)
                       : L("swept {0} object(s), freed {1}", result.visited, HeapCommands.list(result.freed, in: heap)))
        }
        if c.sweepCursor >= c.sweepEnd || !sweepLeft(from: c.sweepCursor, to: c.sweepEnd) {
            out += completeCycle()
        }
        return out
    }

    /// Whether any live object remains to be swept in the range.
    func sweepLeft(from: Int, to: Int) -> Bool {
        (from..<to).contains { heap.isLive(ID($0)) }
    }

    /// Copying's end: white objects stay behind in from-space, which is
    /// dropped; to-space, already compacted in copy order, becomes from-space.
    mutating func flip() -> [String] {
        let copiedNow = Array(heap.shadedInOrder)
        let (result, _) = heap.sweep(0..<heap.slotCount)
        heap.finishRelocation(base: cycle!.toBase)
        cycle!.freed = result.freed
        let bytes = copiedNow.reduce(0) { $0 + heap.sizes[Int($1)] }
        cycle!.record.add(.flip(copied: copiedNow.count, bytes: bytes))
        copied = copiedNow
        return [L("flip: {0} object(s) copied to {1} ({2} bytes, compacted), from-space dropped",
                  copiedNow.count, HeapCommands.hex(cycle!.toBase), bytes)] + completeCycle()
    }

    /// Bookkeeping once the sweep is over: layout, pacer, counters, history.
    mutating func completeCycle() -> [String] {
        var c = cycle!
        heap.whiten(c.sweepEnd..<heap.slotCount)
        if collector != .copying {
            heap.rebuildLayout()
            copied = []
        }
        pacer.markedGraph = heap.byteCount
        pacer.garbage = 0
        freed = c.freed
        lost = c.lost
        promoted = c.promoted
        shadedByBarrier = c.shadedByBarrier
        cycles += 1
        if collector == .generational {
            if c.major { majorCycles += 1 } else { minorCycles += 1 }
            updateRemembered()
        }
        let scannedMs = GCClock.ms(bytes: pacer.liveHeap + pacer.stacks + pacer.globals)
        c.record.markMs = scannedMs
        c.record.heapLive = pacer.liveHeap
        if collector == .incremental {
            clock.elapsedMs += 2 * GCClock.pauseMs
            clock.gcCpuMs += 2 * GCClock.pauseMs * Double(GCClock.procs) + scannedMs
        } else {
            clock.elapsedMs += scannedMs
            clock.gcCpuMs += scannedMs
        }
        c.record.gcPercent = clock.gcPercent
        remember(c.record)
        cycle = nil
        phase = .off
        return [cycleSummary()]
    }

    /// `cycle 3 done: freed B, D (32 bytes)`, plus the warning for lost objects.
    func cycleSummary() -> String {
        var line: String
        if freed.isEmpty {
            line = L("cycle {0} done: nothing freed, {1} object(s) live", cycles, heap.objectCount)
        } else {
            let shown = HeapCommands.list(freed, in: heap)
            line = L("cycle {0} done: freed {1} ({2} object(s)), {3} object(s) live", cycles, shown, freed.count, heap.objectCount)
        }
        if !promoted.isEmpty {
            line += "\n" + L("promoted to the old generation: {0}", HeapCommands.list(promoted, in: heap))
        }
        if !lost.isEmpty {
            line += "\n" + Ink.paint(L("LOST: {0} freed although still reachable from a root", HeapCommands.list(lost, in: heap)), .red, .bold)
        }
        return line
    }

    /// Old objects that still point at young ones stay remembered; newly
    /// promoted objects that do are added.
    mutating func updateRemembered() {
        var out: [ID] = []
        for o in remembered + promoted where heap.isLive(o) && heap.isOld(o) && !out.contains(o) {
            if heap.fields(of: o).contains(where: { $0.target.map { heap.isLive($0) && !heap.isOld($0) } ?? false }) {
                out.append(o)
            }
        }
        remembered = out
    }

    mutating func remember(_ record: CycleRecord) {
        history.append(record)
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        if history.count > Self.timelineCycles { history[history.count - Self.timelineCycles - 1].segments = [] }
    }

    /// `gc`: a whole cycle, reported in one line (or a few).
    mutating func runWholeCycle(major: Bool, forced: Bool, _ context: SimulationContext) throws(SimulatorError) -> [String] {
        var out: [String] = []
        if phase == .sweep {
            out.append(L("sweep termination: the last cycle's sweep is completed first"))
            out += try sweepStep(.max, context)
        }
        _ = try startCycle(major: major, forced: forced, context)
        _ = try drain(context)
        _ = terminateMark()
        if phase == .sweep { _ = try sweepStep(.max, context) }
        out.append(cycleSummary())
        return out
    }
}

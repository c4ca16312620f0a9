import TextKit

/// The mutator's moves on the `gc` heap — `new`, `ptr`, `root`, `unroot` —
/// and the rules that apply while a cycle runs: the stopped world, the
/// tri-colour write barriers, black allocation and the generational
/// remembered set.
extension GCSimulator {
    /// Refuses mutator moves while a stop-the-world collector is in a cycle.
    func requireRunningWorld() throws(SimulatorError) {
        guard phase == .off || collector == .incremental else {
            throw SimulatorError(L("the world is stopped: the {0} collector is in the middle of a cycle", collector.rawValue),
                                 hint: L("`step` or `finish` the cycle first; only the incremental collector lets the mutator run between steps."))
        }
    }

    /// While a cycle runs, a program can only store pointers it can reach:
    /// an object no root leads to is garbage, and garbage stays garbage.
    /// Objects allocated during the cycle are held by the program that just
    /// made them. Between cycles anything goes, so graphs can be built in
    /// any order.
    func requireReachable(_ ids: [ID]) throws(SimulatorError) {
        guard let cycle, !ids.isEmpty else { return }
        let fresh = (cycle.firstNewID..<heap.slotCount).map { ID($0) }
        let reachable = heap.reachable(alsoFrom: fresh)
        for id in ids where !reachable[Int(id)] {
            throw SimulatorError(L("`{0}` is garbage: no root leads to it, so the running program has no pointer to it", heap.name(of: id)),
                                 hint: L("During a cycle only reachable objects can be used; between cycles (gc.phase == \"off\") any object can."))
        }
    }

    mutating func noteMutation(shaded: Int) {
        guard cycle != nil else { return }
        cycle!.mutated = true
        cycle!.shadedByBarrier += shaded
        cycle!.record.add(.mutator(commands: 1, shaded: shaded))
    }

    // MARK: - new

    mutating func newObject(_ command: Command, _ context: SimulationContext) throws(SimulatorError) -> String {
        let (name, size) = try HeapCommands.parseNew(command)
        try requireRunningWorld()
        var out: [String] = []
        if collector == .copying {
            guard size <= semispace else {
                throw SimulatorError(L("{0} is bigger than a semispace ({1})", Arguments.formatSize(size), Arguments.formatSize(semispace)),
                                     hint: L("Choose a bigger semispace: `collector copying 4KiB`."))
            }
            if heap.freeCapacity < size {
                out.append(L("from-space is full: a copying cycle runs first"))
                out += try runWholeCycle(major: false, forced: false, context)
                guard heap.freeCapacity >= size else {
                    throw SimulatorError(L("out of memory: the live objects fill the semispace, {0} left for {1}",
                                           Arguments.formatSize(heap.freeCapacity), Arguments.formatSize(size)),
                                         hint: L("Drop references (`unroot`, `ptr … = nil`) or choose a bigger semispace."))
                }
            }
        }
        guard heapInUse + size + pacer.stacks + pacer.globals <= Pacer.machine else { throw outOfMemory }
        let id = try heap.allocate(name, size: size, color: phase == .off ? .white : .black)
        clock.elapsedMs += GCClock.ms(bytes: size)
        noteMutation(shaded: 0)
        out.append(HeapCommands.describeNew(heap, id))
        return out.joined(separator: "\n")
    }

    // MARK: - ptr

    mutating func storePointer(_ command: Command) throws(SimulatorError) -> String {
        let (object, field, target) = try HeapCommands.parsePointer(command, in: heap)
        try requireRunningWorld()
        try requireReachable([object] + (target.map { [$0] } ?? []))
        let old = try heap.setField(object, field, to: target)
        var out = [HeapCommands.describePointer(heap, object, field, target)]
        var shaded: [ID] = []
        if phase == .mark && collector == .incremental {
            let stackGrey = heap.scannedCount < cycle!.rootsShaded
            let shadeOld = barrier == .yuasa || barrier == .hybrid
            let shadeNew = barrier == .dijkstra || (barrier == .hybrid && stackGrey)
            if shadeOld, let old, heap.shade(old) { shaded.append(old) }
            if shadeNew, let target, heap.shade(target) { shaded.append(target) }
            if !shaded.isEmpty {
                out.append(L("{0} barrier: {1} shaded grey", barrier.rawValue, HeapCommands.list(shaded, in: heap)))
            }
        }
        if collector == .generational, let target, heap.isOld(object), !heap.isOld(target), !remembered.contains(object) {
            remembered.append(object)
            out.append(L("generational barrier: {0} (old) now points at a young object: added to the remembered set", heap.name(of: object)))
        }
        noteMutation(shaded: shaded.count)
        return out.joined(separator: "\n")
    }

    // MARK: - root, unroot

    /// Roots stand for stack slots and globals: writing them goes through
    /// no barrier (Go's stacks have none), which is why Dijkstra must rescan
    /// them at mark termination.
    mutating func changeRoot(_ command: Command) throws(SimulatorError) -> String {
        let id = try HeapCommands.parseRoot(command, in: heap)
        try requireRunningWorld()
        let name = heap.name(of: id)
        if command.verb == "root" {
            try requireReachable([id])
            guard heap.addRoot(id) else { throw SimulatorError(L("`{0}` is already a root", name)) }
        } else {
            guard heap.removeRoot(id) else {
                throw SimulatorError(L("`{0}` is not a root", name), hint: HeapCommands.describeRoots(heap))
            }
        }
        noteMutation(shaded: 0)
        return HeapCommands.describeRoots(heap)
    }
}

import TextKit
import Simulators

/// A collection cycle: marks everything reachable from the roots (every
/// goroutine's live frames, the globals, pending deferred calls and
/// channel hand-overs), measures the live heap, and sets the next goal.
/// Freeing is left to the host: unreachable blocks are already gone.
extension Machine {
    func collect(forced: Bool = false) {
        collector.pending = false
        collector.epoch = collector.epoch == UInt32.max ? 1 : collector.epoch + 1
        let epoch = collector.epoch
        let start = cost.total(steps: steps)
        let heapStart = collector.inUse
        var marker = Marker(epoch: epoch)
        var stacks = 0
        marker.visit(UnsafeBufferPointer(start: globals.slots, count: globals.count))
        for g in goroutines.values {
            stacks += g.stackSize
            marker.visit(UnsafeBufferPointer(start: g.regs, count: g.liveRegisters))
            for d in g.defers { d.args.withUnsafeBufferPointer { marker.visit($0) } }
            g.sendValues.withUnsafeBufferPointer { marker.visit($0) }
            for p in g.panics { withUnsafePointer(to: p.value) { marker.visit($0) } }
        }
        if let g = current, goroutines[g.id] == nil {
            stacks += g.stackSize
            marker.visit(UnsafeBufferPointer(start: g.regs, count: g.liveRegisters))
        }
        marker.drain()
        let live = marker.live
        collector.cycles += 1
        collector.stacks = stacks
        collector.live = live
        collector.inUse = live
        collector.goal = collector.formula.goal(live: live, stacks: stacks, globals: collector.globals)
        let marked = live + stacks + collector.globals
        let cycleCost = CostModel.cycle(marked: marked)
        cost.collection += cycleCost
        allocator.flushCaches()
        let total = cost.total(steps: steps)
        let line = GCTraceLine(number: collector.cycles, startMs: Double(start) / 1e6,
                               gcPercent: total > 0 ? Int((Double(cost.collection) * 100 / Double(total)).rounded()) : 0,
                               pauseMs: Double(CostModel.cycle) / 2 / 1e6, markMs: Double(cycleCost - CostModel.cycle) / 1e6,
                               procs: 1, heapStart: heapStart, heapEnd: heapStart, heapLive: live, goal: collector.goal,
                               stacks: stacks, globals: collector.globals, forced: forced)
        collector.trace.append(line)
        if collector.trace.count > Collector.keptTraceLines { collector.trace.removeFirst() }
        if options.gctrace { out.writeError(line.text + "\n") }
        if live > Machine.maxLiveHeap && termination == nil {
            termination = .limit(L("memlane: stopped: the live heap reached {0} bytes; the simulator allows {1}", live, Machine.maxLiveHeap))
        }
    }
}

/// The mark phase: every object reached once (its `mark` set to the
/// cycle's epoch), its heap bytes summed. Blocks wait on the work list
/// unretained: nothing is freed while a collection runs (the program is
/// stopped, and the roots keep every reached object alive), so no
/// reference counting is needed; their slots are read in place.
private struct Marker {
    let epoch: UInt32
    var live = 0
    /// Reached blocks whose slots are still to scan.
    var blocks: [Unmanaged<MemBlock>] = []
    /// Reached maps, channels and funcs whose contents are still to scan (rare).
    var others: [GoValue] = []

    init(epoch: UInt32) { self.epoch = epoch }

    mutating func visit(_ values: UnsafeBufferPointer<GoValue>) {
        guard let base = values.baseAddress else { return }
        for i in 0..<values.count { visit(base + i) }
    }

    /// What a slot refers to, read without copying the value.
    private enum Reference {
        case none
        case bytes(Unmanaged<MemBlock>)
        case block(Unmanaged<MemBlock>)
        case other
    }

    @inline(__always) private static func reference(_ slot: UnsafePointer<GoValue>) -> Reference {
        switch slot.pointee {
        case .int, .float, .null: .none
        case .string(let b, _, _): .bytes(Unmanaged.passUnretained(b))
        case .pointer(let b, _), .slice(let b, _, _, _), .iface(_, let b): .block(Unmanaged.passUnretained(b))
        case .map, .chan, .fn: .other
        }
    }

    mutating func visit(_ slot: UnsafePointer<GoValue>) {
        switch Marker.reference(slot) {
        case .none:
            return
        case .bytes(let u):
            live += u._withUnsafeGuaranteedRef { b -> Int in
                guard b.heapBytes > 0 && b.mark != epoch else { return 0 }
                b.mark = epoch
                return b.heapBytes
            }
        case .block(let u):
            let scan = u._withUnsafeGuaranteedRef { b -> Bool in
                guard b.mark != epoch else { return false }
                b.mark = epoch
                live += b.heapBytes
                return !b.isBytes && b.count > 0
            }
            if scan { blocks.append(u) }
        case .other:
            visitOther(slot)
        }
    }

    private mutating func visitOther(_ slot: UnsafePointer<GoValue>) {
        switch slot.pointee {
        case .map(let m):
            if m.mark != epoch {
                m.mark = epoch
                live += m.heapBytes
                others.append(slot.pointee)
            }
        case .chan(let c):
            if c.mark != epoch {
                c.mark = epoch
                live += c.heapBytes
                others.append(slot.pointee)
            }
        case .fn(let f):
            if f.heapBytes > 0 || !f.captures.isEmpty, f.mark != epoch {
                f.mark = epoch
                live += f.heapBytes
                others.append(slot.pointee)
            }
        default:
            break
        }
    }

    mutating func drain() {
        while true {
            if let u = blocks.popLast() {
                let (slots, count) = u._withUnsafeGuaranteedRef { ($0.slots, $0.count) }
                for i in 0..<count { visit(slots + i) }
            } else if let v = others.popLast() {
                switch v {
                case .map(let m):
                    m.keys.withUnsafeBufferPointer { visit($0) }
                    m.values.withUnsafeBufferPointer { visit($0) }
                case .chan(let c):
                    c.buffer.withUnsafeBufferPointer { visit($0) }
                    for s in c.senders { s.sendValues.withUnsafeBufferPointer { visit($0) } }
                case .fn(let f):
                    f.captures.withUnsafeBufferPointer { visit($0) }
                default:
                    break
                }
            } else {
                return
            }
        }
    }
}

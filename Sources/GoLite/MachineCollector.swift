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
        var live = 0
        var work: [GoValue] = []
        var stacks = 0
        work.append(contentsOf: UnsafeBufferPointer(start: globals.slots, count: globals.count))
        for g in goroutines.values {
            stacks += g.stackSize
            let n = g.liveRegisters(functions)
            work.append(contentsOf: UnsafeBufferPointer(start: g.regs, count: n))
            for d in g.defers { work.append(contentsOf: d.args) }
            work.append(contentsOf: g.sendValues)
            for p in g.panics { work.append(p.value) }
        }
        if let g = current, goroutines[g.id] == nil {
            stacks += g.stackSize
            work.append(contentsOf: UnsafeBufferPointer(start: g.regs, count: g.liveRegisters(functions)))
        }
        while let v = work.popLast() {
            switch v {
            case .string(let b, _, _):
                if b.heapBytes > 0 && b.mark != epoch { b.mark = epoch; live += b.heapBytes }
            case .pointer(let b, _), .slice(let b, _, _, _), .iface(_, let b):
                if b.mark != epoch {
                    b.mark = epoch
                    live += b.heapBytes
                    if !b.isBytes {
                        for i in 0..<b.count where !b.slots[i].isPlain { work.append(b.slots[i]) }
                    }
                }
            case .map(let m):
                if m.mark != epoch {
                    m.mark = epoch
                    live += m.heapBytes
                    for k in m.keys where !k.isPlain { work.append(k) }
                    for x in m.values where !x.isPlain { work.append(x) }
                }
            case .chan(let c):
                if c.mark != epoch {
                    c.mark = epoch
                    live += c.heapBytes
                    for x in c.buffer where !x.isPlain { work.append(x) }
                    for s in c.senders { work.append(contentsOf: s.sendValues) }
                }
            case .fn(let f):
                if f.heapBytes > 0 || !f.captures.isEmpty, f.mark != epoch {
                    f.mark = epoch
                    live += f.heapBytes
                    work.append(contentsOf: f.captures)
                }
            case .int, .float, .null:
                break
            }
        }
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

extension GoValue {
    /// Holds no reference the collector must follow.
    var isPlain: Bool {
        switch self {
        case .int, .float, .null: true
        default: false
        }
    }
}

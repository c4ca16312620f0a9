import TextKit

/// The pacing verbs — `gogc`, `memlimit`, `live`, `stacks`, `globals` —
/// and `alloc`, which runs the pacer: short-lived garbage piles up until
/// the heap in use reaches the goal, then a whole cycle collects it.
extension GCSimulator {
    mutating func pacerSetting(_ command: Command) throws(SimulatorError) -> String {
        let verb = Self.info.verb(command.verb)!
        try Arguments.expect(command, count: 1, usage: verb.usage)
        let text = command.arguments[0]
        var p = pacer
        switch command.verb {
        case "gogc":
            if text == "off" {
                p.gogc = nil
            } else {
                guard let n = Arguments.integer(text), (1...Pacer.maxGOGC).contains(n) else {
                    throw SimulatorError(L("GOGC must be off or a number from 1 to {0}", Pacer.maxGOGC),
                                         hint: L("GOGC=0 would start a cycle on every allocation; the simulator leaves it out."))
                }
                p.gogc = n
            }
        case "memlimit":
            if text == "off" {
                p.memoryLimit = nil
            } else {
                p.memoryLimit = try machineSize(text, at: 1)
            }
        default:
            let size = try machineSize(text, at: 0)
            switch command.verb {
            case "live": p.live = size
            case "stacks": p.stacks = size
            default: p.globals = size
            }
            guard p.live + p.stacks + p.globals <= Pacer.machine else {
                throw SimulatorError(L("live, stacks and globals together exceed the simulated machine's {0}", Arguments.formatSize(Pacer.machine)))
            }
        }
        pacer = p
        return goalExplanation
    }

    /// A size from `minimum` bytes up to the simulated machine's memory.
    func machineSize(_ text: String, at minimum: Int) throws(SimulatorError) -> Int {
        let size = try Arguments.size(text)
        guard size >= minimum, size <= Pacer.machine else {
            throw SimulatorError(L("{0} is out of range: sizes go from {1} to {2} B (the simulated machine's 1 TiB)",
                                   Sanitizer.line(text), minimum, Pacer.machine))
        }
        return size
    }

    /// The goal with its computation spelled out, so it can be checked by hand.
    var goalExplanation: String {
        let p = pacer
        func s(_ n: Int) -> String { Arguments.formatSize(n) }
        var lines: [String] = []
        if let gogc = p.gogc {
            let formula = p.liveHeap + (p.liveHeap + p.stacks + p.globals) * gogc / 100
            lines.append(L("GOGC={0}: {1} + ({1} + {2} + {3}) × {0}/100 = {4}", gogc, s(p.liveHeap), s(p.stacks), s(p.globals), s(formula)))
            let minimum = Pacer.minimumHeap * gogc / 100
            if formula < minimum { lines.append(L("below the minimum 4 MiB × {0}/100 = {1}, so the minimum applies", gogc, s(minimum))) }
        } else {
            lines.append(L("GOGC=off: the pacer starts no cycle by itself"))
        }
        if let limit = p.memoryLimit, let l = p.limitGoal {
            lines.append(L("GOMEMLIMIT={0}: the goal is at most {0} − {1} − {2}, and at least live + 1 MiB: {3}", s(limit), s(p.stacks), s(p.globals), s(l)))
        }
        if let goal = p.goal {
            lines.append(L("heap goal: {0} ({1} bytes){2}", s(goal), goal, p.limited ? " " + L("— set by the memory limit") : ""))
        } else {
            lines.append(L("no heap goal: only `gc` collects"))
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - alloc

    mutating func allocate(_ command: Command, _ context: SimulationContext) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 1, usage: "alloc SIZE")
        let size = try machineSize(command.arguments[0], at: 1)
        guard collector == .stw || collector == .incremental else {
            throw SimulatorError(L("`alloc` runs Go's pacer, which paces the mark & sweep collectors"),
                                 hint: L("Choose `collector stw` or `collector incremental`."))
        }
        guard phase != .mark else {
            throw SimulatorError(L("a cycle is marking: the pacer cannot start another"), hint: L("`finish` the cycle first."))
        }
        let before = cycles
        var remaining = size
        if let goal = pacer.goal, remaining >= max(0, goal - heapInUse) {
            let first = max(0, goal - heapInUse)
            try grow(first)
            remaining -= first
            _ = try runWholeCycle(major: false, forced: false, context)
            // Nothing changes between the cycles that follow: each collects
            // the same garbage from the same live heap, so count them.
            let room = pacer.goal! - heapInUse
            let count = remaining / room
            if count > 0 {
                guard heapInUse + room + pacer.stacks + pacer.globals <= Pacer.machine else { throw outOfMemory }
                repeatCycles(count, room: room)
            }
            remaining %= room
        }
        try grow(remaining)
        let ran = cycles - before
        var out = [L("allocated {0} of short-lived garbage: {1} cycle(s) ran, gc.cycles = {2}", Arguments.formatSize(size), ran, cycles)]
        if pacer.goal == nil { out.append(L("GOGC=off and no memory limit: nothing collects it but `gc`")) }
        out.append(L("heap in use {0}, goal {1}", Arguments.formatSize(heapInUse), pacer.goal.map(Arguments.formatSize) ?? "off"))
        return out.joined(separator: "\n")
    }

    var outOfMemory: SimulatorError {
        SimulatorError(L("fatal error: runtime: out of memory (the simulated machine has {0})", Arguments.formatSize(Pacer.machine)),
                       hint: L("Collect more often: lower GOGC, or set a memory limit with `memlimit`."))
    }

    /// Adds garbage to the heap in use, advancing the clock.
    mutating func grow(_ bytes: Int) throws(SimulatorError) {
        guard heapInUse + bytes + pacer.stacks + pacer.globals <= Pacer.machine else { throw outOfMemory }
        pacer.garbage += bytes
        pacer.allocated += bytes
        clock.elapsedMs += GCClock.ms(bytes: bytes)
    }

    /// `count` cycles identical to the last one, each after `room` bytes of
    /// garbage: counted arithmetically, the last ones kept for `trace`.
    mutating func repeatCycles(_ count: Int, room: Int) {
        let template = history.last!
        let allocMs = GCClock.ms(bytes: room)
        let concurrent = template.concurrent
        let pauseMs = concurrent ? 2 * GCClock.pauseMs : template.markMs
        let cpuMs = concurrent ? 2 * GCClock.pauseMs * Double(GCClock.procs) + template.markMs : template.markMs
        let elapsed0 = clock.elapsedMs, cpu0 = clock.gcCpuMs
        for j in max(1, count - Self.historyLimit + 1)...count {
            var r = template
            r.number = cycles + j
            r.forced = false
            r.startMs = elapsed0 + Double(j) * allocMs + Double(j - 1) * pauseMs
            r.heapStart = heapInUse + room
            r.heapEnd = r.heapStart
            r.goal = pacer.goal
            let elapsed = elapsed0 + Double(j) * (allocMs + pauseMs)
            r.gcPercent = Int(((cpu0 + Double(j) * cpuMs) / (elapsed * Double(GCClock.procs)) * 100).rounded())
            r.segments = template.segments.map {
                if case .sweep(let n, let f, let s) = $0 { return .sweep(objects: n - f, freed: 0, stopped: s) }
                return $0
            }
            remember(r)
        }
        clock.elapsedMs = elapsed0 + Double(count) * (allocMs + pauseMs)
        clock.gcCpuMs = cpu0 + Double(count) * cpuMs
        cycles += count
        stwCount += count * template.pauses
        pacer.allocated += count * room
        freed = []
        lost = []
        shadedByBarrier = 0
    }
}

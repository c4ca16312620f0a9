/// The GC guide's pacing formula, shared by every simulator that runs
/// collection cycles (the `gc` simulator's pacer and the GoLite
/// interpreter), so the two can never compute different goals:
///
///     goal = live + (live + stacks + globals) × GOGC / 100,
///            at least 4 MiB × GOGC / 100;
///     with GOMEMLIMIT: goal = min(goal, limit − stacks − globals),
///            but never below live + 1 MiB (the limit is soft);
///     GOGC=off and no limit: no goal.
public struct HeapGoal: Sendable, Equatable {
    public static let minimumHeap = 4 << 20
    public static let limitFloor = 1 << 20

    /// nil is `GOGC=off`.
    public var gogc: Int?
    public var memoryLimit: Int?

    public init(gogc: Int? = 100, memoryLimit: Int? = nil) {
        self.gogc = gogc
        self.memoryLimit = memoryLimit
    }

    public func gogcGoal(live: Int, stacks: Int, globals: Int) -> Int? {
        guard let gogc else { return nil }
        let goal = live + (live + stacks + globals) * gogc / 100
        return max(goal, Self.minimumHeap * gogc / 100)
    }

    public func limitGoal(live: Int, stacks: Int, globals: Int) -> Int? {
        guard let memoryLimit else { return nil }
        return max(memoryLimit - stacks - globals, live + Self.limitFloor)
    }

    /// The heap size at which the next cycle starts; nil when nothing starts one.
    public func goal(live: Int, stacks: Int, globals: Int) -> Int? {
        switch (gogcGoal(live: live, stacks: stacks, globals: globals), limitGoal(live: live, stacks: stacks, globals: globals)) {
        case (nil, nil): nil
        case (let g?, nil): g
        case (nil, let l?): l
        case (let g?, let l?): min(g, l)
        }
    }

    /// True when the memory limit, not GOGC, sets the goal.
    public func limited(live: Int, stacks: Int, globals: Int) -> Bool {
        guard let l = limitGoal(live: live, stacks: stacks, globals: globals) else { return false }
        return gogcGoal(live: live, stacks: stacks, globals: globals).map { l < $0 } ?? true
    }
}

/// One `GODEBUG=gctrace=1` line (runtime/extern.go):
/// `gc 1 @0.010s 25%: 0.010+10+0.010 ms clock, 0.040+0/10/0+0.040 ms cpu,
/// 18->18->8 MB, 18 MB goal, 1 MB stacks, 1 MB globals, 4 P` — MB are MiB
/// (the runtime shifts by 20).
public struct GCTraceLine: Sendable, Equatable {
    public var number: Int
    public var startMs: Double
    public var gcPercent: Int
    /// The two stop-the-world pauses (0 for a collector that stops the world throughout).
    public var pauseMs: Double
    public var markMs: Double
    public var procs: Int
    public var heapStart: Int
    public var heapEnd: Int
    public var heapLive: Int
    public var goal: Int?
    public var stacks: Int
    public var globals: Int
    public var forced: Bool

    public init(number: Int, startMs: Double, gcPercent: Int, pauseMs: Double, markMs: Double, procs: Int,
                heapStart: Int, heapEnd: Int, heapLive: Int, goal: Int?, stacks: Int, globals: Int, forced: Bool) {
        self.number = number
        self.startMs = startMs
        self.gcPercent = gcPercent
        self.pauseMs = pauseMs
        self.markMs = markMs
        self.procs = procs
        self.heapStart = heapStart
        self.heapEnd = heapEnd
        self.heapLive = heapLive
        self.goal = goal
        self.stacks = stacks
        self.globals = globals
        self.forced = forced
    }

    public var text: String {
        let p = Double(procs)
        let stwCpu = pauseMs * p
        func mb(_ b: Int) -> String { String(b >> 20) }
        var line = "gc \(number) @" + Self.fixed(startMs / 1000, 3) + "s \(gcPercent)%: "
        line += Self.ms(pauseMs) + "+" + Self.ms(markMs) + "+" + Self.ms(pauseMs) + " ms clock, "
        line += Self.ms(stwCpu) + "+0/" + Self.ms(markMs) + "/0+" + Self.ms(stwCpu) + " ms cpu, "
        line += mb(heapStart) + "->" + mb(heapEnd) + "->" + mb(heapLive) + " MB, "
        line += (goal.map(mb) ?? "off") + " MB goal, " + mb(stacks) + " MB stacks, " + mb(globals) + " MB globals, "
        line += "\(procs) P"
        if forced { line += " (forced)" }
        return line
    }

    /// Like the runtime: 0.010, 1.3, 18.
    public static func ms(_ v: Double) -> String {
        if v == 0 { return "0" }
        if v >= 10 { return String(Int(v.rounded())) }
        if v >= 1 { return fixed(v, 1) }
        return fixed(v, 3)
    }

    public static func fixed(_ v: Double, _ decimals: Int) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let n = Int((v * Double(scale)).rounded())
        let frac = String(n % scale)
        return String(n / scale) + "." + String(repeating: "0", count: decimals - frac.count) + frac
    }
}

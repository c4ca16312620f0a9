import TextKit

/// The simulated clock behind `trace`. It is a model, not a measurement:
///
/// - the program allocates 1 MiB per simulated ms (objects and `alloc`);
/// - marking scans 1 MiB per ms — the marked heap plus stacks and globals —
///   on one worker, which is 25% of the 4 Ps (`gcBackgroundUtilization`);
///   concurrent marking runs beside the program and adds no elapsed time,
///   stop-the-world marking (stw, copying, generational) does;
/// - every stop-the-world pause of the incremental collector (sweep
///   termination, mark termination) lasts 0.01 ms and occupies all 4 Ps;
/// - sweeping is free.
struct GCClock: Sendable, Equatable {
    static let procs = 4
    static let pauseMs = 0.01
    static let bytesPerMs = Double(1 << 20)

    /// Simulated time since the program started.
    var elapsedMs = 0.0
    /// CPU time spent by the collector since the program started.
    var gcCpuMs = 0.0

    /// GC CPU as a share of all CPU since the start, as gctrace prints it.
    var gcPercent: Int {
        elapsedMs > 0 ? Int((gcCpuMs / (elapsedMs * Double(Self.procs)) * 100).rounded()) : 0
    }

    static func ms(bytes: Int) -> Double { Double(bytes) / bytesPerMs }
}

/// One stretch of a cycle, for `timeline`.
enum TimelineSegment: Sendable, Equatable {
    /// Incremental: the stop-the-world start (sweep termination, roots shaded).
    case sweepTermination(rootsShaded: Int)
    /// Incremental: the stop-the-world end; Dijkstra rescans the roots.
    case markTermination(rescanned: Int?)
    /// Stop-the-world collectors: the world stops for the whole cycle.
    case stopTheWorld(rootsShaded: Int)
    case mark(objects: Int, stopped: Bool)
    case mutator(commands: Int, shaded: Int)
    case sweep(objects: Int, freed: Int, stopped: Bool)
    case flip(copied: Int, bytes: Int)

    var stopped: Bool {
        switch self {
        case .sweepTermination, .markTermination, .stopTheWorld, .flip: true
        case .mark(_, let s), .sweep(_, _, let s): s
        case .mutator: false
        }
    }

    /// The characters this stretch takes in the bar.
    var bar: String {
        switch self {
        case .sweepTermination, .markTermination, .stopTheWorld: "##"
        case .mark(let n, _): String(repeating: "=", count: min(max(n, 1), 8))
        case .mutator(let n, _): String(repeating: ".", count: min(max(n, 1), 8))
        case .sweep(let n, _, _): String(repeating: "~", count: min(max(n, 1), 8))
        case .flip(let n, _): String(repeating: ">", count: min(max(n, 1), 8))
        }
    }

    var text: String {
        switch self {
        case .sweepTermination(let r):
            L("sweep termination: write barrier on, {0} root(s) shaded", r)
        case .markTermination(let r?):
            L("mark termination: {0} root(s) rescanned (stacks are grey under Dijkstra)", r)
        case .markTermination(nil):
            L("mark termination")
        case .stopTheWorld(let r):
            L("stop the world: {0} root(s) shaded", r)
        case .mark(let n, _):
            L("mark: {0} object(s) scanned", n)
        case .mutator(let n, let s):
            L("mutator: {0} command(s), {1} object(s) shaded by the barrier", n, s)
        case .sweep(let n, let f, _):
            L("sweep: {0} object(s) swept, {1} freed", n, f)
        case .flip(let n, let b):
            L("flip: {0} object(s) copied ({1} bytes), from-space dropped", n, b)
        }
    }
}

/// What `trace` and `timeline` remember of one cycle.
struct CycleRecord: Sendable, Equatable {
    var number: Int
    var collector: GCSimulator.Collector
    var barrier: GCSimulator.Barrier
    /// "minor" or "major" for the generational collector.
    var generation: String?
    /// Started by `gc` (runtime.GC) rather than by the pacer.
    var forced: Bool
    var startMs: Double
    var markMs = 0.0
    var pauses = 0
    var heapStart: Int
    var heapEnd = 0
    var heapLive = 0
    var goal: Int?
    var stacks: Int
    var globals: Int
    var gcPercent = 0
    var segments: [TimelineSegment] = []
    /// Stretches dropped from the middle of a very long cycle.
    var droppedSegments = 0

    static let maxSegments = 500

    var concurrent: Bool { collector == .incremental }

    mutating func add(_ segment: TimelineSegment) {
        if case .mutator(let n, let s) = segment, case .mutator(let m, let t)? = segments.last {
            segments[segments.count - 1] = .mutator(commands: n + m, shaded: s + t)
        } else {
            if segments.count >= Self.maxSegments {
                segments.remove(at: 1)
                droppedSegments += 1
            }
            segments.append(segment)
        }
    }

    /// `gc 1 @0.010s 25%: 0.010+10+0.010 ms clock, 0.040+0/10/0+0.040 ms cpu,
    /// 18->18->8 MB, 18 MB goal, 1 MB stacks, 1 MB globals, 4 P` — the
    /// runtime/extern.go format; MB are MiB (the runtime shifts by 20).
    var traceLine: String {
        let p = Double(GCClock.procs)
        let term = concurrent ? GCClock.pauseMs : 0
        let stwCpu = concurrent ? term * p : 0
        func mb(_ b: Int) -> String { String(b >> 20) }
        var line = "gc \(number) @" + Self.seconds(startMs) + "s \(gcPercent)%: "
        line += Self.ms(term) + "+" + Self.ms(markMs) + "+" + Self.ms(term) + " ms clock, "
        line += Self.ms(stwCpu) + "+0/" + Self.ms(markMs) + "/0+" + Self.ms(stwCpu) + " ms cpu, "
        line += mb(heapStart) + "->" + mb(heapEnd) + "->" + mb(heapLive) + " MB, "
        line += (goal.map(mb) ?? "off") + " MB goal, " + mb(stacks) + " MB stacks, " + mb(globals) + " MB globals, "
        line += "\(GCClock.procs) P"
        if forced { line += " (forced)" }
        return line
    }

    static func seconds(_ ms: Double) -> String { fixed(ms / 1000, 3) }

    /// Like the runtime: 0.010, 1.3, 18.
    static func ms(_ v: Double) -> String {
        if v == 0 { return "0" }
        if v >= 10 { return String(Int(v.rounded())) }
        if v >= 1 { return fixed(v, 1) }
        return fixed(v, 3)
    }

    static func fixed(_ v: Double, _ decimals: Int) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let n = Int((v * Double(scale)).rounded())
        let frac = String(n % scale)
        return String(n / scale) + "." + String(repeating: "0", count: decimals - frac.count) + frac
    }
}

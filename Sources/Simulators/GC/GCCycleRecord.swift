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

    /// `gc 1 @0.010s 25%: …` — the runtime/extern.go format (see `GCTraceLine`).
    var traceLine: String {
        GCTraceLine(number: number, startMs: startMs, gcPercent: gcPercent,
                    pauseMs: concurrent ? GCClock.pauseMs : 0, markMs: markMs, procs: GCClock.procs,
                    heapStart: heapStart, heapEnd: heapEnd, heapLive: heapLive, goal: goal,
                    stacks: stacks, globals: globals, forced: forced).text
    }
}

import Grader
import TextKit

/// Chapter 4's collector: objects, pointer fields and roots on a heap, and
/// a collector the learner runs whole or one grey object at a time, breaks
/// (no write barrier) and repairs (Dijkstra, Yuasa, Go's hybrid), then
/// paces with GOGC and GOMEMLIMIT. Copying and generational collectors are
/// there for contrast.
///
/// Determinism: roots are shaded in the order they were added, grey
/// objects are scanned first in, first out, fields in the order they were
/// first assigned, and the sweep goes in creation order.
public struct GCSimulator: Simulator {
    public typealias ID = HeapGraph.ID

    public enum Collector: String, Sendable, CaseIterable {
        case stw, incremental, copying, generational
    }

    public enum Barrier: String, Sendable, CaseIterable {
        case none, dijkstra, yuasa, hybrid
    }

    enum Phase: String, Sendable {
        case off, mark, sweep
    }

    /// A cycle between `gc start` and the end of its sweep.
    struct RunningCycle: Sendable {
        var major: Bool
        /// Objects with an id from here on were allocated during the cycle.
        var firstNewID: Int
        /// Hybrid barrier: the stack counts as grey until this many objects
        /// (the roots, shaded first) have been scanned.
        var rootsShaded: Int
        /// Copying: where to-space starts.
        var toBase: Int
        /// The mutator changed the graph during the cycle, so `lost` must be checked.
        var mutated = false
        var sweepCursor = 0
        var sweepEnd = 0
        var shadedByBarrier = 0
        var freed: [ID] = []
        var lost: [ID] = []
        var promoted: [ID] = []
        var record: CycleRecord
    }

    static let defaultSemispace = 1024
    static let defaultPromotionAge = 2
    static let historyLimit = 100
    static let timelineCycles = 3
    static let maxStep = 10_000_000

    var heap = HeapGraph()
    var collector = Collector.stw
    var barrier = Barrier.none
    var phase = Phase.off
    var cycle: RunningCycle?
    var cycles = 0
    var minorCycles = 0
    var majorCycles = 0
    var stwCount = 0
    var freed: [ID] = []
    var lost: [ID] = []
    var copied: [ID] = []
    var promoted: [ID] = []
    /// Old objects that may point at young ones, in the order the barrier recorded them.
    var remembered: [ID] = []
    var shadedByBarrier = 0
    var semispace = defaultSemispace
    var promotionAge = defaultPromotionAge
    var pacer = Pacer()
    var clock = GCClock()
    var history: [CycleRecord] = []

    public init() {}

    /// A simulator over a heap built elsewhere (`HeapGraph.random`, `.chain`),
    /// so a benchmark can time the `gc` command itself.
    public init(heap: HeapGraph) {
        self.heap = heap
    }

    /// Bytes in use: long-lived `live` data, `alloc` garbage not yet
    /// collected, and the objects of the graph.
    var heapInUse: Int { pacer.live + pacer.garbage + heap.byteCount }

    public static var info: SimulatorInfo { SimulatorInfo(
        name: "gc",
        title: L("Automatic heap management"),
        summary: L("Objects, pointers and roots on a heap, and a garbage collector you run whole or step by step: mark & sweep, tri-colour incremental marking with write barriers, Go's pacer, and copying and generational collectors for contrast."),
        verbs: [
            HeapCommands.newVerb,
            HeapCommands.ptrVerb,
            HeapCommands.rootVerb,
            HeapCommands.unrootVerb,
            Verb("collector", usage: "collector stw|incremental|copying [SEMISPACE]|generational [AGE]",
                 summary: L("choose the collector: stw stops the world for the whole cycle; incremental lets the mutator run between steps; copying copies live objects into the other semispace (default 1 KiB each, half the heap unusable); generational collects the young generation and promotes objects that survive AGE cycles (default 2) to the old one, without moving them"),
                 arguments: [.oneOf(Collector.allCases.map(\.rawValue)), .free]),
            Verb("barrier", usage: "barrier none|dijkstra|yuasa|hybrid",
                 summary: L("the write barrier for pointer writes while the incremental collector marks: dijkstra shades the new pointee (and rescans the roots at mark termination), yuasa shades the old pointee, hybrid shades the old one and, while the stack is grey (until every root shaded by `gc start` has been scanned), the new one"),
                 arguments: [.oneOf(Barrier.allCases.map(\.rawValue))]),
            Verb("gc", usage: "gc [start] [minor|major]",
                 summary: L("run a whole cycle (runtime.GC); `gc start` only shades the roots grey and leaves the rest to `step` and `finish`; the generational collector runs minor cycles unless told `major`"),
                 arguments: [.oneOf(["start", "minor", "major"]), .oneOf(["minor", "major"])]),
            Verb("step", usage: "step [N]",
                 summary: L("scan N grey objects (default 1) in FIFO order; once none is left, the next step terminates marking, and later steps sweep N objects each"),
                 arguments: [.free]),
            Verb("finish", usage: "finish", summary: L("drain the grey objects, terminate marking and sweep: the end of the cycle")),
            Verb("gogc", usage: "gogc N|off",
                 summary: L("GOGC: heap goal = live + (live + stacks + globals) × N/100, at least 4 MiB × N/100; off stops collection by the pacer unless a memory limit is set"),
                 arguments: [.oneOf(["off", "100"])]),
            Verb("memlimit", usage: "memlimit SIZE|off",
                 summary: L("GOMEMLIMIT: the goal is at most SIZE − stacks − globals, but never below live + 1 MiB (the limit is soft)"),
                 arguments: [.oneOf(["off"])]),
            Verb("live", usage: "live SIZE", summary: L("long-lived data outside the object graph, live at every cycle")),
            Verb("stacks", usage: "stacks SIZE", summary: L("bytes of goroutine stacks (roots the pacer counts since Go 1.18)")),
            Verb("globals", usage: "globals SIZE", summary: L("bytes of global variables (roots the pacer counts)")),
            Verb("alloc", usage: "alloc SIZE",
                 summary: L("allocate SIZE bytes of short-lived garbage, running a whole cycle each time the heap in use reaches the goal (stw and incremental collectors; `new` never starts a cycle)")),
            HeapCommands.heapVerb,
            HeapCommands.graphVerb,
            Verb("timeline", usage: "timeline",
                 summary: L("the stretches of the last cycles (marking, mutator, sweep) with the stop-the-world ones marked ^"),
                 changesState: false),
            Verb("trace", usage: "trace",
                 summary: L("one GODEBUG=gctrace=1 line per recent cycle, in simulated time: the program allocates 1 MiB per ms; marking scans 1 MiB (live heap + stacks + globals) per ms on 1 of 4 Ps, beside the program for the incremental collector, inside the pause for the others; each incremental STW pause lasts 0.01 ms; the % is GC CPU over all CPU since the start"),
                 changesState: false),
        ],
        state: [
            StateField("gc.phase", "string", L("\"off\", \"mark\" (between `gc start` and mark termination) or \"sweep\" (marking over, objects still being swept)")),
            StateField("gc.cycles", "int", L("cycles completed")),
            StateField("gc.collector", "string", L("\"stw\", \"incremental\", \"copying\" or \"generational\"")),
            StateField("gc.barrier", "string", L("\"none\", \"dijkstra\", \"yuasa\" or \"hybrid\"")),
            StateField("gc.grey", "list of string", L("the grey objects, in the order they will be scanned")),
            StateField("gc.minor", "int", L("minor (young generation) cycles completed")),
            StateField("gc.major", "int", L("major (whole heap) cycles completed by the generational collector")),
            StateField("heap.objects", "int", L("live objects")),
            StateField("heap.bytes", "int", L("bytes of live objects")),
            StateField("heap.names", "list of string", L("live objects in creation order")),
            StateField("heap.fragments", "int", L("holes between live objects left by the last sweep (0 after copying: it compacts)")),
            StateField("heap.free_bytes", "int", L("bytes in those holes")),
            StateField("heap.largest_free", "int", L("the largest hole: bigger objects go to the top of the heap")),
            StateField("heap.top", "int", L("the address just past the highest object")),
            StateField("heap.capacity", "int or nil", L("copying: both semispaces together; nil for the other collectors")),
            StateField("heap.usable", "int or nil", L("copying: one semispace, the part objects can use")),
            StateField("heap.inuse", "int", L("bytes in use: live + alloc garbage not yet collected + heap.bytes")),
            StateField("heap.live", "int", L("the live heap the goal is computed from: live + object bytes that survived the last cycle")),
            StateField("heap.goal", "int or nil", L("heap size that starts the next cycle; nil when GOGC=off and no limit")),
            StateField("heap.limited", "bool", L("true when the memory limit, not GOGC, sets the goal")),
            StateField("pacer.gogc", "int or nil", L("GOGC, nil when off")),
            StateField("pacer.memlimit", "int or nil", L("GOMEMLIMIT in bytes, nil when off")),
            StateField("pacer.live", "int", L("the `live` setting")),
            StateField("pacer.stacks", "int", L("the `stacks` setting")),
            StateField("pacer.globals", "int", L("the `globals` setting")),
            StateField("pacer.allocated", "int", L("bytes allocated by `alloc` so far")),
            StateField("roots", "list of string", L("roots in the order they were added")),
            StateField("freed", "list of string", L("objects freed by the last cycle (the one running, once it sweeps)")),
            StateField("lost", "list of string", L("objects freed although reachable from a root when swept: what a missing barrier causes")),
            StateField("stw.count", "int", L("stop-the-world pauses: 2 per incremental cycle, 1 per cycle of the others")),
            StateField("barrier.shaded", "int", L("objects the write barrier shaded in the last (or running) cycle")),
            StateField("copied", "list of string", L("copying: objects copied by the last cycle, in copy order (Cheney's breadth-first order)")),
            StateField("promoted", "list of string", L("generational: objects promoted to the old generation by the last cycle")),
            StateField("remembered", "list of string", L("generational: old objects recorded by the write barrier as pointing at young ones")),
            StateField("gen.young", "list of string", L("generational: young objects ([] with the other collectors)")),
            StateField("gen.old", "list of string", L("generational: old objects ([] with the other collectors)")),
        ],
        functions: [
            StateFunction("color", signature: "color(NAME) -> string", arity: 1,
                          summary: L("\"white\", \"grey\", \"black\" or \"freed\"")),
            StateFunction("address", signature: "address(NAME) -> int", arity: 1,
                          summary: L("where the object is (copying moves it)")),
            StateFunction("field", signature: "field(NAME, FIELD) -> string or nil", arity: 2,
                          summary: L("the object a field points to")),
            StateFunction("reachable", signature: "reachable(NAME) -> bool", arity: 1,
                          summary: L("whether a path of pointers leads from a root to the object, whatever its colour")),
            StateFunction("age", signature: "age(NAME) -> int", arity: 1,
                          summary: L("cycles a young object has survived (generational)")),
            StateFunction("generation", signature: "generation(NAME) -> string", arity: 1,
                          summary: L("\"young\" or \"old\" (generational)")),
        ],
        example: ExampleExercise(
            task: "The incremental collector is marking with no write barrier. Store C's pointer to B, drop A's, and finish the cycle without losing B.",
            setup: ["collector incremental", "barrier none", "new A", "new B", "new C", "root C", "root A", "ptr A.f = B"],
            check: [#"gc.cycles == 1 => "Run a cycle step by step: `gc start`, `step`, the pointer writes, then `finish`.""#,
                    #"field("C", "f") == "B" => "C.f should point at B: `ptr C.f = B` while the cycle marks.""#,
                    #"lost == [] => "The collector freed {lost} although C still points at it: choose a barrier before `gc start`.""#],
            solution: ["barrier yuasa", "gc start", "step", "ptr C.f = B", "ptr A.f = nil", "finish"],
            hints: ["Without a barrier the collector never hears that black C now points at white B.",
                    "`barrier yuasa` (or dijkstra, or hybrid) before `gc start`, then the same moves."])
    ) }

    /// The object graph with its colours, for `export dot|svg`.
    public func diagram() -> Diagram {
        HeapDiagram.diagram(heap, title: Self.info.name + " — " + Self.info.title, annotate: annotation)
    }

    public mutating func execute(_ command: Command, in context: SimulationContext) throws(SimulatorError) -> String {
        switch command.verb {
        case "new": return try newObject(command, context)
        case "ptr": return try storePointer(command)
        case "root", "unroot": return try changeRoot(command)
        case "collector": return try chooseCollector(command)
        case "barrier": return try chooseBarrier(command)
        case "gc": return try gcCommand(command, context)
        case "step": return try stepCommand(command, context)
        case "finish": return try finishCommand(command, context)
        case "gogc", "memlimit", "live", "stacks", "globals": return try pacerSetting(command)
        case "alloc": return try allocate(command, context)
        default: break
        }
        try Arguments.expect(command, count: 0, usage: command.verb)
        switch command.verb {
        case "heap": return HeapViews.table(heap, width: context.width, annotate: annotation)
        case "graph": return HeapViews.graph(heap, width: context.width, annotate: annotation)
        case "timeline": return timeline(width: context.width)
        default: return traceLines()
        }
    }

    public func render(in context: SimulationContext) -> String {
        HeapViews.table(heap, width: context.width, annotate: annotation) + "\n" + statusLine
    }

    public func knownNames() -> [String] {
        heap.objectCount > 4096 ? [] : heap.liveIDs.map { heap.name(of: $0) }
    }

    /// `phase mark · collector incremental · barrier none · 2 grey`
    var statusLine: String {
        var parts = [L("phase {0}", phase.rawValue), L("collector {0}", collector.rawValue)]
        if collector == .incremental { parts.append(L("barrier {0}", barrier.rawValue)) }
        if phase == .mark { parts.append(L("{0} grey", heap.greyQueue.count)) }
        parts.append(L("{0} cycle(s)", cycles))
        return parts.joined(separator: " · ")
    }

    /// The extra column of `heap` and `graph`: the generation, or where a
    /// copying cycle has copied the object to.
    func annotation(_ id: ID) -> String {
        switch collector {
        case .generational:
            return heap.isOld(id) ? L("old") : L("young {0}", heap.age(of: id))
        case .copying:
            return heap.forwardingAddress(of: id).map { L("copied to {0}", HeapCommands.hex($0)) } ?? ""
        default:
            return ""
        }
    }

    func names(_ ids: some Sequence<ID>) -> Value { .strings(HeapCommands.names(ids, in: heap)) }

    public func stateTree() -> Value {
        let capacity: Value = collector == .copying ? .int(2 * semispace) : .null
        let usable: Value = collector == .copying ? .int(semispace) : .null
        let live = heap.liveIDs
        return [
            "gc": [
                "phase": .string(phase.rawValue),
                "cycles": .int(cycles),
                "collector": .string(collector.rawValue),
                "barrier": .string(barrier.rawValue),
                "grey": names(heap.greyQueue),
                "minor": .int(minorCycles),
                "major": .int(majorCycles),
            ],
            "heap": [
                "objects": .int(heap.objectCount),
                "bytes": .int(heap.byteCount),
                "names": names(live),
                "fragments": .int(heap.fragments),
                "free_bytes": .int(heap.fragmentedBytes),
                "largest_free": .int(heap.largestHole),
                "top": .int(heap.top),
                "capacity": capacity,
                "usable": usable,
                "inuse": .int(heapInUse),
                "live": .int(pacer.liveHeap),
                "goal": pacer.goal.map { .int($0) } ?? .null,
                "limited": .bool(pacer.limited),
            ],
            "pacer": [
                "gogc": pacer.gogc.map { .int($0) } ?? .null,
                "memlimit": pacer.memoryLimit.map { .int($0) } ?? .null,
                "live": .int(pacer.live),
                "stacks": .int(pacer.stacks),
                "globals": .int(pacer.globals),
                "allocated": .int(pacer.allocated),
            ],
            "roots": names(heap.roots),
            "freed": names(cycle?.freed ?? freed),
            "lost": names(cycle?.lost ?? lost),
            "stw": ["count": .int(stwCount)],
            "barrier": ["shaded": .int(cycle?.shadedByBarrier ?? shadedByBarrier)],
            "copied": names(copied),
            "promoted": names(promoted),
            "remembered": names(remembered),
            "gen": collector == .generational ? [
                "young": names(live.filter { !heap.isOld($0) }),
                "old": names(live.filter { heap.isOld($0) }),
            ] : ["young": [], "old": []],
        ]
    }

    public func callFunction(_ name: String, _ arguments: [Value]) throws(ExpressionError) -> Value? {
        guard let function = Self.info.functions.first(where: { $0.name == name }) else { return nil }
        let object = try StateFunctions.object(function, arguments, in: heap)
        switch name {
        case "color": return .string(object.map { heap.color(of: $0).word } ?? HeapColor.freed.word)
        case "reachable": return .bool(object.map { heap.reachable()[Int($0)] } ?? false)
        default: break
        }
        let id = try StateFunctions.live(object, arguments)
        switch name {
        case "address": return .int(heap.address(of: id))
        case "age": return .int(heap.age(of: id))
        case "generation": return .string(heap.isOld(id) ? "old" : "young")
        default: return try StateFunctions.field(id, function, arguments, in: heap)
        }
    }
}

/// Reading the arguments of state functions such as `color("A")`, shared by
/// the simulators built on `HeapGraph`.
enum StateFunctions {
    /// The object named by the first argument: its id, or nil when it has been freed.
    static func object(_ function: StateFunction, _ arguments: [Value], in heap: HeapGraph) throws(ExpressionError) -> HeapGraph.ID? {
        guard arguments.count == function.arity else {
            throw ExpressionError(L("`{0}` takes {1} argument(s), not {2}", function.signature, function.arity, arguments.count), 0..<0)
        }
        guard case .string(let name) = arguments[0] else {
            throw ExpressionError(L("`{0}` needs a name in quotes, like {1}(\"A\")", function.signature, function.name), 0..<0)
        }
        guard let id = heap.id(of: name) else {
            throw ExpressionError(L("there is no object called `{0}`", Sanitizer.line(name)) + heap.suggestion(for: name), 0..<0)
        }
        return heap.isLive(id) ? id : nil
    }

    /// The id, or an error for a freed object where the function needs a live one.
    static func live(_ id: HeapGraph.ID?, _ arguments: [Value]) throws(ExpressionError) -> HeapGraph.ID {
        guard let id else {
            throw ExpressionError(L("`{0}` has been freed", Sanitizer.line(arguments.first?.stringValue ?? "")), 0..<0)
        }
        return id
    }

    /// `field("A", "f")`: the name of the object a field points to, or nil.
    static func field(_ id: HeapGraph.ID, _ function: StateFunction, _ arguments: [Value], in heap: HeapGraph) throws(ExpressionError) -> Value {
        guard case .string(let f) = arguments[1] else {
            throw ExpressionError(L("`{0}` needs a field name in quotes", function.signature), 0..<0)
        }
        guard let target = heap.field(id, f) else {
            throw ExpressionError(L("`{0}` has no field `{1}`", heap.name(of: id), Sanitizer.line(f)), 0..<0)
        }
        return .optional(target.map { heap.name(of: $0) })
    }
}

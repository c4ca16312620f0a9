import Grader
import TextKit

/// Chapter 8's Green Tea GC: the same pointer tree marked object by object
/// (Go's classic LIFO work list) and span by span (Green Tea's FIFO of
/// spans), counting how often the marker has to jump to another span — the
/// memory access, not the CPU, that dominates marking.
public struct GreenTeaSimulator: Simulator {
    /// A completed mark's figures, kept per mode so both can be compared.
    struct Result: Equatable {
        var objects: Int
        var spanVisits: Int
        var queueMax: Int
        var pointers: Int
        var cost: Int
    }

    static let maxSteps = 1_000_000
    /// Steps between two looks at Ctrl-C.
    static let pollEvery = 256

    var heap: SpanHeap?
    var marker: Marker?
    var results: [MarkMode: Result] = [:]

    public init() {}

    public static var info: SimulatorInfo { SimulatorInfo(
        name: "greentea",
        title: L("Green Tea: marking span by span"),
        summary: L("A heap of 8 KiB spans, each with 124 slots of 64 B (the rest holds the span's pointer bitmap and mark bits), holding a tree: object i points to 4i+1…4i+4, the root to object 0, shuffled across the spans with a fixed seed. Two markers: classic (a LIFO list of objects, one scan per object) and greentea (a FIFO of spans, each scanned in bulk). Cost model: 100 per span visit (a cache miss) + 10 per object scanned + 1 per pointer followed."),
        verbs: [
            Verb("layout", usage: "layout dense|sparse N",
                 summary: L("build the heap: N live objects (1 to 16384) packed into as few spans as possible (dense) or one per span among dead ones (sparse)"),
                 arguments: [.oneOf(["dense", "sparse"])]),
            Verb("mark", usage: "mark classic|greentea [STEPS]",
                 summary: L("start a fresh mark from the root and run it to the end, or for STEPS scans only (an object for classic, a span for greentea)"),
                 arguments: [.oneOf(MarkMode.allCases.map(\.rawValue))]),
            Verb("step", usage: "step [N]",
                 summary: L("continue the current mark for N scans (default 1)")),
            Verb("spans", usage: "spans [FIRST]",
                 summary: L("picture the spans: # scanned, o marked and waiting, . unmarked, - free slot; FIRST shows 10 spans from there"),
                 changesState: false),
            Verb("queue", usage: "queue", summary: L("show the work list: objects (classic) or spans (greentea), next one first"),
                 changesState: false),
        ],
        state: [
            StateField("layout.kind", "string", L("\"dense\", \"sparse\" or \"none\"")),
            StateField("layout.objects", "int", L("live objects in the tree")),
            StateField("layout.spans", "int", L("spans in the heap")),
            StateField("layout.slots_per_span", "int", L("64-byte slots in one 8 KiB span: 124")),
            StateField("mark.mode", "string", L("\"classic\", \"greentea\" or \"none\": the current or last mark")),
            StateField("mark.done", "bool", L("whether the current mark has finished")),
            StateField("mark.steps", "int", L("scans so far: objects (classic) or spans taken from the queue (greentea)")),
            StateField("mark.objects", "int", L("objects scanned so far")),
            StateField("mark.marked", "int", L("objects marked so far (scanned or waiting)")),
            StateField("mark.span_visits", "int", L("times the marker started scanning in a span other than the one it scanned last")),
            StateField("mark.queue", "int", L("items on the work list now: objects (classic) or spans (greentea)")),
            StateField("mark.queue_max", "int", L("the longest the work list has been")),
            StateField("mark.pointers", "int", L("pointers followed so far")),
            StateField("cost", "int", L("the current mark's memory cost: 100 × span_visits + 10 × objects + 1 × pointers")),
            StateField("classic.done", "bool", L("whether a classic mark has finished on this layout")),
            StateField("classic.objects", "int", L("objects the last finished classic mark scanned")),
            StateField("classic.span_visits", "int", L("span visits of the last finished classic mark (0 before one)")),
            StateField("classic.queue_max", "int", L("longest work list of the last finished classic mark")),
            StateField("classic.cost", "int", L("cost of the last finished classic mark")),
            StateField("greentea.done", "bool", L("whether a greentea mark has finished on this layout")),
            StateField("greentea.objects", "int", L("objects the last finished greentea mark scanned")),
            StateField("greentea.span_visits", "int", L("span visits of the last finished greentea mark (0 before one)")),
            StateField("greentea.queue_max", "int", L("longest span queue of the last finished greentea mark")),
            StateField("greentea.cost", "int", L("cost of the last finished greentea mark")),
        ],
        example: ExampleExercise(
            task: "The heap holds 1024 objects packed densely into spans. Mark it with the classic marker, then with Green Tea, and compare how many spans each visits.",
            setup: ["layout dense 1024"],
            check: [#"classic.done => "Run a classic mark first: `mark classic`.""#,
                    #"greentea.done => "Now run a Green Tea mark: `mark greentea`.""#,
                    #"greentea.span_visits < classic.span_visits => "Green Tea made {greentea.span_visits} span visits, classic {classic.span_visits}.""#],
            solution: ["mark classic", "mark greentea"],
            hints: ["`mark` takes the marker's name: `classic` or `greentea`.", "`mark classic`, then `mark greentea`."])
    ) }

    public mutating func execute(_ command: Command, in context: SimulationContext) throws(SimulatorError) -> String {
        switch command.verb {
        case "layout": return try layout(command)
        case "mark": return try mark(command, in: context)
        case "step": return try step(command, in: context)
        case "spans": return try spansView(command, in: context)
        default:
            try Arguments.expect(command, count: 0, usage: "queue")
            return queueView(in: context)
        }
    }

    public func render(in context: SimulationContext) -> String {
        summary() + "\n\n" + spansPicture(from: nil, in: context) + "\n\n" + queueView(in: context)
    }

    public func stateTree() -> Value {
        func result(_ mode: MarkMode) -> Value {
            let r = results[mode]
            return ["done": .bool(r != nil), "objects": .int(r?.objects ?? 0), "span_visits": .int(r?.spanVisits ?? 0),
                    "queue_max": .int(r?.queueMax ?? 0), "cost": .int(r?.cost ?? 0)]
        }
        return [
            "layout": ["kind": .string(heap?.kind.rawValue ?? "none"), "objects": .int(heap?.objects ?? 0),
                       "spans": .int(heap?.spanCount ?? 0), "slots_per_span": .int(SpanHeap.slotsPerSpan)],
            "mark": ["mode": .string(marker?.mode.rawValue ?? "none"), "done": .bool(marker?.done ?? false),
                     "steps": .int(marker?.steps ?? 0), "objects": .int(marker?.objectsScanned ?? 0),
                     "marked": .int(marker?.objectsMarked ?? 0), "span_visits": .int(marker?.spanVisits ?? 0),
                     "queue": .int(marker?.waiting ?? 0), "queue_max": .int(marker?.queueMax ?? 0),
                     "pointers": .int(marker?.pointers ?? 0)],
            "cost": .int(marker?.cost ?? 0),
            "classic": result(.classic),
            "greentea": result(.greentea),
        ]
    }

    // MARK: - Commands

    private mutating func layout(_ command: Command) throws(SimulatorError) -> String {
        let usage = "layout dense|sparse N"
        try Arguments.expect(command, count: 2, usage: usage)
        guard let kind = SpanHeap.Kind(rawValue: command.arguments[0]) else {
            throw SimulatorError(L("`{0}` is not a layout: use dense or sparse", Sanitizer.line(command.arguments[0]))
                + Suggestion.hint(for: command.arguments[0], among: ["dense", "sparse"]), hint: L("usage: {0}", usage))
        }
        let text = command.arguments[1]
        guard let n = Arguments.integer(text), n >= 1 else {
            throw SimulatorError(L("`{0}` is not a number of objects: write a whole number from 1 to {1}", Sanitizer.line(text), SpanHeap.maxObjects))
        }
        guard n <= SpanHeap.maxObjects else {
            throw SimulatorError(L("{0} objects is too many: this heap holds at most {1} live objects", n, SpanHeap.maxObjects),
                                 hint: L("The pattern already shows at a few thousand objects."))
        }
        let heap = SpanHeap(kind: kind, objects: n)
        self.heap = heap
        marker = nil
        results = [:]
        switch kind {
        case .dense:
            return L("dense: {0} live objects of 64 B packed into {1} span(s) of 8 KiB", n, heap.spanCount)
                + "\n" + L("({0} slots each; the tree is shuffled across them with a fixed seed)", SpanHeap.slotsPerSpan)
        case .sparse:
            return L("sparse: {0} live objects, one in each of {1} spans of 8 KiB", n, heap.spanCount)
                + "\n" + L("(the other {0} objects of each span are dead)", SpanHeap.slotsPerSpan - 1)
        }
    }

    private mutating func mark(_ command: Command, in context: SimulationContext) throws(SimulatorError) -> String {
        let usage = "mark classic|greentea [STEPS]"
        try Arguments.expect(command, count: 1...2, usage: usage)
        let word = command.arguments[0]
        guard let mode = MarkMode(rawValue: word) else {
            throw SimulatorError(L("`{0}` is not a marker: use classic or greentea", Sanitizer.line(word))
                + Suggestion.hint(for: word, among: MarkMode.allCases.map(\.rawValue)), hint: L("usage: {0}", usage))
        }
        let heap = try builtHeap()
        let limit = command.words.count == 2 ? try steps(command.arguments[1]) : Self.maxSteps
        marker = Marker(mode: mode, heap: heap)
        return advance(limit, in: context)
    }

    private mutating func step(_ command: Command, in context: SimulationContext) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 0...1, usage: "step [N]")
        _ = try builtHeap()
        guard let marker, !marker.done else {
            throw SimulatorError(L("no mark is in progress"), hint: L("Start one with `mark classic 1` or `mark greentea 1`."))
        }
        let n = command.words.count == 1 ? try steps(command.arguments[0]) : 1
        return advance(n, in: context)
    }

    private func builtHeap() throws(SimulatorError) -> SpanHeap {
        guard let heap else {
            throw SimulatorError(L("there is no heap yet"), hint: L("Build one with `layout dense 1024` or `layout sparse 256`."))
        }
        return heap
    }

    private func steps(_ text: String) throws(SimulatorError) -> Int {
        guard let n = Arguments.integer(text), n >= 1, n <= Self.maxSteps else {
            throw SimulatorError(L("`{0}` is not a number of steps: write a whole number from 1 to {1}", Sanitizer.line(text), Self.maxSteps))
        }
        return n
    }

    /// Runs up to `limit` scans, records the figures of a finished mark and
    /// says where the marker stands.
    private mutating func advance(_ limit: Int, in context: SimulationContext) -> String {
        guard let heap, var m = marker else { return "" }
        var taken = 0
        var interrupted = false
        while taken < limit, m.step(in: heap) {
            taken += 1
            if taken % Self.pollEvery == 0 && context.isInterrupted() { interrupted = true; break }
        }
        marker = m
        if m.done {
            results[m.mode] = Result(objects: m.objectsScanned, spanVisits: m.spanVisits, queueMax: m.queueMax,
                                     pointers: m.pointers, cost: m.cost)
        }
        var out = interrupted ? L("interrupted.") + " " : ""
        if m.done {
            out += L("{0} mark done: {1} objects scanned in {2} steps", m.mode.rawValue, m.objectsScanned, m.steps)
                + "\n" + L("{0} span visits; longest work list {1}", m.spanVisits, m.queueMax)
        } else {
            out += L("{0} mark paused after {1} steps: {2} objects scanned", m.mode.rawValue, m.steps, m.objectsScanned)
                + "\n" + L("{0} span visits; {1} waiting on the work list", m.spanVisits, m.waiting)
        }
        out += "\n" + L("cost {0} = 100 × {1} visits + 10 × {2} objects + 1 × {3} pointers",
                        m.cost, m.spanVisits, m.objectsScanned, m.pointers)
        return out
    }
}

import Grader
import TextKit

/// Chapter 6's machine: one goroutine's stack, managed the three ways Go
/// has known — fixed, segmented (up to Go 1.2) and copying (Go 1.3 on) — so
/// the learner can overflow a fixed stack, find the hot split and count
/// what copying costs. A fixed-stack overflow is an outcome to observe, so
/// it is recorded in `overflow` and the stack kept as it was; passing `max`
/// is Go's fatal error and is refused like any failing command.
public struct StackSimulator: Simulator {
    static let defaultStart = 2048
    /// Go's limit on 64-bit systems: 1000000000 bytes, the "1 GB" of the
    /// Go 1.2 release notes (runtime/proc.go `maxstacksize`).
    static let defaultLimit = 1_000_000_000
    static let largestLimit = 1 << 40
    static let largestFrame = 1 << 30
    static let largestHot = 1_000_000_000
    static let largestDepth = 1_000_000_000_000

    var counters = StackCounters()
    var goroutine: StackGoroutine
    var overflow = false

    public init() {
        var counters = StackCounters()
        goroutine = StackGoroutine(mode: .copying, start: Self.defaultStart, limit: Self.defaultLimit, counters: &counters)
        self.counters = counters
    }

    public static var info: SimulatorInfo { SimulatorInfo(
        name: "stack",
        title: L("Stacks that grow"),
        summary: L("One goroutine's stack, in one of three designs: fixed, segmented (Go up to 1.2) or copying (Go 1.3 on, the default). Frames take exactly the bytes given and grow down from the top of their block; a variable is one 8-byte word of its frame. Stack memory starts at 0x10000; a freed block is reused first for the next block of its size. Cost model, in units: a call 1 (its return included), a stack or segment allocation 20, copying 1 per 8 bytes."),
        verbs: [
            Verb("mode", usage: "mode fixed|segmented|copying", summary: L("fixed: a frame that does not fit overflows; segmented: it gets a new segment of max(start, FRAME) bytes, freed when it returns; copying: the stack doubles until it fits, by copying. Only with an empty stack: starts a fresh goroutine, counters at zero"),
                 arguments: [.oneOf(StackMode.allCases.map(\.rawValue))]),
            Verb("start", usage: "start SIZE", summary: L("the first stack's size, a multiple of 8 (default 2 KiB); a fixed stack never has more. Only with an empty stack: starts a fresh goroutine")),
            Verb("max", usage: "max SIZE", summary: L("the most the stack may reserve (default 1000000000 bytes, Go's limit on 64-bit); going past it is Go's fatal \"goroutine stack exceeds\" error. Only with an empty stack: starts a fresh goroutine")),
            Verb("call", usage: "call NAME FRAME", summary: L("call NAME with a frame of FRAME bytes (a multiple of 8)")),
            Verb("ret", usage: "ret", summary: L("return from the top frame; a segment that frame opened is freed")),
            Verb("recurse", usage: "recurse NAME DEPTH FRAME", summary: L("DEPTH nested calls of NAME, FRAME bytes each")),
            Verb("unwind", usage: "unwind", summary: L("return from every frame")),
            Verb("hot", usage: "hot N NAME FRAME", summary: L("N times: call NAME (FRAME bytes), then return — the loop that causes a hot split")),
            Verb("local", usage: "local NAME", summary: L("a variable in the top frame: the frame's next 8-byte word, from its top down")),
            Verb("ref", usage: "ref P -> NAME", summary: L("a pointer P in the top frame to variable NAME of this frame or an older one (the nearest that has it); copying adjusts it"),
                 arguments: [.free, .oneOf(["->"]), .name]),
            Verb("gc", usage: "gc", summary: L("a garbage collection: a copying stack that uses less than a quarter of its size is copied to one half the size, never below `start`")),
            Verb("stack", usage: "stack", summary: L("draw the segments or the one block, with frames, variables and pointers"), changesState: false),
            Verb("stats", usage: "stats", summary: L("show the counters and the cost, worked out"), changesState: false),
        ],
        state: [
            StateField("mode", "string", L("\"fixed\", \"segmented\" or \"copying\"")),
            StateField("stack.size", "int", L("bytes reserved: the one block, or all segments together")),
            StateField("stack.used", "int", L("bytes in frames")),
            StateField("stack.depth", "int", L("frames on the stack")),
            StateField("stack.frames", "list of string", L("the frames' names, oldest first")),
            StateField("stack.segments", "int", L("segments held now (1 unless segmented)")),
            StateField("stack.splits", "int", L("segments allocated so far, the first included (segmented mode; 0 otherwise)")),
            StateField("stack.copies", "int", L("times the stack was copied to a new block, growing or shrinking")),
            StateField("stack.shrinks", "int", L("copies made by `gc` to shrink the stack")),
            StateField("stack.bytes_copied", "int", L("bytes copied by all copies: each copies the bytes in use")),
            StateField("stack.pointers_adjusted", "int", L("pointers adjusted by all copies: each adjusts every pointer on the stack")),
            StateField("stack.calls", "int", L("calls made so far, those of `hot` included")),
            StateField("stack.allocations", "int", L("stacks and segments allocated so far, the first included")),
            StateField("stack.start", "int", L("the first stack's size in bytes")),
            StateField("stack.max", "int", L("the limit on bytes reserved")),
            StateField("overflow", "bool", L("true once a frame did not fit in a fixed stack (the stack is kept as it was)")),
            StateField("cost", "int", L("the cost model: calls × 1 + allocations × 20 + bytes copied ÷ 8")),
        ],
        example: ExampleExercise(
            task: "This goroutine has a fixed stack of 2 KiB. Call a function whose frame needs 4 KiB, and see what a fixed stack does.",
            setup: ["mode fixed"],
            check: [#"overflow => "The stack has not overflowed: call a function whose frame is bigger than 2 KiB.""#],
            solution: ["call big 4096"],
            hints: ["`call NAME FRAME` calls a function with a frame of FRAME bytes.", "`call big 4096`."])
    ) }

    public mutating func execute(_ command: Command, in context: SimulationContext) throws(SimulatorError) -> String {
        switch command.verb {
        case "mode", "start", "max": return try configure(command)
        case "call": return try call(command, in: context)
        case "recurse": return try recurse(command, in: context)
        case "ret": return try ret(command)
        case "unwind": return try unwind(command)
        case "hot": return try hot(command)
        case "local": return try local(command)
        case "ref": return try reference(command)
        case "gc": return try collect(command)
        case "stats":
            try Arguments.expect(command, count: 0, usage: "stats")
            return statsView(in: context)
        default:
            try Arguments.expect(command, count: 0, usage: "stack")
            return stackView(in: context)
        }
    }

    public func render(in context: SimulationContext) -> String { stackView(in: context) }

    public func knownNames() -> [String] {
        var seen = Set<String>()
        return goroutine.frames.flatMap { $0.variables.map(\.name) }.reversed().filter { seen.insert($0).inserted }
    }

    public func stateTree() -> Value {
        [
            "mode": .string(goroutine.mode.rawValue),
            "stack": [
                "size": .int(goroutine.size),
                "used": .int(goroutine.used),
                "depth": .int(goroutine.depth),
                "frames": .strings(goroutine.frames.map(\.name)),
                "segments": .int(goroutine.segments.count),
                "splits": .int(counters.splits),
                "copies": .int(counters.copies),
                "shrinks": .int(counters.shrinks),
                "bytes_copied": .int(counters.bytesCopied),
                "pointers_adjusted": .int(counters.pointersAdjusted),
                "calls": .int(counters.calls),
                "allocations": .int(counters.allocations),
                "start": .int(goroutine.start),
                "max": .int(goroutine.limit),
            ],
            "overflow": .bool(overflow),
            "cost": .int(counters.cost),
        ]
    }

    // MARK: - Configuration

    /// `mode`, `start` and `max` describe a goroutine, so changing one
    /// starts a fresh goroutine: the counters then describe one design only.
    private mutating func configure(_ command: Command) throws(SimulatorError) -> String {
        let verb = Self.info.verb(command.verb)!
        try Arguments.expect(command, count: 1, usage: verb.usage)
        guard goroutine.depth == 0 else {
            throw SimulatorError(L("`{0}` needs an empty stack: {1} frame(s) are on it", command.verb, goroutine.depth),
                                 hint: L("Type `unwind` first."))
        }
        var mode = goroutine.mode, start = goroutine.start, limit = goroutine.limit
        let text = command.arguments[0]
        switch command.verb {
        case "mode":
            guard let m = StackMode(rawValue: text.lowercased()) else {
                throw SimulatorError(L("`{0}` is not a mode: use fixed, segmented or copying", Sanitizer.line(text))
                                     + Suggestion.hint(for: text, among: StackMode.allCases.map(\.rawValue)))
            }
            mode = m
        case "start":
            start = try Arguments.size(text, what: L("stack size"))
            guard start >= StackGoroutine.wordSize, start % StackGoroutine.wordSize == 0 else {
                throw SimulatorError(L("a stack size is a multiple of 8 bytes, at least 8"))
            }
            guard start <= limit else {
                throw SimulatorError(L("{0} bytes is over `max` ({1} bytes)", start, limit), hint: L("Raise `max` first."))
            }
        default:
            limit = try Arguments.size(text, what: L("stack limit"))
            guard limit >= start, limit <= Self.largestLimit else {
                throw SimulatorError(L("`max` must be between `start` ({0} bytes) and {1} bytes", start, Self.largestLimit))
            }
        }
        var fresh = StackCounters()
        goroutine = StackGoroutine(mode: mode, start: start, limit: limit, counters: &fresh)
        counters = fresh
        overflow = false
        return L("a fresh goroutine: {0}, start {1}, max {2} bytes; counters at zero",
                 mode.rawValue, StackSize.text(start), limit)
    }

    // MARK: - Argument helpers

    static func frameSize(_ text: String) throws(SimulatorError) -> Int {
        let n = try Arguments.size(text, what: L("frame size"))
        guard n >= StackGoroutine.wordSize, n % StackGoroutine.wordSize == 0, n <= largestFrame else {
            throw SimulatorError(L("a frame is a multiple of 8 bytes, from 8 bytes to 1 GiB"))
        }
        return n
    }

    static func count(_ text: String, what: String, upTo largest: Int) throws(SimulatorError) -> Int {
        guard let n = Arguments.integer(text), n >= 1 else {
            throw SimulatorError(L("`{0}` is not a {1}: write a whole number from 1", Sanitizer.line(text), what))
        }
        guard n <= largest else {
            throw SimulatorError(L("{0} is more than {1}, the largest {2} this simulator takes", n, largest, what))
        }
        return n
    }
}

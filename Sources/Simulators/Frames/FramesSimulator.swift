import Grader
import TextKit

/// Chapter 3's machine: a C-like call stack and a manual heap, where the
/// learner feels malloc/free's four classic bugs before garbage collection
/// is introduced. A detected bug is not a refused command: it is recorded in
/// `errors` (as a sanitizer would report it) while the faulty operation has
/// no effect, so lessons can ask the learner to *produce* one. Only commands
/// that cannot be read throw.
public struct FramesSimulator: Simulator {
    var stack = FramesStack()
    var heap = FramesHeap()
    var reports: [FramesReport] = []
    /// Blocks reported by `exit`.
    var leaked = 0
    var exited = false

    public init() {}

    public static var info: SimulatorInfo { SimulatorInfo(
        name: "frames",
        title: L("Variables, the stack and the heap"),
        summary: L("A C-like machine. The stack starts with frame `main` and grows down from 0x8000, one 8-byte slot per local. The heap is 256 bytes at 0x1000, managed by hand: malloc picks the lowest gap that fits (first fit), sizes round up to 8, there are no hidden headers. Double free, use after free, dangling stack pointers, out of memory and leaks are detected and explained the way AddressSanitizer does; the faulty operation is refused, recorded in `errors`, and the program goes on."),
        verbs: [
            Verb("call", usage: "call NAME", summary: L("call function NAME: push a frame for it on top of the stack")),
            Verb("ret", usage: "ret [P]", summary: L("return from the top frame, which is popped; with P, P's value is returned and stored in a local of the same name in the caller"),
                 arguments: [.name]),
            Verb("local", usage: "local NAME = INT", summary: L("declare a local in the top frame: it takes the next 8-byte slot below the previous one")),
            Verb("set", usage: "set NAME = INT", summary: L("assign a number to a local of the top frame"), arguments: [.name]),
            Verb("ref", usage: "ref P = &NAME", summary: L("store in local P of the top frame the address of local NAME of any live frame (the nearest frame that has one)"),
                 arguments: [.name]),
            Verb("malloc", usage: "malloc P SIZE", summary: L("allocate SIZE bytes (rounded up to 8) at the lowest gap that fits and store the address in local P of the top frame"),
                 arguments: [.name]),
            Verb("free", usage: "free P", summary: L("give back the block P points to; P keeps the old address"), arguments: [.name]),
            Verb("store", usage: "store *P = INT", summary: L("write a number where P points (a heap block or a local)")),
            Verb("load", usage: "load *P", summary: L("read and print what P points to")),
            Verb("exit", usage: "exit", summary: L("end the program: the frames are gone and every block still allocated is reported as leaked")),
            // Not a pure view: `heap size SIZE` configures the heap, so the verb is recorded for undo.
            Verb("heap", usage: "heap [size SIZE]", summary: L("show the heap map: blocks, free gaps and who points where; `heap size SIZE` sets the heap's size (16 B to 16 KiB, a multiple of 8) before the first malloc"),
                 arguments: [.oneOf(["size"])]),
            Verb("stack", usage: "stack", summary: L("show the frames, top first, with their locals, addresses and values"), changesState: false),
        ],
        state: [
            StateField("stack.depth", "int", L("frames on the stack, `main` included (0 after `exit`)")),
            StateField("stack.frames", "list of string", L("the frames' function names, bottom (`main`) first")),
            StateField("heap.size", "int", L("bytes in the heap (256 unless set with `heap size`)")),
            StateField("heap.blocks", "int", L("live blocks: allocated and not yet freed")),
            StateField("heap.used", "int", L("bytes in live blocks, each rounded up to 8")),
            StateField("heap.free", "int", L("bytes outside live blocks, all gaps together")),
            StateField("heap.largest_free", "int", L("bytes in the largest gap: the biggest malloc that can succeed")),
            StateField("heap.leaked", "int", L("blocks reported as leaked by `exit` (0 before it)")),
            StateField("errors.count", "int", L("memory bugs detected so far")),
            StateField("errors.last", "string", L("the last bug's message, \"\" if none")),
            StateField("errors.kinds", "list of string", L("the bugs in order: \"double-free\", \"use-after-free\", \"dangling-stack-pointer\", \"out-of-memory\", \"leak\"")),
            StateField("exited", "bool", L("true once `exit` ended the program")),
        ],
        example: ExampleExercise(
            task: "The program allocated 16 bytes on the heap and keeps their address in `p`. Give the block back, so that nothing leaks.",
            setup: ["malloc p 16"],
            check: [#"heap.blocks == 0 => "{heap.blocks} block(s) still allocated: give them back with `free`.""#,
                    #"errors.count == 0 => "The simulator reported: {errors.last}""#],
            solution: ["free p"],
            hints: ["`free` gives back the block a local points to.", "`free p`."])
    ) }

    public mutating func execute(_ command: Command, in context: SimulationContext) throws(SimulatorError) -> String {
        switch command.verb {
        case "stack":
            try Arguments.expect(command, count: 0, usage: "stack")
            return stackView(in: context)
        case "heap" where command.words.isEmpty:
            return heapView(in: context)
        default:
            break
        }
        guard !exited else {
            throw SimulatorError(L("the program has exited"), hint: L("Type `reset` to run it again."))
        }
        switch command.verb {
        case "call": return try call(command)
        case "ret": return try ret(command)
        case "local": return try declare(command)
        case "set": return try assign(command)
        case "ref": return try reference(command)
        case "malloc": return try malloc(command)
        case "free": return try free(command)
        case "store": return try store(command)
        case "load": return try load(command)
        case "exit": return try exit(command)
        default: return try resizeHeap(command)
        }
    }

    public func render(in context: SimulationContext) -> String {
        stackView(in: context) + "\n\n" + heapView(in: context)
    }

    public func knownNames() -> [String] {
        var seen = Set<String>()
        return (stack.allNames + stack.frames.map(\.name)).filter { seen.insert($0).inserted }
    }

    public func stateTree() -> Value {
        [
            "stack": [
                "depth": .int(stack.depth),
                "frames": .strings(stack.frames.map(\.name)),
            ],
            "heap": [
                "size": .int(heap.size),
                "blocks": .int(heap.live.count),
                "used": .int(heap.used),
                "free": .int(heap.free),
                "largest_free": .int(heap.largestFree),
                "leaked": .int(leaked),
            ],
            "errors": [
                "count": .int(reports.count),
                "last": .string(reports.last?.summary ?? ""),
                "kinds": .strings(reports.map(\.kind.rawValue)),
            ],
            "exited": .bool(exited),
        ]
    }

    /// Records a detected bug and returns its printed report.
    mutating func record(_ report: FramesReport) -> String {
        reports.append(report)
        return report.rendered
    }
}

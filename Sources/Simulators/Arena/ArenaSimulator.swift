import Grader
import TextKit

/// Chapter 8's arenas: Go 1.20's `GOEXPERIMENT=arenas` next to the ordinary
/// heap. Objects in an arena are bump-allocated into 8 MiB chunks and freed
/// all at once by `arena free`, without the GC looking at them one by one;
/// the price is manual lifetime, which the runtime makes safer (not safe)
/// by setting freed chunks to fault.
public struct ArenaSimulator: Simulator {
    /// Bounds on what one command may ask for, so every command stays fast.
    static let maxCount = 1_000_000
    static let maxBytesPerCommand = 1 << 30
    static let maxArenas = 64
    static let maxNames = 1000
    /// 2048 chunks of 8 MiB: 16 GiB of arena address space.
    static let maxChunks = 2048

    var pool = ChunkPool()
    var arenas: [UserArena] = []
    /// Names the program holds, in the order they were made.
    var groups: [ObjectGroup] = []
    /// Heap objects the program dropped and the GC has not swept yet.
    var garbage = 0
    var faults = 0
    var lastFault: String?
    var unnoticed = 0
    var gcCycles = 0
    var objectsMarked = 0
    var chunksMarked = 0
    var objectsSwept = 0
    var chunksRecycled = 0

    public init() {}

    public static var info: SimulatorInfo { SimulatorInfo(
        name: "arena",
        title: L("Arenas: freeing in bulk"),
        summary: L("Go 1.20's arena experiment next to the ordinary heap. An arena bump-allocates into 8 MiB chunks (8 MiB minus 128 KiB + 48 B of pointer bitmap usable; sizes rounded up to 8 bytes; objects over 2 MiB go to the heap) and frees them all at once; its full chunks are then set to fault, its last chunk is kept for reuse. Heap objects are swept by the GC one at a time."),
        verbs: [
            Verb("arena", usage: "arena new A | arena alloc A NAME SIZE [COUNT] | arena free A",
                 summary: L("new: make arena A (it takes its first chunk at once); alloc: put COUNT objects of SIZE bytes in A, held by NAME; free: free A and everything in it at once"),
                 arguments: [.oneOf(["new", "alloc", "free"]), .name]),
            Verb("new", usage: "new NAME SIZE [COUNT]",
                 summary: L("allocate COUNT objects (default 1) of SIZE bytes on the ordinary heap, held by NAME")),
            Verb("use", usage: "use NAME",
                 summary: L("touch NAME's objects: a fault with Go's message if they lie in a chunk set to fault"),
                 arguments: [.name]),
            Verb("drop", usage: "drop NAME",
                 summary: L("the program forgets NAME: heap objects become garbage for the next gc"),
                 arguments: [.name]),
            Verb("gc", usage: "gc",
                 summary: L("one GC cycle: marks each held heap object and each live chunk (one object each), sweeps dropped heap objects one by one, recycles freed chunks nothing points into")),
            Verb("arenas", usage: "arenas", summary: L("show the arenas and their chunks"), changesState: false),
            Verb("objects", usage: "objects", summary: L("show the names the program holds and where their objects live"), changesState: false),
        ],
        state: [
            StateField("arena.count", "int", L("arenas made and not yet freed")),
            StateField("arena.objects", "int", L("objects in the chunks of arenas not yet freed")),
            StateField("arena.bytes", "int", L("bytes of those objects (each size rounded up to 8)")),
            StateField("arena.chunks", "int", L("chunks held by arenas not yet freed")),
            StateField("arenas.*.freed", "bool", L("whether the arena was freed")),
            StateField("arenas.*.objects", "int", L("objects placed in the arena's chunks (objects over 2 MiB go to the heap instead)")),
            StateField("arenas.*.bytes", "int", L("bytes placed in the arena's chunks")),
            StateField("arenas.*.chunks", "int", L("chunks the arena holds (0 once freed)")),
            StateField("chunks.mapped", "int", L("8 MiB chunks of address space mapped so far (64 MiB at a time)")),
            StateField("chunks.live", "int", L("chunks held by arenas not yet freed")),
            StateField("chunks.reuse", "int", L("freed arenas' last chunks, kept mapped for the next arena: touching them does not fault")),
            StateField("chunks.quarantined", "int", L("freed chunks set to fault, waiting for a gc that finds no pointer into them")),
            StateField("chunks.ready", "int", L("chunks ready to be handed to an arena")),
            StateField("objects.*.where", "string", L("\"heap\" or \"arena\"")),
            StateField("objects.*.arena", "string", L("the arena the objects were allocated through, or nil")),
            StateField("objects.*.count", "int", L("how many objects the name holds")),
            StateField("objects.*.size", "int", L("bytes per object, as requested")),
            StateField("objects.*.faults", "bool", L("whether `use` on the name would fault now")),
            StateField("heap.objects", "int", L("objects on the ordinary heap, held or awaiting the sweep")),
            StateField("heap.garbage", "int", L("dropped heap objects the next gc will sweep")),
            StateField("faults", "int", L("faults and panics the program hit (use after free, calls on a freed arena)")),
            StateField("last_fault", "string", L("what Go printed for the last fault, or nil")),
            StateField("unnoticed", "int", L("uses of a freed arena's memory that did not fault (its chunk was not set to fault)")),
            StateField("gc.cycles", "int", L("GC cycles run")),
            StateField("gc.objects_marked", "int", L("heap objects the last cycle marked, one by one")),
            StateField("gc.chunks_marked", "int", L("arena chunks the last cycle marked, each as one object")),
            StateField("gc.objects_swept", "int", L("heap objects freed by sweeping, one by one, over all cycles")),
            StateField("gc.chunks_recycled", "int", L("freed chunks moved from quarantine to the ready list, over all cycles")),
        ],
        example: ExampleExercise(
            task: "Arena `a` holds 1000 objects of 64 bytes. Free all of them at once, with a single command.",
            setup: ["arena new a", "arena alloc a nodes 64 1000"],
            check: [#"arenas.a.freed => "Arena a is still live: one command frees it, and everything in it.""#,
                    #"arena.objects == 0 => "{arena.objects} object(s) are still in live arenas.""#],
            solution: ["arena free a"],
            hints: ["The `arena` command has a sub-command that frees a whole arena.", "`arena free a`."])
    ) }

    public mutating func execute(_ command: Command, in context: SimulationContext) throws(SimulatorError) -> String {
        switch command.verb {
        case "arena": return try arenaCommand(command)
        case "new": return try allocate(command)
        case "use": return try use(command)
        case "drop": return try drop(command)
        case "gc": return try collect(command)
        case "arenas":
            try Arguments.expect(command, count: 0, usage: "arenas")
            return arenaTable(in: context)
        default:
            try Arguments.expect(command, count: 0, usage: "objects")
            return objectTable()
        }
    }

    public func render(in context: SimulationContext) -> String {
        arenaTable(in: context) + "\n\n" + objectTable()
    }

    public func knownNames() -> [String] { arenas.map(\.name) + groups.map(\.name) }

    public func stateTree() -> Value {
        let live = arenas.filter { !$0.freed }
        var arenaRecords = Record()
        for a in arenas {
            arenaRecords[a.name] = ["freed": .bool(a.freed), "objects": .int(a.objects),
                                    "bytes": .int(a.bytes), "chunks": .int(a.chunks.count)]
        }
        var objectRecords = Record()
        for g in groups {
            objectRecords[g.name] = ["where": .string(g.onHeap ? "heap" : "arena"), "arena": .optional(g.arena),
                                     "count": .int(g.count), "size": .int(g.size),
                                     "faults": .bool(faultAddress(of: g) != nil)]
        }
        return [
            "arena": ["count": .int(live.count), "objects": .int(live.map(\.objects).reduce(0, +)),
                      "bytes": .int(live.map(\.bytes).reduce(0, +)), "chunks": .int(live.map(\.chunks.count).reduce(0, +))],
            "arenas": .record(arenaRecords),
            "chunks": ["mapped": .int(pool.chunks.count), "live": .int(live.map(\.chunks.count).reduce(0, +)),
                       "reuse": .int(pool.reuse.count), "quarantined": .int(pool.count { $0 == .quarantined }),
                       "ready": .int(pool.ready.count)],
            "objects": .record(objectRecords),
            "heap": ["objects": .int(heapObjects), "garbage": .int(garbage)],
            "faults": .int(faults),
            "last_fault": .optional(lastFault),
            "unnoticed": .int(unnoticed),
            "gc": ["cycles": .int(gcCycles), "objects_marked": .int(objectsMarked), "chunks_marked": .int(chunksMarked),
                   "objects_swept": .int(objectsSwept), "chunks_recycled": .int(chunksRecycled)],
        ]
    }

    /// Held heap objects plus the garbage not yet swept.
    var heapObjects: Int { groups.filter(\.onHeap).map(\.count).reduce(0, +) + garbage }

    /// The address the first touch of a group faults at, or nil when
    /// touching it is allowed or goes unnoticed.
    func faultAddress(of group: ObjectGroup) -> Int? {
        for part in group.parts where pool.chunks[part.chunk].faults {
            return pool.chunks[part.chunk].base + part.offset
        }
        return nil
    }
}

import Testing
import Grader
import TextKit
@testable import Simulators

@Suite struct ArenaSimulatorTests {
    func state(_ sim: ArenaSimulator, _ expr: String) throws -> Value {
        try stateValue(sim, expr)
    }

    func run(_ sim: inout ArenaSimulator, _ lines: [String]) throws {
        for line in lines { _ = try sim.run(line) }
    }

    @Test func newArenaTakesTheFirstChunkOfA64MiBMapping() throws {
        var sim = ArenaSimulator()
        let out = try sim.run("arena new A")
        #expect(out.contains("0x40c000000000"))
        #expect(try state(sim, "arena.count") == 1)
        #expect(try state(sim, "arena.chunks") == 1)
        #expect(try state(sim, "chunks.mapped") == 8)
        #expect(try state(sim, "chunks.ready") == 7)
        #expect(try state(sim, "arenas.A.freed") == false)
    }

    @Test func allocBumpsObjectsIntoTheArena() throws {
        var sim = ArenaSimulator()
        try run(&sim, ["arena new A", "arena alloc A reqs 60 1000"])
        #expect(try state(sim, "arena.objects") == 1000)
        // 60 bytes round up to 64: word alignment.
        #expect(try state(sim, "arena.bytes") == 64000)
        #expect(try state(sim, "objects.reqs.where") == "arena")
        #expect(try state(sim, "objects.reqs.arena") == "A")
        #expect(try state(sim, "objects.reqs.count") == 1000)
        #expect(try state(sim, "objects.reqs.size") == 60)
        #expect(try state(sim, "heap.objects") == 0)
        #expect(try sim.run("use reqs").hasPrefix("ok"))
        #expect(try state(sim, "faults") == 0)
    }

    @Test func fullChunksFaultAfterFreeWithGosMessage() throws {
        var sim = ArenaSimulator()
        // 8,257,488 usable bytes hold three 2 MiB objects; the fourth takes chunk #1.
        try run(&sim, ["arena new A", "arena alloc A img 2MiB 4"])
        #expect(try state(sim, "arenas.A.chunks") == 2)
        _ = try sim.run("arena free A")
        #expect(try state(sim, "arena.count") == 0)
        #expect(try state(sim, "chunks.quarantined") == 1)
        #expect(try state(sim, "chunks.reuse") == 1)
        #expect(try state(sim, "objects.img.faults") == true)
        let out = try sim.run("use img")
        #expect(out.contains("accessed data from freed user arena 0x40c000000000\nfatal error: fault"))
        #expect(try state(sim, "faults") == 1)
        #expect(try state(sim, "last_fault") == "accessed data from freed user arena 0x40c000000000\nfatal error: fault")
    }

    @Test func theLastChunkGoesOnTheReuseListAndUseAfterFreeGoesUnnoticed() throws {
        var sim = ArenaSimulator()
        try run(&sim, ["arena new A", "arena alloc A req 64", "arena free A"])
        #expect(try state(sim, "chunks.reuse") == 1)
        #expect(try state(sim, "objects.req.faults") == false)
        let out = try sim.run("use req")
        #expect(out.contains("unnoticed"))
        #expect(try state(sim, "faults") == 0)
        #expect(try state(sim, "unnoticed") == 1)
    }

    @Test func aReusedChunkFaultsOnceItsNextArenaFillsAndFreesIt() throws {
        var sim = ArenaSimulator()
        try run(&sim, ["arena new A", "arena alloc A a 64", "arena free A", "arena new B"])
        // B takes A's partly used chunk #0 back from the reuse list.
        #expect(try state(sim, "chunks.reuse") == 0)
        let out = try sim.run("arena alloc B fill 2MiB 4")
        #expect(out.contains("0x40c000000040"))
        _ = try sim.run("arena free B")
        #expect(try sim.run("use a").contains("accessed data from freed user arena 0x40c000000000"))
        #expect(try state(sim, "faults") == 1)
    }

    @Test func objectsOver2MiBGoToTheHeapAndSurviveTheFree() throws {
        var sim = ArenaSimulator()
        try run(&sim, ["arena new A", "arena alloc A big 3MiB", "arena free A"])
        #expect(try state(sim, "objects.big.where") == "heap")
        #expect(try state(sim, "arenas.A.objects") == 0)
        #expect(try state(sim, "heap.objects") == 1)
        #expect(try sim.run("use big").hasPrefix("ok"))
        #expect(try state(sim, "faults") == 0)
    }

    @Test func callsOnAFreedArenaDereferenceNil() throws {
        var sim = ArenaSimulator()
        try run(&sim, ["arena new A", "arena free A"])
        let again = try sim.run("arena free A")
        #expect(again.contains("panic: runtime error: invalid memory address or nil pointer dereference"))
        _ = try sim.run("arena alloc A x 8")
        #expect(try state(sim, "faults") == 2)
        #expect(try state(sim, "last_fault") == "panic: runtime error: invalid memory address or nil pointer dereference")
        #expect(sim.groups.isEmpty)
    }

    @Test func gcSweepsHeapObjectsOneByOneButArenaChunksAsWholes() throws {
        var sim = ArenaSimulator()
        try run(&sim, ["new reqs 64 1000", "arena new A", "arena alloc A areqs 64 1000", "gc"])
        #expect(try state(sim, "gc.objects_marked") == 1000)
        #expect(try state(sim, "gc.chunks_marked") == 1)
        #expect(try state(sim, "gc.objects_swept") == 0)
        try run(&sim, ["drop reqs", "arena free A", "drop areqs"])
        #expect(try state(sim, "heap.garbage") == 1000)
        _ = try sim.run("gc")
        #expect(try state(sim, "gc.objects_swept") == 1000)
        #expect(try state(sim, "gc.objects_marked") == 0)
        #expect(try state(sim, "heap.objects") == 0)
        #expect(try state(sim, "gc.cycles") == 2)
    }

    @Test func gcRecyclesAFaultedChunkOnlyOnceNothingPointsIntoIt() throws {
        var sim = ArenaSimulator()
        try run(&sim, ["arena new A", "arena alloc A img 2MiB 4", "arena free A", "gc"])
        #expect(try state(sim, "chunks.quarantined") == 1)
        #expect(try state(sim, "gc.chunks_marked") == 2)
        #expect(try state(sim, "gc.chunks_recycled") == 0)
        try run(&sim, ["drop img", "gc"])
        #expect(try state(sim, "chunks.quarantined") == 0)
        #expect(try state(sim, "gc.chunks_recycled") == 1)
        #expect(try state(sim, "chunks.ready") == 7)
    }

    @Test func badCommandsLeaveStateUnchanged() throws {
        var sim = ArenaSimulator()
        try run(&sim, ["arena new A", "new x 64"])
        let before = sim.stateTree()
        for bad in ["arena", "arena make B", "arena new A", "arena new x", "arena alloc B y 64", "arena alloc A x 64",
                    "arena alloc A y 0", "arena alloc A y 64 0", "arena alloc A y 64 lots", "new A 8", "new 9x 8",
                    "use nothing", "drop nothing", "gc now", "arenas all", "objects x", "new y 1GiB 2", "new y 8 2000000", "alloc A y 8"] {
            #expect(throws: SimulatorError.self, "\(bad)") { try sim.run(bad) }
        }
        #expect(sim.stateTree() == before)
    }

    @Test func unknownNamesSuggestTheClosest() throws {
        var sim = ArenaSimulator()
        try run(&sim, ["arena new reqs", "new users 64"])
        #expect {
            try sim.run("use userz")
        } throws: { error in
            (error as? SimulatorError)?.message.contains("`users`") == true
        }
        #expect {
            try sim.run("arena free reqz")
        } throws: { error in
            (error as? SimulatorError)?.message.contains("`reqs`") == true
        }
    }

    @Test func addressSpaceIsBounded() throws {
        var sim = ArenaSimulator()
        _ = try sim.run("arena new A")
        // 500 objects of 2 MiB take 167 chunks; the 2048-chunk limit refuses the 13th batch.
        var refused: SimulatorError?
        for i in 1...13 {
            do { _ = try sim.run("arena alloc A g\(i) 2MiB 500") } catch { refused = error; break }
        }
        #expect(refused?.message.contains("at most 2048 arena chunks") == true)
        #expect(sim.pool.chunks.count <= ArenaSimulator.maxChunks)
    }

    @Test func viewsDoNotChangeState() throws {
        var sim = ArenaSimulator()
        try run(&sim, ["arena new A", "arena alloc A img 2MiB 4", "new n 64", "arena free A"])
        let before = sim.stateTree()
        let arenas = try sim.run("arenas")
        #expect(arenas.contains("0x40c000000000"))
        #expect(arenas.contains("freed"))
        let objects = try sim.run("objects")
        #expect(objects.contains("faults at 0x40c000000000"))
        #expect(objects.contains("heap"))
        #expect(sim.stateTree() == before)
        #expect(ArenaSimulator.info.verb("arenas")?.changesState == false)
        #expect(ArenaSimulator.info.verb("objects")?.changesState == false)
        for line in sim.render(in: .plain).split(separator: "\n") {
            #expect(DisplayWidth.of(Ink.strip(String(line))) <= 80, "\(line)")
        }
    }

    @Test func messagesFitEightyColumns() throws {
        var sim = ArenaSimulator()
        // Found by the sim-arena fuzz target: the empty object table was 90 columns wide.
        for row in sim.render(in: .plain).split(separator: "\n") {
            #expect(DisplayWidth.of(Ink.strip(String(row))) <= 80, "\(row)")
        }
        for line in ["arena new requests", "arena alloc requests images 2MiB 7", "arena alloc requests headers 64 1000000",
                     "arena alloc requests video 3MiB 2", "new sessions 64 1000", "arena free requests", "use images",
                     "use headers", "use video", "arena free requests", "arena alloc requests more 64", "drop sessions",
                     "drop images", "gc", "arenas", "objects"] {
            for row in try sim.run(line).split(separator: "\n") {
                #expect(DisplayWidth.of(Ink.strip(String(row))) <= 80, "\(line): \(row)")
            }
        }
    }

    @Test func everyStatePathIsDocumented() throws {
        var sim = ArenaSimulator()
        try run(&sim, ["arena new A", "arena alloc A x 64", "new y 64", "use x", "gc"])
        for p in leafPaths(of: sim.stateTree()) {
            #expect(ArenaSimulator.info.documents(path: p), "\(p)")
        }
    }
}

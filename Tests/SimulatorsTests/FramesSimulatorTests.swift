import Testing
import Grader
import TextKit
@testable import Simulators

@Suite struct FramesSimulatorTests {
    func state(_ sim: FramesSimulator, _ expr: String) throws -> Value {
        try stateValue(sim, expr)
    }

    func run(_ sim: inout FramesSimulator, _ lines: [String]) throws -> String {
        var out = ""
        for line in lines { out = Ink.strip(try sim.run(line)) }
        return out
    }

    // MARK: - Stack

    @Test func startsWithMainAndAnEmptyHeap() throws {
        let sim = FramesSimulator()
        #expect(try state(sim, "stack.depth") == 1)
        #expect(try state(sim, "stack.frames") == ["main"])
        #expect(try state(sim, "heap.size") == 256)
        #expect(try state(sim, "heap.blocks") == 0)
        #expect(try state(sim, "heap.free") == 256)
        #expect(try state(sim, "heap.largest_free") == 256)
        #expect(try state(sim, "errors.count") == 0)
        #expect(try state(sim, "errors.last") == "")
        #expect(try state(sim, "errors.kinds") == [])
        #expect(try state(sim, "exited") == false)
    }

    @Test func callAndRetPushAndPopFrames() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["call f", "call g"])
        #expect(try state(sim, "stack.depth") == 3)
        #expect(try state(sim, "stack.frames") == ["main", "f", "g"])
        _ = try sim.run("ret")
        #expect(try state(sim, "stack.frames") == ["main", "f"])
    }

    @Test func localsTakeSlotsGrowingDownAcrossFrames() throws {
        var sim = FramesSimulator()
        #expect(try run(&sim, ["local a = 1"]) == "a = 1 at 0x7FF8 in main")
        #expect(try run(&sim, ["local b = 2"]) == "b = 2 at 0x7FF0 in main")
        #expect(try run(&sim, ["call f", "local c = 3"]) == "c = 3 at 0x7FE8 in f")
        #expect(try run(&sim, ["set c = -4"]) == "c = -4")
        let view = Ink.strip(try sim.run("stack"))
        #expect(view.contains("0x7FE8  c    = -4"))
        #expect(view.contains("0x7FF0  b    = 2"))
        // The popped frame's slot is handed out again.
        #expect(try run(&sim, ["ret", "call g", "local d = 5"]) == "d = 5 at 0x7FE8 in g")
    }

    @Test func refPointsToALocalOfAnyLiveFrameAndStoreLoadFollowIt() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["local x = 1", "call f"])
        #expect(try run(&sim, ["ref p = &x"]) == "p = 0x7FF8 → `x` of main")
        #expect(try run(&sim, ["store *p = 42"]) == "*p = 42 (`x` of main at 0x7FF8)")
        #expect(try run(&sim, ["load *p"]) == "*p = 42 (`x` of main at 0x7FF8)")
        #expect(try run(&sim, ["ret"]) .hasPrefix("returned from f"))
        #expect(Ink.strip(try sim.run("stack")).contains("x    = 42"))
    }

    @Test func retWithAValueHandsItToTheCaller() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["call f", "local n = 7"])
        let out = try run(&sim, ["ret n"])
        #expect(out.contains("main: n = 7"))
        #expect(try run(&sim, ["set n = 8"]) == "n = 8")
    }

    // MARK: - Heap and the allocator

    @Test func mallocIsFirstFitAndEightByteAligned() throws {
        var sim = FramesSimulator()
        #expect(try run(&sim, ["malloc a 64"]) == "a = 0x1000: a 64-byte block at [0x1000,0x1040)")
        #expect(try run(&sim, ["malloc b 30"]) == "b = 0x1040: a 32-byte block at [0x1040,0x1060)\n  30 bytes asked, rounded up to a multiple of 8")
        #expect(try run(&sim, ["malloc c 64"]).hasPrefix("c = 0x1060"))
        _ = try sim.run("free b")
        // The freed 32-byte gap at 0x1040 is the first that fits 16 bytes…
        #expect(try run(&sim, ["malloc d 16"]).hasPrefix("d = 0x1040"))
        // …but not 24: that goes after c, at the lowest gap big enough.
        #expect(try run(&sim, ["malloc e 24"]).hasPrefix("e = 0x10A0"))
        // 8 bytes are left between d and c: the first gap again.
        #expect(try run(&sim, ["malloc f 1"]).hasPrefix("f = 0x1050"))
        #expect(try state(sim, "heap.blocks") == 5)
        #expect(try state(sim, "heap.used") == .int(64 + 16 + 8 + 64 + 24))
        #expect(try state(sim, "heap.free") == .int(256 - 176))
        #expect(try state(sim, "heap.largest_free") == .int(0x1100 - 0x10B8))
    }

    @Test func heapSizeIsSetBeforeTheFirstMalloc() throws {
        var sim = FramesSimulator()
        _ = try sim.run("heap size 1KiB")
        #expect(try state(sim, "heap.size") == 1024)
        #expect(try state(sim, "heap.free") == 1024)
        #expect(Ink.strip(try sim.run("heap")).hasPrefix("heap [0x1000,0x1400), 1024 bytes"))
        for bad in ["heap size 12", "heap size 8", "heap size 32KiB", "heap size", "heap width 64", "heap size x"] {
            #expect(throws: SimulatorError.self, "\(bad)") { try sim.run(bad) }
        }
        _ = try sim.run("malloc p 8")
        #expect(throws: SimulatorError.self) { try sim.run("heap size 512") }
    }

    @Test func memoryIsNotClearedByMalloc() throws {
        var sim = FramesSimulator()
        #expect(try run(&sim, ["malloc p 16", "load *p"]) == "*p = ? (never written: malloc does not clear memory)")
        _ = try run(&sim, ["store *p = 99", "free p", "malloc q 16"])
        #expect(try run(&sim, ["load *q"]) == "*q = 99 (at 0x1000)")
    }

    // MARK: - Detected bugs

    @Test func doubleFreeIsReportedAndTheHeapStaysIntact() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["malloc p 64", "free p"])
        let heapBefore = sim.heap
        let treeBefore = try state(sim, "heap")
        let out = try run(&sim, ["free p"])
        #expect(out == """
            ERROR: AddressSanitizer: attempting double-free on 0x1000
              `p` still holds the address of a freed block
              0x1000 is located 0 bytes inside of 64-byte region [0x1000,0x1040)
              freed by `free p` in main
              previously allocated by `malloc p 64` in main
              This free was refused: the heap is unchanged.
            """)
        #expect(try state(sim, "errors.kinds") == ["double-free"])
        #expect(try state(sim, "errors.count") == 1)
        #expect(try state(sim, "errors.last") == .string("attempting double-free on 0x1000 through `p`: the block was already freed by `free p` in main"))
        #expect(sim.heap == heapBefore)
        #expect(try state(sim, "heap") == treeBefore)
        #expect(try state(sim, "heap.free") == 256)
    }

    @Test func doubleFreeIsCaughtAfterTheMemoryWasReused() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["malloc p 32", "call f", "ref q = &p", "ret", "malloc r 32", "free p", "malloc s 32"])
        // s reuses p's memory: freeing p again must not free s's block.
        #expect(try run(&sim, ["free p"]).contains("double-free"))
        #expect(try state(sim, "heap.blocks") == 2)
        #expect(try run(&sim, ["free s"]).hasPrefix("freed the 32-byte block at 0x1000"))
    }

    @Test func useAfterFreeIsReportedForReadsAndWrites() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["malloc p 64", "store *p = 1", "free p"])
        let read = try run(&sim, ["load *p"])
        #expect(read.hasPrefix("ERROR: AddressSanitizer: heap-use-after-free on address 0x1000\n  READ of size 8 at 0x1000 through `p`"))
        #expect(try state(sim, "errors.last") == "heap-use-after-free: READ of size 8 at 0x1000 through `p`, whose block was freed by `free p` in main")
        // The memory is reused: the stale pointer must not reach the new block.
        _ = try run(&sim, ["malloc q 64", "store *q = 7"])
        let write = try run(&sim, ["store *p = 666"])
        #expect(write.contains("WRITE of size 8"))
        #expect(write.contains("That memory now belongs to the block allocated by `malloc q 64` in main."))
        #expect(try run(&sim, ["load *q"]) == "*q = 7 (at 0x1000)")
        #expect(try state(sim, "errors.kinds") == ["use-after-free", "use-after-free"])
    }

    @Test func danglingStackPointerAfterRetIsReported() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["call f", "local x = 5", "ref p = &x"])
        let ret = try run(&sim, ["ret p"])
        #expect(ret.contains("main: p = 0x7FF8"))
        #expect(ret.contains("warning: f returned the address of its local `x`"))
        #expect(Ink.strip(try sim.run("stack")).contains("→ `x` of f, which returned: dangling"))
        let out = try run(&sim, ["load *p"])
        #expect(out == """
            ERROR: AddressSanitizer: stack-use-after-return on address 0x7FF8
              READ of size 8 at 0x7FF8 through `p`
              0x7FF8 was the slot of `x` in frame f, popped by `ret`
              The slot now holds `p` of main: the access would have hit it.
              The access was stopped: memory is unchanged.
            """)
        // main's p took the slot x had: the report says who lives there now.
        #expect(try state(sim, "errors.last") == "stack-use-after-return: READ of size 8 at 0x7FF8 through `p`, which points to `x` of `f`, a frame that has returned")
        _ = try sim.run("store *p = 1")
        #expect(try state(sim, "errors.kinds") == ["dangling-stack-pointer", "dangling-stack-pointer"])
        // The write was stopped: p still holds its address.
        #expect(Ink.strip(try sim.run("stack")).contains("p    = 0x7FF8"))
    }

    @Test func aNewFrameOfTheSameNameDoesNotReviveADanglingPointer() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["local keep = 0", "call f", "local x = 5", "ref p = &x", "ret p", "call f", "local x = 6"])
        _ = try sim.run("ret")
        #expect(try run(&sim, ["load *p"]).contains("stack-use-after-return"))
    }

    @Test func outOfMemorySaysHowMuchIsFreeInHowManyPieces() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["malloc a 200"])
        let out = try run(&sim, ["malloc b 100"])
        #expect(out.hasPrefix("ERROR: AddressSanitizer: out of memory: malloc(100) needs 104 bytes\n  only 56 bytes are free, in 1 piece(s), the largest 56 bytes"))
        #expect(try state(sim, "errors.last") == "out of memory: malloc(100) needs 104 bytes; only 56 bytes are free, in 1 piece(s), the largest 56 bytes")
        #expect(out.contains("`b` is unchanged"))
        #expect(try state(sim, "errors.kinds") == ["out-of-memory"])
        #expect(try state(sim, "heap.blocks") == 1)
        #expect(sim.stack.topLocal("b") == nil)
    }

    @Test func fragmentationFailsAlthoughEnoughBytesAreFree() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["malloc a 64", "malloc b 64", "malloc c 64", "malloc d 64", "free a", "free c"])
        #expect(try state(sim, "heap.free") == 128)
        #expect(try state(sim, "heap.largest_free") == 64)
        let out = try run(&sim, ["malloc e 128"])
        #expect(out.contains("128 bytes are free but in 2 piece(s), the largest 64 bytes (fragmentation)"))
        #expect(try state(sim, "errors.last") == "out of memory: malloc(128) needs 128 bytes; 128 bytes are free but in 2 piece(s), the largest 64 bytes (fragmentation)")
        #expect(try state(sim, "errors.kinds") == ["out-of-memory"])
        // Freeing the block between the gaps joins them into one.
        _ = try sim.run("free b")
        #expect(try state(sim, "heap.largest_free") == 192)
        #expect(try run(&sim, ["malloc e 128"]).hasPrefix("e = 0x1000"))
        #expect(try state(sim, "errors.count") == 1)
    }

    @Test func exitReportsEveryBlockStillAllocatedAsLeaked() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["malloc a 60", "malloc b 32", "malloc c 8", "free b"])
        let out = Ink.strip(try sim.run("exit"))
        #expect(out.contains("ERROR: LeakSanitizer: detected memory leaks"))
        #expect(out.contains("Direct leak of 60 byte(s) in 1 object(s) at 0x1000\n  allocated by `malloc a 60` in main"))
        #expect(try state(sim, "errors.last") == "Direct leak of 8 byte(s) in 1 object(s) at 0x1060 allocated by `malloc c 8` in main")
        #expect(out.contains("SUMMARY: AddressSanitizer: 68 byte(s) leaked in 2 allocation(s)."))
        #expect(try state(sim, "heap.leaked") == 2)
        #expect(try state(sim, "errors.kinds") == ["leak", "leak"])
        #expect(try state(sim, "exited") == true)
        #expect(try state(sim, "stack.depth") == 0)
        #expect(throws: SimulatorError.self) { try sim.run("malloc p 8") }
        #expect(throws: SimulatorError.self) { try sim.run("exit") }
        #expect(try sim.run("stack").contains("exited"))
    }

    @Test func exitWithoutLeaks() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["malloc a 16", "free a"])
        #expect(try run(&sim, ["exit"]) == "the program exited: no leaks")
        #expect(try state(sim, "heap.leaked") == 0)
        #expect(try state(sim, "errors.count") == 0)
    }

    // MARK: - Views

    @Test func heapViewMapsBlocksGapsAndWhoPointsWhere() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["malloc p 64", "malloc q 32", "malloc r 16", "free q", "malloc p 8"])
        let view = Ink.strip(try sim.run("heap"))
        #expect(view.hasPrefix("heap [0x1000,0x1100), 256 bytes\nused 88 in 3 block(s); free 168 in 2 gap(s), the largest 144\n"))
        // One character per 8 bytes: A (64 B) then p's new block, the gap, C.
        #expect(view.contains("|AAAAAAAAB...CC" + String(repeating: ".", count: 18) + "|  one character = 8 bytes"))
        #expect(view.contains("A 0x1000     64 B  block  ← nobody: unreachable, it will leak"))
        #expect(view.contains("B 0x1040      8 B  block  ← p (main)"))
        #expect(view.contains("  0x1048     24 B  free"))
        #expect(view.contains("C 0x1060     16 B  block  ← r (main)"))
        #expect(view.contains("dangling (their blocks were freed): q (main)"))
    }

    @Test func viewsFitTheWidthAndDoNotChangeState() throws {
        var sim = FramesSimulator()
        _ = try sim.run("heap size 16KiB")
        _ = try run(&sim, ["malloc p 4KiB", "call f", "local a_rather_long_variable_name = 1"])
        let before = sim.stateTree()
        let narrow = SimulationContext(width: 40, isInterrupted: { false })
        for view in ["stack", "heap"] {
            let out = try sim.run(view, in: narrow)
            for line in Ink.balancedLines(out) { #expect(DisplayWidth.of(line) <= 40, "\(line)") }
        }
        #expect(!sim.render(in: .plain).isEmpty)
        #expect(sim.stateTree() == before)
        #expect(FramesSimulator.info.verb("stack")?.changesState == false)
    }

    @Test func knownNamesAreLocalsAndFrames() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["local x = 1", "call f", "malloc p 8"])
        #expect(sim.knownNames() == ["x", "p", "main", "f"])
    }

    // MARK: - Malformed commands

    @Test func malformedCommandsThrowAndLeaveStateUnchanged() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["local n = 1", "malloc p 16", "call f", "local y = 2", "ref q = &n"])
        let before = sim.stateTree()
        let bad = [
            "local y = 3", "local z", "local z = abc", "local 9z = 1", "set nope = 1", "set n = 1",
            "ref r = n", "ref r = &missing", "malloc p", "malloc r 0", "malloc r -8", "malloc r 2TiB",
            "free", "free y", "free q", "free p", "store p = 1", "store *y = 1", "load q", "load *y",
            "call", "call 1f", "ret a b", "ret missing", "heap size 64", "frob", "exit now",
        ]
        for line in bad {
            #expect(throws: SimulatorError.self, "\(line)") { try sim.run(line) }
        }
        #expect(sim.stateTree() == before)
        _ = try run(&sim, ["ret"])
        #expect(throws: SimulatorError.self) { try sim.run("ret") }
    }

    @Test func unknownLocalsSuggestTheClosest() throws {
        var sim = FramesSimulator()
        _ = try sim.run("local count = 1")
        #expect {
            try sim.run("set cuont = 2")
        } throws: { error in
            (error as? SimulatorError)?.message.contains("(did you mean `count`?)") == true
        }
        _ = try sim.run("call f")
        #expect {
            try sim.run("set count = 2")
        } throws: { error in
            (error as? SimulatorError)?.message.contains("belongs to another frame") == true
        }
    }

    @Test func callsAndLocalsAreBounded() throws {
        var sim = FramesSimulator()
        for _ in 1..<FramesStack.maxDepth { _ = try sim.run("call f") }
        #expect(throws: SimulatorError.self) { try sim.run("call f") }
        var locals = FramesSimulator()
        for i in 0..<FramesStack.slotCapacity { _ = try locals.run("local v\(i) = \(i)") }
        #expect(throws: SimulatorError.self) { try locals.run("local more = 1") }
    }

    @Test func aLongSessionReportsEveryKindOfBug() throws {
        var sim = FramesSimulator()
        let long = "a_pointer_with_a_very_long_name1"
        let lines = [
            "heap size 16KiB", "local n = 3", "malloc \(long) 4000", "malloc q 30", "malloc r 12000", "free q",
            "call a_function_with_a_long_name", "local x = 5", "ref px = &x", "ref pn = &n", "store *pn = 9",
            "ret px", "load *px", "store *px = 1", "free \(long)", "free \(long)", "load *\(long)",
            "malloc q 8", "free q", "malloc big 12000", "stack", "heap", "exit",
        ]
        for line in lines { _ = try sim.run(line) }
        #expect(try state(sim, "errors.kinds") == ["dangling-stack-pointer", "dangling-stack-pointer", "double-free",
                                                    "use-after-free", "out-of-memory", "leak"])
    }

    @Test func everyStatePathIsDocumented() throws {
        var sim = FramesSimulator()
        _ = try run(&sim, ["malloc p 8", "free p", "free p", "exit"])
        for path in leafPaths(of: sim.stateTree()) {
            #expect(FramesSimulator.info.documents(path: path), "\(path)")
        }
    }
}

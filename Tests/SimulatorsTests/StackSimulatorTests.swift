import Testing
import Grader
import TextKit
@testable import Simulators

@Suite struct StackSimulatorTests {
    func state(_ sim: StackSimulator, _ expr: String) throws -> Value {
        try stateValue(sim, expr)
    }

    /// Runs the lines and returns the last output, unstyled.
    @discardableResult
    func run(_ sim: inout StackSimulator, _ lines: String...) throws -> String {
        var out = ""
        for line in lines { out = Ink.strip(try sim.run(line)) }
        return out
    }

    func expectState(_ sim: StackSimulator, _ pairs: KeyValuePairs<String, Value>,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for (path, value) in pairs {
            #expect(try state(sim, path) == value, "\(path)", sourceLocation: sourceLocation)
        }
    }

    // MARK: - Defaults and the worked figures

    @Test func startsAsGoDoesToday() throws {
        let sim = StackSimulator()
        try expectState(sim, [
            "mode": "copying", "stack.size": 2048, "stack.start": 2048, "stack.max": 1_000_000_000,
            "stack.used": 0, "stack.depth": 0, "stack.frames": [], "stack.segments": 1, "stack.splits": 0,
            "stack.copies": 0, "stack.allocations": 1, "overflow": false, "cost": 20,
        ])
    }

    @Test func copyingWorkedFigure() throws {
        var sim = StackSimulator()
        let out = try run(&sim, "mode copying", "start 2KiB", "recurse f 100 128")
        try expectState(sim, [
            "stack.copies": 3, "stack.size": 16384, "stack.used": 12800, "stack.depth": 100,
            "stack.bytes_copied": Value.int(2048 + 4096 + 8192), "stack.allocations": 4, "stack.calls": 100,
            // 100 calls × 1 + 4 allocations × 20 + 14336 bytes ÷ 8
            "cost": 1972,
        ])
        #expect(out.contains("copied 2 KiB → 4 KiB: 2048 bytes, moved by +0x1000, 0 pointer(s) adjusted"))
        #expect(out.contains("copied 8 KiB → 16 KiB: 8192 bytes, moved by +0x4000, 0 pointer(s) adjusted"))
    }

    @Test func segmentedHotSplitWorkedFigure() throws {
        var sim = StackSimulator()
        let out = try run(&sim, "mode segmented", "start 2KiB", "recurse f 15 128", "hot 1000 g 256")
        try expectState(sim, [
            "stack.splits": 1001, "stack.segments": 1, "stack.size": 2048, "stack.used": 1920,
            "stack.depth": 15, "stack.calls": 1015, "stack.allocations": 1001, "stack.copies": 0,
            // 1015 calls × 1 + 1001 allocations × 20
            "cost": 21035,
        ])
        #expect(out.contains("1000 × (call g of 256 bytes, ret)\nsegments allocated and freed: 1000 · stack copies: 0 · cost +21000"))
        #expect(out.contains("hot split"))
    }

    @Test func copyingCuresTheHotSplit() throws {
        var sim = StackSimulator()
        let out = try run(&sim, "mode copying", "start 2KiB", "recurse f 15 128", "hot 1000 g 256")
        try expectState(sim, [
            "stack.copies": 1, "stack.splits": 0, "stack.size": 4096, "stack.used": 1920,
            "stack.bytes_copied": 1920, "stack.calls": 1015, "stack.allocations": 2,
            // 1015 calls × 1 + 2 allocations × 20 + 1920 bytes ÷ 8
            "cost": 1295,
        ])
        #expect(!out.contains("hot split"))
    }

    @Test(arguments: StackMode.allCases)
    func hotCountsExactlyWhatTheLoopWouldDo(mode: StackMode) throws {
        var looped = StackSimulator()
        var counted = StackSimulator()
        for line in ["mode \(mode)", "recurse f 14 128", "call a 64", "local x"] {
            try run(&looped, line)
            try run(&counted, line)
        }
        // 1856 bytes are used: a 200-byte frame crosses the 2 KiB boundary
        // (a fixed stack would overflow, so there it is 192 bytes, which fit).
        let frame = mode == .fixed ? 192 : 200
        for _ in 0..<7 { try run(&looped, "call g \(frame)", "ret") }
        try run(&counted, "hot 7 g \(frame)")
        #expect(looped.stateTree() == counted.stateTree())
        #expect(looped.goroutine == counted.goroutine)
    }

    // MARK: - Fixed

    @Test func fixedStackOverflowsAndKeepsTheStack() throws {
        var sim = StackSimulator()
        try run(&sim, "mode fixed", "start 2KiB", "recurse f 16 128")
        try expectState(sim, ["stack.used": 2048, "stack.size": 2048, "overflow": false])
        let before = sim.goroutine
        let out = try run(&sim, "call g 8")
        #expect(out.hasPrefix("stack overflow: g needs 8 bytes; the fixed 2048-byte stack has 0 free"))
        try expectState(sim, ["overflow": true, "stack.depth": 16, "stack.calls": 16])
        #expect(sim.goroutine == before)
        try run(&sim, "unwind")
        let deep = try run(&sim, "recurse f 100000000 8")
        #expect(deep.hasPrefix("stack overflow at depth 257: the fixed 2048-byte stack has 2048 bytes free,\nroom for only 256 more frame(s) of 8 bytes"))
        try expectState(sim, ["stack.depth": 0, "stack.copies": 0, "stack.size": 2048])
        #expect(try run(&sim, "hot 3 g 4KiB").hasPrefix("stack overflow: g needs 4096 bytes"))
        #expect(try run(&sim, "gc") == "gc: a fixed stack never changes size")
    }

    // MARK: - Segmented

    @Test func segmentedFramesNeverSpanSegments() throws {
        var sim = StackSimulator()
        try run(&sim, "mode segmented", "call a 2000")
        // 48 bytes are left: b gets a new segment of max(start, 100) = 2048.
        let out = try run(&sim, "call b 104")
        #expect(out.contains("1 new segment(s) allocated, 2048 bytes in all"))
        try expectState(sim, ["stack.segments": 2, "stack.size": 4096, "stack.used": 2104, "stack.splits": 2])
        // A frame bigger than `start` gets a segment of its own size.
        try run(&sim, "call c 5KiB")
        try expectState(sim, ["stack.segments": 3, "stack.size": 9216, "stack.splits": 3])
        #expect(try run(&sim, "ret").contains("1 segment(s) freed, 5120 bytes in all"))
        try expectState(sim, ["stack.segments": 2, "stack.size": 4096])
        try run(&sim, "call d 8")
        try expectState(sim, ["stack.segments": 2, "stack.splits": 3])
        try run(&sim, "unwind")
        try expectState(sim, ["stack.segments": 1, "stack.size": 2048, "stack.depth": 0, "stack.allocations": 3])
        #expect(try run(&sim, "gc").hasPrefix("gc: nothing to shrink"))
    }

    @Test func aFreedSegmentIsReusedFirst() throws {
        var sim = StackSimulator()
        try run(&sim, "mode segmented", "recurse f 16 128", "call g 64")
        let first = sim.goroutine.segments[1].base
        try run(&sim, "ret", "call g 64")
        #expect(sim.goroutine.segments[1].base == first)
        #expect(first == StackArena.base + 2048)
    }

    // MARK: - Copying

    @Test func aBigFrameDoublesUntilItFitsInOneCopy() throws {
        var sim = StackSimulator()
        try run(&sim, "call f 1KiB")
        let out = try run(&sim, "call big 10000")
        // 2 KiB → 4 KiB → 8 KiB → 16 KiB: 16384 − 1024 ≥ 10000, one move.
        #expect(out.contains("copied 2 KiB → 16 KiB: 1024 bytes,"))
        try expectState(sim, ["stack.copies": 1, "stack.size": 16384, "stack.bytes_copied": 1024])
    }

    @Test func copyingAdjustsEveryPointerByTheDistanceMoved() throws {
        var sim = StackSimulator()
        try run(&sim, "call a 64", "local x", "local y", "call b 64")
        #expect(try run(&sim, "ref p -> x") == "p at 0x107B8 → 0x107F8 (x in a)")
        try run(&sim, "ref q -> y")
        // 15 frames of r fit in 2 KiB; the 16th copies 2048 bytes and moves
        // by +0x1000; 16 more fit; the 32nd copies 4096 bytes, +0x2000.
        let out = try run(&sim, "recurse r 40 128")
        #expect(out.contains("copied 2 KiB → 4 KiB: 2048 bytes, moved by +0x1000, 2 pointer(s) adjusted"))
        #expect(out.contains("copied 4 KiB → 8 KiB: 4096 bytes, moved by +0x2000, 2 pointer(s) adjusted"))
        try expectState(sim, ["stack.copies": 2, "stack.pointers_adjusted": 4, "stack.bytes_copied": 6144])
        let view = try run(&sim, "stack")
        #expect(view.contains("copying stack: 8 KiB reserved at [0x11800,0x13800)"))
        #expect(view.contains("x @0x137F8"))
        #expect(view.contains("p @0x137B8 → 0x137F8 (x in a)"))
        #expect(view.contains("q @0x137B0 → 0x137F0 (y in a)"))
        #expect(view.contains("r × 40  128 bytes each  [0x12380,0x13780)"))
    }

    @Test func gcShrinksToHalfUnderAQuarterButNotBelowStart() throws {
        var sim = StackSimulator()
        try run(&sim, "recurse f 100 128", "unwind", "call a 64", "local x", "ref p -> x")
        // 64 bytes used of 16 KiB: the 8 KiB block freed while growing is reused.
        let out = try run(&sim, "gc")
        #expect(out.contains("copied 16 KiB → 8 KiB: 64 bytes, moved by -0x4000, 1 pointer(s) adjusted"))
        try expectState(sim, ["stack.size": 8192, "stack.shrinks": 1, "stack.copies": 4, "stack.pointers_adjusted": 1])
        try run(&sim, "recurse g 8 128")
        // 1088 bytes used: under a quarter of 8 KiB, not of 4 KiB.
        try run(&sim, "gc")
        try expectState(sim, ["stack.size": 4096, "stack.shrinks": 2])
        #expect(try run(&sim, "gc") == "gc: no shrink — 1088 bytes used is not less than a quarter of 4096")
        try run(&sim, "unwind", "gc")
        try expectState(sim, ["stack.size": 2048, "stack.shrinks": 3])
        #expect(try run(&sim, "gc") == "gc: no shrink — half of 2048 would be below `start` (2048 bytes)")
        try expectState(sim, ["stack.size": 2048, "stack.shrinks": 3, "stack.bytes_copied": Value.int(14336 + 64 + 1088)])
    }

    // MARK: - Go's limit

    @Test func passingMaxIsGosFatalErrorAndChangesNothing() throws {
        var sim = StackSimulator()
        try run(&sim, "recurse f 10 8")
        let before = sim.stateTree()
        #expect {
            try sim.run("recurse f 100000000 8")
        } throws: { error in
            (error as? SimulatorError)?.message == "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow"
                && (error as? SimulatorError)?.hint?.contains("1073741824 bytes") == true
        }
        #expect(sim.stateTree() == before)
    }

    @Test func theLimitHoldsInEveryGrowingMode() throws {
        var segmented = StackSimulator()
        try run(&segmented, "mode segmented", "max 1MiB")
        let before = segmented.stateTree()
        #expect {
            try segmented.run("recurse f 1000 2KiB")
        } throws: { error in
            (error as? SimulatorError)?.message.hasPrefix("runtime: goroutine stack exceeds 1048576-byte limit") == true
        }
        #expect(segmented.stateTree() == before)
        // 511 more segments fit under 1 MiB: 512 frames of 2 KiB in all.
        try run(&segmented, "recurse f 512 2KiB")
        #expect(try state(segmented, "stack.size") == 1_048_576)
        #expect(throws: SimulatorError.self) { try segmented.run("call g 8") }
        #expect(try state(segmented, "stack.depth") == 512)

        var copying = StackSimulator()
        try run(&copying, "max 4KiB", "recurse f 32 128")
        #expect(try state(copying, "stack.size") == 4096)
        let full = copying.stateTree()
        for line in ["call g 8", "hot 3 g 8", "recurse g 1 8"] {
            #expect(throws: SimulatorError.self, "\(line)") { try copying.run(line) }
        }
        #expect(copying.stateTree() == full)
    }

    @Test func hugeRequestsEndAtOnceWithAClearMessage() throws {
        var sim = StackSimulator()
        try run(&sim, "mode segmented")
        let before = sim.stateTree()
        #expect {
            try sim.run("recurse f 100000000 8")
        } throws: { error in
            (error as? SimulatorError)?.message.contains("at most 100000 frames") == true
        }
        #expect(sim.stateTree() == before)
        #expect(throws: SimulatorError.self) { try sim.run("recurse f 2000000000000 8") }
        #expect(throws: SimulatorError.self) { try sim.run("hot 2000000000 f 8") }
        try run(&sim, "hot 1000000000 f 4KiB")
        #expect(try state(sim, "stack.splits") == 1_000_000_001)
    }

    @Test func anInterruptedRecursionChangesNothing() throws {
        var sim = StackSimulator()
        let before = sim.stateTree()
        let interrupted = SimulationContext(isInterrupted: { true })
        #expect(throws: SimulatorError.self) { try sim.run("recurse f 10000 8", in: interrupted) }
        #expect(sim.stateTree() == before)
    }

    // MARK: - Configuration and malformed commands

    @Test func configurationStartsAFreshGoroutine() throws {
        var sim = StackSimulator()
        try run(&sim, "recurse f 20 128")
        #expect(throws: SimulatorError.self) { try sim.run("mode fixed") }
        #expect(throws: SimulatorError.self) { try sim.run("start 4KiB") }
        try run(&sim, "unwind", "start 4KiB")
        try expectState(sim, ["stack.size": 4096, "stack.copies": 0, "stack.calls": 0, "cost": 20, "mode": "copying"])
        try run(&sim, "mode fixed", "recurse f 64 128", "call g 8")
        try run(&sim, "unwind", "max 1GiB")
        try expectState(sim, ["overflow": false, "stack.max": Value.int(1 << 30), "mode": "fixed"])
    }

    @Test func malformedCommandsThrowAndLeaveStateUnchanged() throws {
        var sim = StackSimulator()
        try run(&sim, "call a 8", "local x")
        let before = sim.stateTree()
        let bad = [
            "mode spiral", "mode", "start 1KiB", "call", "call b", "call b 12", "call b 0", "call 1b 8", "call b 2GiB",
            "recurse b 0 8", "recurse b x 8", "recurse b 10", "hot 0 b 8", "hot b 1 8", "local x", "local 2x",
            "local y", "local z", "ref p x", "ref p -> nope", "ref x -> x", "ret now", "unwind all", "gc now",
            "stats now", "stack now", "push b 8",
        ]
        for line in bad {
            #expect(throws: SimulatorError.self, "\(line)") { try sim.run(line) }
        }
        #expect(sim.stateTree() == before)
    }

    @Test func limitsOnConfiguration() throws {
        var sim = StackSimulator()
        for line in ["start 12", "start 0", "start 2GiB", "max 1KiB", "max 2TiB", "max lots"] {
            #expect(throws: SimulatorError.self, "\(line)") { try sim.run(line) }
        }
        #expect(throws: SimulatorError.self) { try sim.run("ret") }
        #expect(try run(&sim, "unwind").hasPrefix("returned from 0 frame(s)"))
    }

    @Test func refSuggestsAVariableAndFramesHoldTheirWords() throws {
        var sim = StackSimulator()
        try run(&sim, "call a 16", "local count", "call b 8")
        #expect {
            try sim.run("ref p -> cuont")
        } throws: { error in
            (error as? SimulatorError)?.message.contains("(did you mean `count`?)") == true
        }
        try run(&sim, "ref p -> count")
        #expect(throws: SimulatorError.self) { try sim.run("local q") }
        #expect(sim.knownNames() == ["p", "count"])
    }

    // MARK: - Views

    @Test func viewsFitTheWidthAndDoNotChangeState() throws {
        var sim = StackSimulator()
        try run(&sim, "mode segmented", "recurse f 3000 16", "call a_very_long_function_name 64", "local x", "ref p -> x")
        let before = sim.stateTree()
        for width in [40, 80] {
            let context = SimulationContext(width: width, isInterrupted: { false })
            for view in ["stack", "stats"] {
                let out = try sim.run(view, in: context)
                for line in Ink.balancedLines(out) { #expect(DisplayWidth.of(line) <= width, "\(line)") }
            }
        }
        let view = try run(&sim, "stack")
        #expect(view.contains("⋮ 19 more segment(s)"))
        #expect(sim.stateTree() == before)
        #expect(StackSimulator.info.verb("stack")?.changesState == false)
        #expect(StackSimulator.info.verb("stats")?.changesState == false)
    }

    @Test func statsWorksOutTheCost() throws {
        var sim = StackSimulator()
        let out = try run(&sim, "recurse f 15 128", "hot 1000 g 256", "stats")
        #expect(out.contains("cost 1295 = 1015 calls × 1 + 2 allocations × 20 + 1920 bytes copied ÷ 8"))
        #expect(out.contains("copies 1 (gc shrinks 0) · bytes copied 1920 · pointers adjusted 0"))
    }

    @Test func theDiagramShowsFramesTheStackPointerAndFreeSpace() throws {
        var sim = StackSimulator()
        let view = try run(&sim, "recurse f 3 128", "call g 64", "local x", "stack")
        let expected = """
        copying stack: 2 KiB reserved at [0x10000,0x10800)
        448 bytes used, depth 4
        0x10800 ┌────────────────────────────────────────────────────────────┐
                │ f × 3  128 bytes each  [0x10680,0x10800)                   │
                │ g  64 bytes  [0x10640,0x10680)                             │
                │   x @0x10678                                               │
        0x10640 ├────────────────────────────────────────────────────────────┤ sp
                │ free: 1600 bytes                                           │
        0x10000 └────────────────────────────────────────────────────────────┘
        """
        #expect(view == expected)
    }

    @Test func everyStatePathIsDocumented() throws {
        var sim = StackSimulator()
        try run(&sim, "call a 64", "local x", "ref p -> x", "gc")
        for path in leafPaths(of: sim.stateTree()) {
            #expect(StackSimulator.info.documents(path: path), "\(path)")
        }
    }
}

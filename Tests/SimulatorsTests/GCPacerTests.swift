import Testing
import Grader
@testable import Simulators

/// The pacer against the GC guide's worked example, GOGC=off and GOMEMLIMIT.
@Suite struct GCPacerTests {
    static let guide = ["gogc 100", "live 8MiB", "stacks 1MiB", "globals 1MiB"]

    @Test func guideExampleGoalIs18MiB() throws {
        let h = try GCHarness(Self.guide)
        #expect(try h.state("heap.goal") == 18874368)
        #expect(try h.state("heap.goal == 18MiB") == true)
        #expect(try h.state("heap.limited") == false)
    }

    @Test func freshHeapUsesTheMinimumScaledByGOGC() throws {
        var h = try GCHarness()
        #expect(try h.state("heap.goal") == 4194304)
        try h.run("gogc 50")
        #expect(try h.state("heap.goal") == 2097152)
        try h.run(["gogc 100", "live 1MiB"])
        #expect(try h.state("heap.goal") == 4194304)
        try h.run("live 3MiB")
        #expect(try h.state("heap.goal") == .int(6 << 20))
    }

    @Test func allocRunsACycleEachTimeTheGoalIsReached() throws {
        var h = try GCHarness(Self.guide + ["alloc 100MiB"])
        #expect(try h.state("gc.cycles") == 10)
        #expect(try h.state("heap.inuse") == .int(8 << 20))
        #expect(try h.state("pacer.allocated") == .int(100 << 20))
        try h.run("alloc 9MiB")
        #expect(try h.state("gc.cycles") == 10)
        try h.run("alloc 1MiB")
        #expect(try h.state("gc.cycles") == 11)
    }

    @Test func tuningGOGCChangesTheCycleCount() throws {
        for (gogc, cycles) in [(50, 20), (100, 10), (200, 5), (400, 2)] {
            let h = try GCHarness(Self.guide + ["gogc \(gogc)", "alloc 100MiB"])
            #expect(try h.state("gc.cycles") == .int(cycles), "GOGC=\(gogc)")
        }
    }

    @Test func gogcOffDisablesCollectionUnlessALimitIsSet() throws {
        var h = try GCHarness(Self.guide + ["gogc off"])
        #expect(try h.state("heap.goal") == nil)
        #expect(try h.state("pacer.gogc") == nil)
        try h.run("alloc 1GiB")
        #expect(try h.state("gc.cycles") == 0)
        #expect(try h.state("heap.inuse") == .int((8 << 20) + (1 << 30)))
        // runtime.GC still works.
        try h.run("gc")
        #expect(try h.state("heap.inuse") == .int(8 << 20))
        #expect(try h.state("gc.cycles") == 1)
        try h.run(["memlimit 20MiB", "alloc 100MiB"])
        #expect(try h.state("heap.goal") == .int(18 << 20))
        #expect(try h.state("heap.limited") == true)
        #expect(try h.state("gc.cycles") == 11)
    }

    @Test func memoryLimitCapsTheGoal() throws {
        var h = try GCHarness(Self.guide + ["memlimit 15MiB"])
        #expect(try h.state("heap.goal") == .int(13 << 20))
        #expect(try h.state("heap.limited") == true)
        try h.run("memlimit 1GiB")
        #expect(try h.state("heap.goal") == .int(18 << 20))
        #expect(try h.state("heap.limited") == false)
        // A limit below the live heap cannot be met: the goal stays 1 MiB above it.
        try h.run("memlimit 4MiB")
        #expect(try h.state("heap.goal") == .int(9 << 20))
        try h.run("memlimit off")
        #expect(try h.state("pacer.memlimit") == nil)
    }

    @Test func graphObjectsThatSurviveCountInTheLiveHeap() throws {
        var h = try GCHarness(Self.guide + ["new big 2MiB", "new junk 1MiB", "root big"])
        #expect(try h.state("heap.goal") == .int(18 << 20))
        #expect(try h.state("heap.inuse") == .int(11 << 20))
        try h.run("gc")
        #expect(try h.state("heap.live") == .int(10 << 20))
        #expect(try h.state("heap.goal") == .int(22 << 20))
    }

    @Test func traceLinesFollowTheModel() throws {
        var h = try GCHarness(Self.guide + ["alloc 20MiB"])
        #expect(try h.run("trace") == """
            gc 1 @0.010s 13%: 0+10+0 ms clock, 0+0/10/0+0 ms cpu, 18->18->8 MB, 18 MB goal, 1 MB stacks, 1 MB globals, 4 P
            gc 2 @0.030s 13%: 0+10+0 ms clock, 0+0/10/0+0 ms cpu, 18->18->8 MB, 18 MB goal, 1 MB stacks, 1 MB globals, 4 P
            """)
        var i = try GCHarness(["collector incremental"] + Self.guide + ["alloc 10MiB", "gc"])
        #expect(try i.run("trace") == """
            gc 1 @0.010s 25%: 0.010+10+0.010 ms clock, 0.040+0/10/0+0.040 ms cpu, 18->18->8 MB, 18 MB goal, 1 MB stacks, 1 MB globals, 4 P
            gc 2 @0.010s 50%: 0.010+10+0.010 ms clock, 0.040+0/10/0+0.040 ms cpu, 8->8->8 MB, 18 MB goal, 1 MB stacks, 1 MB globals, 4 P (forced)
            """)
        #expect(try i.state("stw.count") == 4)
    }

    @Test func millionsOfCyclesAreCountedNotRun() throws {
        var h = try GCHarness(Self.guide + ["gogc 1", "alloc 1TiB"])
        // goal = 8 MiB + 10 MiB / 100 = 8493465 bytes: 104857 bytes of garbage per cycle.
        #expect(try h.state("heap.goal") == 8493465)
        #expect(try h.state("gc.cycles") == 10485820)
        #expect(try h.state("stw.count") == 10485820)
        let trace = try h.run("trace")
        #expect(trace.hasPrefix("(10485770 earlier cycle(s) not shown)"))
        #expect(trace.hasSuffix("gc 10485820 @105906.766s 25%: 0+10+0 ms clock, 0+0/10/0+0 ms cpu, 8->8->8 MB, 8 MB goal, 1 MB stacks, 1 MB globals, 4 P"))
    }

    @Test func allocBelongsToTheMarkSweepCollectors() throws {
        var h = try GCHarness(["collector copying"])
        #expect(throws: SimulatorError.self) { try h.run("alloc 1MiB") }
        h = try GCHarness(["collector incremental", "new A", "root A", "gc start"])
        #expect(throws: SimulatorError.self) { try h.run("alloc 1MiB") }
    }
}

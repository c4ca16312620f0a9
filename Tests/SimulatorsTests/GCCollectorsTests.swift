import Testing
import Grader
@testable import Simulators

/// The contrast designs: copying (semispaces, compaction) and generational
/// (ages, promotion, remembered set).
@Suite struct GCCollectorsTests {
    static let copyingHeap = ["collector copying 256", "new A", "new B 32", "new C", "new D 64", "new E",
                              "root A", "ptr A.x = C", "ptr A.y = E", "ptr C.z = D"]

    @Test func copyingHasTwoSemispacesAndUsesOne() throws {
        let h = try GCHarness(Self.copyingHeap)
        #expect(try h.state("heap.capacity") == 512)
        #expect(try h.state("heap.usable") == 256)
        #expect(try h.state("address(\"E\")") == 128)
        let stw = try GCHarness()
        #expect(try stw.state("heap.capacity") == nil)
    }

    @Test func copyingCopiesBreadthFirstAndCompacts() throws {
        var h = try GCHarness(Self.copyingHeap + ["gc"])
        #expect(try h.state("copied") == ["A", "C", "E", "D"])
        #expect(try h.state("freed") == ["B"])
        #expect(try h.state("address(\"A\")") == 256)
        #expect(try h.state("address(\"C\")") == 272)
        #expect(try h.state("address(\"E\")") == 288)
        #expect(try h.state("address(\"D\")") == 304)
        #expect(try h.state("heap.fragments") == 0)
        #expect(try h.state("heap.top") == 368)
        #expect(try h.state("stw.count") == 1)
        try h.run("gc")
        #expect(try h.state("address(\"D\")") == 48)
        #expect(try h.state("heap.top") == 112)
    }

    @Test func copyingKeepsTheFromSpaceAddressUntilTheFlip() throws {
        var h = try GCHarness(Self.copyingHeap + ["gc start", "step"])
        #expect(try h.state("address(\"C\")") == 48)
        #expect(try h.run("heap").contains("copied to 0x0110"))
        try h.run("finish")
        #expect(try h.state("address(\"C\")") == 272)
    }

    @Test func copyingCollectsWhenFromSpaceIsFull() throws {
        var h = try GCHarness(Self.copyingHeap + ["gc", "new F 128"])
        #expect(try h.state("gc.cycles") == 1)
        try h.run("new G 32")
        #expect(try h.state("gc.cycles") == 2)
        #expect(try h.state("freed") == ["F"])
        #expect(try h.state("address(\"G\")") == 112)
    }

    @Test func copyingRunsOutWhenLiveObjectsFillASemispace() throws {
        var h = try GCHarness(["collector copying 64", "new A 32", "root A", "new B 32", "root B"])
        let before = h.sim.stateTree()
        #expect(throws: SimulatorError.self) { try h.run("new C 16") }
        #expect(h.sim.stateTree() == before)
        #expect(throws: SimulatorError.self) { try h.run("new D 65") }
        #expect(throws: SimulatorError.self) { try h.run("collector copying 32") }
    }

    @Test func generationalPromotesByAge() throws {
        var h = try GCHarness(["collector generational", "new O", "root O", "gc"])
        #expect(try h.state("age(\"O\")") == 1)
        #expect(try h.state("generation(\"O\")") == "young")
        try h.run("gc")
        #expect(try h.state("promoted") == ["O"])
        #expect(try h.state("gen.old") == ["O"])
        #expect(try h.state("gc.minor") == 2)
        try h.run("gc")
        #expect(try h.state("promoted") == [])
    }

    @Test func rememberedSetIsTheGenerationalWriteBarrier() throws {
        var h = try GCHarness(["collector generational", "new O", "root O", "gc", "gc", "new Y", "new G"])
        try h.run("ptr O.kid = Y")
        #expect(try h.state("remembered") == ["O"])
        try h.run("gc")
        #expect(try h.state("freed") == ["G"])
        #expect(try h.state("color(\"Y\")") == "white")
        // An old object is not collected by a minor cycle, and keeps what it points to.
        try h.run(["unroot O", "gc"])
        #expect(try h.state("freed") == [])
        try h.run("gc major")
        #expect(try h.state("freed") == ["O", "Y"])
        #expect(try h.state("gc.major") == 1)
        #expect(try h.state("remembered") == [])
    }

    @Test func promotedObjectsPointingAtYoungOnesAreRemembered() throws {
        var h = try GCHarness(["collector generational 1", "new O", "root O", "new Y", "gc", "new Z", "ptr O.z = Z"])
        #expect(try h.state("gen.old") == ["O"])
        #expect(try h.state("remembered") == ["O"])
        try h.run(["ptr O.z = nil", "gc"])
        #expect(try h.state("freed") == ["Z"])
        #expect(try h.state("remembered") == [])
    }

    @Test func minorAndMajorBelongToGenerational() throws {
        var h = try GCHarness()
        #expect(throws: SimulatorError.self) { try h.run("gc major") }
        try h.run(["collector generational", "gc start major", "finish"])
        #expect(try h.state("gc.major") == 1)
    }

    @Test func collectorAndBarrierOnlyChangeBetweenCycles() throws {
        var h = try GCHarness(["collector incremental", "new A", "root A", "gc start"])
        #expect(throws: SimulatorError.self) { try h.run("collector stw") }
        #expect(throws: SimulatorError.self) { try h.run("barrier yuasa") }
        try h.run(["finish", "barrier yuasa", "collector stw"])
        #expect(try h.state("gc.barrier") == "yuasa")
    }

    @Test func timelineMarksStopTheWorldStretches() throws {
        var h = try GCHarness(["new A", "root A", "gc"])
        let stw = try h.run("timeline")
        #expect(stw.contains("cycle 1 · stw · 1 STW pause(s)"))
        #expect(stw.contains("  ##=~\n  ^^^^"))
        h = try GCHarness(["collector incremental", "barrier dijkstra", "new A", "new B", "root A", "ptr A.f = B",
                           "gc start", "step", "ptr A.g = nil", "finish"])
        let inc = try h.run("timeline")
        #expect(inc.contains("cycle 1 · incremental · barrier dijkstra · 2 STW pause(s)"))
        #expect(inc.contains("  ##=.=##~~\n  ^^   ^^\n"))
        #expect(inc.contains("1 root(s) rescanned"))
    }
}

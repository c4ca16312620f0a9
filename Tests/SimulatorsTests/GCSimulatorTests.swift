import Testing
import Grader
import TextKit
@testable import Simulators

/// Runs commands and reads state, for the gc simulator tests.
struct GCHarness {
    var sim = GCSimulator()

    init(_ commands: [String] = []) throws {
        try run(commands)
    }

    @discardableResult
    mutating func run(_ line: String) throws -> String { try sim.run(line) }

    mutating func run(_ lines: [String]) throws {
        for line in lines { _ = try sim.run(line) }
    }

    func state(_ expression: String) throws -> Value { try stateValue(sim, expression) }
}

@Suite struct GCSimulatorTests {
    static func lostObjectMoves(_ barrier: String) -> [String] {
        ["collector incremental", "barrier \(barrier)", "new A", "new B", "new C",
         "root C", "root A", "ptr A.f = B", "gc start", "step 1"]
    }

    @Test func classicLostObjectWithoutBarrier() throws {
        var h = try GCHarness(Self.lostObjectMoves("none"))
        #expect(try h.state("color(\"C\")") == "black")
        #expect(try h.state("color(\"A\")") == "grey")
        #expect(try h.state("color(\"B\")") == "white")
        try h.run(["ptr C.f = B", "ptr A.f = nil", "finish"])
        #expect(try h.state("lost") == ["B"])
        #expect(try h.state("freed") == ["B"])
        #expect(try h.state("color(\"B\")") == "freed")
        #expect(try h.state("gc.phase") == "off")
        #expect(try h.state("gc.cycles") == 1)
        #expect(try h.state("stw.count") == 2)
        #expect(try h.state("field(\"C\", \"f\")") == "B")
    }

    @Test(arguments: ["dijkstra", "yuasa", "hybrid"])
    func classicLostObjectSavedByEveryBarrier(_ barrier: String) throws {
        var h = try GCHarness(Self.lostObjectMoves(barrier))
        try h.run(["ptr C.f = B", "ptr A.f = nil", "finish"])
        #expect(try h.state("lost") == [])
        #expect(try h.state("freed") == [])
        #expect(try h.state("color(\"B\")") == "white")
        #expect(try h.state("barrier.shaded") == 1)
        #expect(try h.state("heap.objects") == 3)
    }

    @Test func stopTheWorldMarksAndSweeps() throws {
        let h = try GCHarness(["new A", "new B 32", "new C", "new D", "root A",
                               "ptr A.x = B", "ptr B.y = C", "ptr D.z = A", "gc"])
        #expect(try h.state("freed") == ["D"])
        #expect(try h.state("heap.objects") == 3)
        #expect(try h.state("heap.bytes") == 64)
        #expect(try h.state("stw.count") == 1)
        #expect(try h.state("color(\"A\")") == "white")
        #expect(try h.state("color(\"D\")") == "freed")
    }

    @Test func stepByStepFollowsRootOrderFifoAndFieldOrder() throws {
        var h = try GCHarness(["new R1", "new R2", "new A", "new B", "new C", "new D",
                               "ptr R1.b = B", "ptr R1.a = A", "ptr R2.c = C", "ptr A.d = D",
                               "root R2", "root R1", "gc start"])
        #expect(try h.state("gc.grey") == ["R2", "R1"])
        try h.run("step")
        #expect(try h.state("gc.grey") == ["R1", "C"])
        try h.run("step")
        #expect(try h.state("gc.grey") == ["C", "B", "A"])
        try h.run("step 3")
        #expect(try h.state("gc.grey") == ["D"])
        try h.run("step")
        #expect(try h.state("gc.grey") == [])
        #expect(try h.state("gc.phase") == "mark")
        try h.run("step")
        #expect(try h.state("gc.phase") == "sweep")
        try h.run("step 100")
        #expect(try h.state("gc.phase") == "off")
        #expect(try h.state("freed") == [])
    }

    @Test func sweepPhaseIsVisibleAndSweepsInCreationOrder() throws {
        var h = try GCHarness(["new A", "new G1", "new G2", "root A", "gc start", "step", "step"])
        #expect(try h.state("gc.phase") == "sweep")
        try h.run("step 2")
        #expect(try h.state("freed") == ["G1"])
        #expect(try h.state("gc.phase") == "sweep")
        try h.run("step")
        #expect(try h.state("freed") == ["G1", "G2"])
        #expect(try h.state("gc.phase") == "off")
    }

    @Test func stopTheWorldRefusesTheMutatorDuringACycle() throws {
        var h = try GCHarness(["new A", "root A", "gc start"])
        for move in ["new B", "ptr A.f = nil", "unroot A", "root A"] {
            #expect(throws: SimulatorError.self, "\(move)") { try h.run(move) }
        }
        try h.run("finish")
        try h.run("new B")
    }

    @Test func objectsAllocatedDuringMarkingAreBlack() throws {
        var h = try GCHarness(["collector incremental", "new A", "root A", "gc start", "new N"])
        #expect(try h.state("color(\"N\")") == "black")
        try h.run("finish")
        #expect(try h.state("freed") == [])
        #expect(try h.state("color(\"N\")") == "white")
        try h.run("gc")
        #expect(try h.state("freed") == ["N"])
    }

    @Test func garbageCannotBeResurrectedDuringACycle() throws {
        var h = try GCHarness(["collector incremental", "new A", "new G", "root A", "gc start"])
        #expect(throws: SimulatorError.self) { try h.run("ptr A.f = G") }
        #expect(throws: SimulatorError.self) { try h.run("root G") }
        try h.run("finish")
        // Between cycles anything goes.
        try h.run("new H")
        try h.run("ptr A.f = H")
    }

    @Test func dijkstraRescansRootsAddedDuringMarking() throws {
        for (barrier, lost) in [("none", ["X"] as Value), ("dijkstra", []), ("yuasa", []), ("hybrid", [])] {
            let h = try GCHarness(["collector incremental", "barrier \(barrier)", "new A", "new B", "new X",
                                   "ptr B.f = X", "root A", "root B", "gc start", "step",
                                   "root X", "ptr B.f = nil", "finish"])
            #expect(try h.state("lost") == lost, "\(barrier)")
        }
    }

    @Test func hybridShadesTheNewPointeeOnlyWhileTheStackIsGrey() throws {
        var h = try GCHarness(["collector incremental", "barrier hybrid", "new A", "new B", "new X", "new Y",
                               "ptr B.x = X", "ptr X.y = Y", "root A", "root B", "gc start", "step"])
        // A scanned, B not yet: the stack is still grey, the new pointee is shaded.
        try h.run("ptr A.p = X")
        #expect(try h.state("color(\"X\")") == "grey")
        // Both roots scanned: the stack is black, only the old pointee is shaded.
        try h.run(["step", "ptr A.q = Y"])
        #expect(try h.state("color(\"Y\")") == "white")
        try h.run("ptr X.y = nil")
        #expect(try h.state("color(\"Y\")") == "grey")
        try h.run("finish")
        #expect(try h.state("lost") == [])
        #expect(try h.state("barrier.shaded") == 2)
    }

    @Test func reachabilityOnGraphsWithCycles() throws {
        var h = try GCHarness(["new A", "new B", "new C", "new D", "new E",
                               "ptr A.n = B", "ptr B.n = C", "ptr C.n = A",
                               "ptr D.n = E", "ptr E.n = D", "root A", "gc"])
        #expect(try h.state("freed") == ["D", "E"])
        #expect(try h.state("reachable(\"C\")") == true)
        try h.run(["unroot A", "gc"])
        #expect(try h.state("freed") == ["A", "B", "C"])
        #expect(try h.state("heap.objects") == 0)
    }

    @Test func fragmentationLeftBySweepAndFirstFit() throws {
        var h = try GCHarness(["new A", "new B 32", "new C", "new D 48", "new E", "root A", "root C", "root E", "gc"])
        #expect(try h.state("heap.fragments") == 2)
        #expect(try h.state("heap.free_bytes") == 80)
        #expect(try h.state("heap.largest_free") == 48)
        try h.run("new F 40")
        #expect(try h.state("address(\"F\")") == 64)
        try h.run("new G 64")
        #expect(try h.state("address(\"G\")") == 128)
        #expect(try h.state("heap.top") == 192)
    }

    @Test func leakThroughARuntimeStructureAndItsFix() throws {
        var h = try GCHarness(["new m", "root m", "new closure 64", "new args 128",
                               "ptr m.morebuf = closure", "ptr closure.env = args", "gc"])
        #expect(try h.state("freed") == [])
        #expect(try h.state("heap.bytes") == 208)
        try h.run(["ptr m.morebuf = nil", "gc"])
        #expect(try h.state("freed") == ["closure", "args"])
        #expect(try h.state("heap.bytes") == 16)
        #expect(throws: SimulatorError.self) { try h.run("root m.morebuf") }
    }

    @Test func badCommandsLeaveStateUnchanged() throws {
        var h = try GCHarness(["new A", "root A"])
        let before = h.sim.stateTree()
        for bad in ["new A", "new 9x", "new B 0", "new B 2GiB", "ptr A.f = Z", "ptr A = B", "ptr A.f B",
                    "root Z", "unroot Z", "step", "finish", "collector fast", "barrier steele", "gogc 0",
                    "gogc -5", "memlimit 2TiB", "live 2TiB", "alloc 0", "gc minor", "gc start major", "new nil"] {
            #expect(throws: SimulatorError.self, "\(bad)") { try h.run(bad) }
        }
        #expect(h.sim.stateTree() == before)
    }

    @Test func viewsDoNotChangeStateAndReadWithoutColour() throws {
        var h = try GCHarness(Self.lostObjectMoves("none"))
        let before = h.sim.stateTree()
        let heap = try h.run("heap")
        #expect(heap.contains("grey"))
        #expect(heap.contains("white"))
        #expect(heap.contains("f -> B"))
        let graph = try h.run("graph")
        #expect(graph.contains("[root] C"))
        #expect(graph.contains("f -> B"))
        let timeline = try h.run("timeline")
        #expect(timeline.contains("sweep termination"))
        #expect(timeline.contains("^^"))
        #expect(h.sim.stateTree() == before)
        for view in ["heap", "graph", "timeline", "trace"] {
            #expect(GCSimulator.info.verb(view)?.changesState == false)
        }
    }

    @Test func everyStatePathIsDocumented() throws {
        for collector in ["stw", "incremental", "copying", "generational"] {
            let h = try GCHarness(["collector \(collector)", "new A", "new B", "root A", "ptr A.f = B", "gc", "gc start"])
            for p in leafPaths(of: h.sim.stateTree()) {
                #expect(GCSimulator.info.documents(path: p), "\(collector): \(p)")
            }
        }
    }

    @Test func diagramDrawsColoursPointersAndRoots() throws {
        let h = try GCHarness(Self.lostObjectMoves("none"))
        let picture = h.sim.diagram()
        let fills = Dictionary(uniqueKeysWithValues: picture.nodes.map { ($0.title ?? $0.id, $0.fill) })
        #expect(fills["C"] == .black)
        #expect(fills["A"] == .grey)
        #expect(fills["B"] == .white)
        #expect(picture.edges.contains(Diagram.Edge(from: "roots", port: "r0", to: "o2")))
        #expect(picture.edges.contains(Diagram.Edge(from: "o0", port: "f0", to: "o1")))
        let dot = picture.dot()
        #expect(dot.components(separatedBy: "<TABLE").count == dot.components(separatedBy: "</TABLE>").count)
        var big = GCSimulator(heap: HeapGraph.chain(objects: 500))
        _ = try big.run("gc")
        let bounded = big.diagram()
        #expect(bounded.nodes.count == HeapDiagram.maxObjects + 2)
        #expect(bounded.nodes.contains { $0.id == "more" && $0.rows[0][0].text == "… 440 more object(s) not drawn" })
    }

    @Test func viewsFitTheWidth() throws {
        var h = try GCHarness(["new averyveryverylongobjectname_1", "new B"])
        for i in 0..<20 { try h.run("ptr averyveryverylongobjectname_1.field_number_\(i) = B") }
        for i in 0..<40 { try h.run("new chain_link_with_a_long_name_\(i)") }
        for i in 0..<39 { try h.run("ptr chain_link_with_a_long_name_\(i).next_link_field = chain_link_with_a_long_name_\(i + 1)") }
        try h.run(["root averyveryverylongobjectname_1", "root chain_link_with_a_long_name_0", "collector generational", "gc"])
        for view in ["heap", "graph", "timeline"] {
            for line in try h.run(view).split(separator: "\n") {
                #expect(DisplayWidth.of(Ink.strip(String(line))) <= 80, "\(view): \(line)")
            }
        }
    }
}

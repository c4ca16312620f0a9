import Grader
import Testing
@testable import Simulators

/// `export dot`: the DOT writer escapes everything, the generic drawing
/// covers any state tree within bounds, and asm, arena and greentea draw
/// their own pictures.
@Suite struct DiagramTests {
    @Test func labelsAndIdsAreEscaped() {
        var d = Diagram(title: "a \"title\" \\ here")
        d.nodes = [Diagram.Node("n\"1", title: "<b>&", rows: [[Diagram.Cell("x\u{1B}[31m]", port: "p\"")]])]
        d.edges = [Diagram.Edge(from: "n\"1", port: "p\"", to: "n\"1", label: "loop \"me\"")]
        let dot = d.dot()
        #expect(dot.contains("label=\"a \\\"title\\\" \\\\ here\""))
        #expect(dot.contains("\"n\\\"1\" [label=<"))
        #expect(dot.contains("<B>&lt;b&gt;&amp;</B>"))
        #expect(dot.contains("PORT=\"p&quot;\""))
        #expect(dot.contains(">x^&#91;&#91;31m&#93;</FONT>"))
        #expect(dot.contains("\"n\\\"1\":\"p\\\"\" -> \"n\\\"1\" [label=\"loop \\\"me\\\"\"];"))
        #expect(!dot.contains("\u{1B}"))
        #expect(Diagram.cut(String(repeating: "x", count: 100)).count == Diagram.maxText)
    }

    @Test func theGenericDrawingFollowsTheStateTree() {
        let state: Value = ["heap": ["blocks": 2, "names": .strings(["a", "b"])], "steps": 3,
                            "frames": .list([["name": "main"], ["name": "f"]]), "mem": .ints(0..<100)]
        let d = Diagram.stateTree(state, title: "t")
        #expect(d.nodes.map(\.id) == ["state", "state.k0", "state.k2i0", "state.k2i1"])
        #expect(d.nodes.map(\.title) == ["state", "heap", "frames[0]", "frames[1]"])
        #expect(d.edges.map { "\($0.from):\($0.fromPort ?? "") -> \($0.to) \($0.label ?? "")" }
                == ["state:k0 -> state.k0 ", "state:k2 -> state.k2i0 [0]", "state:k2 -> state.k2i1 [1]"])
        #expect(d.nodes[0].rows[3].map(\.text) == ["mem", "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, … (100 items)]"])
        #expect(d.nodes[1].rows.map { $0.map(\.text) } == [["blocks", "2"], ["names", "[\"a\", \"b\"]"]])
    }

    @Test func theGenericDrawingStaysSmall() {
        var wide = Record()
        for i in 0..<500 { wide["r\(i)"] = .int(i) }
        #expect(Diagram.stateTree(.record(wide), title: "wide").nodes[0].rows.count == Diagram.maxRows + 1)
        #expect(Diagram.stateTree(.record(wide), title: "wide").nodes[0].rows.last?.first?.text == "… 460 more")
        // 1 + 10 + 100 tables: breadth first, the first 60 are drawn.
        var deep = Record()
        for i in 0..<10 {
            var inner = Record()
            for j in 0..<10 { inner["c\(j)"] = ["x": .int(j)] }
            deep["b\(i)"] = .record(inner)
        }
        let d = Diagram.stateTree(.record(deep), title: "deep")
        #expect(d.nodes.count == Diagram.maxNodes + 1)
        #expect(d.nodes.last?.id == "omitted")
        #expect(d.nodes.last?.rows.first?.first?.text == "… 51 more table(s) not drawn")
    }

    @Test func asmDrawsVariablesIntoMemory() throws {
        var sim = AsmSimulator()
        _ = try sim.run(".var age")
        _ = try sim.run(".var score 2")
        _ = try sim.run("store [age], 24")
        _ = try sim.run("store [0x41], 5")
        let d = sim.diagram()
        #expect(d.nodes.map(\.id) == ["registers", "memory", "variables"])
        let memory = d.nodes[1]
        #expect(memory.rows.map { $0.first?.text } == ["", "0x00", "0x40"])
        #expect(memory.rows[1][1] == Diagram.Cell("24", port: "a0", fill: .blue))
        #expect(memory.rows[1][2] == Diagram.Cell("0", port: "a1", fill: .green))
        #expect(memory.rows[1][3] == Diagram.Cell("0", port: "a2", fill: .green))
        #expect(memory.rows[1][4] == Diagram.Cell("0", port: "a3"))
        #expect(memory.rows[2][2] == Diagram.Cell("5", port: "a65"))
        #expect(d.nodes[2].rows.map { $0.map(\.text) } == [["age", "0x00", "1 byte"], ["score", "0x01", "2 bytes"]])
        let dot = d.dot()
        #expect(dot.contains("\"variables\":\"v0\" -> \"memory\":\"a0\" [color=\"#1565c0\"];"))
        #expect(dot.contains("\"variables\":\"v1\" -> \"memory\":\"a1\" [color=\"#2e7d32\"];"))
        #expect(AsmSimulator().diagram().nodes[1].rows.count == 2, "a fresh memory still shows its first row")
    }

    @Test func arenaDrawsArenasChunksAndNames() throws {
        var sim = ArenaSimulator()
        _ = try sim.run("arena new a")
        _ = try sim.run("arena alloc a nodes 64 1000")
        _ = try sim.run("new big 1KiB 2")
        _ = try sim.run("arena new b")
        _ = try sim.run("arena free a")
        let d = sim.diagram()
        let ids = d.nodes.map(\.id)
        #expect(ids == ["chunk0", "chunk1", "spare", "arena0", "arena1", "names", "heap"])
        #expect(d.nodes[0].fill == .blue, "a's last chunk is kept for reuse")
        #expect(d.nodes[1].fill == .green, "b's first chunk is active")
        #expect(d.nodes[3].fill == .grey)
        #expect(d.nodes[3].rows[0][0].text == "freed")
        #expect(d.nodes[3].rows[1][0].text == "1000 object(s), 62.5 KiB")
        #expect(d.nodes[2].rows.map { $0.map(\.text) } == [["6 chunk(s) ready for the next arena"]])
        #expect(d.edges.contains(Diagram.Edge(from: "arena1", to: "chunk1", color: .green)))
        #expect(d.edges.contains(Diagram.Edge(from: "names", port: "g0", to: "chunk0", label: "1000", color: .blue)))
        #expect(d.edges.contains(Diagram.Edge(from: "names", port: "g1", to: "heap")))
        #expect(d.clusters.map(\.nodes) == [["chunk0", "chunk1", "spare"]])
    }

    @Test func greenTeaColoursSpansAndPointsAtTheWork() throws {
        var sim = GreenTeaSimulator()
        #expect(sim.diagram().nodes.map(\.id) == ["summary"])
        _ = try sim.run("layout dense 300")
        _ = try sim.run("mark greentea 1")
        let d = sim.diagram()
        let spans = d.nodes.filter { $0.id.hasPrefix("span") }
        #expect(spans.map(\.id) == ["span0", "span1", "span2"])
        let scanned = spans.map { Int($0.rows[1][1].text)! }
        let waiting = spans.map { Int($0.rows[2][1].text)! }
        #expect(scanned.reduce(0, +) == 1, "one span scan so far: the root's object")
        #expect(waiting.reduce(0, +) == 4, "object 0 points to objects 1 to 4")
        for s in spans {
            let w = Int(s.rows[2][1].text)!, k = Int(s.rows[1][1].text)!
            #expect(s.fill == (w > 0 ? .grey : (k > 0 ? .blue : .white)))
        }
        let work = try #require(d.nodes.first { $0.id == "work" })
        #expect(work.title == "span queue (FIFO): spans, next first")
        #expect(d.edges.first?.label == "next")
        _ = try sim.run("mark greentea")
        #expect(sim.diagram().nodes.filter { $0.id.hasPrefix("span") }.allSatisfy { $0.fill == .black })

        _ = try sim.run("layout sparse 5000")
        let sparse = sim.diagram()
        #expect(sparse.nodes.filter { $0.id.hasPrefix("span") }.count == GreenTeaSimulator.diagramSpans)
        #expect(sparse.nodes.contains { $0.id == "more" && $0.rows[0][0].text == "… 4960 more span(s) not drawn" })
    }

    @Test func everyDrawingIsValidDOTShape() throws {
        var frames = FramesSimulator()
        _ = try frames.run("malloc p 16")
        for dot in [frames.diagram().dot(), StackSimulator().diagram().dot(), AsmSimulator().diagram().dot()] {
            #expect(dot.hasPrefix("digraph memlane {\n"))
            #expect(dot.hasSuffix("}\n"))
            #expect(dot.components(separatedBy: "<TABLE").count == dot.components(separatedBy: "</TABLE>").count)
        }
    }
}

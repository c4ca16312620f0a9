import TextKit

/// The object graph for `export dot|svg`, shared by the simulators built on
/// `HeapGraph`: a table per object filled with its tri-colour colour, an
/// arrow per pointer field, and the roots as one table pointing in. At
/// most `maxObjects` objects are drawn — the roots' trees first, in
/// marking order, then the garbage — and a note counts the rest.
enum HeapDiagram {
    static let maxObjects = 60

    static func diagram(_ heap: HeapGraph, title: String, annotate: (HeapGraph.ID) -> String) -> Diagram {
        let drawn = drawingOrder(heap)
        var isDrawn = [Bool](repeating: false, count: heap.slotCount)
        for id in drawn { isDrawn[Int(id)] = true }
        var nodes: [Diagram.Node] = []
        var edges: [Diagram.Edge] = []
        var pointsToHidden = false

        if !heap.roots.isEmpty {
            var rows: [[Diagram.Cell]] = []
            for (i, r) in heap.roots.enumerated() {
                rows.append([Diagram.Cell(heap.name(of: r), port: "r\(i)")])
                if isDrawn[Int(r)] { edges.append(Diagram.Edge(from: "roots", port: "r\(i)", to: nodeID(r))) }
            }
            nodes.append(Diagram.Node("roots", title: L("roots"), rows: rows, fill: .blue))
        }
        for id in drawn {
            let color = heap.color(of: id)
            var rows: [[Diagram.Cell]] = [
                [Diagram.Cell(L("{0} bytes at {1}", heap.sizes[Int(id)], HeapCommands.hex(heap.address(of: id))))],
                [Diagram.Cell(color.word, bold: true)],
            ]
            let note = annotate(id)
            if !note.isEmpty { rows.append([Diagram.Cell(note)]) }
            for (i, field) in heap.fields(of: id).enumerated() {
                guard let target = field.target else {
                    rows.append([Diagram.Cell(field.name + " = nil")])
                    continue
                }
                if !heap.isLive(target) {
                    rows.append([Diagram.Cell(field.name + " -> " + heap.name(of: target) + " " + L("(freed!)"), fill: .red)])
                    continue
                }
                rows.append([Diagram.Cell(field.name, port: "f\(i)")])
                if isDrawn[Int(target)] {
                    edges.append(Diagram.Edge(from: nodeID(id), port: "f\(i)", to: nodeID(target)))
                } else {
                    edges.append(Diagram.Edge(from: nodeID(id), port: "f\(i)", to: "more", dashed: true))
                    pointsToHidden = true
                }
            }
            nodes.append(Diagram.Node(nodeID(id), title: heap.name(of: id), rows: rows, fill: fill(color)))
        }
        let hidden = heap.objectCount - drawn.count
        if hidden > 0 || pointsToHidden {
            nodes.append(Diagram.Node("more", rows: [[Diagram.Cell(L("… {0} more object(s) not drawn", hidden))]], fill: .white))
        }
        return Diagram(title: title, nodes: nodes, edges: edges)
    }

    static func nodeID(_ id: HeapGraph.ID) -> String { "o\(id)" }

    static func fill(_ color: HeapColor) -> Diagram.Color {
        switch color {
        case .white: .white
        case .grey: .grey
        case .black: .black
        case .freed: .red
        }
    }

    /// Reachable objects breadth-first from the roots in root order, then
    /// the others in creation order, at most `maxObjects`.
    static func drawingOrder(_ heap: HeapGraph) -> [HeapGraph.ID] {
        var seen = [Bool](repeating: false, count: heap.slotCount)
        var order: [HeapGraph.ID] = []
        var head = 0
        for r in heap.roots where !seen[Int(r)] && order.count < maxObjects {
            seen[Int(r)] = true
            order.append(r)
        }
        while head < order.count && order.count < maxObjects {
            for field in heap.fields(of: order[head]) {
                if let t = field.target, heap.isLive(t), !seen[Int(t)], order.count < maxObjects {
                    seen[Int(t)] = true
                    order.append(t)
                }
            }
            head += 1
        }
        var i = 0
        while order.count < maxObjects && i < heap.slotCount {
            if !seen[i] && heap.isLive(HeapGraph.ID(i)) { order.append(HeapGraph.ID(i)) }
            i += 1
        }
        return order
    }
}

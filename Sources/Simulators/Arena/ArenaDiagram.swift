import TextKit

extension ArenaSimulator {
    /// Chunks drawn at most; the rest are counted in a note.
    static let diagramChunks = 48

    /// Arenas on the left, the chunks they hold in the middle (coloured by
    /// their state: active green, full yellow, kept for reuse blue, set to
    /// fault red), the names the program holds on the right with arrows to
    /// where their objects live, and the ordinary heap.
    public func diagram() -> Diagram {
        var nodes: [Diagram.Node] = []
        var edges: [Diagram.Edge] = []
        var clusters: [Diagram.Cluster] = []

        let drawn = pool.chunks.filter { $0.state != .ready }.prefix(Self.diagramChunks)
        let drawnNumbers = Set(drawn.map(\.number))
        for chunk in drawn {
            let used = L("{0} of {1} bytes used", chunk.used, ArenaFigures.usableBytes)
            nodes.append(Diagram.Node("chunk\(chunk.number)", title: L("chunk #{0}", chunk.number), rows: [
                [Diagram.Cell(ArenaFault.hex(chunk.base))],
                [Diagram.Cell(describe(chunk.state))],
                [Diagram.Cell(chunk.faults ? L("set to fault") : used)],
            ], fill: Self.color(of: chunk.state)))
        }
        var poolNodes = drawn.map { "chunk\($0.number)" }
        let hidden = pool.chunks.filter { $0.state != .ready }.count - drawn.count
        if hidden > 0 || !pool.ready.isEmpty {
            var rows: [[Diagram.Cell]] = []
            if hidden > 0 { rows.append([Diagram.Cell(L("… {0} more chunk(s) not drawn", hidden))]) }
            if !pool.ready.isEmpty { rows.append([Diagram.Cell(L("{0} chunk(s) ready for the next arena", pool.ready.count))]) }
            nodes.append(Diagram.Node("spare", rows: rows, fill: .white))
            poolNodes.append("spare")
        }
        clusters.append(Diagram.Cluster("chunks", label: L("chunks: 8 MiB each, {0} bytes usable", ArenaFigures.usableBytes),
                                        nodes: poolNodes))

        for (i, arena) in arenas.enumerated() {
            let id = "arena\(i)"
            nodes.append(Diagram.Node(id, title: L("arena {0}", arena.name), rows: [
                [Diagram.Cell(arena.freed ? L("freed") : L("live"), bold: true)],
                [Diagram.Cell(L("{0} object(s), {1}", arena.objects, Arguments.formatSize(arena.bytes)))],
            ], fill: arena.freed ? .grey : .green))
            for number in arena.chunks where drawnNumbers.contains(number) {
                edges.append(Diagram.Edge(from: id, to: "chunk\(number)", color: arena.freed ? .grey : .green))
            }
        }

        if !groups.isEmpty {
            var rows: [[Diagram.Cell]] = []
            for (i, group) in groups.enumerated() {
                let faults = faultAddress(of: group) != nil
                rows.append([Diagram.Cell(group.name, port: "g\(i)", fill: faults ? .red : nil, bold: true),
                             Diagram.Cell(L("{0} × {1}", group.count, Arguments.formatSize(group.size)), fill: faults ? .red : nil)])
                if group.onHeap {
                    edges.append(Diagram.Edge(from: "names", port: "g\(i)", to: "heap"))
                }
                for part in group.parts where drawnNumbers.contains(part.chunk) {
                    edges.append(Diagram.Edge(from: "names", port: "g\(i)", to: "chunk\(part.chunk)",
                                              label: String(part.count), color: faults ? .red : .blue))
                }
            }
            nodes.append(Diagram.Node("names", title: L("names the program holds"), rows: rows))
        }
        nodes.append(Diagram.Node("heap", title: L("ordinary heap"), rows: [
            [Diagram.Cell(L("{0} object(s)", heapObjects))],
            [Diagram.Cell(L("{0} garbage awaiting the sweep", garbage))],
            [Diagram.Cell(L("{0} GC cycle(s)", gcCycles))],
        ]))
        return Diagram(title: Self.info.name + " — " + Self.info.title, nodes: nodes, edges: edges, clusters: clusters)
    }

    static func color(of state: ChunkState) -> Diagram.Color {
        switch state {
        case .active: .green
        case .full: .yellow
        case .reuse: .blue
        case .quarantined: .red
        case .ready: .white
        }
    }
}

import TextKit

extension ArenaSimulator {
    /// Chunks listed one per line before the rest is summed up.
    static let chunkLines = 24

    func arenaTable(in context: SimulationContext) -> String {
        guard !arenas.isEmpty else { return L("No arenas yet: make one with `arena new A`.") }
        let width = DisplayWidth.column([L("arena")] + arenas.map(\.name), minimum: 5)
        let stateWidth = DisplayWidth.column([L("state"), L("freed"), L("live")], minimum: 6)
        let objectsWidth = DisplayWidth.column([L("objects")], minimum: 8)
        let bytesWidth = DisplayWidth.column([L("bytes")], minimum: 10)
        var lines = [L("arena").padded(to: width) + "  " + L("state").padded(to: stateWidth) + "  "
                     + L("objects").padded(to: objectsWidth) + "  " + L("bytes").padded(to: bytesWidth) + "  " + L("chunks")]
        for a in arenas {
            let chunks = a.chunks.isEmpty ? "-" : a.chunks.map { "#\($0)" }.joined(separator: " ")
            lines.append(a.name.padded(to: width) + "  " + (a.freed ? L("freed") : L("live")).padded(to: stateWidth) + "  "
                         + String(a.objects).padded(to: objectsWidth) + "  " + Arguments.formatSize(a.bytes).padded(to: bytesWidth)
                         + "  " + chunks)
        }
        lines.append("")
        lines.append(L("chunks: 8 MiB each, {0} bytes usable", ArenaFigures.usableBytes))
        let shown = pool.chunks.filter { $0.state != .ready }
        let barWidth = max(4, min(16, context.width - 64))
        for c in shown.prefix(Self.chunkLines) {
            lines.append("  " + ("#" + String(c.number)).padded(to: 5) + " " + ArenaFault.hex(c.base) + "  "
                         + describe(c.state).padded(to: 22) + " " + usageBar(c, width: barWidth))
        }
        if shown.count > Self.chunkLines {
            lines.append("  " + L("… and {0} more", shown.count - Self.chunkLines))
        }
        if !pool.ready.isEmpty {
            lines.append("  " + L("{0} chunk(s) ready for the next arena", pool.ready.count))
        }
        return lines.joined(separator: "\n")
    }

    func describe(_ state: ChunkState) -> String {
        switch state {
        case .active(let a): L("active in {0}", a)
        case .full(let a): L("full, held by {0}", a)
        case .reuse: L("reuse list")
        case .quarantined: Ink.paint(L("set to fault"), .red)
        case .ready: L("ready")
        }
    }

    /// `[####......]` of the usable bytes handed out, or crosses once faulted.
    private func usageBar(_ chunk: ArenaChunk, width: Int) -> String {
        if chunk.faults { return "[" + String(repeating: "x", count: width) + "]" }
        let filled = chunk.used == 0 ? 0 : max(1, chunk.used * width / ArenaFigures.usableBytes)
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + Arguments.formatSize(chunk.used)
    }

    func objectTable() -> String {
        var lines: [String] = []
        if groups.isEmpty {
            lines.append(L("The program holds no objects: make some with `new NAME SIZE`"))
            lines.append(L("or `arena alloc A NAME SIZE`."))
        } else {
            let places = groups.map { g in
                g.onHeap ? g.arena.map { L("heap (via {0})", $0) } ?? L("heap") : L("arena {0}", g.arena ?? "")
            }
            let width = DisplayWidth.column([L("name")] + groups.map(\.name), minimum: 4)
            let countWidth = DisplayWidth.column([L("count")], minimum: 7)
            let sizeWidth = DisplayWidth.column([L("size")], minimum: 9)
            let placeWidth = DisplayWidth.column([L("where")] + places, minimum: 16)
            lines.append(L("name").padded(to: width) + "  " + L("count").padded(to: countWidth) + "  "
                         + L("size").padded(to: sizeWidth) + "  " + L("where").padded(to: placeWidth) + "  " + L("use"))
            for (g, place) in zip(groups, places) {
                lines.append(g.name.padded(to: width) + "  " + String(g.count).padded(to: countWidth) + "  "
                             + Arguments.formatSize(g.size).padded(to: sizeWidth) + "  " + place.padded(to: placeWidth)
                             + "  " + verdict(g))
            }
        }
        lines.append(L("heap: {0} object(s), {1} of them garbage awaiting the sweep", heapObjects, garbage))
        return lines.joined(separator: "\n")
    }

    private func verdict(_ g: ObjectGroup) -> String {
        if let address = faultAddress(of: g) { return Ink.paint(L("faults at {0}", ArenaFault.hex(address)), .red) }
        let freed = g.arena.flatMap { a in arenas.first { $0.name == a } }?.freed ?? false
        if freed && !g.onHeap { return Ink.paint(L("use after free, unnoticed"), .yellow) }
        return L("ok")
    }
}

import TextKit

extension ArenaSimulator {
    /// Chunks listed one per line before the rest is summed up.
    static let chunkLines = 24

    func arenaTable(in context: SimulationContext) -> String {
        guard !arenas.isEmpty else { return L("No arenas yet: make one with `arena new A`.") }
        let width = max(5, arenas.map(\.name.count).max()!)
        var lines = [L("arena").padded(to: width) + "  " + L("state").padded(to: 6) + "  " + L("objects").padded(to: 8)
                     + "  " + L("bytes").padded(to: 10) + "  " + L("chunks")]
        for a in arenas {
            let chunks = a.chunks.isEmpty ? "-" : a.chunks.map { "#\($0)" }.joined(separator: " ")
            lines.append(a.name.padded(to: width) + "  " + (a.freed ? L("freed") : L("live")).padded(to: 6) + "  "
                         + String(a.objects).padded(to: 8) + "  " + Arguments.formatSize(a.bytes).padded(to: 10) + "  " + chunks)
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
            let width = max(4, groups.map(\.name.count).max()!)
            lines.append(L("name").padded(to: width) + "  " + L("count").padded(to: 7) + "  " + L("size").padded(to: 9)
                         + "  " + L("where").padded(to: 16) + "  " + L("use"))
            for g in groups {
                let place: String
                if g.onHeap {
                    place = g.arena.map { L("heap (via {0})", $0) } ?? L("heap")
                } else {
                    place = L("arena {0}", g.arena ?? "")
                }
                lines.append(g.name.padded(to: width) + "  " + String(g.count).padded(to: 7) + "  "
                             + Arguments.formatSize(g.size).padded(to: 9) + "  " + place.padded(to: 16) + "  " + verdict(g))
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

import TextKit

/// `trace` and `timeline`: what the last cycles did.
extension GCSimulator {
    static let traceLimit = 50

    func traceLines() -> String {
        guard !history.isEmpty else { return L("No cycle has run yet: `gc` runs one, `alloc` lets the pacer start them.") }
        var lines: [String] = []
        let shown = history.suffix(Self.traceLimit)
        let hidden = cycles - shown.count
        if hidden > 0 { lines.append(L("({0} earlier cycle(s) not shown)", hidden)) }
        lines += shown.map(\.traceLine)
        return lines.joined(separator: "\n")
    }

    func timeline(width: Int) -> String {
        var records = Array(history.suffix(Self.timelineCycles))
        if let cycle { records.append(cycle.record) }
        guard !records.isEmpty else { return L("No cycle has run yet: `gc start` begins one step by step, `gc` runs a whole one.") }
        var lines: [String] = []
        for r in records {
            lines.append(timelineHeader(r, running: r.number == cycle?.record.number))
            lines += timelineBar(r.segments, width: width)
            let detail = r.segments.suffix(12)
            let earlier = r.segments.count - detail.count + r.droppedSegments
            if earlier > 0 { lines.append("  " + L("… {0} earlier stretch(es)", earlier)) }
            for s in detail {
                let mark = String(s.bar.prefix(2)).padded(to: 2)
                lines.append(ScreenLines.cut("  " + mark + " " + s.text + (s.stopped ? "  " + L("(world stopped)") : ""), width: width))
            }
        }
        lines.append(L("legend: ## pause  = mark  . mutator  ~ sweep  > copy;  ^ = world stopped"))
        return lines.joined(separator: "\n")
    }

    func timelineHeader(_ r: CycleRecord, running: Bool) -> String {
        var parts = [L("cycle {0}", r.number), r.collector.rawValue]
        if let g = r.generation { parts.append(g) }
        if r.collector == .incremental { parts.append(L("barrier {0}", r.barrier.rawValue)) }
        parts.append(L("{0} STW pause(s)", r.pauses))
        if running { parts.append(L("running")) }
        return parts.joined(separator: " · ")
    }

    /// The bar and, under it, `^` below every stretch the world was stopped for.
    func timelineBar(_ segments: [TimelineSegment], width: Int) -> [String] {
        var bar = "", under = ""
        for s in segments {
            bar += s.bar
            under += String(repeating: s.stopped ? "^" : " ", count: s.bar.count)
        }
        let room = max(8, width - 4)
        if bar.count > room {
            bar = "…" + String(bar.suffix(room - 1))
            under = " " + String(under.suffix(room - 1))
        }
        while under.last == " " { under.removeLast() }
        return ["  " + bar, "  " + under]
    }
}

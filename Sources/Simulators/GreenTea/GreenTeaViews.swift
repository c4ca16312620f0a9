import TextKit

extension GreenTeaSimulator {
    /// Spans drawn slot by slot before the picture switches to one
    /// character per span.
    static let detailedSpans = 10
    /// Work list items listed before the rest is counted.
    static let queueItems = 12

    func summary() -> String {
        guard let heap else { return L("No heap yet: build one with `layout dense 1024` or `layout sparse 256`.") }
        var out = L("{0} layout: {1} live objects in {2} span(s)", heap.kind.rawValue, heap.objects, heap.spanCount)
        if let m = marker {
            out += "\n" + L("{0} mark: {1}/{2} objects scanned, {3} span visits",
                            m.mode.rawValue, m.objectsScanned, heap.objects, m.spanVisits)
                + "\n" + L("cost {0}{1}", m.cost, m.done ? " " + L("(done)") : "")
        }
        return out
    }

    func spansView(_ command: Command, in context: SimulationContext) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 0...1, usage: "spans [FIRST]")
        guard let heap else { return summary() }
        var first: Int?
        if command.words.count == 1 {
            guard let n = Arguments.integer(command.arguments[0]), n >= 0, n < heap.spanCount else {
                throw SimulatorError(L("`{0}` is not a span: spans are numbered 0 to {1}", Sanitizer.line(command.arguments[0]), heap.spanCount - 1))
            }
            first = n
        }
        return spansPicture(from: first, in: context)
    }

    /// Slot by slot for a few spans, else one character per span.
    func spansPicture(from first: Int?, in context: SimulationContext) -> String {
        guard let heap else { return summary() }
        if first == nil && heap.spanCount > Self.detailedSpans { return overview(heap, in: context) }
        let start = first ?? 0
        let end = min(heap.spanCount, start + Self.detailedSpans)
        // Prefix "NNNN>q |" and a closing "|": 10 columns around the slots.
        let perRow = context.width - 10 >= SpanHeap.slotsPerSpan / 2 ? SpanHeap.slotsPerSpan / 2 : SpanHeap.slotsPerSpan / 4
        var lines = [L("spans {0}–{1} of {2}, {3} slots of 64 B each:", start, end - 1, heap.spanCount, SpanHeap.slotsPerSpan),
                     L("# scanned  o marked, waiting  . unmarked  - free  > last scanned  q work waiting")]
        for s in start..<end {
            let cells = slots(of: s, in: heap)
            var row = 0
            while row * perRow < cells.count {
                let piece = cells[(row * perRow)..<min(cells.count, (row + 1) * perRow)].joined()
                let prefix = row == 0
                    ? String(s).leftPadded(to: 4) + (marker?.lastSpan == s ? ">" : " ") + (hasWork(s, in: heap) ? "q" : " ") + " |"
                    : String(repeating: " ", count: 7) + "|"
                lines.append(prefix + piece + "|")
                row += 1
            }
        }
        if end < heap.spanCount {
            lines.append(L("… {0} more span(s): `spans {1}` shows the next ones", heap.spanCount - end, end))
        }
        return lines.joined(separator: "\n")
    }

    private func slots(of span: Int, in heap: SpanHeap) -> [String] {
        var cells = [String](repeating: "-", count: SpanHeap.slotsPerSpan)
        for i in 0..<heap.occupied(span: span) { cells[i] = "." }
        for o in heap.residents[span] { cells[heap.slotOf[o]] = cell(o) }
        return cells
    }

    private func cell(_ o: Int) -> String {
        guard let m = marker, m.marked[o] else { return "." }
        return m.scanned[o] ? Ink.paint("#", .green) : Ink.paint("o", .yellow)
    }

    /// Objects of the span wait on the work list: the span is queued
    /// (greentea) or some of its objects are (classic).
    private func hasWork(_ span: Int, in heap: SpanHeap) -> Bool {
        (marker?.grey(in: span, of: heap) ?? 0) > 0
    }

    /// One character per span: `.` nothing marked, `o` objects waiting,
    /// `+` partly scanned, `#` every live object scanned.
    private func overview(_ heap: SpanHeap, in context: SimulationContext) -> String {
        let perRow = max(16, min(64, context.width - 8))
        var lines = [L("{0} spans, one character each:", heap.spanCount),
                     L("# all live objects scanned  + some scanned  o objects waiting  . none marked")]
        var s = 0
        while s < heap.spanCount {
            var row = String(s).leftPadded(to: 6) + " "
            for t in s..<min(heap.spanCount, s + perRow) { row += spanCell(t, in: heap) }
            lines.append(row)
            s += perRow
            if lines.count > 16 && s < heap.spanCount {
                lines.append(L("… {0} more span(s)", heap.spanCount - s))
                break
            }
        }
        if let last = marker?.lastSpan { lines.append(L("last scanned: span {0}", last)) }
        lines.append(L("`spans FIRST` draws 10 spans slot by slot."))
        return lines.joined(separator: "\n")
    }

    private func spanCell(_ span: Int, in heap: SpanHeap) -> String {
        guard let m = marker else { return "." }
        let live = heap.residents[span]
        let black = live.count { m.scanned[$0] }
        if m.grey(in: span, of: heap) > 0 { return Ink.paint("o", .yellow) }
        if black == live.count && black > 0 { return Ink.paint("#", .green) }
        return black > 0 ? "+" : "."
    }

    func queueView(in context: SimulationContext) -> String {
        guard let heap else { return summary() }
        guard let m = marker else { return L("No mark yet: start one with `mark classic` or `mark greentea`.") }
        if m.done { return L("The work list is empty: the {0} mark has finished.", m.mode.rawValue) }
        var items: [String] = []
        let title: String
        switch m.mode {
        case .classic:
            title = L("work list (LIFO, {0} objects; the top is taken next):", m.waiting)
            for o in m.stack.reversed().prefix(Self.queueItems) {
                items.append(L("object {0} (span {1})", o, heap.spanOf[o]))
            }
        case .greentea:
            title = L("span queue (FIFO, {0} spans; the head is taken next):", m.waiting)
            for s in m.pendingSpans.prefix(Self.queueItems) {
                items.append(L("span {0} ({1} waiting)", s, m.grey(in: s, of: heap)))
            }
        }
        var lines = [title]
        lines += items.map { "  " + $0 }
        if m.waiting > Self.queueItems { lines.append("  " + L("… and {0} more", m.waiting - Self.queueItems)) }
        return lines.joined(separator: "\n")
    }
}

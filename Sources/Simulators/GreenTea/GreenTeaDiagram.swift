import TextKit

extension GreenTeaSimulator {
    /// Spans drawn at most; with more, the first ones, the last scanned and
    /// those at the head of the work list are drawn.
    static let diagramSpans = 40

    /// The spans coloured the tri-colour way (white: nothing marked, grey:
    /// objects waiting, black: every live object scanned; blue: partly
    /// scanned, nothing waiting), the work list with arrows to the spans its
    /// next items are in, and the figures of the mark.
    public func diagram() -> Diagram {
        let title = Self.info.name + " — " + Self.info.title
        guard let heap else {
            return Diagram(title: title, nodes: [Diagram.Node("summary", rows: [[Diagram.Cell(summary())]])])
        }
        var nodes: [Diagram.Node] = []
        var edges: [Diagram.Edge] = []

        var figures: [[Diagram.Cell]] = [
            [Diagram.Cell(L("layout"), bold: true), Diagram.Cell(heap.kind.rawValue)],
            [Diagram.Cell(L("live objects"), bold: true), Diagram.Cell(String(heap.objects))],
            [Diagram.Cell(L("spans"), bold: true), Diagram.Cell(String(heap.spanCount))],
        ]
        if let m = marker {
            figures += [
                [Diagram.Cell(L("marker"), bold: true), Diagram.Cell(m.mode.rawValue + (m.done ? " " + L("(done)") : ""))],
                [Diagram.Cell(L("objects scanned"), bold: true), Diagram.Cell(String(m.objectsScanned))],
                [Diagram.Cell(L("span visits"), bold: true), Diagram.Cell(String(m.spanVisits))],
                [Diagram.Cell(L("cost"), bold: true), Diagram.Cell(String(m.cost))],
            ]
        }
        nodes.append(Diagram.Node("summary", title: L("heap and mark"), rows: figures))

        // The work list's next items, as (label, span).
        var work: [(String, Int)] = []
        if let m = marker, !m.done {
            switch m.mode {
            case .classic:
                for o in m.stack.reversed().prefix(Self.queueItems) { work.append((L("object {0}", o), heap.spanOf[o])) }
            case .greentea:
                for s in m.pendingSpans.prefix(Self.queueItems) { work.append((L("span {0}", s), s)) }
            }
        }
        var shown = Set(0..<min(heap.spanCount, Self.diagramSpans))
        if let last = marker?.lastSpan { shown.insert(last) }
        for (_, s) in work { shown.insert(s) }

        var spanIDs: [String] = []
        for s in shown.sorted() {
            let live = heap.residents[s]
            let scanned = marker.map { m in live.count { m.scanned[$0] } } ?? 0
            let waiting = marker?.grey(in: s, of: heap) ?? 0
            let fill: Diagram.Color = waiting > 0 ? .grey : (scanned == live.count && scanned > 0 ? .black : (scanned > 0 ? .blue : .white))
            var spanTitle = L("span {0}", s)
            if marker?.lastSpan == s { spanTitle += " ◀ " + L("last scanned") }
            nodes.append(Diagram.Node("span\(s)", title: spanTitle, rows: [
                [Diagram.Cell(L("live")), Diagram.Cell(String(live.count))],
                [Diagram.Cell(L("scanned")), Diagram.Cell(String(scanned))],
                [Diagram.Cell(L("waiting")), Diagram.Cell(String(waiting))],
            ], fill: fill))
            spanIDs.append("span\(s)")
        }
        var clusters = [Diagram.Cluster("spans", label: L("spans of 8 KiB, {0} slots of 64 B each", SpanHeap.slotsPerSpan), nodes: spanIDs)]
        if heap.spanCount > shown.count {
            nodes.append(Diagram.Node("more", rows: [[Diagram.Cell(L("… {0} more span(s) not drawn", heap.spanCount - shown.count))]], fill: .grey))
            clusters[0].nodes.append("more")
        }

        if let m = marker {
            let listTitle = m.mode == .classic ? L("work list (LIFO): objects, next first") : L("span queue (FIFO): spans, next first")
            var rows: [[Diagram.Cell]] = work.enumerated().map { i, item in [Diagram.Cell(item.0, port: "w\(i)")] }
            if m.done { rows = [[Diagram.Cell(L("empty: the mark has finished"))]] }
            if m.waiting > work.count && !m.done { rows.append([Diagram.Cell(L("… and {0} more", m.waiting - work.count))]) }
            nodes.append(Diagram.Node("work", title: listTitle, rows: rows))
            for (i, item) in work.enumerated() {
                edges.append(Diagram.Edge(from: "work", port: "w\(i)", to: "span\(item.1)", label: i == 0 ? L("next") : nil,
                                          color: i == 0 ? .orange : nil, dashed: i > 0))
            }
        }
        nodes.append(Diagram.Node("legend", title: L("colours"), rows: [
            [Diagram.Cell(L("white"), fill: .white), Diagram.Cell(L("no live object marked"))],
            [Diagram.Cell(L("grey"), fill: .grey), Diagram.Cell(L("objects marked, waiting to be scanned"))],
            [Diagram.Cell(L("blue"), fill: .blue), Diagram.Cell(L("some live objects scanned, none waiting"))],
            [Diagram.Cell(L("black"), fill: .black), Diagram.Cell(L("every live object scanned"))],
        ]))
        return Diagram(title: title, nodes: nodes, edges: edges, clusters: clusters)
    }
}

import TextKit

/// The `heap` and `graph` pictures, shared by every simulator built on
/// `HeapGraph`. Colours are always spelled out, so the pictures read the
/// same without colour; `annotate` adds a simulator's own column (age,
/// finalizer, weak pointers…).
enum HeapViews {
    static let maxRows = 200

    static func paint(_ color: HeapColor) -> String {
        switch color {
        case .white: color.word
        case .grey: Ink.paint(color.word, .yellow)
        case .black: Ink.paint(color.word, .cyan)
        case .freed: Ink.paint(color.word, .red)
        }
    }

    /// `f -> B, g -> nil`
    static func fieldList(_ heap: HeapGraph, _ id: HeapGraph.ID) -> String {
        heap.fields(of: id).map { f in
            f.name + " -> " + target(heap, f.target)
        }.joined(separator: ", ")
    }

    static func target(_ heap: HeapGraph, _ t: HeapGraph.ID?) -> String {
        guard let t else { return "nil" }
        return heap.isLive(t) ? heap.name(of: t) : heap.name(of: t) + " " + L("(freed!)")
    }

    // MARK: - heap

    static func table(_ heap: HeapGraph, width: Int, annotate: (HeapGraph.ID) -> String = { _ in "" }) -> String {
        let objects = heap.addressOrder
        guard !objects.isEmpty else { return L("The heap is empty: create an object with `new NAME`.") }
        let shown = objects.prefix(maxRows)
        let notes = shown.map(annotate)
        let addrWidth = max(7, HeapCommands.hex(heap.top).count)
        let sizeWidth = max(4, shown.map { String(heap.sizes[Int($0)]).count }.max() ?? 4)
        let nameWidth = max(6, shown.map { DisplayWidth.of(heap.name(of: $0)) }.max() ?? 6)
        let noteWidth = notes.map { DisplayWidth.of($0) }.max() ?? 0
        var lines: [String] = []
        var header = L("address").padded(to: addrWidth) + "  " + L("size").leftPadded(to: sizeWidth) + "  "
            + L("object").padded(to: nameWidth) + "  " + L("colour").padded(to: 6) + "  " + L("root").padded(to: 4)
        if noteWidth > 0 { header += "  " + "".padded(to: noteWidth) }
        lines.append(header + "  " + L("fields"))
        var end = heap.base
        for (i, id) in shown.enumerated() {
            let a = heap.address(of: id)
            if a > end {
                lines.append(HeapCommands.hex(end).padded(to: addrWidth) + "  " + String(a - end).leftPadded(to: sizeWidth)
                             + "  " + L("(free)"))
            }
            end = max(end, a + heap.sizes[Int(id)])
            var line = HeapCommands.hex(a).padded(to: addrWidth) + "  " + String(heap.sizes[Int(id)]).leftPadded(to: sizeWidth)
                + "  " + heap.name(of: id).padded(to: nameWidth) + "  "
                + paint(heap.color(of: id)) + String(repeating: " ", count: 6 - heap.color(of: id).word.count)
                + "  " + (heap.isRoot(id) ? L("root") : "").padded(to: 4)
            if noteWidth > 0 { line += "  " + notes[i].padded(to: noteWidth) }
            let used = DisplayWidth.of(Ink.strip(line)) + 2
            let fields = fieldList(heap, id)
            if !fields.isEmpty { line += "  " + ScreenLines.cut(fields, width: width - used) }
            while line.last == " " { line.removeLast() }
            lines.append(ScreenLines.cut(line, width: width))
        }
        if objects.count > shown.count {
            lines.append(L("… and {0} more object(s)", objects.count - shown.count))
        }
        lines.append(summary(heap))
        return lines.joined(separator: "\n")
    }

    static func summary(_ heap: HeapGraph) -> String {
        var text = L("{0} object(s), {1} byte(s)", heap.objectCount, heap.byteCount)
        if heap.fragments > 0 {
            text += "; " + L("{0} hole(s) between objects, {1} byte(s) free, the largest {2}",
                             heap.fragments, heap.fragmentedBytes, heap.largestHole)
        }
        return text
    }

    // MARK: - graph

    /// Trees hanging from the roots in root order; an object drawn once is
    /// later only named ("see above"), so cycles and shared objects end the
    /// branch. Objects too deep for the width, then garbage, follow as
    /// trees of their own.
    static func graph(_ heap: HeapGraph, width: Int, annotate: @escaping (HeapGraph.ID) -> String = { _ in "" }) -> String {
        guard heap.objectCount > 0 else { return L("The heap is empty: create an object with `new NAME`.") }
        var drawing = GraphDrawing(heap: heap, width: width, annotate: annotate)
        let reachable = heap.reachable()
        if heap.roots.isEmpty { drawing.lines.append(L("No roots: every object is garbage.")) }
        for r in heap.roots { drawing.tree(r, root: true) }
        let live = heap.liveIDs
        if live.contains(where: { reachable[Int($0)] && !drawing.drawn[Int($0)] }) {
            drawing.lines.append(L("continued (deeper than the drawing's width):"))
            drawing.drawAll(live) { reachable[Int($0)] }
        }
        if live.contains(where: { !reachable[Int($0)] }) {
            drawing.lines.append(L("garbage (not reachable from any root):"))
            drawing.drawAll(live) { !reachable[Int($0)] }
        }
        let undrawn = live.count { !drawing.drawn[Int($0)] }
        if undrawn > 0 {
            drawing.lines.append(L("… {0} more object(s) not drawn; `heap` lists them all", undrawn))
        }
        return drawing.lines.joined(separator: "\n")
    }

    struct GraphDrawing {
        let heap: HeapGraph
        let width: Int
        let annotate: (HeapGraph.ID) -> String
        var lines: [String] = []
        var drawn: [Bool]

        init(heap: HeapGraph, width: Int, annotate: @escaping (HeapGraph.ID) -> String) {
            self.heap = heap
            self.width = width
            self.annotate = annotate
            drawn = Array(repeating: false, count: heap.slotCount)
        }

        var maxDepth: Int { max(2, (width - 24) / 3) }

        mutating func emit(_ line: String) { lines.append(ScreenLines.cut(line, width: width)) }

        func label(_ id: HeapGraph.ID) -> String {
            let note = annotate(id)
            return heap.name(of: id) + "  " + paint(heap.color(of: id)) + (note.isEmpty ? "" : "  " + note)
        }

        mutating func tree(_ id: HeapGraph.ID, root: Bool) {
            guard !drawn[Int(id)] else { return }
            guard lines.count < maxRows else { return }
            drawn[Int(id)] = true
            emit((root ? "[" + L("root") + "] " : "") + label(id))
            children(of: id, prefix: " ", depth: 1)
        }

        /// Draws every object of `ids` that passes `filter` and is not drawn
        /// yet, again and again, since a tree may leave deep objects for later.
        mutating func drawAll(_ ids: [HeapGraph.ID], _ filter: (HeapGraph.ID) -> Bool) {
            var progress = true
            while progress && lines.count < maxRows {
                progress = false
                for id in ids where filter(id) && !drawn[Int(id)] && lines.count < maxRows {
                    tree(id, root: false)
                    progress = true
                }
            }
        }

        mutating func children(of id: HeapGraph.ID, prefix: String, depth: Int) {
            let fields = heap.fields(of: id)
            for (i, f) in fields.enumerated() {
                let last = i == fields.count - 1
                let head = prefix + (last ? "└─ " : "├─ ") + f.name + " -> "
                guard lines.count < maxRows else { return }
                guard let t = f.target else { emit(head + "nil"); continue }
                if !heap.isLive(t) {
                    emit(head + heap.name(of: t) + "  " + paint(.freed) + " " + L("(dangling pointer)"))
                } else if drawn[Int(t)] {
                    emit(head + heap.name(of: t) + "  " + paint(heap.color(of: t)) + " " + L("(see above)"))
                } else if (depth >= maxDepth || DisplayWidth.of(Ink.strip(head + label(t))) > width) && !heap.fields(of: t).isEmpty {
                    emit(head + heap.name(of: t) + "  " + paint(heap.color(of: t)) + " " + L("(continued below)"))
                } else {
                    drawn[Int(t)] = true
                    emit(head + label(t))
                    children(of: t, prefix: prefix + (last ? "   " : "│  "), depth: depth + 1)
                }
            }
        }
    }
}

import TextKit

/// What the `weak` simulator adds to the shared heap pictures, and `refs`.
extension WeakSimulator {
    /// `finalizer · 2 cleanup(s) · weak W` for the heap and graph views.
    func annotation(_ id: ID) -> String {
        var notes: [String] = []
        if finalizers.contains(id) { notes.append(L("finalizer")) }
        let n = cleanups.count { $0 == id }
        if n > 0 { notes.append(L("{0} cleanup(s)", n)) }
        let weak = weakPointers.filter { $0.value(in: heap) == id }.map(\.name)
        if !weak.isEmpty { notes.append(L("weak {0}", HeapCommands.list(weak))) }
        return notes.joined(separator: " · ")
    }

    func references(width: Int) -> String {
        var lines: [String] = []
        for w in weakPointers {
            let target = heap.name(of: w.target)
            lines.append(ScreenLines.cut(w.value(in: heap) != nil
                ? L("weak {0} -> {1}: Value() = {1}", w.name, target)
                : L("weak {0} -> nil: {1} was found unreachable", w.name, target), width: width))
        }
        for h in handles {
            lines.append(ScreenLines.cut(L("unique {0} = handle #{1} of \"{2}\"", h.name, h.value + 1, Sanitizer.line(canonical[h.value])), width: width))
        }
        return lines.isEmpty ? L("No weak pointers or unique handles yet.") : lines.joined(separator: "\n")
    }
}

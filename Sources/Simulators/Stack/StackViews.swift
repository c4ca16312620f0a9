import TextKit

/// The `stack` diagram and the `stats` table.
extension StackSimulator {
    /// Segments drawn in full before the middle ones are elided.
    static let segmentsShown = 6
    /// Rows drawn per segment before the middle ones are elided.
    static let rowsShown = 24

    func stackView(in context: SimulationContext) -> String {
        let g = goroutine
        var lines = [g.mode == .segmented
            ? L("segmented stack: {0} reserved in {1} segment(s)", StackSize.text(g.size), g.segments.count)
            : L("{0} stack: {1} reserved at [{2},{3})", g.mode.rawValue, StackSize.text(g.size),
                AsmOperand.hex(g.segments[0].base), AsmOperand.hex(g.segments[0].hi))]
        lines.append(L("{0} bytes used, depth {1}", g.used, g.depth))
        let addressWidth = g.segments.map { AsmOperand.hex($0.hi).count }.max() ?? 6
        let inner = max(20, min(60, context.width - addressWidth - 6))
        var shown = Array(g.segments.indices)
        if shown.count > Self.segmentsShown {
            shown = Array(shown.prefix(2)) + [-1] + Array(shown.suffix(3))
        }
        for s in shown {
            if s < 0 {
                lines.append(L("⋮ {0} more segment(s)", g.segments.count - 5))
                continue
            }
            lines += box(segment: s, addressWidth: addressWidth, inner: inner)
        }
        if g.depth == 0 { lines.append(L("no frames: `call NAME FRAME` pushes one")) }
        return ScreenLines.fit(lines, width: context.width)
    }

    /// One segment (or the whole block) from its top down: frames oldest
    /// first, runs of identical frames folded, the stack pointer, the free part.
    private func box(segment s: Int, addressWidth: Int, inner: Int) -> [String] {
        let g = goroutine
        let segment = g.segments[s]
        var lines: [String] = []
        if g.mode == .segmented {
            let origin = segment.openedBy.map { L("opened by {0}", g.frames[$0].name) } ?? L("the goroutine's first")
            lines.append(L("segment {0}: {1} at [{2},{3}), {4}", s + 1, StackSize.text(segment.size),
                           AsmOperand.hex(segment.base), AsmOperand.hex(segment.hi), origin))
        }
        let pad = String(repeating: " ", count: addressWidth)
        func address(_ a: Int) -> String { AsmOperand.hex(a).leftPadded(to: addressWidth) }
        func row(_ text: String) -> String {
            let cut = DisplayWidth.of(text) > inner - 1 ? DisplayWidth.prefix(text, columns: inner - 2) + "…" : text
            return pad + " │ " + cut.padded(to: inner - 1) + "│"
        }
        let rule = String(repeating: "─", count: inner)
        lines.append(address(segment.hi) + " ┌" + rule + "┐")
        var rows = frameRows(in: s)
        if rows.count > Self.rowsShown {
            let hidden = rows.count - Self.rowsShown + 1
            rows = Array(rows.prefix(8)) + [L("⋮ {0} more row(s)", hidden)] + Array(rows.suffix(Self.rowsShown - 9))
        }
        lines += rows.map(row)
        if segment.used > 0 && segment.free > 0 {
            let isTop = s == g.segments.count - 1
            lines.append(address(segment.hi - segment.used) + " ├" + rule + "┤" + (isTop ? " sp" : ""))
        }
        if segment.free > 0 { lines.append(row(Ink.paint(L("free: {0} bytes", segment.free), .dim))) }
        lines.append(address(segment.base) + " └" + rule + "┘")
        return lines
    }

    private func frameRows(in s: Int) -> [String] {
        let g = goroutine
        var rows: [String] = []
        var i = 0
        while i < g.frames.count {
            let f = g.frames[i]
            guard f.segment == s else { i += 1; continue }
            var j = i
            while j + 1 < g.frames.count, f.variables.isEmpty, g.frames[j + 1].segment == s,
                  g.frames[j + 1].name == f.name, g.frames[j + 1].size == f.size, g.frames[j + 1].variables.isEmpty {
                j += 1
            }
            let lo = g.top(of: j) - g.frames[j].size
            let range = "[" + AsmOperand.hex(lo) + "," + AsmOperand.hex(g.top(of: i)) + ")"
            rows.append(j > i
                ? L("{0} × {1}  {2} bytes each  {3}", f.name, j - i + 1, f.size, range)
                : L("{0}  {1} bytes  {2}", f.name, f.size, range))
            for (v, variable) in f.variables.enumerated() {
                let at = AsmOperand.hex(g.address(of: StackSlot(frame: i, variable: v)))
                if let t = variable.target {
                    let target = g.frames[t.frame]
                    rows.append("  " + L("{0} @{1} → {2} ({3} in {4})", variable.name, at, AsmOperand.hex(g.address(of: t)),
                                         target.variables[t.variable].name, target.name))
                } else {
                    rows.append("  " + L("{0} @{1}", variable.name, at))
                }
            }
            i = j + 1
        }
        return rows
    }

    func statsView(in context: SimulationContext) -> String {
        let g = goroutine, c = counters
        let lines = [
            L("mode {0} · start {1} · max {2} bytes", g.mode.rawValue, StackSize.text(g.start), g.limit),
            L("reserved {0} bytes in {1} segment(s) · used {2} bytes · depth {3}", g.size, g.segments.count, g.used, g.depth),
            L("calls {0} · allocations {1} · splits {2}", c.calls, c.allocations, c.splits),
            L("copies {0} (gc shrinks {1}) · bytes copied {2} · pointers adjusted {3}", c.copies, c.shrinks, c.bytesCopied, c.pointersAdjusted),
            L("overflow {0}", overflow ? "true" : "false"),
            L("cost {0} = {1} calls × {2} + {3} allocations × {4} + {5} bytes copied ÷ {6}", c.cost,
              c.calls, StackCounters.callCost, c.allocations, StackCounters.allocationCost,
              c.bytesCopied, StackCounters.bytesPerCopyUnit),
        ]
        return ScreenLines.fit(lines, width: context.width)
    }
}

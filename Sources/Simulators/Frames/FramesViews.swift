import TextKit

/// The `stack` and `heap` pictures of the `frames` machine.
extension FramesSimulator {
    func stackView(in context: SimulationContext) -> String {
        guard !stack.frames.isEmpty else {
            return L("stack: empty — the program has exited")
        }
        var lines = [L("stack: grows down from {0}, 8 bytes per local; depth {1}, top first",
                       AsmOperand.hex(FramesStack.top), stack.depth)]
        let width = max(4, stack.allNames.map(\.count).max() ?? 0)
        for (i, frame) in stack.frames.enumerated().reversed() {
            let mark = i == stack.depth - 1 ? "  " + L("(top)") : ""
            lines.append(Ink.paint(frame.name, .bold) + mark)
            if frame.locals.isEmpty { lines.append("    " + L("(no locals)")) }
            for local in frame.locals {
                lines.append("    " + AsmOperand.hex(local.address) + "  " + local.name.padded(to: width) + " = " + describe(local.value))
            }
        }
        return ScreenLines.fit(lines, width: context.width)
    }

    func heapView(in context: SimulationContext) -> String {
        let gaps = heap.gaps
        var lines = [L("heap [{0},{1}), {2} bytes", AsmOperand.hex(FramesHeap.base), AsmOperand.hex(heap.end), heap.size),
                     L("used {0} in {1} block(s); free {2} in {3} gap(s), the largest {4}",
                       heap.used, heap.live.count, heap.free, gaps.count, heap.largestFree)]
        lines += bar(width: context.width)
        // Blocks and gaps in address order, each block with the locals pointing at it.
        var rows: [(address: Int, text: String)] = []
        for (i, block) in heap.live.enumerated() {
            let holders = pointers { if case .heap(block.serial, _) = $0 { true } else { false } }
            let who = holders.isEmpty
                ? Ink.paint(L("← nobody: unreachable, it will leak"), .yellow)
                : "← " + holders.joined(separator: ", ")
            rows.append((block.address, Self.letter(i) + " " + AsmOperand.hex(block.address) + "  "
                         + String(block.size).leftPadded(to: 5) + " B  " + L("block").padded(to: 5) + "  " + who))
        }
        for gap in gaps {
            rows.append((gap.address, "  " + AsmOperand.hex(gap.address) + "  " + String(gap.size).leftPadded(to: 5)
                         + " B  " + Ink.paint(L("free"), .dim)))
        }
        lines += rows.sorted { $0.address < $1.address }.map(\.text)
        let dangling = pointers { target in
            if case .heap(let serial, _) = target { heap.liveBlock(serial) == nil } else { false }
        }
        if !dangling.isEmpty {
            lines.append(Ink.paint(L("dangling (their blocks were freed): {0}", dangling.joined(separator: ", ")), .red))
        }
        return ScreenLines.fit(lines, width: context.width)
    }

    /// The locals holding a pointer that matches, as "p (main)".
    private func pointers(where matches: (FramesTarget) -> Bool) -> [String] {
        stack.frames.flatMap { frame in
            frame.locals.compactMap { local -> String? in
                guard case .pointer(let t) = local.value, matches(t) else { return nil }
                return "\(local.name) (\(frame.name))"
            }
        }
    }

    /// One character per 8 bytes, or more when the heap is wider than the
    /// screen: a block's letter where a block lies, `.` where memory is free.
    /// The scale follows on the same line when there is room.
    private func bar(width: Int) -> [String] {
        let columns = max(8, min(64, width - 2))
        let words = heap.size / FramesHeap.alignment
        let wordsPerChar = (words + columns - 1) / columns
        let bytesPerChar = wordsPerChar * FramesHeap.alignment
        var text = "|"
        var address = FramesHeap.base
        while address < heap.end {
            let next = min(address + bytesPerChar, heap.end)
            if let i = heap.live.firstIndex(where: { $0.address < next && $0.end > address }) {
                text += Self.letter(i)
            } else {
                text += "."
            }
            address = next
        }
        text += "|"
        let scale = L("one character = {0} bytes", bytesPerChar)
        return DisplayWidth.of(text + "  " + scale) <= width ? [text + "  " + scale] : [text, scale]
    }

    static func letter(_ i: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        return i < letters.count ? String(letters[i]) : "#"
    }
}

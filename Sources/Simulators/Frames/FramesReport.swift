import TextKit

/// The memory bugs the `frames` machine detects. The raw values are the
/// names lessons assert on (`errors.kinds`).
enum FramesBug: String, Sendable, CaseIterable {
    case doubleFree = "double-free"
    case useAfterFree = "use-after-free"
    case danglingStackPointer = "dangling-stack-pointer"
    case outOfMemory = "out-of-memory"
    case leak
}

/// How memory was touched, in ASan's words.
enum FramesAccess: Sendable {
    case read, write
    var word: String { self == .read ? "READ" : "WRITE" }
}

/// A detected bug, worded the way AddressSanitizer and LeakSanitizer word
/// theirs: a one-line summary (kept as `errors.last`) and lines of detail.
/// Unlike a sanitizer the machine does not abort: the faulty operation is
/// refused and the program goes on, so the learner can look around.
struct FramesReport: Equatable, Sendable {
    var kind: FramesBug
    var summary: String
    var details: [String]

    /// The report as printed: a red header, then indented details.
    var rendered: String {
        let header = kind == .leak ? summary : L("ERROR: AddressSanitizer: {0}", summary)
        return ([Ink.paint(header, .red)] + details.map { "  " + $0 }).joined(separator: "\n")
    }

    static func region(_ b: FramesBlock) -> String {
        L("{0} is located 0 bytes inside of {1}-byte region [{2},{3})",
          AsmOperand.hex(b.address), b.size, AsmOperand.hex(b.address), AsmOperand.hex(b.end))
    }

    static func history(_ b: FramesBlock) -> String {
        L("freed by {0}; previously allocated by {1}", b.freedBy ?? "?", b.allocatedBy)
    }

    static func doubleFree(pointer: String, block b: FramesBlock) -> FramesReport {
        FramesReport(kind: .doubleFree,
                     summary: L("attempting double-free on {0} through `{1}`: the block was already freed by {2}",
                                AsmOperand.hex(b.address), pointer, b.freedBy ?? "?"),
                     details: [region(b), history(b), L("This free was refused: the heap is unchanged.")])
    }

    static func useAfterFree(_ access: FramesAccess, pointer: String, block b: FramesBlock,
                             reusedBy: FramesBlock?) -> FramesReport {
        var details = [region(b), history(b)]
        if let r = reusedBy {
            details.append(L("That memory now belongs to the block allocated by {0}: the access would have hit its data.", r.allocatedBy))
        }
        details.append(L("The access was stopped: memory is unchanged."))
        return FramesReport(kind: .useAfterFree,
                            summary: L("heap-use-after-free: {0} of size 8 at {1} through `{2}`, whose block was freed by {3}",
                                       access.word, AsmOperand.hex(b.address), pointer, b.freedBy ?? "?"),
                            details: details)
    }

    static func dangling(_ access: FramesAccess, pointer: String, frame: String, variable: String,
                         address: Int, occupant: String?) -> FramesReport {
        var details = [L("Address {0} was the slot of local `{1}` in frame `{2}`; that frame was popped by `ret`.",
                         AsmOperand.hex(address), variable, frame)]
        details.append(occupant.map { L("The slot now holds {0}: the access would have hit another variable.", $0) }
                       ?? L("No live local uses that slot now; the next call will reuse it."))
        details.append(L("The access was stopped: memory is unchanged."))
        return FramesReport(kind: .danglingStackPointer,
                            summary: L("stack-use-after-return: {0} of size 8 at {1} through `{2}`, which points to `{3}` of `{4}`, a frame that has returned",
                                       access.word, AsmOperand.hex(address), pointer, variable, frame),
                            details: details)
    }

    static func outOfMemory(requested: Int, pointer: String, heap: FramesHeap) -> FramesReport {
        let needed = FramesHeap.rounded(requested)
        let pieces = heap.gaps.count
        let fragmented = heap.free >= needed
        let summary = fragmented
            ? L("out of memory: malloc({0}) needs {1} bytes; {2} bytes are free but in {3} piece(s), the largest {4} bytes (fragmentation)",
                requested, needed, heap.free, pieces, heap.largestFree)
            : L("out of memory: malloc({0}) needs {1} bytes; only {2} bytes are free, in {3} piece(s), the largest {4} bytes",
                requested, needed, heap.free, pieces, heap.largestFree)
        var details = [L("malloc returned NULL: nothing was allocated and `{0}` is unchanged.", pointer)]
        if fragmented {
            details.append(L("The free bytes lie between blocks still in use; freeing a neighbour joins them into one gap."))
        }
        return FramesReport(kind: .outOfMemory, summary: summary, details: details)
    }

    static func leak(_ b: FramesBlock) -> FramesReport {
        FramesReport(kind: .leak,
                     summary: L("Direct leak of {0} byte(s) in 1 object(s) at {1} allocated by {2}",
                                b.requested, AsmOperand.hex(b.address), b.allocatedBy),
                     details: [])
    }
}

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
/// theirs: a header line as the sanitizer prints it, lines of detail, and a
/// one-line summary of the whole (kept as `errors.last` for checks).
/// Unlike a sanitizer the machine does not abort: the faulty operation is
/// refused and the program goes on, so the learner can look around.
struct FramesReport: Equatable, Sendable {
    var kind: FramesBug
    var header: String
    var summary: String
    var details: [String]

    /// The report as printed: a red header, then indented details.
    var rendered: String {
        ([Ink.paint(header, .red)] + details.map { "  " + $0 }).joined(separator: "\n")
    }

    static func asan(_ title: String) -> String { L("ERROR: AddressSanitizer: {0}", title) }

    static func region(_ b: FramesBlock) -> String {
        L("{0} is located 0 bytes inside of {1}-byte region [{2},{3})",
          AsmOperand.hex(b.address), b.size, AsmOperand.hex(b.address), AsmOperand.hex(b.end))
    }

    static func history(_ b: FramesBlock) -> [String] {
        [L("freed by {0}", b.freedBy ?? "?"), L("previously allocated by {0}", b.allocatedBy)]
    }

    static func doubleFree(pointer: String, block b: FramesBlock) -> FramesReport {
        FramesReport(kind: .doubleFree,
                     header: asan(L("attempting double-free on {0}", AsmOperand.hex(b.address))),
                     summary: L("attempting double-free on {0} through `{1}`: the block was already freed by {2}",
                                AsmOperand.hex(b.address), pointer, b.freedBy ?? "?"),
                     details: [L("`{0}` still holds the address of a freed block", pointer), region(b)] + history(b)
                        + [L("This free was refused: the heap is unchanged.")])
    }

    static func useAfterFree(_ access: FramesAccess, pointer: String, block b: FramesBlock,
                             reusedBy: FramesBlock?) -> FramesReport {
        var details = [L("{0} of size 8 at {1} through `{2}`", access.word, AsmOperand.hex(b.address), pointer), region(b)]
            + history(b)
        if let r = reusedBy {
            details.append(L("That memory now belongs to the block allocated by {0}.", r.allocatedBy))
        }
        details.append(L("The access was stopped: memory is unchanged."))
        return FramesReport(kind: .useAfterFree,
                            header: asan(L("heap-use-after-free on address {0}", AsmOperand.hex(b.address))),
                            summary: L("heap-use-after-free: {0} of size 8 at {1} through `{2}`, whose block was freed by {3}",
                                       access.word, AsmOperand.hex(b.address), pointer, b.freedBy ?? "?"),
                            details: details)
    }

    static func dangling(_ access: FramesAccess, pointer: String, frame: String, variable: String,
                         address: Int, occupant: String?) -> FramesReport {
        let details = [
            L("{0} of size 8 at {1} through `{2}`", access.word, AsmOperand.hex(address), pointer),
            L("{0} was the slot of `{1}` in frame {2}, popped by `ret`", AsmOperand.hex(address), variable, frame),
            occupant.map { L("The slot now holds {0}: the access would have hit it.", $0) }
                ?? L("No live local uses that slot now; the next call will reuse it."),
            L("The access was stopped: memory is unchanged."),
        ]
        return FramesReport(kind: .danglingStackPointer,
                            header: asan(L("stack-use-after-return on address {0}", AsmOperand.hex(address))),
                            summary: L("stack-use-after-return: {0} of size 8 at {1} through `{2}`, which points to `{3}` of `{4}`, a frame that has returned",
                                       access.word, AsmOperand.hex(address), pointer, variable, frame),
                            details: details)
    }

    static func outOfMemory(requested: Int, pointer: String, heap: FramesHeap) -> FramesReport {
        let needed = FramesHeap.rounded(requested)
        let fragmented = heap.free >= needed
        let title = L("out of memory: malloc({0}) needs {1} bytes", requested, needed)
        let free = fragmented
            ? L("{0} bytes are free but in {1} piece(s), the largest {2} bytes (fragmentation)",
                heap.free, heap.gaps.count, heap.largestFree)
            : L("only {0} bytes are free, in {1} piece(s), the largest {2} bytes",
                heap.free, heap.gaps.count, heap.largestFree)
        var details = [free, L("malloc returned NULL: nothing was allocated and `{0}` is unchanged.", pointer)]
        if fragmented {
            details.append(L("The free bytes lie between blocks in use; freeing a neighbour joins gaps."))
        }
        return FramesReport(kind: .outOfMemory, header: asan(title), summary: title + "; " + free, details: details)
    }

    static func leak(_ b: FramesBlock) -> FramesReport {
        let header = L("Direct leak of {0} byte(s) in 1 object(s) at {1}", b.requested, AsmOperand.hex(b.address))
        let origin = L("allocated by {0}", b.allocatedBy)
        return FramesReport(kind: .leak, header: header, summary: header + " " + origin, details: [origin])
    }
}

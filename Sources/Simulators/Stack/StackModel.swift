import TextKit

/// The three ways a goroutine's stack has been managed.
public enum StackMode: String, CaseIterable, Sendable {
    /// One block of `start` bytes for ever: a frame that does not fit overflows.
    case fixed
    /// Go up to 1.2: a frame that does not fit gets a new segment.
    case segmented
    /// Go 1.3 on: a frame that does not fit makes the stack double, by copying.
    case copying
}

/// One contiguous piece of stack memory: the whole stack in fixed and
/// copying mode, one segment in segmented mode. Frames fill it from the top
/// (`hi`) down, as stacks grow towards lower addresses.
struct StackSegment: Equatable, Sendable {
    var base: Int
    var size: Int
    var used = 0
    /// The frame whose call allocated it (segmented mode); nil for the
    /// goroutine's first stack.
    var openedBy: Int?

    var hi: Int { base + size }
    var free: Int { size - used }
}

/// Where a pointer points: variable `variable` of frame `frame`.
struct StackSlot: Equatable, Sendable {
    var frame: Int
    var variable: Int
}

/// A variable in a frame: a plain local, or a pointer to a local of the same
/// or an older frame — the only pointers into a stack Go allows, which is
/// what makes moving the stack possible.
struct StackVariable: Equatable, Sendable {
    var name: String
    var target: StackSlot?
}

struct StackFrame: Equatable, Sendable {
    var name: String
    var size: Int
    var segment: Int
    /// Bytes between the segment's top and this frame's top.
    var offset: Int
    var variables: [StackVariable] = []

    /// Every variable takes one 8-byte word inside the frame.
    var capacity: Int { size / StackGoroutine.wordSize }
}

/// The memory stacks are carved from. Addresses are handed out upwards from
/// `base`; a released block is cached by size and handed out again first,
/// last released first (like the runtime's stack cache). So a hot split
/// gets the same segment back every time and addresses stay easy to follow.
struct StackArena: Equatable, Sendable {
    static let base = 0x10000

    var next = base
    var cache: [Int: [Int]] = [:]

    mutating func allocate(_ size: Int) -> Int {
        if let address = cache[size]?.popLast() { return address }
        defer { next += size }
        return next
    }

    mutating func release(_ segment: StackSegment) {
        cache[segment.size, default: []].append(segment.base)
    }
}

/// What the goroutine has done so far, and what it cost.
///
/// The cost model, in units: a call costs 1 (its return included); an
/// allocation of a stack or a segment costs 20 (its release included); a
/// copy costs 1 per 8 bytes copied. Nothing else costs anything.
struct StackCounters: Equatable, Sendable {
    static let callCost = 1
    static let allocationCost = 20
    static let bytesPerCopyUnit = 8

    var calls = 0
    var allocations = 0
    /// Segments allocated (segmented mode), the first one included.
    var splits = 0
    /// Stack copies, growing or shrinking.
    var copies = 0
    var shrinks = 0
    var bytesCopied = 0
    var pointersAdjusted = 0

    var cost: Int {
        calls * Self.callCost + allocations * Self.allocationCost + bytesCopied / Self.bytesPerCopyUnit
    }

    /// `self + (after - before) × times`: repeating one step's effect.
    func repeating(from before: StackCounters, to after: StackCounters, times: Int) -> StackCounters {
        StackCounters(calls: calls + (after.calls - before.calls) * times,
                      allocations: allocations + (after.allocations - before.allocations) * times,
                      splits: splits + (after.splits - before.splits) * times,
                      copies: copies + (after.copies - before.copies) * times,
                      shrinks: shrinks + (after.shrinks - before.shrinks) * times,
                      bytesCopied: bytesCopied + (after.bytesCopied - before.bytesCopied) * times,
                      pointersAdjusted: pointersAdjusted + (after.pointersAdjusted - before.pointersAdjusted) * times)
    }
}

/// Something the stack did while a command ran, for the command's output.
enum StackEvent: Equatable, Sendable {
    /// A copying stack moved to a bigger (or, at GC, smaller) block.
    case moved(from: Int, to: Int, copied: Int, pointers: Int, distance: Int)
    /// A new segment was allocated.
    case split(size: Int)
    /// A segment was freed when the frame that opened it returned.
    case released(size: Int)
}

/// Sizes the way the model is computed: exact bytes, in KiB/MiB/GiB only
/// when they divide evenly, so every figure can be checked by hand.
enum StackSize {
    static func text(_ bytes: Int) -> String {
        for (unit, factor) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        where bytes >= factor && bytes % factor == 0 {
            return "\(bytes / factor) \(unit)"
        }
        return "\(bytes) B"
    }
}

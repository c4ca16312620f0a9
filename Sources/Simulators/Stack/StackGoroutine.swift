/// One goroutine's stack: its segments (one block unless segmented), its
/// frames and the memory they come from. Frames take exactly the bytes
/// they ask for, so every figure can be worked out by hand:
///
/// - fixed: one block of `start` bytes; a frame that does not fit overflows.
/// - segmented: a frame that does not fit in the current segment gets a new
///   segment of max(start, frame) bytes; the segment is freed when that frame
///   returns. Frames never span segments.
/// - copying: a frame that does not fit doubles the stack (repeatedly, until
///   it fits) in one move: the used bytes are copied to the new block and
///   every pointer into the old stack is adjusted by the distance moved
///   (runtime/stack.go `copystack`, `adjustpointer`).
struct StackGoroutine: Equatable, Sendable {
    static let wordSize = 8
    /// Frames the simulator follows at once; deeper requests are refused
    /// (after Go's own limit has been checked, which needs no frames).
    static let maxDepth = 100_000

    /// What pushing some frames would do, worked out per size change.
    enum Plan: Equatable {
        case fits
        /// A fixed stack overflows; `fitting` frames would have fit.
        case overflow(fitting: Int)
        /// The reservation would pass `limit`: Go's "goroutine stack exceeds".
        case limit(wanted: Int)
    }

    let mode: StackMode
    let start: Int
    let limit: Int
    private(set) var segments: [StackSegment] = []
    private(set) var frames: [StackFrame] = []
    private(set) var arena = StackArena()

    /// A new goroutine with its first stack of `start` bytes.
    init(mode: StackMode, start: Int, limit: Int, counters: inout StackCounters) {
        self.mode = mode
        self.start = start
        self.limit = limit
        segments = [StackSegment(base: arena.allocate(start), size: start)]
        counters.allocations += 1
        if mode == .segmented { counters.splits += 1 }
    }

    var size: Int { segments.reduce(0) { $0 + $1.size } }
    var used: Int { segments.reduce(0) { $0 + $1.used } }
    var depth: Int { frames.count }
    var pointerCount: Int { frames.reduce(0) { $0 + $1.variables.count(where: { $0.target != nil }) } }

    /// The highest address of a frame (frames grow down from it).
    func top(of frame: Int) -> Int { segments[frames[frame].segment].hi - frames[frame].offset }

    func address(of slot: StackSlot) -> Int { top(of: slot.frame) - Self.wordSize * (slot.variable + 1) }

    /// A copying stack's next size: double, and double again until the frame fits.
    static func grown(_ size: Int, used: Int, frame: Int) -> Int {
        var n = size * 2
        while n - used < frame { n *= 2 }
        return n
    }

    /// Checks `count` nested calls of `frame` bytes without pushing them: the
    /// work is per segment or per doubling, never per frame, so a request for
    /// a hundred million frames is answered at once.
    func plan(count: Int, frame: Int) -> Plan {
        switch mode {
        case .fixed:
            let fitting = segments[0].free / frame
            return fitting >= count ? .fits : .overflow(fitting: fitting)
        case .segmented:
            let rest = count - min(count, segments[segments.count - 1].free / frame)
            guard rest > 0 else { return .fits }
            let segmentSize = max(start, frame)
            let perSegment = segmentSize / frame
            let needed = (rest + perSegment - 1) / perSegment
            let room = limit >= size ? (limit - size) / segmentSize : 0
            return needed <= room ? .fits : .limit(wanted: size + (room + 1) * segmentSize)
        case .copying:
            var reserved = segments[0].size, used = segments[0].used, left = count
            while true {
                let fitting = (reserved - used) / frame
                if fitting >= left { return .fits }
                used += fitting * frame
                left -= fitting
                reserved = Self.grown(reserved, used: used, frame: frame)
                if reserved > limit { return .limit(wanted: reserved) }
            }
        }
    }

    /// Pushes one frame that `plan` cleared.
    mutating func push(_ name: String, size frame: Int, counters: inout StackCounters) -> [StackEvent] {
        var events: [StackEvent] = []
        counters.calls += 1
        switch mode {
        case .fixed:
            break
        case .segmented:
            if segments[segments.count - 1].free < frame {
                let size = max(start, frame)
                segments.append(StackSegment(base: arena.allocate(size), size: size, openedBy: frames.count))
                counters.allocations += 1
                counters.splits += 1
                events.append(.split(size: size))
            }
        case .copying:
            if segments[0].free < frame {
                events.append(move(to: Self.grown(segments[0].size, used: segments[0].used, frame: frame), counters: &counters))
            }
        }
        let s = segments.count - 1
        frames.append(StackFrame(name: name, size: frame, segment: s, offset: segments[s].used))
        segments[s].used += frame
        return events
    }

    mutating func pop() -> [StackEvent] {
        let frame = frames.removeLast()
        segments[frame.segment].used -= frame.size
        if let last = segments.last, last.openedBy == frames.count {
            arena.release(segments.removeLast())
            return [.released(size: last.size)]
        }
        return []
    }

    mutating func declare(_ name: String, target: StackSlot?) {
        frames[frames.count - 1].variables.append(StackVariable(name: name, target: target))
    }

    /// GC's shrink (runtime/stack.go `shrinkstack`): a copying stack using
    /// less than a quarter of its size moves to one half the size, unless
    /// that would go below `start`.
    var canShrink: Bool { mode == .copying && used < size / 4 && size / 2 >= start }

    mutating func shrink(counters: inout StackCounters) -> StackEvent {
        counters.shrinks += 1
        return move(to: size / 2, counters: &counters)
    }

    /// Moves the one block of a copying stack: frames keep their offsets from
    /// the top, so every address — and every pointer — shifts by the same
    /// distance.
    private mutating func move(to newSize: Int, counters: inout StackCounters) -> StackEvent {
        let old = segments[0]
        let new = StackSegment(base: arena.allocate(newSize), size: newSize, used: old.used)
        arena.release(old)
        segments[0] = new
        let pointers = pointerCount
        counters.allocations += 1
        counters.copies += 1
        counters.bytesCopied += old.used
        counters.pointersAdjusted += pointers
        return .moved(from: old.size, to: newSize, copied: old.used, pointers: pointers, distance: new.hi - old.hi)
    }
}

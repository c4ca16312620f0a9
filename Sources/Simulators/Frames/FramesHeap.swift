import TextKit

/// One allocation. Freed blocks are kept in the heap's history so a later
/// misuse can be explained ("freed by `free p`"), as ASan's quarantine does.
struct FramesBlock: Equatable, Sendable {
    var serial: Int
    var address: Int
    /// Bytes reserved: the request rounded up to 8.
    var size: Int
    /// Bytes asked for.
    var requested: Int
    /// The command that allocated it, and the frame it ran in.
    var allocatedBy: String
    var freedBy: String?

    var end: Int { address + size }
}

/// A run of free bytes between blocks.
struct FramesGap: Equatable, Sendable {
    var address: Int
    var size: Int
}

/// A manual heap as C's malloc/free would manage it, minus the bookkeeping
/// headers: blocks are 8-byte aligned (sizes round up to 8) and placed by
/// first fit — the lowest gap big enough. Memory is not cleared, so a block
/// may start with what a freed block left there.
struct FramesHeap: Equatable, Sendable {
    static let base = 0x1000
    static let defaultSize = 256
    static let sizeRange = 16...16_384
    static let alignment = 8

    private(set) var size = defaultSize
    /// Live blocks in address order.
    private(set) var live: [FramesBlock] = []
    /// Freed blocks by serial.
    private(set) var freed: [Int: FramesBlock] = [:]
    /// One entry per 8-byte word; nil where nothing was ever stored.
    private(set) var words: [Int?] = Array(repeating: nil, count: defaultSize / alignment)
    private var nextSerial = 1

    var end: Int { Self.base + size }
    var used: Int { live.reduce(0) { $0 + $1.size } }
    var free: Int { size - used }
    var hasAllocated: Bool { nextSerial > 1 }

    var gaps: [FramesGap] {
        var out: [FramesGap] = []
        var cursor = Self.base
        for b in live {
            if b.address > cursor { out.append(FramesGap(address: cursor, size: b.address - cursor)) }
            cursor = b.end
        }
        if end > cursor { out.append(FramesGap(address: cursor, size: end - cursor)) }
        return out
    }

    var largestFree: Int { gaps.map(\.size).max() ?? 0 }

    static func rounded(_ bytes: Int) -> Int { (bytes + alignment - 1) / alignment * alignment }

    mutating func resize(to bytes: Int) {
        size = bytes
        words = Array(repeating: nil, count: bytes / Self.alignment)
    }

    /// First fit: the lowest gap that holds the rounded size, or nil.
    mutating func allocate(_ requested: Int, by origin: String) -> FramesBlock? {
        let bytes = Self.rounded(requested)
        guard let gap = gaps.first(where: { $0.size >= bytes }) else { return nil }
        let block = FramesBlock(serial: nextSerial, address: gap.address, size: bytes,
                                requested: requested, allocatedBy: origin)
        nextSerial += 1
        let at = live.firstIndex { $0.address > block.address } ?? live.count
        live.insert(block, at: at)
        return block
    }

    mutating func release(_ serial: Int, by origin: String) {
        guard let i = live.firstIndex(where: { $0.serial == serial }) else { return }
        var block = live.remove(at: i)
        block.freedBy = origin
        freed[serial] = block
    }

    func liveBlock(_ serial: Int) -> FramesBlock? { live.first { $0.serial == serial } }

    /// The block a pointer was taken from, live or freed.
    func block(_ serial: Int) -> FramesBlock? { liveBlock(serial) ?? freed[serial] }

    /// The live block covering an address (after reuse, not the pointer's own).
    func liveBlock(covering address: Int) -> FramesBlock? {
        live.first { $0.address <= address && address < $0.end }
    }

    func word(at address: Int) -> Int? { words[(address - Self.base) / Self.alignment] }

    mutating func store(_ value: Int, at address: Int) {
        words[(address - Self.base) / Self.alignment] = value
    }
}

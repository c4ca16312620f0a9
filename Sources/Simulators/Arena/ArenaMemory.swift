/// The figures of Go's user arenas (GOEXPERIMENT=arenas, Go 1.20 on) on
/// linux/amd64. Every one comes from the runtime source so the learner can
/// check the simulator against it.
enum ArenaFigures {
    /// `userArenaChunkBytes` in runtime/arena.go: min(8 MiB, heapArenaBytes),
    /// and a heap arena is 64 MiB on 64-bit Linux.
    static let chunkBytes = 8 << 20
    /// `userArenaChunkReserveBytes` (Go 1.22 on): the end of each chunk holds
    /// its pointer bitmap (one bit per 8-byte word: 128 KiB) and a 48-byte
    /// type header, so bump allocation stops short of the chunk's end.
    static let reserveBytes = chunkBytes / 8 / 8 + 48
    /// Bytes a chunk can hand out: 8,257,488.
    static let usableBytes = chunkBytes - reserveBytes
    /// `userArenaChunkMaxAllocBytes`: a quarter of a chunk, to cap waste at
    /// 25%. Anything bigger is quietly allocated on the ordinary heap.
    static let maxAllocBytes = chunkBytes / 4
    /// `sysAlloc` maps a whole 64 MiB heap arena at once; the runtime keeps
    /// the first chunk and puts the other seven on the ready list.
    static let chunksPerMapping = 8
    /// The first user-arena address hint on linux/amd64 (runtime/malloc.go
    /// `mallocinit`: hints above 0x3f go to user arenas, 0x40<<40 | 0x00c0<<32).
    static let firstChunkBase = 0x40c0_0000_0000
    /// Objects are taken to be structs holding pointers: word aligned.
    static let alignment = 8

    static func aligned(_ size: Int) -> Int { (size + alignment - 1) / alignment * alignment }
}

/// Where a chunk is in the life runtime/arena.go describes.
enum ChunkState: Equatable {
    /// Bump-allocated into by this arena.
    case active(String)
    /// Exhausted, kept alive by this arena until it is freed.
    case full(String)
    /// A freed arena's partly used last chunk, kept mapped for the next
    /// arena (`userArenaState.reuse`): not set to fault.
    case reuse
    /// Set to fault and returned to the OS; waits until a GC finds no
    /// pointer into it.
    case quarantined
    /// Address space ready to be mapped again (`mheap.userArena.readyList`).
    case ready
}

/// One 8 MiB user arena chunk.
struct ArenaChunk: Equatable {
    var number: Int
    var state: ChunkState
    /// Bytes handed out from the front.
    var used = 0

    var base: Int { ArenaFigures.firstChunkBase + number * ArenaFigures.chunkBytes }
    var free: Int { ArenaFigures.usableBytes - used }
    var faults: Bool { state == .quarantined }
}

/// Every chunk mapped so far and the runtime's two lists of spare chunks.
struct ChunkPool: Equatable {
    var chunks: [ArenaChunk] = []
    /// LIFO: `refill` takes the last one (runtime/arena.go).
    var reuse: [Int] = []
    /// FIFO: `allocUserArenaChunk` takes the first one (runtime/mheap.go).
    var ready: [Int] = []

    /// A chunk for an arena that needs one, in the runtime's order: the
    /// reuse list, then the ready list, then a fresh 64 MiB mapping.
    mutating func take(for arena: String) -> Int {
        let number: Int
        if let n = reuse.popLast() {
            number = n
        } else if !ready.isEmpty {
            number = ready.removeFirst()
            chunks[number].used = 0
        } else {
            number = chunks.count
            for i in 0..<ArenaFigures.chunksPerMapping {
                chunks.append(ArenaChunk(number: number + i, state: .ready))
                if i > 0 { ready.append(number + i) }
            }
        }
        chunks[number].state = .active(arena)
        return number
    }

    func count(where test: (ChunkState) -> Bool) -> Int { chunks.count { test($0.state) } }
}

/// An arena created with `arena new`.
struct UserArena: Equatable {
    var name: String
    var freed = false
    /// The chunks it references, oldest first; the last one is active.
    var chunks: [Int] = []
    /// Objects and bytes placed in its chunks.
    var objects = 0
    var bytes = 0
}

/// A run of a group's objects inside one chunk.
struct ChunkPart: Equatable {
    var chunk: Int
    var offset: Int
    var count: Int
}

/// The objects a name holds: COUNT objects of SIZE bytes from one command.
struct ObjectGroup: Equatable {
    var name: String
    var size: Int
    var count: Int
    /// The arena it was allocated through; nil for `new`.
    var arena: String?
    /// Where the objects are; empty when they are on the ordinary heap
    /// (`new`, or an arena allocation over 2 MiB).
    var parts: [ChunkPart] = []

    var onHeap: Bool { parts.isEmpty }
}

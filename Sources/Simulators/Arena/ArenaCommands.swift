import TextKit

extension ArenaSimulator {
    static let arenaUsage = "arena new A | arena alloc A NAME SIZE [COUNT] | arena free A"

    mutating func arenaCommand(_ command: Command) throws(SimulatorError) -> String {
        guard let sub = command.arguments.first else { throw SimulatorError(L("usage: {0}", Self.arenaUsage)) }
        switch sub {
        case "new": return try makeArena(command)
        case "alloc": return try allocate(command)
        case "free": return try freeArena(command)
        default:
            throw SimulatorError(L("`arena {0}` is not an arena command: use new, alloc or free", Sanitizer.line(sub))
                + Suggestion.hint(for: sub, among: ["new", "alloc", "free"]),
                hint: L("usage: {0}", Self.arenaUsage))
        }
    }

    // MARK: - arena new

    private mutating func makeArena(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 2, usage: "arena new A")
        let name = try Arguments.name(command.arguments[1], what: L("arena name"))
        guard !arenas.contains(where: { $0.name == name }) else {
            throw SimulatorError(L("there is already an arena named `{0}`", name))
        }
        guard !groups.contains(where: { $0.name == name }) else {
            throw SimulatorError(L("`{0}` already names objects; choose another name for the arena", name))
        }
        guard arenas.count < Self.maxArenas else {
            throw SimulatorError(L("this simulator holds at most {0} arenas", Self.maxArenas))
        }
        try ensureRoom(chunks: 1)
        var arena = UserArena(name: name)
        let chunk = pool.take(for: name)
        arena.chunks.append(chunk)
        arenas.append(arena)
        return L("arena {0} made: it starts with chunk #{1} at {2}", name, chunk, ArenaFault.hex(pool.chunks[chunk].base))
    }

    // MARK: - new and arena alloc

    /// `new NAME SIZE [COUNT]` on the heap, `arena alloc A NAME SIZE [COUNT]` in an arena.
    mutating func allocate(_ command: Command) throws(SimulatorError) -> String {
        let inArena = command.verb == "arena"
        let usage = inArena ? "arena alloc A NAME SIZE [COUNT]" : "new NAME SIZE [COUNT]"
        let first = inArena ? 2 : 0
        try Arguments.expect(command, count: (first + 2)...(first + 3), usage: usage)
        let args = command.arguments

        var arenaIndex: Int?
        if inArena {
            let a = args[1]
            guard let i = arenas.firstIndex(where: { $0.name == a }) else { throw unknownArena(a) }
            arenaIndex = i
        }
        let name = try Arguments.name(args[first], what: L("object name"))
        guard !groups.contains(where: { $0.name == name }) else {
            throw SimulatorError(L("`{0}` already holds objects; choose another name or `drop` it first", name))
        }
        guard !arenas.contains(where: { $0.name == name }) else {
            throw SimulatorError(L("`{0}` is an arena; choose another name for the objects", name))
        }
        guard groups.count < Self.maxNames else {
            throw SimulatorError(L("this simulator holds at most {0} names; `drop` some first", Self.maxNames))
        }
        let size = try Arguments.size(args[first + 1])
        guard size >= 1 else { throw SimulatorError(L("an object needs at least 1 byte")) }
        var count = 1
        if args.count == first + 3 {
            guard let n = Arguments.integer(args[first + 2]), n >= 1 else {
                throw SimulatorError(L("`{0}` is not a count: write a whole number from 1 to {1}",
                                       Sanitizer.line(args[first + 2]), Self.maxCount))
            }
            count = n
        }
        guard count <= Self.maxCount else {
            throw SimulatorError(L("at most {0} objects per command", Self.maxCount))
        }
        let (total, overflow) = size.multipliedReportingOverflow(by: count)
        guard !overflow, total <= Self.maxBytesPerCommand else {
            throw SimulatorError(L("at most {0} per command: {1} objects of {2} is more",
                                   Arguments.formatSize(Self.maxBytesPerCommand), count, Arguments.formatSize(size)))
        }

        guard let ai = arenaIndex else {
            groups.append(ObjectGroup(name: name, size: size, count: count))
            return L("{0}: {1} × {2} on the heap", name, count, Arguments.formatSize(size)) + "\n"
                + L("the GC frees them one by one once `{0}` is dropped", name)
        }
        guard !arenas[ai].freed else {
            return fault(ArenaFault.nilArena, explanation: L("arena.Free set the arena's pointer to nil: allocating from it dereferences nil."))
        }
        let arenaName = arenas[ai].name
        if size > ArenaFigures.maxAllocBytes {
            groups.append(ObjectGroup(name: name, size: size, count: count, arena: arenaName))
            return L("{0}: {1} × {2}: over the 2 MiB arena limit, so Go uses the heap",
                     name, count, Arguments.formatSize(size)) + "\n" + L("freeing {0} will not free them", arenaName)
        }
        return try bumpAllocate(name: name, size: size, count: count, arena: ai)
    }

    /// Bump allocation: fill the active chunk, and when the next object
    /// does not fit, retire it to the full list and take another (`refill`).
    private mutating func bumpAllocate(name: String, size: Int, count: Int, arena ai: Int) throws(SimulatorError) -> String {
        let step = ArenaFigures.aligned(size)
        let perChunk = ArenaFigures.usableBytes / step
        let beyondActive = max(0, count - pool.chunks[arenas[ai].chunks.last!].free / step)
        try ensureRoom(chunks: (beyondActive + perChunk - 1) / perChunk)
        let arenaName = arenas[ai].name
        var group = ObjectGroup(name: name, size: size, count: count, arena: arenaName)
        var left = count
        var refills = 0
        while left > 0 {
            var active = arenas[ai].chunks.last!
            if pool.chunks[active].free < step {
                pool.chunks[active].state = .full(arenaName)
                active = pool.take(for: arenaName)
                arenas[ai].chunks.append(active)
                refills += 1
            }
            let n = min(left, pool.chunks[active].free / step)
            group.parts.append(ChunkPart(chunk: active, offset: pool.chunks[active].used, count: n))
            pool.chunks[active].used += n * step
            left -= n
        }
        arenas[ai].objects += count
        arenas[ai].bytes += count * step
        groups.append(group)
        let first = pool.chunks[group.parts[0].chunk].base + group.parts[0].offset
        var out = L("{0}: {1} × {2} bump-allocated in {3} from {4}",
                    name, count, Arguments.formatSize(step), arenaName, ArenaFault.hex(first))
        if refills > 0 { out += "\n" + L("{0} chunk(s) filled up; the arena took {1} more", refills, refills) }
        return out
    }

    /// Refuses before anything changes when the chunks needed would pass the limit.
    private func ensureRoom(chunks needed: Int) throws(SimulatorError) {
        let spare = pool.reuse.count + pool.ready.count
        let mappings = max(0, needed - spare + ArenaFigures.chunksPerMapping - 1) / ArenaFigures.chunksPerMapping
        guard pool.chunks.count + mappings * ArenaFigures.chunksPerMapping <= Self.maxChunks else {
            throw SimulatorError(L("out of simulated address space: at most {0} arena chunks ({1})",
                                   Self.maxChunks, Arguments.formatSize(Self.maxChunks * ArenaFigures.chunkBytes)),
                                 hint: L("Free arenas and run `gc` so their chunks can be reused."))
        }
    }

    // MARK: - arena free

    private mutating func freeArena(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 2, usage: "arena free A")
        let a = command.arguments[1]
        guard let ai = arenas.firstIndex(where: { $0.name == a }) else { throw unknownArena(a) }
        guard !arenas[ai].freed else {
            return fault(ArenaFault.nilArena, explanation: L("The first Free set the arena's pointer to nil: a second Free dereferences nil."))
        }
        let chunks = arenas[ai].chunks
        let active = chunks.last!
        for c in chunks.dropLast() { pool.chunks[c].state = .quarantined }
        pool.chunks[active].state = .reuse
        pool.reuse.append(active)
        arenas[ai].freed = true
        arenas[ai].chunks = []
        var out = L("arena {0} freed: {1} object(s), {2}, released at once", a, arenas[ai].objects, Arguments.formatSize(arenas[ai].bytes))
            + "\n" + L("(the GC never looks at them one by one)")
        if chunks.count > 1 {
            out += "\n" + L("{0} full chunk(s) set to fault and returned to the OS: touching them crashes", chunks.count - 1)
        }
        out += "\n" + L("its last chunk #{0} goes on the reuse list, not set to fault", active)
        return out
    }

    // MARK: - use and drop

    mutating func use(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 1, usage: "use NAME")
        let group = try held(command.arguments[0])
        let arenaFreed = group.arena.flatMap { a in arenas.first { $0.name == a } }?.freed ?? false
        if let address = faultAddress(of: group) {
            return fault(ArenaFault.useAfterFree(address: address),
                         explanation: L("{0} lives in a chunk that arena.Free set to fault: Go stops the program", group.name)
                            + "\n" + L("rather than let it read memory that may be reused."))
        }
        if arenaFreed && !group.onHeap {
            unnoticed += 1
            return L("no fault: the arena of {0} was freed, but its chunk went on the reuse list", group.name)
                + "\n" + L("instead of being set to fault: this use after free goes unnoticed")
        }
        let place = group.onHeap ? L("on the heap") : L("in arena {0}", group.arena ?? "")
        return L("ok: touched {0} object(s) of {1} {2}", group.count, group.name, place)
    }

    mutating func drop(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 1, usage: "drop NAME")
        let group = try held(command.arguments[0])
        groups.removeAll { $0.name == group.name }
        if group.onHeap {
            garbage += group.count
            return L("{0} dropped: {1} heap object(s) are now garbage", group.name, group.count)
                + "\n" + L("the next gc sweeps them one by one")
        }
        return L("{0} dropped: the program no longer points into its arena memory", group.name)
    }

    private func held(_ text: String) throws(SimulatorError) -> ObjectGroup {
        guard let g = groups.first(where: { $0.name == text }) else {
            throw SimulatorError(L("the program holds no `{0}`", Sanitizer.line(text))
                + Suggestion.hint(for: text, among: groups.map(\.name)),
                hint: L("Make objects with `new NAME SIZE` or `arena alloc A NAME SIZE`."))
        }
        return g
    }

    private func unknownArena(_ text: String) -> SimulatorError {
        SimulatorError(L("there is no arena `{0}`", Sanitizer.line(text)) + Suggestion.hint(for: text, among: arenas.map(\.name)),
                       hint: L("Make one with `arena new {0}`.", Sanitizer.line(text)))
    }

    /// Records a fault and shows Go's output with the simulator's note.
    private mutating func fault(_ goOutput: String, explanation: String) -> String {
        faults += 1
        lastFault = goOutput
        return Ink.paint(goOutput, .red) + "\n" + explanation + "\n" + L("(A real program stops here; the simulator carries on.)")
    }

    // MARK: - gc

    mutating func collect(_ command: Command) throws(SimulatorError) -> String {
        try Arguments.expect(command, count: 0, usage: "gc")
        gcCycles += 1
        // Mark: every held heap object one by one; a chunk as a single object
        // when an arena, the reuse list or a held pointer keeps it.
        objectsMarked = groups.filter(\.onHeap).map(\.count).reduce(0, +)
        var pointedInto = Set<Int>()
        for g in groups { for p in g.parts { pointedInto.insert(p.chunk) } }
        var recycled: [Int] = []
        var marked = 0
        for c in pool.chunks {
            switch c.state {
            case .active, .full, .reuse: marked += 1
            case .quarantined:
                if pointedInto.contains(c.number) { marked += 1 } else { recycled.append(c.number) }
            case .ready: break
            }
        }
        chunksMarked = marked
        // Sweep: each dead heap object is freed by itself; quarantined chunks
        // nothing points into move to the ready list in one piece.
        let swept = garbage
        objectsSwept += swept
        garbage = 0
        for c in recycled {
            pool.chunks[c].state = .ready
            pool.ready.append(c)
        }
        chunksRecycled += recycled.count
        var out = L("gc #{0}: marked {1} heap object(s) one by one", gcCycles, objectsMarked)
            + "\n" + L("and {0} arena chunk(s) as one object each", chunksMarked)
        out += "\n" + L("swept {0} heap object(s), one at a time", swept)
        if !recycled.isEmpty {
            out += "\n" + L("{0} freed chunk(s) with no pointer left into them: moved to the ready list", recycled.count)
        }
        return out
    }
}

/// What one sweep pass did.
public struct SweepResult: Sendable, Equatable {
    /// Objects freed, in id order.
    public var freed: [HeapGraph.ID] = []
    public var freedBytes = 0
    /// Young objects that reached the promotion age (generational collector).
    public var promoted: [HeapGraph.ID] = []
    /// Live objects visited (freed or kept).
    public var visited = 0

    public init() {}
}

/// Marking and sweeping: the tri-colour engine every collector drives. The
/// hot loops work on local copies of the arrays (moved out of `self`, so no
/// copy-on-write check or exclusivity check runs per object) and never look
/// at a name.
extension HeapGraph {
    /// Grey objects still to scan, in FIFO order.
    public var greyQueue: ArraySlice<ID> { queue[queueHead...] }

    public var hasGrey: Bool { queueHead < queue.count }

    /// Objects scanned (made black) since the cycle began.
    public var scannedCount: Int { queueHead }

    /// Objects shaded since the cycle began, in the order they were shaded.
    public var shadedInOrder: ArraySlice<ID> { queue[...] }

    /// Starts a cycle's marking: the grey queue is emptied. Colours are left
    /// as they are (white between cycles).
    public mutating func beginMark() {
        queue.removeAll(keepingCapacity: true)
        queue.reserveCapacity(objectCount)
        queueHead = 0
    }

    /// White → grey, appended to the queue. Returns whether it was white.
    @discardableResult
    public mutating func shade(_ id: ID) -> Bool {
        let i = Int(id)
        guard colors[i] == .white else { return false }
        colors[i] = .grey
        queue.append(id)
        if relocationTop >= 0 {
            forwarding[i] = relocationTop
            relocationTop += sizes[i]
        }
        return true
    }

    /// Puts an already shaded (black) object back on the queue so its fields
    /// are scanned again: the generational collector scans remembered old
    /// objects this way.
    public mutating func regrey(_ id: ID) {
        let i = Int(id)
        guard colors[i] != .freed, colors[i] != .grey else { return }
        colors[i] = .grey
        queue.append(id)
    }

    /// Makes an object black without scanning it: a minor collection treats
    /// the old generation as live this way.
    public mutating func blacken(_ id: ID) {
        if colors[Int(id)] != .freed { colors[Int(id)] = .black }
    }

    /// Shades every root, in root order.
    public mutating func shadeRoots() {
        for r in roots { shade(r) }
    }

    /// Shades the objects `id`'s fields point to (without shading `id`).
    public mutating func shadeChildren(of id: ID) {
        var e = firstField[Int(id)]
        while e >= 0 {
            let t = links[Int(e)].target
            if t >= 0 { shade(t) }
            e = links[Int(e)].next
        }
    }

    /// Scans up to `limit` grey objects in FIFO order: each becomes black and
    /// shades the white objects its fields point to, in field order.
    /// Returns how many were scanned.
    @discardableResult
    public mutating func scan(limit: Int = .max, isInterrupted: () -> Bool = { false }) -> Int {
        var col = colors; colors = []
        var q = queue; queue = []
        var forward = forwarding; forwarding = []
        var head = queueHead
        var top = relocationTop
        let done = Self.markKernel(colors: &col, queue: &q, head: &head, limit: limit, first: firstField, links: links,
                                   sizes: sizes, forwarding: &forward, relocationTop: &top, isInterrupted: isInterrupted)
        colors = col
        queue = q
        forwarding = forward
        queueHead = head
        relocationTop = top
        return done
    }

    /// The marking loop, on plain arrays. The graph is scanned in batches:
    /// the first field of every object in the batch is fetched before any
    /// is followed, so the cache misses of a batch overlap instead of
    /// waiting for each other (pointer chasing is what makes marking slow:
    /// memory, not the CPU, is the bottleneck). Objects are still scanned
    /// and children shaded strictly in FIFO and field order.
    static func markKernel(colors col: inout [HeapColor], queue q: inout [ID], head: inout Int, limit: Int,
                           first: [ID], links: [FieldLink], sizes: [Int], forwarding: inout [Int],
                           relocationTop top: inout Int, isInterrupted: () -> Bool) -> Int {
        let batchSize = 32
        let relocating = top >= 0
        var firstLinks = [FieldLink](repeating: FieldLink(target: -1, next: -1), count: batchSize)
        var done = 0
        var batches = 0
        while done < limit && head < q.count {
            batches += 1
            if batches & 0x7FF == 0 && isInterrupted() { break }
            let n = min(batchSize, q.count - head, limit - done)
            for k in 0..<n {
                let e = Int(first[Int(q[head + k])])
                firstLinks[k] = e >= 0 ? links[e] : FieldLink(target: -1, next: -2)
            }
            for k in 0..<n {
                let o = Int(q[head + k])
                col[o] = .black
                var link = firstLinks[k]
                while link.next != -2 {
                    let t = Int(link.target)
                    if t >= 0 && col[t] == .white {
                        col[t] = .grey
                        q.append(ID(t))
                        if relocating {
                            forwarding[t] = top
                            top += sizes[t]
                        }
                    }
                    link = link.next >= 0 ? links[Int(link.next)] : FieldLink(target: -1, next: -2)
                }
            }
            head += n
            done += n
        }
        return done
    }

    /// Sweeps the slots in `range` (id order), visiting at most `limit` live
    /// objects: white objects are freed, others become white again. With
    /// `promoteAt`, young survivors age by one cycle and are promoted to the
    /// old generation once their age reaches it. Returns what was done and
    /// the slot where the sweep stopped.
    public mutating func sweep(_ range: Range<Int>, limit: Int = .max, promoteAt: Int? = nil,
                               isInterrupted: () -> Bool = { false }) -> (result: SweepResult, end: Int) {
        var col = colors; colors = []
        var age = ages; ages = []
        var old = oldFlags; oldFlags = []
        let size = sizes
        var result = SweepResult()
        var i = range.lowerBound
        while i < range.upperBound && result.visited < limit {
            if i & 0xFFFF == 0xFFFF && isInterrupted() { break }
            switch col[i] {
            case .freed:
                break
            case .white:
                col[i] = .freed
                result.freed.append(ID(i))
                result.freedBytes += size[i]
                result.visited += 1
            case .grey, .black:
                col[i] = .white
                if let promoteAt, !old[i] {
                    if age[i] < 255 { age[i] += 1 }
                    if Int(age[i]) >= promoteAt {
                        old[i] = true
                        result.promoted.append(ID(i))
                    }
                }
                result.visited += 1
            }
            i += 1
        }
        colors = col
        ages = age
        oldFlags = old
        objectCount -= result.freed.count
        byteCount -= result.freedBytes
        for id in result.freed where rootFlags[Int(id)] {
            rootFlags[Int(id)] = false
            roots.removeAll { $0 == id }
        }
        return (result, i)
    }

    /// Makes every live object in `range` white (objects allocated black
    /// during a cycle, once the cycle is over).
    public mutating func whiten(_ range: Range<Int>) {
        for i in range where colors[i] != .freed { colors[i] = .white }
    }

    /// Which slots are reachable from the roots (and from `extra`), by the
    /// graph alone, whatever the colours say: the truth a collector must
    /// never contradict. `ghosts` are freed objects still followed, so a
    /// dangling pointer keeps counting as a path while a cycle sweeps.
    public func reachable(alsoFrom extra: [ID] = [], ghosts: [ID] = []) -> [Bool] {
        var col = colors.map { $0 == .freed ? HeapColor.freed : .white }
        for g in ghosts { col[Int(g)] = .white }
        var q: [ID] = []
        q.reserveCapacity(objectCount)
        for r in roots + extra where col[Int(r)] == .white {
            col[Int(r)] = .grey
            q.append(r)
        }
        var head = 0, top = -1
        var noForwarding: [Int] = []
        _ = Self.markKernel(colors: &col, queue: &q, head: &head, limit: .max, first: firstField, links: links,
                            sizes: sizes, forwarding: &noForwarding, relocationTop: &top, isInterrupted: { false })
        return col.map { $0 == .black }
    }

    /// One stop-the-world mark & sweep: the operation the 1,000,000-object
    /// benchmark times.
    @discardableResult
    public mutating func collect() -> SweepResult {
        beginMark()
        shadeRoots()
        scan()
        let (result, _) = sweep(0..<slotCount)
        rebuildLayout()
        return result
    }
}

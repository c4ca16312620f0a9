/// Where objects sit in the simulated address space. A non-moving heap
/// allocates first-fit into the holes the sweep left between live objects,
/// else at the top; a copying heap only bumps a pointer inside its current
/// semispace. Addresses are byte offsets, unaligned, so every figure can be
/// added up by hand.
extension HeapGraph {
    /// Live objects in address order.
    public var addressOrder: [ID] { order.filter { colors[Int($0)] != .freed } }

    /// Free gaps between live objects left by the last sweep.
    public var fragments: Int { holeSizes.count }
    public var fragmentedBytes: Int { holeSizes.reduce(0, +) }
    public var largestHole: Int { holeSizes.max() ?? 0 }

    /// The bump pointer: the end of the highest object.
    public var top: Int { layoutTop }
    /// Start of the allocation area (a copying heap's current semispace).
    public var base: Int { layoutBase }

    /// Bytes left in a bounded area; `Int.max` when it grows freely.
    public var freeCapacity: Int {
        layoutCapacity.map { layoutBase + $0 - layoutTop } ?? .max
    }

    /// An address for `size` bytes, or nil when a bounded area is full.
    mutating func place(size: Int) -> Int? {
        if let cap = layoutCapacity {
            guard layoutTop + size <= layoutBase + cap else { return nil }
        } else if let h = holeSizes.firstIndex(where: { $0 >= size }) {
            let address = holeStarts[h]
            if holeSizes[h] == size {
                holeStarts.remove(at: h)
                holeSizes.remove(at: h)
            } else {
                holeStarts[h] += size
                holeSizes[h] -= size
            }
            return address
        }
        let address = layoutTop
        layoutTop += size
        return address
    }

    /// Keeps `order` sorted by address after an allocation.
    mutating func insertInOrder(_ id: ID) {
        let a = addresses[Int(id)]
        if let last = order.last, addresses[Int(last)] > a {
            var lo = 0, hi = order.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if addresses[Int(order[mid])] < a { lo = mid + 1 } else { hi = mid }
            }
            order.insert(id, at: lo)
        } else {
            order.append(id)
        }
    }

    /// After a sweep: drops freed objects from the address order and turns
    /// the gaps between live objects into holes; the space above the highest
    /// live object is given back (the top comes down).
    public mutating func rebuildLayout() {
        let col = colors
        order.removeAll { col[Int($0)] == .freed }
        holeStarts.removeAll(keepingCapacity: true)
        holeSizes.removeAll(keepingCapacity: true)
        var end = layoutBase
        for id in order {
            let a = addresses[Int(id)]
            if a > end {
                holeStarts.append(end)
                holeSizes.append(a - end)
            }
            end = max(end, a + sizes[Int(id)])
        }
        layoutTop = end
    }

    /// Moves every live object next to the previous one from `base`, in
    /// address order (compaction), and bounds the area to `capacity`.
    mutating func compact(base: Int, capacity: Int?) {
        order = addressOrder
        var next = base
        for id in order {
            addresses[Int(id)] = next
            next += sizes[Int(id)]
        }
        holeStarts.removeAll()
        holeSizes.removeAll()
        layoutBase = base
        layoutTop = next
        layoutCapacity = capacity
    }

    /// Leaves a bounded area: the heap grows freely again from address 0.
    mutating func unbound() {
        layoutCapacity = nil
        layoutBase = 0
        rebuildLayout()
    }

    /// From now on every object shaded is copied to the next free address
    /// of the to-space starting at `base` (Cheney's algorithm); it keeps
    /// its from-space address, with a forwarding address, until the flip.
    mutating func beginRelocation(to base: Int) {
        relocationTop = base
        forwarding = Array(repeating: -1, count: slotCount)
    }

    /// The to-space address of an object copied by the running cycle.
    public func forwardingAddress(of id: ID) -> Int? {
        Int(id) < forwarding.count && forwarding[Int(id)] >= 0 ? forwarding[Int(id)] : nil
    }

    /// The flip: the to-space, filled in the order objects were copied,
    /// becomes the area new objects are allocated in.
    mutating func finishRelocation(base: Int) {
        let col = colors
        order = queue.filter { col[Int($0)] != .freed }
        for id in order { addresses[Int(id)] = forwarding[Int(id)] }
        forwarding = []
        layoutBase = base
        layoutTop = relocationTop
        relocationTop = -1
        holeStarts.removeAll()
        holeSizes.removeAll()
    }
}

/// Maps: the entries themselves, and a model of how Go 1.19 lays them out
/// in buckets, so that the allocations a map makes (runtime/map.go) are
/// counted as the real runtime counts them.

/// Sizes the runtime derives from a map's key and element types.
struct MapTypeInfo {
    var keySize: Int
    var elemSize: Int
    /// Keys or elements over 128 bytes are stored behind a pointer, each
    /// allocated on insertion.
    var indirectKey: Bool
    var indirectElem: Bool
    /// `bmap`: 8 tophash bytes, 8 keys, 8 elements, the overflow pointer.
    var bucketSize: Int
    /// Neither keys nor elements hold pointers: the buckets are pointer-free
    /// and overflow buckets are tracked in a side list (`mapextra`).
    var noscanBucket: Bool

    static let hmapSize = 48
    static let mapextraSize = 24
    static let bucketCount = 8

    init(key: GoType, elem: GoType) {
        indirectKey = key.size > 128
        indirectElem = elem.size > 128
        keySize = key.size
        elemSize = elem.size
        let ks = indirectKey ? 8 : key.size
        let es = indirectElem ? 8 : elem.size
        let ka = indirectKey ? 8 : key.alignment
        let ea = indirectElem ? 8 : elem.alignment
        var off = 8
        off = (off + ka - 1) / ka * ka + 8 * ks
        off = (off + ea - 1) / ea * ea + 8 * es
        off = (off + 7) / 8 * 8 + 8
        bucketSize = off
        noscanBucket = !Layout.hasPointers(key) && !Layout.hasPointers(elem)
    }
}

/// Where a map's entries sit in Go's buckets, and the allocations that
/// makes: `makemap`, the first bucket, `hashGrow` (doubling when the average
/// bucket holds more than 6.5 entries, or a same-size grow when there are
/// too many overflow buckets), overflow buckets when a bucket's 8 slots are
/// full, and the bookkeeping of pointer-free maps. Keys are placed by a
/// seeded hash, as the runtime does, so overflow buckets appear about as
/// often as in real programs.
struct MapShape {
    let info: MapTypeInfo
    var b = 0
    var hasBuckets = false
    /// Entries in each bucket's chain, and slots the chain has (8 per bucket).
    var fill: [Int32] = []
    var capacity: [Int32] = []
    var noverflow = 0
    var preallocated = 0
    var hasExtra = false
    var hasOverflowList = false
    var overflowListCount = 0
    var overflowListCap = 0
    var seed: UInt64

    typealias Allocate = (_ size: Int, _ noscan: Bool) -> Void

    init(info: MapTypeInfo, seed: UInt64) {
        self.info = info
        self.seed = seed
    }

    static func overLoadFactor(_ count: Int, _ b: Int) -> Bool {
        count > MapTypeInfo.bucketCount && count > 13 * ((1 << b) / 2)
    }

    /// `make(map[K]V, hint)`: `escapes` is the escape analysis's verdict,
    /// `constantSmall` that the hint is a constant of at most 8.
    mutating func make(hint: Int, escapes: Bool, constantSmall: Bool, _ alloc: Allocate) {
        if !escapes {
            // hmap on the stack; one bucket on the stack too when hint ≤ 8.
            if hint <= MapTypeInfo.bucketCount {
                setBuckets(0)
                return
            }
        } else {
            alloc(MapTypeInfo.hmapSize, false)
            if constantSmall { return }
        }
        var nb = 0
        while MapShape.overLoadFactor(hint, nb) { nb += 1 }
        if nb != 0 {
            makeBucketArray(nb, alloc)
            if preallocated > 0 && !hasExtra {
                hasExtra = true
                alloc(MapTypeInfo.mapextraSize, false)
            }
        }
    }

    private mutating func setBuckets(_ nb: Int) {
        b = nb
        hasBuckets = true
        fill = Array(repeating: 0, count: 1 << nb)
        capacity = Array(repeating: Int32(MapTypeInfo.bucketCount), count: 1 << nb)
    }

    private mutating func makeBucketArray(_ nb: Int, _ alloc: Allocate) {
        let base = 1 << nb
        var n = base
        if nb >= 4 {
            n += 1 << (nb - 4)
            let size = info.bucketSize * n
            let up = SizeClasses.roundUp(size)
            if up != size { n = up / info.bucketSize }
        }
        alloc(info.bucketSize * n, info.noscanBucket)
        setBuckets(nb)
        preallocated = n - base
    }

    /// A new key is about to be added to a map holding `count` entries whose
    /// keys have the hashes `hashes`.
    mutating func insert(hash: UInt64, count: Int, hashes: () -> [UInt64], _ alloc: Allocate) {
        if !hasBuckets {
            alloc(info.bucketSize, info.noscanBucket)
            setBuckets(0)
        }
        let tooManyOverflow = noverflow >= (1 << min(b, 15))
        if MapShape.overLoadFactor(count + 1, b) || tooManyOverflow {
            grow(bigger: MapShape.overLoadFactor(count + 1, b), hashes: hashes(), alloc)
        }
        let i = Int(hash & UInt64((1 << b) - 1))
        if fill[i] == capacity[i] {
            newOverflow(alloc)
            capacity[i] += Int32(MapTypeInfo.bucketCount)
        }
        fill[i] += 1
        if info.indirectKey { alloc(info.keySize, false) }
        if info.indirectElem { alloc(info.elemSize, false) }
    }

    mutating func delete(hash: UInt64, remaining: Int) {
        guard hasBuckets else { return }
        let i = Int(hash & UInt64((1 << b) - 1))
        if fill[i] > 0 { fill[i] -= 1 }
        if remaining == 0 { seed = seed &* 6364136223846793005 &+ 1442695040888963407 }
    }

    /// `hashGrow` followed by the evacuation of every old bucket.
    private mutating func grow(bigger: Bool, hashes: [UInt64], _ alloc: Allocate) {
        let nb = b + (bigger ? 1 : 0)
        if hasOverflowList {
            // The current overflow list becomes the old generation's.
            hasOverflowList = false
            overflowListCount = 0
            overflowListCap = 0
        }
        makeBucketArray(nb, alloc)
        noverflow = 0
        if preallocated > 0 && !hasExtra {
            hasExtra = true
            alloc(MapTypeInfo.mapextraSize, false)
        }
        let mask = UInt64((1 << nb) - 1)
        for h in hashes { fill[Int(h & mask)] += 1 }
        for i in 0..<fill.count where fill[i] > Int32(MapTypeInfo.bucketCount) {
            let chain = (Int(fill[i]) + MapTypeInfo.bucketCount - 1) / MapTypeInfo.bucketCount
            for _ in 1..<chain { newOverflow(alloc) }
            capacity[i] = Int32(chain * MapTypeInfo.bucketCount)
        }
    }

    private mutating func newOverflow(_ alloc: Allocate) {
        if preallocated > 0 {
            preallocated -= 1
        } else {
            alloc(info.bucketSize, info.noscanBucket)
        }
        noverflow += 1
        if info.noscanBucket {
            if !hasExtra {
                hasExtra = true
                alloc(MapTypeInfo.mapextraSize, false)
            }
            if !hasOverflowList {
                hasOverflowList = true
                alloc(24, false)
            }
            if overflowListCount == overflowListCap {
                let grown = SliceGrowth.grow(oldCap: overflowListCap, needed: overflowListCount + 1, elemSize: 8)
                alloc(grown.bytes, false)
                overflowListCap = grown.cap
            }
            overflowListCount += 1
        }
    }

    /// Bytes of the bucket arrays now in use (for the live-heap estimate).
    var bucketBytes: Int {
        guard hasBuckets else { return 0 }
        return capacity.reduce(0) { $0 + Int($1) } / MapTypeInfo.bucketCount * info.bucketSize
    }
}

/// A map key: one slot, or several for struct and array keys.
struct MapKey: Hashable {
    var first: GoValue
    var rest: [GoValue]

    static func == (a: MapKey, b: MapKey) -> Bool {
        guard ValueEquality.equal(a.first, b.first), a.rest.count == b.rest.count else { return false }
        for i in 0..<a.rest.count where !ValueEquality.equal(a.rest[i], b.rest[i]) { return false }
        return true
    }

    func hash(into h: inout Hasher) {
        ValueEquality.hash(first, into: &h)
        for v in rest { ValueEquality.hash(v, into: &h) }
    }

    func stableHash(seed: UInt64) -> UInt64 {
        var x = ValueEquality.stableHash(first, seed: seed)
        for v in rest { x = ValueEquality.stableHash(v, seed: x) }
        return x
    }
}

/// A map's entries, kept in slots that deleted entries free for reuse; a
/// `range` walks the slots in order, which Go's loose iteration rules allow.
final class GoMap {
    let keySlots: Int
    let valueSlots: Int
    var index: [MapKey: Int] = [:]
    var keys: [GoValue] = []
    var values: [GoValue] = []
    var used: [Bool] = []
    var hashes: [UInt64] = []
    var free: [Int] = []
    var shape: MapShape
    var heapBytes = 0
    var mark: UInt32 = 0
    let address: Int

    init(keySlots: Int, valueSlots: Int, shape: MapShape, address: Int) {
        self.keySlots = keySlots
        self.valueSlots = valueSlots
        self.shape = shape
        self.address = address
    }

    var count: Int { index.count }

    func find(_ key: MapKey) -> Int? { index[key] }

    /// Adds an entry for a key known to be absent; returns its slot.
    func add(_ key: MapKey, values v: UnsafePointer<GoValue>, _ alloc: MapShape.Allocate) -> Int {
        let h = key.stableHash(seed: shape.seed)
        shape.insert(hash: h, count: count, hashes: { self.liveHashes }, alloc)
        let e: Int
        if let f = free.popLast() {
            e = f
            used[e] = true
            hashes[e] = h
        } else {
            e = used.count
            used.append(true)
            hashes.append(h)
            keys.append(contentsOf: repeatElement(GoValue.null, count: keySlots))
            values.append(contentsOf: repeatElement(GoValue.null, count: valueSlots))
        }
        keys[e * keySlots] = key.first
        for (i, r) in key.rest.enumerated() { keys[e * keySlots + 1 + i] = r }
        for i in 0..<valueSlots { values[e * valueSlots + i] = v[i] }
        index[key] = e
        return e
    }

    func remove(_ key: MapKey) {
        guard let e = index.removeValue(forKey: key) else { return }
        used[e] = false
        for i in 0..<keySlots { keys[e * keySlots + i] = .null }
        for i in 0..<valueSlots { values[e * valueSlots + i] = .null }
        shape.delete(hash: hashes[e], remaining: count)
        free.append(e)
    }

    var liveHashes: [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(count)
        for (i, u) in used.enumerated() where u { out.append(hashes[i]) }
        return out
    }

    func key(at e: Int) -> MapKey {
        MapKey(first: keys[e * keySlots], rest: keySlots > 1 ? Array(keys[(e * keySlots + 1)..<((e + 1) * keySlots)]) : [])
    }

    func detachChildren(into work: inout [GoValue]) {
        work.append(contentsOf: keys.filter { !$0.isScalar })
        work.append(contentsOf: values.filter { !$0.isScalar })
        keys = []
        values = []
        index = [:]
    }
}

extension GoValue {
    /// Holds no reference to another object.
    var isScalar: Bool {
        switch self {
        case .int, .float, .null, .string: true
        default: false
        }
    }
}

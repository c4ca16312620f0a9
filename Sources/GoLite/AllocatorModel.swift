/// The Go 1.19 allocator as `runtime.MemStats` sees it (runtime/malloc.go
/// `mallocgc`): what one request adds to `Mallocs` and `TotalAlloc`, which
/// is all `go test -benchmem` reports.
///
/// - Zero bytes: nothing is allocated (`zerobase`).
/// - Pointer-free requests under 16 bytes go to the *tiny allocator*: they
///   are packed into a shared 16-byte block. Each one counts as a malloc;
///   only a fresh 16-byte block adds bytes (16). The block is dropped at
///   every GC cycle and whenever MemStats are read (the runtime flushes its
///   caches then).
/// - Up to 32 KiB: the size class (`SizeClasses.roundUp`).
/// - Larger: whole 8 KiB pages.
struct AllocatorModel {
    private(set) var mallocs = 0
    private(set) var totalAlloc = 0
    private(set) var tinyAllocs = 0
    private(set) var largeAllocs = 0
    private var tinyOffset = 0
    private var tinyActive = false

    enum Kind: Equatable { case none, tiny, tinyBlock, small, large }

    /// One `mallocgc(size, typ, needzero)`. Returns how it was served and
    /// the bytes it added to `TotalAlloc`.
    mutating func malloc(_ size: Int, noscan: Bool) -> (kind: Kind, bytes: Int) {
        if size <= 0 { return (.none, 0) }
        mallocs += 1
        if noscan && size < SizeClasses.tinySize {
            var off = tinyOffset
            if size & 7 == 0 { off = (off + 7) & ~7 } else if size & 3 == 0 { off = (off + 3) & ~3 } else if size & 1 == 0 { off = (off + 1) & ~1 }
            if tinyActive && off + size <= SizeClasses.tinySize {
                tinyOffset = off + size
                tinyAllocs += 1
                return (.tiny, 0)
            }
            // A new block; it replaces the current one if it has more room left.
            if !tinyActive || size < tinyOffset {
                tinyActive = true
                tinyOffset = size
            }
            totalAlloc += SizeClasses.tinySize
            return (.tinyBlock, SizeClasses.tinySize)
        }
        let bytes = SizeClasses.roundUp(size)
        totalAlloc += bytes
        if SizeClasses.isLarge(size) {
            largeAllocs += 1
            return (.large, bytes)
        }
        return (.small, bytes)
    }

    /// The per-P cache is flushed (GC cycle, ReadMemStats): the tiny block is forgotten.
    mutating func flushCaches() {
        tinyActive = false
        tinyOffset = 0
    }
}

/// `append` growth (runtime/slice.go `growslice`, Go 1.18–1.19).
enum SliceGrowth {
    /// The capacity and byte size of the new backing array when a slice of
    /// capacity `oldCap` must hold `needed` elements of `elemSize` bytes:
    /// double below 256 elements, then add (cap + 3×256)/4 until it fits;
    /// round the bytes up to a size class and recompute the capacity.
    static func grow(oldCap: Int, needed: Int, elemSize: Int) -> (cap: Int, bytes: Int) {
        if elemSize == 0 { return (needed, 0) }
        var newcap = oldCap
        let doublecap = newcap + newcap
        if needed > doublecap {
            newcap = needed
        } else {
            let threshold = 256
            if oldCap < threshold {
                newcap = doublecap
            } else {
                while 0 < newcap && newcap < needed {
                    newcap += (newcap + 3 * threshold) / 4
                }
                if newcap <= 0 { newcap = needed }
            }
        }
        let (mem, overflow) = newcap.multipliedReportingOverflow(by: elemSize)
        if overflow { return (Int.max / 2, Int.max / 2) }
        let capmem = SizeClasses.roundUp(mem)
        return (capmem / elemSize, capmem)
    }
}

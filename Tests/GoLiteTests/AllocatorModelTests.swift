import Testing
@testable import GoLite

/// The allocator model against Go 1.19's runtime (sizeclasses.go, malloc.go,
/// slice.go, map.go) and figures measured with the real toolchain.
@Suite struct AllocatorModelTests {
    @Test func sizeClassesAreGos() {
        #expect(SizeClasses.sizes.count == 67)
        #expect(SizeClasses.sizes.first == 8)
        #expect(SizeClasses.sizes.last == 32768)
        #expect(SizeClasses.roundUp(1) == 8)
        #expect(SizeClasses.roundUp(17) == 24)
        #expect(SizeClasses.roundUp(33) == 48)
        #expect(SizeClasses.roundUp(1600) == 1792)
        #expect(SizeClasses.roundUp(2400) == 2688)
        #expect(SizeClasses.roundUp(5000) == 5376)
        #expect(SizeClasses.roundUp(32768) == 32768)
        #expect(SizeClasses.classIndex(for: 8) == 1)
        #expect(SizeClasses.classIndex(for: 32768) == 67)
        #expect(SizeClasses.classIndex(for: 32769) == nil)
    }

    /// The lookup tables give, for every small size, the smallest class that holds it.
    @Test func everySmallSizeGetsTheSmallestClassThatHoldsIt() {
        var wrong: [Int] = []
        for size in 1...SizeClasses.maxSmallSize {
            let expected = SizeClasses.sizes.firstIndex { $0 >= size }.map { $0 + 1 }
            if SizeClasses.classIndex(for: size) != expected { wrong.append(size) }
        }
        #expect(wrong.isEmpty, "sizes given the wrong class: \(wrong.prefix(10))")
    }

    @Test func largeObjectsTakeWholePages() {
        #expect(SizeClasses.roundUp(32769) == 40960)
        #expect(SizeClasses.roundUp(100_000) == 106_496)
        #expect(SizeClasses.roundUp(1 << 20) == 1 << 20)
        var a = AllocatorModel()
        let r = a.malloc(70000, noscan: true)
        #expect(r.kind == .large)
        #expect(r.bytes == 73728)
        #expect(a.mallocs == 1 && a.totalAlloc == 73728)
    }

    @Test func tinyAllocationsShareSixteenByteBlocks() {
        var a = AllocatorModel()
        // Two 8-byte pointer-free objects share one block: 2 mallocs, 16 bytes.
        #expect(a.malloc(8, noscan: true).kind == .tinyBlock)
        #expect(a.malloc(8, noscan: true).kind == .tiny)
        #expect(a.mallocs == 2 && a.totalAlloc == 16)
        // The block is full: the next one starts a new block.
        #expect(a.malloc(4, noscan: true).kind == .tinyBlock)
        #expect(a.malloc(4, noscan: true).kind == .tiny)
        #expect(a.malloc(4, noscan: true).kind == .tiny)
        #expect(a.malloc(4, noscan: true).kind == .tiny)
        #expect(a.malloc(1, noscan: true).kind == .tinyBlock)
        #expect(a.mallocs == 7 && a.totalAlloc == 48)
        // Objects with pointers, and 16 bytes or more, never use it.
        #expect(a.malloc(8, noscan: false).kind == .small)
        #expect(a.malloc(16, noscan: true).kind == .small)
        #expect(a.totalAlloc == 48 + 8 + 16)
        // A cycle or a MemStats read drops the current block.
        a.flushCaches()
        #expect(a.malloc(1, noscan: true).kind == .tinyBlock)
    }

    @Test func zeroBytesAllocateNothing() {
        var a = AllocatorModel()
        #expect(a.malloc(0, noscan: true).kind == .none)
        #expect(a.mallocs == 0 && a.totalAlloc == 0)
    }

    @Test func growsliceDoublesThenGrowsByAQuarter() {
        // Appending 1000 ints to a nil slice (verified on Go 1.19): 12 allocations, 25208 B.
        var cap = 0
        var caps: [Int] = []
        var a = AllocatorModel()
        for len in 0..<1000 where len == cap {
            let g = SliceGrowth.grow(oldCap: cap, needed: len + 1, elemSize: 8)
            _ = a.malloc(g.bytes, noscan: true)
            cap = g.cap
            caps.append(cap)
        }
        #expect(caps == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280])
        #expect(a.mallocs == 12)
        // The first 8-byte array is a tiny allocation (a 16-byte block).
        #expect(a.totalAlloc == 25200 + 16)
        // Capacity is recomputed from the size class: 24-byte elements.
        #expect(SliceGrowth.grow(oldCap: 4, needed: 5, elemSize: 24).cap == 8)
        #expect(SliceGrowth.grow(oldCap: 8, needed: 9, elemSize: 24) == (cap: 16, bytes: 384))
        #expect(SliceGrowth.grow(oldCap: 0, needed: 5, elemSize: 8) == (cap: 6, bytes: 48))
        #expect(SliceGrowth.grow(oldCap: 5, needed: 6, elemSize: 8) == (cap: 10, bytes: 80))
        #expect(SliceGrowth.grow(oldCap: 0, needed: 3, elemSize: 0).bytes == 0)
    }

    @Test func boxingFollowsTheCompiler() {
        #expect(AllocSite.Boxing(.int) == .small(8))
        #expect(AllocSite.Boxing(.basic(.int32)) == .small(4))
        #expect(AllocSite.Boxing(.basic(.int16)) == .small(2))
        #expect(AllocSite.Boxing(.basic(.uint8)) == .free)
        #expect(AllocSite.Boxing(.bool) == .free)
        #expect(AllocSite.Boxing(.basic(.float64)) == .small(8))
        #expect(AllocSite.Boxing(.string) == .string)
        #expect(AllocSite.Boxing(.slice(.int)) == .slice)
        #expect(AllocSite.Boxing(.pointer(.int)) == .free)
        #expect(AllocSite.Boxing(.structure([])) == .free)
        #expect(AllocSite.Boxing(.structure([StructField(name: "a", type: .int), StructField(name: "b", type: .int)])) == .object)
        #expect(AllocSite.Boxing(.structure([StructField(name: "s", type: .string)])) == .string)
    }

    @Test func mapBucketsHaveGosLayout() {
        // bmap: 8 tophash bytes, 8 keys, 8 elements, the overflow pointer.
        #expect(MapTypeInfo(key: .int, elem: .int).bucketSize == 144)
        #expect(MapTypeInfo(key: .string, elem: .bool).bucketSize == 152)
        #expect(MapTypeInfo(key: .string, elem: .int).bucketSize == 208)
        #expect(MapTypeInfo(key: .basic(.int32), elem: .basic(.int8)).bucketSize == 56)
        #expect(MapTypeInfo(key: .int, elem: .int).noscanBucket)
        #expect(!MapTypeInfo(key: .string, elem: .int).noscanBucket)
        #expect(MapShape.overLoadFactor(9, 0))
        #expect(!MapShape.overLoadFactor(8, 0))
        #expect(MapShape.overLoadFactor(14, 1) && !MapShape.overLoadFactor(13, 1))
    }

    @Test func makemapAllocatesLikeTheRuntime() {
        var allocs: [(Int, Bool)] = []
        let info = MapTypeInfo(key: .int, elem: .int)
        // Escaping, no hint: makemap_small, the header only.
        var small = MapShape(info: info, seed: 1)
        small.make(hint: 0, escapes: true, constantSmall: true) { allocs.append(($0, $1)) }
        #expect(allocs.map(\.0) == [48])
        // The first insertion makes the first bucket.
        small.insert(hash: 7, count: 0, hashes: { [] }) { allocs.append(($0, $1)) }
        #expect(allocs.map(\.0) == [48, 144])
        // A hint of 100: 16 buckets plus overflow buckets up to the 2688-byte class (18 × 144 = 2592), and mapextra.
        allocs = []
        var hinted = MapShape(info: info, seed: 1)
        hinted.make(hint: 100, escapes: true, constantSmall: false) { allocs.append(($0, $1)) }
        #expect(allocs.map(\.0) == [48, 2592, 24])
        // Not escaping with a small hint: header and bucket on the stack.
        allocs = []
        var local = MapShape(info: info, seed: 1)
        local.make(hint: 8, escapes: false, constantSmall: true) { allocs.append(($0, $1)) }
        #expect(allocs.isEmpty)
    }
}

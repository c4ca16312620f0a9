import TextKit

/// Allocation: every object the program makes is a block; the allocator
/// model decides what it costs, from the site's escape verdict and the
/// runtime's rules for that operation (`makeslice`, `growslice`, `convT64`,
/// `concatstrings`, `stringtoslicebyte`, …).
extension Machine {
    /// Limits that keep the tutor within its memory.
    static let maxBlockSlots = 1 << 22
    static let maxBlockBytes = 1 << 28
    static let maxLiveHeap = 1 << 27
    static let maxHeapInUse = 1 << 30

    /// `mallocgc`: counts the allocation and returns the bytes the object
    /// holds on the heap (for the live-heap figure).
    @discardableResult
    func malloc(_ size: Int, noscan: Bool) -> Int {
        let (kind, bytes) = allocator.malloc(size, noscan: noscan)
        if kind == .none { return 0 }
        if collector.inUse > Machine.maxHeapInUse && termination == nil {
            // Only without collection (GOGC=off, a huge GOGC) does the heap grow this far.
            termination = .limit(L("memlane: stopped: the heap in use passed {0} bytes, the simulated machine's memory", Machine.maxHeapInUse))
            nextCheck = 0
        }
        cost.allocation += CostModel.allocation(kind, bytes: bytes)
        collector.allocated(bytes)
        // A cycle is due: it runs at the next statement boundary.
        if collector.pending { nextCheck = 0 }
        let held = (kind == .tiny || kind == .tinyBlock) ? size : bytes
        nextAddress += max(16, (held + 15) & ~15)
        return held
    }

    func address(heap: Bool, size: Int) -> Int {
        if heap { return nextAddress }
        nextStackAddress += max(8, (size + 7) & ~7)
        if nextStackAddress > 0xc000800000 { nextStackAddress = 0xc000400000 }
        return nextStackAddress
    }

    func tooLarge(_ what: Int) {
        nextCheck = 0
        if termination == nil {
            termination = .limit(L("memlane: stopped: one allocation of {0} elements is more than the simulator allows ({1} bytes or {2} slots)",
                                   what, Machine.maxBlockBytes, Machine.maxBlockSlots))
        }
    }

    // MARK: - Objects

    /// `new(T)`, a variable's block, `&T{…}`: zeroed, or copied from registers.
    func newObject(_ site: Int, from source: UnsafeMutablePointer<GoValue>? = nil) -> MemBlock {
        let s = sites[site]
        let heap = s.escapes && s.kind != .staticData ? malloc(s.size, noscan: s.noscan) : 0
        let b: MemBlock
        if let source {
            b = MemBlock(copying: source, count: s.slots, heapBytes: heap)
        } else if s.byteElements {
            b = MemBlock(bytes: s.slots, heapBytes: heap)
        } else if s.zeroIsInt {
            b = MemBlock(slots: s.slots, heapBytes: heap)
        } else if s.zero.count == s.slots {
            b = s.zero.withUnsafeBufferPointer { MemBlock(copying: $0.baseAddress ?? UnsafePointer(bitPattern: 8)!, count: s.slots, heapBytes: heap) }
        } else {
            b = MemBlock(slots: s.slots, heapBytes: heap)
        }
        b.address = address(heap: heap > 0, size: s.size)
        return b
    }

    /// A backing array of `count` elements of the site's element type.
    func backingArray(_ s: AllocSite, count: Int, heap: Int) -> MemBlock {
        let b: MemBlock
        if s.byteElements {
            b = MemBlock(bytes: count, heapBytes: heap)
        } else {
            let n = count * s.slots
            b = MemBlock(slots: n, heapBytes: heap)
            if !s.zeroIsInt && s.slots > 0 {
                s.zero.withUnsafeBufferPointer { z in
                    var i = 0
                    while i < n {
                        // Safe: fresh slots hold `.int(0)`, which owns nothing to release.
                        for k in 0..<z.count { (b.slots + i).initialize(to: z[k]); i += 1 }
                    }
                }
            }
        }
        b.address = address(heap: heap > 0, size: count * s.size)
        return b
    }

    func makeSlice(_ g: Goroutine, _ fr: UnsafeMutablePointer<GoValue>, d: Int, len: Int, cap: Int, site: Int) -> Flow {
        let s = sites[site]
        let n = fr[len].intValue
        let c = cap >= 0 ? fr[cap].intValue : n
        if n < 0 { return fault(g, .makeSliceLength) }
        if c < n { return fault(g, .makeSliceCapacity) }
        let (mem, overflow) = c.multipliedReportingOverflow(by: s.size)
        if overflow || mem > 1 << 48 { return fault(g, cap >= 0 ? .makeSliceCapacity : .makeSliceLength) }
        if (s.byteElements ? c : c * s.slots) > (s.byteElements ? Machine.maxBlockBytes : Machine.maxBlockSlots) {
            tooLarge(c)
            return .stop(.fatal)
        }
        let heap = s.escapes ? malloc(mem, noscan: s.noscan) : 0
        fr[d] = .slice(backingArray(s, count: c, heap: heap), 0, Int32(n), Int32(c))
        return .next
    }

    /// The backing array of a slice literal (its elements are stored next).
    func newArray(_ count: Int, site: Int) -> GoValue {
        let s = sites[site]
        let heap = s.escapes && s.kind != .staticData ? malloc(count * s.size, noscan: s.noscan) : 0
        return .slice(backingArray(s, count: count, heap: heap), 0, Int32(count), Int32(count))
    }

    // MARK: - append

    /// `append` past the capacity: `growslice` makes a bigger array.
    func appendGrow(_ g: Goroutine, _ fr: UnsafeMutablePointer<GoValue>, d: Int, s: Int, first: Int, count: Int, site: Int) -> Flow {
        let st = sites[site]
        var block: MemBlock? = nil
        var off = 0, len = 0, cap = 0
        if case .slice(let b, let o, let l, let c) = fr[s] { block = b; off = Int(o); len = Int(l); cap = Int(c) }
        guard let nb = grow(st, old: block, off: off, len: len, cap: cap, adding: count) else { return .stop(.fatal) }
        let stride = st.slots
        var at = len * stride
        for k in 0..<(count * stride) { nb.block.store(at, fr[first + k]); at += 1 }
        fr[d] = .slice(nb.block, 0, Int32(len + count), Int32(nb.cap))
        return .next
    }

    /// The new backing array with the old elements copied (or the old one
    /// when it has room), per Go 1.19's growslice.
    private func grow(_ st: AllocSite, old: MemBlock?, off: Int, len: Int, cap: Int, adding count: Int) -> (block: MemBlock, cap: Int)? {
        let needed = len + count
        let (newCap, bytes) = SliceGrowth.grow(oldCap: cap, needed: needed, elemSize: st.size)
        if (st.byteElements ? newCap : newCap * st.slots) > (st.byteElements ? Machine.maxBlockBytes : Machine.maxBlockSlots) || newCap < 0 {
            tooLarge(newCap)
            return nil
        }
        let heap = malloc(bytes, noscan: st.noscan)
        let nb = backingArray(st, count: newCap, heap: heap)
        if let old {
            let stride = st.slots
            for k in 0..<(len * stride) { nb.store(k, old.load(off + k)) }
        }
        return (nb, newCap)
    }

    /// `append(s, t...)`, also `append(b, str...)` for a byte slice.
    func appendSlice(_ g: Goroutine, _ fr: UnsafeMutablePointer<GoValue>, d: Int, s: Int, t: Int, site: Int) -> Flow {
        let st = sites[site]
        let stride = st.slots
        var items: [GoValue] = []
        switch fr[t] {
        case .slice(let b, let o, let l, _):
            items.reserveCapacity(Int(l) * stride)
            for k in 0..<(Int(l) * stride) { items.append(b.load(Int(o) + k)) }
        case .string(let b, let o, let l):
            for k in 0..<Int(l) { items.append(.int(Int(b.bytes[Int(o) + k]))) }
        default:
            break
        }
        let count = stride == 0 ? lengthOf(fr[t]) : items.count / stride
        var block: MemBlock? = nil
        var off = 0, len = 0, cap = 0
        if case .slice(let b, let o, let l, let c) = fr[s] { block = b; off = Int(o); len = Int(l); cap = Int(c) }
        if count == 0 {
            fr[d] = fr[s]
            return .next
        }
        if let b = block, len + count <= cap {
            var at = off + len * stride
            for v in items { b.store(at, v); at += 1 }
            fr[d] = .slice(b, Int32(off), Int32(len + count), Int32(cap))
            return .next
        }
        guard let nb = grow(st, old: block, off: off, len: len, cap: cap, adding: count) else { return .stop(.fatal) }
        var at = len * stride
        for v in items { nb.block.store(at, v); at += 1 }
        fr[d] = .slice(nb.block, 0, Int32(len + count), Int32(nb.cap))
        return .next
    }

    // MARK: - Slicing

    func sliceExpression(_ g: Goroutine, _ fr: UnsafeMutablePointer<GoValue>, d: Int, a: Int, lo: Int, hi: Int,
                         aux x: AuxTables.SliceExpr) -> Flow {
        let l = lo >= 0 ? fr[lo].intValue : 0
        let three = x.max >= 0
        switch x.kind {
        case .string:
            guard case .string(let b, let off, let len) = fr[a] else { return .next }
            let h = hi >= 0 ? fr[hi].intValue : Int(len)
            if h < 0 || h > Int(len) { return fault(g, .sliceBounds(h < 0 ? "slice bounds out of range [:\(h)]" : "slice bounds out of range [:\(h)] with length \(len)")) }
            if l < 0 || l > h { return fault(g, .sliceBounds(l < 0 ? "slice bounds out of range [\(l):]" : "slice bounds out of range [\(l):\(h)]")) }
            fr[d] = .string(b, off + Int32(l), Int32(h - l))
            return .next
        case .slice, .arrayPointer:
            var block: MemBlock
            var off: Int
            var len: Int
            var cap: Int
            if x.kind == .arrayPointer {
                guard case .pointer(let b, let i) = fr[a] else { return fault(g, .nilDereference) }
                block = b; off = i; len = x.arrayLength; cap = x.arrayLength
            } else if case .slice(let b, let o, let n, let c) = fr[a] {
                block = b; off = Int(o); len = Int(n); cap = Int(c)
            } else {
                // A nil slice: only [0:0] is in range, and the result is nil.
                block = exe.emptyString; off = 0; len = 0; cap = 0
            }
            let h = hi >= 0 ? fr[hi].intValue : len
            let m = three ? fr[Int(x.max)].intValue : cap
            let what = x.kind == .arrayPointer ? "length" : "capacity"
            if three {
                if m < 0 || m > cap { return fault(g, .sliceBounds(m < 0 ? "slice bounds out of range [::\(m)]" : "slice bounds out of range [::\(m)] with \(what) \(cap)")) }
                if h < 0 || h > m { return fault(g, .sliceBounds(h < 0 ? "slice bounds out of range [:\(h):]" : "slice bounds out of range [:\(h):\(m)]")) }
                if l < 0 || l > h { return fault(g, .sliceBounds(l < 0 ? "slice bounds out of range [\(l)::]" : "slice bounds out of range [\(l):\(h):]")) }
            } else {
                if h < 0 || h > cap { return fault(g, .sliceBounds(h < 0 ? "slice bounds out of range [:\(h)]" : "slice bounds out of range [:\(h)] with \(what) \(cap)")) }
                if l < 0 || l > h { return fault(g, .sliceBounds(l < 0 ? "slice bounds out of range [\(l):]" : "slice bounds out of range [\(l):\(h)]")) }
            }
            if case .null = fr[a], x.kind == .slice {
                fr[d] = .null
                return .next
            }
            fr[d] = .slice(block, Int32(off + l * x.stride), Int32(h - l), Int32(m - l))
            return .next
        }
    }

    // MARK: - Strings

    /// `concatstrings`: no allocation when only one operand is non-empty
    /// (and may be shared), a 32-byte stack buffer when the result does not
    /// escape and fits, otherwise a new string on the heap.
    func concatenate(_ parts: UnsafeMutablePointer<GoValue>, _ count: Int, site: Int) -> GoValue {
        let s = sites[site]
        var total = 0
        var nonEmpty = 0
        var only = -1
        for i in 0..<count {
            let l = lengthOf(parts[i])
            total += l
            if l > 0 { nonEmpty += 1; only = i }
        }
        if total == 0 { return .string(exe.emptyString, 0, 0) }
        if total > Machine.maxBlockBytes {
            tooLarge(total)
            return .string(exe.emptyString, 0, 0)
        }
        if nonEmpty == 1, case .string(let b, _, _) = parts[only], !s.escapes || !b.onStack { return parts[only] }
        let onStack = !s.escapes && total <= 32
        let heap = onStack ? 0 : malloc(total, noscan: true)
        let b = MemBlock(bytes: total, heapBytes: heap)
        b.onStack = onStack
        b.address = address(heap: heap > 0, size: total)
        var at = 0
        for i in 0..<count {
            if case .string(let sb, let o, let l) = parts[i], l > 0 {
                (b.bytes + at).update(from: sb.bytes + Int(o), count: Int(l))
                at += Int(l)
            }
        }
        return .string(b, 0, Int32(total))
    }

    /// `[]byte(s)`, `string(b)`, `[]rune(s)`, `string(runes)`, `string(r)`.
    func convertString(_ v: GoValue, site: Int) -> GoValue {
        let s = sites[site]
        switch s.kind {
        case .stringToBytes:
            guard case .string(let sb, let o, let l) = v else { return .null }
            let n = Int(l)
            if s.neverAllocates { return .slice(sb, o, l, l) }
            let onStack = !s.escapes && n <= 32
            let cap = onStack ? 32 : SizeClasses.roundUp(n)
            let heap = onStack ? 0 : malloc(cap, noscan: true)
            let b = MemBlock(bytes: cap, heapBytes: heap)
            b.onStack = onStack
            b.address = address(heap: heap > 0, size: cap)
            if n > 0 { b.bytes.update(from: sb.bytes + Int(o), count: n) }
            return .slice(b, 0, l, Int32(cap))
        case .bytesToString:
            guard case .slice(let sb, let o, let l, _) = v, l > 0 else { return .string(exe.emptyString, 0, 0) }
            let n = Int(l)
            let onStack = !s.escapes && n <= 32
            let heap = (s.neverAllocates || n == 1 || onStack) ? 0 : malloc(n, noscan: true)
            let b = MemBlock(bytes: n, heapBytes: heap)
            b.onStack = onStack && !s.neverAllocates && n > 1
            b.address = address(heap: heap > 0, size: n)
            for k in 0..<n { b.bytes[k] = UInt8(truncatingIfNeeded: sb.load(Int(o) + k).intValue) }
            return .string(b, 0, l)
        case .stringToRunes:
            guard case .string(let sb, let o, let l) = v else { return .null }
            var runes: [Int] = []
            var at = 0
            while at < Int(l) {
                let (r, w) = UTF8Decoding.decode(sb.bytes + Int(o) + at, Int(l) - at)
                runes.append(r)
                at += w
            }
            let onStack = !s.escapes && runes.count <= 32
            let cap = onStack ? 32 : SizeClasses.roundUp(runes.count * 4) / 4
            let heap = onStack ? 0 : malloc(cap * 4, noscan: true)
            let b = MemBlock(slots: cap, heapBytes: heap)
            b.address = address(heap: heap > 0, size: cap * 4)
            for (i, r) in runes.enumerated() { b.slots[i] = .int(r) }
            return .slice(b, 0, Int32(runes.count), Int32(cap))
        case .runesToString:
            guard case .slice(let sb, let o, let l, _) = v else { return .string(exe.emptyString, 0, 0) }
            var bytes: [UInt8] = []
            for k in 0..<Int(l) { bytes += UTF8Decoding.encode(sb.load(Int(o) + k).intValue) }
            if bytes.isEmpty { return .string(exe.emptyString, 0, 0) }
            let onStack = !s.escapes && bytes.count <= 32
            let heap = onStack ? 0 : malloc(bytes.count, noscan: true)
            let b = MemBlock(bytes: bytes, heapBytes: heap)
            b.onStack = onStack
            b.address = address(heap: heap > 0, size: bytes.count)
            return .string(b, 0, Int32(bytes.count))
        default:
            // string(rune): intstring uses a 4-byte buffer, on the stack unless it escapes.
            let bytes = UTF8Decoding.encode(v.intValue)
            let heap = s.escapes ? malloc(4, noscan: true) : 0
            let b = MemBlock(bytes: bytes, heapBytes: heap)
            b.onStack = !s.escapes
            b.address = address(heap: heap > 0, size: 4)
            return .string(b, 0, Int32(bytes.count))
        }
    }

    // MARK: - Interfaces and closures

    /// A value converted to an interface (Go's `convT*` family).
    func box(_ value: UnsafeMutablePointer<GoValue>, site: Int) -> GoValue {
        let s = sites[site]
        let t = s.rtype!
        var heap = 0
        // A value that does not escape goes in a stack temporary, if it is at most 1 KiB.
        if (s.escapes || t.size > 1024) && !s.neverAllocates && s.kind != .staticData {
            switch s.boxing {
            case .free: break
            case .small(let bytes):
                let mask = bytes == 8 ? UInt64.max : (UInt64(1) << UInt64(bytes * 8)) - 1
                var bits = UInt64(bitPattern: Int64(value[0].intValue)) & mask
                if case .float(let d) = value[0] { bits = bytes == 8 ? d.bitPattern : UInt64(Float(d).bitPattern) }
                // Values below 256 point into runtime.staticuint64s.
                if bits >= 256 { heap = malloc(bytes, noscan: true) }
            case .string:
                if lengthOf(value[0]) > 0 { heap = malloc(16, noscan: false) }
            case .slice:
                if case .slice = value[0] { heap = malloc(24, noscan: false) }
            case .object:
                heap = malloc(t.size, noscan: !t.hasPointers)
            }
        }
        let b = MemBlock(copying: value, count: t.slots, heapBytes: heap)
        b.address = address(heap: heap > 0, size: t.size)
        return .iface(TypeRef(t), b)
    }

    func makeClosure(_ info: ClosureAux, captures: UnsafeMutablePointer<GoValue>, site: Int) -> GoValue {
        if info.captures == 0 { return .fn(exe.functionValue(info.function)) }
        let s = sites[site]
        let heap = s.escapes && s.kind != .staticData ? malloc(s.size, noscan: false) : 0
        return .fn(FuncValue(function: info.function, captures: Array(UnsafeBufferPointer(start: captures, count: info.captures)), heapBytes: heap))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The simulated memory the interpreter runs on.
///
/// Memory is made of *slots*: every scalar of a Go value (an int, a float,
/// a string header, a pointer, a slice header, an interface, a map, a
/// channel, a func) takes one slot; structs and arrays are their fields or
/// elements laid out in consecutive slots. A goroutine's frame is a run of
/// slots (its registers); anything that needs an address — a variable whose
/// address is taken or that a closure shares, a `new(T)`, a backing array —
/// is a `MemBlock` of slots. Whether a block counts as *heap* is decided by the
/// escape analysis, never here: `heapBytes` is what the allocator model
/// charged for it (0 for goroutine-stack and static storage).
enum GoValue {
    /// Every integer kind and `bool` (0 or 1). Sized kinds are kept
    /// normalised (wrapped to their width, sign- or zero-extended).
    case int(Int)
    case float(Double)
    /// Bytes `[off, off+len)` of a byte block, which is never written again.
    case string(MemBlock, Int32, Int32)
    /// The address of slot (or byte) `index` of a block.
    case pointer(MemBlock, Int)
    /// Elements from slot `off`: length and capacity in elements.
    case slice(MemBlock, Int32, Int32, Int32)
    /// A non-nil interface: the dynamic type and a block holding the value.
    case iface(TypeRef, MemBlock)
    case map(GoMap)
    case chan(GoChan)
    case fn(FuncValue)
    /// The nil pointer, slice, map, channel, func or interface.
    case null

    @inline(__always) var intValue: Int {
        if case .int(let v) = self { return v }
        return 0
    }

    @inline(__always) var floatValue: Double {
        if case .float(let v) = self { return v }
        if case .int(let v) = self { return Double(v) }
        return 0
    }

    @inline(__always) var boolValue: Bool {
        if case .int(let v) = self { return v != 0 }
        return false
    }

    @inline(__always) static func bool(_ b: Bool) -> GoValue { .int(b ? 1 : 0) }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Whether `.int(0)` is stored as zero bytes, so zero-filled memory is
    /// a valid run of `.int(0)` slots (checked once, not assumed).
    static let zeroIsAllZeroBits: Bool = {
        var v = GoValue.int(0)
        return withUnsafeBytes(of: &v) { $0.allSatisfy { $0 == 0 } }
    }()
}

/// An interface's dynamic type, held without reference counting.
/// Interface values are copied on nearly every instruction of a call
/// through `any`; counting references to their type on each copy was a
/// large share of the interpreter's time. Safe because every `RType`
/// belongs to the program's `TypeRegistry`, which the `Executable` keeps
/// (and never shrinks) for as long as any of the program's values exist.
@dynamicMemberLookup
struct TypeRef {
    unowned(unsafe) let rtype: RType

    @inline(__always) init(_ rtype: RType) { self.rtype = rtype }

    @inline(__always) subscript<T>(dynamicMember path: KeyPath<RType, T>) -> T { rtype[keyPath: path] }

    @inline(__always) static func === (a: TypeRef, b: TypeRef) -> Bool { a.rtype === b.rtype }
    @inline(__always) static func === (a: TypeRef, b: RType) -> Bool { a.rtype === b }
    @inline(__always) static func !== (a: TypeRef, b: TypeRef) -> Bool { a.rtype !== b.rtype }
}

/// Reading the parts of a value in place. A pattern match on `slots[i]`
/// copies the value out — retaining its objects, releasing them after —
/// which on the dispatch loop's hottest instructions cost more than the
/// work itself. These hand the object out unretained: the caller uses it
/// only while the slot still holds it (nothing stores to that slot first).
extension UnsafeMutablePointer where Pointee == GoValue {
    @inline(__always) func borrowedPointer() -> (block: Unmanaged<MemBlock>, index: Int)? {
        if case .pointer(let b, let i) = pointee { return (Unmanaged.passUnretained(b), i) }
        return nil
    }

    @inline(__always) func borrowedSlice() -> (block: Unmanaged<MemBlock>, off: Int, len: Int, cap: Int)? {
        if case .slice(let b, let off, let len, let cap) = pointee { return (Unmanaged.passUnretained(b), Int(off), Int(len), Int(cap)) }
        return nil
    }

    @inline(__always) func borrowedIface() -> (type: TypeRef, block: Unmanaged<MemBlock>)? {
        if case .iface(let t, let b) = pointee { return (t, Unmanaged.passUnretained(b)) }
        return nil
    }

    @inline(__always) func borrowedFunc() -> Unmanaged<FuncValue>? {
        if case .fn(let f) = pointee { return Unmanaged.passUnretained(f) }
        return nil
    }

    /// The int in the slot, if it holds one (no payload is touched).
    @inline(__always) func int() -> Int? {
        if case .int(let v) = pointee { return v }
        return nil
    }

    /// The slot holds no reference (an int, a float or nil).
    @inline(__always) var holdsNoReference: Bool {
        switch pointee {
        case .int, .float, .null: true
        default: false
        }
    }

    /// Stores an int. Most slots an int goes to already hold a value
    /// without references; those are overwritten in place, skipping the
    /// generic (out-of-line) release of the old value.
    @inline(__always) func setInt(_ v: Int) {
        // Safe: the old value owns nothing, so not destroying it leaks nothing.
        if holdsNoReference { initialize(to: .int(v)) } else { pointee = .int(v) }
    }

    /// `pointee = source.pointee`, without the generic copy and release
    /// when neither value holds a reference (ints, floats, nil).
    @inline(__always) func assign(from source: UnsafeMutablePointer<GoValue>) {
        if holdsNoReference && source.holdsNoReference {
            // Safe: a value without references is plain bits; copying its bytes
            // is a complete copy, and the old value owns nothing to release.
            copyBits(from: source)
        } else {
            pointee = source.pointee
        }
    }

    /// The slot's bytes, as plain words: three moves, where `copyMemory`
    /// is a call to `memmove`. Only for slots whose old value owns
    /// nothing; the source is then either copied plainly or given up.
    @inline(__always) func copyBits(from source: UnsafeMutablePointer<GoValue>) {
        if MemoryLayout<GoValue>.stride == MemoryLayout<SlotBits>.size {
            UnsafeMutableRawPointer(self).storeBytes(of: UnsafeRawPointer(source).load(as: SlotBits.self), as: SlotBits.self)
        } else {
            UnsafeMutableRawPointer(self).copyMemory(from: source, byteCount: MemoryLayout<GoValue>.stride)
        }
    }
}

/// A slot's bytes as words (`GoValue` is three words on 64-bit hosts).
typealias SlotBits = (UInt64, UInt64, UInt64)

/// A piece of simulated memory with its own identity: a variable, an
/// object, a backing array, the bytes of a string, an interface's box.
/// Byte arrays (`[]byte`, strings) keep one byte per element instead of a
/// slot, so large byte buffers stay small on the host.
final class MemBlock: @unchecked Sendable {
    // Only the machine that made a block touches it; the shared empty
    // string block is never written (it has no slots and no heap bytes).
    let raw: UnsafeMutableRawPointer
    let count: Int
    let isBytes: Bool
    /// Bytes the allocator model charged on the heap; 0 on a stack or static.
    var heapBytes: Int
    /// The last GC cycle that reached this block.
    var mark: UInt32 = 0
    /// A simulated address, for `%p` and printed pointers.
    var address: Int
    /// Bytes in a goroutine's stack buffer (a non-escaping conversion's
    /// result), which `concatstrings` may not hand out as its own result.
    var onStack = false

    init(slots count: Int, heapBytes: Int = 0, address: Int = 0) {
        self.count = count
        self.isBytes = false
        self.heapBytes = heapBytes
        self.address = address
        raw = MemBlock.zeroedSlots(count)
    }

    /// A block initialised from a template (the zero value of its type).
    init(copying template: UnsafePointer<GoValue>, count: Int, heapBytes: Int = 0, address: Int = 0) {
        self.count = count
        self.isBytes = false
        self.heapBytes = heapBytes
        self.address = address
        raw = MemBlock.zeroedSlots(count)
        // Zeroed slots hold no references: overwriting them needs no release.
        let slots = raw.assumingMemoryBound(to: GoValue.self)
        let source = UnsafeMutablePointer(mutating: template)
        for i in 0..<count { (slots + i).assign(from: source + i) }
    }

    init(bytes count: Int, heapBytes: Int = 0, address: Int = 0) {
        self.count = count
        self.isBytes = true
        self.heapBytes = heapBytes
        self.address = address
        raw = calloc(1, max(1, count))!
    }

    convenience init(bytes: [UInt8], heapBytes: Int = 0, address: Int = 0) {
        self.init(bytes: bytes.count, heapBytes: heapBytes, address: address)
        bytes.withUnsafeBufferPointer { b in
            if let base = b.baseAddress { self.bytes.update(from: base, count: b.count) }
        }
    }

    /// Zero-filled memory for `count` slots. The pages of a large block the
    /// program never touches are never made resident by the host, so a
    /// big array on a deep stack costs little real memory.
    private static func zeroedSlots(_ count: Int) -> UnsafeMutableRawPointer {
        let p = calloc(max(1, count), MemoryLayout<GoValue>.stride)!
        if !GoValue.zeroIsAllZeroBits {
            p.bindMemory(to: GoValue.self, capacity: count).initialize(repeating: .int(0), count: count)
        } else {
            p.bindMemory(to: GoValue.self, capacity: max(1, count))
        }
        return p
    }

    @inline(__always) var slots: UnsafeMutablePointer<GoValue> { raw.assumingMemoryBound(to: GoValue.self) }
    @inline(__always) var bytes: UnsafeMutablePointer<UInt8> { raw.assumingMemoryBound(to: UInt8.self) }

    /// One element as a value, whatever the storage.
    @inline(__always) func load(_ i: Int) -> GoValue {
        isBytes ? .int(Int(bytes[i])) : slots[i]
    }

    @inline(__always) func store(_ i: Int, _ v: GoValue) {
        if isBytes { bytes[i] = UInt8(truncatingIfNeeded: v.intValue) } else { slots[i] = v }
    }

    /// `store(i, source.pointee)`, skipping the generic copy for plain values.
    @inline(__always) func store(_ i: Int, from source: UnsafeMutablePointer<GoValue>) {
        if isBytes { bytes[i] = UInt8(truncatingIfNeeded: source.pointee.intValue) } else { (slots + i).assign(from: source) }
    }

    /// `destination.pointee = load(i)`, skipping the generic copy for plain
    /// values. The destination must not hold this block's only reference.
    @inline(__always) func load(_ i: Int, into destination: UnsafeMutablePointer<GoValue>) {
        if isBytes { destination.setInt(Int(bytes[i])) } else { destination.assign(from: slots + i) }
    }

    deinit {
        if !isBytes && count > 0 {
            // Children still referenced elsewhere (a shared name, a small
            // int's box) are let go at once; only the ones dying with this
            // block wait on a work list, which most blocks never need.
            var work: [GoValue] = []
            var strings = false
            for i in 0..<count where !(slots + i).holdsNoReference {
                if Release.ownsObjects(slots + i) {
                    let child = (slots + i).move()
                    (slots + i).initialize(to: .int(0))
                    Release.drop(child, into: &work)
                } else {
                    strings = true
                }
            }
            // Left are plain values, which need no deinitialising, and strings.
            if strings { slots.deinitialize(count: count) }
            Release.drain(&work)
        }
        free(raw)
    }

    /// Moves out the values that own other objects (see `Release`).
    func detachChildren(into work: inout [GoValue]) {
        if !isBytes { Release.detach(slots, count, into: &work) }
    }
}

/// A function value: a declared function, a closure with the variables it
/// shares with its maker, or a method value with its bound receiver.
final class FuncValue: @unchecked Sendable {
    // Shared values of declared functions have no captures and are never
    // marked (no heap bytes); the others belong to one machine.
    /// Index into the program's functions; negative for library functions (`-1 - index`).
    let function: Int
    /// Captured variables (pointers to their blocks) or the receiver's slots.
    var captures: [GoValue]
    /// The captures are a bound receiver, passed before the arguments.
    let bound: Bool
    var heapBytes: Int
    var mark: UInt32 = 0

    init(function: Int, captures: [GoValue] = [], bound: Bool = false, heapBytes: Int = 0) {
        self.function = function
        self.captures = captures
        self.bound = bound
        self.heapBytes = heapBytes
    }

    deinit {
        if !captures.isEmpty {
            var work: [GoValue] = []
            swap(&work, &captures)
            Release.drain(&work)
        }
    }
}

/// Releasing a long chain of objects (a linked list of a million nodes)
/// must not recurse once per link on the host stack. Objects about to die
/// hand their children to a work list instead, which is emptied in a loop.
enum Release {
    /// Moves every value that references another object out of `slots`
    /// (leaving `.int(0)`), so the owner dies without touching them.
    static func detach(_ slots: UnsafeMutablePointer<GoValue>, _ count: Int, into work: inout [GoValue]) {
        for i in 0..<count where ownsObjects(slots + i) {
            work.append((slots + i).move())
            (slots + i).initialize(to: .int(0))
        }
    }

    /// The slot may own objects that own others (a string's bytes own none).
    @inline(__always) static func ownsObjects(_ slot: UnsafeMutablePointer<GoValue>) -> Bool {
        switch slot.pointee {
        case .int, .float, .null, .string: false
        default: true
        }
    }

    static func drain(_ work: inout [GoValue]) {
        while let v = work.popLast() { drop(v, into: &work) }
    }

    /// Lets go of `value`. When that is the last reference to its object,
    /// the object's own children go to `work` first, so its death
    /// releases nothing further (and recurses no deeper than this).
    @inline(__always)
    static func drop(_ value: consuming GoValue, into work: inout [GoValue]) {
        var v = value
        var block: MemBlock? = nil
        var map: GoMap? = nil
        var chan: GoChan? = nil
        var fn: FuncValue? = nil
        switch v {
        case .pointer(let b, _), .slice(let b, _, _, _), .iface(_, let b): block = b
        case .map(let m): map = m
        case .chan(let c): chan = c
        case .fn(let f): fn = f
        default: return
        }
        // Drop the value's own reference so the object may be unique.
        v = .null
        if block != nil, isKnownUniquelyReferenced(&block) { block!.detachChildren(into: &work) }
        if map != nil, isKnownUniquelyReferenced(&map) { map!.detachChildren(into: &work) }
        if chan != nil, isKnownUniquelyReferenced(&chan) { chan!.detachChildren(into: &work) }
        if fn != nil, isKnownUniquelyReferenced(&fn) {
            work.append(contentsOf: fn!.captures)
            fn!.captures = []
        }
    }
}

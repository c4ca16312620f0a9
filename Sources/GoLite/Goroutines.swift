/// Goroutines: each has its own frames and registers (its simulated stack),
/// its pending deferred calls and panics. Channels hand values between them.

/// One active call.
struct Frame {
    enum Kind: UInt8 {
        case normal
        /// A deferred call: when it returns, its caller continues its return or its panic.
        case deferred
        /// The goroutine's first frame: when it returns, the goroutine ends.
        case entry
        /// Called by the simulated library (a `String` method while printing):
        /// returning hands the results back to it.
        case boundary
    }

    var function: Int32
    var pc: Int32
    /// First register of the frame in the goroutine's register file.
    var base: Int32
    /// Where the caller wants the results (absolute), or -1.
    var ret: Int32
    /// Deferred calls registered by this frame start at this index.
    var deferBase: Int32
    /// The first register above the frame (`base` plus its function's frame size).
    var end: Int32
    var kind: Kind
    /// The frame is running its deferred calls because of a panic.
    var unwinding = false
    /// Parameter slots holding unretained copies of the caller's arguments
    /// (see `BorrowedParameters`); emptied, never released, when the frame goes.
    var borrowed: UInt8 = 0
}

/// A goroutine's frames, innermost last. Kept in memory the machine
/// manages itself: the dispatch loop reads and writes the top frame on
/// every call and return, where an Array's checks would show.
struct FrameStack {
    private(set) var base: UnsafeMutablePointer<Frame>
    private(set) var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    var isEmpty: Bool { count == 0 }
    var last: Frame? { count > 0 ? base[count - 1] : nil }
    /// Where a new frame starts: above the top one.
    var end: Int { count > 0 ? Int(base[count - 1].end) : 0 }

    subscript(i: Int) -> Frame {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    @inline(__always)
    mutating func append(_ f: Frame) {
        if count == capacity { grow() }
        (base + count).initialize(to: f)
        count += 1
    }

    @inline(never)
    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Frame>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    @discardableResult @inline(__always)
    mutating func removeLast() -> Frame {
        count -= 1
        return (base + count).move()
    }

    mutating func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }

    /// Innermost first.
    func reversed() -> [Frame] { (0..<count).reversed().map { base[$0] } }

    func deallocate() {
        base.deinitialize(count: count)
        base.deallocate()
    }
}

/// A deferred call or the call a `go` statement starts.
struct PendingCall {
    enum Target {
        case function(Int)
        case value(FuncValue)
        case native(NativeFunction, NativeCall)
        case builtin(IROp, PrintAux?)
    }
    var target: Target
    var args: [GoValue]
    var pos: Pos
}

struct PanicRecord {
    var value: GoValue
    var recovered = false
    /// `runtime.Goexit` (t.FailNow): runs deferred calls, cannot be recovered.
    var goexit = false
    /// The frames where it started, as the crash report shows them.
    var trace = ""
}

final class Goroutine {
    let id: Int
    private(set) var regs: UnsafeMutablePointer<GoValue>
    private(set) var capacity: Int
    var frames = FrameStack()
    var defers: [PendingCall] = []
    var panics: [PanicRecord] = []
    enum State { case runnable, blocked, done }
    var state = State.runnable
    /// What it waits for, as Go prints it in a deadlock (`chan receive`).
    var waitReason = ""
    /// Where a value handed over by a sender goes (absolute registers).
    var receiveInto: (dst: Int, ok: Int, n: Int)?
    var sendValues: [GoValue] = []
    /// A panic to raise as soon as it runs again (send on a closed channel).
    var pendingPanic: String?
    /// Called by the machine when the goroutine ends (tests, benchmarks).
    var onExit: ((Goroutine) -> Void)?
    /// Set when it ended by a panic nobody recovered.
    var diedPanicking = false
    /// Simulated stack: bytes the frames use, and the stack's size (a power of two).
    var stackUsed = 0
    var stackSize = 8192
    /// Results of the last call made for the library (`Frame.Kind.boundary`).
    var boundaryResults: [GoValue] = []

    init(id: Int) {
        self.id = id
        capacity = 64
        regs = UnsafeMutablePointer<GoValue>.allocate(capacity: capacity)
        regs.initialize(repeating: .int(0), count: capacity)
    }

    deinit {
        forgetBorrowedParameters()
        frames.deallocate()
        var work: [GoValue] = []
        Release.detach(regs, capacity, into: &work)
        regs.deinitialize(count: capacity)
        regs.deallocate()
        work.append(contentsOf: defers.flatMap(\.args))
        defers = []
        Release.drain(&work)
    }

    /// Makes room for `needed` registers; the register file may move.
    @inline(__always)
    func ensure(_ needed: Int) {
        if needed > capacity { grow(needed) }
    }

    @inline(never)
    private func grow(_ needed: Int) {
        var newCap = capacity * 2
        while newCap < needed { newCap *= 2 }
        let p = UnsafeMutablePointer<GoValue>.allocate(capacity: newCap)
        p.moveInitialize(from: regs, count: capacity)
        (p + capacity).initialize(repeating: .int(0), count: newCap - capacity)
        regs.deallocate()
        regs = p
        capacity = newCap
    }

    /// Registers in use by live frames (the GC's roots on this stack).
    var liveRegisters: Int {
        min(capacity, frames.end)
    }

    /// Pops the top frame. Borrowed parameters are emptied without a
    /// release: the caller's registers own those references.
    @inline(__always) @discardableResult
    func popFrame() -> Frame {
        let f = frames.removeLast()
        if f.borrowed > 0 { forget(f) }
        return f
    }

    /// Empties the borrowed parameters of every frame still on the stack,
    /// before its registers are released wholesale.
    func forgetBorrowedParameters() {
        for i in 0..<frames.count where frames[i].borrowed > 0 {
            forget(frames[i])
            frames[i].borrowed = 0
        }
    }

    @inline(__always)
    private func forget(_ f: Frame) {
        let p = regs + Int(f.base)
        // Safe: these slots hold copies the frame never owned.
        for i in 0..<Int(f.borrowed) { (p + i).initialize(to: .int(0)) }
    }

    /// Drops references held by registers above the live frames.
    func clearAbove(_ n: Int) {
        forgetBorrowedParameters()
        var i = n
        while i < capacity {
            if case .int = regs[i] { } else { regs[i] = .int(0) }
            i += 1
        }
    }
}

/// A channel: a ring buffer and the goroutines waiting on it.
final class GoChan {
    let elemSlots: Int
    let capacity: Int
    let zero: [GoValue]
    var buffer: [GoValue]
    var head = 0
    var count = 0
    var closed = false
    var receivers: [Goroutine] = []
    var senders: [Goroutine] = []
    var heapBytes = 0
    var mark: UInt32 = 0
    let address: Int

    init(elemSlots: Int, capacity: Int, zero: [GoValue], address: Int) {
        self.elemSlots = elemSlots
        self.capacity = capacity
        self.zero = zero
        self.address = address
        buffer = Array(repeating: .int(0), count: capacity * elemSlots)
    }

    func push(_ v: UnsafePointer<GoValue>) {
        let at = ((head + count) % capacity) * elemSlots
        for i in 0..<elemSlots { buffer[at + i] = v[i] }
        count += 1
    }

    func push(_ v: [GoValue]) {
        v.withUnsafeBufferPointer { push($0.baseAddress ?? UnsafePointer(bitPattern: 8)!) }
    }

    /// Removes the oldest value into `out`.
    func pop(into out: UnsafeMutablePointer<GoValue>) {
        let at = head * elemSlots
        for i in 0..<elemSlots {
            out[i] = buffer[at + i]
            buffer[at + i] = .int(0)
        }
        head = (head + 1) % capacity
        count -= 1
    }

    func detachChildren(into work: inout [GoValue]) {
        work.append(contentsOf: buffer.filter { !$0.isScalar })
        buffer = []
    }
}

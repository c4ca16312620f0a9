/// The interpreter's instructions. The IR is compiled, function by
/// function, into a register machine: each frame is a run of slots, every
/// variable and temporary has a fixed register, names are resolved before
/// the program runs, and each instruction names its registers as small
/// integers. Operands: `d` destination register, `a`/`b`/`s` source
/// registers, `k` index into the function's constants, `t` a target pc,
/// `n` a slot count, `x` an index into the function's auxiliary tables,
/// `site` an allocation site of the program.
enum Instr {
    // Data movement.
    case move(d: Int32, s: Int32)
    case moveN(d: Int32, s: Int32, n: Int32)
    case konst(d: Int32, k: Int32)
    case konstN(d: Int32, k: Int32, n: Int32)
    case setInt(d: Int32, v: Int32)
    case loadGlobal(d: Int32, slot: Int32, n: Int32)
    case storeGlobal(slot: Int32, s: Int32, n: Int32)
    case addrGlobal(d: Int32, slot: Int32)

    // Variables and objects in blocks.
    /// A fresh zeroed block for a variable or `new(T)`: `d = &block`.
    case newObject(d: Int32, site: Int32)
    /// A block holding a copy of `n` registers from `s` (a parameter moved to the heap, `&T{…}`).
    case boxRegs(d: Int32, s: Int32, site: Int32)
    case load1(d: Int32, p: Int32, off: Int32)
    case load(d: Int32, p: Int32, off: Int32, n: Int32)
    case store1(p: Int32, off: Int32, s: Int32)
    case store(p: Int32, off: Int32, s: Int32, n: Int32)
    /// `&p.f`: the pointer moved by `off` slots (nil-checked).
    case ptrAdd(d: Int32, p: Int32, off: Int32)
    case nilCheck(p: Int32)

    // Slices, arrays, strings.
    case sliceLoad1(d: Int32, s: Int32, i: Int32)
    case sliceLoad(d: Int32, s: Int32, i: Int32, x: Int32)
    case sliceStore1(s: Int32, i: Int32, v: Int32)
    case sliceStore(s: Int32, i: Int32, v: Int32, x: Int32)
    case sliceAddr(d: Int32, s: Int32, i: Int32, x: Int32)
    /// Element `i` of an array at `*p + off` (bounds-checked): a pointer to it.
    case arrayAddr(d: Int32, p: Int32, i: Int32, x: Int32)
    /// Element `i` of an array held in registers from `a`.
    case regIndex(d: Int32, a: Int32, i: Int32, x: Int32)
    case strIndex(d: Int32, s: Int32, i: Int32)
    case len(d: Int32, a: Int32)
    case cap(d: Int32, a: Int32)
    case makeSlice(d: Int32, len: Int32, cap: Int32, site: Int32)
    /// A backing array of `n` elements for a literal: `d = []T{…}` (elements stored after).
    case newArray(d: Int32, n: Int32, site: Int32)
    case sliceExpr(d: Int32, a: Int32, lo: Int32, hi: Int32, x: Int32)
    case append(d: Int32, s: Int32, first: Int32, count: Int32, site: Int32)
    case appendSlice(d: Int32, s: Int32, t: Int32, site: Int32)
    /// `copy(dst, src)`: elements of `stride` slots; `d` gets the count.
    case copy(d: Int32, dst: Int32, src: Int32, stride: Int32)
    case concat(d: Int32, first: Int32, count: Int32, site: Int32)
    case convert(d: Int32, a: Int32, site: Int32)

    // Arithmetic and comparison.
    case addI(d: Int32, a: Int32, b: Int32)
    case subI(d: Int32, a: Int32, b: Int32)
    case mulI(d: Int32, a: Int32, b: Int32)
    case addIK(d: Int32, a: Int32, v: Int32)
    case arith(d: Int32, a: Int32, b: Int32, op: ArithOp, kind: NumKind)
    case cmpI(d: Int32, a: Int32, b: Int32, c: Cond)
    case cmp(d: Int32, a: Int32, b: Int32, c: Cond, kind: NumKind)
    case strCmp(d: Int32, a: Int32, b: Int32, c: Cond)
    /// `==`/`!=` of any comparable values of `n` slots described by aux `x`.
    case equal(d: Int32, a: Int32, b: Int32, x: Int32, negate: Bool)
    case unary(d: Int32, a: Int32, op: UnaryOp, kind: NumKind)
    case numConv(d: Int32, a: Int32, from: NumKind, to: NumKind)

    // Control.
    case jump(t: Int32)
    case jumpIf(c: Int32, t: Int32)
    case jumpIfNot(c: Int32, t: Int32)
    /// Jumps to `t` unless `a c b` holds (ints).
    case brI(a: Int32, b: Int32, c: Cond, t: Int32)
    case brIK(a: Int32, v: Int32, c: Cond, t: Int32)
    /// Counts `n` executed statements (the step budget and the cost model).
    case tick(n: Int32)
    /// `tick` then `jump`: the back edge of a loop.
    case tickJump(n: Int32, t: Int32)
    /// `tick` then `ret`.
    case tickRet(n: Int32)
    /// An int compared with a small constant.
    case cmpIK(d: Int32, a: Int32, v: Int32, c: Cond)
    /// Range over a string: decodes the rune at `i` into `d` (index) and `d+1`
    /// (rune), advancing the byte offset in `i+1`; jumps to `t` at the end.
    case strNext(s: Int32, i: Int32, t: Int32)

    // Interfaces.
    case box(d: Int32, s: Int32, site: Int32)
    /// `x.(T)` for a concrete T; `ok` is -1 when a failed assertion panics.
    case assertType(d: Int32, a: Int32, x: Int32, ok: Int32)
    /// `x.(I)` for an interface I.
    case assertIface(d: Int32, a: Int32, x: Int32, ok: Int32)
    case typeIs(d: Int32, a: Int32, x: Int32)
    case implements(d: Int32, a: Int32, x: Int32)
    /// Copies the value out of an interface known to hold it.
    case unbox(d: Int32, a: Int32, n: Int32)

    // Calls.
    case call(f: Int32, args: Int32, ret: Int32)
    case callValue(fv: Int32, args: Int32, ret: Int32)
    case callIface(recv: Int32, args: Int32, ret: Int32, x: Int32)
    case callNative(x: Int32, args: Int32, ret: Int32)
    case ret
    case makeClosure(d: Int32, first: Int32, x: Int32, site: Int32)
    case methodValue(d: Int32, recv: Int32, x: Int32, site: Int32)
    case deferCall(x: Int32, first: Int32)
    case goCall(x: Int32, first: Int32)
    case panic(a: Int32)
    case recover(d: Int32)
    /// Copies the closure's captured variables into their registers.
    case loadCaptures(first: Int32, n: Int32)

    // Maps and channels.
    case makeMap(d: Int32, hint: Int32, site: Int32)
    case mapLoad(d: Int32, m: Int32, k: Int32, x: Int32, ok: Int32)
    case mapStore(m: Int32, k: Int32, v: Int32, x: Int32)
    case mapDelete(m: Int32, k: Int32, x: Int32)
    case mapIterInit(d: Int32, m: Int32)
    /// Next entry of the iterator in `it`: key to `k`, value to `v` (-1: not wanted); jumps to `t` at the end.
    case mapIterNext(it: Int32, k: Int32, v: Int32, t: Int32)
    case makeChan(d: Int32, size: Int32, site: Int32)
    case send(c: Int32, v: Int32, n: Int32)
    case recv(d: Int32, c: Int32, n: Int32, ok: Int32)
    case close(c: Int32)
    case printValues(first: Int32, x: Int32)

    // Superinstructions, made by `Superinstructions.fuse` from the pair
    // they name. The pair's second instruction stays in place after them:
    // a goroutine stopped between the two resumes there, and a jump to it
    // still finds it.
    /// `tick(n)` then `callValue`.
    case tickCallValue(n: Int32, fv: Int32, args: Int32, ret: Int32)
    /// `tick(n)` then `call`.
    case tickCall(n: Int32, f: Int32, args: Int32, ret: Int32)
    /// `tick(n)` then `addIK`.
    case tickAddIK(n: Int32, d: Int32, a: Int32, v: Int32)
    /// `tick(n)` then `brIK`.
    case tickBrIK(n: Int32, a: Int32, v: Int32, c: Cond, t: Int32)
    /// `addIK` then `tickJump`: a loop's increment and back edge.
    case addIKTickJump(d: Int32, a: Int32, v: Int32, n: Int32, t: Int32)

    /// Reached the end of a function that must return a value (never happens in checked Go).
    case unreachable
    /// Where a goroutine with no frames left stands: it has finished.
    case halt
}

enum ArithOp: UInt8 {
    case add, sub, mul, div, rem, and, or, xor, andNot, shl, shr
    /// Shifts whose count has an unsigned 64-bit type (never negative).
    case shlUnsigned, shrUnsigned
}

enum UnaryOp: UInt8 {
    case neg, not, complement
}

enum Cond: UInt8 {
    case eq, ne, lt, le, gt, ge

    init?(_ op: Operator) {
        switch op {
        case .eql: self = .eq
        case .neq: self = .ne
        case .lss: self = .lt
        case .leq: self = .le
        case .gtr: self = .gt
        case .geq: self = .ge
        default: return nil
        }
    }

    var negated: Cond {
        switch self {
        case .eq: .ne
        case .ne: .eq
        case .lt: .ge
        case .le: .gt
        case .gt: .le
        case .ge: .lt
        }
    }

    @inline(__always) func test<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .eq: a == b
        case .ne: a != b
        case .lt: a < b
        case .le: a <= b
        case .gt: a > b
        case .ge: a >= b
        }
    }
}

/// The numeric kinds arithmetic distinguishes.
enum NumKind: Equatable {
    case int(IntKind)
    case float64, float32

    init?(_ t: GoType) {
        guard let k = t.basicKind else { return nil }
        if k == .float32 { self = .float32 } else if k.isFloat { self = .float64 } else if let ik = IntKind(k) { self = .int(ik) } else { return nil }
    }

    var isFloat: Bool { if case .int = self { return false }; return true }
}

/// One function ready to run.
final class CompiledFunction: @unchecked Sendable {
    // Built once by the compiler, then only read.
    let index: Int
    let name: String
    var code: [Instr] = []
    /// Source line of each instruction (for panics and tracebacks).
    var lines: [Int32] = []
    var constants: [GoValue] = []
    var paramSlots = 0
    var resultSlots = 0
    /// The register a closure's function value is passed in.
    var contextReg = 0
    var frameSize = 0
    /// Registers `[zeroFrom, zeroTo)` are reset on entry (results and locals).
    var zeroFrom = 0
    var zeroTo = 0
    var zeroTemplate: [GoValue] = []
    /// Simulated stack bytes of one frame.
    var stackBytes = 0
    /// Results that live in blocks: copied into the result registers on return.
    var boxedResults: [(home: Int32, result: Int32, n: Int32)] = [] {
        didSet { hasBoxedResults = !boxedResults.isEmpty }
    }
    /// Read on every return, where the array's reference would be counted.
    private(set) var hasBoxedResults = false
    /// Calls from the dispatch loop may pass the arguments unretained (see
    /// `BorrowedParameters`). Set by `seal`.
    private(set) var borrowsParameters = false
    var isLiteral = false
    var captureCount = 0
    var aux = AuxTables()
    /// Stable storage for the running machine.
    private(set) var codeBuffer: UnsafeMutableBufferPointer<Instr> = .init(start: nil, count: 0)
    private(set) var constantBuffer: UnsafeMutableBufferPointer<GoValue> = .init(start: nil, count: 0)
    private(set) var zeroBuffer: UnsafeMutableBufferPointer<GoValue> = .init(start: nil, count: 0)

    init(index: Int, name: String) {
        self.index = index
        self.name = name
    }

    func seal() {
        let buf = UnsafeMutableBufferPointer<Instr>.allocate(capacity: max(1, code.count))
        _ = buf.initialize(from: Superinstructions.fuse(code))
        codeBuffer = buf
        borrowsParameters = BorrowedParameters.allowed(code, parameters: paramSlots) && !hasBoxedResults
        let k = UnsafeMutableBufferPointer<GoValue>.allocate(capacity: max(1, constants.count))
        _ = k.initialize(from: constants)
        constantBuffer = k
        let z = UnsafeMutableBufferPointer<GoValue>.allocate(capacity: max(1, zeroTemplate.count))
        _ = z.initialize(from: zeroTemplate)
        zeroBuffer = z
    }

    deinit {
        if let base = codeBuffer.baseAddress {
            base.deinitialize(count: code.count)
            codeBuffer.deallocate()
        }
        if let base = constantBuffer.baseAddress {
            base.deinitialize(count: constants.count)
            constantBuffer.deallocate()
        }
        if let base = zeroBuffer.baseAddress {
            base.deinitialize(count: zeroTemplate.count)
            zeroBuffer.deallocate()
        }
    }

    func line(at pc: Int) -> Int { pc >= 0 && pc < lines.count ? Int(lines[pc]) : 0 }
}

/// Operands too large for an instruction.
struct AuxTables {
    /// Element access: stride (slots per element), offset within it, slots read, array length.
    struct Element { var stride: Int; var offset: Int; var n: Int; var length: Int }
    var elements: [Element] = []
    /// `x[lo:hi:max]`: which kind of operand and the max register.
    struct SliceExpr { var kind: SliceKind; var max: Int32; var arrayLength: Int; var stride: Int }
    enum SliceKind { case slice, string, arrayPointer }
    var slices: [SliceExpr] = []
    /// Comparisons of composite values.
    var equalities: [EqualityPlan] = []
    /// Type assertions and switches (the registry keeps the types).
    var types: [TypeRef] = []
    /// For each entry of `types`: the static interface type asserted from (for messages).
    var assertSources: [String] = []
    var interfaces: [InterfaceCheck] = []
    var calls: [CallAux] = []
    var natives: [NativeCall] = []
    var maps: [MapAux] = []
    var closures: [ClosureAux] = []
    var methodValues: [MethodValueAux] = []
    var deferred: [DeferredCall] = []
    var prints: [PrintAux] = []
}

/// How to compare two values slot by slot.
struct EqualityPlan {
    enum Slot { case int, float, string, ref, iface }
    var slots: [Slot]
    /// Set when an interface (left) is compared with a value of this
    /// concrete type (right, `slots` registers): no boxing is needed.
    var concrete: RType?
}

struct InterfaceCheck {
    var type: GoType
    var methods: [InterfaceMethod]
    var name: String
    /// The static interface type asserted from (for messages).
    var source: String
}

struct CallAux {
    /// Slots of the arguments (after the receiver for interface calls) and results.
    var argSlots: Int
    var resultSlots: Int
    var method: String
    var cache: InlineCache
}

/// The last dynamic type seen at an interface call site and where it led.
final class InlineCache: @unchecked Sendable {
    var type: RType?
    var target: MethodTarget?
}

struct NativeCall {
    var function: NativeFunction
    var argSlots: Int
    var resultSlots: Int
    var pos: Pos
}

struct MapAux {
    var keySlots: Int
    var valueSlots: Int
    var keyType: GoType
    var valueType: GoType
}

struct ClosureAux {
    var function: Int
    var captures: Int
}

struct MethodValueAux {
    /// The method's function for a concrete receiver (negative for a
    /// library method, as in `FuncValue`); nil for an interface receiver.
    var function: Int?
    var receiverSlots: Int
    var method: String
}

/// A `go` or `defer` statement: what is called and the slots of its values.
struct DeferredCall {
    enum Target {
        case function(Int)
        case value
        case iface(method: String, cache: InlineCache)
        case native(NativeFunction)
        case builtin(IROp)
    }
    var target: Target
    var argSlots: Int
    var pos: Pos
    var print: PrintAux?
}

struct PrintAux {
    var types: [GoType]
    var newline: Bool
}

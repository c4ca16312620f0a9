/// One place in the program that may allocate, with everything the
/// allocator model needs to decide, at run time, what it costs: the escape
/// analysis's verdict, the size and pointer-ness of what it makes.
///
/// A class, not a struct: the machine reads a site on every allocation,
/// and copying a struct with a type, an array and strings in it counted
/// references to each of them every time.
final class AllocSite {
    enum Kind: Equatable {
        /// `new(T)`, `&T{…}`, or a variable moved to the heap.
        case object
        case makeSlice
        /// The backing array of `[]T{…}` (and of a `... argument`).
        case sliceLiteral
        case makeMap
        case makeChan
        case closure
        case methodValue
        /// A value converted to an interface.
        case box
        case stringToBytes, bytesToString, stringToRunes, runesToString, runeToString
        case concat
        case append
        /// Data laid out by the compiler (package-level initialisers): never allocates.
        case staticData
    }

    var kind: Kind
    /// The escape analysis said the storage escapes (or nothing analysed it:
    /// operations the compiler adds after the analysis always use the heap).
    var escapes: Bool
    /// The object's type (the element type for slices and backing arrays).
    var type: GoType
    var size: Int
    /// The object holds no pointers (`noscan`): small ones use the tiny allocator.
    var noscan: Bool
    var slots: Int
    var zero: [GoValue]
    /// Elements are stored as bytes.
    var byteElements: Bool
    var rtype: RType?
    /// The compiler needs no allocation here whatever happens: a constant
    /// boxed from read-only data, a `string(b)` only compared or looked up.
    var neverAllocates: Bool
    var pos: Pos
    /// The expression as `-gcflags=-m` prints it (for reports).
    var text: String
    var map: MapTypeInfo?
    /// `make(map…)` with a constant hint of at most 8 (`makemap_small`).
    var smallConstantHint = false
    /// An array of bytes is kept as bytes, one per element.
    static func isByteArray(_ t: GoType) -> Bool {
        if case .array(_, let e) = t.underlying { return Layout.isByteElement(e) }
        return false
    }

    /// The zero value is all `.int(0)`: new arrays need no filling.
    var zeroIsInt: Bool
    /// Which `convT*` the compiler calls for a boxed value (see `Boxing`).
    var boxing = Boxing.object

    /// What converting a value of a type to an interface costs (walk/convert.go `dataWord`).
    enum Boxing: Equatable {
        /// Zero-sized, pointer-shaped, bool and single-byte values: no allocation.
        case free
        /// `convT16`/`convT32`/`convT64`: values below 256 use `staticuint64s`; others a tiny allocation.
        case small(Int)
        /// `convTstring`: the empty string is free, others take 16 bytes.
        case string
        /// `convTslice`: a nil slice is free, others take 24 bytes.
        case slice
        /// `convT`/`convTnoptr`: the value's size, rounded to a class.
        case object

        init(_ t: GoType) {
            let sole = Boxing.soleComponent(t)
            let isByteOrBool: Bool = {
                guard let k = t.basicKind else { return false }
                return k.isBoolean || (k.isInteger && k.size == 1)
            }()
            if t.size == 0 || t.isDirectInterface || isByteOrBool {
                self = .free
            } else if t.size == 2 && t.alignment == 2 {
                self = .small(2)
            } else if t.size == 4 && t.alignment == 4 && !Layout.hasPointers(t) {
                self = .small(4)
            } else if t.size == 8 && t.alignment == 8 && !Layout.hasPointers(t) {
                self = .small(8)
            } else if let s = sole, s.isString {
                self = .string
            } else if let s = sole, s.isSlice {
                self = .slice
            } else {
                self = .object
            }
        }

        static func soleComponent(_ t: GoType) -> GoType? {
            switch t.underlying {
            case .structure(let fields): return fields.count == 1 ? soleComponent(fields[0].type) : nil
            case .array(let n, let e): return n == 1 ? soleComponent(e) : nil
            default: return t
            }
        }
    }

    init(kind: Kind, escapes: Bool, type: GoType, zero: [GoValue], pos: Pos, text: String) {
        self.kind = kind
        self.escapes = escapes
        self.type = type
        self.size = type.size
        self.noscan = !Layout.hasPointers(type)
        self.slots = Layout.slots(type)
        self.zero = zero
        self.byteElements = false
        self.rtype = nil
        self.neverAllocates = false
        self.zeroIsInt = zero.allSatisfy { if case .int(0) = $0 { return true }; return false }
        self.pos = pos
        self.text = text
    }
}

/// The library functions GoLite programs call (`fmt`, `testing`), run by the simulator itself.
enum NativeFunction: Equatable, CaseIterable {
    case print, println, printf, sprint, sprintln, sprintf, errorf
    case tError, tErrorf, tFatal, tFatalf, tFail, tFailNow, tFailed, tHelper, tLog, tLogf, tName
    case tSkip, tSkipf, tSkipNow, tSkipped, tCleanup, tParallel, tRun, bRun
    case bReportAllocs, bReportMetric, bResetTimer, bSetBytes, bStartTimer, bStopTimer
    /// `Error()` of the errors `fmt.Errorf` and the runtime make.
    case errorMessage

    /// The index a function value of this library function carries (`-1 - index`).
    var valueIndex: Int { NativeFunction.allCases.firstIndex(of: self)! }

    /// Argument slots, the receiver first for methods (`...any` is one slice).
    var argumentSlots: Int {
        switch self {
        case .print, .println, .sprint, .sprintln: 1
        case .printf, .sprintf, .errorf: 2
        case .tError, .tLog, .tFatal, .tSkip, .tCleanup: 2
        case .tErrorf, .tFatalf, .tLogf, .tSkipf, .bRun, .tRun, .bReportMetric: 3
        case .tFail, .tFailNow, .tFailed, .tHelper, .tName, .tSkipNow, .tSkipped, .tParallel: 1
        case .bReportAllocs, .bResetTimer, .bStartTimer, .bStopTimer, .errorMessage: 1
        case .bSetBytes: 2
        }
    }

    init?(_ f: ExternalFunc) {
        switch (f.package, f.name) {
        case ("fmt", "Print"): self = .print
        case ("fmt", "Println"): self = .println
        case ("fmt", "Printf"): self = .printf
        case ("fmt", "Sprint"): self = .sprint
        case ("fmt", "Sprintln"): self = .sprintln
        case ("fmt", "Sprintf"): self = .sprintf
        case ("fmt", "Errorf"): self = .errorf
        case ("testing", "Error"): self = .tError
        case ("testing", "Errorf"): self = .tErrorf
        case ("testing", "Fatal"): self = .tFatal
        case ("testing", "Fatalf"): self = .tFatalf
        case ("testing", "Fail"): self = .tFail
        case ("testing", "FailNow"): self = .tFailNow
        case ("testing", "Failed"): self = .tFailed
        case ("testing", "Helper"): self = .tHelper
        case ("testing", "Log"): self = .tLog
        case ("testing", "Logf"): self = .tLogf
        case ("testing", "Name"): self = .tName
        case ("testing", "Skip"): self = .tSkip
        case ("testing", "Skipf"): self = .tSkipf
        case ("testing", "SkipNow"): self = .tSkipNow
        case ("testing", "Skipped"): self = .tSkipped
        case ("testing", "Cleanup"): self = .tCleanup
        case ("testing", "Parallel"): self = .tParallel
        case ("testing", "ReportAllocs"): self = .bReportAllocs
        case ("testing", "ReportMetric"): self = .bReportMetric
        case ("testing", "ResetTimer"): self = .bResetTimer
        case ("testing", "SetBytes"): self = .bSetBytes
        case ("testing", "StartTimer"): self = .bStartTimer
        case ("testing", "StopTimer"): self = .bStopTimer
        case ("testing", "Run"):
            // T.Run and B.Run differ by the receiver.
            if case .pointer(let p) = f.signature.params.first, case .named(let n) = p, n.name == "B" { self = .bRun } else { self = .tRun }
        default: return nil
        }
    }
}

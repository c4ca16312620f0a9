/// One place in the program that may allocate, with everything the
/// allocator model needs to decide, at run time, what it costs: the escape
/// analysis's verdict, the size and pointer-ness of what it makes.
struct AllocSite {
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
        self.pos = pos
        self.text = text
    }
}

/// The library functions GoLite programs call (`fmt`, `testing`), run by the simulator itself.
enum NativeFunction: Equatable {
    case print, println, printf, sprint, sprintln, sprintf, errorf
    case tError, tErrorf, tFatal, tFatalf, tFail, tFailNow, tFailed, tHelper, tLog, tLogf, tName
    case tSkip, tSkipf, tSkipNow, tSkipped, tCleanup, tParallel, tRun, bRun
    case bReportAllocs, bReportMetric, bResetTimer, bSetBytes, bStartTimer, bStopTimer
    /// `Error()` of the errors `fmt.Errorf` and the runtime make.
    case errorMessage

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

import Simulators

/// The simulated cost of running a program, in abstract *cost units*. It
/// is a model, not a measurement, and it is never shown as time per
/// operation; it lets a lesson compare two versions of a function and see
/// what share of the work is allocation and collection. Every figure can
/// be worked out by hand:
///
/// - each statement executed: 1 (also each loop condition and `range` step);
/// - each call: 2 more;
/// - each allocation: 20, plus 1 per 8 bytes the runtime hands out (it
///   zeroes them); an allocation that fits in the current 16-byte tiny
///   block: 5; a large object (over 32 KiB): 100 plus 1 per 8 bytes;
/// - each collection cycle: 5000 (starting and ending the cycle), plus 1
///   per 4 bytes marked (the live heap, the goroutine stacks and the globals).
///
/// `gctrace` lines take their times from the same model, reading one unit
/// as one simulated nanosecond.
enum CostModel {
    static let statement = 1
    static let call = 2
    static let malloc = 20
    static let tinyInBlock = 5
    static let largeMalloc = 100
    static let bytesPerUnit = 8
    static let cycle = 5000
    static let markedBytesPerUnit = 4

    static func allocation(_ kind: AllocatorModel.Kind, bytes: Int) -> Int {
        switch kind {
        case .none: 0
        case .tiny: tinyInBlock
        case .tinyBlock, .small: malloc + bytes / bytesPerUnit
        case .large: largeMalloc + bytes / bytesPerUnit
        }
    }

    static func cycle(marked: Int) -> Int { cycle + marked / markedBytesPerUnit }
}

/// What the program has cost so far, by kind.
struct CostCounters {
    var calls = 0
    var allocation = 0
    var collection = 0

    func total(steps: Int) -> Int { steps * CostModel.statement + calls * CostModel.call + allocation + collection }
}

/// The pacer and the collector: cycles start when the heap in use reaches
/// the goal computed by the shared `HeapGoal` formula from the live heap
/// the last cycle marked, the goroutine stacks and the globals.
struct Collector {
    var formula: HeapGoal
    var globals: Int
    /// Bytes marked by the last cycle.
    var live = 0
    /// Live bytes plus everything allocated since the last cycle.
    var inUse = 0
    var stacks = 0
    var goal: Int?
    var pending = false
    var cycles = 0
    var epoch: UInt32 = 0
    var trace: [GCTraceLine] = []
    /// The last cycles' lines are kept for views; older ones only counted.
    static let keptTraceLines = 200

    init(gogc: Int?, memoryLimit: Int?, globals: Int) {
        formula = HeapGoal(gogc: gogc, memoryLimit: memoryLimit)
        self.globals = globals
        goal = formula.goal(live: 0, stacks: 0, globals: globals)
    }

    mutating func allocated(_ bytes: Int) {
        inUse += bytes
        if let g = goal, inUse >= g { pending = true }
    }
}

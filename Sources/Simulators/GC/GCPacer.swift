/// The GC guide's pacing model, in bytes, computable by hand:
///
///     goal = live + (live + stacks + globals) × GOGC / 100,
///            at least 4 MiB × GOGC / 100;
///     with GOMEMLIMIT: goal = min(goal, limit − stacks − globals),
///            but never below live + 1 MiB (the limit is soft);
///     GOGC=off and no limit: no goal, collection only on request.
///
/// `live` is the learner's `live SIZE` (long-lived data outside the object
/// graph) plus the bytes of graph objects that survived the last cycle,
/// which is how Go derives the goal from the heap the last cycle marked.
struct Pacer: Sendable, Equatable {
    static let minimumHeap = HeapGoal.minimumHeap
    static let limitFloor = HeapGoal.limitFloor
    /// The simulated machine: no figure may exceed it.
    static let machine = 1 << 40
    static let maxGOGC = 100_000

    var gogc: Int? = 100
    var memoryLimit: Int?
    var live = 0
    var stacks = 0
    var globals = 0
    /// Short-lived bytes allocated by `alloc` since the last cycle: all garbage.
    var garbage = 0
    /// Graph bytes that survived the last cycle.
    var markedGraph = 0
    /// Bytes allocated by `alloc` since the start.
    var allocated = 0

    /// The live heap the goal is computed from.
    var liveHeap: Int { live + markedGraph }

    /// The shared formula (see `HeapGoal`), applied to this pacer's figures.
    var formula: HeapGoal { HeapGoal(gogc: gogc, memoryLimit: memoryLimit) }

    var gogcGoal: Int? { formula.gogcGoal(live: liveHeap, stacks: stacks, globals: globals) }

    var limitGoal: Int? { formula.limitGoal(live: liveHeap, stacks: stacks, globals: globals) }

    /// The heap size at which the next cycle starts; nil when only `gc` collects.
    var goal: Int? { formula.goal(live: liveHeap, stacks: stacks, globals: globals) }

    /// True when the memory limit, not GOGC, sets the goal.
    var limited: Bool { formula.limited(live: liveHeap, stacks: stacks, globals: globals) }
}

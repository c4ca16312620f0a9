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
    static let minimumHeap = 4 << 20
    static let limitFloor = 1 << 20
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

    var gogcGoal: Int? {
        guard let gogc else { return nil }
        let goal = liveHeap + (liveHeap + stacks + globals) * gogc / 100
        return max(goal, Self.minimumHeap * gogc / 100)
    }

    var limitGoal: Int? {
        guard let memoryLimit else { return nil }
        return max(memoryLimit - stacks - globals, liveHeap + Self.limitFloor)
    }

    /// The heap size at which the next cycle starts; nil when only `gc` collects.
    var goal: Int? {
        switch (gogcGoal, limitGoal) {
        case (nil, nil): nil
        case (let g?, nil): g
        case (nil, let l?): l
        case (let g?, let l?): min(g, l)
        }
    }

    /// True when the memory limit, not GOGC, sets the goal.
    var limited: Bool {
        guard let l = limitGoal else { return false }
        return gogcGoal.map { l < $0 } ?? true
    }
}

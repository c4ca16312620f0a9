import Foundation

/// The last few `test` and `bench` runs of the `bench` simulator, by what
/// they ran. A run is deterministic — the simulated runtime has no clock
/// and no randomness — so the same program, settings and command give the
/// same report and output: `bench` typed again, or lint reaching a demo
/// whose run an exercise's setup makes too, gets them without running
/// again. A run asked for while the same run is under way (lint runs
/// lessons side by side) waits for it. Runs cut short by Ctrl-C are not
/// kept.
final class RunMemo: @unchecked Sendable {
    // Guarded by `lock`; shared by the simulators of every thread (lint).
    struct Key: Hashable {
        var source: String
        var settings: RunOptions.Outcome
        var command: String
        var pattern: String?
    }

    typealias Result = (RunReport, OutputSink)

    private enum Entry {
        case running(DispatchGroup)
        case done(Result)
    }

    static let shared = RunMemo()
    static let capacity = 8

    private var entries: [Key: Entry] = [:]
    /// Finished runs, oldest first.
    private var order: [Key] = []
    private let lock = NSLock()

    func run(_ key: Key, isInterrupted: () -> Bool, _ body: () -> Result) -> Result {
        lock.lock()
        switch entries[key] {
        case .done(let kept):
            lock.unlock()
            return kept
        case .running(let group):
            lock.unlock()
            group.wait()
            if case .done(let kept) = lock.withLock({ entries[key] }) { return kept }
            return body()
        case nil:
            let group = DispatchGroup()
            group.enter()
            entries[key] = .running(group)
            lock.unlock()
            let result = body()
            lock.withLock {
                if isInterrupted() {
                    entries[key] = nil
                } else {
                    entries[key] = .done(result)
                    order.append(key)
                    if order.count > RunMemo.capacity { entries[order.removeFirst()] = nil }
                }
            }
            group.leave()
            return result
        }
    }
}

import Testing
import Grader
@testable import Simulators

/// Random mutator moves interleaved with incremental marking steps, from
/// fixed seeds: with a correct barrier nothing reachable is ever freed;
/// without one, some sequences lose objects.
@Suite struct GCBarrierPropertyTests {
    static let seeds: [UInt64] = Array(1...100)

    struct Outcome {
        var lost: [String] = []
        /// Fields of reachable objects pointing at freed ones after a cycle.
        var dangling: [String] = []
        var accepted = 0
    }

    /// A small random graph, then three cycles stepped one grey object at a
    /// time, with random `ptr`, `new`, `root` and `unroot` moves between
    /// the steps. Moves the simulator refuses (garbage cannot be stored)
    /// are skipped: they are not moves a real program could make.
    static func run(seed: UInt64, barrier: String, collector: String = "incremental") throws -> Outcome {
        var rng = SplitMix64(seed: seed)
        var sim = GCSimulator()
        var out = Outcome()
        _ = try sim.run("collector \(collector)")
        _ = try sim.run("barrier \(barrier)")
        var names: [String] = []
        let n = 6 + rng.below(6)
        for i in 0..<n {
            names.append("o\(i)")
            _ = try sim.run("new o\(i)")
        }
        for i in 0..<n {
            for f in 0..<2 where rng.below(3) != 0 {
                _ = try sim.run("ptr o\(i).f\(f) = \(names[rng.below(n)])")
            }
        }
        for _ in 0..<(1 + rng.below(3)) { _ = try? sim.run("root \(names[rng.below(n)])") }
        for _ in 0..<3 {
            _ = try sim.run("gc start")
            for _ in 0..<30 where sim.phase != .off {
                let ids = sim.heap.liveIDs
                let live = ids.map { sim.heap.name(of: $0) }
                func pick(_ rng: inout SplitMix64) -> String { live[rng.below(live.count)] }
                // Half the writes are aimed where the lost object comes
                // from: a white object stored into a black one, a pointer
                // deleted from a grey one.
                func pickColored(_ color: HeapColor, _ rng: inout SplitMix64) -> String {
                    let some = ids.filter { sim.heap.color(of: $0) == color }
                    return some.isEmpty ? pick(&rng) : sim.heap.name(of: some[rng.below(some.count)])
                }
                let move: String
                switch live.isEmpty ? 7 : rng.below(10) {
                case 0..<3: move = "step"
                case 3..<5:
                    let target = rng.below(4) == 0 ? "nil" : pick(&rng)
                    move = "ptr \(pick(&rng)).f\(rng.below(3)) = \(target)"
                case 5:
                    move = "ptr \(pickColored(.black, &rng)).f\(rng.below(3)) = \(pickColored(.white, &rng))"
                case 6:
                    move = "ptr \(pickColored(.grey, &rng)).f\(rng.below(3)) = nil"
                case 7:
                    names.append("n\(names.count)")
                    move = "new \(names.last!)"
                case 8: move = "root \(pick(&rng))"
                default: move = "unroot \(pick(&rng))"
                }
                if (try? sim.run(move)) != nil { out.accepted += 1 }
            }
            if sim.phase != .off { _ = try sim.run("finish") }
            out.lost += try Evaluator(sim).evaluate(ExpressionParser.parse("lost")).listValue!.map { $0.stringValue! }
            let reachable = sim.heap.reachable()
            for id in sim.heap.liveIDs where reachable[Int(id)] {
                for f in sim.heap.fields(of: id) {
                    if let t = f.target, !sim.heap.isLive(t) { out.dangling.append(sim.heap.name(of: id) + "." + f.name) }
                }
            }
        }
        return out
    }

    @Test(arguments: ["dijkstra", "yuasa", "hybrid"])
    func correctBarriersNeverLoseAnObject(_ barrier: String) throws {
        var accepted = 0
        for seed in Self.seeds {
            let outcome = try Self.run(seed: seed, barrier: barrier)
            #expect(outcome.lost.isEmpty, "seed \(seed): lost \(outcome.lost)")
            #expect(outcome.dangling.isEmpty, "seed \(seed): dangling \(outcome.dangling)")
            accepted += outcome.accepted
        }
        // The sequences really mutate the graph while it is being marked.
        #expect(accepted > Self.seeds.count * 20)
    }

    @Test func withoutABarrierSomeSequencesLoseObjects() throws {
        var losing = 0
        for seed in Self.seeds where !(try Self.run(seed: seed, barrier: "none").lost.isEmpty) { losing += 1 }
        #expect(losing > 0)
        #expect(losing < Self.seeds.count)
    }

    @Test func stopTheWorldCollectorsNeedNoBarrier() throws {
        for collector in ["stw", "copying 4KiB", "generational"] {
            for seed in Self.seeds.prefix(40) {
                let outcome = try Self.run(seed: seed, barrier: "none", collector: collector)
                #expect(outcome.lost.isEmpty && outcome.dangling.isEmpty, "\(collector) seed \(seed)")
            }
        }
    }

    /// Between minor cycles the mutator rewires old and young objects at
    /// random: the remembered set must keep every young object an old one
    /// points to.
    @Test func rememberedSetKeepsYoungObjectsReachableFromOldOnes() throws {
        for seed in Self.seeds.prefix(60) {
            var rng = SplitMix64(seed: seed)
            var sim = GCSimulator()
            _ = try sim.run("collector generational 1")
            var count = 0
            for round in 0..<6 {
                for _ in 0..<4 {
                    _ = try sim.run("new y\(count)")
                    count += 1
                }
                let live = sim.heap.liveIDs.map { sim.heap.name(of: $0) }
                if round == 0 { _ = try sim.run("root \(live[0])") }
                for _ in 0..<6 {
                    let a = live[rng.below(live.count)], b = live[rng.below(live.count)]
                    _ = try sim.run("ptr \(a).f\(rng.below(2)) = \(rng.below(5) == 0 ? "nil" : b)")
                }
                _ = try sim.run("gc")
                let reachable = sim.heap.reachable()
                for id in sim.heap.liveIDs where reachable[Int(id)] {
                    for f in sim.heap.fields(of: id) {
                        if let t = f.target {
                            #expect(sim.heap.isLive(t), "seed \(seed): \(sim.heap.name(of: id)).\(f.name) dangles")
                        }
                    }
                }
            }
        }
    }
}

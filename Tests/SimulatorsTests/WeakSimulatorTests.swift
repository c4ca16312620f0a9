import Testing
import Grader
@testable import Simulators

@Suite struct WeakSimulatorTests {
    func run(_ commands: [String]) throws -> WeakSimulator {
        var sim = WeakSimulator()
        for c in commands { _ = try sim.run(c) }
        return sim
    }

    func state(_ sim: WeakSimulator, _ expr: String) throws -> Value { try stateValue(sim, expr) }

    @Test func weakPointerIsClearedOnceTheObjectIsReclaimed() throws {
        var sim = try run(["new X", "root X", "weak W = X"])
        #expect(try state(sim, "value(\"W\")") == "X")
        _ = try sim.run("gc")
        #expect(try state(sim, "value(\"W\")") == "X")
        _ = try sim.run("unroot X")
        _ = try sim.run("gc")
        #expect(try state(sim, "value(\"W\")") == nil)
        #expect(try state(sim, "alive(\"X\")") == false)
        #expect(try state(sim, "freed") == ["X"])
    }

    @Test func weakPointerDoesNotKeepItsObjectAlive() throws {
        let sim = try run(["new X", "weak W = X", "gc"])
        #expect(try state(sim, "value(\"W\")") == nil)
        #expect(try state(sim, "heap.objects") == 0)
    }

    @Test func weakPointersFromTheSameObjectAreEqualEvenAfterReclamation() throws {
        let sim = try run(["new X", "new Y", "weak W1 = X", "weak W2 = X", "weak W3 = Y", "gc", "new X", "weak W4 = X"])
        #expect(try state(sim, "weak.W1 == weak.W2") == true)
        #expect(try state(sim, "weak.W1 != weak.W3") == true)
        #expect(try state(sim, "weak.W1 != weak.W4") == true)
        #expect(try state(sim, "value(\"W1\")") == nil)
        #expect(try state(sim, "value(\"W4\")") == "X")
    }

    @Test func finalizerResurrectsForOneCycle() throws {
        var sim = try run(["new Y", "finalizer Y", "gc"])
        #expect(try state(sim, "alive(\"Y\")") == true)
        #expect(try state(sim, "finalizers.ran") == 1)
        #expect(try state(sim, "resurrected") == ["Y"])
        #expect(try state(sim, "freed") == [])
        _ = try sim.run("gc")
        #expect(try state(sim, "alive(\"Y\")") == false)
        #expect(try state(sim, "freed") == ["Y"])
        #expect(try state(sim, "finalizers.ran") == 1)
    }

    @Test func finalizerKeepsWhatItsObjectPointsTo() throws {
        var sim = try run(["new Y", "new Z", "ptr Y.z = Z", "weak WY = Y", "weak WZ = Z", "finalizer Y", "gc"])
        // Weak pointers to the finalized object are cleared before it is resurrected…
        #expect(try state(sim, "value(\"WY\")") == nil)
        // …but what it points to was marked, so weak pointers to it survive.
        #expect(try state(sim, "value(\"WZ\")") == "Z")
        _ = try sim.run("gc")
        #expect(try state(sim, "freed") == ["Y", "Z"])
    }

    @Test func finalizerOnACycleNeverRuns() throws {
        var sim = try run(["new A", "new B", "ptr A.b = B", "ptr B.a = A", "finalizer A", "gc", "gc"])
        #expect(try state(sim, "alive(\"A\")") == true)
        #expect(try state(sim, "finalizers.ran") == 0)
        // A cleanup on a cycle runs: AddCleanup works with cycles.
        sim = try run(["new A", "new B", "ptr A.b = B", "ptr B.a = A", "cleanup A", "gc"])
        #expect(try state(sim, "alive(\"A\")") == false)
        #expect(try state(sim, "cleanups.ran") == 1)
    }

    @Test func cleanupDoesNotResurrect() throws {
        let sim = try run(["new Y", "cleanup Y", "cleanup Y", "gc"])
        #expect(try state(sim, "alive(\"Y\")") == false)
        #expect(try state(sim, "cleanups.ran") == 2)
        #expect(try state(sim, "cleanups.pending") == 0)
        let one = try run(["new Y", "cleanup Y", "gc"])
        #expect(try state(one, "cleanups.ran") == 1)
    }

    @Test func uniqueHandlesAreEqualForEqualText() throws {
        let sim = try run(["unique a = \"hello world\"", "unique b = \"hello world\"", "unique c = \"go\""])
        #expect(try state(sim, "handles") == 2)
        #expect(try state(sim, "unique.a == unique.b") == true)
        #expect(try state(sim, "unique.a != unique.c") == true)
    }

    @Test func badCommandsLeaveStateUnchanged() throws {
        var sim = try run(["new X", "finalizer X", "weak W = X", "unique h = \"x\""])
        let before = sim.stateTree()
        for bad in ["finalizer X", "weak W X", "weak X = X", "new W", "new h", "weak V = Z", "cleanup Z",
                    "unique W = \"y\"", "gc now", "root X.f"] {
            #expect(throws: SimulatorError.self, "\(bad)") { try sim.run(bad) }
        }
        #expect(sim.stateTree() == before)
    }

    @Test func everyStatePathIsDocumented() throws {
        let sim = try run(["new X", "root X", "new Y", "finalizer Y", "cleanup X", "weak W = X", "unique h = \"go\"", "gc"])
        for p in leafPaths(of: sim.stateTree()) {
            #expect(WeakSimulator.info.documents(path: p), "\(p)")
        }
    }

    @Test func viewsShowSpecialReferences() throws {
        var sim = try run(["new X", "finalizer X", "cleanup X", "weak W = X", "unique h = \"go\""])
        let heap = try sim.run("heap")
        #expect(heap.contains("finalizer"))
        #expect(heap.contains("1 cleanup(s)"))
        #expect(heap.contains("weak W"))
        let refs = try sim.run("refs")
        #expect(refs.contains("weak W -> X"))
        #expect(refs.contains("handle #1"))
        #expect(WeakSimulator.info.verb("refs")?.changesState == false)
    }
}

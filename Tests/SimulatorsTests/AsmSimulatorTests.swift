import Testing
import TextKit
import Grader
@testable import Simulators

@Suite struct AsmSimulatorTests {
    func state(_ sim: AsmSimulator, _ expr: String) throws -> Value {
        try Evaluator(sim).evaluate(ExpressionParser.parse(expr))
    }

    @Test func movStoreLoadAndSteps() throws {
        var sim = AsmSimulator()
        _ = try sim.run("mov r0, 42")
        _ = try sim.run("store [0x10], r0")
        _ = try sim.run("load r1, [0x10]")
        #expect(try state(sim, "mem[0x10]") == 42)
        #expect(try state(sim, "reg.r1") == 42)
        #expect(try state(sim, "steps") == 3)
    }

    @Test func arithmeticWrapsModulo256() throws {
        var sim = AsmSimulator()
        _ = try sim.run("mov r0, 250")
        _ = try sim.run("add r0, 10")
        #expect(try state(sim, "reg.r0") == 4)
        _ = try sim.run("sub r0, 5")
        #expect(try state(sim, "reg.r0") == 255)
        _ = try sim.run("mov r1, r0")
        #expect(try state(sim, "reg.r1") == 255)
    }

    @Test func varReservesLowestFreeAddressAndNamesIt() throws {
        var sim = AsmSimulator()
        _ = try sim.run(".var age")
        _ = try sim.run(".var scores 4")
        _ = try sim.run(".var total")
        #expect(try state(sim, "vars.age") == 0)
        #expect(try state(sim, "vars.scores") == 1)
        #expect(try state(sim, "vars.total") == 5)
        _ = try sim.run("store [age], 30")
        _ = try sim.run("store [scores+2], 7")
        #expect(try state(sim, "mem[vars.age]") == 30)
        #expect(try state(sim, "mem[3]") == 7)
        _ = try sim.run("mov r2, total")
        #expect(try state(sim, "reg.r2") == 5)
        _ = try sim.run("load r3, [r2]")
        #expect(try state(sim, "reg.r3") == 0)
    }

    @Test func badOperandsLeaveStateUnchanged() throws {
        var sim = AsmSimulator()
        _ = try sim.run("mov r0, 1")
        let before = sim.stateTree()
        for bad in ["mov r4, 1", "mov r0, 256", "store [0x100], r0", "load r0, 5", "store [agee], 1",
                    "add r0", "frob r0", ".var r1", "mov r0, [1]", "store \"open"] {
            #expect(throws: SimulatorError.self, "\(bad)") { try sim.run(bad) }
        }
        #expect(sim.stateTree() == before)
    }

    @Test func unknownVerbSuggestsTheClosest() {
        var sim = AsmSimulator()
        #expect {
            try sim.run("stor [0], 1")
        } throws: { error in
            (error as? SimulatorError)?.message.contains("(did you mean `store`?)") == true
        }
    }

    @Test func unknownVariableSuggestsDeclaredOne() throws {
        var sim = AsmSimulator()
        _ = try sim.run(".var age")
        #expect {
            try sim.run("store [ag], 1")
        } throws: { error in
            (error as? SimulatorError)?.message.contains("`age`") == true
        }
    }

    @Test func memoryIsFinite() throws {
        var sim = AsmSimulator()
        _ = try sim.run(".var big 255")
        _ = try sim.run(".var last")
        #expect(throws: SimulatorError.self) { try sim.run(".var more") }
    }

    /// Found by the sim-asm fuzz target: a 32-letter name made the memory
    /// picture 87 columns wide; a big variable made `vars` wider still.
    @Test func picturesFitTheWidth() throws {
        var sim = AsmSimulator()
        for name in ["a", "b", "c"] { _ = try sim.run(".var " + String(repeating: name, count: 32)) }
        _ = try sim.run(".var big 200")
        for text in [sim.render(in: .plain), try sim.run("mem"), try sim.run("mem 0 0xFF"), try sim.run("vars"), try sim.run("regs")] {
            for line in text.split(separator: "\n") {
                #expect(DisplayWidth.of(Ink.strip(String(line))) <= 80, "\(line)")
            }
        }
        let picture = sim.render(in: .plain)
        #expect(picture.contains("0x00: ") && picture.contains("aaaaaaaaaa") && picture.contains("…"))
        #expect(try sim.run("vars").contains("…"))
    }

    @Test func viewsDoNotChangeState() throws {
        var sim = AsmSimulator()
        _ = try sim.run(".var age")
        let before = sim.stateTree()
        let dump = try sim.run("mem 0 0x1F")
        #expect(dump.contains("0x00:"))
        #expect(dump.contains("age"))
        #expect(try sim.run("vars").contains("age"))
        #expect(try sim.run("regs").contains("r3 ="))
        #expect(sim.stateTree() == before)
        #expect(AsmSimulator.info.verb("mem")?.changesState == false)
    }
}

import Testing
@testable import GoLite

/// Fused pairs run as one dispatch, yet the code keeps every instruction
/// where it was: goroutines stopped between the halves resume correctly.
@Suite struct SuperinstructionsTests {
    @Test func pairsAreFusedAndTheirSecondHalvesStayInPlace() {
        let code: [Instr] = [
            .tick(n: 1), .callValue(fv: 0, args: 1, ret: 2),
            .tick(n: 2), .brIK(a: 3, v: 50, c: .lt, t: 7),
            .addIK(d: 4, a: 4, v: 1), .tickJump(n: 1, t: 0),
            .tick(n: 1), .ret,
        ]
        let fused = Superinstructions.fuse(code)
        #expect(fused.count == code.count)
        guard case .tickCallValue(1, 0, 1, 2) = fused[0] else { Issue.record("\(fused[0])"); return }
        guard case .callValue = fused[1] else { Issue.record("\(fused[1])"); return }
        guard case .tickBrIK(2, 3, 50, .lt, 7) = fused[2] else { Issue.record("\(fused[2])"); return }
        guard case .brIK = fused[3] else { Issue.record("\(fused[3])"); return }
        guard case .addIKTickJump(4, 4, 1, 1, 0) = fused[4] else { Issue.record("\(fused[4])"); return }
        guard case .tickJump = fused[5] else { Issue.record("\(fused[5])"); return }
        // A tick before anything else stays a tick.
        guard case .tick(1) = fused[6] else { Issue.record("\(fused[6])"); return }
    }

    /// Two goroutines take turns every time slice, so each is stopped
    /// again and again at a step count that is the first half of a pair.
    /// Resuming at the second half must neither skip the call nor count
    /// the steps twice: the sums come out exact.
    @Test func goroutinesPreemptedInsideFusedPairsResumeExactly() throws {
        let source = """
        package main

        import "fmt"

        func half(i int) int { return i / 2 }

        func sum(n int, done chan int) {
        	total := 0
        	for i := 0; i < n; i++ {
        		if i%3 < 2 {
        			total += half(i)
        		}
        	}
        	done <- total
        }

        func main() {
        	done := make(chan int)
        	go sum(200000, done)
        	go sum(100000, done)
        	a, b := <-done, <-done
        	fmt.Println(a + b)
        }
        """
        func expected(_ n: Int) -> Int { (0..<n).filter { $0 % 3 < 2 }.reduce(0) { $0 + $1 / 2 } }
        let run = try GoRun.main(source)
        #expect(run.output == "\(expected(200000) + expected(100000))\n")
        // Many time slices of 20,000 steps: the goroutines took many turns.
        #expect(run.report.stats.steps > 30 * 20_000)
    }
}

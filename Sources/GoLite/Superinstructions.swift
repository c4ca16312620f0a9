/// Pairs of instructions that follow each other on the hottest paths —
/// a statement's step count and its call or branch, a loop's increment
/// and back edge — run as one, so the dispatch loop goes round once
/// instead of twice. Every dispatch costs an indirect jump; in the case
/// study's benchmarks these pairs are about a third of all dispatches.
///
/// The first instruction of a pair is replaced; the second stays where it
/// was. So the code keeps its length and every pc its meaning: a jump to
/// the second instruction, or a goroutine that stopped at the step count
/// in between (to be preempted, or to let the collector run), carries on
/// exactly as before. Nothing a program can observe changes.
enum Superinstructions {
    static func fuse(_ code: [Instr]) -> [Instr] {
        var out = code
        for p in code.indices.dropLast() {
            switch (code[p], code[p + 1]) {
            case (.tick(let n), .callValue(let fv, let args, let ret)):
                out[p] = .tickCallValue(n: n, fv: fv, args: args, ret: ret)
            case (.tick(let n), .call(let f, let args, let ret)):
                out[p] = .tickCall(n: n, f: f, args: args, ret: ret)
            case (.tick(let n), .addIK(let d, let a, let v)):
                out[p] = .tickAddIK(n: n, d: d, a: a, v: v)
            case (.tick(let n), .brIK(let a, let v, let c, let t)):
                out[p] = .tickBrIK(n: n, a: a, v: v, c: c, t: t)
            case (.addIK(let d, let a, let v), .tickJump(let n, let t)):
                out[p] = .addIKTickJump(d: d, a: a, v: v, n: n, t: t)
            default:
                break
            }
        }
        return out
    }
}

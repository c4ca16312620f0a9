/// A function that never writes its parameters can use the caller's
/// arguments as they are: its parameter slots get unretained copies, and
/// when the frame goes they are emptied without a release. This spares a
/// retain and a release per argument on every call — in the case study, a
/// call of `small(v any)` for every candidate.
///
/// Safe because the caller's registers, which own the values, are not
/// touched while the callee runs, and every way a frame goes
/// (`Goroutine.popFrame`, `forgetBorrowedParameters`) empties them first.
///
/// Decided on the compiled code, conservatively: every instruction must be
/// one whose written registers are known, and none may be a parameter's.
/// Anything else (stores to captured variables, `defer`, channel
/// operations, …) keeps the ordinary, retained parameters.
enum BorrowedParameters {
    static func allowed(_ code: [Instr], parameters p: Int) -> Bool {
        guard p > 0, p <= Int(UInt8.max) else { return false }
        let p = Int32(p)
        for instr in code {
            switch instr {
            // Instructions that write no register.
            case .storeGlobal, .store1, .store, .sliceStore1, .sliceStore, .nilCheck,
                 .jump, .jumpIf, .jumpIfNot, .brI, .brIK, .tick, .tickJump, .tickRet, .ret, .unreachable:
                continue
            // Instructions that write registers from `d` up.
            case .move(let d, _), .moveN(let d, _, _), .konst(let d, _), .konstN(let d, _, _), .setInt(let d, _),
                 .loadGlobal(let d, _, _), .addrGlobal(let d, _), .load1(let d, _, _), .load(let d, _, _, _),
                 .ptrAdd(let d, _, _), .sliceLoad1(let d, _, _), .sliceLoad(let d, _, _, _), .sliceAddr(let d, _, _, _),
                 .arrayAddr(let d, _, _, _), .regIndex(let d, _, _, _), .strIndex(let d, _, _), .len(let d, _), .cap(let d, _),
                 .addI(let d, _, _), .subI(let d, _, _), .mulI(let d, _, _), .addIK(let d, _, _), .arith(let d, _, _, _, _),
                 .cmpI(let d, _, _, _), .cmp(let d, _, _, _, _), .strCmp(let d, _, _, _), .cmpIK(let d, _, _, _),
                 .unary(let d, _, _, _), .numConv(let d, _, _, _), .typeIs(let d, _, _):
                if d < p { return false }
            case .assertType(let d, _, _, let ok):
                if d < p || (ok >= 0 && ok < p) { return false }
            // Calls write their results from `ret` up.
            case .call(_, _, let ret), .callValue(_, _, let ret):
                if ret < p { return false }
            default:
                return false
            }
        }
        return true
    }
}

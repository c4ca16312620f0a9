/// What a Go program built with GOEXPERIMENT=arenas prints when it breaks
/// the arena rules. These lines are the Go runtime's own output, so they are
/// shown verbatim and never translated; the simulator's explanation that
/// follows them goes through `L`.
enum ArenaFault {
    /// Touching a chunk that `arena.Free` set to fault. runtime/signal_unix.go,
    /// `sigpanic`, case _SIGSEGV: when `inUserArenaChunk(addr)` the runtime
    /// prints "accessed data from freed user arena " and the address in
    /// `hex` (lower case, no padding), then `throw("fault")`, which prints
    /// "fatal error: fault". (The signal line with the pc that follows in a
    /// real crash is left out: the simulator has no pc to show.)
    static func useAfterFree(address: Int) -> String {
        "accessed data from freed user arena " + hex(address) + "\n" + "fatal error: fault"
    }

    /// `New`, `MakeSlice` or `Free` on an arena already freed: src/arena/arena.go
    /// `Free` sets `a.a = nil`, so the runtime dereferences a nil
    /// `*userArena` (runtime/panic.go `panicmem`).
    static let nilArena = "panic: runtime error: invalid memory address or nil pointer dereference"

    /// The runtime's `hex` printing: "0x" and lower-case digits.
    static func hex(_ n: Int) -> String { "0x" + String(n, radix: 16) }
}

/// A small deterministic random generator (SplitMix64, Steele, Lea and
/// Flood 2014). The layouts must come out the same on every machine and in
/// every release so lessons can quote their figures, which the system
/// generator does not promise.
struct SplitMix64: Equatable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (bound > 0); the modulo bias is irrelevant at these sizes.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// Fisher–Yates: every order equally likely, and the same order for the same seed.
    mutating func shuffled(_ count: Int) -> [Int] {
        var items = Array(0..<count)
        var i = count - 1
        while i > 0 {
            items.swapAt(i, below(i + 1))
            i -= 1
        }
        return items
    }
}

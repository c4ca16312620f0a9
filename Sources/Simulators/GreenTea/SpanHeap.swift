/// A heap of 8 KiB spans of 64-byte objects holding one pointer tree, laid
/// out either packed (dense) or one live object per span (sparse), so the
/// two markers can be compared on exactly the same graph.
struct SpanHeap: Equatable {
    enum Kind: String { case dense, sparse }

    /// Small-object spans are one 8 KiB page (runtime/sizeclasses.go: the
    /// 64-byte class uses 1 page).
    static let spanBytes = 8192
    static let objectBytes = 64
    /// The end of a Green Tea span holds its pointer bitmap (8192/8/8 = 128 B)
    /// and its inline mark bits (`spanInlineMarkBits`: 128 B), leaving
    /// 7936 bytes: 124 objects of 64 B (runtime/mgcmark_greenteagc.go).
    static let metadataBytes = 256
    static let slotsPerSpan = (spanBytes - metadataBytes) / objectBytes
    /// Each object points to up to this many others: object i to 4i+1 … 4i+4.
    static let fanOut = 4
    /// "greentea" in ASCII: every layout is shuffled from this seed.
    static let seed: UInt64 = 0x6772_6565_6E74_6561
    static let maxObjects = 16384

    let kind: Kind
    let objects: Int
    let spanCount: Int
    /// The span and slot of each object.
    let spanOf: [Int]
    let slotOf: [Int]
    /// The live objects of each span, in slot order (the order a span scan
    /// walks them).
    let residents: [[Int]]

    init(kind: Kind, objects: Int) {
        self.kind = kind
        self.objects = objects
        var random = SplitMix64(seed: Self.seed)
        let place = random.shuffled(objects)
        var spanOf = [Int](repeating: 0, count: objects)
        var slotOf = [Int](repeating: 0, count: objects)
        switch kind {
        case .dense:
            spanCount = (objects + Self.slotsPerSpan - 1) / Self.slotsPerSpan
            for o in 0..<objects {
                spanOf[o] = place[o] / Self.slotsPerSpan
                slotOf[o] = place[o] % Self.slotsPerSpan
            }
        case .sparse:
            spanCount = objects
            for o in 0..<objects {
                spanOf[o] = place[o]
                slotOf[o] = random.below(Self.slotsPerSpan)
            }
        }
        var residents = [[Int]](repeating: [], count: spanCount)
        for o in 0..<objects { residents[spanOf[o]].append(o) }
        for s in 0..<spanCount { residents[s].sort { slotOf[$0] < slotOf[$1] } }
        self.spanOf = spanOf
        self.slotOf = slotOf
        self.residents = residents
    }

    /// The objects `o` points to.
    func children(of o: Int) -> Range<Int> {
        let first = Self.fanOut * o + 1
        return min(first, objects)..<min(first + Self.fanOut, objects)
    }

    /// Slots that hold an object: all of them in a sparse span (one live,
    /// the rest dead and still white), the first ones in a dense span.
    func occupied(span s: Int) -> Int {
        switch kind {
        case .sparse: Self.slotsPerSpan
        case .dense: min(Self.slotsPerSpan, objects - s * Self.slotsPerSpan)
        }
    }
}

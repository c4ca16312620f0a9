/// How the two markers walk the heap.
enum MarkMode: String, CaseIterable {
    /// Go's marker through Go 1.25 (Green Tea is the default from 1.26): a
    /// LIFO work list of objects (`gcWork`), each object scanned as it is
    /// popped, wherever it lives.
    case classic
    /// Green Tea: marking an object only sets its mark bit and queues its
    /// span (once); spans leave a FIFO queue and every object marked but not
    /// yet scanned in them is scanned in one pass.
    case greentea
}

/// The documented cost model of memory access: what makes locality pay.
enum MarkCost {
    /// Starting to scan in a span other than the last one: a cache miss.
    static let spanVisit = 100
    /// An object scanned in the span the marker is already in: a cache hit.
    static let object = 10
    /// A pointer read and its target's mark bit tested.
    static let pointer = 1

    static func of(visits: Int, objects: Int, pointers: Int) -> Int {
        visits * spanVisit + objects * object + pointers * pointer
    }
}

/// One mark phase over a `SpanHeap`, run a scan at a time so it can be
/// paused and looked at.
struct Marker: Equatable {
    let mode: MarkMode
    /// Mark bits (grey or black) and scan bits (black) per object.
    private(set) var marked: [Bool]
    private(set) var scanned: [Bool]
    /// classic: the object work list; its top is the last element.
    private(set) var stack: [Int] = []
    /// greentea: the span queue; its head is `queue[head]`.
    private(set) var queue: [Int] = []
    private(set) var head = 0
    /// greentea: the span is on the queue (the runtime's span ownership).
    private var queued: [Bool]
    private(set) var lastSpan: Int?
    private(set) var steps = 0
    private(set) var objectsScanned = 0
    private(set) var objectsMarked = 0
    private(set) var spanVisits = 0
    private(set) var queueMax = 0
    private(set) var pointers = 0

    /// Starts a mark: the root points to object 0, which is shaded.
    init(mode: MarkMode, heap: SpanHeap) {
        self.mode = mode
        marked = [Bool](repeating: false, count: heap.objects)
        scanned = [Bool](repeating: false, count: heap.objects)
        queued = [Bool](repeating: false, count: heap.spanCount)
        shade(0, in: heap)
    }

    var done: Bool { waiting == 0 }
    var cost: Int { MarkCost.of(visits: spanVisits, objects: objectsScanned, pointers: pointers) }
    /// Items on the work list: objects (classic) or spans (greentea).
    var waiting: Int { mode == .classic ? stack.count : queue.count - head }
    var pendingSpans: ArraySlice<Int> { queue[head...] }

    /// One scan: an object (classic) or a whole span (greentea). False when
    /// there was nothing left to scan.
    mutating func step(in heap: SpanHeap) -> Bool {
        switch mode {
        case .classic:
            guard let o = stack.popLast() else { return false }
            steps += 1
            enter(heap.spanOf[o])
            scan([o], in: heap)
        case .greentea:
            guard head < queue.count else { return false }
            let s = queue[head]
            head += 1
            // Released before the scan, as `scanSpan` does: objects in this
            // span marked by the scan queue it again.
            queued[s] = false
            steps += 1
            let toScan = heap.residents[s].filter { marked[$0] && !scanned[$0] }
            guard !toScan.isEmpty else { return true }
            enter(s)
            scan(toScan, in: heap)
        }
        return true
    }

    private mutating func enter(_ span: Int) {
        if lastSpan != span { spanVisits += 1 }
        lastSpan = span
    }

    /// Blackens the objects, then follows their pointers (the runtime also
    /// collects a span's pointers first and shades them afterwards).
    private mutating func scan(_ objects: [Int], in heap: SpanHeap) {
        for o in objects { scanned[o] = true }
        objectsScanned += objects.count
        for o in objects {
            for child in heap.children(of: o) {
                pointers += 1
                shade(child, in: heap)
            }
        }
    }

    /// Marks an object the first time a pointer to it is found and puts
    /// the work on the list: the object itself, or its span if not queued.
    private mutating func shade(_ o: Int, in heap: SpanHeap) {
        guard !marked[o] else { return }
        marked[o] = true
        objectsMarked += 1
        switch mode {
        case .classic:
            stack.append(o)
        case .greentea:
            let s = heap.spanOf[o]
            guard !queued[s] else { return }
            queued[s] = true
            queue.append(s)
        }
        queueMax = max(queueMax, waiting)
    }

    /// Objects of a span marked but not yet scanned (grey).
    func grey(in span: Int, of heap: SpanHeap) -> Int {
        heap.residents[span].count { marked[$0] && !scanned[$0] }
    }
}

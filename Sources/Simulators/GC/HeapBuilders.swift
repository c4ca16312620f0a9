/// Large heaps built without commands, for the benchmark script and the
/// performance test: both name their objects `o0`, `o1`, … and use 16-byte
/// objects, like `new NAME` without a size.
extension HeapGraph {
    /// `objects` objects; each has `fields` pointer fields `f0`, `f1`, …
    /// aimed at objects chosen by a generator seeded with `seed` (about one
    /// in ten left nil, so part of the heap is garbage); `roots` objects
    /// chosen the same way are roots.
    public static func random(objects: Int, fields: Int = 2, roots: Int = 16, seed: UInt64 = 1) -> HeapGraph {
        precondition(objects > 0 && objects <= maxObjects && fields <= maxFieldsPerObject)
        var heap = HeapGraph.filled(objects)
        var rng = SplitMix64(seed: seed)
        let labels = (0..<fields).map { heap.label("f\($0)") }
        heap.reserveFields(objects * fields)
        for o in 0..<objects {
            for l in labels {
                let t = rng.below(10) == 0 ? -1 : ID(rng.below(objects))
                heap.appendField(ID(o), label: l, target: t)
            }
        }
        for _ in 0..<roots { heap.addRoot(ID(rng.below(objects))) }
        return heap
    }

    /// A linked list `o0 → o1 → … ` through field `next`, rooted at `o0`;
    /// with `cyclic`, the last object points back to the first.
    public static func chain(objects: Int, cyclic: Bool = false) -> HeapGraph {
        precondition(objects > 0 && objects <= maxObjects)
        var heap = HeapGraph.filled(objects)
        let next = heap.label("next")
        heap.reserveFields(objects)
        for o in 0..<objects {
            let t: ID = o + 1 < objects ? ID(o + 1) : (cyclic ? 0 : -1)
            heap.appendField(ID(o), label: next, target: t)
        }
        heap.addRoot(0)
        return heap
    }

    /// `count` white 16-byte objects `o0`… laid out one after another.
    static func filled(_ count: Int) -> HeapGraph {
        var heap = HeapGraph()
        heap.names = (0..<count).map { "o\($0)" }
        heap.sizes = Array(repeating: 16, count: count)
        heap.colors = Array(repeating: .white, count: count)
        heap.addresses = (0..<count).map { $0 * 16 }
        heap.firstField = Array(repeating: -1, count: count)
        heap.lastField = Array(repeating: -1, count: count)
        heap.fieldCounts = Array(repeating: 0, count: count)
        heap.rootFlags = Array(repeating: false, count: count)
        heap.ages = Array(repeating: 0, count: count)
        heap.oldFlags = Array(repeating: false, count: count)
        heap.ids.reserveCapacity(count)
        for (i, n) in heap.names.enumerated() { heap.ids[n] = ID(i) }
        heap.objectCount = count
        heap.byteCount = count * 16
        heap.order = (0..<count).map { ID($0) }
        heap.layoutTop = count * 16
        return heap
    }

    mutating func reserveFields(_ n: Int) {
        links.reserveCapacity(n)
        fieldLabel.reserveCapacity(n)
    }
}

import TextKit

/// Colour of an object in the tri-colour abstraction, plus `freed` for a
/// slot the sweep has reclaimed (so `color("B")` can still answer).
public enum HeapColor: UInt8, Sendable {
    case white, grey, black, freed

    /// The word the learner reads and the grader compares.
    public var word: String {
        switch self {
        case .white: "white"
        case .grey: "grey"
        case .black: "black"
        case .freed: "freed"
        }
    }
}

/// The object graph every collector simulator works on: objects with names
/// and sizes, pointer fields kept in first-assignment order, roots kept in
/// insertion order, a colour per object and an address per object.
///
/// Everything is stored densely by integer id so that marking a million
/// objects touches arrays only: no name is hashed after a command has been
/// parsed. Ids are handed out in creation order and never reused, so "id
/// order" means "creation order" everywhere (sweep order, `freed`), and a
/// weak reference or a dangling field keeps pointing at the freed slot
/// rather than at a later object that happens to reuse a name.
public struct HeapGraph: Sendable {
    public typealias ID = Int32

    /// One pointer field: its target (-1 for nil) and the object's next field (-1 at the end).
    struct FieldLink: Sendable {
        var target: ID
        var next: ID
    }

    /// Objects one heap may create over its life (freed slots count too).
    public static let maxObjects = 1 << 22
    /// The largest single object.
    public static let maxObjectSize = 1 << 30
    /// Pointer fields one object may have.
    public static let maxFieldsPerObject = 64
    /// Pointer fields of all objects together.
    public static let maxFieldSlots = 1 << 24

    // Per object, indexed by id.
    public internal(set) var names: [String] = []
    public internal(set) var sizes: [Int] = []
    var colors: [HeapColor] = []
    var addresses: [Int] = []
    var firstField: [ID] = []
    var lastField: [ID] = []
    var fieldCounts: [UInt8] = []
    var rootFlags: [Bool] = []
    /// Cycles survived while young (generational collector).
    var ages: [UInt8] = []
    /// Promoted to the old generation (generational collector).
    var oldFlags: [Bool] = []

    // Pointer fields: one singly linked list per object, appended at the
    // tail so iteration follows first-assignment order. Target and next
    // share a cache line; the label is only read by views.
    var links: [FieldLink] = []
    var fieldLabel: [Int32] = []
    var labels: [String] = []
    var labelIndex: [String: Int32] = [:]

    /// Name → the most recent object created under it (possibly freed).
    var ids: [String: ID] = [:]
    /// Roots in the order they were added.
    public internal(set) var roots: [ID] = []

    public internal(set) var objectCount = 0
    public internal(set) var byteCount = 0

    // Marking: a FIFO of grey objects. The array only grows during a cycle,
    // so it also records the order objects were shaded in (Cheney's order
    // for the copying collector).
    var queue: [ID] = []
    var queueHead = 0
    /// Next free to-space address while a copying cycle relocates objects; -1 otherwise.
    var relocationTop = -1
    /// Where each object shaded by a copying cycle has been copied to (-1:
    /// not copied); the addresses change only at the flip.
    var forwarding: [Int] = []

    // Layout: live objects by address, the holes between them, the bump pointer.
    var order: [ID] = []
    var holeStarts: [Int] = []
    var holeSizes: [Int] = []
    var layoutBase = 0
    var layoutTop = 0
    /// Bytes the allocation area holds (a copying semispace); nil = grows freely.
    var layoutCapacity: Int?

    public init() {}

    /// Slots ever created (live and freed).
    public var slotCount: Int { names.count }

    // MARK: - Lookup

    /// The object created most recently under `name`, freed or not.
    public func id(of name: String) -> ID? { ids[name] }

    public func isLive(_ id: ID) -> Bool { colors[Int(id)] != .freed }

    public func color(of id: ID) -> HeapColor { colors[Int(id)] }

    public func address(of id: ID) -> Int { addresses[Int(id)] }

    public func name(of id: ID) -> String { names[Int(id)] }

    public func isRoot(_ id: ID) -> Bool { rootFlags[Int(id)] }

    public func age(of id: ID) -> Int { Int(ages[Int(id)]) }

    public func isOld(_ id: ID) -> Bool { oldFlags[Int(id)] }

    /// Live objects in id (creation) order.
    public var liveIDs: [ID] {
        var out: [ID] = []
        out.reserveCapacity(objectCount)
        for i in 0..<colors.count where colors[i] != .freed { out.append(ID(i)) }
        return out
    }

    /// The live object called `name`, or an error the learner can act on.
    public func live(_ name: String) throws(SimulatorError) -> ID {
        guard let id = ids[name] else {
            throw SimulatorError(L("there is no object called `{0}`", Sanitizer.line(name))
                + suggestion(for: name),
                hint: L("Create it first with `new {0}`.", Sanitizer.line(name)))
        }
        guard isLive(id) else {
            throw SimulatorError(L("`{0}` has been freed by the collector", name),
                                 hint: L("A freed object cannot be used again; `new {0}` makes a new one.", name))
        }
        return id
    }

    /// "Did you mean" among the names, skipped for huge heaps where it would be slow.
    func suggestion(for name: String) -> String {
        guard ids.count <= 4096 else { return "" }
        return Suggestion.hint(for: name, among: ids.keys.sorted())
    }

    // MARK: - Objects

    /// Creates an object. `color` is white between cycles and black while a
    /// cycle runs (objects allocated during marking are black).
    @discardableResult
    public mutating func allocate(_ name: String, size: Int, color: HeapColor = .white) throws(SimulatorError) -> ID {
        if let old = ids[name], isLive(old) {
            throw SimulatorError(L("`{0}` already exists", name),
                                 hint: L("Choose another name, or point a field at it with `ptr`."))
        }
        guard size >= 1 else { throw SimulatorError(L("an object needs at least 1 byte")) }
        guard size <= Self.maxObjectSize else {
            throw SimulatorError(L("{0} is too big: the simulator's objects are at most {1}",
                                   Arguments.formatSize(size), Arguments.formatSize(Self.maxObjectSize)))
        }
        guard slotCount < Self.maxObjects else {
            throw SimulatorError(L("this heap has created {0} objects, the simulator's limit", Self.maxObjects),
                                 hint: L("Start again with `reset`."))
        }
        guard let address = place(size: size) else {
            throw SimulatorError(L("out of memory: {0} does not fit in the {1} left", Arguments.formatSize(size),
                                   Arguments.formatSize(freeCapacity)))
        }
        let id = ID(slotCount)
        names.append(name)
        sizes.append(size)
        colors.append(color)
        addresses.append(address)
        firstField.append(-1)
        lastField.append(-1)
        fieldCounts.append(0)
        rootFlags.append(false)
        ages.append(0)
        oldFlags.append(false)
        ids[name] = id
        objectCount += 1
        byteCount += size
        insertInOrder(id)
        return id
    }

    // MARK: - Fields

    /// The fields of an object in first-assignment order; nil targets are `nil` pointers.
    public func fields(of id: ID) -> [(name: String, target: ID?)] {
        var out: [(String, ID?)] = []
        var e = firstField[Int(id)]
        while e >= 0 {
            let t = links[Int(e)].target
            out.append((labels[Int(fieldLabel[Int(e)])], t >= 0 ? t : nil))
            e = links[Int(e)].next
        }
        return out
    }

    /// The target of `id.field`: nil when there is no such field, `.some(nil)` for a nil pointer.
    public func field(_ id: ID, _ field: String) -> ID?? {
        guard let label = labelIndex[field] else { return nil }
        var e = firstField[Int(id)]
        while e >= 0 {
            if fieldLabel[Int(e)] == label {
                let t = links[Int(e)].target
                return .some(t >= 0 ? t : nil)
            }
            e = links[Int(e)].next
        }
        return nil
    }

    /// Stores a pointer (or nil) in `id.field`, creating the field at the end
    /// of the object's field order the first time; returns the old target.
    @discardableResult
    public mutating func setField(_ id: ID, _ field: String, to target: ID?) throws(SimulatorError) -> ID? {
        let newValue = target ?? -1
        if let label = labelIndex[field] {
            var e = firstField[Int(id)]
            while e >= 0 {
                if fieldLabel[Int(e)] == label {
                    let old = links[Int(e)].target
                    links[Int(e)].target = newValue
                    return old >= 0 ? old : nil
                }
                e = links[Int(e)].next
            }
        }
        guard fieldCounts[Int(id)] < Self.maxFieldsPerObject else {
            throw SimulatorError(L("`{0}` already has {1} fields, the simulator's limit", names[Int(id)], Self.maxFieldsPerObject))
        }
        guard links.count < Self.maxFieldSlots else {
            throw SimulatorError(L("the heap holds {0} pointer fields, the simulator's limit", Self.maxFieldSlots))
        }
        let label: Int32
        if let l = labelIndex[field] {
            label = l
        } else {
            label = Int32(labels.count)
            labels.append(field)
            labelIndex[field] = label
        }
        appendField(id, label: label, target: newValue)
        return nil
    }

    /// Appends a field without the checks, for builders that know the limits hold.
    mutating func appendField(_ id: ID, label: Int32, target: ID) {
        let e = ID(links.count)
        links.append(FieldLink(target: target, next: -1))
        fieldLabel.append(label)
        let i = Int(id)
        if lastField[i] >= 0 { links[Int(lastField[i])].next = e } else { firstField[i] = e }
        lastField[i] = e
        fieldCounts[i] += 1
    }

    /// The label id of a field name, interning it.
    mutating func label(_ field: String) -> Int32 {
        if let l = labelIndex[field] { return l }
        let l = Int32(labels.count)
        labels.append(field)
        labelIndex[field] = l
        return l
    }

    // MARK: - Roots

    /// Adds a root at the end of the root order; false when it already was one.
    @discardableResult
    public mutating func addRoot(_ id: ID) -> Bool {
        guard !rootFlags[Int(id)] else { return false }
        rootFlags[Int(id)] = true
        roots.append(id)
        return true
    }

    /// Removes a root; false when it was not one.
    @discardableResult
    public mutating func removeRoot(_ id: ID) -> Bool {
        guard rootFlags[Int(id)] else { return false }
        rootFlags[Int(id)] = false
        roots.removeAll { $0 == id }
        return true
    }
}

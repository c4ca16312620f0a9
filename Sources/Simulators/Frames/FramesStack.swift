import TextKit

/// Where a pointer leads. Besides the address it keeps the pointer's
/// provenance — which frame or which block it was taken from — so a use can
/// tell a live target from a dead one even after the memory was reused.
/// This plays the part of AddressSanitizer's shadow memory.
enum FramesTarget: Equatable, Sendable {
    case stack(frame: Int, frameName: String, variable: String, address: Int)
    case heap(block: Int, address: Int)

    var address: Int {
        switch self {
        case .stack(_, _, _, let address), .heap(_, let address): address
        }
    }
}

/// What a local holds: C locals are untyped slots here, holding a number or
/// an address.
enum FramesValue: Equatable, Sendable {
    case int(Int)
    case pointer(FramesTarget)
}

struct FramesLocal: Equatable, Sendable {
    var name: String
    var address: Int
    var value: FramesValue
}

struct FramesFrame: Equatable, Sendable {
    /// Unique for the whole run, so a pointer into a returned frame is never
    /// mistaken for one into a later frame of the same name.
    var serial: Int
    var name: String
    var locals: [FramesLocal] = []
}

/// The call stack. Model: the stack region ends at `top` and grows down;
/// every local takes one 8-byte slot, given out in declaration order, so the
/// first local of `main` lives at 0x7FF8 and a new frame continues below its
/// caller. A popped frame's slots are handed out again to the next locals —
/// which is exactly what makes a dangling stack pointer dangerous.
struct FramesStack: Equatable, Sendable {
    static let top = 0x8000
    static let slotSize = 8
    /// 1 KiB of stack: 128 slots.
    static let slotCapacity = 128
    static let maxDepth = 64

    var frames: [FramesFrame] = [FramesFrame(serial: 1, name: "main")]
    var nextSerial = 2

    var depth: Int { frames.count }
    var slotsUsed: Int { frames.reduce(0) { $0 + $1.locals.count } }
    /// The lowest address in use (the stack pointer), or `top` when empty.
    var pointer: Int { Self.top - slotsUsed * Self.slotSize }

    mutating func push(_ name: String) throws(SimulatorError) {
        guard depth < Self.maxDepth else {
            throw SimulatorError(L("stack overflow: this machine allows {0} nested calls", Self.maxDepth),
                                 hint: L("Return with `ret` before calling deeper."))
        }
        frames.append(FramesFrame(serial: nextSerial, name: name))
        nextSerial += 1
    }

    /// Declares a local in the top frame at the next free slot.
    mutating func declare(_ name: String, _ value: FramesValue) throws(SimulatorError) {
        guard slotsUsed < Self.slotCapacity else {
            throw SimulatorError(L("stack overflow: the stack holds {0} locals ({1} bytes)",
                                   Self.slotCapacity, Self.slotCapacity * Self.slotSize),
                                 hint: L("Return from some calls with `ret` first."))
        }
        let address = pointer - Self.slotSize
        frames[frames.count - 1].locals.append(FramesLocal(name: name, address: address, value: value))
    }

    /// A local of the top frame (the only scope C lets a function name).
    func topLocal(_ name: String) -> Int? {
        frames.last?.locals.firstIndex { $0.name == name }
    }

    /// A local of any live frame, the nearest frame first.
    func anyLocal(_ name: String) -> (frame: Int, local: Int)? {
        for f in frames.indices.reversed() {
            if let l = frames[f].locals.firstIndex(where: { $0.name == name }) { return (f, l) }
        }
        return nil
    }

    func frameIndex(serial: Int) -> Int? { frames.firstIndex { $0.serial == serial } }

    /// The live local whose slot is at `address`, if any.
    func occupant(of address: Int) -> (frame: Int, local: Int)? {
        for f in frames.indices {
            if let l = frames[f].locals.firstIndex(where: { $0.address == address }) { return (f, l) }
        }
        return nil
    }

    /// The names the learner can type in the top frame, for messages and Tab.
    var topNames: [String] { frames.last?.locals.map(\.name) ?? [] }
    var allNames: [String] { frames.flatMap { $0.locals.map(\.name) } }

    /// Fails with "did you mean" unless the top frame declares `name`.
    func requireTopLocal(_ name: String) throws(SimulatorError) -> Int {
        if let i = topLocal(name) { return i }
        let frame = frames.last?.name ?? "main"
        if anyLocal(name) != nil {
            throw SimulatorError(L("`{0}` belongs to another frame; `{1}` can only use its own locals", name, frame),
                                 hint: L("Take its address with `ref P = &{0}` and use `*P`.", name))
        }
        throw SimulatorError(L("`{0}` is not a local of `{1}`", Sanitizer.line(name), frame)
                             + Suggestion.hint(for: name, among: topNames),
                             hint: L("Declare it with `local {0} = 0`.", Sanitizer.line(name)))
    }
}

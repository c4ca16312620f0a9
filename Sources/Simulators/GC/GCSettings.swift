import TextKit

/// `collector` and `barrier`: choosing a design, only between cycles.
extension GCSimulator {
    static let semispaceRange = 64...(1 << 30)
    static let promotionAgeRange = 1...15

    mutating func chooseCollector(_ command: Command) throws(SimulatorError) -> String {
        let usage = Self.info.verb("collector")!.usage
        try Arguments.expect(command, count: 1...2, usage: usage)
        guard let choice = Collector(rawValue: command.arguments[0]) else {
            throw SimulatorError(L("`{0}` is not a collector", Sanitizer.line(command.arguments[0]))
                + Suggestion.hint(for: command.arguments[0], among: Collector.allCases.map(\.rawValue)),
                hint: L("usage: {0}", usage))
        }
        try requireNoCycle(L("the collector can only change between cycles"))
        let argument = command.arguments.count == 2 ? command.arguments[1] : nil
        if argument != nil && choice != .copying && choice != .generational {
            throw SimulatorError(L("usage: {0}", usage))
        }
        let previous = collector
        switch choice {
        case .copying:
            var size = Self.defaultSemispace
            if let argument { size = try Arguments.size(argument, what: L("semispace size")) }
            guard Self.semispaceRange.contains(size) else {
                throw SimulatorError(L("a semispace holds from {0} to {1}", Arguments.formatSize(Self.semispaceRange.lowerBound),
                                       Arguments.formatSize(Self.semispaceRange.upperBound)))
            }
            guard heap.byteCount <= size else {
                throw SimulatorError(L("the objects take {0} bytes: they do not fit in a semispace of {1} bytes", heap.byteCount, size),
                                     hint: L("Choose a bigger semispace, or collect first."))
            }
            semispace = size
            heap.compact(base: 0, capacity: size)
        case .generational:
            var age = Self.defaultPromotionAge
            if let argument {
                guard let v = Arguments.integer(argument), Self.promotionAgeRange.contains(v) else {
                    throw SimulatorError(L("AGE must be a number from {0} to {1}", Self.promotionAgeRange.lowerBound, Self.promotionAgeRange.upperBound))
                }
                age = v
            }
            promotionAge = age
            if previous == .copying { heap.unbound() }
            remembered = heap.liveIDs.filter { heap.isOld($0) }
            updateRemembered()
        case .stw, .incremental:
            if previous == .copying { heap.unbound() }
        }
        collector = choice
        return collectorDescription
    }

    var collectorDescription: String {
        switch collector {
        case .stw:
            L("collector stw: the world stops from the first root shaded to the last object swept")
        case .incremental:
            L("collector incremental: tri-colour marking in steps, the mutator runs between them; barrier {0}", barrier.rawValue)
        case .copying:
            L("collector copying: two semispaces of {0} bytes at 0x0000 and {1}; objects live in one, the other waits empty (heap.capacity {2}, usable {0})",
              semispace, HeapCommands.hex(semispace), 2 * semispace)
        case .generational:
            L("collector generational: new objects are young; a young object surviving {0} cycle(s) is promoted to old (it is not moved); `gc` collects the young generation, `gc major` the whole heap", promotionAge)
        }
    }

    mutating func chooseBarrier(_ command: Command) throws(SimulatorError) -> String {
        let usage = Self.info.verb("barrier")!.usage
        try Arguments.expect(command, count: 1, usage: usage)
        guard let choice = Barrier(rawValue: command.arguments[0]) else {
            throw SimulatorError(L("`{0}` is not a barrier", Sanitizer.line(command.arguments[0]))
                + Suggestion.hint(for: command.arguments[0], among: Barrier.allCases.map(\.rawValue)),
                hint: L("usage: {0}", usage))
        }
        try requireNoCycle(L("the barrier can only change between cycles"))
        barrier = choice
        var text: String
        switch choice {
        case .none: text = L("barrier none: pointer writes during marking are not reported to the collector")
        case .dijkstra: text = L("barrier dijkstra (Go 1.5–1.7): a write shades the new pointee; roots take no barrier, so mark termination rescans them with the world stopped")
        case .yuasa: text = L("barrier yuasa: a write shades the old pointee it overwrites, so nothing reachable when marking began can be lost")
        case .hybrid: text = L("barrier hybrid (Go 1.8): a write shades the old pointee, and the new one while the stack is grey (until every root shaded by `gc start` has been scanned); no rescan")
        }
        if collector != .incremental {
            text += "\n" + L("(barriers act while the incremental collector marks; the {0} collector stops the world instead)", collector.rawValue)
        }
        return text
    }

    func requireNoCycle(_ message: String) throws(SimulatorError) {
        guard phase == .off else { throw SimulatorError(message, hint: L("`finish` the cycle first.")) }
    }
}

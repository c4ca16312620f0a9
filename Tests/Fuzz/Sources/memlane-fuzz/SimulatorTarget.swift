import Grader
import Simulators
import Terminal
import TextKit
import Tutor

/// Any simulator of `SimulatorCatalog`, driven by random command sequences
/// built from its own `SimulatorInfo` (verbs, argument kinds, the names it
/// knows) mixed with hostile tokens and raw lines. After every command:
/// a command that throws left the state tree as it was, a view changed
/// nothing, the state is a record whose every leaf is documented, and the
/// picture and every view are printable, bounded and fit the width.
enum SimulatorTarget {
    static let maxCommands = 48

    static func target(simulator name: String) -> FuzzTarget {
        let info = SimulatorCatalog.type(named: name)?.info
        return FuzzTarget(name: "sim-" + name, dictionary: info.map(CommandMaker.dictionary) ?? [],
                          test: { input in run(name, &input) })
    }

    static func run(_ name: String, _ input: inout FuzzInput) {
        guard var sim = SimulatorCatalog.make(name) else { FuzzCheck.fail("no simulator \(name)") }
        let info = type(of: sim).info
        let context = SimulationContext.plain
        check(sim, info, context, after: "the start")
        var count = 0
        while !input.isEmpty && count < maxCommands {
            count += 1
            let (line, block) = CommandMaker.command(for: info, names: sim.knownNames(), from: &input)
            let what = "\(name): \(line.debugDescription)" + (block.map { " with block \($0)" } ?? "")
            let before = sim.stateTree()
            do throws(SimulatorError) {
                let output = try FuzzCheck.timed(what) { () throws(SimulatorError) in try sim.run(line, block: block, in: context) }
                FuzzCheck.printable(output, what)
                let after = sim.stateTree()
                if let verb = try? Command(line).verb, info.verb(verb)?.changesState == false {
                    FuzzCheck.require(after == before, "the view \(what) changed the state")
                }
                // The pictures only need a new look when the state moved.
                if after != before { check(sim, info, context, after: what) }
            } catch {
                FuzzCheck.require(sim.stateTree() == before, "\(what) failed (\(error.message)) but changed the state")
                FuzzCheck.require(!error.message.isEmpty, "\(what) failed without a message")
                FuzzCheck.printable(error.description, what)
            }
        }
    }

    /// What must hold between any two commands.
    static func check(_ sim: any Simulator, _ info: SimulatorInfo, _ context: SimulationContext, after what: String) {
        let tree = sim.stateTree()
        guard case .record = tree else { FuzzCheck.fail("after \(what): the state tree is a \(tree.typeName), not a record") }
        for path in leafPaths(of: tree) {
            FuzzCheck.require(info.documents(path: path), "after \(what): state path \(path.joined(separator: ".")) is not documented")
        }
        for name in sim.knownNames() {
            FuzzCheck.require(Sanitizer.line(name) == name, "after \(what): known name \(name.debugDescription) needs sanitising")
        }
        let picture = FuzzCheck.timed("render after \(what)") { sim.render(in: context) }
        drawing(picture, context, "render after \(what)")
        for verb in info.verbs where !verb.changesState && !verb.takesBlock {
            var copy = sim
            let view = "`\(verb.name)` after \(what)"
            if let output = try? FuzzCheck.timed(view, { () throws(SimulatorError) in try copy.run(verb.name, in: context) }) {
                drawing(output, context, view)
            }
            FuzzCheck.require(copy.stateTree() == tree, "\(view) changed the state")
        }
    }

    /// A picture: printable, bounded, and as the session shows it (lines
    /// wider than the screen wrapped by `TextWrapper.fitLines`) within the
    /// width, measured after control characters became their visible form.
    static func drawing(_ text: String, _ context: SimulationContext, _ what: String) {
        FuzzCheck.printable(text, what)
        FuzzCheck.fits(TextWrapper.fitLines(text, width: context.width), width: context.width, what)
    }

    /// Paths from the root to every leaf (a value that is not a record, or
    /// an empty record).
    static func leafPaths(of value: Value, under prefix: [String] = []) -> [[String]] {
        guard case .record(let r) = value, r.count > 0 else { return [prefix] }
        return r.pairs.flatMap { key, child in leafPaths(of: child, under: prefix + [key]) }
    }
}

/// Builds command lines for a simulator from what it says about itself.
enum CommandMaker {
    /// Sizes and counts around every limit the simulators have or will have.
    static let numbers = ["0", "1", "-1", "2", "3", "8", "16", "24", "64", "100", "124", "127", "128", "255", "256", "257",
                          "0x10", "0xFF", "0x100", "1KiB", "2KiB", "8KiB", "1MiB", "2MiB", "8MiB", "1GiB", "1TiB", "16TiB",
                          "1000", "16384", "16385", "65536", "1000000", "1000001", "100000000", "1_000",
                          "9223372036854775807", "-9223372036854775808", "99999999999999999999", "0x", "1e9", "2.5"]
    /// Names a learner might pick, good and bad.
    static let names = ["a", "b", "p", "q", "x1", "_", "A", "age", "score", "r0", "new", "dense",
                        String(repeating: "n", count: 32), String(repeating: "m", count: 33), "1abc", "a-b", "名前"]
    /// Hostile and odd tokens.
    static let oddities = ["", "\"\"", "\"two words\"", "\"", "[", "]", "[]", "[0x10]", "[r1]", "[a]", "[a+1]", "a+300", ",",
                           ".", "#", ":", "\u{1B}[2J", "\u{1B}]0;title\u{07}", "\u{9B}31m", "\u{202E}evil", "\u{7F}", "\t",
                           "\u{FEFF}", "\u{E101}", "x\u{0}y", "👩‍👩‍👧", "ｘ", "--force"]

    static func dictionary(_ info: SimulatorInfo) -> [String] {
        var words = info.verbs.map(\.name)
        for verb in info.verbs {
            for kind in verb.arguments { if case .oneOf(let options) = kind { words += options } }
        }
        return Array(Set(words + numbers + names.prefix(12) + ["\n", ", ", "[", "]", "\"", "."])).sorted()
    }

    /// One command line and, for a block verb, its body.
    static func command(for info: SimulatorInfo, names known: [String], from input: inout FuzzInput) -> (String, [String]?) {
        let mode = input.byte()
        var line: String
        if mode >= 0xE0 || info.verbs.isEmpty {
            line = input.line()
        } else {
            let verb = info.verbs[input.int(below: info.verbs.count)]
            let count = input.int(below: 5)
            var arguments: [String] = []
            for position in 0..<count {
                let kind = position < verb.arguments.count ? verb.arguments[position] : nil
                arguments.append(token(kind, known: known, from: &input))
            }
            line = verb.name + (arguments.isEmpty ? "" : " " + arguments.joined(separator: mode & 1 == 0 ? " " : ", "))
        }
        let verb = line.split(separator: " ").first.map(String.init) ?? ""
        guard info.verb(verb)?.takesBlock == true else { return (line, nil) }
        var block: [String] = []
        for _ in 0..<input.int(below: 8) { block.append(input.line()) }
        return (line, block)
    }

    static func token(_ kind: ArgumentKind?, known: [String], from input: inout FuzzInput) -> String {
        switch input.int(below: 10) {
        case 0, 1:
            if case .oneOf(let options)? = kind, let word = input.pick(options) { return word }
            return input.pick(known) ?? input.pick(names)!
        case 2, 3: return input.pick(known) ?? input.pick(names)!
        case 4: return input.pick(names)!
        case 5, 6: return input.pick(numbers)!
        case 7: return input.pick(oddities)!
        case 8: return "[" + (input.pick(known) ?? input.pick(numbers)!) + "]"
        default: return input.word(limit: 24)
        }
    }
}

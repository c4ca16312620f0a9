import Foundation
import Tutor

/// One thing to fuzz: a name (also its corpus folder under Tests/Fuzz/Corpus),
/// words that help libFuzzer build valid inputs, and the test, which must
/// stop the process (through `FuzzCheck`) when an invariant breaks.
struct FuzzTarget: Sendable {
    var name: String
    var dictionary: [String]
    var test: @Sendable (inout FuzzInput) -> Void

    init(name: String, dictionary: [String], test: @escaping @Sendable (inout FuzzInput) -> Void) {
        self.name = name
        self.dictionary = dictionary
        self.test = test
    }

    /// A dictionary line in libFuzzer's format: `"text"` with `\xNN` escapes.
    static func dictionaryEntry(_ word: String) -> String {
        var out = "\""
        for b in word.utf8 {
            if b >= 0x20 && b < 0x7F && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += String(format: "\\x%02X", b)
            }
        }
        return out + "\""
    }
}

/// Every fuzz target. A parser or a module gets its target by adding one
/// line to `all`; a simulator gets one by joining `SimulatorCatalog`, with
/// nothing to add here (`sim-NAME` drives it through its `SimulatorInfo`).
enum FuzzTargets {
    static var all: [FuzzTarget] {
        [
            LessonTarget.target,
            AssertionTarget.target,
            QuizTarget.target,
            SessionTarget.target,
            GoLiteTarget.parser,
            GoLiteTarget.escape,
            GoLiteTarget.interpreter,
        ] + SimulatorCatalog.names.map(SimulatorTarget.target(simulator:))
    }

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// The target named by `--target=NAME` (or $MEMLANE_FUZZ_TARGET).
    static let selected: FuzzTarget = {
        let flag = CommandLine.arguments.first { $0.hasPrefix("--target=") }.map { String($0.dropFirst("--target=".count)) }
        guard let name = flag ?? ProcessInfo.processInfo.environment["MEMLANE_FUZZ_TARGET"], let target = named(name) else {
            usage()
        }
        return target
    }()

    static func usage() -> Never {
        FileHandle.standardError.write(Data("""
            usage: memlane-fuzz --target=NAME [libFuzzer flags] [CORPUS…]
                   memlane-fuzz --list | --dictionary=NAME
            targets: \(all.map(\.name).joined(separator: " "))

            """.utf8))
        exit(2)
    }
}

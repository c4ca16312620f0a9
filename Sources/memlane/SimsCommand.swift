import ArgumentParser
import Foundation
import Terminal
import TextKit
import Tutor

/// `memlane sims`: every simulator's commands, state paths and functions —
/// the reference docs/AUTHORING.md embeds (`--markdown`, always English).
struct Sims: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sims", abstract: "List the simulators: commands, state paths, functions.")

    @Argument(help: "Only this simulator.")
    var name: String?

    @Flag(name: .long, help: "Print the reference in Markdown, as docs/AUTHORING.md holds it (always in English).")
    var markdown = false

    @Flag(name: .long, help: "Print only the simulators' names, one per line.")
    var names = false

    @Option(name: .long, help: "Rewrite the generated section of this file (between its markers) with the Markdown reference.")
    var update: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        common.applyLanguage()
        var types = SimulatorCatalog.all
        if let name {
            guard let type = SimulatorCatalog.type(named: name) else {
                FileHandle.standardError.write(Data((L("There is no simulator `{0}`", Sanitizer.line(name))
                    + Suggestion.hint(for: name, among: SimulatorCatalog.names) + "\n").utf8))
                throw ExitCode(1)
            }
            types = [type]
        }
        if names {
            printOut(types.map { $0.info.name + "\n" }.joined())
        } else if let update {
            try updateDocument(update)
        } else if markdown {
            printOut(SimulatorReference.markdown(types))
        } else {
            let width = TerminalSize.columns(environment: common.environment)
            printOut(TerminalWriter.format(SimulatorReference.text(types, width: width), color: common.color) + "\n")
        }
    }

    func updateDocument(_ path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data((L("cannot read {0}", path) + "\n").utf8))
            throw ExitCode(1)
        }
        let document = String(decoding: data, as: UTF8.self)
        guard let updated = SimulatorReference.splice(document, reference: SimulatorReference.markdown()) else {
            FileHandle.standardError.write(Data((L("{0} has no generated section: add the lines {1} and {2}", path,
                SimulatorReference.beginMarker, SimulatorReference.endMarker) + "\n").utf8))
            throw ExitCode(1)
        }
        if updated == document {
            printOut(L("{0}: the simulator reference is up to date.", path) + "\n")
            return
        }
        try Data(updated.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        printOut(L("{0}: the simulator reference was regenerated.", path) + "\n")
    }
}

import ArgumentParser
import Foundation
import Terminal
import TextKit
import Tutor

/// `memlane progress [--json] [--export FILE [--learner NAME]]`: what the
/// learner has solved, or an export of it for the instructor's `memlane report`.
struct ProgressReport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "progress", abstract: "Show the learner's progress.")

    @Flag(name: .long, help: "Print the progress as JSON.")
    var json = false

    @Option(name: .long, help: "Write the progress with the book's id and version to FILE, for `memlane report`.")
    var export: String?

    @Option(name: .long, help: "The learner's name in the export (default: $USER).")
    var learner: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        common.applyLanguage()
        let book = try common.loadBook()
        let store = common.store(for: book)
        if let export {
            let name = learner ?? common.environment["USER"] ?? "learner"
            let data = ProgressExport(learner: name, book: book, progress: store.progress).encoded()
            do {
                try data.write(to: URL(fileURLWithPath: export), options: .atomic)
            } catch {
                FileHandle.standardError.write(Data((L("cannot write {0}", export) + "\n").utf8))
                throw ExitCode(1)
            }
            printOut(L("Wrote the progress of {0} in {1} (version {2}) to {3}.", ProgressExport.cleanName(name), book.id, book.version, export) + "\n")
            return
        }
        if json {
            var p = store.progress
            p.book = nil
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(p)
            printOut(String(decoding: data, as: UTF8.self) + "\n")
            return
        }
        printOut(TerminalWriter.format(TableOfContents.progressText(book: BookOutline(book), progress: store.progress), color: common.color) + "\n")
    }
}

import ArgumentParser
import Foundation
import Terminal
import Tutor

/// `memlane progress [--json]`: what the learner has solved.
struct ProgressReport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "progress", abstract: "Show the learner's progress.")

    @Flag(name: .long, help: "Print the progress as JSON.")
    var json = false

    @OptionGroup var common: CommonOptions

    func run() throws {
        common.applyLanguage()
        let book = try common.loadBook()
        let store = common.store(for: book)
        if json {
            var p = store.progress
            p.book = nil
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(p)
            printOut(String(decoding: data, as: UTF8.self) + "\n")
            return
        }
        printOut(TerminalWriter.format(TableOfContents.progressText(book: book, progress: store.progress), color: common.color) + "\n")
    }
}

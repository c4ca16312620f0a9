import ArgumentParser
import CSystem
import Foundation
import Terminal
import TextKit
import Tutor

/// `memlane` with no command: start or resume the tutor.
struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Start or resume the tutor (the default).")

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Re-read the book when its files change (for authors): you stay on the same step, and lint errors are shown instead of the lesson.")
    var watch = false

    func run() throws {
        common.applyLanguage()
        memlane_signals_install()
        let book = try common.loadBook()
        let store = common.store(for: book)
        let interactive = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
        let environment = common.environment
        let options = SessionOptions(width: TerminalSize.columns(environment: environment), color: common.color,
                                     interactive: interactive, environment: environment)
        let session = Session(book: book, store: store, options: options)
        let input: LineSource
        if interactive, let editor = LineEditor(historyPath: historyPath(environment)) {
            input = editor
        } else {
            input = PipedLines(maxLineBytes: Session.maxLineLength)
        }
        let watcher = watch ? BookWatcher(book: book) : nil
        let status = Repl(session: session, input: input, interactive: interactive, watcher: watcher, write: printOut).run()
        if status != 0 { throw ExitCode(status) }
    }

    func historyPath(_ environment: [String: String]) -> String? {
        let folder = ProgressStore.stateFolder(environment: environment)
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return nil }
        return folder.appendingPathComponent("history").path
    }
}

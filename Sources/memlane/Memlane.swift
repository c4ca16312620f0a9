import ArgumentParser
import Tutor

@main
struct Memlane: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memlane",
        abstract: "Learn Go memory management from its history.",
        subcommands: [
            EscapeCommand.self,
        ]
    )

    func run() throws {}
}

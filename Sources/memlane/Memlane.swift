import ArgumentParser
import Tutor

@main
struct Memlane: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memlane",
        abstract: "Learn Go memory management from its history.",
        discussion: "With no command, starts or resumes the tutor. When standard input is not a terminal, commands are read line by line, so a session can be scripted: memlane < moves.txt",
        subcommands: [
            Start.self,
            Toc.self,
            Lint.self,
            ProgressReport.self,
            New.self,
            Sims.self,
            Report.self,
            EscapeCommand.self,
        ],
        defaultSubcommand: Start.self
    )
}

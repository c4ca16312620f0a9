import Foundation
import Testing

/// memlane runs nothing a lesson asks for, starts no program but the
/// learner's editor, and never touches the network (docs/SECURITY.md).
@Suite(.serialized) struct NothingBehindYourBackTests {
    let home = MemlaneBinary.temporaryHome()

    /// A file that exists only if something ran a command.
    var marker: URL { home.appendingPathComponent("MARKER") }

    /// Shell syntax wherever a book can hold a command: setups, solutions,
    /// demos, checks, hints, quiz answers (a pattern), links and `file=`.
    func shellBook(withBrokenLinks: Bool = false) throws -> URL {
        let m = marker.path
        let folder = home.appendingPathComponent("shell-book-\(withBrokenLinks)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Content"), withIntermediateDirectories: true)
        let script = "#!/bin/sh\ntouch \(m)\n"
        try script.write(to: folder.appendingPathComponent("Content/run.sh"), atomically: true, encoding: .utf8)
        chmod(folder.appendingPathComponent("Content/run.sh").path, 0o755)
        let links = withBrokenLinks ? "- [Sub]($(touch \(m)).md)\n- [Tick](`touch \(m)`.md)\n" : ""
        try "---\nid: shell\n---\n- [Shell](shell.md)\n\(links)".write(to: folder.appendingPathComponent("SUMMARY.md"),
                                                                     atomically: true, encoding: .utf8)
        let lesson = """
        ---
        id: shell
        title: $(touch \(m))
        sim: asm
        ---

        Run `touch \(m)` and <img src=x onerror="touch \(m)"> [link](file://\(m)).

        ```exercise id=ex
        mov r0, 1
        $(touch \(m))
        `touch \(m)`
        ```

        ```check id=ex
        reg.r0 == 42 => "{len(\\"$(touch \(m))\\")}"
        ```

        ```hint id=ex
        !touch \(m)
        ```

        ```solution id=ex
        mov r0, 42 ; touch \(m)
        ```

        ```sim
        ! touch \(m)
        | touch \(m)
        ```

        ```go file=run.sh
        ```

        ```quiz id=q
        ? $(touch \(m))
        = /$(touch \(m))/
        ```

        """
        try lesson.write(to: folder.appendingPathComponent("shell.md"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func lessonsCannotRunCommands() throws {
        let book = try shellBook()
        let broken = try shellBook(withBrokenLinks: true)
        let editor = home.appendingPathComponent("editor.sh")
        try "#!/bin/sh\ntouch \(marker.path)\n".write(to: editor, atomically: true, encoding: .utf8)
        chmod(editor.path, 0o755)
        let env = ["VISUAL": editor.path, "EDITOR": editor.path]
        for folder in [book, broken] {
            _ = try MemlaneBinary.run(["lint", folder.path], home: home, extra: env)
        }
        _ = try MemlaneBinary.run(["toc", "--book", book.path], home: home, extra: env)
        let moves = ["next", "check", "hint", "solution --force", "answer $(touch \(marker.path))", "reset",
                     "$(touch \(marker.path))", "!touch \(marker.path)", "sandbox asm", "`touch \(marker.path)`", "quit"]
        let run = try MemlaneBinary.run(["--book", book.path], input: moves.joined(separator: "\n") + "\n", home: home, extra: env)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Lesson 0"))
        // The same on a terminal, where an editor could be started.
        let term = try PseudoTerminal(["--book", book.path], environment: MemlaneBinary.environment(home: home, extra: env))
        try term.expect("memlane [shell 1/")
        for line in moves {
            term.send(line + "\r")
            if line != "quit" { try term.expect("memlane [") }
        }
        #expect(term.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: marker.path), "a lesson ran a command")
    }

    /// Under strace: no network system call at all, and no program started
    /// (memlane's own execve is the only one) while a whole session, lint
    /// and toc run.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")))
    func noNetworkAndNoProgramStarted() throws {
        let book = try shellBook()
        let trace = home.appendingPathComponent("trace")
        let moves = "next\ncheck\nhint\nsolution --force\nmov r0, 42\ncheck\nsandbox arena\narena new a\ngc\ntoc\nquit\n"
        for arguments in [["--book", book.path], ["lint", book.path], ["toc", "--book", book.path]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
            process.arguments = ["-f", "-qq", "-e", "trace=network,process", "-o", trace.path, MemlaneBinary.path] + arguments
            process.environment = MemlaneBinary.environment(home: home)
            let input = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            try input.fileHandleForWriting.write(contentsOf: Data(moves.utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            let calls = try String(contentsOf: trace, encoding: .utf8).split(separator: "\n").compactMap { line -> String? in
                // "PID name(arguments) = result", or "PID <... name resumed> …".
                let call = line.drop { $0.isNumber }.drop { $0 == " " }.drop { $0 == "<" || $0 == "." || $0 == " " }
                let name = String(call.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                return name.isEmpty ? nil : name
            }
            let allowed: Set<String> = ["execve", "exit", "exit_group", "clone", "clone3", "wait4", "set_robust_list"]
            #expect(calls.filter { $0 == "execve" }.count == 1, "\(arguments): \(calls)")
            #expect(calls.allSatisfy(allowed.contains), "\(arguments): \(Set(calls).subtracting(allowed))")
        }
    }

    /// The sources name no API that reaches the network or starts a
    /// program, except the two places that run what the learner asked for:
    /// their editor, and Graphviz's `dot` for `export svg`.
    @Test func sourcesStartNothingButTheEditor() throws {
        let sources = MemlaneBinary.repository.appendingPathComponent("Sources")
        let forbidden = ["URLSession", "URLRequest", "FoundationNetworking", "socket(", "getaddrinfo", "popen(",
                         "system(", "posix_spawn", "execv", "fork(", "dlopen(", "NSTask"]
        var processUsers: [String] = []
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".swift") || file.hasSuffix(".c") || file.hasSuffix(".h") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for name in forbidden {
                #expect(!text.contains(name), "\(file) uses \(name)")
            }
            if text.contains("Process()") { processUsers.append(file) }
        }
        #expect(processUsers.sorted() == ["Tutor/DiagramExport.swift", "Tutor/ExternalEditor.swift"])
    }
}

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "memlane",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "memlane", targets: ["memlane"]),
        // Every library, for the fuzz package in Tests/Fuzz (it depends on
        // this one by path and builds with -sanitize=fuzzer,address).
        .library(name: "MemlaneLibraries", targets: ["TextKit", "Grader", "Simulators", "GoLite",
                                                     "Book", "Terminal", "Tutor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C shims: signals, locale and wcwidth (no library), libedit, libcmark.
        .target(name: "CSystem"),
        .target(name: "CEditLine", linkerSettings: [.linkedLibrary("edit")]),
        .systemLibrary(name: "CCMark", pkgConfig: "libcmark",
                       providers: [.apt(["libcmark-dev"])]),

        // Text shared by every layer: styled spans, display width, sanitising,
        // "did you mean", source locations, the message catalogue.
        .target(name: "TextKit", dependencies: ["CSystem"]),
        // The assertion language and quiz grading.
        .target(name: "Grader", dependencies: ["TextKit"]),
        // The simulator protocol and the chapter simulators.
        .target(name: "Simulators", dependencies: ["Grader", "TextKit", "CSystem"]),
        // The Go subset: front end, escape analysis, interpreter, allocator model.
        // The interpreter's dispatch loop touches its machine's state on every
        // instruction; run-time exclusivity checks would cost about 15%.
        .target(name: "GoLite", dependencies: ["Simulators", "Grader", "TextKit"], exclude: ["README.md"],
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        // Lesson model and loader (front matter, steps, directives).
        .target(name: "Book", dependencies: ["CCMark", "Grader", "TextKit",
                                             .product(name: "Yams", package: "Yams")]),
        // Markdown to styled terminal text, wrapping, colour policy, line editor.
        .target(name: "Terminal", dependencies: ["CCMark", "CEditLine", "CSystem", "TextKit"]),
        // The session, command router, progress store, lint.
        .target(name: "Tutor", dependencies: ["Book", "Grader", "Simulators", "GoLite",
                                              "Terminal", "TextKit", "CSystem"]),
        .executableTarget(name: "memlane", dependencies: [
            "Tutor", "GoLite", "Terminal", "Book", "TextKit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "TextKitTests", dependencies: ["TextKit"]),
        .testTarget(name: "GraderTests", dependencies: ["Grader"]),
        .testTarget(name: "SimulatorsTests", dependencies: ["Simulators", "Grader"]),
        .testTarget(name: "GoLiteTests", dependencies: ["GoLite", "Simulators", "Grader"]),
        .testTarget(name: "BookTests", dependencies: ["Book"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "TextKit"]),
        .testTarget(name: "TutorTests", dependencies: ["Tutor", "Book", "Simulators", "Grader", "Terminal"],
                    exclude: ["Fixtures"]),
        // Starts the built binary on a pseudo-terminal for end-to-end tests.
        .target(name: "CPseudoTerminal", path: "Tests/CPseudoTerminal", linkerSettings: [.linkedLibrary("util")]),
        .testTarget(name: "EndToEndTests", dependencies: ["CPseudoTerminal"]),
    ]
)

// swift-tools-version:6.0
// The fuzz targets of Memory Lane: one libFuzzer binary, `memlane-fuzz`,
// that runs the target named by `--target=NAME`. It depends on the main
// package by path, so it always fuzzes the code next to it. Build and run
// it with `scripts/fuzz.sh` (`make fuzz`, and the replay in `make test`):
// the script adds the sanitizer flags and links libFuzzer's no-main runtime.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which is whatever the
/// clone is called.
let mainPackage = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "memlane-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "../..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .executableTarget(name: "memlane-fuzz", dependencies: [
            "CFuzzDriver",
            .product(name: "MemlaneLibraries", package: mainPackage),
        ]),
    ]
)

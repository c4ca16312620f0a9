import CFuzzDriver
import Foundation

// memlane-fuzz --target=NAME [libFuzzer flags] [CORPUS…]
//   --list                 the target names, one a line
//   --dictionary=NAME      the target's libFuzzer dictionary
// libFuzzer ignores flags that start with `--`, and passes them on to the
// processes it starts itself (-merge, -fork), so they keep the target.

let arguments = CommandLine.arguments.dropFirst()
if arguments.contains("--list") {
    print(FuzzTargets.all.map(\.name).joined(separator: "\n"))
    exit(0)
}
if let name = arguments.first(where: { $0.hasPrefix("--dictionary=") })?.dropFirst("--dictionary=".count) {
    guard let target = FuzzTargets.named(String(name)) else { FuzzTargets.usage() }
    print(target.dictionary.map(FuzzTarget.dictionaryEntry).joined(separator: "\n"))
    exit(0)
}
_ = FuzzTargets.selected

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    var input = FuzzInput(UnsafeRawBufferPointer(start: data, count: size))
    FuzzTargets.selected.test(&input)
    return 0
})

/// Japanese translations of the tutor's own messages, keyed by the English
/// text passed to `L`. `MessageCatalogueTests` checks that every `L("…")`
/// in the sources has exactly one entry, that no entry is stale, and that
/// both sides have the same `{0}` holes and the same backquoted code.
///
/// The entries are split by the part of the program that says them, one
/// file per module or simulator folder (`JapaneseMessages+GC.swift` for
/// Sources/Simulators/GC), so a change to one simulator touches one file.
/// A key said by several parts lives in `common` below.
///
/// Style: です/ます for sentences addressed to the learner, terse noun
/// phrases for labels and table headings; backquoted code, state values in
/// double quotes and `{0}` holes are kept exactly; Go's terms as Japanese Go
/// engineers write them (ヒープ, スタック, エスケープ解析, ガベージコレクション,
/// ライトバリア, ポインタ, 解放, ゴルーチン, スパン).
enum JapaneseMessages {
    static let table: [String: String] = Dictionary(entries.map { ($0.key, $0.value) },
                                                    uniquingKeysWith: { first, _ in first })

    /// Every part in one list; a key given twice is reported by a test
    /// instead of trapping as a dictionary literal would.
    static var entries: [(key: String, value: String)] {
        let parts: [KeyValuePairs<String, String>] = [
            common, tutor, book, grader, simulators, asm, frames, stack, gc, arena, weak, greenTea, goLite,
        ]
        return parts.flatMap { $0 }
    }

    /// Keys whose Japanese entry is deliberately the English text, each
    /// with its reason (see `MessageCatalogueTests.entriesAreTranslated`).
    static let keptInEnglish: Set<String> = [
        // Go's runtime, word for word: the learner meets these in real
        // crashes and searches for them (stack: runtime/stack.go `newstack`;
        // gc: the allocator's `throw`; weak: runtime/mfinal.go).
        "runtime: goroutine stack exceeds {0}-byte limit",
        "fatal error: stack overflow",
        "fatal error: runtime: out of memory (the simulated machine has {0})",
        "runtime.SetFinalizer: finalizer already set",
        // AddressSanitizer's and LeakSanitizer's report lines, as `frames`
        // imitates them (the simulator's own explanations are translated).
        "ERROR: AddressSanitizer: {0}",
        "attempting double-free on {0}",
        "heap-use-after-free on address {0}",
        "stack-use-after-return on address {0}",
        "{0} of size 8 at {1} through `{2}`",
        "{0} is located 0 bytes inside of {1}-byte region [{2},{3})",
        "ERROR: LeakSanitizer: detected memory leaks",
        "Direct leak of {0} byte(s) in 1 object(s) at {1}",
        "SUMMARY: AddressSanitizer: {0} byte(s) leaked in {1} allocation(s).",
        // Only code and figures, nothing to translate.
        "{0} = {1}",
        "{0}: {1} = {2}",
        "{0} @{1}",
        "GOGC={0}: {1} + ({1} + {2} + {3}) × {0}/100 = {4}",
        "{0} × {1}",
        "ok",
    ]

    /// Words said by more than one part: table headings, argument names
    /// (`Arguments.name(_, what:)`) and messages several simulators share.
    static let common: KeyValuePairs<String, String> = [
        "(did you mean `{0}`?)": "（もしかして `{0}` ですか？）",
        "usage: {0}": "使い方: {0}",
        "`{0}` is not a valid id: use lowercase letters, digits and `-`": "`{0}` は id として使えません。英小文字、数字、`-` を使ってください",
        "`{0}` is not a number": "`{0}` は数ではありません",
        "… and {0} more": "…ほか {0} 件",
        "interrupted: the cycle was left as it was": "中断しました。サイクルはその時点の状態のままです",

        // Headings and names
        "name": "名前",
        "state": "状態",
        "size": "サイズ",
        "address": "アドレス",
        "live": "生存",
        "object name": "オブジェクト名",
        "variable name": "変数名",
        "function name": "関数名",
        "pointer name": "ポインタ名",

        // Roots and objects (gc, weak)
        "an object needs at least 1 byte": "オブジェクトには1バイト以上が必要です",
        "`{0}` is already a root": "`{0}` は既にルートです",
        "`{0}` is not a root": "`{0}` はルートではありません",
        #"`{0}` needs a name in quotes, like {1}("A")"#: #"`{0}` には名前をクォートで囲んで渡してください。例: {1}("A")"#,

        // State paths (gc, weak, greentea)
        "cycles completed": "完了したサイクル数",
        "live objects": "生存オブジェクトの数",
        "bytes of live objects": "生存オブジェクトのバイト数",
        "roots in the order they were added": "ルート（追加した順）",
        #""white", "grey", "black" or "freed""#: #""white"（白）、"grey"（灰色）、"black"（黒）、"freed"（解放済み）のいずれか"#,
    ]
}

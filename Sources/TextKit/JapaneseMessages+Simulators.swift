extension JapaneseMessages {
    /// What every simulator says the same way: command parsing, argument
    /// checks and the default state diagram (Sources/Simulators/*.swift).
    static let simulators: KeyValuePairs<String, String> = [
        // MARK: Command.swift
        "empty command": "コマンドが空です",
        #"a quoted word is not closed: add `"`"#: #"クォートで始めた語が閉じられていません。`"` を追加してください"#,

        // MARK: Simulator.swift
        "cannot read files here: {0}": "ここではファイルを読み込めません: {0}",
        "`{0}` is not a command of the {1} simulator": "`{0}` は {1} シミュレータのコマンドではありません",
        "Type `help` to list its commands.": "`help` でコマンドの一覧を表示できます。",
        "`{0}` is not a valid {1}: use letters, digits and `_`, starting with a letter": "`{0}` は{1}として使えません。英字、数字、`_` を使い、英字で始めてください",
        "`{0}` is not a {1}: write bytes like 64, 0x40, 2KiB or 1MiB": "`{0}` は{1}として読めません。64、0x40、2KiB、1MiB のようにバイト数を書いてください",

        // MARK: StateDiagram.swift — `export`
        "… {0} more table(s) not drawn": "…ほかの表 {0} 個は描いていません",
        "({0} items)": "（{0} 個）",
        "… {0} more": "…ほか {0} 個",
        "{0} item(s)": "{0} 個",
    ]
}

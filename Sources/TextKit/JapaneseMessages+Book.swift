extension JapaneseMessages {
    /// Loading a book: SUMMARY.md, front matter, directive blocks and the
    /// translation checks (Sources/Book). Authors read these in `memlane lint`.
    static let book: KeyValuePairs<String, String> = [
        // MARK: BookLoader.swift
        "cannot read SUMMARY.md: a book folder lists its lessons there": "SUMMARY.md を読めません。本のフォルダではここにレッスンを並べます",
        "`{0}` is outside the book folder": "`{0}` は本のフォルダの外にあります",
        "`{0}` is already listed on line {1}": "`{0}` は {1} 行目に既に載っています",
        "`{0}` does not exist": "`{0}` は存在しません",
        "lesson id `{0}` is already used by {1}": "レッスン id `{0}` は既に {1} で使われています",
        "SUMMARY.md lists no lessons: add lines like `- [Title](lesson.md)`": "SUMMARY.md にレッスンがありません。`- [Title](lesson.md)` のような行を追加してください",
        "`{0}` is not listed in SUMMARY.md": "`{0}` が SUMMARY.md に載っていません",
        "`{0}` is outside the Content folder": "`{0}` は Content フォルダの外にあります",
        "`{0}` is not in Content/": "`{0}` は Content/ にありません",

        // MARK: DirectiveInfo.swift
        "unknown directive `{0}`": "不明なディレクティブ `{0}`",
        "`{0}` is not an attribute: write key=value": "`{0}` は属性ではありません。key=value の形で書いてください",
        "`{0}` does not take `{1}`": "`{0}` に `{1}` は指定できません",
        "`{0}` is given twice": "`{0}` が2回指定されています",
        "`{0}=` needs a value": "`{0}=` には値が必要です",
        "`{0}` needs an id: ```{0} id=NAME": "`{0}` には id が必要です: ```{0} id=NAME",

        // MARK: FrontMatter.swift
        "front matter starts with `---` but never ends: close it with a `---` line": "フロントマターが `---` で始まっていますが終わっていません。`---` の行で閉じてください",
        "front matter must be `key: value` lines": "フロントマターは `key: value` の行で書いてください",
        "`{0}` must be a single value": "`{0}` は値を1つだけ書いてください",
        "invalid front matter: {0}": "フロントマターが不正です: {0}",

        // MARK: LessonParser.swift
        "a lesson starts with front matter: `---`, `id: …`, `title: …`, `---`": "レッスンはフロントマターで始めてください: `---`、`id: …`、`title: …`、`---`",
        "unknown front matter key `{0}`": "不明なフロントマターのキー `{0}`",
        "front matter needs an `id`": "フロントマターには `id` が必要です",
        "front matter needs a `title`": "フロントマターには `title` が必要です",
        "this ```{0} block is never closed": "この ```{0} ブロックは閉じられていません",
        "id `{0}` is already used on line {1}": "id `{0}` は {1} 行目で既に使われています",
        "this check has no assertions": "このチェックにはアサーションがありません",
        "this hint is empty": "このヒントは空です",
        "{0} id={1} belongs to no exercise": "{0} id={1} はどの演習にも属していません",
        "exercise `{0}` already has a solution": "演習 `{0}` には既に解答例があります",
        "exercise `{0}` has no ```check id={0} block": "演習 `{0}` に ```check id={0} ブロックがありません",
        "exercise `{0}` has no ```solution id={0} block": "演習 `{0}` に ```solution id={0} ブロックがありません",
        "exercise `{0}` names no simulator: add sim= to the block or `sim:` to the front matter": "演習 `{0}` にシミュレータの指定がありません。ブロックに sim= を付けるか、フロントマターに `sim:` を書いてください",

        // MARK: SummaryParser.swift
        "unknown SUMMARY.md key `{0}`": "不明な SUMMARY.md のキー `{0}`",

        // MARK: Translation.swift
        "`{0}` has no original in the book it translates": "`{0}` に対応する原文が翻訳元の本にありません",
        "the id must stay `{0}`, as in the original": "id は原文と同じ `{0}` のままにしてください",
        "the simulator must stay `{0}`, as in the original": "シミュレータは原文と同じ `{0}` のままにしてください",
        "`{0}` is not translated yet: learners see the original": "`{0}` はまだ翻訳されていません。学習者には原文が表示されます",
        "the exercises must be {0}, in that order, as in the original": "演習は原文と同じく {0} をこの順に並べてください",
        "exercise `{0}` must start exactly as in the original": "演習 `{0}` の初期状態は原文とまったく同じにしてください",
        "the checks of `{0}` must be the original's (only messages may be translated)": "`{0}` のチェックは原文のままにしてください（翻訳してよいのはメッセージだけです）",
        "the solution of `{0}` must be the original's": "`{0}` の解答例は原文のままにしてください",
        "exercise `{0}` needs {1} hint(s), as in the original": "演習 `{0}` には原文と同じく {1} 個のヒントが必要です",
        "the quizzes must be {0}, in that order, as in the original": "問題は原文と同じく {0} をこの順に並べてください",
        "quiz `{0}` must keep the original's {1} choice(s) with the same right answers": "問題 `{0}` は原文の {1} 個の選択肢と同じ正解を保ってください",
        "quiz `{0}` must accept the original's numbers": "問題 `{0}` は原文と同じ数値を正解にしてください",
        "`{0}` is not an ordinary file": "`{0}` は通常のファイルではありません",
        "`{0}` is larger than {1} MiB": "`{0}` は {1} MiB より大きいです",
        "`{0}` is not a valid book id: use lowercase letters, digits and `-`": "`{0}` はブックの id として使えません。小文字、数字、`-` だけにしてください",
    ]
}

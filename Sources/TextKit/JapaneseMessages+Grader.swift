extension JapaneseMessages {
    /// The assertion language, check reports and quizzes (Sources/Grader):
    /// what `check`, `eval` and `answer` say.
    static let grader: KeyValuePairs<String, String> = [
        // MARK: Assertion.swift
        #"write `\u{…}` with a hexadecimal code point, like `\u{1b}`"#: #"`\u{…}` は 16 進のコードポイントで書いてください（例: `\u{1b}`）"#,
        "`{` in a message is never closed (write `{{` for a brace)": "メッセージ中の `{` が閉じられていません（波括弧そのものは `{{` と書きます）",
        "after `=>` write the message in double quotes": "`=>` の後にはメッセージをダブルクォートで囲んで書いてください",

        // MARK: CheckReport.swift
        "`{0}` is {1}, not true or false": "`{0}` は {1} で、true でも false でもありません",
        "`{0}` cannot be evaluated: {1}": "`{0}` を評価できません: {1}",
        "`{0}` does not hold": "`{0}` が成り立っていません",
        "{0} is {1}": "{0} は {1}",

        // MARK: Evaluator.swift
        "unknown state path `{0}`": "不明な状態パス `{0}`",
        "`{0}` is a {1}, it has no `.{2}`": "`{0}` は {1} 型なので `.{2}` はありません",
        "`{0}` has no `{1}`": "`{0}` に `{1}` はありません",
        "index {0} is out of range: `{1}` has {2} item(s)": "インデックス {0} は範囲外です。`{1}` の要素は {2} 個です",
        "cannot index a {0} with a {1}": "{0} 型を {1} 型でインデックスすることはできません",
        "unknown function `{0}`": "不明な関数 `{0}`",
        "`{0}` does not apply to a {1}": "`{0}` は {1} 型には使えません",
        "`{0}` needs true or false on both sides, not a {1}": "`{0}` の両辺は true か false にしてください。{1} 型は使えません",
        "cannot compare a {0} with a {1}": "{0} 型と {1} 型は比較できません",
        "`in` needs a list, a string or a record on its right, not a {0}": "`in` の右辺はリスト、文字列、レコードのいずれかにしてください。{0} 型は使えません",
        "number too large": "数が大きすぎます",
        "cannot add a {0} and a {1}": "{0} 型と {1} 型は足せません",
        "`{0}` needs numbers, not a {1} and a {2}": "`{0}` には数が必要です。{1} 型と {2} 型は使えません",
        "division by zero": "ゼロ除算です",
        "`{0}` takes one argument, not {1}": "`{0}` の引数は1つです（{1} 個ではありません）",
        "`sorted` needs a list of numbers or of strings": "`sorted` には数か文字列のリストが必要です",
        "`{0}` needs a list of numbers": "`{0}` には数のリストが必要です",
        "`{0}` does not take a {1}": "`{0}` は {1} 型を受け取れません",

        // MARK: ExpressionLexer.swift
        "`=` is not an operator here: compare with `==`.": "ここで `=` は演算子ではありません。比較には `==` を使ってください。",
        "unexpected character `{0}`": "予期しない文字 `{0}`",
        "`{0}` is not a number I can read": "`{0}` は数として読めません",
        "unknown unit `{0}` (use B, KiB, MiB, GiB or TiB)": "不明な単位 `{0}`（B、KiB、MiB、GiB、TiB のいずれかを使ってください）",
        "unterminated string": "文字列が閉じられていません",

        // MARK: ExpressionParser.swift
        "unexpected `{0}` after the expression": "式の後に予期しない `{0}` があります",
        "expected `{0}` but found {1}": "`{0}` が来るはずの場所に {1} があります",
        "the end of the line": "行末",
        "expression nested too deeply (more than {0} levels)": "式の入れ子が深すぎます（{0} 段を超えています）",
        "comparisons do not chain: use `&&` between `{0}` comparisons": "比較はつなげて書けません。`{0}` の比較どうしは `&&` でつないでください",
        "expected a name after `.` but found {0}": "`.` の後には名前が来るはずですが、{0} があります",
        "expected an expression but the line ended": "式が来るはずですが、行が終わりました",
        "expected a value but found {0}": "値が来るはずの場所に {0} があります",

        // MARK: Quiz.swift
        "a choice needs some text": "選択肢には文面が必要です",
        "`!` feedback must follow the choice it belongs to": "`!` のフィードバックは対応する選択肢の直後に書いてください",
        "a quiz line starts with `?`, `( )`, `(x)`, `[ ]`, `[x]`, `=`, `!` or `>`": "問題の行は `?`、`( )`、`(x)`、`[ ]`、`[x]`、`=`、`!`、`>` のいずれかで始めてください",
        "the quiz has no question (a line starting with `?`)": "問題に設問（`?` で始まる行）がありません",
        "a quiz is single choice `( )`, multiple choice `[ ]` or free answer `=`, not a mix": "問題は単一選択 `( )`、複数選択 `[ ]`、自由回答 `=` のどれか1種類にしてください",
        "a single-choice quiz needs exactly one correct choice `(x)`, found {0}": "単一選択の問題には正解の選択肢 `(x)` がちょうど1つ必要です（{0} 個あります）",
        "a quiz needs at least two choices": "問題には選択肢が2つ以上必要です",
        "a multiple-choice quiz needs at least one correct choice `[x]`": "複数選択の問題には正解の選択肢 `[x]` が1つ以上必要です",
        "the quiz has no answer: add choices or `= answer` lines": "問題に答えがありません。選択肢か `= answer` の行を追加してください",
        "a pattern answer ends with `/` (or `/i`)": "パターンの答えは `/`（または `/i`）で終えてください",
        "not a valid regular expression: /{0}/": "正しい正規表現ではありません: /{0}/",
        "`{0}` is not a tolerance I can read": "`{0}` は許容誤差として読めません",
        "`=` needs an answer after it": "`=` の後に答えを書いてください",
        "Type your answer after `answer`.": "`answer` の後に答えを入力してください。",
        "`{0}` is not one of the choices ({1}).": "`{0}` は選択肢（{1}）のどれでもありません。",
        "Pick one choice, for example `answer {0}`.": "選択肢を1つ選んでください。例: `answer {0}`",
    ]
}

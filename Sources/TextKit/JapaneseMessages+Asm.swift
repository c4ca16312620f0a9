extension JapaneseMessages {
    /// The `asm` simulator: a byte machine with four registers
    /// (Sources/Simulators/Asm).
    static let asm: KeyValuePairs<String, String> = [
        // MARK: AsmSimulator.swift
        "Memory before variables": "変数以前のメモリ",
        "256 bytes of memory (0x00–0xFF) and registers r0–r3; every value is one byte and arithmetic wraps at 256.": "256バイトのメモリ（0x00–0xFF）とレジスタ r0–r3。値はどれも1バイトで、算術演算は256で一周します。",
        "put a number, or another register's value, in register R": "レジスタ R に数値、またはほかのレジスタの値を入れます",
        "copy the byte at an address into register R": "アドレスにあるバイトをレジスタ R にコピーします",
        "copy a register or a number into the byte at an address": "レジスタの値か数値を、アドレスにあるバイトにコピーします",
        "add to register R (wraps modulo 256)": "レジスタ R に足します（256を法として一周します）",
        "subtract from register R (wraps modulo 256)": "レジスタ R から引きます（256を法として一周します）",
        "reserve SIZE bytes (default 1) at the lowest free address and name them": "空いている一番低いアドレスに SIZE バイト（省略時は1）を確保し、名前を付けます",
        "show memory as a hex dump": "メモリを16進ダンプで表示します",
        "show the registers": "レジスタを表示します",
        "show the named variables and their addresses": "名前を付けた変数とそのアドレスを表示します",
        "the byte at an address, 0–255 (`mem[0x10]`, `mem[vars.age]`)": "アドレスにあるバイト、0–255（`mem[0x10]`、`mem[vars.age]`）",
        "register r0, 0–255": "レジスタ r0、0–255",
        "register r1, 0–255": "レジスタ r1、0–255",
        "register r2, 0–255": "レジスタ r2、0–255",
        "register r3, 0–255": "レジスタ r3、0–255",
        "the address of a variable declared with `.var`": "`.var` で宣言した変数のアドレス",
        "instructions executed (mov, load, store, add, sub)": "実行した命令の数（mov、load、store、add、sub）",
        "(from {0})": "（{0} から）",
        "`{0}` is not a register: use r0, r1, r2 or r3": "`{0}` はレジスタではありません。r0、r1、r2、r3 のどれかを使ってください",
        "`{0}` reads memory, which only `load` does": "`{0}` はメモリを読みますが、メモリを読めるのは `load` だけです",
        "{0} does not fit in a byte (0–255)": "{0} は1バイト（0–255）に収まりません",
        "`{0}` is not an address: write it in brackets, like [0x10], [age] or [r1]": "`{0}` はアドレスではありません。[0x10]、[age]、[r1] のように角括弧で囲んでください",
        "address {0} is outside memory (0x00–0xFF)": "アドレス {0} はメモリ（0x00–0xFF）の外です",
        "`{0}` is a register name; choose another name": "`{0}` はレジスタの名前です。別の名前にしてください",
        "`{0}` is already declared": "`{0}` は既に宣言されています",
        "a variable needs at least 1 byte": "変数には1バイト以上が必要です",
        "no room: {0} byte(s) needed, {1} left": "空きがありません。{0} バイト必要ですが、残りは {1} バイトです",
        "{0} is the byte at {1}": "{0} は {1} にあるバイトです",
        "{0} is the {1} bytes at {2}–{3}": "{0} は {2}–{3} にある {1} バイトです",

        // MARK: AsmOperand.swift
        "`{0}` is not a declared variable": "`{0}` は宣言された変数ではありません",
        "Declare it first with `.var {0}`.": "先に `.var {0}` で宣言してください。",

        // MARK: AsmViews.swift
        "No variables yet: declare one with `.var NAME`.": "変数はまだありません。`.var NAME` で宣言してください。",
        "value": "値",
        "FROM must not be after TO": "FROM は TO より後にできません",

        // MARK: AsmDiagram.swift
        "registers": "レジスタ",
        "memory: {0} bytes, rows of 16 (only rows in use)": "メモリ: {0} バイト、1行16バイト（使っている行だけ）",
        "1 byte": "1バイト",
        "{0} bytes": "{0} バイト",
        "variables": "変数",
    ]
}

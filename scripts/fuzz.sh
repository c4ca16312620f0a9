#!/usr/bin/env bash
# Builds and runs Memory Lane's libFuzzer targets (Tests/Fuzz).
#
#   scripts/fuzz.sh build               build .build-fuzz/<config>/memlane-fuzz
#   scripts/fuzz.sh run [SECONDS]       `make fuzz`: fuzz every target, SECONDS in
#                                       all (default 600, or $FUZZ_SECONDS), then
#                                       minimise each corpus into Tests/Fuzz/Corpus
#   scripts/fuzz.sh replay [SECONDS]    `make test`: run every corpus input, then
#                                       fuzz each target briefly (default 5 s each);
#                                       the committed corpora are left as they are
#   scripts/fuzz.sh list                the targets
#
# A crash (or a broken invariant) stops with the input saved under
# .build-fuzz/crashes/; reproduce it with
#   .build-fuzz/debug/memlane-fuzz --target=NAME .build-fuzz/crashes/NAME-crash-…
# and, once fixed, keep the input in Tests/Fuzz/Corpus/NAME/ and add a unit test.
#
# Environment: SWIFT (swift), FUZZ_CONFIG (debug|release, default debug),
# FUZZ_TARGETS (`run` only these, separated by spaces),
# FUZZ_MAX_LEN (8192), FUZZ_JOBS is not used: one target at a time.
set -euo pipefail
# Swift's own crash backtracer reads memory that AddressSanitizer guards.
export SWIFT_BACKTRACE=enable=no
cd "$(dirname "$0")/.."
ROOT=$PWD
SWIFT=${SWIFT:-swift}
CONFIG=${FUZZ_CONFIG:-debug}
SCRATCH=$ROOT/.build-fuzz
CORPORA=$ROOT/Tests/Fuzz/Corpus
MAX_LEN=${FUZZ_MAX_LEN:-8192}
BIN=$SCRATCH/$CONFIG/memlane-fuzz

# libFuzzer's runtime without its own main (SwiftPM gives the binary one),
# from the clang resource folder of the Swift toolchain.
no_main_runtime() {
    local swiftc clang_dir lib
    swiftc=$(readlink -f "$(command -v "${SWIFT}c" || command -v swiftc)")
    clang_dir=$(dirname "$swiftc")
    lib=$("$clang_dir/clang" -print-file-name="libclang_rt.fuzzer_no_main-$(uname -m).a" 2>/dev/null || true)
    if [ ! -f "$lib" ]; then
        lib=$(ls "$clang_dir"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-"$(uname -m)".a 2>/dev/null | head -1)
    fi
    [ -f "$lib" ] || { echo "fuzz.sh: libclang_rt.fuzzer_no_main not found in the Swift toolchain" >&2; exit 1; }
    echo "$lib"
}

build() {
    local flags=(-Xswiftc -sanitize=address
                 -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
                 -Xlinker "$(no_main_runtime)" -Xlinker -lstdc++)
    # Objects compiled with other flags are not always rebuilt when the flags
    # change, and a module without coverage blinds the fuzzer: start afresh.
    if [ "$(cat "$SCRATCH/flags" 2>/dev/null)" != "${flags[*]}" ]; then rm -rf "$SCRATCH/$CONFIG" "$SCRATCH"/*-unknown-linux-gnu; fi
    mkdir -p "$SCRATCH"
    echo "${flags[*]}" > "$SCRATCH/flags"
    local status=0
    # The build plan is made afresh: SwiftPM does not notice files added to
    # a path dependency (the main package) when it reuses a cached plan.
    "$SWIFT" build --package-path Tests/Fuzz --scratch-path "$SCRATCH" -c "$CONFIG" --disable-build-manifest-caching \
        "${flags[@]}" > "$SCRATCH/build.log" 2>&1 || status=$?
    grep -v -e "Cannot export local symbol" -e "^\[[0-9]*/[0-9]*\]" "$SCRATCH/build.log" | awk '!seen[$0]++' || true
    [ "$status" -eq 0 ] && [ -x "$BIN" ] || { echo "fuzz.sh: the build failed ($SCRATCH/build.log)" >&2; exit 1; }
}

targets() { "$BIN" --list; }

# fuzz TARGET SECONDS WORKDIR: libFuzzer on the target's corpus; new inputs go to WORKDIR.
fuzz() {
    local target=$1 seconds=$2 work=$3
    mkdir -p "$CORPORA/$target" "$work" "$SCRATCH/crashes" "$SCRATCH/dict"
    "$BIN" --dictionary="$target" > "$SCRATCH/dict/$target.dict"
    "$BIN" --target="$target" -dict="$SCRATCH/dict/$target.dict" -max_len="$MAX_LEN" -timeout=20 \
        -rss_limit_mb=4096 -detect_leaks=0 -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$SCRATCH/crashes/$target-" "$work" "$CORPORA/$target" \
        > "$SCRATCH/logs/$target.log" 2>&1
}

summary() { # the target's last status line
    grep -E "^(#[0-9]+|stat::number_of_executed_units|Done)" "$SCRATCH/logs/$1.log" | tail -1 || true
}

report_crash() {
    local target=$1
    echo "FAILED: $target" >&2
    grep -E -A12 "INVARIANT BROKEN|ERROR: (AddressSanitizer|libFuzzer)|Fatal error|deadly signal" "$SCRATCH/logs/$target.log" | head -40 >&2 || true
    ls -t "$SCRATCH"/crashes/"$target"-* 2>/dev/null | head -1 | sed 's/^/  input: /' >&2 || true
}

command=${1:-}
case "$command" in
build)
    build
    ;;
list)
    targets
    ;;
run)
    build
    total=${2:-${FUZZ_SECONDS:-600}}
    list=${FUZZ_TARGETS:-$(targets)}
    count=$(echo $list | wc -w)
    each=$(( total / count )); [ "$each" -ge 10 ] || each=10
    mkdir -p "$SCRATCH/logs"
    export MEMLANE_FUZZ_COMMAND_SECONDS=${MEMLANE_FUZZ_COMMAND_SECONDS:-1}
    failed=0
    for target in $list; do
        work=$SCRATCH/work/$target
        rm -rf "$work"
        echo "fuzzing $target for $each s"
        if ! fuzz "$target" "$each" "$work"; then report_crash "$target"; failed=1; continue; fi
        echo "  $(summary "$target")"
        # Keep the corpus small: a small set of inputs that covers what all of
        # them cover; inputs that once crashed (regression-*) always stay.
        merged=$SCRATCH/merged/$target
        rm -rf "$merged"; mkdir -p "$merged"
        "$BIN" --target="$target" -set_cover_merge=1 -max_len="$MAX_LEN" -timeout=20 "$merged" "$CORPORA/$target" "$work" \
            > "$SCRATCH/logs/$target.merge.log" 2>&1
        cp "$CORPORA/$target"/regression-* "$merged"/ 2>/dev/null || true
        rm -rf "${CORPORA:?}/$target"; mv "$merged" "$CORPORA/$target"
        echo "  corpus: $(ls "$CORPORA/$target" | wc -l) inputs, $(du -sk "$CORPORA/$target" | cut -f1) KiB"
    done
    exit $failed
    ;;
replay)
    build
    each=${2:-${FUZZ_REPLAY_SECONDS:-5}}
    mkdir -p "$SCRATCH/logs"
    failed=0
    for target in $(targets); do
        work=$(mktemp -d)
        if fuzz "$target" "$each" "$work"; then
            echo "fuzz $target: $(ls "$CORPORA/$target" | wc -l) corpus inputs replayed; $(summary "$target")"
        else
            report_crash "$target"; failed=1
        fi
        rm -rf "$work"
    done
    exit $failed
    ;;
*)
    awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"
    exit 2
    ;;
esac

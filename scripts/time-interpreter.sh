#!/usr/bin/env bash
# time-interpreter.sh [FILE_test.go]: times the GoLite interpreter (release
# build) on a benchmark file — by default the case study — and, when Go is
# installed, `go test -bench` on the same file; prints each benchmark's
# time per operation both ways and their ratio, then the interpreter's
# rate on simple statements.
#
# Interpreter time per op = (CPU time of `memlane bench FILE -run ^NAME$
#   -benchtime 50000x` - that of `-run ^$`, which only starts and compiles)
#   / 50001, since each benchmark runs once with b.N = 1, then with b.N = 50000.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-/work/shared/oracle/bench/casestudy_test.go}
[ -f "$file" ] || file=Content/go/bench/casestudy_test.go
swift build -c release --product memlane >/dev/null
bin=$(swift build -c release --show-bin-path)/memlane
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

best() {  # best of 3: CPU seconds (user + system) of a command, steadier than wall time on a busy machine
  local b=""
  for i in 1 2 3; do
    local t
    /usr/bin/time -f "%U %S" -o "$tmp/time.txt" "$@" >/dev/null 2>&1 || true
    t=$(tail -1 "$tmp/time.txt" | awk '{print $1 + $2}')
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
  done
  echo "$b"
}

total=$(best "$bin" bench "$file")
echo "memlane bench $(basename "$file"): ${total}s of CPU (release, best of 3)"
base=$(best "$bin" bench "$file" -run '^$')
GO=$(command -v go || true)
if [ -z "$GO" ] && [ -x /usr/lib/go-1.19/bin/go ]; then GO=/usr/lib/go-1.19/bin/go; fi
if [ -n "$GO" ]; then
  cp "$file" "$tmp/"
  (cd "$tmp" && GOCACHE="$tmp/gocache" GO111MODULE=off "$GO" test -bench . -benchtime=5000x -run '^$' 2>&1) > "$tmp/native.txt" || true
fi
printf "%-28s %14s %14s %8s\n" benchmark "memlane ns/op" "go ns/op" ratio
for name in $(grep -o '^func Benchmark[A-Za-z0-9_]*' "$file" | cut -d' ' -f2); do
  t=$(best "$bin" bench "$file" -run "^${name}\$" -benchtime 50000x)
  ours=$(echo "($t - $base) * 1000000000 / 50001" | bc)
  native=""
  ratio=""
  if [ -f "$tmp/native.txt" ]; then
    native=$(grep "^${name}-" "$tmp/native.txt" | awk '{print $3}')
    [ -n "$native" ] && ratio=$(echo "scale=1; $ours / $native" | bc)
  fi
  printf "%-28s %14s %14s %8s\n" "$name" "$ours" "${native:--}" "${ratio:--}"
done

# Simple statements: an empty loop stopped by the step budget.
printf 'package main\n\nfunc main() {\n\tx := 0\n\tfor {\n\t\tx++\n\t}\n}\n' > "$tmp/loop.go"
steps=200000000
t=$(best "$bin" run --steps $steps "$tmp/loop.go")
echo "simple statements: $(echo "$steps / $t / 1000000" | bc)M per second ($steps in ${t}s)"

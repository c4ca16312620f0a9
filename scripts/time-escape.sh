#!/usr/bin/env bash
# time-escape.sh [LINES]: times `memlane escape` (release build) on a
# generated GoLite file of LINES lines (default 10000), and `go build
# -gcflags='-m -l'` on the same file when Go is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 scripts/gen-golite.py "$lines" > "$tmp/big.go"
swift build -c release --product memlane >/dev/null
bin=$(swift build -c release --show-bin-path)/memlane
best=""
for i in 1 2 3; do
  start=$(date +%s.%N)
  "$bin" escape "$tmp/big.go" > "$tmp/ours.txt"
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done
echo "memlane escape: $lines lines, $(wc -l < "$tmp/ours.txt") diagnostics, best of 3: ${best}s"
GO=$(command -v go || true)
if [ -z "$GO" ] && [ -x /usr/lib/go-1.19/bin/go ]; then GO=/usr/lib/go-1.19/bin/go; fi
if [ -n "$GO" ]; then
  export GOCACHE="$tmp/gocache" GO111MODULE=off
  start=$(date +%s.%N)
  (cd "$tmp" && "$GO" build -gcflags='-m -l' -o /dev/null big.go 2> go.txt) || true
  end=$(date +%s.%N)
  echo "go build -gcflags='-m -l': $(echo "$end - $start" | bc)s (cold cache)"
  if diff <(grep -v '^#' "$tmp/go.txt" | sed 's#^\./##' | sort) <(sort "$tmp/ours.txt" | sed "s#^$tmp/##") >/dev/null; then
    echo "outputs agree"
  else
    echo "outputs differ"
  fi
fi

#!/bin/sh
# run.sh - coder throughput on a fixed corpus
#
#   sh bench/run.sh path/to/casus [CORPUS.jsonl]     (`make bench` runs this)
#
# Codes the corpus (default: demo/corpus.jsonl, repeated to at least
# 2,000 documents so the timing is not all start-up) with the default
# dictionaries, output discarded, and prints documents and bytes per
# second.  Timing only: nothing here is asserted by the tests.
set -eu

if [ $# -lt 1 ]; then
    echo "usage: sh bench/run.sh CASUS_BINARY [CORPUS.jsonl]" >&2
    exit 2
fi
case $1 in
/*) bin=$1 ;;
*) bin=$(pwd)/$1 ;;
esac
cd "$(dirname "$0")/.."
corpus=${2:-demo/corpus.jsonl}
if [ ! -f "$corpus" ]; then
    echo "bench: $corpus is missing" >&2
    exit 1
fi

mkdir -p bench/out
input=bench/out/input.jsonl
: >"$input"
while [ "$(wc -l <"$input")" -lt 2000 ]; do
    cat "$corpus" >>"$input"
done
docs=$(wc -l <"$input")
bytes=$(wc -c <"$input")

start=$(date +%s.%N)
"$bin" code --tolerate-rejects "$input" >/dev/null 2>bench/out/stderr
end=$(date +%s.%N)
tail -n 1 bench/out/stderr
awk -v s="$start" -v e="$end" -v d="$docs" -v b="$bytes" 'BEGIN {
    t = e - s; if (t <= 0) t = 1e-9
    printf "%d documents, %.1f MB in %.2f s: %.0f documents/s, %.2f MB/s\n",
           d, b / 1e6, t, d / t, b / 1e6 / t }'

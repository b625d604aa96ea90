#!/bin/sh
# run.sh - throughput, load time and memory of `casus code`
#
#   sh bench/run.sh CASUS_BINARY [SET...]      (`make bench` runs this)
#
# SET is `default` (the bundled dictionaries in data/) or `tabari` (TABARI's
# production dictionaries from ../shared/anchors/tabari-dictionaries, named
# by a project file written into bench/out/); both when none is given.
#
# For each set it reports, as medians over RUNS runs (default 3), one row
# per way of running (every stage on: places, dates, counts, JSONL out):
#   -j1   one thread;
#   -j2   two threads (when the binary has --jobs), same output;
#   db    one thread, also writing a fresh SQLite store (--db);
# with these columns:
#   - dictionary load time: coding an empty input;
#   - sentences/s and MB/s on the corpus, whole runs including load;
#   - the same with load time subtracted ("after load");
#   - peak resident memory (GNU time's %M);
#   - a plain `wc -w` pass over the same bytes in the same run, so that the
#     result can be read as a ratio on a noisy machine.
# The corpus is ../shared/corpora/news-dev.jsonl (or $BENCH_CORPUS)
# repeated to at least $BENCH_MB megabytes (default 50); each copy gets
# its own document ids ("r2-guardian-3"), as a real archive would, so the
# store row inserts rather than replaces.  Nothing here is asserted by the
# tests: this is a measurement, not a test.
set -eu

if [ $# -lt 1 ]; then
    echo "usage: sh bench/run.sh CASUS_BINARY [default|tabari]..." >&2
    exit 2
fi
case $1 in
/*) bin=$1 ;;
*) bin=$(pwd)/$1 ;;
esac
shift
cd "$(dirname "$0")/.."
sets=${*:-default tabari}
runs=${RUNS:-3}
mb=${BENCH_MB:-50}
corpus=${BENCH_CORPUS:-../shared/corpora/news-dev.jsonl}
out=bench/out
mkdir -p "$out"

if [ ! -f "$corpus" ]; then
    echo "bench: $corpus is missing (it lives in ../shared, beside the" \
         "repository; set BENCH_CORPUS to another JSONL corpus)" >&2
    exit 1
fi
if [ ! -x /usr/bin/time ]; then
    echo "bench: GNU time (/usr/bin/time) is needed for peak memory;" \
         "apt-get install time" >&2
    exit 1
fi

# the input: the corpus repeated to the target size, ids made unique
input=$out/input.jsonl
: >"$input"
copy=0
while [ "$(wc -c <"$input")" -lt $((mb * 1000000)) ]; do
    copy=$((copy + 1))
    sed "s/^{\"id\": \"/{\"id\": \"r$copy-/" "$corpus" >>"$input"
done
: >"$out/empty.jsonl"
bytes=$(wc -c <"$input")

# TABARI's production set, by reference (nothing is copied into the repo)
prod=../shared/anchors/tabari-dictionaries
if [ -d "$prod" ]; then
    here=$(cd "$prod" && pwd)
    if [ ! -f "$out/CountryInfo.120116.actors" ]; then
        (cd "$out" && unzip -o -q "$here/CountryInfo.120116.actors.zip")
    fi
    cat >"$out/tabari.project" <<EOF
<actorfile> $(pwd)/$out/CountryInfo.120116.actors
<actorfile> $here/CAMEO.ECS.120522.actors
<actorfile> $here/CAMEO.RCS.120521.actors
<actorfile> $here/Internatnl.120521.actors
<actorfile> $here/Levant.080629.actors
<agentfile> $here/PSU.120522.agents
<verbfile> $here/CAMEO.080612.verbs
<optionsfile> $here/CAMEO.09b5.options
EOF
fi

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# time_run FILE ARGS... -> "seconds peak_kb", stderr of casus in $out/err
time_run() {
    /usr/bin/time -f "%e %M" -o "$out/time" "$@" >/dev/null 2>"$out/err" || true
    cat "$out/time"
}

# the ways of running: -j2 only when this casus has --jobs
modes="-j1"
if "$bin" code --help 2>/dev/null | grep -q -- '--jobs'; then
    modes="$modes -j2"
fi
modes="$modes db"

printf '%-8s %-4s %7s %10s %12s %7s %8s %7s %6s\n' set run load_s sent/s \
    sent/s_load MB/s peak_MB wc_s ratio
for set in $sets; do
    case $set in
    default) dict="" ;;
    tabari)
        if [ ! -f "$out/tabari.project" ]; then
            echo "bench: $prod is missing; skipping the tabari set" >&2
            continue
        fi
        dict="--dict $out/tabari.project" ;;
    *) echo "bench: unknown set '$set'" >&2; exit 2 ;;
    esac
    for mode in $modes; do
        case $mode in
        -j1) extra="" ;;
        -j2) extra="-j 2" ;;
        db) extra="--db $out/bench.db" ;;
        esac
        : >"$out/load" ; : >"$out/full" ; : >"$out/peak" ; : >"$out/wc"
        for _ in $(seq "$runs"); do
            rm -f "$out/bench.db" "$out/bench.db-wal" "$out/bench.db-shm"
            # shellcheck disable=SC2086
            time_run "$bin" code --tolerate-rejects $dict "$out/empty.jsonl" |
                awk '{ print $1 }' >>"$out/load"
            rm -f "$out/bench.db" "$out/bench.db-wal" "$out/bench.db-shm"
            # shellcheck disable=SC2086
            r=$(time_run "$bin" code --tolerate-rejects $dict $extra "$input")
            echo "$r" | awk '{ print $1 }' >>"$out/full"
            echo "$r" | awk '{ print $2 }' >>"$out/peak"
            s=$(date +%s.%N)
            wc -w "$input" >/dev/null
            e=$(date +%s.%N)
            echo "$e - $s" | bc >>"$out/wc"
        done
        sentences=$(sed -nE \
            's/^casus: [0-9]+ documents, ([0-9]+) sentences.*/\1/p' "$out/err")
        load=$(median <"$out/load")
        full=$(median <"$out/full")
        peak=$(median <"$out/peak")
        wct=$(median <"$out/wc")
        awk -v set="$set" -v m="$mode" -v l="$load" -v f="$full" -v p="$peak" \
            -v w="$wct" -v n="$sentences" -v b="$bytes" 'BEGIN {
            if (f <= 0) f = 0.01
            a = f - l; if (a <= 0) a = 0.01
            if (w <= 0) w = 0.001
            printf "%-8s %-4s %7.2f %10.0f %12.0f %7.2f %8.1f %7.3f %6.1f\n",
                set, m, l, n / f, n / a, b / 1e6 / f, p / 1024, w, f / w }'
    done
done
rm -f "$out/bench.db" "$out/bench.db-wal" "$out/bench.db-shm"
echo "($runs runs each; $(wc -l <"$input") documents, $bytes bytes," \
     "$sentences sentences; ratio = casus time / wc -w time)"

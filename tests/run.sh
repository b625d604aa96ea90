#!/bin/sh
# run.sh - run every kind of test and end with one summary line
#
#   sh tests/run.sh BUILD_DIR        (make test / make check call this)
#
# Kinds: unit tests (each cmocka binary in BUILD/tests/unit; every test
# case counts), CLI tests (tests/cli/*.sh), the header test, the fuzz
# corpus replay (one test per fuzz target), and the golden coding tests
# (tests/coding/run.sh, which prints its own "N passed, N failed" line).
# The last line is exactly "N passed, N failed" (", N skipped" added when
# something was skipped); the exit status is 1 when anything failed.
#
# A CLI test tests/cli/NAME.sh runs with its working directory set to a
# fresh scratch folder and these variables:
#   CASUS   the casus binary        SRCDIR  the source tree
#   RES     SRCDIR/tests/resources  WORK    the scratch folder (also TMPDIR)
# Expectations beside it, each optional:
#   NAME.exit         the exit status (default 0)
#   NAME.stdout       exact stdout        NAME.stderr       exact stderr
#   NAME.stdout.grep  NAME.stderr.grep    one extended regexp per line;
#                                         each must match some output line
# A test that exits 77 is skipped (it lacks a tool it needs); the last
# line of its stderr says why.
set -u

if [ $# -ne 1 ]; then
    echo "usage: sh tests/run.sh BUILD_DIR" >&2
    exit 2
fi
top=$(cd "$(dirname "$0")/.." && pwd)
case $1 in
/*) build=$1 ;;
*) build=$(pwd)/$1 ;;
esac
cd "$top" || exit 2

passed=0 failed=0 skipped=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/casus-tests.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# Sanitizer reports must not pass for an expected exit status of 1.
ASAN_OPTIONS="exitcode=99${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
UBSAN_OPTIONS="exitcode=99:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export ASAN_OPTIONS UBSAN_OPTIONS

ok() { passed=$((passed + 1)); echo "  ok    $1"; }
bad() { failed=$((failed + 1)); echo "  FAIL  $1"; }
# Show a file indented, at most 40 lines.
show() { sed -n '1,40s/^/        /p' "$1"; }

# ---- unit tests ----------------------------------------------------
echo "unit tests:"
for src in $(find tests/unit -name '*.c' 2>/dev/null | sort); do
    name=${src#tests/unit/}
    name=${name%.c}
    bin=$build/tests/unit/$name
    if [ ! -x "$bin" ]; then
        bad "unit/$name (not built: $bin)"
        continue
    fi
    "$bin" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    n_ok=$(grep -c '^\[       OK \]' "$tmp/out")
    n_bad=$(grep -c '^\[  FAILED  \]' "$tmp/out")
    n_skip=$(grep -c '^\[  SKIPPED \]' "$tmp/out")
    n_run=$(grep -c '^\[ RUN      \]' "$tmp/out")
    # A case that started and never finished crashed the binary.
    n_bad=$((n_bad + n_run - n_ok - n_bad - n_skip))
    # A leak report or a crash outside any case fails the binary.
    [ $rc -ne 0 ] && [ $n_bad -eq 0 ] && n_bad=1
    passed=$((passed + n_ok))
    failed=$((failed + n_bad))
    skipped=$((skipped + n_skip))
    if [ $n_bad -gt 0 ]; then
        echo "  FAIL  unit/$name ($n_ok passed, $n_bad failed, exit $rc)"
        grep -h '^\[  FAILED  \]\|^\[  ERROR   \]\|^\[   LINE   \]' \
            "$tmp/out" "$tmp/err" | sort -u | sed 's/^/        /'
        grep -h 'Sanitizer\|runtime error' "$tmp/err" | sed 's/^/        /'
    else
        msg="$n_ok passed"
        [ $n_skip -gt 0 ] && msg="$msg, $n_skip skipped"
        echo "  ok    unit/$name ($msg)"
        grep -h '^skipped: ' "$tmp/out" | sed 's/^/        /'
    fi
done

# ---- CLI tests -----------------------------------------------------
echo "CLI tests:"
# grep_all PATTERNS FILE: every non-empty line of PATTERNS matches FILE.
grep_all() {
    while IFS= read -r pat || [ -n "$pat" ]; do
        [ -z "$pat" ] && continue
        grep -Eq -- "$pat" "$2" || { echo "        no line matches: $pat"; return 1; }
    done <"$1"
    return 0
}
for t in tests/cli/*.sh; do
    [ -f "$t" ] || continue
    base=${t%.sh}
    name=$(basename "$base")
    work=$tmp/cli/$name
    mkdir -p "$work"
    (cd "$work" && CASUS=$build/casus SRCDIR=$top RES=$top/tests/resources \
        WORK=$work TMPDIR=$work sh "$top/$t") \
        >"$tmp/cli-$name.out" 2>"$tmp/cli-$name.err" </dev/null
    rc=$?
    if [ $rc -eq 77 ]; then
        skipped=$((skipped + 1))
        echo "  skip  cli/$name: $(tail -n 1 "$tmp/cli-$name.err")"
        continue
    fi
    want=0
    [ -f "$base.exit" ] && want=$(cat "$base.exit")
    why=""
    [ "$rc" = "$want" ] || why="exit $rc, expected $want"
    if [ -f "$base.stdout" ] && ! cmp -s "$base.stdout" "$tmp/cli-$name.out"; then
        why="${why:+$why; }stdout differs"
        diff "$base.stdout" "$tmp/cli-$name.out" >"$tmp/diff"
        show "$tmp/diff" >"$tmp/why-$name"
    fi
    if [ -f "$base.stderr" ] && ! cmp -s "$base.stderr" "$tmp/cli-$name.err"; then
        why="${why:+$why; }stderr differs"
        diff "$base.stderr" "$tmp/cli-$name.err" >"$tmp/diff"
        show "$tmp/diff" >>"$tmp/why-$name"
    fi
    for stream in stdout stderr; do
        pats=$base.$stream.grep
        [ -f "$pats" ] || continue
        out=$tmp/cli-$name.out
        [ $stream = stderr ] && out=$tmp/cli-$name.err
        grep_all "$pats" "$out" >>"$tmp/why-$name" ||
            why="${why:+$why; }$stream lacks a pattern"
    done
    if [ -z "$why" ]; then
        ok "cli/$name"
    else
        bad "cli/$name: $why"
        [ -f "$tmp/why-$name" ] && cat "$tmp/why-$name"
        echo "        stderr was:"
        show "$tmp/cli-$name.err"
    fi
done

# ---- header test ---------------------------------------------------
echo "header test:"
if make -s headertest BUILD="$build" >"$tmp/ht" 2>&1; then
    ok "headertest"
else
    bad "headertest"
    show "$tmp/ht"
fi

# ---- fuzz corpus replay --------------------------------------------
echo "fuzz corpus replay:"
for f in fuzz/*_fuzzer.c; do
    [ -f "$f" ] || continue
    target=$(basename "$f" _fuzzer.c)
    bin=$build/fuzz/${target}_replay
    corpus=fuzz/corpora/$target
    if [ ! -x "$bin" ]; then
        bad "fuzz/$target (not built: $bin)"
    elif [ ! -d "$corpus" ]; then
        bad "fuzz/$target (no corpus $corpus)"
    elif "$bin" "$corpus" >"$tmp/fz" 2>&1; then
        ok "fuzz/$target ($(tail -n 1 "$tmp/fz"))"
    else
        bad "fuzz/$target"
        show "$tmp/fz"
    fi
done

# ---- golden coding tests -------------------------------------------
runner=""
if [ -f tests/coding/run.sh ]; then
    runner="sh tests/coding/run.sh $build"
elif [ -x "$build/tests/coding-runner" ]; then
    runner="$build/tests/coding-runner $(ls tests/coding/*.test 2>/dev/null)"
fi
if [ -n "$runner" ]; then
    echo "coding tests:"
    $runner >"$tmp/coding" 2>&1
    rc=$?
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$tmp/coding" | tail -n 1)
    if [ -z "$line" ]; then
        bad "coding (exit $rc, no 'N passed, N failed' line)"
        show "$tmp/coding"
    else
        p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
        f=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
        s=$(echo "$line" | sed -nE 's/.*, ([0-9]+) skipped.*/\1/p')
        passed=$((passed + p))
        failed=$((failed + f))
        skipped=$((skipped + ${s:-0}))
        [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && {
            bad "coding (exit $rc although no case failed)"
            f=1
        }
        if [ "$f" -gt 0 ]; then
            grep -v -E '^[0-9]+ passed, [0-9]+ failed' "$tmp/coding" |
                tail -n 40 | sed 's/^/        /'
        fi
        echo "  coding: $line"
    fi
fi

summary="$passed passed, $failed failed"
[ $skipped -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ $failed -eq 0 ]

# Coding a corpus in three pieces (split -n l/3), each piece into a store
# of its own, and merging the three stores gives the rows that coding the
# whole corpus into one store gives, events in the same order; the
# pieces' JSONL, concatenated, is the whole run's JSONL (doc/parallel.md).
command -v sqlite3 >/dev/null || {
    echo "skipped: the sqlite3 command-line program is not installed" >&2
    exit 77
}
corpus=$SRCDIR/demo/corpus.jsonl
split -n l/3 "$corpus" piece. || exit 99
set -- piece.a?
echo "$# pieces"
for p in "$@"; do
    [ -s "$p" ] || echo "$p is empty"
    "$CASUS" code --db "$p.db" --format jsonl "$p" >"$p.jsonl" 2>/dev/null ||
        echo "coding $p failed"
done
"$CASUS" code --db whole.db --format jsonl "$corpus" >whole.jsonl 2>/dev/null
"$CASUS" merge merged.db piece.aa.db piece.ab.db piece.ac.db 2>merge.err
echo "merge exit $?"

# The summary counts what the whole run stored.
want=$(sqlite3 whole.db "SELECT 'casus: merged '
    || (SELECT count(*) FROM documents) || ' documents, '
    || (SELECT count(*) FROM events) || ' events from 3 stores'")
[ "$(cat merge.err)" = "$want" ] && echo "summary right" || cat merge.err

sh "$RES/store-cmp.sh" whole.db merged.db
cat piece.a?.jsonl >pieces.jsonl
[ -s whole.jsonl ] && cmp -s whole.jsonl pieces.jsonl && echo "jsonl: same" ||
    echo "jsonl: differ"

# The split-and-merge of merge_split.sh through GNU parallel, both ways
# doc/parallel.md shows: one job per piece of split -n l/3, and --pipe
# blocks of stdin with a store per job ({#}).  --keep-order keeps the
# JSONL in input order, and merging the stores in job order gives the
# rows of the whole run.  Skipped without GNU parallel.
command -v sqlite3 >/dev/null || {
    echo "skipped: the sqlite3 command-line program is not installed" >&2
    exit 77
}
command -v parallel >/dev/null || {
    echo "skipped: GNU parallel is not installed (Debian package parallel)" >&2
    exit 77
}
corpus=$SRCDIR/demo/corpus.jsonl
"$CASUS" code --db whole.db --format jsonl "$corpus" >whole.jsonl 2>/dev/null

echo "pieces:"
split -n l/3 "$corpus" piece. || exit 99
parallel --will-cite --keep-order "$CASUS" code --db {}.db --format jsonl {} \
    ::: piece.a? >pieces.jsonl 2>/dev/null || echo "parallel failed"
"$CASUS" merge pieces.db piece.a?.db 2>/dev/null || echo "merge failed"
sh "$RES/store-cmp.sh" whole.db pieces.db
cmp -s whole.jsonl pieces.jsonl && echo "jsonl: same" || echo "jsonl: differ"

echo "blocks:"
parallel --will-cite --pipe --block 4k --keep-order \
    "$CASUS" code --db block{#}.db --format jsonl \
    <"$corpus" >blocks.jsonl 2>/dev/null || echo "parallel failed"
n=$(ls block*.db | wc -l)
[ "$n" -gt 3 ] && echo "more than 3 blocks" || echo "only $n blocks"
"$CASUS" merge blocks.db $(seq -f 'block%g.db' "$n") 2>/dev/null ||
    echo "merge failed"
sh "$RES/store-cmp.sh" whole.db blocks.db
cmp -s whole.jsonl blocks.jsonl && echo "jsonl: same" || echo "jsonl: differ"

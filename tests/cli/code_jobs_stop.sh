# A store error stops the run (exit 2) at the same document for any -j,
# with the same events on stdout before it and the same summary; the
# batches read ahead are dropped.  A trigger in the database refuses
# document demo-020 (sqlite3 is needed, as in code_places).
"$CASUS" code --db refuse.db </dev/null 2>/dev/null
sqlite3 refuse.db "CREATE TRIGGER refuse BEFORE INSERT ON documents
                   WHEN NEW.id = 'demo-020'
                   BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
export CASUS_BATCH_DOCS=2
for j in 1 2 3; do
    cp refuse.db run.db
    "$CASUS" code -j $j --format jsonl --db run.db \
        "$SRCDIR/demo/corpus.jsonl" >"$j.out" 2>"$j.err"
    echo "-j $j: exit $?, $(sqlite3 run.db 'SELECT count(*) FROM documents') documents stored"
done
for j in 2 3; do
    cmp -s 1.out $j.out && cmp -s 1.err $j.err && echo "-j $j: same output"
done
sed -E 's/ [0-9]+ sentences, [0-9]+ events,//' 1.err
tail -n 1 1.out | grep -o '"doc":"[^"]*"'

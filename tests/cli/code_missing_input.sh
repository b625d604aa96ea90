# A missing input is reported; the other inputs are still coded.
cd "$RES/bad" || exit 99
"$CASUS" code --dict tiny.verbs --db "$WORK/out.db" nope.jsonl good.jsonl
status=$?
sqlite3 "$WORK/out.db" "SELECT count(*) FROM documents"
exit $status

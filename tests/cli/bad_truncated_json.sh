# A truncated JSON line is rejected with input and line; the documents
# around it are still coded (the store holds both).
cd "$RES/bad" || exit 99
"$CASUS" code --dict tiny.verbs --db "$WORK/out.db" truncated.jsonl
status=$?
sqlite3 "$WORK/out.db" "SELECT id FROM documents ORDER BY id"
exit $status

# A line with invalid UTF-8 (a Latin-1 byte) is rejected with input, line
# and column; the documents around it are still coded.
cd "$RES/bad" || exit 99
"$CASUS" code --dict tiny.verbs --db "$WORK/out.db" bad-utf8.jsonl
status=$?
sqlite3 "$WORK/out.db" "SELECT id FROM documents ORDER BY id"
exit $status

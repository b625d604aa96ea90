# A line of binary junk (an ELF header with NUL bytes) is rejected as
# binary; the documents around it are still coded.
cd "$RES/bad" || exit 99
"$CASUS" code --dict tiny.verbs --db "$WORK/out.db" binary.jsonl
status=$?
sqlite3 "$WORK/out.db" "SELECT id FROM documents ORDER BY id"
exit $status

# A .txt input is one document named after the file; stdin is JSONL.
cd "$RES/bad" || exit 99
"$CASUS" code --dict tiny.verbs --db "$WORK/out.db" story.txt 2>/dev/null
"$CASUS" code --dict tiny.verbs --db "$WORK/out.db" <good.jsonl 2>/dev/null
sqlite3 "$WORK/out.db" "SELECT id, length(text) FROM documents ORDER BY id"

# Coding the same documents twice into one store replaces their rows.
cd "$RES/bad" || exit 99
"$CASUS" code --dict tiny.verbs --db "$WORK/out.db" good.jsonl 2>/dev/null
"$CASUS" code --dict tiny.verbs --db "$WORK/out.db" good.jsonl 2>/dev/null
sqlite3 "$WORK/out.db" "SELECT count(*) FROM documents; SELECT count(*) FROM sentences WHERE doc = 'one'; PRAGMA user_version"

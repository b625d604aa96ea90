# --tolerate-rejects still reports the reject but exits 0.
cd "$RES/bad" || exit 99
"$CASUS" code --dict tiny.verbs --tolerate-rejects --db "$WORK/out.db" truncated.jsonl

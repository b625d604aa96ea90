# A store that cannot be opened stops the run with exit 2.
cd "$RES/bad" || exit 99
"$CASUS" code --dict tiny.verbs --db /nonexistent-dir/events.db good.jsonl

# A malformed dictionary line is reported with its file and line, and
# the run goes on with the rest of the dictionary.
cd "$RES/bad" || exit 99
"$CASUS" code --dict bad.verbs --db "$WORK/out.db" good.jsonl

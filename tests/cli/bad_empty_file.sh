# An empty input is not an error: no documents, no messages but the
# summary, exit 0.
cd "$RES/bad" || exit 99
"$CASUS" code --dict tiny.verbs empty.jsonl

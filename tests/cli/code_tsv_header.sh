# --format tsv starts with the 61 GDELT 2.0 column names.
cd "$RES/bad" || exit 99
"$CASUS" code --dict tiny.verbs --format tsv empty.jsonl 2>/dev/null | head -n 1 | tr "\t" "\n" | sed -n "1p;27p;61p;\$="

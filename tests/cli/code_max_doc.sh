# --max-doc sets the limit; a size that is not one is a usage error.
cd "$RES/bad" || exit 99
"$CASUS" code --dict tiny.verbs --max-doc=bogus good.jsonl
echo "exit $?"
"$CASUS" code --dict tiny.verbs --max-doc 50 --db "$WORK/out.db" good.jsonl

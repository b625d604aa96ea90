# -j / --jobs takes a number of threads from 0 (one per CPU) to 256;
# anything else is a usage error (exit 2) naming the option and value.
cd "$RES/bad" || exit 99
for arg in "-j x" "-j -1" "--jobs=257" "-j2x" "--jobs ''"; do
    eval "\"\$CASUS\" code --dict tiny.verbs $arg good.jsonl" 2>&1
    echo "exit $?"
done
"$CASUS" code --dict tiny.verbs good.jsonl -j 2>&1
echo "exit $?"
# Good values: -j N, -jN, --jobs N, --jobs=N.
for arg in "-j 0" "-j3" "--jobs 2" "--jobs=1"; do
    eval "\"\$CASUS\" code --dict tiny.verbs $arg good.jsonl" 2>&1
    echo "exit $?"
done

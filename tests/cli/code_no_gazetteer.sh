# A --gazetteer that cannot be opened stops the run with exit 2, naming
# the file; a missing default gazetteer only warns, and the events come
# without a location.
printf 'SERBIA [SRB]\nKOSOVO [KSV]\n' >tiny.actors
printf '%s\n' '{"id":"a","text":"Serbia again accuse Kosovo of new raids on the villages in Pristina."}' >a.jsonl
"$CASUS" code --dict tiny.actors --dict "$RES/bad/tiny.verbs" \
    --gazetteer "$WORK/nowhere.bin" a.jsonl
echo "exit $?"
CASUS_DATA=$WORK "$CASUS" code --dict tiny.actors \
    --dict "$RES/bad/tiny.verbs" a.jsonl | grep -c '"location":null'
echo "exit $?"

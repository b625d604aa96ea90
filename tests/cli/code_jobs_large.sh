# A document over 4 MB is coded alone (cli/pipeline.c) and its coder
# trims its memory after it (casus_coder_trim); neither may change the
# output.  The corpus: small documents, a 4.6 MB one made of demo texts,
# small ones again, a second large one, and the last small ones; -j 2 and
# -j 3 must write what -j 1 writes, with the large documents' events in
# their place.
demo=$SRCDIR/demo/corpus.jsonl
texts=$(sed -E 's/.*"text": *"(([^"\\]|\\.)*)".*/\1/' "$demo" | tr '\n' ' ')
big() {
    printf '{"id":"%s","date":"2024-03-20","text":"' "$1"
    i=0
    while [ $i -lt 340 ]; do
        printf '%s ' "$texts"
        i=$((i + 1))
    done
    printf '"}\n'
}
{
    sed -n '1,10p' "$demo"
    big large-1
    sed -n '11,30p' "$demo"
    big large-2
    sed -n '31,$p' "$demo"
} >corpus.jsonl
size=$(wc -c <corpus.jsonl)
[ "$size" -gt 9000000 ] && echo "corpus: over 9 MB"
export CASUS_BATCH_DOCS=4
for j in 1 2 3; do
    "$CASUS" code -j $j corpus.jsonl >"out-$j" 2>"err-$j"
    echo "exit $?" >>"err-$j"
done
for j in 2 3; do
    cmp -s out-1 "out-$j" && cmp -s err-1 "err-$j" && echo "-j $j: same"
done
grep -c '"doc":"large-1"' out-1 | sed -E 's/^[1-9][0-9]{3,}$/large-1: thousands of events/'
grep -c '"doc":"large-2"' out-1 | sed -E 's/^[1-9][0-9]{3,}$/large-2: thousands of events/'
tail -n 1 out-1 | grep -q '"doc":"demo-' && echo "last: a small document"

# The messages of a run come out in input order, the same for any -j:
# records the parser rejects (bad JSON, bad UTF-8, binary bytes), one the
# reader refuses (over --max-doc), and an input that cannot be opened,
# among good documents, one record to a batch.  Workers parse, so the
# rejections are found on other threads; the writer says them in order.
cd "$RES/bad" || exit 99
{
    cat good.jsonl
    printf '{"id":"long","text":"%s"}\n' \
        "$(printf 'word %.0s' $(seq 40))"
    cat bad-utf8.jsonl
} >"$WORK/mixed.jsonl"
export CASUS_BATCH_DOCS=1
for j in 1 2 3; do
    "$CASUS" code -j $j --dict tiny.verbs --max-doc 150 truncated.jsonl \
        "$WORK/mixed.jsonl" nope.jsonl binary.jsonl story.txt \
        >"$WORK/out-$j" 2>"$WORK/err-$j"
    echo "exit $?" >>"$WORK/err-$j"
done
for j in 2 3; do
    cmp -s "$WORK/out-1" "$WORK/out-$j" && echo "-j $j: same stdout"
    cmp -s "$WORK/err-1" "$WORK/err-$j" && echo "-j $j: same stderr"
done
sed "s|$WORK/||" "$WORK/err-1"

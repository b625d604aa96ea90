# A 50 MB one-line document, over the default limit of 16 MiB, is
# rejected with its size; the documents around it are still coded.  The
# file is made here, in the scratch folder, never committed.
{
    echo "{\"id\":\"before\",\"text\":\"Nothing to report here.\"}"
    printf "{\"id\":\"big\",\"text\":\""
    head -c 52428800 /dev/zero | tr "\\000" a
    echo "\"}"
    echo "{\"id\":\"after\",\"text\":\"Nothing to report here either.\"}"
} >big.jsonl
"$CASUS" code --dict "$RES/bad/tiny.verbs" --db out.db big.jsonl
status=$?
sqlite3 out.db "SELECT id FROM documents ORDER BY id"
exit $status

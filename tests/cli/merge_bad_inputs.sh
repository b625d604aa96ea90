# A bad input store is reported with its name and skipped: the others
# still merge, the summary counts them, and the exit status is 1.  A
# missing input is not created.
command -v sqlite3 >/dev/null || {
    echo "skipped: the sqlite3 command-line program is not installed" >&2
    exit 77
}
cd "$RES/bad" || exit 99
"$CASUS" code --dict tiny.verbs --db "$WORK/good.db" good.jsonl 2>/dev/null
cd "$WORK" || exit 99
printf '%s\n' "not a database: just a line of text long enough to fill the header SQLite reads" >garbage.db
sqlite3 other.db "CREATE TABLE t(x)"
: >empty.db
"$CASUS" merge out.db garbage.db missing.db good.db other.db out.db empty.db
echo "exit $?"
[ -e missing.db ] && echo "missing.db was created"
sqlite3 out.db "SELECT id FROM documents ORDER BY id"

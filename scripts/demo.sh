#!/bin/sh
# demo.sh - code the demo corpus into demo/events.db and summarise it
#
#   sh scripts/demo.sh path/to/casus        (`make demo` runs this)
#
# Codes demo/corpus.jsonl with the default dictionaries into a fresh
# demo/events.db, then prints the events per CAMEO root and the ten most
# frequent actor pairs, read back from the database with sqlite3.
set -eu

if [ $# -ne 1 ]; then
    echo "usage: sh scripts/demo.sh CASUS_BINARY" >&2
    exit 2
fi
case $1 in
/*) bin=$1 ;;
*) bin=$(pwd)/$1 ;;
esac
cd "$(dirname "$0")/.."
corpus=demo/corpus.jsonl
db=demo/events.db

if [ ! -f "$corpus" ]; then
    echo "demo: $corpus is missing" >&2
    exit 1
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "demo: the sqlite3 program is missing; run: sh scripts/install-deps.sh" >&2
    exit 1
fi

rm -f "$db" "$db-wal" "$db-shm"
echo "coding $corpus into $db"
status=0
"$bin" code --db "$db" "$corpus" || status=$?
if [ $status -ge 2 ]; then
    echo "demo: casus code failed (exit $status)" >&2
    exit $status
fi

n_events=$(sqlite3 "$db" "SELECT count(*) FROM events")
if [ "$n_events" -eq 0 ]; then
    echo "demo: no events were coded" >&2
    exit 1
fi
echo
echo "Events per CAMEO root:"
sqlite3 -header -column "$db" "
    SELECT e.root AS root, coalesce(c.name, '?') AS label,
           count(*) AS events
    FROM events e LEFT JOIN cameo c ON c.code = e.root
    GROUP BY e.root ORDER BY e.root;"
echo
echo "Top 10 actor pairs (source -> target):"
sqlite3 -header -column "$db" "
    SELECT source, target, count(*) AS events
    FROM events WHERE source <> '' AND target <> ''
    GROUP BY source, target
    ORDER BY events DESC, source, target LIMIT 10;"
echo
echo "The events are in $db (tables in doc/store.md); try: sqlite3 $db"
exit $status

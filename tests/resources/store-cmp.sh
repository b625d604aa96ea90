#!/bin/sh
# store-cmp.sh A.db B.db - compare two casus stores table by table.
#
# Prints "TABLE: same", "TABLE: differ" (with the first lines of the
# diff) or "TABLE: none stored" (A has no rows, which proves nothing)
# for documents, sentences, events and places.  Rows are compared on
# every column but the event id, quoted so that NULL and '' differ, in a
# fixed order: events in id order, which is the order they were coded
# in.  Needs the sqlite3 command-line program.

# dump DB TABLE ORDER
dump() {
    cols=$(sqlite3 "$1" "SELECT group_concat(name, ', ')
                         FROM pragma_table_info('$2')
                         WHERE NOT ('$2' = 'events' AND name = 'id')") &&
    [ -n "$cols" ] &&
    sqlite3 -cmd '.mode quote' "$1" "SELECT $cols FROM $2 ORDER BY $3"
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/store-cmp.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
for spec in documents:id sentences:doc,idx events:id places:doc,start; do
    t=${spec%%:*}
    order=${spec#*:}
    dump "$1" $t "$order" >"$tmp/a" || { echo "$t: cannot read $1"; continue; }
    dump "$2" $t "$order" >"$tmp/b" || { echo "$t: cannot read $2"; continue; }
    if [ ! -s "$tmp/a" ]; then
        echo "$t: none stored"
    elif cmp -s "$tmp/a" "$tmp/b"; then
        echo "$t: same"
    else
        echo "$t: differ"
        diff "$tmp/a" "$tmp/b" | head -n 5
    fi
done

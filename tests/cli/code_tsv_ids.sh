# GLOBALEVENTID is the running number of the event in the run, from 1
# (doc/records.md), also between the events of one document.
"$CASUS" code --format tsv "$SRCDIR/demo/corpus.jsonl" 2>/dev/null |
    awk -F '\t' 'NR > 1 && $1 != NR - 1 { bad++ }
                 END { print (NR > 20 ? "many events" : "few events"), (bad + 0) " wrong ids" }'

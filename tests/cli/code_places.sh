# Each event gets the place of its sentence (after a locative word), else
# the dateline's; --no-places leaves every location null; the store keeps
# the locations and the place mentions.
printf '%s\n' '{"id":"raid","date":"2024-05-29","text":"PRISTINA, Kosovo - Kosovo police raided three villages near Zvecan on Monday and arrested 19 people. Five police officers and six civilians were wounded in the clashes."}' >raid.jsonl
"$CASUS" code raid.jsonl 2>/dev/null |
    sed -E 's/.*"sentence":([0-9]+).*"code":"([0-9]+)".*"location":\{"name":"([^"]*)","country":"([A-Z]*)".*/\1 \2 \3 \4/'
"$CASUS" code --no-places raid.jsonl 2>/dev/null | grep -c '"location":null'
"$CASUS" code --db raid.db raid.jsonl 2>/dev/null
sqlite3 raid.db "SELECT DISTINCT place, country FROM events ORDER BY 1;
                 SELECT text, locative FROM places ORDER BY start"

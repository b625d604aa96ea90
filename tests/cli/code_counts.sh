# The raid report from the brief: counts go to the events they belong to
# (19 arrested to the arrest, 5 + 6 wounded to the violence), written in
# the record's "counts" object; an event with none has {}.
printf '%s\n' '{"id":"raid","date":"2024-05-29","text":"Kosovo police raided three villages in the north on Monday and arrested 19 people. Five police officers and six civilians were wounded in the clashes."}' >raid.jsonl
"$CASUS" code raid.jsonl 2>/dev/null | sed -E 's/.*"sentence":([0-9]+).*"code":"([0-9]+)".*"counts":(\{[^}]*\}).*/\1 \2 \3/'

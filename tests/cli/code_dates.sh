# The day of each event: the one its sentence names, else the document's
# (2024-05-29, a Wednesday).  The coder asks dates_resolve() only of a
# sentence whose words may begin a date (a digit, a month or weekday, a
# word like "yesterday"), or whose words it cannot vouch for, as after a
# fold: "Tuesdayé" is one folded word (TUESDAYE) but the text's letters
# say Tuesday.
cat >dates.jsonl <<'JSON'
{"id":"weekday","date":"2024-05-29","text":"Serbia accused Kosovo on Tuesday of blocking the border crossing."}
{"id":"none","date":"2024-05-29","text":"Serbia accused Kosovo of blocking the border crossing."}
{"id":"digits","date":"2024-05-29","text":"Serbia accused Kosovo on 3 May of blocking the border crossing."}
{"id":"keyword","date":"2024-05-29","text":"Serbia accused Kosovo yesterday of blocking the border crossing."}
{"id":"folded","date":"2024-05-29","text":"Serbia accused Kosovo on Tuesdayé of blocking the border crossing."}
{"id":"mayor","date":"2024-05-29","text":"Serbia accused the Kosovo mayor of blocking the border crossing."}
JSON
"$CASUS" code dates.jsonl 2>/dev/null |
    sed -E 's/^\{"doc":"([a-z]+)".*"date":"([0-9-]+)".*"code":"([0-9]+)".*/\1 \2 \3/'

# A --dict file that does not exist stops the run with exit 2.
"$CASUS" code --dict nope.verbs </dev/null

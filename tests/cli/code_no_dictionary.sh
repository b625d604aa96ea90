# Without --dict the default set is used; when it is missing, say how to
# fix it and exit 2.
CASUS_DATA=$WORK/nodata "$CASUS" code </dev/null

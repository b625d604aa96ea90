# Help and usage errors of casus merge (exit 2), and an output store that
# cannot be opened (exit 2, nothing merged).
"$CASUS" merge --help | head -n 1
"$CASUS" --help | grep -c '^  merge '
"$CASUS" merge
echo "exit $?"
"$CASUS" merge out.db
echo "exit $?"
"$CASUS" merge --frobnicate out.db in.db
echo "exit $?"
[ -e out.db ] && echo "out.db was created"
"$CASUS" merge /nonexistent-dir/out.db in.db

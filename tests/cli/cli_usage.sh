# Help, version and usage errors of the casus program itself.
"$CASUS" --version
"$CASUS" --help | head -n 1
"$CASUS" code --help | head -n 1
"$CASUS" code --format xml
echo "exit $?"
"$CASUS" code --db
echo "exit $?"
"$CASUS" code --tolerate-rejects=yes
echo "exit $?"
"$CASUS" code --frobnicate
echo "exit $?"
"$CASUS" frobnicate

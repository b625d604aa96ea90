#!/bin/sh
# install-deps.sh - install casus's Debian build dependencies if missing.
#   sh scripts/install-deps.sh          install what is missing (as root)
#   sh scripts/install-deps.sh --list   print the package names
# When not root, prints the exact apt-get line and exits non-zero.
PKGS="build-essential pkg-config libicu-dev libjansson-dev libyajl-dev libsqlite3-dev libxml2-dev libcmocka-dev wordnet-base sqlite3 iso-codes parallel"
# parallel (GNU parallel) is for the split-and-merge test only; without it
# that test is skipped.
# node and npm generate data/gen/countries.actors at build time; Debian's
# npm pulls in many packages, so they are taken only when none is on PATH.
command -v node >/dev/null 2>&1 || PKGS="$PKGS nodejs"
command -v npm >/dev/null 2>&1 || PKGS="$PKGS npm"
if [ "$1" = "--list" ]; then echo $PKGS; exit 0; fi
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "casus: missing Debian packages:$missing" >&2
    echo "run as root: apt-get update && apt-get install -y$missing" >&2
    exit 1
fi
echo "casus: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq$missing

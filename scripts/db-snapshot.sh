#!/usr/bin/env bash
# db-snapshot.sh restore|save|restored: a snapshot of the embedded SQLite database right after the migrations and
# the reference data, kept between runs in ${XDG_CACHE_HOME:-~/.cache}/nkohub/ and named by a hash of
# everything that decides its contents (requirements.lock, the settings, every app's models, migrations
# and reference data). `make migrate` restores it when var/db.sqlite3 does not exist yet and then skips
# the migrations and the reference data (`restored` answers whether it did: the snapshot holds exactly
# their result), and `make setup` saves it the first time a new database was made from nothing. Only for the embedded database (no DATABASE_URL or DATA_DIR, in the environment
# or .env), never over an existing file; NKOHUB_DB_SNAPSHOTS=0 turns it off.
set -u
action=${1:-}
db=var/db.sqlite3
made_here=var/.db-made-from-nothing
restored=var/.db-from-snapshot
cache="${XDG_CACHE_HOME:-$HOME/.cache}/nkohub"
PY=${PY:-.venv/bin/python}

off=0
[ "${NKOHUB_DB_SNAPSHOTS:-1}" = 0 ] && off=1
[ -n "${DATABASE_URL:-}${DATA_DIR:-}" ] && off=1
[ -f .env ] && grep -qE '^[[:space:]]*(export[[:space:]]+)?(DATABASE_URL|DATA_DIR)=' .env && off=1
if [ "$action" = restored ]; then [ $off = 0 ] && [ -f "$restored" ]; exit; fi
[ $off = 1 ] && exit 0

key=$(
    {
        cat requirements.lock config/settings.py
        find nkohub \( -path '*/migrations/*.py' -o -name models.py -o -path '*/models/*.py' \
            -o -name reference.py -o -path '*/data/*' -o -path "nkohub/territories/services.py" \) \
            -type f -not -path '*/tests/*' | LC_ALL=C sort | xargs cat
    } | sha256sum | cut -c1-16
)
snapshot="$cache/db-$key.sqlite3"

case "$action" in
restore)
    rm -f "$restored"
    if [ -e "$db" ]; then rm -f "$made_here"; exit 0; fi
    mkdir -p var
    if [ -f "$snapshot" ]; then
        cp "$snapshot" "$db.tmp" && mv "$db.tmp" "$db" && touch "$restored"
        echo "  · database: copied from the snapshot $snapshot (migrated, reference data loaded)"
    else
        touch "$made_here"
    fi
    ;;
save)
    rm -f "$restored"
    [ -f "$made_here" ] || exit 0
    rm -f "$made_here"
    [ -f "$db" ] && [ ! -f "$snapshot" ] || exit 0
    mkdir -p "$cache"
    # SQLite's backup API: one consistent file even while the database is in WAL mode.
    "$PY" -c 'import sqlite3, sys; s = sqlite3.connect(sys.argv[1]); d = sqlite3.connect(sys.argv[2]); s.backup(d); d.close(); s.close()' \
        "$db" "$snapshot.tmp" && mv "$snapshot.tmp" "$snapshot" || { rm -f "$snapshot.tmp"; exit 0; }
    # keep the three newest snapshots
    ls -1t "$cache"/db-*.sqlite3 2>/dev/null | tail -n +4 | xargs -r rm -f
    echo "  · database: snapshot saved for the next fresh set-up ($snapshot)"
    ;;
*)
    echo "usage: scripts/db-snapshot.sh restore|save|restored" >&2
    exit 2
    ;;
esac

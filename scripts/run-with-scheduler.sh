#!/usr/bin/env bash
# The demo server and the scheduler of periodic jobs (digests, reminders, clean-ups) in one process tree:
# both start together, Ctrl+C (or SIGTERM) stops both, and when either ends the other is stopped too.
#   scripts/run-with-scheduler.sh 127.0.0.1:8000 [runserver options…]
# Production runs them as separate services instead (docs/deployment.md, §6 and §9).
set -u
PY=${PY:-.venv/bin/python}
export PYTHONUNBUFFERED=1  # the two logs interleave line by line

"$PY" manage.py runserver "$@" &
web=$!
"$PY" manage.py run_scheduler ${SCHEDULER_ARGS:-} &
scheduler=$!

stopping=0
stop() {
    [ "$stopping" = 1 ] && return
    stopping=1
    kill -TERM "$web" "$scheduler" 2>/dev/null
    wait "$web" "$scheduler" 2>/dev/null
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

# Background jobs of a script ignore Ctrl+C themselves; the traps above pass it on as SIGTERM.
wait -n "$web" "$scheduler"
status=$?
stop
exit "$status"

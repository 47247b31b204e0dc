#!/usr/bin/env bash
# step.sh LABEL COMMAND [ARGS...]: run one set-up step and print how long it took, so a slow
# `make run` says which step was slow. The step's exit status is kept.
label=$1; shift
started=$(date +%s.%N)
"$@"
status=$?
elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
if [ "$status" = 0 ]; then echo "  ⏱ $label: $elapsed s"; else echo "  ✘ $label failed after $elapsed s"; fi
exit "$status"

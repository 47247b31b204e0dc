#!/bin/sh
# Prints the path of a Python 3.12+ interpreter that really runs, or explains and fails.
# pyenv's shims for python3.12/python3.13 exist but fail unless that version is active,
# so the interpreters under $(pyenv root)/versions are tried directly as well.
set -u
candidates="${PYTHON:-} python3.12 python3.13 python3"
if command -v pyenv >/dev/null 2>&1; then
    root="$(pyenv root 2>/dev/null)"
    for dir in "$root"/versions/3.12* "$root"/versions/3.1[3-9]*; do
        [ -x "$dir/bin/python3" ] && candidates="$candidates $dir/bin/python3"
    done
fi
for dir in "$HOME"/.pyenv/versions/3.12* "$HOME"/.pyenv/versions/3.1[3-9]* /usr/local/bin /usr/bin; do
    for name in python3.12 python3.13 python3; do
        [ -x "$dir/$name" ] && candidates="$candidates $dir/$name"
        [ -x "$dir/bin/$name" ] && candidates="$candidates $dir/bin/$name"
    done
done
for candidate in $candidates; do
    if "$candidate" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then
        "$candidate" -c 'import sys; print(sys.executable)'
        exit 0
    fi
done
echo "НКО-Кластер needs Python 3.12 or newer (Django 6.1 requires it); none was found." >&2
echo "Install Python 3.12+ (e.g. 'pyenv install 3.12') or set PYTHON=/path/to/python3.12." >&2
exit 1

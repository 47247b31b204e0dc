"""Imports into the registry: the Ministry of Justice's registry, the tax service's EGRUL extracts
and resource centres' spreadsheets.

`readers` turns a file into numbered rows of canonical fields (streamed: memory does not grow with
the file), `egrul` does so for the EGRUL's nested records, with `okopf` deciding which legal forms the
registry takes; `validation` checks a row and gives every reason it cannot be taken; `engine` matches
(OGRN, then INN) and writes them in batches.
"""

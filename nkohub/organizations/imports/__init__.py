"""Imports into the registry: the Ministry of Justice's open data and resource centres' spreadsheets.

`readers` turns a file into numbered rows of canonical fields (streamed: memory does not grow with
the file); `engine` validates, matches (OGRN, then INN) and writes them in batches.
"""

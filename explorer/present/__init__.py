"""What the user reads: words, per-nation summaries and their renderers (text, JSON, HTML).

Pure Python: imports ``explorer.domain`` and the standard library only, never Qt, yaml or the
loaders; the domain does not import it (import-linter checks both). ``explorer.cli`` and
``explorer.qt`` take every word and every explanation they show from here.
"""

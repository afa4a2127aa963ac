"""Machine drafts of a page's translation, made on the server itself (Apertium, Swedish ↔ Danish).

`apertium` runs the engine, `drafting` fills a page's empty fields of one language from another
and records each filled field as a `MachineDraft` until an editor changes or confirms it.
"""

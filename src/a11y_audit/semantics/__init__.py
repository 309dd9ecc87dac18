"""What a page means: accessible names, the accessibility tree, visibility, focus, tables and
the CSS cascade.

Each function reads a :class:`~a11y_audit.page.Page` (the data) and knowledge; none yields
rule results. ``page.py`` imports these modules only inside the methods that need them, so the
page model never depends on them at import time (``tests/test_layering.py``).
"""

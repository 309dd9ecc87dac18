"""Knowledge that takes no page: ARIA role tables, language tags, WCAG criteria, word lists.

Facts from specifications and style guides, and questions about one element or one string at a
time. Nothing here imports the page model, the semantics or the checks
(``tests/test_layering.py`` enforces it), so any layer can read it.
"""

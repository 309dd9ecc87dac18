"""Shared rule bodies: code several rules run and that yields their results (axe's "checks").

A check takes a :class:`~a11y_audit.rule.Rule` and a page and yields ``ok``/``fail``/
``cant_tell`` results, or builds the messages such results carry. Rules import checks; the
semantics and knowledge never do (``tests/test_layering.py``).
"""

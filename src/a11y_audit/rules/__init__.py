"""Built-in rules: one module per rule, named after its id in snake_case.

Every public module here is a rule; :mod:`a11y_audit.registry` discovers them, so adding a rule
is adding a module (``python scripts/new_rule.py ID`` scaffolds it with its fixture folder).
"""

"""Shared accessibility knowledge: DOM helpers, ARIA tables, names, visibility, WCAG."""

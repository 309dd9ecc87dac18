"""``python -m a11y_audit`` runs the command line."""

from a11y_audit.cli import entry

entry()

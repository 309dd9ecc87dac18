"""a11y-audit: a fast static accessibility auditor that knows what a news article is."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("a11y-audit")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"

from a11y_audit.engine import audit_html, audit_page
from a11y_audit.page import Page
from a11y_audit.writers import write_reports

__all__ = ["Page", "__version__", "audit_html", "audit_page", "write_reports"]

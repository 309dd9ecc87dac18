"""Knowledge shared by the rules that port the BBC's automated standards (bbc-a11y).

The BBC Mobile Accessibility Guidelines and the bbc-a11y tool (https://github.com/bbc/bbc-a11y)
name each standard; our rules keep their own ids (tag ``news``) and link to the guideline page
bbc-a11y itself links to (``lib/standards/sections.js``, ``documentationUrl``).
"""

from __future__ import annotations

GUIDELINES = "https://www.bbc.co.uk/guidelines/futuremedia/accessibility/mobile/"


def url(path: str) -> str:
    """The guideline page for one standard, e.g. ``url("focus/focusable-elements")``."""
    return GUIDELINES + path

"""WCAG 2.2 success criteria the rules cite: number -> (title, level) and their URLs."""

from __future__ import annotations

CRITERIA: dict[str, tuple[str, str, str]] = {
    # number: (title, level, understanding slug)
    "1.1.1": ("Non-text Content", "A", "non-text-content"),
    "1.2.1": ("Audio-only and Video-only (Prerecorded)", "A",
              "audio-only-and-video-only-prerecorded"),
    "1.2.2": ("Captions (Prerecorded)", "A", "captions-prerecorded"),
    "1.3.1": ("Info and Relationships", "A", "info-and-relationships"),
    "1.3.4": ("Orientation", "AA", "orientation"),
    "1.3.5": ("Identify Input Purpose", "AA", "identify-input-purpose"),
    "1.4.1": ("Use of Color", "A", "use-of-color"),
    "1.4.2": ("Audio Control", "A", "audio-control"),
    "1.4.3": ("Contrast (Minimum)", "AA", "contrast-minimum"),
    "1.4.6": ("Contrast (Enhanced)", "AAA", "contrast-enhanced"),
    "1.4.4": ("Resize Text", "AA", "resize-text"),
    "1.4.10": ("Reflow", "AA", "reflow"),
    "1.4.12": ("Text Spacing", "AA", "text-spacing"),
    "2.1.1": ("Keyboard", "A", "keyboard"),
    "2.2.1": ("Timing Adjustable", "A", "timing-adjustable"),
    "2.2.2": ("Pause, Stop, Hide", "A", "pause-stop-hide"),
    "2.2.4": ("Interruptions", "AAA", "interruptions"),
    "2.4.1": ("Bypass Blocks", "A", "bypass-blocks"),
    "2.4.2": ("Page Titled", "A", "page-titled"),
    "2.4.3": ("Focus Order", "A", "focus-order"),
    "2.4.4": ("Link Purpose (In Context)", "A", "link-purpose-in-context"),
    "2.4.6": ("Headings and Labels", "AA", "headings-and-labels"),
    "2.4.9": ("Link Purpose (Link Only)", "AAA", "link-purpose-link-only"),
    "2.4.10": ("Section Headings", "AAA", "section-headings"),
    "2.5.3": ("Label in Name", "A", "label-in-name"),
    "3.1.1": ("Language of Page", "A", "language-of-page"),
    "3.1.2": ("Language of Parts", "AA", "language-of-parts"),
    "3.2.5": ("Change on Request", "AAA", "change-on-request"),
    "3.3.2": ("Labels or Instructions", "A", "labels-or-instructions"),
    "4.1.2": ("Name, Role, Value", "A", "name-role-value"),
    "4.1.3": ("Status Messages", "AA", "status-messages"),
}


def title(criterion: str) -> str:
    return CRITERIA[criterion][0]


def level(criterion: str) -> str:
    return CRITERIA[criterion][1]


def url(criterion: str) -> str:
    return f"https://www.w3.org/WAI/WCAG22/Understanding/{CRITERIA[criterion][2]}.html"


def tag(criterion: str) -> str:
    """axe-core style tag: ``wcag111`` for 1.1.1."""
    return "wcag" + criterion.replace(".", "")

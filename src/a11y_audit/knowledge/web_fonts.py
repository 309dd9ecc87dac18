"""Web-font stylesheets that hold nothing the cascade reads (knowledge only; no Page).

News templates link their web fonts from Google Fonts' CSS API
(``https://fonts.googleapis.com/css2?family=Roboto:wght@400;700``), directly or through an
``@import``. Its responses, and those of Bunny Fonts, which serves the same API, are
``@font-face`` rules and comments: they declare fonts and set no property of any element.
Such a stylesheet changes no answer of the cascade, so it is never fetched, and when it cannot
be had it is not a missing stylesheet: a local template that links Google Fonts beside the
site CSS supplied with ``--site-root`` or ``--stylesheet`` is judged, not left cantTell.

Google's icon fonts are not among them: ``/icon?family=Material+Icons`` and the ``Material
Symbols`` families of ``css2`` come with a class rule (``.material-icons``) that sets
``font-size``, ``line-height`` and ``display`` beside the ``@font-face`` rules, so they stay
ordinary stylesheets. Other services (Adobe Fonts kits, which may carry selectors of the
kit's author) are ordinary stylesheets too.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

# host -> the paths of its CSS API; Google's also serves /earlyaccess/<family>.css
_SERVICES: dict[str, tuple[str, ...]] = {
    "fonts.googleapis.com": ("/css", "/css2"),
    "fonts.bunny.net": ("/css", "/css2"),
}


def font_faces_only(address: str) -> bool:
    """Whether the stylesheet at ``address`` (an absolute http(s) URL) is a web-font
    service's, known to hold only ``@font-face`` rules."""
    if not address.startswith(("https://", "http://")):
        return False
    try:
        parts = urlsplit(address)
    except ValueError:          # a malformed IPv6 literal
        return False
    paths = _SERVICES.get(parts.netloc.lower())     # no port, no user: the service's host
    if paths is None:
        return False
    path = parts.path
    early = (parts.netloc.lower() == "fonts.googleapis.com" and path.startswith("/earlyaccess/")
             and path.endswith(".css") and path.count("/") == 2)
    if path not in paths and not early:
        return False
    families = " ".join(value for name, value in parse_qsl(parts.query)
                        if name.lower() == "family")
    return "material" not in families.lower()

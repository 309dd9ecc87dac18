"""Which linked stylesheets are web-font services' CSS APIs, known to hold only @font-face."""

from __future__ import annotations

import pytest

from a11y_audit.knowledge.web_fonts import font_faces_only


@pytest.mark.parametrize("address", [
    "https://fonts.googleapis.com/css?family=Roboto:400,700&display=swap",
    "https://fonts.googleapis.com/css2?family=Inter:wght@400;700&family=Lora&display=swap",
    "http://fonts.googleapis.com/css?family=Open+Sans|Merriweather",
    "https://FONTS.googleapis.com/css?family=Roboto",
    "https://fonts.googleapis.com/earlyaccess/notosanskr.css",
    "https://fonts.bunny.net/css?family=inter:400,700",
    "https://fonts.bunny.net/css2?family=Lora",
])
def test_font_face_apis(address: str):
    assert font_faces_only(address)


@pytest.mark.parametrize("address", [
    # icon fonts ship a class rule that sets font-size, line-height and display
    "https://fonts.googleapis.com/icon?family=Material+Icons",
    "https://fonts.googleapis.com/css2?family=Material+Symbols+Outlined:opsz,wght@24,400",
    "https://fonts.googleapis.com/css?family=Roboto&family=Material+Icons",
    # other paths, hosts and look-alikes
    "https://fonts.googleapis.com/css/site.css",
    "https://fonts.googleapis.com/earlyaccess/sub/x.css",
    "https://fonts.googleapis.com.evil.example/css?family=Roboto",
    "https://evil.example/fonts.googleapis.com/css?family=Roboto",
    "https://use.typekit.net/abc1234.css",
    "https://cdn.example/css?family=Roboto",
    "site-root:/css?family=Roboto",
    "/work/site/css",
    "https://fonts.googleapis.com:bad/css?family=Roboto",
    "",
])
def test_other_stylesheets(address: str):
    assert not font_faces_only(address)

"""Auditing local files never touches the network, whatever URLs the page links.

A saved article links its stylesheets on the site's CDN (``https://...``, ``//cdn...``). Those
are fetched only for a page that was itself fetched over HTTP; for a local file they are simply
missing (cantTell where they matter). A DNS lookup per linked stylesheet used to cost seconds
per page and pushed rules past their time limits on a corpus run.
"""

from __future__ import annotations

import socket

from a11y_audit.runner import audit_sources

PAGE = """<!doctype html><html lang="en"><head><title>Storm hits coast</title>
<link rel="stylesheet" href="https://cdn.example.invalid/site.css">
<link rel="stylesheet" href="//static.example.invalid/article.css">
<link rel="canonical" href="https://news.example.invalid/storm">
</head><body><main><h1>Storm hits coast</h1><p style="color:#777;background:#fff">Text</p>
</main></body></html>"""


def test_local_page_with_remote_stylesheets_makes_no_lookup(tmp_path, monkeypatch):
    looked_up: list[object] = []

    def refuse(*args, **kwargs):
        looked_up.append(args[0] if args else kwargs)
        raise OSError("network use in a local audit")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = tmp_path / "storm.html"
    page.write_text(PAGE, encoding="utf-8")
    report = audit_sources([str(page)])
    assert looked_up == []
    assert report.errors == [] and len(report.pages) == 1
    # The missing stylesheets still count: contrast cannot be decided without them.
    assert report.pages[0].rules["color-contrast"].outcome.value == "cantTell"

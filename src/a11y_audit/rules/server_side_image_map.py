"""Images are not server-side image maps.

``<img ismap>`` inside a link sends the click's x/y coordinates to the server, which decides
where to go. A keyboard cannot click at a coordinate and a screen reader cannot tell what the
regions are, so the map's destinations are out of reach. A client-side map (``usemap`` with
``<area alt>`` links) or plain links do the same job accessibly.

The rule applies to every ``img`` with an ``ismap`` attribute that is not hidden from assistive
technology. It fails when the image is inside an ``a`` with an ``href``, and passes otherwise.

Differs from axe-core: axe-core fails every ``img[ismap]``. HTML (4.8.3 "The img element",
the ``ismap`` attribute) says ``ismap`` makes an image a server-side image map only "when used
on an element that is a descendant of an ``a`` element with an ``href`` attribute"; elsewhere it
does nothing, no click is sent anywhere, and nothing is out of reach, so such an image passes.

Fails::

    <a href="/cgi-bin/map"><img src="regions.png" ismap alt="Results by region"></a>

    <a href="/map"><span><img src="map.gif" ismap></span></a>

Passes::

    <img src="map.gif" ismap alt="Results by region">

    <a name="top"><img src="map.gif" ismap alt="Results by region"></a>
"""

from __future__ import annotations

from a11y_audit.checks.naming import describe
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="server-side-image-map",
    impact="minor",
    wcag=("2.1.1",),
    tags=("cat.text-alternatives",),
    help="Replace the server-side image map (ismap) with a client-side map or links",
)


def check(page: Page) -> Results:
    for img in page.tags("img"):
        if img.get("ismap") is None or page.is_hidden(img):
            continue
        link = next((a for a in img.iterancestors("a") if a.get("href") is not None), None)
        if link is not None:
            yield RULE.fail(img, f"{describe(img)} in {describe(link)} is a server-side image "
                                 "map (ismap): keyboards cannot click its regions")
        else:
            yield RULE.ok(img, "ismap outside a link: not a server-side image map")

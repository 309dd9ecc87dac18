"""Landmarks of the same role have different accessible names.

A news page often has several navigation landmarks (sections, footer links, "trending" topics)
and several complementary ones (most read, newsletter sign-up). Screen readers list them by role
and name; three identical "navigation" entries give the user no way to choose.

As axe-core's ``landmark-unique``: each landmark exposed to assistive technology is compared
with the earlier ones; the first of a role and name passes, each repeat of the same role and
name (an empty name counts as a name) fails and names the first.

Matches axe-core. Names are compared case-insensitively, as axe does. axe reports the first
landmark of a repeated group; this rule reports each repeat, with the first landmark as its
related node (its own selector, line, column and snippet).

Fails::

    <body><nav><a href="/world">World</a></nav><main>Story</main>
      <footer><nav><a href="/about">About</a></nav></footer></body>

Passes::

    <body><nav aria-label="Sections"><a href="/world">World</a></nav><main>Story</main>
      <nav aria-label="Company"><a href="/about">About</a></nav></body>
"""

from __future__ import annotations

from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="landmark-unique",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.semantics"),
    help="Give landmarks of the same role distinct names with aria-label or aria-labelledby",
)


def check(page: Page) -> Results:
    seen: dict[tuple[str, str], object] = {}
    for landmark in page.landmarks:
        key = (landmark.role, landmark.name.casefold())
        first = seen.get(key)
        if first is None:
            seen[key] = landmark.element
            yield RULE.ok(landmark.element)
        else:
            label = f"named \"{landmark.name}\"" if landmark.name else "without a name"
            yield RULE.fail(
                landmark.element,
                f"Another {landmark.role} landmark {label} comes first at line "
                f"{first.sourceline} ({page.css_path(first)})",  # type: ignore[attr-defined]
                related=(first,),  # type: ignore[arg-type]
            )

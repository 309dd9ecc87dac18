"""Landmarks of the same role have different accessible names.

A news page often has several navigation landmarks (sections, footer links, "trending" topics)
and several complementary ones (most read, newsletter sign-up). Screen readers list them by role
and name; three identical "navigation" entries give the user no way to choose.

Each landmark exposed to assistive technology is grouped with the others of the same role and
name (an empty name counts as a name; names compare case-insensitively). A landmark alone in
its group passes; in a group of several, the first fails and names the others, which are not
reported again.

Matches axe-core. Names are compared case-insensitively, as axe does, and, as axe reports it,
the first landmark of a repeated group fails with the repeats as its related nodes (their own
selector, line, column and snippet).

Where a linked stylesheet could not be read (not under ``--missing-stylesheets ignore``), a copy
in an element whose class the common frameworks hide on a desktop screen or until a script shows
it (a phone's copy in ``hidden-lg``, ``md:hidden`` or ``d-lg-none``, a ``modal-window``) makes
the failure cantTell unless two copies are shown for sure: the site's stylesheet shows one of
them, and axe-core, run on the page with it, sees that one.

Fails::

    <body><nav><a href="/world">World</a></nav><main>Story</main>
      <footer><nav><a href="/about">About</a></nav></footer></body>

Passes::

    <body><nav aria-label="Sections"><a href="/world">World</a></nav><main>Story</main>
      <nav aria-label="Company"><a href="/about">About</a></nav></body>

In a template, a landmark inside a loop (``{% for %}``, ``{{#each}}``, a ``foreach`` block)
whose name is written as it stands (none, or no expression in it) is written once for each
item: cantTell, naming the loop.
"""

from __future__ import annotations

from a11y_audit.checks.holes import repeated_by_loop
from a11y_audit.checks.landmarks import listed
from a11y_audit.checks.naming import quote
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="landmark-unique",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.semantics"),
    help="Give landmarks of the same role distinct names with aria-label or aria-labelledby",
    copies=True,
    template_values=("aria-label", "aria-labelledby", "title", "branches", "landmarks"),
)


def check(page: Page) -> Results:
    groups: dict[tuple[str, str], list] = {}
    for landmark in page.landmarks:
        groups.setdefault((landmark.role, landmark.name.casefold()), []).append(landmark)
    for (role, _), group in groups.items():
        first = group[0]
        if len(group) == 1:
            # (a name the item's data fills in, in the name or in what gives it, is its own)
            written = " ".join((first.name, *(first.element.get(attribute) or "" for attribute
                                              in ("aria-label", "aria-labelledby", "title"))))
            if page.template is not None and (
                    loop := repeated_by_loop(page, first.element, written)):
                label = f"named {quote(first.name)}" if first.name else "without a name"
                yield RULE.cant_tell(first.element, (
                    f"The {role} landmark {label} stands in the template's loop {loop}: "
                    "each item writes it, so on a page of two items or more it is not "
                    "unique"))
                continue
            yield RULE.ok(first.element)
            continue
        label = f"named {quote(first.name)}" if first.name else "without a name"
        yield RULE.fail(first.element,
                        f"{len(group)} {role} landmarks {label}; the others: "
                        f"{listed(page, group[1:])}",
                        related=tuple(lm.element for lm in group[1:]))

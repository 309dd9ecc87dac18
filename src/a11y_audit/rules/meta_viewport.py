"""The viewport meta element does not stop readers from zooming.

On phones, ``user-scalable=no`` or ``maximum-scale=1`` in ``<meta name="viewport">`` blocks
pinch zoom in browsers that honour it. Readers with low vision cannot enlarge the article text
or the numbers in a chart to 200%.

Applies to each ``content`` attribute of a ``meta name="viewport"`` that sets
``user-scalable`` or ``maximum-scale``. It fails when ``user-scalable`` is ``no``, a number
between -1 and 1, or an unknown word (browsers read those as zoom off), or when
``maximum-scale`` is below 2 and not negative (``yes`` counts as 1; unknown words as 0). Values
are read as the CSS Device Adaptation translation reads them.

Differs from axe-core: properties separated by white space only
(``minimum-scale=1.0 maximum-scale=1.0``) are read as browsers read them: white space, commas
and semicolons all separate properties (CSS Device Adaptation's ``meta`` translation, which
ACT rule b4f0c3 uses). axe-core splits on commas and semicolons only, reads
``maximum-scale=1.0`` as part of the previous value and passes. Otherwise it matches axe-core.

Fails::

    <!DOCTYPE html>
    <html lang="en"><head><title>Weather</title>
    <meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1,
      user-scalable=no"></head><body><p>Sunny.</p></body></html>

Passes::

    <!DOCTYPE html>
    <html lang="en"><head><title>Weather</title>
    <meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=5">
    </head><body><p>Sunny.</p></body></html>

Limits: many mobile browsers now ignore these settings or offer a force-zoom option, so the
impact depends on the reader's browser; CSS ``touch-action`` is not checked.
"""

from __future__ import annotations

from a11y_audit.checks.meta import zoom_problems
from a11y_audit.knowledge.lang import ASCII_WHITESPACE
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="meta-viewport",
    impact="critical",
    wcag=("1.4.4",),
    act=("b4f0c3",),
    tags=("cat.sensory-and-visual-cues",),
    help="Drop user-scalable=no and any maximum-scale below 2 from the viewport meta",
    hidden_content="<meta> is never rendered; the browser acts on it anyway",
    template_values=("content",),
)


def check(page: Page) -> Results:
    # (only the metas with a name: a set test, not meta.get per meta; see Page.holders)
    for meta in filter(page.holders("name").__contains__, page.by_tag.get("meta", ())):
        if (meta.get("name") or "").strip(ASCII_WHITESPACE).lower() != "viewport":
            continue
        content = meta.get("content")
        applicable, problems = zoom_problems(content)
        if not applicable:
            continue
        if problems:
            detail = "; ".join(f"{p.key}={p.value!r} {p.reason}" for p in problems)
            yield RULE.fail(meta, f"<meta name=viewport content={content!r}>: {detail}")
        else:
            yield RULE.ok(meta, f"<meta name=viewport content={content!r}> allows zoom")

"""Hostile templates through the whole pipeline: each family's tokens (expressions,
statements, holes, conditionals, comments, left open or cut short) mixed with markup, read
from a file named as the family's, audited and reported.

Asserted for every example: the text parsed is as long as the file, its line breaks where
they were; each expression shown as written is one the file writes; no exception escapes
and the report is sound as test_fuzz's are (a page or a one-line error, never an internal
one; the JSON report validates; every writer writes; nothing reaches terminal output as an
escape sequence or a control character); every snippet is cut from the file as written.

CI runs ``A11Y_AUDIT_FUZZ_EXAMPLES`` examples (default 20). A longer run::

    A11Y_AUDIT_FUZZ_EXAMPLES=2000 python -m pytest tests/test_templates_fuzz.py -q
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from a11y_audit.limits import AuditLimits
from a11y_audit.runner import audit_sources
from a11y_audit.templates import read, written_expressions
from tests.test_fuzz import assert_sound_report

FUZZ_EXAMPLES = int(os.environ.get("A11Y_AUDIT_FUZZ_EXAMPLES", "20"))
LIMITS = AuditLimits(rule_seconds=20.0, page_seconds=120.0, max_elements=3000, max_depth=400)

# Each family's file name, and tokens of its syntax (whole, and some cut short)
FAMILIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "jinja": ("t.html.j2", (
        "{{ story.title }}", '{{ "a<b" }}', "{% if x %}", "{% else %}", "{% endif %}",
        "{% for s in xs %}", "{% endfor %}", "{% include 'x.html' %}", "{{ body|safe }}",
        "{% image p.photo fill-1x1 %}", "{% pageurl p %}", "{# c #}", "{% trans 'Home' %}",
        "{% breadcrumbs %}", "{% thumbnail a %}", "{% endthumbnail %}", "{{ x", "{% if",
        "{% comment %}", "{% endcomment %}", "{{ x|richtext }}")),
    "handlebars": ("t.hbs", (
        "{{title}}", "{{{body}}}", "{{#if x}}", "{{else}}", "{{/if}}", "{{^x}}", "{{/x}}",
        "{{> card}}", "{{!-- c --}}", "{{#each xs}}", "{{/each}}", "{{t", "{{")),
    # Ember's Glimmer: components, arguments, block parameters, modifiers, splattributes
    "glimmer": ("g.hbs", (
        "<Card @story={{s}} />", "<Card as |c|>", "</Card>", "<c.title>", "</c.title>",
        "<:body>", "</:body>", "{{yield}}", "{{outlet}}", "{{if x 'a' b}}", '{{on "click" f}}',
        "...attributes", "<Button @label='", "<Foo {{", "<A HREF='/'>", "{{#each xs as |x|}}",
        "{{/each}}", "<Card @t=\"{{concat ' - {{' x}}\">", '{{#link-to "i" class="l"}}',
        "{{/link-to}}", '{{#link-to "s" tagName="li"}}', '<LinkTo @route="x">', "</LinkTo>")),
    # placeholders a build or an app replaces (__NAME__), whole, cut short, run together
    "placeholder": ("p.html", (
        "__TITLE__", "__BODY__", "__KEY_EVENT_ITEM__", "__A____B__", "__x__", "___", "__TI",
        "TLE__", "__9__", '<img alt="__ALT__">', "<a __SELECTED__>")),
    # Svelte: blocks, expressions in content and values, directives, spreads, components,
    # JavaScript's strings, template literals and comments, braces left open
    "svelte": ("c.svelte", (
        "{#if x}", "{:else}", "{/if}", "{#each xs as x (x.id)}", "{/each}", "{@html b}",
        "{@render r()}", "{x}", "{a > b ? 'c' : `${d}`}", "<img alt={a} {src} {...p}>",
        "<button on:click={() => n > 1}>", "<a href=\"/t/{s}\">", "<Card t={x} />", "</Card>",
        "<slot />", "<svelte:head>", "</svelte:head>", "{'}'}", "{/* } */}", "{", "}", "`",
        "{#snippet s(x)}", "{/snippet}", "{:then v}", "<script>let a = {b};</script>")),
    # Vue: the root template, interpolations, directives, bindings, self-closing elements,
    # components, quotes and comments left open
    "vue": ("c.vue", (
        "<template>", "</template>", "{{ a > b }}", "{{ x", '<p v-if="a">', "<p v-else>",
        '<li v-for="x in xs" :key="x.id">', '<h1 v-text="t" />', '<div v-html="b"></div>',
        '<img :src="s" :alt="a">', '<a :href="u" @click="go">', '<nuxt-link to="/" />',
        "</nuxt-link>", "<Card :story='s' />", "<svg-icon />", '<template #slot="{ x }">',
        '<i class="a b" />', '<span v-bind="attrs"/>', '<template lang="pug">', '<p :title="',
        "<i18n>", "</i18n>", "<script>var a = '</template>';</script>")),
    # Astro: the frontmatter, expressions holding markup (JSX), directives, components,
    # JavaScript's strings and comments, braces and elements left open
    "astro": ("c.astro", (
        "---\nconst a = 1;\n---\n", "---", "{x}", "{a < b}", "{xs.map((x) => <li>{x}</li>)}",
        "{a && <p>", "</p>}", "{a ? <b>x</b> : <>y</>}", "<img alt={a} {src} {...p}>",
        "<div class:list={[a]} set:html={b} />", "<Card t={x} client:load />", "</Card>",
        "<Image src={s} alt='a' />", "<Fragment>", "</Fragment>", "<slot />", "{'}'}",
        "{/* } */}", "{", "}", "`", "<", "<script is:inline>let a = {b};</script>")),
    "erb": ("t.html.erb", (
        "<%= story.title %>", "<% if x %>", "<% else %>", "<% end %>", "<%= render 'x' %>",
        '<%= t(".intro_html") %>', '<%= t(".intro") %>', "<%# c %>", "<%= link_to 'a', b %>",
        "<% x = capture do %>", "<%= x", "<% items.each do |i| %>")),
    "php": ("t.php", (
        "<?php echo $title; ?>", "<?= $x ?>", "<?php if ( $a ) : ?>", "<?php else : ?>",
        "<?php endif; ?>", "<?php the_content(); ?>", "<?php } ?>", "<?php if ($a) { ?>",
        "<?php // c ?>", "<?php echo '<li>'; ?>", "<?php")),
    "razor": ("t.cshtml", (
        "@Model.Title", "@(Model.Count + 1)", "@if (a) {", "} else {", "}", "@Html.Raw(x)",
        "@Html.Partial(\"x\")", "@* c *@", "@{ var x = 1; }", "@foreach (var i in xs) {",
        "@:text", "@Model.Image.Url", "@(")),
    "velocity": ("t.vm", (
        "$title", "$!x.y", "${site.url}", "#if($a)", "#else", "#end", "#parse(\"x.vm\")",
        "## c", "#* c *#", "#foreach($i in $xs)", "$x.body", "${")),
    "jsp": ("t.jsp", (
        "${story.title}", '<c:if test="${a}">', "</c:if>", '<c:out value="${x}"/>',
        '<s:text name="a.b"/>', '<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>',
        "<% if (a) { %>", "<% } %>", '<jsp:include page="x.jsp"/>', "<%-- c --%>", "${")),
    "blade": ("t.blade.php", (
        "{{ $title }}", "{!! $body !!}", "@if($a)", "@else", "@endif", "@include('x')",
        "{{-- c --}}", "@lang('Home')", "@foreach($xs as $x)", "@endforeach", "<x-card/>")),
    "go": ("t.gohtml", (
        "{{ .Title }}", "{{ if .X }}", "{{ else }}", "{{ end }}", "{{ range .Xs }}",
        '{{ partial "x.html" . }}', "{{/* c */}}", "{{ .Content }}", "{{ $x := 1 }}", "{{")),
    "thymeleaf": ("t.html", (
        '<p th:text="${x}">y</p>', '<div th:if="${a}">', '<div th:unless="${a}">', "</div>",
        '<th:block th:utext="${b}"/>', "[[${x}]]", "[(${y})]", "<!--/* c */-->",
        '<a th:href="@{/x}">', "</a>")),
}
MARKUP = ("<div>", "</div>", "<a href='/x'>", "<a>", "</a>", "<img src=x>", "<h1>", "</h1>",
          "<h3>", "</h3>", "<ul>", "<li>", "</ul>", "<p>", "</p>", "<button>", "</button>",
          "<main>", "</main>", "<table><tr><th>", "</table>", '<img alt="', '">', "<title>",
          "</title>", "<style>p{color:#eee}</style>", "<script>", "</script>", "<!--", "-->",
          "<html lang=en>", "<!doctype html>", "<label for=i>", "<input id=i>", "text",
          "Read more", " ", "\n", "\r\n", "\t", "\x1b[31m", "\u202e", "é", "<", ">", '"', "'",
          "{", "}", "@", "$", "#", "%")


@st.composite
def templates(draw: st.DrawFn) -> tuple[str, str, str]:
    family = draw(st.sampled_from(sorted(FAMILIES)))
    name, tokens = FAMILIES[family]
    parts = draw(st.lists(st.one_of(st.sampled_from(tokens), st.sampled_from(MARKUP)),
                          max_size=60))
    return family, name, "".join(parts)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(template=templates())
def test_hostile_templates_never_break_the_pipeline(template):
    family, name, text = template
    parsed, _ = read(text, "handlebars" if family == "glimmer" else family)
    assert len(parsed) == len(text)
    assert [i for i, c in enumerate(parsed) if c in "\r\n"] == [
        i for i, c in enumerate(text) if c in "\r\n"]
    for original in written_expressions(parsed, text).values():
        assert original in text
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(text.encode("utf-8"))
        report = audit_sources([str(path)], limits=LIMITS, jobs=1)
    assert_sound_report(report, str(path))
    for page in report.pages:
        for finding in page.findings:
            if finding.snippet is not None and finding.column is not None:
                # (cut with "…", or a container's start tag, "…", and the child's source)
                for piece in finding.snippet.split("…"):
                    assert piece in text, (piece, finding.rule)

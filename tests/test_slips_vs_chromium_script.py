"""scripts/slips_vs_chromium.py: it takes one end tag out, and compares trees as Chromium's."""

from __future__ import annotations

import random

import pytest

from tests.conftest import load_script

slips = load_script("slips_vs_chromium")

PAGE = ("<!doctype html><html><head><title>t</title><style>a</div>{}</style></head><body>"
        "<header><div class=logo><a href=/>Home</a></div></header><main><div>m</div></main>"
        "<footer>f</footer></body></html>")


def test_one_end_tag_of_the_body_is_taken_out():
    for seed in range(10):
        slip = slips.slipped(PAGE, "div", random.Random(seed))
        assert slip is not None and len(slip) == len(PAGE) - len("</div>")
        assert slip.count("</div>") == PAGE.count("</div>") - 1
        assert "a</div>{}" in slip        # (the head's is none of the body's)
    assert slips.slipped(PAGE, "ul", random.Random(1)) is None


def test_trees_are_compared_by_names_and_nesting():
    same = ["body", [["header", [["div", []]]], ["main", []]]]
    assert slips.first_difference(same, same) is None
    other = ["body", [["header", [["div", []]]], ["footer", []]]]
    assert slips.first_difference(same, other) == "body > main[1]: main / footer"
    nested = ["body", [["header", [["div", [["main", []]]]]]]]
    assert slips.first_difference(same, nested) == "body > header[0] > div[0]: 0 children / 1"
    assert slips.first_difference(nested, same) == "body > header[0] > div[0]: 1 children / 0"
    # what is not entered holds nothing for the comparison
    assert slips.our_tree("<body><svg><g></g></svg><noscript><p>x</p></noscript>") == [
        "body", [["svg", []], ["noscript", []]]]


@pytest.mark.parametrize(("tag", "seed"), [("div", 0), ("div", 1), ("a", 0)])
def test_a_slipped_page_is_read_as_chromium_reads_it(styles_context, tag, seed):
    # (the main's </div>, the logo's, the link's: libxml2 nests the footer, or the main and
    # the footer, in the div; a browser opens the link again in the main and the footer)
    slip = slips.slipped(PAGE, tag, random.Random(seed))
    assert slip is not None
    theirs = slips.chromium_tree(styles_context, slip)
    assert theirs[0] == "body" and len(theirs[1]) == 3
    assert slips.first_difference(slips.our_tree(slip), theirs) is None


def test_an_end_tag_is_doubled_or_swapped_with_the_one_after_it():
    for seed in range(10):
        doubled = slips.slipped(PAGE, "div", random.Random(seed), "doubled")
        assert doubled is not None and doubled.count("</div>") == PAGE.count("</div>") + 1
        assert "</div></div>" in doubled and doubled.replace("</div></div>", "</div>", 1) == PAGE
    # swapped: only an end tag followed at once by another (the logo's, the main's)
    swaps = {slips.slipped(PAGE, "div", random.Random(seed), "swapped") for seed in range(20)}
    assert swaps == {PAGE.replace("</div></header>", "</header></div>"),
                     PAGE.replace("</div></main>", "</main></div>")}
    # (not with </body>, and not with an end tag that is not at once after it)
    assert slips.slipped(PAGE, "footer", random.Random(1), "swapped") is None
    assert slips.slipped(PAGE.replace("</a></div>", "</a> </div>"), "a", random.Random(1),
                         "swapped") is None

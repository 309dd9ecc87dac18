"""scripts/parse_vs_html5lib.py: it reads html5lib's .dat format and compares our trees."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Three tests as html5lib-tests writes them: one our page model builds as a browser does,
# one it does not (misnested formatting: the browser's b is copied into the p), one fragment
DAT = """#data
<p>One<div>Two</div>
#errors
(1,3): expected-doctype-but-got-start-tag
#document
| <html>
|   <head>
|   <body>
|     <p>
|       "One"
|     <div>
|       "Two"

#data
<b>1<p>2</b>3</p>
#errors
(1,3): expected-doctype-but-got-start-tag
#document
| <html>
|   <head>
|   <body>
|     <b>
|       "1"
|     <p>
|       <b>
|         "2"
|       "3"

#data
<td>cell
#errors
#document-fragment
tr
#document
| <td>
|   "cell"
"""


def test_it_counts_the_documents_whose_elements_are_the_browsers(tmp_path):
    (tmp_path / "sample.dat").write_text(DAT, encoding="utf-8")
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "parse_vs_html5lib.py"),
                          str(tmp_path), "--show", "1"],
                         capture_output=True, text=True, timeout=120, check=True)
    lines = run.stdout.splitlines()
    assert lines[0] == ("2 documents compared (1 skipped): 1 the same (50.0%), "
                        "1 different")
    assert lines[1] == "  sample.dat: 1"
    assert lines[2].strip() == "'<b>1<p>2</b>3</p>'"
    # (libxml2 makes no head here, so neither tree's head counts)
    assert lines[3].split() == ["ours:", "0:html", "1:body", "2:b", "2:p"]
    assert lines[4].split() == ["theirs:", "0:html", "1:body", "2:b", "2:p", "3:b"]


def test_it_refuses_a_folder_without_tests(tmp_path):
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "parse_vs_html5lib.py"),
                          str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert run.returncode != 0 and "no .dat files" in run.stderr

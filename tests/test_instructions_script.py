"""scripts/instructions.py --objects: callgrind's self costs summed by shared object."""

from __future__ import annotations

from tests.conftest import load_script

instructions = load_script("instructions")

# A callgrind file in its compressed form: object and function names given once with their id
# (on an ob= or a cob= line), by id after; the line after calls= is a call's inclusive cost.
PROFILE = """\
version: 1
events: Ir
ob=(1) /usr/lib/libpython3.11.so.1.0
fl=(1) ceval.c
fn=(1) _PyEval_EvalFrameDefault
10 500
cob=(2) /site-packages/lxml/etree.so
cfn=(2) parse
calls=3 20
10 9000
11 70
ob=(2)
fl=(2) parser.c
fn=(2)
20 800
+1 200
ob=(3) /usr/lib/libc.so.6
fn=(3) memcpy
5 40
ob=(1)
fn=(1)
12 30
totals: 1640
"""


def test_self_costs_are_summed_by_object_and_calls_are_not_counted_twice():
    assert instructions._by_object(PROFILE) == {
        "libpython3.11.so.1.0": 500 + 70 + 30,
        "etree.so": 800 + 200,          # named on the cob= line, costed under its ob=
        "libc.so.6": 40,
    }

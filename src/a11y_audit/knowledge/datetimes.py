"""HTML's date and time microsyntaxes, as the ``time`` element's ``datetime`` value uses them.

HTML Living Standard 2.3.5 "Dates and times" defines each *valid ... string* exactly; the
``time`` element (4.5.14) accepts a valid month string, date string, yearless date string, time
string, local date and time string, time-zone offset string, global date and time string,
week string, year string or duration string. Knowledge only: no Page.
"""

from __future__ import annotations

import re

_YEAR = r"(?P<year>\d{4,})"
_TIME = r"(?P<hour>\d\d):(?P<minute>\d\d)(?::(?P<second>\d\d)(?:\.\d{1,3})?)?"
_OFFSET = r"(?P<offset>Z|[+-](?P<oh>\d\d):?(?P<om>\d\d))"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern + r"\Z", re.ASCII)) for kind, pattern in (
        ("year", _YEAR),
        ("month", _YEAR + r"-(?P<month>\d\d)"),
        ("date", _YEAR + r"-(?P<month>\d\d)-(?P<day>\d\d)"),
        ("yearless date", r"(?:--)?(?P<month>\d\d)-(?P<day>\d\d)"),
        ("week", _YEAR + r"-W(?P<week>\d\d)"),
        ("time", _TIME),
        ("local date and time", _YEAR + r"-(?P<month>\d\d)-(?P<day>\d\d)[T ]" + _TIME),
        ("global date and time", _YEAR + r"-(?P<month>\d\d)-(?P<day>\d\d)[T ]" + _TIME
         + _OFFSET),
        ("time-zone offset", _OFFSET),
    )
)
# Durations: the ISO 8601-like form (days, then T and hours/minutes/seconds; no years, months
# or weeks, whose length varies) and the form of components with scales w/d/h/m/s.
_ISO_DURATION = re.compile(
    r"P(?:(?P<days>\d+)D)?(?:T(?P<time>(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,3})?S)?))?\Z", re.ASCII)
_COMPONENT = re.compile(r"\s*(\d+(?:\.\d{1,3})?)\s*([wdhms])", re.I | re.ASCII)

_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _leap(year: int) -> bool:
    return year % 400 == 0 or (year % 4 == 0 and year % 100 != 0)


def _days_in(year: int | None, month: int) -> int:
    if month == 2 and year is not None and not _leap(year):
        return 28
    return _DAYS[month - 1]


def _weeks_in(year: int) -> int:
    """53 when 1 January is a Thursday, or a Wednesday in a leap year (HTML "week-year")."""
    # Zeller-free: Python's date handles years 1-9999; HTML allows more, weeks repeat every
    # 400 years (146097 days, a whole number of weeks).
    from datetime import date

    weekday = date(((year - 1) % 400) + 1, 1, 1).isoweekday()  # 4 = Thursday
    return 53 if weekday == 4 or (weekday == 3 and _leap(year)) else 52


def _year(digits: str) -> int:
    """A year's number; past 18 digits, one at the same place in the Gregorian calendar's
    400-year cycle (all that leap years and weeks read), positive where the year is (Python
    refuses to read 4,300 digits as a number)."""
    if len(digits) <= 18:
        return int(digits)
    if not digits.strip("0"):
        return 0
    return int(digits[-4:]) % 400 + 400


def _fields_ok(match: re.Match[str]) -> bool:
    fields = match.groupdict()
    year = _year(fields["year"]) if fields.get("year") else None
    if year is not None and year <= 0:
        return False
    month = int(fields["month"]) if fields.get("month") else None
    if month is not None and not 1 <= month <= 12:
        return False
    if fields.get("day") and (month is None
                              or not 1 <= int(fields["day"]) <= _days_in(year, month)):
        return False
    if fields.get("week") and (year is None or not 1 <= int(fields["week"]) <= _weeks_in(year)):
        return False
    if fields.get("hour") and (int(fields["hour"]) > 23 or int(fields["minute"]) > 59):
        return False
    if fields.get("second") and int(fields["second"]) > 59:
        return False
    return not (fields.get("oh") and (int(fields["oh"]) > 23 or int(fields["om"]) > 59))


def _duration(value: str) -> bool:
    match = _ISO_DURATION.match(value)
    if match:
        time = match.group("time")
        if time == "":
            return False                # "T" with no hours, minutes or seconds
        return bool(match.group("days") or time)
    if not value.strip():
        return False
    position, scales = 0, set()
    # each component read where the last ended (a search from every character of a long
    # run of digits was quadratic)
    while (component := _COMPONENT.match(value, position)) is not None:
        number, scale = component.group(1), component.group(2).lower()
        if scale in scales or ("." in number and scale != "s"):
            return False
        scales.add(scale)
        position = component.end()
    return bool(scales) and not value[position:].strip()


def kind_of(value: str) -> str | None:
    """Which microsyntax ``value`` is valid in (``"date"``, ``"duration"``...), or None."""
    for kind, pattern in _PATTERNS:
        match = pattern.match(value)
        if match and _fields_ok(match):
            return kind
    if _duration(value):
        return "duration"
    return None


def why_invalid(value: str) -> str:
    """A short reason for a value that :func:`kind_of` rejects, for messages."""
    if value != value.strip():
        return "it has spaces around it"
    for kind, pattern in _PATTERNS:
        match = pattern.match(value)
        if match:
            return f"it is shaped like a {kind} but a field is out of range"
    if re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d\d\d?\Z", value):
        return "its time-zone offset needs four digits (+HH:MM or +HHMM)"
    if re.search(r"\d\d:\d\d:\d\d\.\d{4,}", value):
        return "fractions of a second have at most three digits"
    if re.match(r"\d{1,2}/\d{1,2}/\d{2,4}", value):
        return "dates are written YYYY-MM-DD"
    return "it is none of HTML's date, time or duration formats"

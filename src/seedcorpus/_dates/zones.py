"""Time zones of :class:`~seedcorpus.PartialDate`: IANA names and ``±HH:MM`` offsets.

>>> canonical_offset("+0900"), zone_info("+09:00").utcoffset(None)
('+09:00', datetime.timedelta(seconds=32400))
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import tz as du_tz

from seedcorpus._exceptions import DateError

OFFSET = re.compile(r"([+-])([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?")
_ZONE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*")
TZ_CACHE: dict[str, dt.tzinfo] = {}


def zone_info(name: str) -> dt.tzinfo:
    """The tzinfo for an IANA name or a ``±HH:MM`` offset (DateError when unknown)."""
    found = TZ_CACHE.get(name)
    if found is not None:
        return found
    offset = OFFSET.fullmatch(name)
    info: dt.tzinfo | None
    if offset is not None:
        sign, hours, minutes, secs = offset.groups()
        if int(hours) > 23 or int(minutes) > 59 or int(secs or 0) > 59:
            raise DateError(f"time zone offset {name!r} is out of range (-23:59 to +23:59)")
        seconds = int(hours) * 3600 + int(minutes) * 60 + int(secs or 0)
        seconds = -seconds if sign == "-" else seconds
        if canonical_offset(name) != name:
            raise DateError(f"write time zone offset {name!r} as {canonical_offset(name)!r}")
        info = du_tz.tzoffset(None, seconds)
    elif _ZONE_NAME.fullmatch(name) is None or len(name) > 64:
        raise DateError(f"time zone {name!r} is neither an IANA name nor a ±HH:MM offset")
    else:
        info = du_tz.gettz(name)
        if info is None or isinstance(info, du_tz.tzlocal):
            raise DateError(f"unknown time zone {name!r} (expected an IANA name or ±HH:MM)")
    TZ_CACHE[name] = info
    return info


def canonical_offset(text: str) -> str:
    """``Z``, ``+0900``, ``-00:00`` and the like as ``±HH:MM[:SS]`` (``+00:00`` for UTC)."""
    if text in ("Z", "z"):
        return "+00:00"
    digits = text[1:].replace(":", "")
    if len(digits) not in (4, 6) or not digits.isascii() or not digits.isdigit():
        raise DateError(f"time zone offset {text!r} must be ±HH:MM or ±HH:MM:SS")
    if digits.endswith("00") and len(digits) == 6:
        digits = digits[:4]
    sign = "+" if set(digits) == {"0"} else text[0]
    return sign + ":".join(digits[i : i + 2] for i in range(0, len(digits), 2))


def format_offset(offset: dt.timedelta) -> str:
    seconds = int(offset.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    return f"{text}:{secs:02d}" if secs else text


def tz_name_of(info: dt.tzinfo, moment: dt.datetime) -> str:
    """The ``tz`` string for an aware datetime's tzinfo: its IANA key when known."""
    key = getattr(info, "key", None)  # zoneinfo.ZoneInfo
    if isinstance(key, str):
        return key
    for name, cached in TZ_CACHE.items():
        if cached is info and not OFFSET.fullmatch(name):
            return name
    offset = info.utcoffset(moment)
    if offset is None:
        raise DateError(f"time zone {info!r} gives no UTC offset for {moment}")
    return canonical_offset(format_offset(offset))

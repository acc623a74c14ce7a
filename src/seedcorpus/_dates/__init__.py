"""Dates with precision: :class:`PartialDate`, :func:`parse_date` and :func:`find_dates`.

A :class:`PartialDate` is a calendar date-time known to a precision (year, month, day,
minute or second), optionally in a time zone, and it is the interval of every instant it
may stand for. :func:`parse_date` reads one date (ISO 8601 and its dotted/slashed kin,
Indonesian and English long forms, day-first numerics, relative phrases against a
reference); :func:`find_dates` finds every date an article mentions. No part that the
text does not give is ever made up: missing parts stay missing, and a year taken from the
reference or from the text is marked as inferred.

The modules, from the bottom up: ``zones`` (IANA names and offsets), ``partial``
(:class:`PartialDate`, its interval, order and ISO form), ``languages`` (the parserinfo
and CLDR tables), ``grammar`` (the mention pattern), ``resolve`` (completing a mention's
date), ``parse`` (:func:`parse_date`) and ``mentions`` (:func:`find_dates`).

>>> from seedcorpus import parse_date
>>> parse_date("2021-12").precision, str(parse_date("18 Maret 2024"))
('month', '2024-03-18')
"""

from __future__ import annotations

from seedcorpus._dates.languages import (
    DATE_LANGUAGES,
    EnglishParserInfo,
    IndonesianParserInfo,
)
from seedcorpus._dates.mentions import DateMention, find_date_mentions, find_dates
from seedcorpus._dates.parse import parse_date, parse_header_date
from seedcorpus._dates.partial import PRECISIONS, PartialDate, Precision, sort_key
from seedcorpus._dates.resolve import RESOLUTIONS, Resolution

__all__ = [
    "DATE_LANGUAGES",
    "PRECISIONS",
    "RESOLUTIONS",
    "DateMention",
    "EnglishParserInfo",
    "IndonesianParserInfo",
    "PartialDate",
    "Precision",
    "Resolution",
    "find_date_mentions",
    "find_dates",
    "parse_date",
    "parse_header_date",
    "sort_key",
]

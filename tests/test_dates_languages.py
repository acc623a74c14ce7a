"""Dates in every language the publishers print (the parserinfo and CLDR tables)."""

from __future__ import annotations

from pathlib import Path

import pytest

from seedcorpus import DateParseError
from seedcorpus._dates import (
    PartialDate,
    find_dates,
    parse_date,
    parse_header_date,
)

P = PartialDate.fromisoformat


# -- issue 18: dates in every language the publishers print ------------------------------------

_LANGUAGE_FORMS = [
    # (language, text, iso): a full date, a month and year, a year, in each language
    ("fr", "5 février 2024", "2024-02-05"),
    ("fr", "lundi 5 février 2024", "2024-02-05"),
    ("fr", "1er mars 2024", "2024-03-01"),
    ("fr", "5 févr. 2024", "2024-02-05"),
    ("fr", "février 2024", "2024-02"),
    ("de", "5. Februar 2024", "2024-02-05"),
    ("de", "Montag, 5. Februar 2024", "2024-02-05"),
    ("de", "5. März 2024", "2024-03-05"),
    ("de", "Februar 2024", "2024-02"),
    ("es", "5 de febrero de 2024", "2024-02-05"),
    ("es", "lunes, 5 de febrero de 2024", "2024-02-05"),
    ("es", "febrero de 2024", "2024-02"),
    ("vi", "5 tháng 2 năm 2024", "2024-02-05"),
    ("vi", "Thứ Hai, ngày 5 tháng 2 năm 2024", "2024-02-05"),
    ("vi", "tháng 2 năm 2024", "2024-02"),
    ("vi", "năm 2024", "2024"),
    ("ru", "5 февраля 2024", "2024-02-05"),
    ("ru", "понедельник, 5 февраля 2024 г.", "2024-02-05"),
    ("ru", "5 февраля 2024 года", "2024-02-05"),
    ("ru", "февраль 2024", "2024-02"),
    ("ko", "2024년 2월 5일", "2024-02-05"),
    ("ko", "2024년 2월 5일 월요일", "2024-02-05"),
    ("ko", "2024년 2월 5일(월)", "2024-02-05"),
    ("ko", "2024년 2월", "2024-02"),
    ("ko", "2024년", "2024"),
    ("zh", "2024年2月5日", "2024-02-05"),
    ("zh", "2024年2月5日 星期一", "2024-02-05"),
    ("zh", "2024年2月", "2024-02"),
    ("zh", "2024年", "2024"),
    ("ja", "2024年2月5日(月)", "2024-02-05"),
    ("ja", "2024年2月5日 月曜日", "2024-02-05"),
    ("ja", "２０２４年２月５日", "2024-02-05"),
    ("ar", "5 فبراير 2024", "2024-02-05"),
    ("ar", "الاثنين، 5 فبراير 2024", "2024-02-05"),
    ("ar", "٥ فبراير ٢٠٢٤", "2024-02-05"),
    ("ar", "فبراير 2024", "2024-02"),
    ("en", "Monday, February 5, 2024", "2024-02-05"),
    ("id", "Senin, 5 Februari 2024", "2024-02-05"),
]


@pytest.mark.parametrize(("language", "text", "iso"), _LANGUAGE_FORMS)
def test_every_language_parses_with_the_precision_it_prints(
    language: str, text: str, iso: str
) -> None:
    assert parse_date(text, language=language) == P(iso)
    assert parse_date(text) == P(iso)  # without a language too: full names of every language


@pytest.mark.parametrize(("language", "text", "iso"), _LANGUAGE_FORMS)
def test_every_language_is_found_in_running_text_with_its_span(
    language: str, text: str, iso: str
) -> None:
    body = f"« {text} »: x"
    found = [m for m in find_dates(body, language=language) if m.date == P(iso)]
    assert [(m.span, m.text, m.resolution) for m in found] == [
        ((2, 2 + len(text)), text, "explicit")
    ]


@pytest.mark.parametrize(
    ("language", "text", "iso"),
    [
        ("fr", "le 5 février", "2024-02-05"),
        ("de", "am 5. Februar", "2024-02-05"),
        ("es", "el 5 de febrero", "2024-02-05"),
        ("vi", "ngày 5 tháng 2", "2024-02-05"),
        ("ru", "5 февраля", "2024-02-05"),
        ("ko", "2월 5일에", "2024-02-05"),
        ("zh", "于2月5日", "2024-02-05"),
        ("ja", "2月5日に", "2024-02-05"),
        ("ar", "في 5 فبراير", "2024-02-05"),
    ],
)
def test_a_day_without_a_year_takes_the_reference_year_in_every_language(
    language: str, text: str, iso: str
) -> None:
    [m] = find_dates(text, reference=P("2024-03-01"), language=language)
    assert (m.date, m.resolution, m.inferred) == (P(iso), "year_from_reference", True)


@pytest.mark.parametrize(
    ("language", "text", "iso"),
    [
        ("fr", "hier", "2024-02-06"),
        ("fr", "aujourd'hui", "2024-02-07"),
        ("fr", "l’année dernière", "2023"),
        ("fr", "le mois prochain", "2024-03"),
        ("de", "gestern", "2024-02-06"),
        ("de", "nächstes Jahr", "2025"),
        ("es", "ayer", "2024-02-06"),
        ("es", "el año pasado", "2023"),
        ("vi", "hôm qua", "2024-02-06"),
        ("vi", "năm ngoái", "2023"),
        ("ru", "вчера", "2024-02-06"),
        ("ru", "в прошлом году", "2023"),
        ("ko", "어제", "2024-02-06"),
        ("ko", "내년", "2025"),
        ("zh", "昨天", "2024-02-06"),
        ("zh", "去年", "2023"),
        ("ja", "昨日", "2024-02-06"),
        ("ja", "来年", "2025"),
        ("ar", "أمس", "2024-02-06"),
        ("ar", "السنة الماضية", "2023"),
    ],
)
def test_relative_words_of_the_document_language_resolve_against_the_reference(
    language: str, text: str, iso: str
) -> None:
    reference = P("2024-02-07")
    assert parse_date(text, reference=reference, language=language) == P(iso)
    [m] = find_dates(f"({text})", reference=reference, language=language)
    assert (m.text, m.date, m.resolution) == (text, P(iso), "relative")


def test_relative_words_of_other_languages_need_the_language() -> None:
    # "morgen" and "mañana" are also "morning": read only in German or Spanish documents.
    assert find_dates("heute morgen", reference=P("2024-02-07")) == ()
    assert find_dates("heute", reference=P("2024-02-07"), language="id") == ()
    [m] = find_dates("heute", reference=P("2024-02-07"), language="de")
    assert m.date == P("2024-02-07")


@pytest.mark.parametrize(
    ("language", "right", "wrong"),
    [
        ("id", "Senin, 5 Februari 2024", "Selasa, 5 Februari 2024"),
        ("en", "Monday, February 5, 2024", "Tuesday, February 5, 2024"),
        ("fr", "lundi 5 février 2024", "mardi 5 février 2024"),
        ("de", "Montag, 5. Februar 2024", "Dienstag, 5. Februar 2024"),
        ("es", "lunes, 5 de febrero de 2024", "martes, 5 de febrero de 2024"),
        ("vi", "Thứ Hai, ngày 5 tháng 2 năm 2024", "Thứ Ba, ngày 5 tháng 2 năm 2024"),
        ("ru", "понедельник, 5 февраля 2024", "вторник, 5 февраля 2024"),
        ("ko", "2024년 2월 5일 월요일", "2024년 2월 5일 화요일"),
        ("zh", "2024年2月5日 星期一", "2024年2月5日 星期二"),
        ("ja", "2024年2月5日(月)", "2024年2月5日(火)"),
        ("ar", "الاثنين، 5 فبراير 2024", "الثلاثاء، 5 فبراير 2024"),
    ],
)
def test_a_weekday_that_disagrees_is_flagged_in_every_language(
    language: str, right: str, wrong: str
) -> None:
    assert parse_date(right, language=language) == PartialDate(2024, 2, 5)
    with pytest.raises(DateParseError, match=r"it says Tuesday, but 2024-02-05 is a Monday"):
        parse_date(wrong, language=language)
    assert parse_date(wrong, language=language, check_weekday=False) == PartialDate(2024, 2, 5)
    [ok] = find_dates(right, language=language)
    [flagged] = find_dates(wrong, language=language)
    assert (ok.weekday_mismatch, flagged.weekday_mismatch) == (False, True)
    assert flagged.date == PartialDate(2024, 2, 5)


def test_issue_13_a_wrong_weekday_is_an_error_not_a_date() -> None:
    with pytest.raises(DateParseError, match="Selasa, 5 Februari 2024"):
        parse_date("Selasa, 5 Februari 2024")
    # also where dateutil reads the rest (a clock time after the date)
    with pytest.raises(DateParseError, match="it says Tuesday"):
        parse_date("Selasa, 5 Februari 2024 pukul 10.30")
    assert str(parse_date("Senin, 5 Februari 2024 pukul 10.30")) == "2024-02-05T10:30"
    with pytest.raises(DateParseError, match="it says Tuesday"):
        parse_header_date("Selasa, 5 Februari 2024", tz="Asia/Jakarta")


def test_issue_13_parse_date_of_a_non_string_is_a_type_error() -> None:
    for value in (None, 2024, b"2024-02-05"):
        with pytest.raises(TypeError, match="parse_date takes a str"):
            parse_date(value)  # type: ignore[arg-type]
    assert parse_date("Selasa, 5 Februari 2024", check_weekday=False) == PartialDate(2024, 2, 5)


def test_the_document_language_decides_a_name_two_languages_share() -> None:
    # Spanish "mar" is martes (Tuesday) among the weekdays but "mar." March among months;
    # its abbreviations apply only in a Spanish document, and never as weekdays.
    assert find_dates("el 5 ago 2024", language="en") == ()  # "ago" is English
    [m] = find_dates("el 5 ago 2024", language="es")
    assert m.date == PartialDate(2024, 8, 5)


def test_language_codes_take_regions_and_unknown_ones_fall_back() -> None:
    assert parse_date("5 févr 2024", language="fr-FR") == PartialDate(2024, 2, 5)
    assert parse_date("5 févr 2024", language="fr_CA") == PartialDate(2024, 2, 5)
    assert parse_date("5 février 2024", language="xx") == PartialDate(2024, 2, 5)
    with pytest.raises(TypeError, match="language must be a str"):
        parse_date("2024", language=5)  # type: ignore[arg-type]


def test_the_cldr_tables_are_loaded_once_and_only_when_needed() -> None:
    import subprocess
    import sys

    code = (
        "import sys, seedcorpus\n"
        "assert 'babel' not in sys.modules, 'imported with the package'\n"
        "seedcorpus.parse_date('2024-02-05')\n"
        "assert 'babel' not in sys.modules, 'imported for an ISO date'\n"
        "seedcorpus.find_dates('5 février 2024')\n"
        "assert 'babel' in sys.modules\n"
        "from seedcorpus._dates.grammar import grammar_for\n"
        "from seedcorpus._dates.languages import cldr_table\n"
        "misses = cldr_table.cache_info().misses, grammar_for.cache_info().misses\n"
        "seedcorpus.find_dates('5 Februar 2024'); seedcorpus.parse_date('5 февраля 2024')\n"
        "assert misses == (cldr_table.cache_info().misses, grammar_for.cache_info().misses)\n"
    )
    src = Path(__file__).resolve().parents[1] / "src"
    env = {**__import__("os").environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("language", ["fr", "de", "es", "vi", "ru", "ko", "zh", "ja", "ar"])
def test_numeric_order_is_the_one_cldr_gives_each_language(language: str) -> None:
    # Every language read here writes numeric dates day first or year first (en: en_GB
    # and the publishers); none month first, so the order is never guessed across them.
    from babel.dates import get_date_format

    pattern = get_date_format("short", locale=language).pattern
    order = "".join(c for c in pattern if c in "yMd")
    assert order.replace("yy", "y").replace("MM", "M").replace("dd", "d") in ("dMy", "yMd")

"""Specification of the checked readers of JSON-ready data (seedcorpus._interchange)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given

import seedcorpus
from seedcorpus import DateMention, InterchangeError, PartialDate
from seedcorpus._interchange import (
    checked_field,
    checked_list,
    checked_mapping,
    checked_strings,
    date_from_fields,
    is_kind,
    language_share,
    mention_from_dict,
    mention_to_dict,
    published_fields,
    published_from,
)
from seedcorpus.testing import partial_dates


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        (1, int, True),
        (True, int, False),  # JSON's true is no number
        (True, bool, True),
        (1, bool, False),
        (1, float, True),  # JSON's 1 is a number
        (1.5, float, True),
        (False, float, False),
        ("1", int, False),
        ("a", str, True),
    ],
)
def test_kinds_are_json_s(value: object, kind: type, expected: bool) -> None:
    assert is_kind(value, kind) is expected


def test_a_field_is_checked_and_named_with_where_it_is() -> None:
    data = {"line": 3, "path": None}
    assert checked_field(data, "line", int, "problem.") == 3
    assert checked_field(data, "path", str, nullable=True) is None
    assert checked_field(data, "gone", str, default="x") == "x"
    with pytest.raises(InterchangeError, match=r"missing 'problem\.gone'"):
        checked_field(data, "gone", str, "problem.")
    with pytest.raises(InterchangeError, match="'path' must be a str, not NoneType"):
        checked_field(data, "path", str)
    with pytest.raises(InterchangeError, match="'line' must be a str or null, not int"):
        checked_field(data, "line", str, nullable=True)


def test_lists_and_strings_are_checked_item_by_item() -> None:
    assert checked_list({}, "dates") == []
    assert checked_strings({"captions": ["a", "b"]}, "captions") == ("a", "b")
    with pytest.raises(InterchangeError, match="'dates' must be a list, not dict"):
        checked_list({"dates": {}}, "dates")
    with pytest.raises(InterchangeError, match=r"'source.cited\[1\]' must be a str, not int"):
        checked_strings({"cited": ["Yonhap", 3]}, "cited", "source.")
    with pytest.raises(InterchangeError, match="'source' must be an object, not str"):
        checked_mapping("Yonhap", "source")


@given(partial_dates())
def test_a_date_survives_its_three_plain_fields_through_json(date: PartialDate) -> None:
    fields = json.loads(json.dumps(published_fields(date, "published")))
    assert set(fields) == {"published", "published_precision", "published_tz"}
    back = date_from_fields(fields, "published")
    assert back == date
    assert back is not None
    assert back.isoformat() == date.isoformat()
    assert published_from(fields) == date


def test_no_date_is_three_nulls_and_the_lossless_form_is_still_read() -> None:
    assert published_fields(None, "published") == dict.fromkeys(
        ("published", "published_precision", "published_tz")
    )
    assert date_from_fields({"published": None}, "published") is None
    lossless = date_from_fields({"published": "2021-12[Asia/Seoul]"}, "published")
    assert lossless == PartialDate(2021, 12, tz="Asia/Seoul")
    with pytest.raises(InterchangeError, match="'published': "):
        published_from({"published": "2021-13", "published_precision": None, "published_tz": None})


def test_mentions_survive_json_and_bad_ones_name_their_field() -> None:
    document = seedcorpus.load()["17e8dcca59894ba3"]
    assert document.dates
    for i, mention in enumerate(document.dates):
        data = json.loads(json.dumps(mention_to_dict(mention)))
        back = mention_from_dict(data, f"dates[{i}].")
        assert isinstance(back, DateMention)
        assert back == mention
    data = mention_to_dict(document.dates[0])
    bad: list[tuple[dict[str, Any], str]] = [
        ({**data, "span": [1]}, r"'dates\[0\].span' must be two ints"),
        ({**data, "resolution": "guessed"}, r"'dates\[0\].resolution' is not one of"),
        ({**data, "date": "yesterday"}, r"'dates\[0\].date': "),
        ({**data, "inferred": "no"}, r"'dates\[0\].inferred' must be a bool"),
    ]
    for wrong, message in bad:
        with pytest.raises(InterchangeError, match=message):
            mention_from_dict(wrong, "dates[0].")


def test_a_language_share_is_a_code_and_a_number() -> None:
    assert language_share(["id", 1], "languages[0]") == ("id", 1.0)
    for wrong in (["id"], ("id", 0.5), ["id", "0.5"], [1, 0.5], {"id": 0.5}):
        with pytest.raises(InterchangeError, match=r"'languages\[0\]' must be a \[code, share\]"):
            language_share(wrong, "languages[0]")

"""Exports: JSON Lines round trip, CSV metadata, Arrow/pandas/Parquet, Hugging Face, extras."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import seedcorpus
from seedcorpus._corpus import Corpus
from seedcorpus._exceptions import InterchangeError, MissingExtraError
from seedcorpus._export import (
    COLUMNS,
    CSV_FIELDS,
    DEFAULT_CSV_FIELDS,
    to_arrow,
    to_hf_dataset,
    to_pandas,
    to_parquet,
)
from seedcorpus._load import read_jsonl
from seedcorpus.testing import corpora


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return seedcorpus.load()


# -- JSON Lines -----------------------------------------------------------------------


def test_jsonl_has_one_document_dict_per_line(seeds: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    assert seeds.to_jsonl(path) == 5
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [d.to_dict() for d in seeds]


def test_jsonl_is_utf8_without_ascii_escapes(tmp_path: Path) -> None:
    doc = seedcorpus.load()["3ce8b0aa36825b41"]
    path = tmp_path / "x.jsonl"
    Corpus.from_documents([doc]).to_jsonl(path)
    assert "\\u" not in path.read_text(encoding="utf-8")
    assert json.loads(path.read_bytes().decode("utf-8"))["raw"] == doc.raw


def test_jsonl_round_trip_gives_an_equal_corpus(seeds: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    seeds.to_jsonl(path)
    again = read_jsonl(path)
    assert again.keys() == seeds.keys()
    assert list(again) == list(seeds)
    assert len(again) == 5


def test_jsonl_round_trip_keeps_the_order_of_a_sorted_view(seeds: Corpus) -> None:
    view = seeds.sorted("published", reverse=True)
    buffer = io.BytesIO()
    view.to_jsonl(buffer)
    assert read_jsonl(io.BytesIO(buffer.getvalue())).keys() == view.keys()


def test_jsonl_writes_to_text_and_binary_files_and_leaves_them_open(seeds: Corpus) -> None:
    text, binary = io.StringIO(), io.BytesIO()
    seeds.head(2).to_jsonl(text)
    seeds.head(2).to_jsonl(binary)
    assert not text.closed
    assert not binary.closed
    assert text.getvalue().encode("utf-8") == binary.getvalue()


def test_a_corpus_read_from_jsonl_filters_sorts_and_groups_like_a_loaded_one(
    seeds: Corpus, tmp_path: Path
) -> None:
    path = tmp_path / "corpus.jsonl"
    seeds.to_jsonl(path)
    again = read_jsonl(path)
    assert (
        again.filter(photo_credit="YONHAP News").keys()
        == seeds.filter(photo_credit="YONHAP News").keys()
    )
    assert again.sorted("published").keys() == seeds.sorted("published").keys()
    assert {k: v.keys() for k, v in again.group_by("layout").items()} == {
        k: v.keys() for k, v in seeds.group_by("layout").items()
    }


def test_read_jsonl_keeps_derived_views_without_recomputing(seeds: Corpus) -> None:
    buffer = io.StringIO()
    seeds.to_jsonl(buffer)
    buffer.seek(0)
    for document in read_jsonl(buffer):
        assert "_language_guess" in document.__dict__
        assert "dates" in document.__dict__


def test_read_jsonl_skips_blank_lines(seeds: Corpus) -> None:
    buffer = io.StringIO()
    seeds.head(2).to_jsonl(buffer)
    padded = "\n" + buffer.getvalue().replace("\n", "\n\n")
    assert read_jsonl(io.StringIO(padded)).keys() == seeds.head(2).keys()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json}\n", "2: not JSON"),
        ("[1, 2]\n", "2: not a seedcorpus document: a JSON list"),
        ('{"key": "0123456789abcdef"}\n', "2: not a seedcorpus document: missing 'ordinal'"),
    ],
)
def test_read_jsonl_names_the_file_and_line_of_a_bad_line(
    seeds: Corpus, tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "bad.jsonl"
    buffer = io.StringIO()
    seeds.head(1).to_jsonl(buffer)
    path.write_text(buffer.getvalue() + content, encoding="utf-8")
    with pytest.raises(InterchangeError, match=f"bad.jsonl:{problem}") as raised:
        read_jsonl(path)
    assert isinstance(raised.value, ValueError)


def test_read_jsonl_rejects_what_is_not_a_file() -> None:
    with pytest.raises(TypeError, match="path or an open file"):
        read_jsonl(42)  # type: ignore[arg-type]


@given(corpora(max_size=5))
def test_jsonl_round_trip_on_generated_corpora(corpus: Corpus) -> None:
    buffer = io.StringIO()
    assert corpus.to_jsonl(buffer) == len(corpus)
    buffer.seek(0)
    again = read_jsonl(buffer)
    assert again.keys() == corpus.keys()
    assert list(again) == list(corpus)


# -- CSV ------------------------------------------------------------------------------


def test_csv_holds_the_default_metadata_fields(seeds: Corpus) -> None:
    buffer = io.StringIO()
    assert seeds.to_csv(buffer) == 5
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert tuple(rows[0]) == DEFAULT_CSV_FIELDS
    assert [r["key"] for r in rows] == list(seeds.keys())
    first = rows[0]
    assert (first["published"], first["published_precision"], first["published_tz"]) == (
        "2021-12-01",
        "month",
        "Asia/Seoul",
    )
    assert first["photo_credit"] == "Yonhap"
    assert rows[2]["publisher"] == ""  # the portal names no publisher
    assert "text" not in first
    assert "raw" not in first


def test_csv_columns_choose_and_order_columns(seeds: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "meta.csv"
    seeds.to_csv(path, columns=["publisher", "key", "cited"])
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert rows[0] == ["publisher", "key", "cited"]
    assert rows[3] == ["", "78355a868c833a8d", "; ".join(seeds["78355a868c833a8d"].source.cited)]


def test_csv_can_carry_the_text_and_the_raw_file(seeds: Corpus) -> None:
    buffer = io.StringIO()
    seeds.to_csv(buffer, columns=["key", "text", "raw"])
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert [row["text"] for row in rows] == [d.text for d in seeds]
    assert [row["raw"] for row in rows] == [d.raw for d in seeds]


def test_csv_fields_is_a_deprecated_name_for_columns(seeds: Corpus) -> None:
    old, new = io.StringIO(), io.StringIO()
    with pytest.warns(DeprecationWarning, match=r"fields=.*use columns=") as warned:
        seeds.to_csv(old, fields=["key", "layout"])
    assert warned[0].filename == __file__  # points at the caller
    seeds.to_csv(new, columns=["key", "layout"])
    assert old.getvalue() == new.getvalue()
    with pytest.raises(TypeError, match="not both"):
        seeds.to_csv(io.StringIO(), columns=["key"], fields=["key"])


@pytest.mark.parametrize(
    ("columns", "error"), [(["txt"], ValueError), ("key", TypeError), ([], ValueError)]
)
def test_csv_rejects_unknown_or_malformed_columns_before_writing(
    seeds: Corpus, columns: Any, error: type[Exception]
) -> None:
    buffer = io.StringIO()
    with pytest.raises(error, match="columns"):
        seeds.to_csv(buffer, columns=columns)
    assert buffer.getvalue() == ""


def test_every_export_has_the_same_columns_and_dates_other_tools_read(
    seeds: Corpus, tmp_path: Path
) -> None:
    pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    dates = ["published", "published_precision", "published_tz"]
    assert set(CSV_FIELDS) == {*COLUMNS, "raw"}
    expected = [
        [d.published.rfc3339(), d.published.precision, d.published.tz]
        if d.published is not None
        else [None, None, None]
        for d in seeds
    ]
    buffer = io.StringIO()
    seeds.to_csv(buffer, columns=dates)
    from_csv = [[v or None for v in row] for row in csv.reader(io.StringIO(buffer.getvalue()))]
    jsonl = io.StringIO()
    seeds.to_jsonl(jsonl)
    from_jsonl = [[json.loads(line)[c] for c in dates] for line in jsonl.getvalue().splitlines()]
    frame = seeds.to_pandas(columns=dates)
    from_pandas = [[None if pd.isna(v) else v for v in row] for row in frame.values.tolist()]
    seeds.to_parquet(tmp_path / "p.parquet", columns=dates)
    from_parquet = pd.read_parquet(tmp_path / "p.parquet").values.tolist()
    assert from_csv[0] == dates
    assert from_csv[1:] == from_jsonl == from_pandas == expected
    assert [[None if pd.isna(v) else v for v in row] for row in from_parquet] == expected
    for published, _, _ in expected:
        if published is not None:
            dt.datetime.fromisoformat(published)
    assert pd.to_datetime(frame["published"], format="ISO8601", utc=True).notna().sum() == 4


# -- Arrow, pandas, Parquet -----------------------------------------------------------


def test_arrow_table_has_typed_columns(seeds: Corpus) -> None:
    pa = pytest.importorskip("pyarrow")
    table = seeds.to_arrow()
    assert table.num_rows == 5
    assert tuple(table.schema.names) == COLUMNS
    assert table.schema.field("published").type == pa.string()
    assert table.schema.field("published_start").type == pa.timestamp("us")
    assert table.schema.field("ordinal").type == pa.int64()
    assert table.schema.field("cited").type == pa.list_(pa.string())
    assert table.schema.field("captions").type == pa.list_(pa.string())
    assert pa.types.is_struct(table.schema.field("problems").type.value_type)


def test_arrow_published_is_plain_text_with_precision_zone_and_wall_interval(
    seeds: Corpus,
) -> None:
    pytest.importorskip("pyarrow")
    rows = seeds.to_arrow(
        columns=[
            "key",
            "published",
            "published_precision",
            "published_tz",
            "published_start",
            "published_end",
        ]
    ).to_pylist()
    kbs = rows[0]
    assert kbs["published"] == "2021-12-01"
    assert (kbs["published_precision"], kbs["published_tz"]) == ("month", "Asia/Seoul")
    assert kbs["published_start"] == dt.datetime(2021, 12, 1)
    assert kbs["published_end"] == dt.datetime(2022, 1, 1)
    assert rows[2]["published"] is rows[2]["published_precision"] is None
    cri = rows[4]
    assert cri["published"] == "2024-05-27T17:07:04+08:00"
    assert cri["published_start"] == dt.datetime(2024, 5, 27, 17, 7, 4)


def test_arrow_columns_select_and_raw_is_opt_in(seeds: Corpus) -> None:
    pytest.importorskip("pyarrow")
    assert "raw" not in seeds.to_arrow().schema.names
    table = seeds.to_arrow(columns=["raw", "key"])
    assert table.schema.names == ["raw", "key"]
    assert table.column("raw").to_pylist() == [d.raw for d in seeds]
    with pytest.raises(ValueError, match="'bogus'"):
        seeds.to_arrow(columns=["bogus"])


def test_arrow_without_language_columns_does_not_detect_language(seeds: Corpus) -> None:
    pytest.importorskip("pyarrow")
    seen: list[Any] = []
    to_arrow(_Recording(seeds, seen), columns=["key", "publisher", "published"])
    assert seen
    assert all("_language_guess" not in d.__dict__ for d in seen)


class _Recording:
    def __init__(self, corpus: Corpus, seen: list[Any]) -> None:
        self.corpus, self.seen = corpus, seen

    def __iter__(self) -> Any:
        for document in self.corpus:
            self.seen.append(document)
            yield document


def test_arrow_of_an_empty_corpus_is_an_empty_table_with_the_schema(seeds: Corpus) -> None:
    pytest.importorskip("pyarrow")
    table = seeds.filter(publisher="Nobody").to_arrow()
    assert table.num_rows == 0
    assert tuple(table.schema.names) == COLUMNS


def test_pandas_frame_has_datetimes_and_python_lists(seeds: Corpus) -> None:
    pd = pytest.importorskip("pandas")
    frame = seeds.to_pandas()
    assert list(frame["key"]) == list(seeds.keys())
    assert pd.api.types.is_datetime64_any_dtype(frame["published_start"])
    assert frame["published"].isna().tolist() == [d.published is None for d in seeds]
    assert frame["cited"].tolist() == [list(d.source.cited) for d in seeds]
    assert frame.groupby("publisher").size().to_dict() == {
        "China Radio International": 1,
        "KBS World Radio": 2,
        "Korea.net": 1,
    }


def test_parquet_round_trips_through_pyarrow(seeds: Corpus, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "corpus.parquet"
    assert seeds.to_parquet(path) == 5
    assert parquet.read_table(path).equals(seeds.to_arrow())


def test_hf_dataset_wraps_the_arrow_table(seeds: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyarrow")
    fake = types.ModuleType("datasets")

    class Dataset:
        def __init__(self, table: Any) -> None:
            self.table = table

    fake.Dataset = Dataset  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "datasets", fake)
    dataset = seeds.to_hf_dataset(columns=["key", "language"])
    assert isinstance(dataset, Dataset)
    assert dataset.table.equals(seeds.to_arrow(columns=["key", "language"]))


def test_hf_dataset_with_the_real_library(seeds: Corpus) -> None:
    pytest.importorskip("datasets", reason="the hf extra (datasets) is not installed")
    dataset = seeds.to_hf_dataset(columns=["key", "publisher"])
    assert dataset["key"] == list(seeds.keys())


# -- missing extras -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "module", "extra"),
    [
        (lambda c: to_arrow(c), "pyarrow", "arrow"),
        (lambda c: to_parquet(c, io.BytesIO()), "pyarrow", "arrow"),
        (lambda c: to_pandas(c), "pandas", "pandas"),
        (lambda c: to_hf_dataset(c), "datasets", "hf"),
    ],
)
def test_a_missing_library_names_the_extra_to_install(
    seeds: Corpus, monkeypatch: pytest.MonkeyPatch, call: Any, module: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` raise ImportError
    with pytest.raises(MissingExtraError, match=rf"pip install 'seedcorpus\[{extra}\]'") as info:
        call(seeds)
    assert isinstance(info.value, ImportError)
    assert module in str(info.value)


# -- hostile interchange input (issue 14) ------------------------------------------------------


def _seed_line(seeds: Corpus) -> dict[str, Any]:
    buffer = io.StringIO()
    seeds.head(1).to_jsonl(buffer)
    return dict(json.loads(buffer.getvalue()))


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"source": "x"}, "'source' must be an object, not str"),
        ({"source": None}, "'source' must be an object, not NoneType"),
        ({"source": {"cited": "Yonhap"}}, "'source.cited' must be a list, not str"),
        ({"ordinal": "4"}, "'ordinal' must be an int, not str"),
        ({"ordinal": -1}, "'ordinal' must be 0 or more, not -1"),
        ({"ordinal": True}, "'ordinal' must be an int, not bool"),
        ({"raw": 5}, "'raw' must be a str, not int"),
        ({"roles": ["body"]}, "'roles' has 1 roles for"),
        ({"roles": 7}, "'roles' must be a list, not int"),
        ({"paragraphs": [1]}, "'paragraphs[0]' must be a str, not int"),
        ({"problems": [{"code": "empty"}]}, "missing 'problems[0].message'"),
        ({"problems": ["x"]}, "'problems[0]' must be an object, not str"),
        ({"published": 2021}, "'published' must be a str or null, not int"),
        ({"published": "2021-13"}, "'published': "),
        ({"encoding": "no-such-codec"}, "'encoding' is not a known codec: 'no-such-codec'"),
        ({"encoding": "utf\x008"}, "'encoding' is not a known codec: 'utf\\x008'"),
        ({"dates": [{"span": [1]}]}, "'dates[0].span' must be two ints"),
        ({"languages": [["id"]]}, "'languages[0]' must be a [code, share] pair"),
        ({"language_confidence": "high"}, "'language_confidence' must be a number, not str"),
        ({"language_confidence": 9.0}, "confidence must be between 0.0 and 1.0, not 9.0"),
    ],
)
def test_read_jsonl_checks_every_field_type_and_shape(
    seeds: Corpus, tmp_path: Path, change: dict[str, Any], problem: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(_seed_line(seeds) | change) + "\n", encoding="utf-8")
    with pytest.raises(InterchangeError) as raised:
        read_jsonl(path)
    assert str(raised.value).startswith(f"{path}:1: not a seedcorpus document: ")
    assert problem in str(raised.value)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("[" * 100_000 + "]" * 100_000, "1: not JSON (nested too deeply)"),
        ('{"ordinal": ' + "9" * 5000 + "}", "1: not JSON (a number of 5000 digits)"),
    ],
)
def test_read_jsonl_turns_hostile_json_into_interchange_errors(
    tmp_path: Path, line: str, problem: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InterchangeError) as raised:
        read_jsonl(path)
    assert str(raised.value) == f"{path}:{problem}"


@pytest.mark.parametrize("data", [{}, None, [], {"key": None}, {"source": None}])
def test_document_from_dict_refuses_what_is_not_a_document(data: Any) -> None:
    with pytest.raises(InterchangeError, match=r"^not a seedcorpus document: "):
        seedcorpus.Document.from_dict(data)

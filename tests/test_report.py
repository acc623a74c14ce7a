"""Specification of the visual report: ``Corpus.report`` and ``seedcorpus._report``.

The page's structure is checked as a browser's tokenizer reads it, and every number it
shows against ``Corpus.stats()``.
"""

from __future__ import annotations

import html.parser
import shutil
import sys
import tarfile
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest

import seedcorpus
from seedcorpus import Corpus, MissingExtraError
from seedcorpus._report import MAX_MONTHS, loads_nothing

pytest.importorskip("matplotlib")

HOSTILE_CREDIT = '<script>$x$ & "q"</script>'
HOSTILE_TITLE = "Judul <script>alert('x')</script> & \"kutipan\" $1$"


class _Page(html.parser.HTMLParser):
    """What the tests read of a report: tags, text, count tables, totals and samples."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.tables: dict[str, dict[str, int]] = {}
        self.totals: dict[str, str] = {}
        self.samples: list[str] = []
        self._table: str | None = None
        self._total: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        if tag == "table" and found.get("class") == "counts":
            self._table = str(found["data-stat"])
            self.tables[self._table] = {}
        elif tag == "tr" and self._table is not None and "data-name" in found:
            self.tables[self._table][str(found["data-name"])] = int(str(found["data-count"]))
        elif tag == "dd" and "data-stat" in found:
            self._total = str(found["data-stat"])
        elif tag == "div" and found.get("class") == "sample":
            self.samples.append(str(found["data-key"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._table = None
        elif tag == "dd":
            self._total = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._total is not None:
            self.totals[self._total] = self.totals.get(self._total, "") + data


def _read(page: str) -> _Page:
    parsed = _Page()
    parsed.feed(page)
    parsed.close()
    return parsed


def _check_numbers(corpus: Corpus, page: str) -> _Page:
    """Every count table and total of the page equals ``corpus.stats()``."""
    stats = corpus.stats().to_dict()
    parsed = _read(page)
    for field in ("layouts", "languages", "publishers", "photo_credits", "years", "cited"):
        assert parsed.tables[field] == stats[field], field
    assert parsed.tables["precisions"] == stats["precisions"]
    for field in ("documents", "files_without_document", "problems"):
        assert int(parsed.totals[field]) == stats[field], field
    for field in ("earliest", "latest"):
        expected = stats[field]
        shown = parsed.totals[field]
        assert shown == ("–" if expected is None else str(getattr(corpus.stats(), field)))
    assert loads_nothing(page)
    assert "script" not in parsed.tags
    return parsed


def test_the_seed_report_shows_every_number_of_stats(tmp_path: Path) -> None:
    corpus = seedcorpus.load()
    target = tmp_path / "report.html"
    page = corpus.report(target, title="Seeds")
    assert target.read_text(encoding="utf-8") == page
    parsed = _check_numbers(corpus, page)
    assert parsed.tags.count("svg") == 8  # the timeline and one chart per count table (7)
    assert len(parsed.samples) == 3
    assert set(parsed.samples) <= set(corpus.keys())
    assert "Documents per month, by publisher" in page


def test_the_report_is_the_same_bytes_each_time() -> None:
    assert seedcorpus.load().report() == seedcorpus.load().report()


@pytest.mark.parametrize("kind", ["directory", "zip", "tar"])
def test_directories_and_archives_report_with_problems_named(
    seed_copy: Path, tmp_path: Path, kind: str
) -> None:
    (seed_copy / "005_00000000000000aa.txt").write_bytes(b"\xff\xfe\x00\x00broken\x00")
    (seed_copy / "006_00000000000000ab.txt").write_text(" date 2021-13 Photo : KBS\n\nIsi.")
    source: Path = seed_copy
    if kind == "zip":
        source = tmp_path / "corpus.zip"
        with zipfile.ZipFile(source, "w") as handle:
            for path in sorted(seed_copy.iterdir()):
                handle.write(path, path.name)
    elif kind == "tar":
        source = tmp_path / "corpus.tar"
        with tarfile.open(source, "w") as handle:
            handle.add(seed_copy, arcname="corpus")
    corpus = seedcorpus.load(source)
    page = corpus.report()
    parsed = _check_numbers(corpus, page)
    stats = corpus.stats()
    assert stats.files_without_document == 1
    assert stats.problems >= 2
    text = "".join(parsed.text)
    assert f"Problems ({stats.problems})" in text
    assert "005_00000000000000aa.txt" in text
    assert "006_00000000000000ab.txt" in text


def test_hostile_strings_are_escaped_everywhere() -> None:
    credit = seedcorpus.parse(
        f" date 2021-12 Photo : {HOSTILE_CREDIT}\n\nIsi berita & <b>satu</b> 'dua'.",
        key="00000000000000ef",
        path="x/<evil> & 'path'.txt",
    )
    titled = seedcorpus.parse(
        f"{HOSTILE_TITLE}\n\n2024-05-27 17:07:04  \n\nIsi <img src=x onerror=alert(1)>.",
        key="00000000000000ee",
    )
    corpus = Corpus.from_documents([credit, titled])
    page = corpus.report(title="<b>Report</b> & 'title'")
    parsed = _check_numbers(corpus, page)
    assert HOSTILE_CREDIT in parsed.tables["photo_credits"]
    assert not {"b", "img"} & set(parsed.tags)
    text = "".join(parsed.text)
    assert "<b>Report</b> & 'title'" in text
    assert "x/<evil> & 'path'.txt" in text
    assert "Isi berita & <b>satu</b> 'dua'." in text
    assert "<img src=x" not in page


def test_an_empty_corpus_still_reports(tmp_path: Path) -> None:
    corpus = seedcorpus.load(tmp_path)
    page = corpus.report()
    parsed = _check_numbers(corpus, page)
    assert parsed.totals["documents"] == "0"
    assert parsed.samples == []
    assert "No document is dated to the month." in page
    assert "svg" not in parsed.tags


def test_a_long_span_is_charted_by_year() -> None:
    documents = [
        seedcorpus.parse(f" date {year}-0{month} Photo : KBS\n\nIsi {year}.", key=f"{n:016x}")
        for n, (year, month) in enumerate((y, m) for y in range(2000, 2011) for m in (1, 7))
    ]
    assert MAX_MONTHS < (2010 - 2000) * 12
    page = Corpus.from_documents(documents).report()
    assert "Documents per year, by publisher" in page


def test_samples_can_be_none_or_many() -> None:
    corpus = seedcorpus.load()
    assert _read(corpus.report(samples=0)).samples == []
    assert sorted(_read(corpus.report(samples=10)).samples) == sorted(corpus.keys())
    with pytest.raises(ValueError, match="samples"):
        corpus.report(samples=-1)
    with pytest.raises(TypeError, match="title"):
        corpus.report(title=3)  # type: ignore[arg-type]


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError, match=r"seedcorpus\[report\]"):
        seedcorpus.load().report()


def test_loads_nothing_refuses_what_a_browser_would_fetch() -> None:
    fetching: list[Any] = [
        '<link rel="stylesheet" href="https://x/y.css">',
        "<style>@import 'x.css';</style>",
        "<style>body {background: url(https://x/y.png)}</style>",
        '<img src="y.png">',
        "<iframe></iframe>",
    ]
    assert not any(loads_nothing(page) for page in fetching)
    assert loads_nothing('<svg><use xlink:href="#m1"/><g clip-path="url(#p1)"/></svg>')


def test_the_seeds_copy_reports_like_the_bundled_seeds(tmp_path: Path) -> None:
    target = tmp_path / "c"
    shutil.copytree(seedcorpus.seeds_path(), target)
    bundled = _read(seedcorpus.load().report()).tables
    assert _read(seedcorpus.load(target).report()).tables == bundled


def test_workers_give_the_same_page(seed_copy: Path) -> None:
    serial = seedcorpus.load(seed_copy, workers=1).report()
    assert seedcorpus.load(seed_copy, workers=2).report() == serial


def test_a_missing_folder_is_reported_before_reading(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such directory"):
        seedcorpus.load().report(tmp_path / "missing" / "report.html")


def test_names_in_any_script_draw_without_a_warning() -> None:
    document = seedcorpus.parse(
        " date 2021-12 Photo : 연합뉴스 中新社 Агентство\n\nIsi berita.", key="00000000000000ef"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        page = Corpus.from_documents([document]).report()
    assert "연합뉴스 中新社 Агентство" in page


def test_past_the_limit_problems_are_counted_not_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("seedcorpus._report.MAX_PROBLEMS", 2)
    documents = [
        seedcorpus.parse(" date 2021-13 Photo : KBS\n\nIsi.", key=f"{n:016x}") for n in range(3)
    ]
    corpus = Corpus.from_documents(documents)
    page = corpus.report()
    total = corpus.stats().problems
    assert total >= 3
    assert f"Problems ({total})" in page
    assert page.count("<tr><td><code>") == 2
    assert f"… and {total - 2} more problems." in page

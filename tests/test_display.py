"""Specification of the notebook display: ``Document._repr_html_`` and ``Corpus._repr_html_``."""

from __future__ import annotations

import html.parser
import re
import zipfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import seedcorpus
from seedcorpus import Corpus
from seedcorpus._corpus import HTML_ROWS
from seedcorpus._display import document_html, escape

HOSTILE_TITLE = "Judul <script>alert('x')</script> & \"kutipan\""
HOSTILE_BODY = "Isi <img src=x onerror=alert(1)> & <b>tebal</b> 'satu' \"dua\""


class _Tags(html.parser.HTMLParser):
    """The tags and text of an HTML fragment, as a browser's tokenizer reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parsed(page: str) -> _Tags:
    tags = _Tags()
    tags.feed(page)
    tags.close()
    return tags


def _hostile() -> seedcorpus.Document:
    """A CRI-layout document whose title and text are markup."""
    raw = f"{HOSTILE_TITLE}\n\n2024-05-27 17:07:04  \n\n{HOSTILE_BODY}\n\nKalimat kedua biasa."
    document = seedcorpus.parse(raw, key="00000000000000ee", path="a/<evil>&.txt")
    assert document.title == HOSTILE_TITLE
    return document


def test_a_document_shows_its_metadata_and_every_line_with_its_role() -> None:
    document = seedcorpus.load()["17e8dcca59894ba3"]
    page = document._repr_html_()
    for line in document.lines:
        assert f'class="sc-role sc-{line.role}"' in page
    assert page.count('<td class="sc-n">') == len(document.lines)
    assert page.count('<tr class="sc-dropped">') == sum(
        line.role not in ("body", "blank") for line in document.lines
    )
    assert "Gil Kyuyoung" in page
    assert "2025-01-17 (day)" in page
    assert "30 lines: 8 body, 6 left out of the cleaned text (greyed), 16 blank" in page


def test_plain_repr_stays_short() -> None:
    assert repr(seedcorpus.load()) == "<Corpus of 5 files>"


def test_hostile_strings_are_escaped_in_a_document() -> None:
    page = _hostile()._repr_html_()
    parsed = _parsed(page)
    assert "script" not in parsed.tags
    assert "img" not in parsed.tags
    assert "b" not in parsed.tags
    text = "".join(parsed.text)
    assert HOSTILE_TITLE in text
    assert HOSTILE_BODY in text
    assert "a/<evil>&.txt" in text
    assert "<script>" not in page


def test_hostile_strings_are_escaped_in_a_corpus_table() -> None:
    page = Corpus.from_documents([_hostile()])._repr_html_()
    parsed = _parsed(page)
    assert set(parsed.tags) <= {
        "style",
        "div",
        "strong",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "code",
        "span",
    }
    assert HOSTILE_TITLE in "".join(parsed.text)


def test_a_corpus_shows_its_first_rows_and_its_total(seed_copy: Path) -> None:
    source = seed_copy / "004_3ce8b0aa36825b41.txt"
    for n in range(20):
        (seed_copy / f"{100 + n}_{n:016x}.txt").write_bytes(source.read_bytes())
    corpus = seedcorpus.load(seed_copy)
    page = corpus._repr_html_()
    assert len(re.findall(r"<tr><td><code>", page)) == HTML_ROWS
    assert f"showing {HTML_ROWS} of 25 files" in page
    assert "2021-12 (month)" in page


def test_a_filtered_view_says_what_its_total_counts() -> None:
    page = seedcorpus.load().filter(layout="kbs_world")._repr_html_()
    assert page.count("<tr><td><code>") == 2
    assert "the first 2 matching documents; 5 files before filtering" in page


def test_an_empty_corpus_shows_an_empty_table(tmp_path: Path) -> None:
    page = seedcorpus.load(tmp_path)._repr_html_()
    assert "<tbody></tbody>" in page
    assert "0 files" in page


def test_a_file_with_problems_shows_them() -> None:
    raw = " date 2021-13 Photo : KBS\n\nSatu dua tiga."
    document = seedcorpus.parse(raw, key="00000000000000aa")
    assert document.problems
    page = document._repr_html_()
    assert page.count('<span class="sc-problem">') == len(document.problems)
    table = Corpus.from_documents([document])._repr_html_()
    assert f'<span class="sc-problem">{len(document.problems)}</span>' in table


def test_long_files_are_cut_with_a_count() -> None:
    body = "\n".join(f"Kalimat nomor {n}." for n in range(50))
    document = seedcorpus.parse(f" date 2021-01 Photo : KBS\n\n{body}", key="00000000000000ab")
    page = document_html(document, max_lines=10)
    assert page.count('<td class="sc-n">') == 10
    assert f"… {len(document.lines) - 10} more lines" in page


@given(st.text() | st.sampled_from(["a\r\nb", "&amp;", "<!--", "<![CDATA[x]]>", "&#0;"]))
def test_escaped_text_reads_back_as_the_same_text_and_no_tag(text: str) -> None:
    parsed = _parsed(f'<td>{escape(text)}</td><td title="{escape(text)}"></td>')
    assert parsed.tags == ["td", "td"]
    assert "".join(parsed.text) == text


def test_an_archive_displays_like_the_seeds(seed_copy: Path, tmp_path: Path) -> None:
    archive = tmp_path / "corpus.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for path in sorted(seed_copy.iterdir()):
            handle.write(path, path.name)
    corpus = seedcorpus.load(archive)
    page = corpus._repr_html_()
    assert page.count("<tr><td><code>") == 5
    document = corpus["17e8dcca59894ba3"]
    assert "corpus.zip" in document._repr_html_()
    assert document.lines == seedcorpus.load()["17e8dcca59894ba3"].lines

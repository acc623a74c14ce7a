"""Reliability (issue 8): every bad file, name, encoding and archive gets a clear answer.

Each case builds its own input under ``tmp_path`` and asserts the exact outcome: whether a
document is made, which problem codes it carries, which file they name and what they say.
A file that cannot become a document is left out of iteration and listed in
``corpus.problems``; ``strict=True`` raises it as the matching SeedCorpusError subclass.
The behaviour is documented in ``docs/reliability.md``.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import gzip
import io
import lzma
import os
import random
import re
import shutil
import signal
import tarfile
import tempfile
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from seedcorpus import (
    ArchiveError,
    DecodeError,
    DocumentError,
    DuplicateKeyError,
    FileAccessError,
    FileNameError,
    FileTooLargeError,
)
from seedcorpus._corpus import Corpus
from seedcorpus._load import load
from seedcorpus._parse import DEFAULT_MAX_BYTES, ParseOptions, parse
from seedcorpus._records import ROLES, Document, Problem
from seedcorpus._text import restore_sentence_spaces, split_lines
from seedcorpus.testing import hostile_files

KEY = "0123456789abcdef"
NAME = f"000_{KEY}.txt"
OTHER = "001_fedcba9876543210.txt"
KBS = b" date 2021-12 Photo : YONHAP News\n\nSatu.Dua.\n"
MiB = 1024 * 1024
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


# -- helpers ------------------------------------------------------------------------------


def make_corpus(tmp_path: Path, files: dict[str, bytes], **options: Any) -> tuple[Path, Corpus]:
    """Write ``files`` (relative names) under ``tmp_path/corpus`` and load that directory."""
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder, load(folder, workers=1, **options)


def one_document(corpus: Corpus) -> Document:
    """The corpus's only document, checking that no file was left out."""
    documents = list(corpus)
    assert corpus.problems == ()
    assert len(documents) == 1
    return documents[0]


def codes(document: Document) -> list[str]:
    return [problem.code for problem in document.problems]


def peak_bytes(action: Callable[[], object]) -> int:
    """The peak of Python memory allocated while ``action`` runs."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@contextlib.contextmanager
def hang_guard(seconds: float = 120.0) -> Iterator[None]:
    """Turn a hang into a failure: a watchdog far above the expected time (well under one
    second here), not a timing assertion. Regular expressions and blocking opens are
    interrupted by the signal."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- content: empty, binary, encodings ------------------------------------------------


def test_an_empty_file_is_an_unknown_document_flagged_empty(tmp_path: Path) -> None:
    folder, corpus = make_corpus(tmp_path, {NAME: b""})
    doc = one_document(corpus)
    assert (doc.key, doc.layout, doc.text, doc.raw, doc.roles) == (KEY, "unknown", "", "", ())
    assert doc.problems == (Problem("empty", "the file holds no text", str(folder / NAME)),)


def test_a_whitespace_only_file_is_flagged_empty_and_nothing_else(tmp_path: Path) -> None:
    folder, corpus = make_corpus(tmp_path, {NAME: b" \n\t\n\xc2\xa0\n"})
    doc = one_document(corpus)
    assert (doc.layout, doc.text, doc.roles) == ("unknown", "", ("blank", "blank", "blank"))
    assert doc.problems == (Problem("empty", "the file holds no text", str(folder / NAME)),)
    assert doc.raw == " \n\t\n\u00a0\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Satu.\x00Dua.", "binary content (control byte 0x00 at offset 5)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content (control byte 0x1a at offset 6)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary content (control byte 0x00 at offset 4)"),
        ("Halo".encode("utf-16-le"), "binary content (control byte 0x00 at offset 1)"),
    ],
    ids=["nul-byte", "png", "jpeg", "utf-16-without-bom"],
)
def test_binary_content_makes_no_document_and_a_binary_problem(
    tmp_path: Path, data: bytes, message: str
) -> None:
    folder, corpus = make_corpus(tmp_path, {NAME: data, OTHER: KBS})
    assert [doc.key for doc in corpus] == ["fedcba9876543210"]
    assert corpus.problems == (Problem("binary", message, str(folder / NAME)),)
    with pytest.raises(DecodeError, match=r"binary content") as raised:
        list(load(folder, strict=True, workers=1))
    assert (raised.value.path, raised.value.code) == (str(folder / NAME), "binary")


@pytest.mark.parametrize(
    ("data", "raw", "encoding", "where"),
    [
        (b"Satu dua \xff tiga.\n", "Satu dua ÿ tiga.\n", "cp1252", "byte 0xff at offset 9"),
        (b"Kafe caf\xc3", "Kafe cafÃ", "cp1252", "byte 0xc3 at offset 8"),
        (
            "Café “Kopi” – 5 €".encode("cp1252"),
            "Café “Kopi” – 5 €",
            "cp1252",
            "byte 0xe9 at offset 3",
        ),
        (b"Caf\xe9 \x81.", "Café \x81.", "cp1252-latin1", "byte 0xe9 at offset 3"),
        (b"\x93Halo\x94 \x81", "\u201cHalo\u201d \x81", "cp1252-latin1", "byte 0x93 at offset 0"),
    ],
    ids=["invalid-utf8", "truncated-utf8-sequence", "cp1252-text", "undefined", "quotes-kept"],
)
def test_text_that_is_not_utf8_is_decoded_with_a_fallback_and_flagged(
    tmp_path: Path, data: bytes, raw: str, encoding: str, where: str
) -> None:
    folder, corpus = make_corpus(tmp_path, {NAME: data})
    doc = one_document(corpus)
    assert (doc.raw, doc.encoding, doc.raw_bytes) == (raw, encoding, data)
    assert doc.text == raw.strip()
    assert doc.problems == (
        Problem(
            "decoded_with_fallback",
            f"not valid UTF-8 ({where}); decoded as {encoding}",
            str(folder / NAME),
        ),
        Problem("unknown_layout", "no known layout matches this content", str(folder / NAME)),
    )


def test_strict_loading_raises_a_decode_error_for_a_fallback_decoding(tmp_path: Path) -> None:
    folder, _ = make_corpus(
        tmp_path, {NAME: " date 2021-12 Photo : Café\n\nSatu.".encode("cp1252")}
    )
    with pytest.raises(DecodeError) as raised:
        list(load(folder, strict=True, workers=1))
    assert str(raised.value) == (
        f"{folder / NAME}: not valid UTF-8 (byte 0xe9 at offset 25); decoded as cp1252"
        " [decoded_with_fallback]"
    )


def test_a_utf8_bom_is_decoded_and_kept_in_raw(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + KBS
    _, corpus = make_corpus(tmp_path, {NAME: data})
    doc = one_document(corpus)
    assert (doc.layout, doc.encoding, doc.problems) == ("kbs_world", "utf-8", ())
    assert doc.raw.startswith("\ufeff date 2021-12")
    assert doc.raw_bytes == data
    assert (doc.source.photo_credit, doc.text) == ("Yonhap", "Satu. Dua.")
    assert doc.lines[0].role == "header"


@pytest.mark.parametrize(("codec", "bom"), [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_a_utf16_file_with_a_bom_is_decoded_and_kept_in_raw(
    tmp_path: Path, codec: str, bom: bytes
) -> None:
    text = "Judul berita\r\n\r\n2024-05-27 17:07:04\r\n\r\nIsi berita pertama.\r\n"
    data = ("\ufeff" + text).encode(codec)
    assert data.startswith(bom)
    _, corpus = make_corpus(tmp_path, {NAME: data})
    doc = one_document(corpus)
    assert (doc.layout, doc.encoding, doc.problems) == ("cri", codec, ())
    assert (doc.title, doc.text, str(doc.published)) == (
        "Judul berita",
        "Isi berita pertama.",
        "2024-05-27T17:07:04+08:00",
    )
    assert doc.raw == "\ufeff" + text
    assert doc.raw_bytes == data


def test_a_utf16_file_cut_in_the_middle_of_a_character_is_undecodable(tmp_path: Path) -> None:
    data = "\ufeffJudul".encode("utf-16-le") + b"x"
    folder, corpus = make_corpus(tmp_path, {NAME: data})
    assert list(corpus) == []
    assert corpus.problems == (
        Problem(
            "undecodable",
            "invalid utf-16-le after its byte-order mark: truncated data at offset 12",
            str(folder / NAME),
        ),
    )


@pytest.mark.parametrize("ending", [b"\r\n", b"\r"], ids=["crlf", "cr"])
@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_crlf_and_cr_line_endings_parse_like_lf(ending: bytes, seed: str) -> None:
    lf = (SEEDS / seed).read_bytes().replace(b"\r\n", b"\n")
    other = lf.replace(b"\n", ending)
    a, b = parse(lf, path=seed), parse(other, path=seed)
    fields = ("layout", "title", "published", "source", "text", "paragraphs", "captions")
    assert [getattr(b, f) for f in fields] == [getattr(a, f) for f in fields]
    assert (b.roles, b.problems) == (a.roles, a.problems)
    assert b.raw_bytes == other
    assert [line.text for line in b.lines] == [line.text for line in a.lines]


def test_mixed_line_endings_in_one_file_count_as_separate_lines() -> None:
    doc = parse(b"Judul\r\n\r2024-05-27 17:07:04\n\r\nIsi.\r")
    assert (doc.layout, doc.roles) == ("cri", ("title", "blank", "date", "blank", "body"))


# -- content: size limits -----------------------------------------------------------------


def test_a_100_mb_file_is_too_large_and_read_only_up_to_the_limit(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    line = b"Kalimat yang sama diulang terus.\n" * 32768  # 1 MiB of text
    with (folder / NAME).open("wb") as handle:
        for _ in range(100):
            handle.write(line)
    (folder / OTHER).write_bytes(KBS)
    corpus = load(folder, workers=1)
    outcome: dict[str, Any] = {}

    def iterate() -> None:
        outcome["keys"] = [doc.key for doc in corpus]
        outcome["problems"] = corpus.problems

    peak = peak_bytes(iterate)
    assert outcome["keys"] == ["fedcba9876543210"]
    assert outcome["problems"] == (
        Problem(
            "too_large",
            f"file is over the size limit of {DEFAULT_MAX_BYTES} bytes",
            str(folder / NAME),
        ),
    )
    assert 8 * MiB == DEFAULT_MAX_BYTES
    assert peak < 4 * DEFAULT_MAX_BYTES  # the file is 100 MiB; one bounded read at a time


def test_a_file_with_one_10_mb_line_is_too_large_under_the_default_limit(tmp_path: Path) -> None:
    folder, corpus = make_corpus(tmp_path, {NAME: b"kata " * (2 * MiB)})
    peak = peak_bytes(lambda: list(corpus))
    assert list(corpus) == []
    assert [(p.code, p.path) for p in corpus.problems] == [("too_large", str(folder / NAME))]
    assert peak < 4 * DEFAULT_MAX_BYTES


def test_a_raised_limit_admits_a_10_mb_line_as_one_paragraph(tmp_path: Path) -> None:
    line = b"kata " * (2 * MiB)
    _, corpus = make_corpus(tmp_path, {NAME: line}, max_bytes=16 * MiB)
    with hang_guard():
        doc = one_document(corpus)
    assert doc.paragraphs == (line.decode().strip(),)
    assert codes(doc) == ["unknown_layout"]


@pytest.mark.parametrize(("size", "document"), [(100, True), (101, False)])
def test_the_size_limit_is_configurable_and_inclusive(
    tmp_path: Path, size: int, document: bool
) -> None:
    folder, corpus = make_corpus(tmp_path, {NAME: b"a" * size}, max_bytes=100)
    assert len(list(corpus)) == int(document)
    expected = (
        ()
        if document
        else (Problem("too_large", "file is over the size limit of 100 bytes", str(folder / NAME)),)
    )
    assert corpus.problems == expected
    if not document:
        with pytest.raises(FileTooLargeError, match=r"over the size limit of 100 bytes"):
            list(load(folder, max_bytes=100, strict=True, workers=1))


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "8MiB"])
def test_a_size_limit_that_is_not_a_positive_int_is_refused(bad: Any) -> None:
    with pytest.raises(ValueError, match=r"max_bytes must be a positive int"):
        load(max_bytes=bad)


def test_parse_refuses_bytes_over_its_limit_naming_the_file() -> None:
    with pytest.raises(FileTooLargeError) as raised:
        parse(b"x" * 11, path="big.txt", options=ParseOptions(max_bytes=10))
    assert str(raised.value) == "big.txt: 11 bytes is over the limit of 10 [too_large]"


# -- content: headers that start like a layout and stop ------------------------------------


@pytest.mark.parametrize(
    ("data", "layout", "expected", "published"),
    [
        (
            b" date 2021-12 Photo : YONHAP News\n",
            "kbs_world",
            [("no_body", "the header is not followed by any text", None)],
            "2021-12",
        ),
        (
            b" date 2021-12 Photo :\n\nSatu.",
            "kbs_world",
            [("truncated_header", "header line has no photo credit", 1)],
            "2021-12",
        ),
        (
            b" date 2025-12-05\n",
            "unknown",
            [("no_body", "the date line is not followed by any text", None)],
            "2025-12-05",
        ),
        (
            b"Kebijakan\n\n2025.01.17\n",
            "korea_net",
            [("no_body", "the header is not followed by any text", None)],
            "2025-01-17",
        ),
        (
            b"Judul\n\n2024-05-27 17:07:04\n",
            "cri",
            [("no_body", "the date line is not followed by any text", None)],
            "2024-05-27T17:07:04+08:00",
        ),
        (
            b"Lead.\n| Foto tanpa penutup (Sumber: Yonhap)\nIsi.\n",
            "vn_portal",
            [("unclosed_caption", "caption line has no closing '|'", 2)],
            None,
        ),
    ],
    ids=[
        "kbs-date-line-only",
        "kbs-no-credit",
        "crawl-date-only",
        "korea-net",
        "cri",
        "vn-caption",
    ],
)
def test_a_truncated_header_makes_a_document_with_the_layouts_problem(
    tmp_path: Path,
    data: bytes,
    layout: str,
    expected: list[tuple[str, str, int | None]],
    published: str | None,
) -> None:
    folder, corpus = make_corpus(tmp_path, {NAME: data})
    doc = one_document(corpus)
    assert doc.layout == layout
    assert doc.problems == tuple(
        Problem(code, message, str(folder / NAME), line) for code, message, line in expected
    )
    assert (None if doc.published is None else str(doc.published)) == published


@pytest.mark.parametrize(
    ("data", "layout", "line", "date"),
    [
        (b" date 2021-13 Photo : YONHAP News\n\nSatu.", "kbs_world", 1, "2021-13"),
        (b" date 2025-02-30\n\nSatu dua tiga.", "unknown", 1, "2025-02-30"),
        (b"Kebijakan\n\n2025.02.30\n\nIsi berita.", "korea_net", 3, "2025.02.30"),
        (b"Judul\n\n2024-02-30 17:07:04\n\nIsi berita.", "cri", 3, "2024-02-30 17:07:04"),
    ],
    ids=["kbs", "crawl-date", "korea-net", "cri"],
)
def test_an_impossible_header_date_is_an_invalid_date_problem_on_its_line(
    tmp_path: Path, data: bytes, layout: str, line: int, date: str
) -> None:
    folder, corpus = make_corpus(tmp_path, {NAME: data})
    doc = one_document(corpus)
    assert (doc.layout, doc.published) == (layout, None)
    invalid = [p for p in doc.problems if p.code == "invalid_date"]
    assert len(invalid) == 1
    assert (invalid[0].path, invalid[0].line) == (str(folder / NAME), line)
    assert date in invalid[0].message
    others = [p.code for p in doc.problems if p.code != "invalid_date"]
    assert others == (["unknown_layout"] if layout == "unknown" else [])
    assert doc.text  # the body is still there


def test_strict_loading_raises_errors_only_warnings_stay_on_the_documents(
    tmp_path: Path,
) -> None:
    folder, _ = make_corpus(
        tmp_path,
        {NAME: b" date 2021-12 Photo : YONHAP News\n", OTHER: b"A page no layout knows."},
    )
    documents = list(load(folder, strict=True, workers=1))
    assert [(p.code, p.severity) for d in documents for p in d.problems] == [
        ("no_body", "warning"),
        ("unknown_layout", "warning"),
    ]
    (folder / "002_00000000000000ff.txt").write_bytes(b"caf\xe9 au lait, a legacy encoding")
    corpus = load(folder, strict=True, workers=1)  # load itself raises nothing
    with pytest.raises(DecodeError) as raised:
        list(corpus)
    assert "[decoded_with_fallback]" in str(raised.value)


def test_every_problem_code_has_a_severity_and_the_docs_table_says_it() -> None:
    from seedcorpus._records import SEVERITIES

    table = (Path(__file__).parents[1] / "docs" / "reliability.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z_]+)` \| (error|warning) \|", table, re.MULTILINE)
    assert dict(rows) == dict(SEVERITIES)
    assert Problem("my_layout_code", "x").severity == "warning"
    with pytest.raises(ValueError, match="'error' or 'warning'"):
        Problem("binary", "x", severity="fatal")  # type: ignore[arg-type]


def test_a_header_line_with_a_huge_run_of_spaces_parses_in_linear_time() -> None:
    data = b" date 2021-12 Photo : YONHAP" + b" \t" * 500_000 + b"News\n\nSatu."
    with hang_guard():
        doc = parse(data)
    assert (doc.layout, doc.source.photo_credit, doc.text) == ("kbs_world", "Yonhap", "Satu.")


def test_a_body_with_a_huge_word_after_a_full_stop_parses_in_linear_time() -> None:
    data = b" date 2021-12 Photo : YONHAP News\n\nSatu.Dua " + b"x" * 2_000_000 + b"."
    with hang_guard():
        doc = parse(data)
    assert doc.text.startswith("Satu. Dua xxx")
    assert len(doc.text) == 2_000_000 + len("Satu. Dua .")


def test_sentence_spaces_are_restored_by_the_word_before_the_stop() -> None:
    text = "Tn.Cho dan J.Smith lalu 3.5 persen.Lalu (Dr.Kim).Ya?Tidak!Oke di korea.kr.Akhir"
    assert restore_sentence_spaces(text) == (
        "Tn.Cho dan J.Smith lalu 3.5 persen. Lalu (Dr.Kim). Ya? Tidak! Oke di korea.kr. Akhir"
    )


def test_korea_net_paragraphs_too_long_for_fuzzy_caption_matching_stay_body() -> None:
    words = random.Random(0).choices(["kerja", "sama", "korea", "selatan", "menteri"], k=40_000)
    first, second = " ".join(words[:20_000]), " ".join(words[20_000:])
    data = f"Kebijakan\n\n2025.01.17\n\n{first}\n\n{second}\n".encode()
    with hang_guard():
        doc = parse(data)
    assert (doc.layout, doc.captions, doc.paragraphs) == ("korea_net", (), (first, second))


def test_korea_net_caption_lines_under_the_fuzzy_limit_are_compared_in_linear_time() -> None:
    # Six 999-character caption lines of repeated short words: difflib took 38-77 s.
    caps = [(f"k{i} " * 400)[:999].strip() for i in range(6)]
    data = "Kebijakan\n\n2025.01.17\n\n" + "\n\n".join(caps) + "\n\nPenulis: Gil\n\nIsi.\n"
    with hang_guard(10):
        doc = parse(data)
    assert (doc.layout, doc.captions, doc.paragraphs) == ("korea_net", tuple(caps), ("Isi.",))


# -- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "000_0123456789abcde.txt",
            "key '0123456789abcde' has 15 characters; it must have 16 hex digits",
        ),
        (
            "000_0123456789abcdef0.txt",
            "key '0123456789abcdef0' has 17 characters; it must have 16 hex digits",
        ),
        ("000_0123456789ABCDEF.txt", "key '0123456789ABCDEF' must be lower-case hex"),
        ("000_0123456789abcdeg.txt", "key '0123456789abcdeg' is not hexadecimal"),
        ("_0123456789abcdef.txt", "name must be <ordinal>_<key>.txt; the ordinal is missing"),
        ("0123456789abcdef.txt", "name must be <ordinal>_<key>.txt; the ordinal is missing"),
        ("x1_0123456789abcdef.txt", "ordinal 'x1' is not decimal digits"),
        ("000_0123456789abcdef.TXT", "extension must be '.txt' (lower case), not .TXT"),
        ("000_0123456789abcdef.Txt", "extension must be '.txt' (lower case), not .Txt"),
    ],
    ids=[
        "key-15",
        "key-17",
        "upper-case-hex",
        "not-hex",
        "no-ordinal",
        "no-underscore",
        "ordinal-not-digits",
        "TXT",
        "Txt",
    ],
)
def test_a_txt_name_that_breaks_the_grammar_is_a_bad_filename_problem(
    tmp_path: Path, name: str, message: str
) -> None:
    folder, corpus = make_corpus(tmp_path, {name: KBS, OTHER: KBS})
    assert [doc.key for doc in corpus] == ["fedcba9876543210"]
    assert corpus.problems == (Problem("bad_filename", message, str(folder / name)),)
    with pytest.raises(FileNameError) as raised:
        list(load(folder, strict=True, workers=1))
    assert str(raised.value) == f"{folder / name}: {message} [bad_filename]"


@pytest.mark.parametrize(
    "name",
    [
        f".{NAME}",
        ".DS_Store",
        f".hidden/{NAME}",
        f"{NAME}~",
        f"{NAME}.swp",
        f".{NAME}.swp",
        f"{NAME}.swo",
        f"#{NAME}#",
        f"{NAME}.bak",
        f"{NAME}.orig",
        f"{NAME}.part",
        "notes.md",
        f"000_{KEY}.json",
        f"{NAME}.gz",
        "README",
    ],
)
def test_hidden_files_editor_backups_and_other_extensions_are_ignored(
    tmp_path: Path, name: str
) -> None:
    _, corpus = make_corpus(tmp_path, {name: KBS, OTHER: KBS})
    assert corpus.keys() == ("fedcba9876543210",)
    assert corpus.problems == ()
    assert corpus.validate() == ()


def test_a_file_named_one_by_one_must_be_a_corpus_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes(KBS)
    corpus = load([path], workers=1)
    assert list(corpus) == []
    assert corpus.problems == (
        Problem("bad_filename", "not a corpus file name (<ordinal>_<16 hex>.txt)", str(path)),
    )


def test_two_files_with_the_same_key_are_both_kept_and_both_flagged(tmp_path: Path) -> None:
    first, second = f"a/000_{KEY}.txt", f"b/001_{KEY}.txt"
    folder, corpus = make_corpus(tmp_path, {first: KBS, second: KBS})
    message = f"key {KEY} is used by more than one file"
    documents = list(corpus)
    assert [(doc.key, doc.ordinal) for doc in documents] == [(KEY, 0), (KEY, 1)]
    assert [doc.problems[-1] for doc in documents] == [
        Problem("duplicate_key", message, str(folder / "a" / f"000_{KEY}.txt")),
        Problem("duplicate_key", message, str(folder / "b" / f"001_{KEY}.txt")),
    ]
    assert corpus.problems == tuple(doc.problems[-1] for doc in documents)
    assert corpus[KEY] == documents[0]  # the first by ordinal
    assert corpus.validate() == corpus.problems  # each listed once
    with pytest.raises(DuplicateKeyError) as raised:
        list(load(folder, strict=True, workers=1))
    assert str(raised.value) == f"{folder / 'a' / f'000_{KEY}.txt'}: {message} [duplicate_key]"


# -- file system ------------------------------------------------------------------------------


def deny(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """Make opening ``target`` fail with EACCES (``os.open`` and ``open`` both)."""
    real_os_open, real_open = os.open, builtins.open

    def check(path: Any) -> None:
        if not isinstance(path, int) and os.fspath(path) == str(target):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))

    def fake_os_open(path: Any, *args: Any, **kwargs: Any) -> int:
        check(path)
        return real_os_open(path, *args, **kwargs)

    def fake_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        check(file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_os_open)
    monkeypatch.setattr(builtins, "open", fake_open)


def test_a_file_that_cannot_be_opened_is_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, where chmod 000 does not deny reads: opening the file is made to
    raise PermissionError (EACCES) by a monkeypatch of ``os.open`` and ``open``."""
    folder, corpus = make_corpus(tmp_path, {NAME: KBS, OTHER: KBS})
    deny(monkeypatch, folder / NAME)
    assert corpus.keys() == (KEY, "fedcba9876543210")  # listing needs no read
    assert [doc.key for doc in corpus] == ["fedcba9876543210"]
    assert corpus.problems == (Problem("unreadable", "permission denied", str(folder / NAME)),)
    with pytest.raises(FileAccessError) as raised:
        list(load(folder, strict=True, workers=1))
    assert str(raised.value) == f"{folder / NAME}: permission denied [unreadable]"


def _as_a_user(work: Callable[[], Any]) -> Any:
    """``work()`` as a user whom file modes bind: this process, or as root (who reads files
    whatever their mode, as CI runs) a forked child that drops to ``nobody`` first.

    The child only runs code the parent has imported (it may not read the package), and
    hands back ``work()``'s JSON through a pipe.
    """
    if os.geteuid() != 0:
        return work()
    import json
    import pwd
    import traceback

    work()  # imports what ``work`` needs while the package is still readable
    try:
        nobody = pwd.getpwnam("nobody")
        uid, gid = nobody.pw_uid, nobody.pw_gid
    except KeyError:
        uid = gid = 65534
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)
            os.write(write_end, json.dumps(work()).encode())
            code = 0
        except BaseException:
            os.write(write_end, traceback.format_exc().encode())
        finally:
            try:
                os._exit(code)
            finally:
                os.kill(os.getpid(), signal.SIGKILL)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        output = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, output
    return json.loads(output)


def test_a_file_without_read_permission_is_unreadable(tmp_path: Path) -> None:
    # A folder everyone can enter (pytest's tmp_path is private to its user).
    folder = Path(tempfile.mkdtemp(prefix="seedcorpus-modes-"))
    try:
        folder.chmod(0o755)
        for name in (NAME, OTHER):
            (folder / name).write_bytes(KBS)
            (folder / name).chmod(0o644)
        (folder / NAME).chmod(0)

        def problems() -> list[list[Any]]:
            corpus = load(folder, workers=1)
            return [[d.key for d in corpus], [[p.code, p.message, p.path] for p in corpus.problems]]

        assert _as_a_user(problems) == [
            ["fedcba9876543210"],
            [["unreadable", "permission denied", str(folder / NAME)]],
        ]
    finally:
        shutil.rmtree(folder)


def test_a_directory_that_cannot_be_listed_is_an_unreadable_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root a mode cannot deny listing: ``os.scandir`` raises EACCES for that folder."""
    folder = tmp_path / "corpus"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / NAME).write_bytes(KBS)
    (folder / OTHER).write_bytes(KBS)
    real_scandir = os.scandir

    def fake_scandir(path: Any = ".") -> Any:
        if os.fspath(path) == str(folder / "locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    corpus = load(folder, workers=1)
    assert corpus.keys() == ("fedcba9876543210",)
    assert corpus.problems == (
        Problem("unreadable", "cannot list directory: Permission denied", str(folder / "locked")),
    )


def test_a_dangling_symlink_is_reported_not_skipped(tmp_path: Path) -> None:
    folder, _ = make_corpus(tmp_path, {OTHER: KBS})
    (folder / NAME).symlink_to(folder / "gone.txt")
    corpus = load(folder, workers=1)
    assert [doc.key for doc in corpus] == ["fedcba9876543210"]
    assert corpus.problems == (
        Problem("dangling_symlink", "symlink points nowhere", str(folder / NAME)),
    )


def test_a_symlink_loop_between_files_is_reported_for_each_name(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / NAME).symlink_to(folder / OTHER)
    (folder / OTHER).symlink_to(folder / NAME)
    corpus = load(folder, workers=1)
    assert list(corpus) == []
    message = os.strerror(errno.ELOOP)
    assert corpus.problems == (
        Problem("symlink_loop", message, str(folder / NAME)),
        Problem("symlink_loop", message, str(folder / OTHER)),
    )
    with pytest.raises(FileAccessError, match=r"\[symlink_loop\]"):
        list(load(folder, strict=True, workers=1))


def test_a_directory_symlink_loop_is_walked_once_and_reported(tmp_path: Path) -> None:
    folder, _ = make_corpus(tmp_path, {NAME: KBS, f"sub/{OTHER}": KBS})
    (folder / "sub" / "up").symlink_to(folder)
    with hang_guard():
        corpus = load(folder, workers=1)
    assert corpus.keys() == (KEY, "fedcba9876543210")
    assert corpus.problems == (
        Problem(
            "symlink_loop", "directory already walked (symlink loop)", str(folder / "sub" / "up")
        ),
    )


def test_a_fifo_named_like_a_corpus_file_is_unreadable_not_a_hang(tmp_path: Path) -> None:
    folder, _ = make_corpus(tmp_path, {OTHER: KBS})
    os.mkfifo(folder / NAME)
    corpus = load(folder, workers=1)
    with hang_guard(60):
        keys = [doc.key for doc in corpus]
        problems = corpus.problems
    assert keys == ["fedcba9876543210"]
    assert problems == (
        Problem("unreadable", "not a regular file (a pipe, socket or device)", str(folder / NAME)),
    )


def test_a_file_deleted_during_iteration_is_left_out_and_reported_vanished(tmp_path: Path) -> None:
    files = {f"00{i}_{i:016x}.txt": KBS for i in range(3)}
    folder, corpus = make_corpus(tmp_path, files)
    keys = []
    for doc in corpus:
        keys.append(doc.key)
        if doc.ordinal == 0:
            (folder / f"001_{1:016x}.txt").unlink()
    assert keys == [f"{0:016x}", f"{2:016x}"]
    assert corpus.problems == (
        Problem("vanished", "file does not exist (anymore)", str(folder / f"001_{1:016x}.txt")),
    )


def test_a_file_replaced_by_a_directory_after_listing_is_reported_changed(tmp_path: Path) -> None:
    folder, corpus = make_corpus(tmp_path, {NAME: KBS, OTHER: KBS})
    (folder / NAME).unlink()
    (folder / NAME).mkdir()
    assert [doc.key for doc in corpus] == ["fedcba9876543210"]
    assert corpus.problems == (
        Problem("changed", "is a directory now, not a file", str(folder / NAME)),
    )


def test_a_file_rewritten_after_listing_is_read_as_it_is_now(tmp_path: Path) -> None:
    folder, corpus = make_corpus(tmp_path, {NAME: KBS})
    (folder / NAME).write_bytes(b"Judul\n\n2024-05-27 17:07:04\n\nIsi.\n")
    doc = one_document(corpus)
    assert (doc.layout, doc.text) == ("cri", "Isi.")


def test_a_file_that_grows_while_it_is_read_is_reported_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer appends to the file between our read and our second ``fstat``: each read
    of that file's descriptor appends a line to the file on disk."""
    folder, corpus = make_corpus(tmp_path, {NAME: KBS, OTHER: KBS})
    target = os.stat(folder / NAME)
    real_read = os.read

    def appending_read(fd: int, size: int) -> bytes:
        data = real_read(fd, size)
        if os.fstat(fd).st_ino == target.st_ino:
            with open(folder / NAME, "ab") as writer:
                writer.write(b"Tambahan.\n")
        return data

    monkeypatch.setattr(os, "read", appending_read)
    assert [doc.key for doc in corpus] == ["fedcba9876543210"]
    assert corpus.problems == (
        Problem("changed", "file changed while it was being read", str(folder / NAME)),
    )


@pytest.mark.slow
def test_a_directory_of_100_000_files_is_listed_without_reading_them(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    seeds = [tmp_path / "seed-a.txt", tmp_path / "seed-b.txt"]  # ext4: 65,000 links a file
    for seed in seeds:
        seed.write_bytes(KBS)
    count = 100_000
    for i in range(count):
        os.link(seeds[i % 2], folder / f"{i:06d}_{i:016x}.txt")
    (folder / "README.md").write_bytes(b"ignored")
    (folder / "bad_name.txt").write_bytes(b"reported")
    corpus = load(folder, workers=1)
    assert len(corpus) == count
    keys = corpus.keys()
    assert (keys[0], keys[-1], len(set(keys))) == (f"{0:016x}", f"{count - 1:016x}", count)
    assert [(doc.ordinal, doc.text) for doc in corpus[-2:]] == [
        (count - 2, "Satu. Dua."),
        (count - 1, "Satu. Dua."),
    ]
    assert corpus[f"{54321:016x}"].ordinal == 54321
    assert corpus._listing.problems == (
        Problem(
            "bad_filename", "ordinal 'bad' is not decimal digits", str(folder / "bad_name.txt")
        ),
    )


# -- archives -------------------------------------------------------------------------------


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def tar_bytes(members: dict[str, bytes], links: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            archive.addfile(info)
    return buffer.getvalue()


def files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_zip_members_with_dotdot_or_absolute_paths_are_unsafe_and_never_written(
    tmp_path: Path,
) -> None:
    archive = write_zip(
        tmp_path / "c.zip",
        {
            f"../{NAME}": KBS,
            f"/etc/{OTHER}": KBS,
            f"C:/win/002_{KEY}.txt": KBS,
            f"ok/../../003_{KEY}.txt": KBS,
            f"ok/004_{KEY}.txt": KBS,
        },
    )
    before = files_under(tmp_path)
    corpus = load(archive, workers=1)
    documents = list(corpus)
    message = "member name is absolute or climbs out of the archive with '..'; not used"
    assert [(doc.key, doc.ordinal, doc.path) for doc in documents] == [
        (KEY, 4, f"{archive}!ok/004_{KEY}.txt")
    ]
    assert corpus.problems == tuple(
        Problem("unsafe_path", message, f"{archive}!{name}")
        for name in sorted(
            [f"../{NAME}", f"/etc/{OTHER}", f"C:/win/002_{KEY}.txt", f"ok/../../003_{KEY}.txt"]
        )
    )
    assert files_under(tmp_path) == before  # read in place: nothing extracted anywhere
    assert not (tmp_path.parent / NAME).exists()
    with pytest.raises(FileAccessError, match=r"\[unsafe_path\]"):
        list(load(archive, strict=True, workers=1))


def test_tar_members_with_unsafe_paths_or_links_are_reported_and_never_followed(
    tmp_path: Path,
) -> None:
    archive = tmp_path / "c.tar"
    archive.write_bytes(
        tar_bytes(
            {f"../{NAME}": KBS, f"/abs/{OTHER}": KBS, f"ok/004_{KEY}.txt": KBS},
            links={f"ok/005_{KEY}.txt": "/etc/passwd"},
        )
    )
    before = files_under(tmp_path)
    corpus = load(archive, workers=1)
    message = "member name is absolute or climbs out of the archive with '..'; not used"
    assert [doc.path for doc in corpus] == [f"{archive}!ok/004_{KEY}.txt"]
    assert corpus.problems == (
        Problem("unsafe_path", message, f"{archive}!../{NAME}"),
        Problem("unsafe_path", message, f"{archive}!/abs/{OTHER}"),
        Problem(
            "unreadable",
            "not a regular file (a link or device member)",
            f"{archive}!ok/005_{KEY}.txt",
        ),
    )
    assert files_under(tmp_path) == before


def test_a_zip_bomb_that_declares_its_size_is_refused_before_decompressing(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "bomb.zip", {NAME: bytes(100 * MiB), OTHER: KBS})
    assert archive.stat().st_size < MiB
    corpus = load(archive, workers=1)
    outcome: dict[str, Any] = {}
    peak = peak_bytes(lambda: outcome.update(keys=corpus.keys(), problems=corpus.problems))
    assert outcome["problems"] == (
        Problem(
            "too_large",
            f"file is over the size limit of {DEFAULT_MAX_BYTES} bytes",
            f"{archive}!{NAME}",
        ),
    )
    assert [doc.key for doc in corpus] == ["fedcba9876543210"]
    assert peak < 2 * MiB


def test_a_zip_bomb_that_lies_about_its_size_stops_at_the_declared_size(tmp_path: Path) -> None:
    """The central directory says 1,000 bytes; the data inflates to 100 MiB. Reading stops
    at the declared size and the CRC check then fails: ``corrupt``, memory bounded."""
    archive = write_zip(tmp_path / "liar.zip", {NAME: bytes(100 * MiB), OTHER: KBS})
    data = bytearray(archive.read_bytes())
    declared = (100 * MiB).to_bytes(4, "little")
    small = (1000).to_bytes(4, "little")
    count = data.count(declared)
    assert count == 2  # local header and central directory
    archive.write_bytes(bytes(data).replace(declared, small))
    corpus = load(archive, workers=1)
    outcome: dict[str, Any] = {}
    peak = peak_bytes(lambda: outcome.update(problems=corpus.problems))
    assert [(p.code, p.path) for p in outcome["problems"]] == [("corrupt", f"{archive}!{NAME}")]
    assert outcome["problems"][0].message == f"corrupt member: Bad CRC-32 for file '{NAME}'"
    assert peak < 2 * MiB


def test_a_tar_gz_bomb_is_refused_by_its_header_size(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.tar.gz"
    archive.write_bytes(gzip.compress(tar_bytes({NAME: bytes(100 * MiB), OTHER: KBS}), mtime=0))
    assert archive.stat().st_size < MiB
    corpus = load(archive, workers=1)
    outcome: dict[str, Any] = {}
    peak = peak_bytes(lambda: outcome.update(problems=corpus.problems))
    assert outcome["problems"] == (
        Problem(
            "too_large",
            f"file is over the size limit of {DEFAULT_MAX_BYTES} bytes",
            f"{archive}!{NAME}",
        ),
    )
    assert [doc.key for doc in corpus] == ["fedcba9876543210"]
    assert peak < 4 * MiB


def test_a_truncated_zip_cannot_be_listed_and_raises_an_archive_error(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "cut.zip", {NAME: KBS * 100, OTHER: KBS})
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])
    with pytest.raises(ArchiveError) as raised:
        load(archive, workers=1)
    assert str(raised.value) == f"{archive}: not a readable zip archive (File is not a zip file)"


def test_a_zip_with_damaged_member_data_reports_that_member_corrupt(tmp_path: Path) -> None:
    body = b" date 2021-12 Photo : YONHAP News\n\n" + b"Satu dua tiga empat lima. " * 200
    archive = write_zip(tmp_path / "damaged.zip", {NAME: body, OTHER: KBS})
    data = bytearray(archive.read_bytes())
    start = 30 + len(NAME) + 20  # inside the first member's compressed data
    data[start : start + 8] = b"\xff" * 8
    archive.write_bytes(bytes(data))
    corpus = load(archive, workers=1)
    assert [doc.key for doc in corpus] == ["fedcba9876543210"]
    assert [(p.code, p.path) for p in corpus.problems] == [("corrupt", f"{archive}!{NAME}")]
    assert corpus.problems[0].message.startswith("corrupt member: ")


def test_a_zip_entry_with_an_empty_name_is_ignored_not_a_crash(tmp_path: Path) -> None:
    """Found by the fuzzer: a damaged central directory can hold an entry with an empty
    name, on which ``ZipInfo.is_dir()`` raises IndexError."""
    archive = tmp_path / "empty-name.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr(zipfile.ZipInfo(""), b"x")
        handle.writestr(NAME, KBS)
    corpus = load(archive, workers=1)
    assert [doc.path for doc in corpus] == [f"{archive}!{NAME}"]
    assert corpus.problems == ()


def patch_central_directory(archive: Path, offset: int, value: bytes) -> None:
    """Overwrite a field of every central-directory entry of a zip (``offset`` from its
    ``PK\\x01\\x02`` signature)."""
    data = bytearray(archive.read_bytes())
    start = data.find(b"PK\x01\x02")
    while start >= 0:
        data[start + offset : start + offset + len(value)] = value
        start = data.find(b"PK\x01\x02", start + 4)
    archive.write_bytes(bytes(data))


def test_a_zip_asking_for_an_unknown_format_version_is_an_archive_error(tmp_path: Path) -> None:
    """Found by the fuzzer: zipfile raises NotImplementedError for such an entry."""
    archive = write_zip(tmp_path / "future.zip", {NAME: KBS})
    patch_central_directory(archive, 6, (140).to_bytes(2, "little"))  # version needed: 14.0
    with pytest.raises(ArchiveError) as raised:
        load(archive, workers=1)
    assert str(raised.value) == f"{archive}: not a readable zip archive (zip file version 14.0)"


def test_an_encrypted_zip_member_is_unreadable(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "secret.zip", {NAME: KBS})
    patch_central_directory(archive, 8, (1).to_bytes(2, "little"))  # flag bit 0: encrypted
    corpus = load(archive, workers=1)
    assert list(corpus) == []
    assert corpus.problems == (
        Problem("unreadable", "encrypted member (a password is required)", f"{archive}!{NAME}"),
    )


def test_a_truncated_tar_gz_keeps_the_members_before_the_cut(tmp_path: Path) -> None:
    rng = random.Random(8)
    members = {
        f"{i:03d}_{i:016x}.txt": " ".join(rng.choices(["kata", "Satu.", "dua"], k=3000)).encode()
        for i in range(4)
    }
    data = gzip.compress(tar_bytes(members), mtime=0)
    archive = tmp_path / "cut.tar.gz"
    archive.write_bytes(data[: int(len(data) * 0.6)])
    corpus = load(archive, workers=1)
    cut = "Compressed file ended before the end-of-stream marker was reached"
    assert corpus.keys() == (f"{0:016x}", f"{1:016x}", f"{2:016x}")  # headers before the cut
    documents = list(corpus)
    assert [doc.key for doc in documents] == [f"{0:016x}", f"{1:016x}"]
    assert [doc.raw_bytes for doc in documents] == [
        members[f"{i:03d}_{i:016x}.txt"] for i in (0, 1)
    ]
    assert corpus.problems == (
        Problem("corrupt", f"{archive}: truncated or corrupt tar archive ({cut})", str(archive)),
        Problem("corrupt", f"corrupt archive: {cut}", f"{archive}!002_{2:016x}.txt"),
    )


def test_a_member_cut_short_fails_the_same_way_on_every_read(tmp_path: Path) -> None:
    # Found by the fuzzer: the gzip stream of a failed read stayed mid-way, and reading the
    # member again through the same handle returned the bytes decoded before the failure.
    text = " ".join(random.Random(5).choices(["kata", "Satu.", "dua"], k=3000)).encode()
    data = gzip.compress(tar_bytes({"000_0123456789abcdef.txt": text}), mtime=0)
    archive = tmp_path / "cut.tar.gz"
    archive.write_bytes(data[: int(len(data) * 0.6)])
    corpus = load(archive, workers=1)
    assert corpus.keys() == ("0123456789abcdef",)
    for _ in range(3):
        assert list(corpus) == []
        assert [p.code for p in corpus.problems] == ["corrupt", "corrupt"]
        assert corpus.problems[1].path == f"{archive}!000_0123456789abcdef.txt"
    assert corpus.get("0123456789abcdef") is None
    with pytest.raises(FileAccessError, match="truncated or corrupt tar archive"):
        list(load(archive, workers=1, strict=True))


def test_a_tar_xz_with_damaged_data_reports_corrupt_instead_of_crashing(tmp_path: Path) -> None:
    rng = random.Random(3)
    members = {f"{i:03d}_{i:016x}.txt": rng.randbytes(3000).hex().encode() for i in range(3)}
    data = bytearray(lzma.compress(tar_bytes(members)))
    middle = len(data) // 2
    data[middle : middle + 16] = bytes(16)
    archive = tmp_path / "damaged.tar.xz"
    archive.write_bytes(bytes(data))
    corpus = load(archive, workers=1)
    assert corpus.keys() == (f"{0:016x}", f"{1:016x}")
    assert [doc.raw_bytes for doc in corpus] == [members[f"000_{0:016x}.txt"]]
    listing, member = corpus.problems
    assert listing == Problem(
        "corrupt", f"{archive}: truncated or corrupt tar archive (Corrupt input data)", str(archive)
    )
    # lzma's own words for the damage vary with how the stream was reached
    assert (member.code, member.path) == ("corrupt", f"{archive}!001_{1:016x}.txt")
    assert member.message.startswith("corrupt archive: ")


# -- totality ---------------------------------------------------------------------------------


@given(hostile_files())
def test_parse_is_total_on_damaged_files(data: bytes) -> None:
    try:
        doc = parse(data, path=NAME)
    except DocumentError as exc:
        error = exc
    else:
        error = None
    if error is not None:
        assert (error.path, bool(error.code)) == (NAME, True)
        return
    assert doc.raw_bytes == data
    assert len(doc.roles) == len(split_lines(doc.raw))
    assert set(doc.roles) <= set(ROLES)
    assert all(p.path == NAME and p.code for p in doc.problems)

"""Specification of ``seedcorpus.load`` on the bundled seeds: the foundation acceptance table."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import seedcorpus

# key, layout, published, precision, publisher, photo credit, author, e-mail, category, title
ACCEPTANCE = [
    ("18ee026d31d90e44", "kbs_world", "2021-12", "month", "KBS World Radio", "Yonhap",
     None, None, None, None),
    ("17e8dcca59894ba3", "korea_net", "2025-01-17", "day", "Korea.net", "Kementerian Luar Negeri",
     "Gil Kyuyoung", "gilkyuyoung@korea.kr", "Kebijakan", None),
    ("78355a868c833a8d", "vn_portal", None, None, None, "Yonhap", None, None, None, None),
    ("0fe451fa7ae68fa1", "kbs_world", "2020-01", "month", "KBS World Radio", "Yonhap",
     None, None, None, None),
    ("3ce8b0aa36825b41", "cri", "2024-05-27T17:07:04+08:00", "second",
     "China Radio International", None, None, None, None,
     "Kemenlu Tiongkok: Konferensi Pemimpin Tiongkok, Jepang dan Korsel ke-9 Menandakan "
     "Jalannya Kembali dan Berangkatnya Lagi Kerja Sama Tiga Negara"),
]  # fmt: skip


@pytest.fixture(scope="module")
def corpus() -> seedcorpus.Corpus:
    return seedcorpus.load()


def test_load_without_source_gives_the_five_seeds_in_ordinal_order(
    corpus: seedcorpus.Corpus,
) -> None:
    assert len(corpus) == 5
    assert [d.key for d in corpus] == [row[0] for row in ACCEPTANCE]
    assert [d.ordinal for d in corpus] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize(
    ("key", "layout", "published", "precision", "publisher", "credit", "author", "email",
     "category", "title"),
    ACCEPTANCE,
)  # fmt: skip
def test_seed_metadata_matches_the_acceptance_table(
    corpus: seedcorpus.Corpus,
    key: str,
    layout: str,
    published: str | None,
    precision: str | None,
    publisher: str | None,
    credit: str | None,
    author: str | None,
    email: str | None,
    category: str | None,
    title: str | None,
) -> None:
    doc = corpus[key]
    assert doc.layout == layout
    assert (str(doc.published) if doc.published else None) == published
    assert (doc.published.precision if doc.published else None) == precision
    assert doc.source.publisher == publisher
    assert doc.source.photo_credit == credit
    assert doc.source.author == author
    assert doc.source.author_email == email
    assert doc.source.category == category
    assert doc.title == title
    assert doc.problems == ()


def test_raw_is_the_file_decoded_exactly(corpus: seedcorpus.Corpus, seeds_dir: Path) -> None:
    for doc in corpus:
        data = (seeds_dir / f"{doc.ordinal:03d}_{doc.key}.txt").read_bytes()
        assert doc.raw.encode("utf-8") == data
        assert doc.raw_bytes == data


def test_every_body_word_reaches_the_text_and_no_metadata_does(corpus: seedcorpus.Corpus) -> None:
    for doc in corpus:
        words = set(doc.text.split())
        for line in doc.lines:
            line_words = set(" ".join(line.text.replace("\u00a0", " ").split()).split())
            if line.role == "body":
                assert doc.layout == "kbs_world" or line_words <= words, (doc.key, line)
            elif line.role in {"header", "date", "byline", "email_footer", "boilerplate"}:
                assert line.text.strip() not in doc.text, (doc.key, line)


def test_roles_cover_every_line(corpus: seedcorpus.Corpus) -> None:
    for doc in corpus:
        assert len(doc.roles) == len(doc.raw.splitlines())
        assert {line.role for line in doc.lines} <= set(seedcorpus.ROLES)


def test_caption_printed_twice_is_kept_once(corpus: seedcorpus.Corpus) -> None:
    doc = corpus["17e8dcca59894ba3"]
    assert len(doc.captions) == 1
    assert doc.captions[0].startswith("Menteri Luar Negeri Cho Tae-yul (kanan)")
    assert doc.captions[0] not in doc.text
    assert [line.role for line in doc.lines].count("caption_repeat") == 1


def test_portal_boilerplate_never_reaches_the_text(corpus: seedcorpus.Corpus) -> None:
    doc = corpus["78355a868c833a8d"]
    assert doc.paragraphs[0].startswith("AS dan Korea Selatan menegaskan")
    assert doc.paragraphs[-1].startswith("Kedua pihak juga membahas")
    for noise in ("[iklan_2]", "Komentar (0)", "Sumber\n", "(Sumber: Yonhap)", "|"):
        assert noise not in doc.text
    assert doc.title is None
    assert doc.headline == doc.paragraphs[0]


def test_kbs_sentences_get_their_space_back(corpus: seedcorpus.Corpus) -> None:
    doc = corpus["18ee026d31d90e44"]
    assert "depan. Selain itu" in doc.text
    assert "tahun 2022. Berdasarkan" in doc.text
    assert "depan.Selain" not in doc.text


def test_cri_no_break_spaces_are_normalised(corpus: seedcorpus.Corpus) -> None:
    doc = corpus["3ce8b0aa36825b41"]
    assert "\u00a0" not in doc.text
    assert "Kedua, memperdalam" in doc.text
    assert doc.title not in doc.text


def test_load_a_directory_recursively_and_a_single_file(seed_copy: Path) -> None:
    nested = seed_copy / "a" / "b"
    nested.mkdir(parents=True)
    (seed_copy / "004_3ce8b0aa36825b41.txt").rename(nested / "004_3ce8b0aa36825b41.txt")
    assert len(seedcorpus.load(seed_copy)) == 5
    single = seedcorpus.load(nested / "004_3ce8b0aa36825b41.txt")
    assert single.keys() == ("3ce8b0aa36825b41",)
    assert seedcorpus.load(os.fspath(seed_copy)).keys() == seedcorpus.load().keys()


def test_missing_key_raises_key_error_naming_it(corpus: seedcorpus.Corpus) -> None:
    with pytest.raises(KeyError, match="ffffffffffffffff"):
        corpus["ffffffffffffffff"]
    assert corpus.get("ffffffffffffffff") is None
    assert "ffffffffffffffff" not in corpus


def test_load_rejects_bad_arguments() -> None:
    with pytest.raises(TypeError, match="path"):
        seedcorpus.load(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_bytes"):
        seedcorpus.load(max_bytes=0)
    with pytest.raises(TypeError, match="language takes True or False, not 'yes'"):
        seedcorpus.load(language="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="dates takes True or False, not 1"):
        seedcorpus.load(dates=1)  # type: ignore[arg-type]
    with pytest.raises(seedcorpus.FileAccessError, match=r"no/such.*\[not_found\]"):
        seedcorpus.load("no/such/place")


def test_a_path_that_never_existed_is_not_found_one_deleted_after_listing_vanished(
    tmp_path: Path,
) -> None:
    here, gone = tmp_path / "000_0123456789abcdef.txt", tmp_path / "001_fedcba9876543210.txt"
    here.write_text("Teks.", encoding="utf-8")
    corpus = seedcorpus.load([here, tmp_path / "002_00000000000000ff.txt"])
    assert [(p.code, p.severity) for p in corpus.problems] == [("not_found", "error")]
    gone.write_text("Teks.", encoding="utf-8")
    listed = seedcorpus.load([gone])
    gone.unlink()
    assert [p.code for p in listed.problems] == ["vanished"]


@pytest.mark.parametrize(
    ("key", "expected", "inferred"),
    [
        ("18ee026d31d90e44", {"2021-12-23", "2022-08-24"}, set()),
        ("17e8dcca59894ba3", {"2024-03-18", "2025-01-16"}, set()),  # 18 March: in the caption
        ("78355a868c833a8d", {"2024-02-29"}, {"2024-02-29"}),  # no header date: year from text
        ("0fe451fa7ae68fa1", {"2020-01-14"}, set()),
        ("3ce8b0aa36825b41", {"2024-05-27"}, set()),
    ],
)
def test_seed_date_mentions_match_the_dates_acceptance(
    corpus: seedcorpus.Corpus, key: str, expected: set[str], inferred: set[str]
) -> None:
    mentions = corpus[key].dates
    days = {str(m.date) for m in mentions if m.date.precision == "day"}
    assert expected <= days
    assert inferred <= {str(m.date) for m in mentions if m.resolution == "year_from_text"}
    doc = corpus[key]
    texts = {"text": doc.text} | {f"captions[{i}]": c for i, c in enumerate(doc.captions)}
    for mention in mentions:
        assert texts[mention.where][slice(*mention.span)] == mention.text


def test_language_and_dates_true_compute_them_as_documents_are_loaded() -> None:
    eager = list(seedcorpus.load(language=True, dates=True))
    lazy = list(seedcorpus.load())
    assert all({"_language_guess", "dates"} <= doc.__dict__.keys() for doc in eager)
    assert not any({"_language_guess", "dates"} & doc.__dict__.keys() for doc in lazy)
    assert [doc.language for doc in eager] == [doc.language for doc in lazy] == ["id"] * 5
    assert [doc.dates for doc in eager] == [doc.dates for doc in lazy]
    # Date mentions are read in the document's language: finding them detects it.
    only_dates = list(seedcorpus.load(dates=True))
    assert all("_language_guess" in doc.__dict__ for doc in only_dates)

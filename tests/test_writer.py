"""Specification of the writer: rendering documents in their layout and writing corpora.

The central property of the parser: a generated document (built from field values, see
``seedcorpus.testing.layout_documents``) parses back to its fields, from the page text it
was printed as and from a fresh rendering.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedcorpus._corpus import Corpus
from seedcorpus._dates import parse_header_date
from seedcorpus._exceptions import DuplicateKeyError, FileNameError, LayoutError
from seedcorpus._load import load
from seedcorpus._parse import parse
from seedcorpus._records import Document
from seedcorpus._sources import SourceRegistry
from seedcorpus._text import clean_line, restore_sentence_spaces
from seedcorpus._writer import file_name, render, write_corpus
from seedcorpus.testing import LAYOUT_IDS, corpus_dirs, layout_documents, round_trip_fields

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed(key: str) -> Document:
    (path,) = SEEDS.glob(f"*_{key}.txt")
    return parse(path.read_bytes(), key=key, path=str(path))


# -- the central property -------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUT_IDS)
@given(data=st.data())
def test_a_generated_document_parses_back_to_its_fields_from_its_page_and_from_a_rendering(
    layout: str, data: st.DataObject
) -> None:
    document = data.draw(layout_documents(layout))
    parsed = parse(document.raw, key=document.key, ordinal=document.ordinal, path=document.path)
    assert round_trip_fields(parsed) == round_trip_fields(document)
    assert round_trip_fields(parse(render(document))) == round_trip_fields(document)


# Arbitrary one-line values built from pieces that mean something to some layout.
_PIECES = [
    *"aAzZéđ한ư09 .,!?\"'()[]|@:;-/#“”",
    *("Sumber", "Oleh ", "Penulis:", "date ", "By ", "[iklan_2]", "2025.01.17"),
    *("2024-05-27 17:07", "Foto:", "(Yonhap)", "korea.kr"),
]
_LINES = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=20).map(
    lambda pieces: clean_line("".join(pieces))
)


@given(layout_documents(), st.data())
def test_render_refuses_or_round_trips_whatever_the_field_values(
    document: Document, data: st.DataObject
) -> None:
    """The writer's contract beyond the strategies' limits: a LayoutError, or equal fields."""
    lines = _LINES.filter(bool)
    paragraphs = tuple(data.draw(st.lists(lines, min_size=1, max_size=4)))
    if document.layout == "kbs_world":
        paragraphs = tuple(restore_sentence_spaces(p) for p in paragraphs)
    text = "\n\n".join(paragraphs)
    source = attrs.evolve(document.source, cited=SourceRegistry.default().find_cited(text))
    for field in ("photo_credit", "author", "category"):
        if getattr(source, field) is not None and data.draw(st.booleans()):
            value = data.draw(lines)
            if field == "photo_credit":
                value = SourceRegistry.default().normalise(value)
            source = attrs.evolve(source, **{field: value})
    changes: dict[str, object] = {"paragraphs": paragraphs, "text": text, "source": source}
    if document.captions:
        changes["captions"] = tuple(data.draw(st.lists(lines, min_size=1, max_size=2)))
    if document.title is not None and data.draw(st.booleans()):
        changes["title"] = data.draw(lines)
    document = attrs.evolve(document, **changes)
    try:
        rendered = render(document)
    except LayoutError:
        return
    assert round_trip_fields(parse(rendered)) == round_trip_fields(document)


@given(layout_documents())
def test_rendering_is_stable_under_a_parse(document: Document) -> None:
    text = render(document)
    assert render(parse(text)) == text


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_seed_renders_and_parses_back_to_its_fields(path: Path) -> None:
    document = parse(path.read_bytes())
    assert round_trip_fields(parse(render(document))) == round_trip_fields(document)


def test_a_kbs_page_renders_as_printed_with_sentences_glued() -> None:
    for key in ("18ee026d31d90e44", "0fe451fa7ae68fa1"):
        document = seed(key)
        assert render(document) == document.raw.replace("YONHAP News", "Yonhap")


def test_each_layout_renders_in_its_own_shape() -> None:
    assert render(seed("3ce8b0aa36825b41")).split("\n")[:3] == [
        "Kemenlu Tiongkok: Konferensi Pemimpin Tiongkok, Jepang dan Korsel ke-9 Menandakan "
        "Jalannya Kembali dan Berangkatnya Lagi Kerja Sama Tiga Negara",
        "",
        "2024-05-27 17:07:04\u00a0 \u00a0 ",
    ]
    korea = render(seed("17e8dcca59894ba3")).split("\n\n")
    assert korea[:2] == ["Kebijakan", "2025.01.17"]
    assert korea[2] == korea[3]
    assert korea[2].endswith("(Kementerian Luar Negeri)")
    assert korea[4] == "Penulis: Gil Kyuyoung"
    assert korea[-1] == "gilkyuyoung@korea.kr"
    portal = render(seed("78355a868c833a8d")).split("\n")
    assert portal[1].startswith("| ")
    assert portal[1].endswith(" (Sumber: Yonhap) |")
    assert portal[-4:] == ["[iklan_2]", "Sumber", "", "Komentar (0)"]


def test_an_unknown_document_renders_as_paragraphs_separated_by_blank_lines() -> None:
    assert render(parse("Satu.\nDua.\n\n\nTiga.")) == "Satu.\n\nDua.\n\nTiga."
    assert render(parse(" date 2025-12\nSatu.")) == " date 2025-12\n\nSatu."


def test_a_page_without_a_date_of_its_own_gets_a_crawl_date_line() -> None:
    document = parse(" date 2025-12-05\nLead.\n| Foto. (Sumber: Yonhap) |\nIsi.\n[iklan_2]\nSumber")
    assert document.layout == "vn_portal"
    assert render(document).split("\n")[0] == " date 2025-12-05"
    assert parse(render(document)).published == document.published


# -- what a layout cannot hold ------------------------------------------------------------


KBS = " date 2021-12 Photo : YONHAP News\n\nSatu.Dua."
CRI = "Judul\n\n2024-05-27 17:07:04\n\nIsi."
KOREA = "Budaya\n\n2025.01.17\n\nFoto. (Yonhap)\n\nFoto. (Yonhap)\n\nPenulis: Kim A\n\nIsi."
PORTAL = "Lead.\n| Foto. (Sumber: Yonhap) |\nIsi.\n[iklan_2]\nSumber"


def _source(text: str, **changes: object) -> Document:
    document = parse(text)
    return attrs.evolve(document, source=attrs.evolve(document.source, **changes))


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (attrs.evolve(parse(KBS), title="Judul"), "kbs_world pages have no place for a title"),
        (attrs.evolve(parse(KBS), captions=("Foto.",)), "no place for captions"),
        (_source(KBS, author="Kim"), "kbs_world pages have no place for a author"),
        (_source(KBS, publisher="Korea.net"), "published by 'KBS World Radio'"),
        (attrs.evolve(parse(KBS), published=None), "kbs_world pages print a date"),
        (
            attrs.evolve(parse(KBS), published=parse_header_date("2021", tz="Asia/Seoul")),
            "month or day precision, not year",
        ),
        (
            attrs.evolve(parse(KBS), published=parse_header_date("2021-12", tz="Asia/Tokyo")),
            "time zone Asia/Seoul",
        ),
        (attrs.evolve(parse(KBS), paragraphs=("Satu.\nDua.",)), "paragraph 1 holds a line break"),
        (attrs.evolve(parse(CRI), title=None), "cri pages print a title"),
        (attrs.evolve(parse(CRI), paragraphs=("judul",)), "equal to the title"),
        (attrs.evolve(parse(KOREA), title="Judul"), "korea_net pages have no place for a title"),
        (_source(PORTAL, author="Kim"), "vn_portal pages have no place for a author"),
        (attrs.evolve(parse(PORTAL), paragraphs=("| Foto |",)), "page furniture"),
        (attrs.evolve(parse(PORTAL), published=parse_header_date("2021")), "month or day"),
        (attrs.evolve(parse("Satu."), title="Judul"), "unknown pages have no place for a title"),
        (attrs.evolve(parse("Satu."), layout="memo"), "no such layout"),
        (attrs.evolve(parse("Satu."), paragraphs=("| Foto |", "Isi.")), "read as a vn_portal"),
        (
            attrs.evolve(parse("Satu."), paragraphs=("Judul", "2024-05-27 17:07")),
            "read as a cri page",
        ),
    ],
)
def test_render_refuses_what_the_layout_cannot_hold(document: Document, message: str) -> None:
    with pytest.raises(LayoutError, match=message):
        render(document)


def test_korea_net_refuses_a_credit_without_a_caption_and_captions_it_would_merge() -> None:
    document = parse(KOREA)
    with pytest.raises(LayoutError, match="photo credit without a caption"):
        render(attrs.evolve(document, captions=()))
    with pytest.raises(LayoutError, match="read as copies"):
        render(attrs.evolve(document, captions=("Foto bersama.", "Foto bersama!")))
    with pytest.raises(LayoutError, match="without a byline"):
        render(
            attrs.evolve(
                document,
                captions=("Foto satu.", "Gambar lain sama sekali."),
                source=attrs.evolve(document.source, author=None),
            )
        )
    with pytest.raises(LayoutError, match="e-mail address"):
        render(attrs.evolve(document, paragraphs=("Isi.", "kim@korea.kr")))


def test_a_render_error_names_the_document() -> None:
    document = attrs.evolve(parse(KBS, path="x/000_0123456789abcdef.txt"), title="Judul")
    with pytest.raises(LayoutError) as caught:
        render(document)
    assert caught.value.path == "x/000_0123456789abcdef.txt"
    assert str(caught.value).startswith("x/000_0123456789abcdef.txt: ")


# -- writing corpora ----------------------------------------------------------------------


def test_write_corpus_writes_one_seed_named_utf8_file_per_document(tmp_path: Path) -> None:
    documents = [seed(path.name[4:20]) for path in sorted(SEEDS.glob("*.txt"))]
    documents = [attrs.evolve(d, ordinal=i) for i, d in enumerate(documents)]
    paths = write_corpus(documents, tmp_path / "out")
    assert [p.name for p in paths] == [p.name for p in sorted(SEEDS.glob("*.txt"))]
    for document, path in zip(documents, paths, strict=True):
        assert path.read_bytes() == render(document).encode("utf-8")
        assert not path.read_bytes().endswith(b"\n")
    loaded = load(tmp_path / "out")
    assert [round_trip_fields(d) for d in loaded] == [round_trip_fields(d) for d in documents]


def test_file_names_follow_the_grammar_or_are_refused() -> None:
    document = parse("Satu.", key="0123456789abcdef", ordinal=1234)
    assert file_name(document) == "1234_0123456789abcdef.txt"
    with pytest.raises(FileNameError, match="'0123456789ABCDEF' is not 16 lower-case hex"):
        file_name(attrs.evolve(document, key="0123456789ABCDEF"))
    with pytest.raises(FileNameError, match="ordinal -1 is negative"):
        file_name(attrs.evolve(document, ordinal=-1))


def test_write_corpus_refuses_duplicate_keys_and_existing_files(tmp_path: Path) -> None:
    document = parse("Satu.", key="0123456789abcdef")
    with pytest.raises(DuplicateKeyError, match="0123456789abcdef"):
        write_corpus([document, attrs.evolve(document, ordinal=1)], tmp_path / "a")
    write_corpus([document], tmp_path / "b")
    with pytest.raises(FileExistsError):
        write_corpus([document], tmp_path / "b")
    changed = attrs.evolve(document, paragraphs=("Dua.",), text="Dua.")
    (path,) = write_corpus([changed], tmp_path / "b", overwrite=True)
    assert path.read_text(encoding="utf-8") == "Dua."
    with pytest.raises(TypeError, match="str"):
        write_corpus(["Satu."], tmp_path / "c")  # type: ignore[list-item]


def test_corpus_write_writes_every_document_of_the_view(tmp_path: Path) -> None:
    corpus = load(SEEDS)
    paths = corpus.where(lambda d: d.layout == "kbs_world").write(tmp_path)
    assert sorted(p.name[4:20] for p in paths) == ["0fe451fa7ae68fa1", "18ee026d31d90e44"]
    again = load(tmp_path)
    assert [round_trip_fields(d) for d in again] == [
        round_trip_fields(corpus[d.key]) for d in again
    ]


def test_a_corpus_in_memory_writes_and_loads_back(tmp_path: Path) -> None:
    documents = [parse(KBS, key="0123456789abcdef"), parse(CRI, key="fedcba9876543210", ordinal=1)]
    Corpus.from_documents(documents).write(tmp_path)
    assert [round_trip_fields(d) for d in load(tmp_path)] == [
        round_trip_fields(d) for d in documents
    ]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=40)
@given(data=st.data())
def test_a_written_corpus_loads_back_to_the_generated_documents(
    tmp_path: Path, data: st.DataObject
) -> None:
    directory, documents = data.draw(corpus_dirs(tmp_path, max_size=5))
    loaded = list(load(directory))
    assert [d.key for d in loaded] == [d.key for d in documents]
    assert [round_trip_fields(d) for d in loaded] == [round_trip_fields(d) for d in documents]
    assert loaded == list(documents)

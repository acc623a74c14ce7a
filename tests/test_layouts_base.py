"""Specification of the layout contract (``seedcorpus._layouts.base``): ``Lines``, ``Layout``
and the registry that tries layouts in order."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus import parse
from seedcorpus._exceptions import RegistryError
from seedcorpus._layouts import Layout, LayoutRegistry, Lines, Parsed
from seedcorpus._layouts.kbs_world import KbsWorld
from seedcorpus._text import clean_line


def test_default_registry_holds_every_layout_module_in_priority_order() -> None:
    assert LayoutRegistry.default().ids == ("kbs_world", "cri", "korea_net", "vn_portal")


def test_registry_rejects_duplicate_and_reserved_ids() -> None:
    with pytest.raises(RegistryError, match="kbs_world"):
        LayoutRegistry.default().with_layout(KbsWorld())

    class Unknown(Layout):
        id = "unknown"

    with pytest.raises(RegistryError, match="reserved"):
        LayoutRegistry([Unknown()])


def test_registry_get_names_the_missing_id() -> None:
    with pytest.raises(KeyError, match="nope"):
        LayoutRegistry.default().get("nope")


def test_a_user_layout_is_tried_before_the_shipped_ones_by_priority() -> None:
    class Memo(Layout):
        id = "memo"
        priority = 1

        def match(self, lines: object) -> bool:
            return True

        def parse(self, lines: list[str]) -> Parsed:  # type: ignore[override]
            return Parsed(roles=["body"] * len(lines), paragraphs=lines, title="memo")

    from seedcorpus._parse import ParseOptions

    options = ParseOptions(layouts=LayoutRegistry.default().with_layout(Memo()))
    doc = parse(" date 2021-12 Photo : YONHAP News\n\nx", options=options)
    assert (doc.layout, doc.title) == ("memo", "memo")


def test_a_subclass_that_overrides_match_or_parse_is_what_runs() -> None:
    class Strict(KbsWorld):
        id = "strict_kbs"
        priority = 1

        def match(self, lines: Sequence[str]) -> bool:
            return bool(lines) and lines[0].startswith("STRICT")

        def parse(self, lines: Sequence[str]) -> Parsed:
            return Parsed(roles=["header"] * len(lines), paragraphs=(), title="strict")

    from seedcorpus._parse import ParseOptions

    options = ParseOptions(layouts=LayoutRegistry.default().with_layout(Strict()))
    kbs = parse(" date 2021-12 Photo : YONHAP News\n\nx", options=options)
    strict = parse("STRICT\nx", options=options)
    assert (kbs.layout, strict.layout, strict.title) == ("kbs_world", "strict_kbs", "strict")


@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "",
                    " \u00a0",
                    " date 2021-12 Photo : YONHAP News",
                    "Budaya",
                    "2025.01.17",
                    "2024-05-27 17:07:04\u00a0 ",
                    "| Foto. (Sumber: Yonhap) |",
                    "Foto. (Yonhap)",
                    "Penulis: Kim A",
                    "kima@korea.kr",
                    "[iklan_2]",
                    "Sumber",
                    "Komentar (0)",
                    "Isi  berita.Kedua.",
                ]
            ),
            st.text(max_size=20),
        ),
        max_size=10,
    )
)
def test_each_layout_reads_any_lines_giving_one_role_per_line(lines: list[str]) -> None:
    # The contract: match answers a bool, parse never raises and gives a role per line.
    page = Lines(lines)
    for layout in LayoutRegistry.default():
        matched = layout.match(page)
        assert isinstance(matched, bool)
        if matched and any(page.cleaned):
            assert len(layout.parse(page).roles) == len(lines)


@given(st.lists(st.text(max_size=20), max_size=10))
def test_lines_are_the_raw_lines_with_their_cleaned_forms_computed_once(lines: list[str]) -> None:
    page = Lines(lines)
    assert list(page) == lines
    assert len(page) == len(lines)
    assert page[1:] == tuple(lines[1:])
    assert all(page[i] == line and line in page for i, line in enumerate(lines))
    assert page.cleaned == tuple(clean_line(line) for line in lines)
    assert page.cleaned is page.cleaned
    assert Lines(lines) == page
    assert hash(Lines(lines)) == hash(page)
    assert (page == Lines([*lines, "x"])) is False


def test_lines_cannot_be_changed() -> None:
    page = Lines(["Judul", "Isi."])
    with pytest.raises(AttributeError):
        page.cleaned = ("x",)  # type: ignore[misc]
    with pytest.raises(AttributeError):
        page.other = 1  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        page[0] = "x"  # type: ignore[index]
    assert repr(page) == "Lines(['Judul', 'Isi.'])"
    assert page != ("Judul", "Isi.")  # a value of its own, not a tuple


def test_the_registry_cleans_a_file_once_for_every_layout_it_tries() -> None:
    seen: list[int] = []

    class Spy(Layout):
        id = "spy"
        priority = 1

        def match(self, lines: Lines) -> bool:
            seen.append(id(lines.cleaned))
            return False

    class LastSpy(Spy):
        id = "last_spy"
        priority = 1000

    registry = LayoutRegistry.default().with_layout(Spy()).with_layout(LastSpy())
    page = Lines(["Satu.", "Dua."])
    assert registry.detect(page) is None
    assert seen == [id(page.cleaned)] * 2
    assert registry.detect(["Satu.", "Dua."]) is None  # any sequence of lines is wrapped
    assert len(seen) == 4

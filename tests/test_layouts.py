"""Specification of the layout registry and of each publisher layout, line by line."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcorpus import LayoutError, parse, render
from seedcorpus._exceptions import RegistryError
from seedcorpus._layouts import Layout, LayoutRegistry, Parsed, crawl_date, parse_lines
from seedcorpus._layouts.cri import Cri
from seedcorpus._layouts.kbs_world import KbsWorld
from seedcorpus._layouts.vn_portal import _CAPTION, _caption
from seedcorpus._text import clean_line, split_lines


def roles(text: str) -> list[tuple[str, str]]:
    doc = parse(text)
    return [(line.role, line.text) for line in doc.lines]


# -- registry -----------------------------------------------------------------------------


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
def test_each_layout_reads_cleaned_lines_as_it_reads_lines(lines: list[str]) -> None:
    # parse_lines hands layouts each line's clean_line too; the answers must not change.
    cleaned = [clean_line(line) for line in lines]
    for layout in LayoutRegistry.default():
        matched = layout.match(lines)
        assert layout.match_cleaned(lines, cleaned) == matched
        if matched and any(cleaned):
            assert layout.parse_cleaned(lines, cleaned) == layout.parse(lines)


# -- kbs_world ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "credit", "published"),
    [
        (" date 2021-12 Photo : YONHAP News", "Yonhap", "2021-12"),
        (" date 2025-12-05 Photo : KBS News", "KBS", "2025-12-05"),
        ("date 2023-04 Foto : Reuters", "Reuters", "2023-04"),
        (" date 2022-07 Ảnh : YONHAP News", "Yonhap", "2022-07"),
        (" date 2022-07 사진 : 연합뉴스", "Yonhap", "2022-07"),
    ],
)
def test_kbs_header_is_recognised_by_structure_in_any_language(
    header: str, credit: str, published: str
) -> None:
    doc = parse(f"{header}\n\nBody one.Body two.")
    assert doc.layout == "kbs_world"
    assert doc.source.publisher == "KBS World Radio"
    assert doc.source.photo_credit == credit
    assert str(doc.published) == published
    assert doc.published is not None
    assert doc.published.tz == "Asia/Seoul"
    assert doc.text == "Body one. Body two."


def test_kbs_header_without_credit_is_flagged_truncated() -> None:
    doc = parse(" date 2021-12 Photo :\n\nIsi.")
    assert doc.layout == "kbs_world"
    assert doc.source.photo_credit is None
    assert [p.code for p in doc.problems] == ["truncated_header"]
    assert doc.problems[0].line == 1


def test_kbs_header_alone_is_a_document_without_body() -> None:
    doc = parse(" date 2021-12 Photo : YONHAP News")
    assert doc.text == ""
    assert [p.code for p in doc.problems] == ["no_body"]


def test_kbs_header_with_impossible_date_keeps_the_credit_and_flags_the_date() -> None:
    doc = parse(" date 2021-13 Photo : YONHAP News\n\nIsi.")
    assert doc.layout == "kbs_world"
    assert doc.published is None
    assert [p.code for p in doc.problems] == ["invalid_date"]
    assert "2021-13" in doc.problems[0].message


def test_bare_crawler_date_line_gives_a_date_but_not_the_kbs_layout() -> None:
    assert crawl_date(" date 2025-12-05") == "2025-12-05"
    doc = parse(" date 2025-12-05\n\nJust some article text.")
    assert doc.layout == "unknown"
    assert str(doc.published) == "2025-12-05"
    assert doc.lines[0].role == "crawl_date"
    assert doc.text == "Just some article text."


def test_crawler_date_line_on_top_of_a_known_layout() -> None:
    text = " date 2024-05-30\nJudul\n\n2024-05-27 17:07:04\n\nIsi."
    layout, parsed = parse_lines(text.split("\n"), LayoutRegistry.default())
    assert layout == "cri"
    assert str(parsed.published) == "2024-05-27T17:07:04+08:00"  # the page's own date wins
    assert parsed.roles[:4] == ("crawl_date", "title", "blank", "date")


# -- korea_net ----------------------------------------------------------------------------

KOREA_NET = """Kebijakan

2025.01.17

Foto bersama di Seoul. (Kementerian Luar Negeri)

Foto bersama di Seoul. (Kementerian Luar Negeri)



{byline}

Paragraf pertama.

Paragraf kedua.


penulis@korea.kr"""


@pytest.mark.parametrize(
    "byline",
    ["Penulis: Gil Kyuyoung", "Oleh: Gil Kyuyoung", "By Gil Kyuyoung", "Writer: Gil Kyuyoung"],
)
def test_korea_net_byline_words(byline: str) -> None:
    doc = parse(KOREA_NET.format(byline=byline))
    assert doc.layout == "korea_net"
    assert doc.source.author == "Gil Kyuyoung"
    assert doc.source.author_email == "penulis@korea.kr"
    assert doc.source.category == "Kebijakan"
    assert doc.source.photo_credit == "Kementerian Luar Negeri"
    assert doc.captions == ("Foto bersama di Seoul.",)
    assert doc.paragraphs == ("Paragraf pertama.", "Paragraf kedua.")


def test_korea_net_caption_copies_that_differ_slightly_count_once() -> None:
    text = KOREA_NET.format(byline="Penulis: A").replace(
        "Foto bersama di Seoul. (Kementerian Luar Negeri)\n\n\n", "Foto bersama di Seoul\n\n\n", 1
    )
    text = text.replace("Foto bersama di Seoul\n", "Foto bersama di Seoul, Korea\n", 1)
    doc = parse(text)
    assert len(doc.captions) == 1


def test_korea_net_genuinely_different_captions_are_both_kept() -> None:
    text = KOREA_NET.format(byline="Penulis: A").replace(
        "Foto bersama di Seoul. (Kementerian Luar Negeri)\n\n\n",
        "Presiden menyapa warga di Busan pada malam hari. (Yonhap)\n\n\n",
        1,
    )
    doc = parse(text)
    assert len(doc.captions) == 2
    assert doc.source.photo_credit == "Kementerian Luar Negeri"


def test_korea_net_without_byline_still_finds_the_repeated_caption() -> None:
    text = "2025.01.17\n\nFoto. (Yonhap)\n\nFoto. (Yonhap)\n\nIsi berita."
    doc = parse(text)
    assert doc.layout == "korea_net"
    assert doc.captions == ("Foto.",)
    assert doc.source.photo_credit == "Yonhap"
    assert doc.text == "Isi berita."


def test_korea_net_email_footer_under_a_short_paragraph_is_not_a_caption_copy() -> None:
    # Found by rendering: "a" folds to a prefix of "an nguyen kocis go kr", and the e-mail
    # footer was read as a second printing of a caption.
    doc = parse("Budaya\n\n2009.01.29\n\na\n\nan.nguyen@kocis.go.kr")
    assert doc.captions == ()
    assert doc.paragraphs == ("a",)
    assert doc.source.author_email == "an.nguyen@kocis.go.kr"


def test_korea_net_truncated_after_the_date() -> None:
    doc = parse("Kebijakan\n\n2025.01.17\n")
    assert doc.layout == "korea_net"
    assert str(doc.published) == "2025-01-17"
    assert [p.code for p in doc.problems] == ["no_body"]


def test_korea_net_invalid_email_footer_is_reported_not_kept() -> None:
    doc = parse("2025.01.17\n\nPenulis: A\n\nIsi.\n\nnot@valid@korea")
    assert doc.source.author_email is None
    assert [p.code for p in doc.problems] == ["invalid_email"]
    assert doc.text == "Isi."


def test_korea_net_cut_above_its_date_is_told_by_its_caption_credit_and_byline() -> None:
    # The English edition: the caption with the photographer's name after its final stop,
    # the byline right under it, no date, no site name, no e-mail footer.
    doc = parse(
        "The ministry on May 29 launched an event. Seen is a village. (Jeon Han)\n"
        "By Margareth Theresia\nThe ministry has launched an event.\nEvery year, it"
    )
    assert doc.layout == "korea_net"
    assert (doc.source.photo_credit, doc.source.author) == ("Jeon Han", "Margareth Theresia")
    assert doc.captions == ("The ministry on May 29 launched an event. Seen is a village.",)
    assert doc.text == "The ministry has launched an event.\n\nEvery year, it"
    assert "missing_header_date" in [p.code for p in doc.problems]


def test_korea_net_japanese_caption_credit_after_date_and_place() -> None:
    doc = parse(
        "文化院が韓国の文化を発信する。写真はイベントの様子=6月29日、米国・ロサンゼルス、 "
        "文化体育観光部\n[キム・ソナ]\n文化院が事業を展開する。"
    )
    assert doc.layout == "korea_net"
    assert (doc.source.photo_credit, doc.source.author) == ("文化体育観光部", "キム・ソナ")
    assert doc.captions == ("文化院が韓国の文化を発信する。写真はイベントの様子",)
    assert doc.text == "文化院が事業を展開する。"


@pytest.mark.parametrize(
    "page",
    [
        # a caption and a byline, but the credit is not where Korea.net prints it
        "Officials meet in Seoul on Monday.\nBy Kim Minji\nThe talks went on.",
        # a caption with its credit, but no byline under it
        "Officials meet in Seoul. (Kim Minji)\nThe talks went on.\nBy the end, all agreed.",
    ],
)
def test_a_caption_or_a_byline_alone_is_no_korea_net_page(page: str) -> None:
    assert parse(page).layout == "unknown"


def test_korea_net_byline_broken_over_lines_with_a_glued_credit_and_footnote() -> None:
    # ``By`` alone, the honorary reporter's form, the country glued to a credit label whose
    # name is glued to the first sentence; the desk's address glued to the site's footnote.
    doc = parse(
        "By\nHonorary Reporter Anisa Khairunisa from\nIndonesiaCartoons =\n"
        "Anisa KhairunisaEvery country has its costume.\nHanbok is one.\n"
        "chaey0726@korea.kr*This article is written by a Korea.net Honorary Reporter."
    )
    assert doc.layout == "korea_net"
    assert doc.source.author == "Anisa Khairunisa"
    assert doc.source.photo_credit == "Anisa Khairunisa"
    assert doc.text == "Every country has its costume.\n\nHanbok is one."
    assert [line.role for line in doc.lines] == [
        *("byline", "byline", "byline", "body", "body", "boilerplate"),
    ]


def test_korea_net_russian_honorary_byline_over_two_lines() -> None:
    doc = parse(
        "Подарок, с которого начался мой год. / Фото: Елизавета Нюкша\n"
        "Почетный репортер Korea.net Елизавета Нюкша из\nРоссии.\nДекабрь – идеальное время."
    )
    assert doc.layout == "korea_net"
    assert (doc.source.author, doc.source.photo_credit) == ("Елизавета Нюкша", "Елизавета Нюкша")
    assert doc.captions == ("Подарок, с которого начался мой год.",)
    assert doc.text == "Декабрь – идеальное время."


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        # a copyright sign with no stop before it (German edition)
        ("Die Top 5 beim Festival in Seoul © Gaon Lim", "Die Top 5 beim Festival in Seoul",
         "Gaon Lim"),
        # a courtesy sentence: the credit is the name it gives
        ("Der Webauftritt ist stets aktuell. Fotos mit freundlicher Genehmigung zur Verfügung "
         "gestellt von Min Yea-Ji, bearbeitet von Jasmin Mikolay auf Canva",
         "Der Webauftritt ist stets aktuell.", "Min Yea-Ji"),
    ],
)  # fmt: skip
def test_korea_net_caption_credit_forms(caption: str, text: str, credit: str) -> None:
    doc = parse(
        f"Ehrenberichterstatter\n\n04.12.2025\n\n{caption}\n\n{caption}\n\n"
        "Von Ehrenberichterstatterin Jasmin Mikolay aus Deutschland\n\nText."
    )
    assert (doc.captions, doc.source.photo_credit) == ((text,), credit)
    assert doc.text == "Text."


def test_korea_net_caption_printed_twice_below_the_byline_gives_the_credit() -> None:
    doc = parse(
        "Reporteros Honorarios\n\n22.01.2025\n\nPor Ana Gómez de Venezuela\n\n"
        "Posan con los libros. | Eliana Gissara\n\nPosan con los libros. | Eliana Gissara"
        "\n\nTexto."
    )
    assert doc.source.photo_credit == "Eliana Gissara"
    assert doc.captions == ("Posan con los libros.",)
    assert doc.text == "Texto."


def test_korea_net_reworded_copy_of_a_caption_in_the_text() -> None:
    doc = parse(
        "Honorary Reporters\n\nSep 11, 2024\n\nBy Honorary Reporter Imane Bouhnika from "
        "Algeria\nPhotos = Imane Bouhnika\n\nThe event began.\n\n"
        "Koreanet managers Kal Hong (left) and Jeon Misun (right) Special Talk Segment - "
        "Credits to Honorary Reporter Imane Bouhnika\n\n"
        "Korea.net managers Kal Hong (left) and Jeon Misun (right) host a special talk segment."
        "\n\nTwo reporters took the stage."
    )
    assert doc.source.photo_credit == "Imane Bouhnika"
    assert doc.text == "The event began.\n\nTwo reporters took the stage."
    assert doc.captions == (
        "Koreanet managers Kal Hong (left) and Jeon Misun (right) Special Talk Segment",
    )


def test_korea_net_photo_page_caption_above_its_credit_line() -> None:
    doc = parse(
        "Korea in photos\n\nApr 19, 2024\n\n박찬구씨가 형의 묘소를 찾아 절을 올리고 있다.\n\n\n"
        "Photo = Yonhap News\nSeoul | April 19, 2024\n\nPark Chan-gu pays tribute."
    )
    assert doc.captions == ("박찬구씨가 형의 묘소를 찾아 절을 올리고 있다.",)
    assert doc.source.photo_credit == "Yonhap"
    assert doc.text == "Park Chan-gu pays tribute."


def test_korea_net_highlight_page_caption_under_a_story_heading() -> None:
    doc = parse(
        "Korea.net has many Honorary Reporters. The following are three stories.\n"
        "By Hong Kilju\nThe season has returned.\n"
        "Honorary Reporter of the Year reviews her 2021 (Yukiko Hanano from Japan in Japanese)\n"
        "Yukiko Hanano from Japan poses with her friend in p"
    )
    assert doc.layout == "korea_net"
    assert doc.captions[-1] == "Yukiko Hanano from Japan poses with her friend in p"
    assert doc.paragraphs[-1].endswith("(Yukiko Hanano from Japan in Japanese)")


# -- cri ----------------------------------------------------------------------------------


def test_cri_title_repeated_in_the_body_is_metadata() -> None:
    doc = parse("Judul Berita\n\n2024-05-27 17:07:04\u00a0\u00a0\n\nJudul Berita\n\nIsi.")
    assert doc.layout == "cri"
    assert doc.title == "Judul Berita"
    assert doc.text == "Isi."
    assert [line.role for line in doc.lines] == ["title", "blank", "date", "blank", "title_repeat",
                                                 "blank", "body"]  # fmt: skip


def test_cri_minute_precision_and_truncation() -> None:
    doc = parse("Judul\n\n2024-05-27 17:07")
    assert doc.published is not None
    assert doc.published.precision == "minute"
    assert [p.code for p in doc.problems] == ["no_body"]


def test_cri_date_line_between_bars_opens_a_page_without_headline() -> None:
    doc = parse("| 2014-06-19 15:14:44 | cri |\n[편지왔어요]\n남: 편지 왔어요.\n여: 네.")
    assert (doc.layout, doc.title) == ("cri", None)
    assert str(doc.published) == "2014-06-19T15:14:44+08:00"
    assert "2014" not in doc.text


def test_a_bare_date_line_between_bars_or_on_top_is_no_cri_header() -> None:
    assert parse("| 2014-06-19 15:14:44 |\nIsi satu.\nIsi dua.").layout != "cri"
    assert parse("2014-06-19 15:14:44\nIsi satu.\nIsi dua.").layout != "cri"


def test_cri_old_page_with_site_menu_above_headline_and_source_labelled_date() -> None:
    doc = parse(
        "CRI소개\n게시판\n조선어부 소개\n \ncri korean.cri.cn/\nCRI 국장 신년사\n"
        "2018-01-02 10:25:42 cri\n\n\n \n\n친애하는 벗들:\n\n여러분께 인사를 드립니다."
    )
    assert (doc.layout, doc.title) == ("cri", "CRI 국장 신년사")
    assert str(doc.published) == "2018-01-02T10:25:42+08:00"
    assert doc.text == "친애하는 벗들:\n\n여러분께 인사를 드립니다."


def test_a_menu_above_an_unlabelled_date_line_is_no_cri_header() -> None:
    assert parse("Menu\nSearch\nJudul\n2018-01-02 10:25:42\nIsi.").layout != "cri"


def test_cri_old_page_search_box_print_label_sidebar_and_footer() -> None:
    doc = parse(
        "Cari:\nChina Harap Rundingan Berhasil\n2018-01-10 13:28:12 CRI Cetak\n\n"
        "China berharap rundingan boleh mencapai hasil.\n\n"
        "Lu Kang berkata, China menyokong rundingan ini bagi membaiki hubunga\n\n"
        "Lihat juga\n   Webradio\nSiaran Bahasa Melayu:\nJadual Siaran\n\n"
        "• Burung Sambut Ketibaan Musim Bunga\n\n• Pemandangan Lautan Awan\nLagi>>\n"
        "© China Radio International.CRI. All Rights Reserved.\n"
        "16A Shijingshan Road, Beijing, China"
    )
    assert (doc.layout, doc.title) == ("cri", "China Harap Rundingan Berhasil")
    assert str(doc.published) == "2018-01-10T13:28:12+08:00"
    assert doc.paragraphs == (
        "China berharap rundingan boleh mencapai hasil.",
        "Lu Kang berkata, China menyokong rundingan ini bagi membaiki hubunga",
    )


def test_cri_sidebar_stops_at_a_sentence_or_a_byline() -> None:
    doc = parse(
        "Judul\n2018-01-10 13:28:12 CRI\nIsi pertama.\nSatu. Dua\nWebradio\n"
        "© China Radio International.CRI. All Rights Reserved."
    )
    assert doc.paragraphs == ("Isi pertama.", "Satu. Dua")


def test_cri_default_picture_title_is_furniture() -> None:
    doc = parse(
        "Rais ahutubia mkutano\n2021-12-03 09:39:10| cri\n\n"
        "图片默认标题_fororder_1128113735_16382045757421n\n\nKipindi cha Daraja.\n"
        "picture_fororder_2\n\nHotuba ya rais."
    )
    assert doc.text == "Kipindi cha Daraja.\n\nHotuba ya rais."


# -- vn_portal ----------------------------------------------------------------------------


def test_portal_page_opening_with_the_caption_and_a_source_url() -> None:
    text = (
        "| Foto pertemuan. (Sumber: VNA) |\nIsi satu.\nIsi dua.\n[iklan_1]\n"
        "Sumber: https://example.vn/a\n\nKomentar (3)"
    )
    doc = parse(text)
    assert doc.layout == "vn_portal"
    assert doc.source.publisher is None
    assert doc.captions == ("Foto pertemuan.",)
    assert doc.source.photo_credit == "VNA"
    assert doc.text == "Isi satu.\n\nIsi dua."
    assert [line.role for line in doc.lines][-4:] == [
        "boilerplate",
        "boilerplate",
        "blank",
        "boilerplate",
    ]


@given(st.text(alphabet=st.sampled_from(["|", " ", "\t", "\u00a0", "\n", "a", "("]), max_size=12))
def test_portal_caption_lines_are_read_from_their_ends_as_the_pattern_reads_them(
    line: str,
) -> None:
    found = _CAPTION.match(line)
    expected = None if found is None else (found.group("text"), found.group("close") is not None)
    assert _caption(line) == expected


def test_portal_caption_without_closing_bar_is_flagged() -> None:
    doc = parse("Lead.\n| Foto. (Sumber: Yonhap)\nIsi.")
    assert doc.layout == "vn_portal"
    assert doc.captions == ("Foto.",)
    assert [(p.code, p.line) for p in doc.problems] == [("unclosed_caption", 2)]


def test_portal_ad_slot_inside_the_body_is_dropped() -> None:
    doc = parse("Lead.\n| Foto. |\nSatu.\n[iklan_1]\nDua.\n[iklan_2]\nSumber\nKomentar (0)")
    assert doc.text == "Lead.\n\nSatu.\n\nDua."


def test_the_word_sumber_inside_the_body_stays() -> None:
    doc = parse("Lead.\n| Foto. |\nSumber dana itu jelas.\nDua.")
    assert "Sumber dana itu jelas." in doc.text


# -- unknown ------------------------------------------------------------------------------


def test_unknown_content_is_still_a_document() -> None:
    doc = parse("Some text.\n\nMore text.")
    assert doc.layout == "unknown"
    assert doc.title is None
    assert doc.text == "Some text.\n\nMore text."
    assert [p.code for p in doc.problems] == ["unknown_layout"]


def test_empty_content_is_an_unknown_document_flagged_empty() -> None:
    doc = parse(b"")
    assert doc.layout == "unknown"
    assert doc.text == ""
    assert [p.code for p in doc.problems] == ["empty"]


# -- pages cut above or below their header: the evidence left -------------------------------


def test_cri_page_without_header_is_cri_by_its_copyright_line() -> None:
    doc = parse(
        "中国国際放送局のFM放送の開始式典は24日、ベオグラードで行われました。\n"
        "この日から、セルビア7都市のFMラジオ局は番組を放送することになります。(翻訳:ヒガシ)\n"
        "| ||||\n"
        "© China Radio International.CRI. All Rights Reserved. 16A Shijingshan Road |\n"
    )
    assert doc.layout == "cri"
    assert doc.title is None
    assert doc.published is None
    assert [p.code for p in doc.problems] == ["missing_header_date"]
    assert doc.source.author == "ヒガシ"
    assert doc.paragraphs[-1].endswith("放送することになります。")
    assert "CRI" not in doc.text


def test_a_mention_of_cri_in_the_text_does_not_make_a_cri_page() -> None:
    doc = parse("Satu berita.\nChina Radio International menyiarkan program baru.\n")
    assert doc.layout == "unknown"


@pytest.mark.parametrize(
    "source", ["Enligt baotintuc.vn", "Источник: https://baoquocte", "Sumber: nhandan.vn"]
)
def test_portal_page_cut_short_is_the_portal_by_its_source_line(source: str) -> None:
    doc = parse(f"Air Busan-plan. Foto: Yonhap/VNA\n\nIsi berita yang panjang.\n\n{source}\n\nK\n")
    assert doc.layout == "vn_portal"
    assert doc.source.photo_credit == "Yonhap/VNA"
    assert source not in doc.text


@pytest.mark.parametrize("tag", ["(Chinhphu.vn) – ", "(baoquocte.vn) - ", "(VIETNAMPLUS.VN)—"])
def test_portal_lead_tagged_with_the_address_of_the_paper_it_translates(tag: str) -> None:
    doc = parse(
        f"{tag}Kepala Pemerintahan telah bertemu para investor.\n\n"
        "Upacara penyambutan resmi – Foto: VGP/Nhat Bac\n"
        "Pada malam tanggal 3 Juli, delegasi pulang."
    )
    assert doc.layout == "vn_portal"
    assert doc.source.photo_credit == "VGP/Nhat Bac"
    assert doc.paragraphs[0].startswith(tag.strip())


@pytest.mark.parametrize("lead", ["(VOVWORLD) - Isi.", "(CLO) Isi.", "Isi (baoquocte.vn) - lain."])
def test_a_lead_tag_without_a_vietnamese_address_is_no_portal_evidence(lead: str) -> None:
    assert parse(f"{lead}\n\nIsi berita yang panjang.\n").layout == "unknown"


@pytest.mark.parametrize("source", ["Source: VNA", "Sumber: Reuters", "Theo Hãng tin Trung Quốc"])
def test_a_source_line_not_naming_a_vietnamese_address_is_no_portal_evidence(
    source: str,
) -> None:
    assert parse(f"Isi berita yang panjang.\n\n{source}\n").layout == "unknown"


def test_unknown_page_headline_printed_twice_and_cms_byline_and_date() -> None:
    doc = parse(
        "Headlines, November 26, 2020\nHeadlines, November 26, 2020\n  • Lee Kyung-sik\n"
        "  • 승인 2020.11.26 08:58\n  • 댓글 0\n이 기사를 공유합니다\n\n"
        "Thursday, November 26, 2020\n\nThe Korea Post summarises the news of the day here.\n"
    )
    assert doc.layout == "unknown"
    assert doc.title == "Headlines, November 26, 2020"
    assert str(doc.published) == "2020-11-26T08:58"
    assert doc.source.author == "Lee Kyung-sik"
    assert "Lee Kyung-sik" not in doc.text
    assert "Headlines" not in doc.text


def test_unknown_page_full_name_above_the_date_is_the_byline_not_the_title() -> None:
    doc = parse(
        " date 2025-08-10 Headline\nHaufan Hasyim Salengke\n10/8/2025 18:52\n"
        "Korea Selatan akan mengirimkan sekelompok utusan khusus ke Indonesia pekan depan.\n"
        "Editor : Haufan Salengke\n"
    )
    assert doc.title is None
    assert doc.source.author == "Haufan Hasyim Salengke"
    assert "Haufan" not in doc.text


def test_unknown_page_without_date_line_takes_its_headline_from_the_first_line() -> None:
    doc = parse(
        "Presiden Indonesia Bakal Lawat China\n"
        "Berita tentang Presiden Indonesia Joko Widodo akan melawat ke China sudah diumumkan.\n"
    )
    assert doc.title == "Presiden Indonesia Bakal Lawat China"
    assert doc.paragraphs == (
        "Berita tentang Presiden Indonesia Joko Widodo akan melawat ke China sudah diumumkan.",
    )


def test_kbs_full_page_skip_links_and_footer_are_furniture() -> None:
    doc = parse(
        "Zum Menü Zum Inhalt\nGo Top\n\nPolitik\n\nPräsident Yoon trifft Partner\n\n"
        "Write: 2023-06-23 08:54:13Update: 2023-06-23 09:13:10\n\nPräsident Yoon trifft Partner\n\n"
        "Photo : YONHAP News\n\nPräsident Yoon Suk Yeol hat Vietnam besucht.\n\n"
        "Die Redaktion empfiehlt\n\nClose\n\n"
        "Diese Webseite verwendet Cookies und andere Techniken, um die Servicequalität zu "
        "verbessern.\n"
    )
    assert doc.layout == "kbs_world"
    assert doc.source.category == "Politik"
    assert doc.text == "Präsident Yoon Suk Yeol hat Vietnam besucht."


def test_unknown_page_headline_printed_twice_under_the_site_header() -> None:
    doc = parse(
        " date 2024-09-16 Cerca nel sito\n\nLunedì 16 Settembre 2024\n"
        "South Korea: President Yoon Addresses Separated Families\n\n\n\n"
        "South Korea: President Yoon Addresses Separated Families\n16 settembre 2024\n\n"
        "South Korean President Yoon Suk-yeol addressed the separated families on Monday.\n"
    )
    assert doc.title == "South Korea: President Yoon Addresses Separated Families"
    assert str(doc.published) == "2024-09-16"
    assert doc.text == (
        "South Korean President Yoon Suk-yeol addressed the separated families on Monday."
    )


def test_unknown_page_a_date_line_printed_twice_is_no_headline() -> None:
    doc = parse(
        "N.K. leader visits quarantine command\nGeneral\n16:20 May 13, 2022\n\n"
        "North Korean leader Kim Jong-un speaks during a visit on May 12, 2022. (Yonhap)\n"
        "(END)\nGeneral\n16:20 May 13, 2022\n"
    )
    assert doc.title == "N.K. leader visits quarantine command"
    assert str(doc.published) == "2022-05-13T16:20"


def test_unknown_page_section_above_the_headline_and_site_header_lines() -> None:
    doc = parse(
        "Berita\n\nDunia\n\nWamenlu China Berkunjung ke Korut\n\n"
        "SABTU, 27 JANUARI 2024 | 15:52 WIB | LAPORAN: ALIFIA DWI RAMANDHITA\n\n"
        "Dalam upaya meningkatkan kerja sama, Wakil Menteri Luar Negeri China berkunjung.\n"
    )
    assert (doc.title, doc.source.category) == ("Wamenlu China Berkunjung ke Korut", "Dunia")
    assert (str(doc.published), doc.source.author) == (
        "2024-01-27T15:52+07:00",
        "ALIFIA DWI RAMANDHITA",
    )
    assert doc.text.startswith("Dalam upaya")


def test_unknown_page_section_before_its_date() -> None:
    doc = parse("News 2025-11-01 15:49:46\nAda momen menarik dalam pertemuan bilateral itu.\n")
    assert (doc.source.category, str(doc.published)) == ("News", "2025-11-01T15:49:46")


def test_crawler_line_with_trailing_spaces_is_still_the_crawler_line() -> None:
    doc = parse(" date 2023-09-14 \nIsi berita yang panjang.\n")
    assert doc.roles[0] == "crawl_date"
    assert str(doc.published) == "2023-09-14"


def test_korea_net_a_bare_name_under_the_captions_signs_the_article() -> None:
    doc = parse(
        "المجتمع\n\n2023.12.28\n\nالمراسل الفخري يجري مقابلة (الصورة من خوسيه سيربا)\n\n"
        "المراسل الفخري يجري مقابلة (الصورة من خوسيه سيربا)\n\n\n\nإسراء محمد\n\n"
        "قام مراسلو كوريا نت الفخريون بتغطية أخبار كثيرة خلال هذا العام.\n"
    )
    assert doc.layout == "korea_net"
    assert doc.source.author == "إسراء محمد"
    assert doc.source.photo_credit == "خوسيه سيربا"
    assert "إسراء" not in doc.text


def test_unknown_page_date_line_with_a_counter_after_it() -> None:
    doc = parse("Judul berita di sini\n08:43 UTC+8, 2023-09-14 0\nIsi berita yang panjang.\n")
    assert str(doc.published) == "2023-09-14T08:43+08:00"


# -- boundaries (issue 19: each limit pinned by an example on both sides) -------------------

KOREA_NET_CAPTIONS = (
    "Menteri berbicara di Seoul.",
    "Warga menonton festival lampion.",
    "Presiden tiba di bandara.",
    "Anak-anak bermain salju di taman.",
)


def _korea_net_page(captions: Sequence[str], *, blank: int = 0) -> str:
    """A Korea.net page: ``blank`` empty lines, the category and the date, then the rest."""
    lines = []
    for caption in captions:
        lines += [f"{caption} (Yonhap)"] * 2
    lines += ["Penulis: Kim A", "Isi berita yang panjang.", "kima@korea.kr"]
    return "\n" * blank + "Budaya\n2025.01.17\n\n" + "\n\n".join(lines)


def test_korea_net_renders_three_captions_and_refuses_a_fourth() -> None:
    three = parse(_korea_net_page(KOREA_NET_CAPTIONS[:3]))
    assert three.captions == KOREA_NET_CAPTIONS[:3]
    again = parse(render(three))
    assert (again.captions, again.source.author, again.paragraphs) == (
        KOREA_NET_CAPTIONS[:3],
        "Kim A",
        ("Isi berita yang panjang.",),
    )
    with pytest.raises(LayoutError, match="4 captions"):
        render(attrs.evolve(three, captions=KOREA_NET_CAPTIONS))


@pytest.mark.parametrize(("blank", "layout"), [(6, "korea_net"), (7, "unknown")])
def test_korea_net_date_is_looked_for_in_the_first_eight_lines(blank: int, layout: str) -> None:
    # Category then date under `blank` empty lines: the date is line 8, then line 9.
    doc = parse(_korea_net_page(KOREA_NET_CAPTIONS[:1], blank=blank))
    assert doc.layout == layout


def test_korea_net_date_is_the_first_or_second_line_with_text() -> None:
    text = "Budaya\nSeksi\n2025.01.17\nFoto. (Yonhap)\nFoto. (Yonhap)\nPenulis: Kim A\nIsi."
    assert parse(text).layout == "unknown"
    assert parse(text.replace("Seksi\n", "")).layout == "korea_net"


@pytest.mark.parametrize(
    "lines",
    [6, 7],
)
def test_korea_net_caption_lines_above_the_byline_are_captions_in_page_order(lines: int) -> None:
    printed = [f"{caption} (Yonhap)" for caption in KOREA_NET_CAPTIONS for _ in range(2)]
    text = "\n\n".join(["Budaya", "2025.01.17", *printed[:lines], "Penulis: Kim A", "Isi."])
    doc = parse(text)
    assert doc.captions == KOREA_NET_CAPTIONS[: (lines + 1) // 2]
    assert (doc.source.author, doc.paragraphs) == ("Kim A", ("Isi.",))


LONG_CAPTION = (
    "Menteri Luar Negeri Korea Selatan Cho Tae-yul (kanan) berjabat tangan dengan Menteri Luar "
    "Negeri Indonesia Retno Marsudi sebelum pertemuan bilateral di Gedung Kementerian Luar "
    "Negeri di Jongno-gu, Seoul, pada tanggal 17 Januari 2025 untuk membahas kerja sama ekonomi "
    "dan budaya kedua negara."
)
# Re-worded in four places: 90% alike letter by letter (a similarity that discarded the
# frequent letters, as difflib's autojunk does past 200 characters, would say 41%).
LONG_CAPTION_REWORDED = (
    LONG_CAPTION.replace("pertemuan bilateral", "pertemuan tingkat tinggi")
    .replace("kedua negara", "antara kedua negara tersebut")
    .replace("berjabat tangan", "bersalaman")
    .replace("pada tanggal", "hari Jumat")
)


@pytest.mark.parametrize(
    ("captions", "count"),
    [
        ((LONG_CAPTION, LONG_CAPTION_REWORDED), 1),
        # 0.86 of the character pairs alike: one caption printed twice; 0.70: two captions
        # (the limit is 0.72, _same_caption)
        (("Menteri luar negeri bertemu di Seoul", "Menteri luar negeri bertemu di Busan"), 1),
        (("Menteri luar negeri bertemu di Seoul", "Menteri luar negeri berjumpa di Busan"), 2),
        (("x" * 999 + "a", "x" * 999 + "b"), 1),  # 1,000 characters: still compared fuzzily
        (("x" * 1000 + "a", "x" * 1000 + "b"), 2),  # longer: equality and truncation only
    ],
)
def test_korea_net_caption_copies_at_the_similarity_and_length_limits(
    captions: tuple[str, str], count: int
) -> None:
    text = "\n\n".join(["Budaya", "2025.01.17", *captions, "Penulis: Kim A", "Isi berita."])
    doc = parse(text)
    assert doc.layout == "korea_net"
    assert len(doc.captions) == count
    assert doc.paragraphs == ("Isi berita.",)


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        ("\n" * 4 + "Judul berita\n2024-05-27 17:07:04\nIsi berita.", "cri"),  # date: line 6
        ("\n" * 5 + "Judul berita\n2024-05-27 17:07:04\nIsi berita.", "unknown"),  # line 7
        ("Judul berita" + "\n" * 5 + "2024-05-27 17:07:04\nIsi berita.", "cri"),
        ("Judul berita" + "\n" * 6 + "2024-05-27 17:07:04\nIsi berita.", "unknown"),
    ],
)
def test_cri_title_and_date_are_looked_for_in_the_first_six_lines(text: str, layout: str) -> None:
    assert parse(text).layout == layout
    assert Cri().match(split_lines(text)) is (layout == "cri")


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        ("Satu.\nDua.\nSumber: Reuters", "unknown"),  # a source line alone is any outlet's
        ("Satu.\nDua.\nKomentar (0)\nSumber: Reuters", "unknown"),
        ("Satu.\nDua.\n[iklan_2]\nSumber: Reuters", "vn_portal"),  # ad slot and trailer
        ("Satu.\nDua.\n[iklan_2]\nLain.", "unknown"),
        ("Satu.\nDua.\nKomentar (0)", "vn_portal"),  # its comment counter closes the page
    ],
)
def test_vn_portal_trailer_needs_an_ad_slot_and_a_source_line(text: str, layout: str) -> None:
    assert parse(text).layout == layout


def test_korea_net_a_sentence_under_the_captions_is_no_signature() -> None:
    doc = parse(
        "Budaya\n\n2025.01.17\n\nFoto bersama. (Yonhap)\n\nFoto bersama. (Yonhap)\n\n"
        'Kedua Dr. Kim."\n\nIsi berita yang panjang.\n'
    )
    assert doc.source.author is None
    assert doc.paragraphs[0] == 'Kedua Dr. Kim."'


# Mutation survivors (issue 19) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        # the courtesy sentence's "zur Verfügung gestellt" is optional
        ("Der Webauftritt ist stets aktuell. Fotos mit freundlicher Genehmigung von Min Yea-Ji",
         "Der Webauftritt ist stets aktuell.", "Min Yea-Ji"),
        ("El equipo en Seúl. Fotos cortesía de Ana Gómez", "El equipo en Seúl.", "Ana Gómez"),
        ("The team in Seoul. Photo courtesy of Kim Minji", "The team in Seoul.", "Kim Minji"),
        ("The team in Seoul. Images provided by Kim Minji, edited by Lee Jun",
         "The team in Seoul.", "Kim Minji"),
    ],
)  # fmt: skip
def test_korea_net_courtesy_sentences_in_every_form(caption: str, text: str, credit: str) -> None:
    doc = parse(
        f"Ehrenberichterstatter\n\n04.12.2025\n\n{caption}\n\n{caption}\n\n"
        "Von Ehrenberichterstatterin Jasmin Mikolay aus Deutschland\n\nText."
    )
    assert (doc.layout, doc.captions, doc.source.photo_credit) == ("korea_net", (text,), credit)


@pytest.mark.parametrize(
    ("length", "layout"), [(80, "kbs_world"), (81, "kbs_world"), (82, "unknown")]
)
def test_a_kbs_credit_line_under_the_written_line_is_at_most_81_characters(
    length: int, layout: str
) -> None:
    """A KBS page without the crawler's line is told by its Written line with a credit line
    below it, ``Photo : CREDIT``: a credit of up to 81 characters (one more than a credit
    is read, so the page is KBS's even where its credit is too long to be one)."""
    credit = "KBS " + "x" * (length - 4)
    doc = parse(
        f"Politik\n\nJudul berita\n\nWritten: 2022-11-17 16:29:04\n\nPhoto : {credit}\n\n"
        "Isi berita hari ini."
    )
    assert doc.layout == layout
    assert doc.source.photo_credit == (credit if length <= 80 else None)

"""Specification of the Korea.net layout (``seedcorpus._layouts.korea_net``), line by line."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import pytest

from seedcorpus import LayoutError, parse, render

KOREA_NET = """Kebijakan

2025.01.17

Foto bersama di Seoul. (Kementerian Luar Negeri)

Foto bersama di Seoul. (Kementerian Luar Negeri)



{byline}

Paragraf pertama.

Paragraf kedua.


penulis@korea.kr"""


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


def test_korea_net_with_a_language_menu_and_an_honorary_byline() -> None:
    page = (
        "Wartawan Kehormatan\n\n2023.02.16\n\nMembaca artikel ini dalam bahasa yang lain\n"
        "  • 한국어\n  • English\n  • Indonesian\n\n"
        "Penulis: Wartawan Kehormatan Ardylara Mayang Purnama dari Indonesia\n\n\nIsi berita."
    )
    doc = parse(page)
    assert doc.layout == "korea_net"
    assert doc.source.author == "Ardylara Mayang Purnama"
    assert doc.source.category == "Wartawan Kehormatan"
    assert doc.text == "Isi berita."


def test_korea_net_european_editions_print_the_day_first() -> None:
    doc = parse("Reporteros Honorarios\n\n22.01.2025\n\nPor Ana Gómez\n\nTexto.")
    assert (doc.layout, str(doc.published), doc.source.author) == (
        "korea_net",
        "2025-01-22",
        "Ana Gómez",
    )


def test_korea_net_caption_credit_with_a_comma_or_a_bar() -> None:
    page = (
        "Kebijakan\n\n2024.05.01\n\nPresiden di Seoul. (Kim Yong Wii, Kantor Kepresidenan "
        "Republik Korea)\n\nPresiden di Seoul. (Kim Yong Wii, Kantor Kepresidenan Republik Korea)"
        "\n\nOleh Kim A\n\nIsi."
    )
    doc = parse(page)
    assert doc.source.photo_credit == "Kim Yong Wii, Kantor Kepresidenan Republik Korea"
    assert doc.captions == ("Presiden di Seoul.",)
    bar = parse(
        "Reporteros\n\n22.01.2025\n\nFoto de grupo. | Eliana Gissara\n\n"
        "Foto de grupo. | Eliana Gissara\n\nPor Ana Gómez\n\nTexto."
    )
    assert bar.source.photo_credit == "Eliana Gissara"


def test_a_korea_net_page_cut_above_its_date() -> None:
    page = (
        "Para menteri berfoto bersama dalam konferensi pers di Busan. (Yonhap News)\n"
        "Penulis: Jeon Misun\nMenteri luar negeri bertemu kembali.\nmsjeon22@korea.kr"
    )
    doc = parse(page)
    assert doc.layout == "korea_net"
    assert (doc.source.author, doc.source.photo_credit) == ("Jeon Misun", "Yonhap")
    assert doc.text == "Menteri luar negeri bertemu kembali."
    assert "missing_header_date" in [p.code for p in doc.problems]


def test_korea_net_photos_inside_the_text_are_captions() -> None:
    page = (
        "Wartawan Kehormatan\n\n2023.02.16\n\nPenulis: Ardy\n\nIsi pertama.\n\n"
        "Monthi Rosselini beraktivitas sebagai HR. (Monthi Rosselini)\n\n"
        "Monthi Rosselini beraktivitas sebagai HR. (Monthi Rosselini)\n\nIsi kedua."
    )
    doc = parse(page)
    assert doc.paragraphs == ("Isi pertama.", "Isi kedua.")
    assert doc.captions == ("Monthi Rosselini beraktivitas sebagai HR.",)
    assert doc.source.photo_credit == "Monthi Rosselini"


@pytest.mark.parametrize(
    "text",
    [
        "Culture\nAug 08, 2022\nBy Kim A\nText of the article.",  # the byline right under it
        "Culture\nAug 08, 2022\nText of the article.\nBy Kim A",
    ],
)
def test_an_english_korea_net_date_needs_a_byline_below_it(text: str) -> None:
    assert parse(text).layout == "korea_net"
    assert parse(text.replace("By Kim A", "Kim A")).layout != "korea_net"


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


# -- boundaries (issue 19: each limit pinned by an example on both sides) -------------------


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


@pytest.mark.parametrize(
    ("captions", "count"),
    [
        ((LONG_CAPTION, LONG_CAPTION_REWORDED), 1),
        # 0.86 of the character pairs alike: one caption printed twice; 0.70: two captions
        # (the limit is 0.72, same_caption)
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


def test_korea_net_a_sentence_under_the_captions_is_no_signature() -> None:
    doc = parse(
        "Budaya\n\n2025.01.17\n\nFoto bersama. (Yonhap)\n\nFoto bersama. (Yonhap)\n\n"
        'Kedua Dr. Kim."\n\nIsi berita yang panjang.\n'
    )
    assert doc.source.author is None
    assert doc.paragraphs[0] == 'Kedua Dr. Kim."'


# Mutation survivors (issue 19) --------------------------------------------------


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

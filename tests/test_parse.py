"""Specification of decoding and of ``parse``: bytes in, a document or a documented error out."""

from __future__ import annotations

import codecs

import pytest

from seedcorpus import DecodeError, FileTooLargeError, parse
from seedcorpus._parse import ParseOptions, decode

KBS = " date 2021-12 Photo : YONHAP News\n\nKorea Selatan.Menurut laporan."


def test_utf8_is_decoded_as_is() -> None:
    assert decode("Café".encode()) == ("Café", "utf-8", ())


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_byte_order_marks_are_honoured_and_kept_in_raw(bom: bytes, encoding: str) -> None:
    data = bom + KBS.encode(encoding)
    doc = parse(data)
    assert doc.encoding == encoding
    assert doc.raw_bytes == data
    assert doc.raw.startswith("\ufeff")
    assert doc.layout == "kbs_world"
    assert doc.problems == ()


def test_legacy_single_byte_text_falls_back_to_cp1252_and_is_flagged() -> None:
    data = KBS.replace("Menurut", "Menurut café “kata”").encode("cp1252")
    doc = parse(data, path="x.txt")
    assert doc.encoding == "cp1252"
    assert "café “kata”" in doc.text
    assert [p.code for p in doc.problems] == ["decoded_with_fallback"]
    assert doc.problems[0].path == "x.txt"
    assert doc.raw_bytes == data


def test_bytes_undefined_in_cp1252_alone_are_read_as_latin1() -> None:
    # One 0x81 switched the whole file to latin-1: curly quotes became C1 controls.
    data = b"\x93Halo\x94 \x81 \x80 \x8d\x8f\x90\x9d"
    text, encoding, problems = decode(data)
    assert (text, encoding) == ("\u201cHalo\u201d \x81 \u20ac \x8d\x8f\x90\x9d", "cp1252-latin1")
    assert text.encode(encoding) == data
    assert [p.message for p in problems] == [
        "not valid UTF-8 (byte 0x93 at offset 0); decoded as cp1252-latin1"
    ]
    doc = parse(data)
    assert (doc.raw_bytes, doc.encoding) == (data, "cp1252-latin1")


@pytest.mark.parametrize("data", [b"abc\x00def", b"\x89PNG\r\n\x1a\n\x00\x00", b"\x01\x02\x03"])
def test_binary_content_is_a_decode_error_naming_the_file(data: bytes) -> None:
    with pytest.raises(DecodeError, match=r"^f\.txt: binary content") as caught:
        parse(data, path="f.txt")
    assert caught.value.code == "binary"


def test_invalid_utf16_after_its_bom_is_a_decode_error() -> None:
    with pytest.raises(DecodeError, match="utf-16-le") as caught:
        parse(codecs.BOM_UTF16_LE + b"\x00\xd8", path="f.txt")
    assert caught.value.code == "undecodable"


def test_content_over_the_size_limit_is_refused() -> None:
    with pytest.raises(FileTooLargeError, match="over the limit of 10") as caught:
        parse(b"x" * 11, path="big.txt", options=ParseOptions(max_bytes=10))
    assert caught.value.path == "big.txt"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_do_not_change_the_document(newline: str) -> None:
    reference = parse(KBS.encode())
    doc = parse(KBS.replace("\n", newline).encode())
    assert (doc.layout, doc.text, doc.published, doc.source) == (
        reference.layout,
        reference.text,
        reference.published,
        reference.source,
    )
    assert doc.roles == reference.roles


def test_str_input_is_taken_as_decoded_text() -> None:
    assert parse(KBS).text == parse(KBS.encode()).text == "Korea Selatan. Menurut laporan."


def test_identity_comes_from_the_arguments() -> None:
    doc = parse(KBS, key="0123456789abcdef", ordinal=7, path="a/007_0123456789abcdef.txt")
    assert (doc.key, doc.ordinal, doc.path) == ("0123456789abcdef", 7, "a/007_0123456789abcdef.txt")

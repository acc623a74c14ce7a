"""Damaged corpus files for totality tests and fuzzing: any bytes seedcorpus is given must
end as a document or a :class:`~seedcorpus.DocumentError`, never as another exception or a
hang.
"""

from __future__ import annotations

import random

from hypothesis import strategies as st

from seedcorpus.testing.corpora import article_texts

__all__ = ["hostile_files", "mutate_file"]


_HOSTILE_LINES = (
    " date 2021-13 Photo : YONHAP News",
    " date 2021-02-30 Photo :",
    " date 9999-99-99",
    " date 2025-12-05",
    " date  Foto :",
    "2025.02.30",
    "2025.13.45.",
    "2024-02-30 25:61:61",
    "| Foto tanpa penutup (Sumber: Yonhap)",
    "||",
    "| (Sumber: ) |",
    "[iklan_2]",
    "Sumber",
    "Sumber: https://",
    "Komentar (0)",
    "Penulis:",
    "Oleh ",
    "a@b",
    "@",
    "\u00a0" * 40,
    "\u200b\ufeff\u200b",
    "\u202e\u0301\u0301\u0301",
    "Kamis (31/02) dan 29 Februari 2023, tahun 0, 99999 M.",
    "." * 300 + "A",
    "a" * 3000,
)
_BOM_PREFIXES = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def mutate_file(data: bytes, rng: random.Random, *, rounds: int | None = None) -> bytes:
    """Damage a corpus file the ways scraped files get damaged, ``rounds`` times (1-4 by default).

    Each round does one of: truncate (at a byte or a line end), insert, replace or delete
    bytes, insert a NUL, duplicate, drop or swap lines, insert a header-like line that
    breaks its layout, switch line endings to CRLF or CR, prepend a byte-order mark, or
    re-encode the text as cp1252 or UTF-16. Deterministic for a given ``rng`` state.

    >>> import random
    >>> mutate_file(b"a\\nb\\nc\\n", random.Random(0), rounds=0)
    b'a\\nb\\nc\\n'
    >>> len({mutate_file(b"Satu.\\nDua.\\n", random.Random(i)) for i in range(20)}) > 5
    True
    """
    for _ in range(rng.randint(1, 4) if rounds is None else rounds):
        data = _MUTATIONS[rng.randrange(len(_MUTATIONS))](data, rng)
    return data


def _cut(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randint(0, len(data))]


def _cut_at_line(data: bytes, rng: random.Random) -> bytes:
    ends = [i + 1 for i, byte in enumerate(data) if byte == 0x0A] or [len(data)]
    return data[: rng.choice(ends)]


def _insert(data: bytes, rng: random.Random) -> bytes:
    at = rng.randint(0, len(data))
    return data[:at] + rng.randbytes(rng.randint(1, 16)) + data[at:]


def _replace(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    at = rng.randrange(len(data))
    return data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]


def _delete(data: bytes, rng: random.Random) -> bytes:
    start = rng.randint(0, len(data))
    return data[:start] + data[start + rng.randint(1, 64) :]


def _nul(data: bytes, rng: random.Random) -> bytes:
    at = rng.randint(0, len(data))
    return data[:at] + b"\x00" + data[at:]


def _lines_op(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    choice = rng.randrange(3)
    if choice == 0:
        lines.insert(i, lines[j])
    elif choice == 1 and len(lines) > 1:
        del lines[i]
    else:
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def _hostile_line(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    line = rng.choice(_HOSTILE_LINES).encode("utf-8")
    lines.insert(rng.choice([0, 0, 1, 2, rng.randint(0, len(lines))]), line)
    return b"\n".join(lines)


def _line_endings(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\n", rng.choice([b"\r\n", b"\r", b"\n\r"]))


def _bom(data: bytes, rng: random.Random) -> bytes:
    return rng.choice(_BOM_PREFIXES) + data


def _reencode(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    encoding = rng.choice(["cp1252", "utf-16-le", "utf-16-be", "utf-16", "latin-1"])
    return text.encode(encoding, "replace")


_MUTATIONS = (
    _cut,
    _cut_at_line,
    _insert,
    _replace,
    _delete,
    _nul,
    _lines_op,
    _lines_op,
    _hostile_line,
    _hostile_line,
    _line_endings,
    _bom,
    _reencode,
)


def hostile_files(base: st.SearchStrategy[bytes] | None = None) -> st.SearchStrategy[bytes]:
    """Bytes of damaged corpus files: ``base`` files (default: :func:`article_texts` in UTF-8,
    or random bytes) passed through :func:`mutate_file`.

    >>> from hypothesis import given
    >>> from seedcorpus import DocumentError
    >>> from seedcorpus import parse
    >>> @given(hostile_files())
    ... def test_parse_is_total(data):
    ...     try:
    ...         parse(data)
    ...     except DocumentError:
    ...         pass
    >>> test_parse_is_total()
    """
    if base is None:
        base = st.one_of(article_texts().map(lambda text: text.encode("utf-8")), st.binary())
    return st.builds(mutate_file, base, st.randoms(use_true_random=False))

"""Generators of seed-like corpus files, for benchmarks (extend them freely).

Two shapes, both writing ``n`` files named ``NNNNNNN_<16 hex>.txt``; same ``seed``, same
bytes:

- ``write_corpus(directory, n, seed)``: articles made up from seed words in the four seed
  layouts (KBS World, Korea.net, a Vietnamese portal's Indonesian edition, CRI) with
  varied dates, lengths (0.4 to 3 KB) and credits;
- ``write_seedlike(directory, n, seed)``: the five seeds themselves (``seeds/``), each
  copy with its header date moved to a random day of 2015-2025 and its longest body
  paragraph cut or lengthened (with the seed's own words) to 2,100-2,400 bytes: the
  corpus issue 16's benchmark is stated on.
"""

from __future__ import annotations

import datetime
import os
import random
import re
from collections.abc import Callable
from pathlib import Path

__all__ = ["paragraphs", "render", "seedlike", "sentence", "write_corpus", "write_seedlike"]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

_TEXT = (
    "Kementerian Luar Negeri Korea Selatan menyatakan akan memperluas kerja sama dengan "
    "Amerika Serikat dalam bidang industri yang berorientasi masa depan mulai tahun depan "
    "pemerintah memastikan terus berusaha keras mempertahankan hubungan diplomatik stabil "
    "juru bicara dalam konferensi pers menandakan jalannya kembali kerja sama tiga negara"
)
_WORDS = tuple(_TEXT.split(" "))
_CREDITS = ("YONHAP News", "Kementerian Luar Negeri", "Yonhap", "KBS", "Reuters")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 24))]
    return " ".join(words).capitalize() + "."


def _paragraphs(rng: random.Random) -> list[str]:
    return [
        " ".join(_sentence(rng) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(2, 8))
    ]


def paragraphs(rng: random.Random) -> list[str]:
    """An article body: 2 to 8 paragraphs of 1 to 4 sentences of seed words."""
    return _paragraphs(rng)


def sentence(rng: random.Random) -> str:
    """One sentence of 8 to 24 seed words."""
    return _sentence(rng)


def render(rng: random.Random, body: list[str] | None = None) -> str:
    """One file's text in one of the four seed layouts, chosen by ``rng``; ``body`` gives
    the paragraphs (drawn by ``rng`` when None: a planted copy passes another's)."""
    year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    body = _paragraphs(rng) if body is None else body
    layout = rng.randrange(4)
    if layout == 0:  # KBS World: header line, body sentences run together
        return f" date {year}-{month:02d} Photo : {rng.choice(_CREDITS)}\n\n" + "".join(body)
    if layout == 1:  # Korea.net: category, date, caption twice, byline, body
        caption = f"{_sentence(rng)} ({rng.choice(_CREDITS)})"
        return (
            f"Kebijakan\n\n{year}.{month:02d}.{day:02d}\n\n{caption}\n\n{caption}\n\n\n\n"
            f"Penulis: Gil Kyuyoung\n\n" + "\n\n".join(body) + "\n\ngilkyuyoung@korea.kr"
        )
    if layout == 2:  # Vietnamese portal: lead, table-row caption, body
        caption = f"| {_sentence(rng)} (Sumber: {rng.choice(_CREDITS)}) |"
        return "\n".join([body[0], caption, *body[1:]])
    title = _sentence(rng).rstrip(".")  # CRI: title, date-time, body
    stamp = f"{year}-{month:02d}-{day:02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00"
    return f"{title}\n\n{stamp}  \n\n" + "\n\n".join(body)


def write_corpus(directory: str | os.PathLike[str], n: int, seed: int = 0) -> Path:
    """Write ``n`` seed-like files into ``directory`` (created if needed); returns it."""
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    width = max(3, len(str(max(n - 1, 0))))
    texts = [render(rng).encode("utf-8") for _ in range(min(n, 512))]  # reuse: fast for big n
    for ordinal in range(n):
        key = f"{rng.getrandbits(64):016x}"
        with open(root / f"{ordinal:0{width}d}_{key}.txt", "wb") as handle:
            handle.write(texts[ordinal % len(texts)] if n > 512 else texts[ordinal])
    return root


# The header dates of the seed layouts, each rewritten from a random day (first match only)
_KBS_MONTH = re.compile(r"^( date )\d{4}-\d{2}( )", re.MULTILINE)  # " date 2021-12 Photo"
_KOREA_NET_DAY = re.compile(r"^\d{4}\.\d{2}\.\d{2}$", re.MULTILINE)  # "2025.01.17"
_CRI_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", re.MULTILINE)
_DAYS = (datetime.date(2015, 1, 1).toordinal(), datetime.date(2025, 12, 31).toordinal())
SEEDLIKE_BYTES = (2100, 2400)  # every seed-like file's size lies in this range


def _shift_dates(text: str, rng: random.Random) -> str:
    """``text`` with its header date (any of the three seed formats) on a random day."""
    day = datetime.date.fromordinal(rng.randint(*_DAYS))
    clock = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    rewrites: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
        (_KBS_MONTH, lambda m: f"{m.group(1)}{day:%Y-%m}{m.group(2)}"),
        (_KOREA_NET_DAY, lambda m: f"{day:%Y.%m.%d}"),
        (_CRI_STAMP, lambda m: f"{day:%Y-%m-%d} {clock}"),
    )
    for pattern, rewrite in rewrites:
        text = pattern.sub(rewrite, text, count=1)
    return text


def _resize(text: str, rng: random.Random) -> str:
    """``text`` with its longest body paragraph (a line of its own, not the first, not a
    caption, not repeated) cut or lengthened with the seed's own words, so that the file
    holds 2,100-2,400 bytes of UTF-8."""
    lines = text.split("\n")
    body = [
        at
        for at, line in enumerate(lines)
        if at > 0 and len(line) > 150 and not line.startswith("|") and lines.count(line) == 1
    ]
    longest = max(body, key=lambda at: len(lines[at]))
    words = lines[longest].rstrip(".").split(" ")
    pool = [word for at in body for word in lines[at].split(" ") if word.isalpha()]
    low, high = SEEDLIKE_BYTES
    target = rng.randint(low + 20, high - 25)  # one word of slack either way
    size = len(text.encode("utf-8")) - len(lines[longest].encode("utf-8"))
    line_size = len(" ".join(words).encode("utf-8")) + 1  # the closing full stop
    while size + line_size > target and len(words) > 1:
        line_size -= len(words.pop().encode("utf-8")) + 1
    while size + line_size < target:
        words.append(rng.choice(pool).lower())
        line_size += len(words[-1].encode("utf-8")) + 1
    lines[longest] = " ".join(words) + "."
    return "\n".join(lines)


def seedlike(rng: random.Random, seeds: list[str]) -> str:
    """One seed-like file's text: a seed of ``seeds`` (chosen by ``rng``) with its header
    date moved and its size set to 2,100-2,400 bytes."""
    return _resize(_shift_dates(rng.choice(seeds), rng), rng)


def write_seedlike(directory: str | os.PathLike[str], n: int, seed: int = 0) -> Path:
    """Write ``n`` seed-like files (``seedlike``) into ``directory``; returns it."""
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    width = max(3, len(str(max(n - 1, 0))))
    for ordinal in range(n):
        data = seedlike(rng, seeds).encode("utf-8")
        low, high = SEEDLIKE_BYTES
        assert low <= len(data) <= high, f"a seed-like file of {len(data)} bytes"
        key = f"{rng.getrandbits(64):016x}"
        with open(root / f"{ordinal:0{width}d}_{key}.txt", "wb") as handle:
            handle.write(data)
    return root

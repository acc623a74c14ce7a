"""A minimal generator of seed-like corpus files, for benchmarks (extend it freely).

``write_corpus(directory, n, seed)`` writes ``n`` files named ``NNNNNNN_<16 hex>.txt``
in the four seed layouts (KBS World, Korea.net, a Vietnamese portal's Indonesian
edition, CRI) with varied dates, lengths and credits. Same ``seed``, same bytes.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

__all__ = ["paragraphs", "render", "sentence", "write_corpus"]

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

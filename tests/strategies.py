"""Hypothesis strategies the test modules share (the public ones are in seedcorpus.testing)."""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = ["mixed_script_texts"]

_SCRIPTS = st.sampled_from(
    [
        "abcdefghij klmnopqrst uvwxyz ",
        "àéèêëïîôùûüç ñ ",
        "ạảấầẩẫậắằẳẵặẹẻẽếềểễệ ",
        "가나다라마바사아자차카타파하 ",
        "あいうえおかきくけこ アイウエオ ",
        "的一是不了人我在有他这中大来上 ",
        "абвгдежзийклмнопрст ",
        "กขคฆงจฉชซ ",
        "0123456789 .,;:!?()-'\"| ",
    ]
)


@st.composite
def mixed_script_texts(draw: st.DrawFn) -> str:
    """Texts mixing one to three scripts (Latin, Vietnamese, Hangul, kana, Han, Cyrillic,
    Thai, digits and punctuation)."""
    alphabet = "".join(draw(st.lists(_SCRIPTS, min_size=1, max_size=3)))
    return draw(st.text(alphabet=alphabet, max_size=700))

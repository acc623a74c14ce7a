"""What a sentence looks like: how it ends, where two meet, and a line that reads as text.

Several roles hang on it: a long line ending a sentence is no furniture, credit, byline or
caption, and a headline ends none.

>>> reads_as_text("Presiden " * 10 + "datang."), reads_as_text("Judul berita")
(True, False)
"""

from __future__ import annotations

import re

__all__ = ["SENTENCE_BREAK", "SENTENCE_ENDS", "reads_as_text"]

# How a sentence ends; a long line ending so is no furniture, credit, byline or caption.
SENTENCE_ENDS = frozenset('.!?"”’。')
# A sentence's end and the space after it, inside a line: a sentence, not a name.
SENTENCE_BREAK = re.compile(r"[.!?;]\s")


def reads_as_text(text: str) -> bool:
    """Whether a line reads as a paragraph (not a headline): long, and ending a sentence.

    >>> reads_as_text("Presiden " * 10 + "datang."), reads_as_text("Judul berita.")
    (True, False)
    """
    return len(text) >= 80 and text[-1] in SENTENCE_ENDS

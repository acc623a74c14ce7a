"""The package version, in one place below every module that needs it.

>>> VERSION.count(".")
2
"""

from __future__ import annotations

from typing import Final

__all__ = ["VERSION"]

VERSION: Final = "0.1.0"
"""seedcorpus's version; pyproject.toml holds the same (a test checks they agree)."""

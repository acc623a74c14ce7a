"""Spellings of registered source names (canonical names and aliases) as scraped pages
print them: random letter case, runs of spaces, tabs or no-break spaces, padding.
"""

from __future__ import annotations

from hypothesis import strategies as st

from seedcorpus._sources import SourceRegistry

__all__ = ["source_names", "source_spellings"]


_SOURCE_SPACES = (" ", "  ", "\t", "\u00a0", " \u00a0 ", "\n")


@st.composite
def source_spellings(draw: st.DrawFn, registry: SourceRegistry | None = None) -> tuple[str, str]:
    """A ``(spelling, canonical name)`` pair from ``registry`` (the bundled one by default).

    The spelling is the canonical name or one of its aliases with each letter's case drawn
    at random, spaces replaced by runs of white space and white space around it, so
    ``registry.canonical(spelling)`` must give the canonical name.
    """
    reg = SourceRegistry.default() if registry is None else registry
    entries = list(reg)
    if not entries:
        raise ValueError("source_spellings needs a registry with at least one entry")
    entry = draw(st.sampled_from(entries))
    spelling: str = draw(st.sampled_from(entry.spellings))
    upper = draw(st.lists(st.booleans(), min_size=len(spelling), max_size=len(spelling)))
    cased = "".join(c.upper() if up else c.lower() for c, up in zip(spelling, upper, strict=True))
    words = cased.split(" ")
    spaced = words[0] + "".join(draw(st.sampled_from(_SOURCE_SPACES)) + w for w in words[1:])
    pad = st.sampled_from(("", *_SOURCE_SPACES))
    return draw(pad) + spaced + draw(pad), entry.name


def source_names(registry: SourceRegistry | None = None) -> st.SearchStrategy[str]:
    """Canonical names and aliases of ``registry`` in random case and white space.

    >>> from hypothesis import given
    >>> from seedcorpus import SourceRegistry
    >>> @given(source_names())
    ... def test_every_spelling_is_known(name):
    ...     assert SourceRegistry.default().is_known(name)
    >>> test_every_spelling_is_known()
    """
    return source_spellings(registry).map(lambda pair: pair[0])

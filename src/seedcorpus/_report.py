"""The visual report: one self-contained HTML file that shows a corpus's shape.

``Corpus.report(path)`` and ``seedcorpus report SOURCE -o report.html`` write it. It
holds the totals, documents per month stacked by publisher, languages, layouts, date
precisions, photo credits, cited agencies, every problem with its file, and a few
sample documents. Charts are drawn by matplotlib (the ``report`` extra) as SVG inlined
in the page, with text kept as text (``svg.fonttype: none``); the page has no script
and loads nothing (no font, style or image from the network), so it works offline and
can be mailed. Every string from the corpus is HTML-escaped, and ``$`` is escaped for
matplotlib (which would read ``$...$`` as mathematics).

The numbers come from the very :class:`~seedcorpus.CorpusStats` that
:meth:`Corpus.stats <seedcorpus.Corpus.stats>` computes, read in the same pass, and the
page carries them in tables marked up for machines: each count table has a
``data-stat`` attribute naming the :class:`~seedcorpus.CorpusStats` field, each row a
``data-name`` and a ``data-count``; the totals are ``<dd data-stat="...">`` elements.
The output is deterministic: the same corpus gives the same bytes (SVG ids are salted
with a fixed string per chart, and the SVG carries no date).

>>> import seedcorpus
>>> from seedcorpus._stats import compute_stats
>>> collector = ReportCollector()
>>> stats = compute_stats(collector.observe(seedcorpus.load()))
>>> page = collector.render(stats, (), title="seeds")
>>> page.startswith("<!DOCTYPE html>"), '<dd data-stat="documents">5</dd>' in page
(True, True)
"""

from __future__ import annotations

import html.parser
import io
import random
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Final

from seedcorpus._display import escape, headline_words
from seedcorpus._exceptions import MissingExtraError
from seedcorpus._records import Document, Problem
from seedcorpus._stats import CorpusStats

__all__ = [
    "MAX_BARS",
    "MAX_MONTHS",
    "MAX_PROBLEMS",
    "MAX_STACKS",
    "ReportCollector",
    "loads_nothing",
]

MAX_BARS: Final = 15
"""Names a bar chart shows (the tables beside it list every name)."""
MAX_STACKS: Final = 8
"""Publishers the monthly chart stacks by name; the others stack as ``other``."""
MAX_MONTHS: Final = 72
"""Beyond this many months from first to last, the time chart counts years."""
MAX_PROBLEMS: Final = 500
"""Problems listed one by one; beyond, the count says how many more there are."""

_UNKNOWN: Final = "(none)"
_COLOURS: Final = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
)

_STYLE: Final = """
body {font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto;
  max-width: 1100px; padding: 0 16px; color: #222; background: #fff; line-height: 1.4;}
h1 {font-size: 22px; margin-bottom: 4px;} h2 {font-size: 18px; margin-top: 32px;
  border-bottom: 1px solid #ddd; padding-bottom: 4px;}
dl.totals {display: grid; grid-template-columns: max-content auto; gap: 2px 16px;}
dl.totals dt {font-weight: 600;} dl.totals dd {margin: 0;}
.pair {display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start;}
.chart svg {max-width: 100%; height: auto;}
table {border-collapse: collapse; font-size: 13px;}
th, td {text-align: left; padding: 2px 10px; border-bottom: 1px solid #eee;
  vertical-align: top;}
td.count {text-align: right; font-variant-numeric: tabular-nums;}
.counts-box {max-height: 360px; overflow: auto;}
.sample {border: 1px solid #ddd; border-radius: 6px; padding: 8px 12px; margin: 8px 0;}
.sample p {margin: 4px 0;} .muted {color: #666;} code {font-size: 12px;}
"""


def _pyplot_free_figure() -> Any:
    """matplotlib's :class:`~matplotlib.figure.Figure` (no pyplot, no global backend)."""
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingExtraError.for_extra("matplotlib", "report") from None
    return Figure


def _integer_ticks() -> Any:
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


def _label(text: str) -> str:
    """Text for a matplotlib label: ``$`` escaped (no mathtext), long names cut."""
    text = " ".join(text.split())
    text = text if len(text) <= 40 else text[:39] + "…"
    return text.replace("$", r"\$")


def _svg(figure: Any, salt: str) -> str:
    """The figure as an ``<svg>`` element to inline (no XML prolog, no date)."""
    import matplotlib

    buffer = io.StringIO()
    settings: Any = {"svg.fonttype": "none", "svg.hashsalt": f"seedcorpus-{salt}"}
    with matplotlib.rc_context(settings), warnings.catch_warnings():
        # Text stays text (svg.fonttype none): the browser draws it with its own fonts, so
        # a glyph matplotlib's font lacks (Korean, Chinese...) only shifts a label's width.
        warnings.filterwarnings("ignore", message="Glyph .* missing from", category=UserWarning)
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def _bars(counts: Mapping[str, int], salt: str, colour: str) -> str:
    """A horizontal bar chart of the first :data:`MAX_BARS` names (counts ordered)."""
    items = list(counts.items())[:MAX_BARS]
    figure = _pyplot_free_figure()(figsize=(5.6, 0.45 + 0.28 * len(items)))
    axes = figure.subplots()
    names = [_label(name) for name, _ in reversed(items)]
    values = [count for _, count in reversed(items)]
    axes.barh(range(len(items)), values, color=colour)
    axes.set_yticks(range(len(items)), names, fontsize=9)
    axes.tick_params(axis="x", labelsize=8)
    for position, value in enumerate(values):
        axes.text(value, position, f" {value}", va="center", fontsize=8)
    axes.set_xlim(0, max(values) * 1.15)
    axes.xaxis.set_major_locator(_integer_ticks())
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    return _svg(figure, salt)


def _month(document: Document) -> str | None:
    published = document.published
    if published is None or published.precision == "year":
        return None
    return f"{published.year:04d}-{published.month:02d}"


def _periods(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (``YYYY-MM``)."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _timeline(
    by_month: Mapping[tuple[str, str], int], publishers: Sequence[str]
) -> tuple[str, str]:
    """Documents per month (per year over long spans) stacked by publisher: the period's
    name and the chart."""
    months = sorted({month for month, _ in by_month})
    periods = _periods(months[0], months[-1])
    by_year = len(periods) > MAX_MONTHS
    if by_year:
        periods = [str(y) for y in range(int(months[0][:4]), int(months[-1][:4]) + 1)]
    top = list(publishers[:MAX_STACKS])
    series: dict[str, list[int]] = {name: [0] * len(periods) for name in [*top, "other"]}
    at = {period: n for n, period in enumerate(periods)}
    for (month, publisher), count in by_month.items():
        name = publisher if publisher in series else "other"
        series[name][at[month[:4] if by_year else month]] += count
    figure = _pyplot_free_figure()(figsize=(10.5, 3.8))
    axes = figure.subplots()
    bottom = [0] * len(periods)
    for n, (name, values) in enumerate(series.items()):
        if not any(values):
            continue
        colour = "#bab0ac" if name == "other" else _COLOURS[n % len(_COLOURS)]
        axes.bar(range(len(periods)), values, bottom=bottom, label=_label(name), color=colour)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    step = max(1, len(periods) // 18)
    ticks = list(range(0, len(periods), step))
    axes.set_xticks(ticks, [periods[t] for t in ticks], rotation=60, ha="right", fontsize=8)
    axes.set_ylabel("documents per year" if by_year else "documents per month", fontsize=9)
    axes.tick_params(axis="y", labelsize=8)
    axes.yaxis.set_major_locator(_integer_ticks())
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ("year" if by_year else "month"), _svg(figure, "timeline")


def _documents(count: int) -> str:
    return f"{count} document" if count == 1 else f"{count} documents"


def _count_table(field: str, counts: Mapping[str, int]) -> str:
    if not counts:
        return f'<table class="counts" data-stat="{escape(field)}"></table>'
    rows = "".join(
        f'<tr data-name="{escape(name)}" data-count="{count}">'
        f'<td>{escape(name)}</td><td class="count">{count}</td></tr>'
        for name, count in counts.items()
    )
    return (
        f'<div class="counts-box"><table class="counts" data-stat="{escape(field)}">'
        f"<thead><tr><th>name</th><th>documents</th></tr></thead><tbody>{rows}</tbody>"
        "</table></div>"
    )


_SECTIONS: Final = (
    ("languages", "Languages", "#4e79a7"),
    ("layouts", "Layouts", "#59a14f"),
    ("precisions", "Date precisions", "#76b7b2"),
    ("publishers", "Publishers", "#f28e2b"),
    ("years", "Years", "#9c755f"),
    ("photo_credits", "Photo credits", "#e15759"),
    ("cited", "Cited agencies and outlets", "#b07aa1"),
)


def _problem_rows(problems: Sequence[Problem], total: int) -> str:
    if not problems:
        return "<p>No problems.</p>"
    rows = "".join(
        f"<tr><td><code>{escape(p.code)}</code></td><td>{escape(p.path or '–')}"
        f"{'' if p.line is None else f':{p.line}'}</td><td>{escape(p.message)}</td></tr>"
        for p in problems[:MAX_PROBLEMS]
    )
    more = total - min(len(problems), MAX_PROBLEMS)
    tail = f"<p>… and {more} more problems.</p>" if more > 0 else ""
    return (
        '<table class="problems"><thead><tr><th>code</th><th>file</th><th>problem</th></tr>'
        f"</thead><tbody>{rows}</tbody></table>{tail}"
    )


def _sample(document: Document) -> str:
    published = document.published
    when = "undated" if published is None else f"{published} ({published.precision})"
    facts = [
        document.layout,
        when,
        document.source.publisher or "no publisher",
        document.language or "language undetermined",
    ]
    lead = document.paragraphs[0] if document.paragraphs else ""
    lead = lead if len(lead) <= 600 else lead[:599] + "…"
    return (
        f'<div class="sample" data-key="{escape(document.key)}">'
        f"<strong>{escape(headline_words(document, 120))}</strong>"
        f'<p class="muted"><code>{escape(document.key)}</code> · '
        f"{escape(' · '.join(facts))} · {escape(document.path)}</p>"
        f"<p>{escape(lead)}</p></div>"
    )


class ReportCollector:
    """Gathers what the report shows beyond :class:`~seedcorpus.CorpusStats`, in one pass.

    :meth:`observe` passes documents through (to :func:`compute_stats`) while it counts
    documents per month and publisher, keeps each document's problems and a reservoir
    of ``samples`` documents (random with a fixed seed: the same corpus gives the same
    samples); :meth:`render` writes the page.
    """

    def __init__(self, *, samples: int = 3, seed: int = 0) -> None:
        if isinstance(samples, bool) or not isinstance(samples, int) or samples < 0:
            raise ValueError(f"samples must be a non-negative int, not {samples!r}")
        self.samples = samples
        self._random = random.Random(seed)
        self._seen = 0
        self._chosen: list[tuple[int, Document]] = []
        self.by_month: Counter[tuple[str, str]] = Counter()
        self.undated_or_year = 0
        self.problems: list[Problem] = []  # the first MAX_PROBLEMS of the documents'
        self.problem_count = 0

    def add(self, document: Document) -> None:
        """Count one document."""
        month = _month(document)
        if month is None:
            self.undated_or_year += 1
        else:
            self.by_month[(month, document.source.publisher or _UNKNOWN)] += 1
        self.problem_count += len(document.problems)
        room = MAX_PROBLEMS - len(self.problems)  # the page lists no more: memory stays bounded
        if room > 0:
            self.problems.extend(document.problems[:room])
        if len(self._chosen) < self.samples:
            self._chosen.append((self._seen, document))
        elif self.samples:
            slot = self._random.randrange(self._seen + 1)
            if slot < self.samples:
                self._chosen[slot] = (self._seen, document)
        self._seen += 1

    def observe(self, documents: Iterable[Document]) -> Iterator[Document]:
        """``documents`` unchanged, each counted on its way through."""
        for document in documents:
            self.add(document)
            yield document

    def render(self, stats: CorpusStats, file_problems: Sequence[Problem], *, title: str) -> str:
        """The HTML page: ``stats`` of the documents observed, ``file_problems`` of the files
        that made no document (and of the listing), under ``title``."""
        span = (
            f"{stats.earliest} .. {stats.latest}"
            if stats.earliest is not None and stats.latest is not None
            else "no dates"
        )
        totals = [
            ("documents", "documents", str(stats.documents)),
            (
                "files_without_document",
                "files without a document",
                str(stats.files_without_document),
            ),
            ("problems", "problems", str(stats.problems)),
            ("earliest", "earliest", "–" if stats.earliest is None else str(stats.earliest)),
            ("latest", "latest", "–" if stats.latest is None else str(stats.latest)),
        ]
        parts = [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
            f"<h1>{escape(title)}</h1>",
            f'<p class="muted">{_documents(stats.documents)}, {escape(span)}</p>',
            '<dl class="totals">',
            *(
                f'<dt>{escape(label)}</dt><dd data-stat="{field}">{escape(value)}</dd>'
                for field, label, value in totals
            ),
            "</dl>",
        ]
        if self.by_month:
            publishers = [name for name in stats.publishers if name != _UNKNOWN] + [_UNKNOWN]
            period, chart = _timeline(self.by_month, publishers)
            parts.append(f'<h2 id="time">Documents per {period}, by publisher</h2>')
            parts.append(f'<div class="chart">{chart}</div>')
            if self.undated_or_year:
                parts.append(
                    f'<p class="muted">Not shown: {_documents(self.undated_or_year)} undated '
                    "or dated to the year only.</p>"
                )
        else:
            parts.append('<h2 id="time">Documents over time</h2>')
            parts.append("<p>No document is dated to the month.</p>")
        for field, heading, colour in _SECTIONS:
            counts: Mapping[str, int] = getattr(stats, field)
            if field == "years":  # in time order, undated last
                counts = dict(sorted(counts.items(), key=lambda kv: (kv[0] == _UNKNOWN, kv[0])))
            parts.append(f'<h2 id="{field}">{escape(heading)}</h2>')
            if not counts:
                parts.append(f"<p>None.</p>{_count_table(field, counts)}")
                continue
            chart = _bars(counts, field, colour)
            parts.append(
                f'<div class="pair"><div class="chart">{chart}</div>'
                f"{_count_table(field, counts)}</div>"
            )
        every = [*file_problems, *self.problems]
        total = len(file_problems) + self.problem_count
        parts.append(f'<h2 id="problems">Problems ({total})</h2>')
        parts.append(_problem_rows(every, total))
        chosen = [document for _, document in sorted(self._chosen, key=lambda pair: pair[0])]
        parts.append(f'<h2 id="samples">Sample documents ({len(chosen)})</h2>')
        parts.extend(_sample(document) for document in chosen)
        if not chosen:
            parts.append("<p>No documents.</p>")
        parts.append(
            '<p class="muted">Written by seedcorpus; the counts are those of '
            "<code>Corpus.stats()</code>.</p></body></html>"
        )
        return "\n".join(parts) + "\n"


_FETCHING_TAGS: Final = frozenset({"script", "link", "iframe", "frame", "object", "embed", "img"})
_FETCHING_CSS: Final = re.compile(r"@import|url\(\s*(?![\"']?#)", re.IGNORECASE)


class _Fetches(html.parser.HTMLParser):
    """Finds what a browser would fetch or run: tags, ``src``/``href`` not within the page,
    CSS ``url(...)`` and ``@import``."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _FETCHING_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.split(":")[-1] in ("src", "href") and not value.startswith("#"):
                self.found.append(f"{name}={value}")
            elif name == "style" and _FETCHING_CSS.search(value):
                self.found.append(f"style={value}")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style and _FETCHING_CSS.search(data):
            self.found.append(data.strip()[:80])


def loads_nothing(page: str) -> bool:
    """Whether a browser showing ``page`` would fetch or run nothing: no script, link,
    frame, object or image tag, no ``src``/``href`` but ``#id`` references, no CSS
    ``url(...)`` or ``@import``.

    >>> loads_nothing("<p>x &lt;img src=y&gt;</p>"), loads_nothing('<img src="y.png">')
    (True, False)
    """
    parser = _Fetches()
    parser.feed(page)
    parser.close()
    return not parser.found

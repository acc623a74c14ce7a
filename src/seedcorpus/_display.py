"""Rich display in notebooks: the HTML of ``Document._repr_html_`` and ``Corpus._repr_html_``.

Jupyter (and VS Code, Colab...) show an object's ``_repr_html_()`` instead of its
``repr``. A document shows its metadata, then every line of its file with the role the
parser gave it: body lines plain, the rest (headers, captions, bylines, boilerplate...)
tinted and labelled, so what the parser kept and dropped shows at a glance. A corpus
shows a compact table of its first documents and its total.

A document is untrusted text: every string is HTML-escaped (quotes too), and the HTML
holds no script and loads nothing. Styles are inline in a ``<style>`` block scoped to
the ``seedcorpus-`` classes.

>>> import seedcorpus
>>> html = document_html(seedcorpus.load()["18ee026d31d90e44"])
>>> html.count('class="sc-role sc-header"'), "Kementerian Luar Negeri" in html
(1, True)
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # for annotations only: _records imports this module (Document._repr_html_)
    from seedcorpus._records import Document

__all__ = [
    "MAX_LINES",
    "corpus_html",
    "document_fields",
    "document_html",
    "escape",
    "headline_words",
]

MAX_LINES: Final = 300
"""Lines of a file a document's display shows; the rest are counted."""

_STYLE: Final = """<style>
.seedcorpus-doc, .seedcorpus-corpus {font-family: system-ui, sans-serif; font-size: 13px;}
.seedcorpus-doc table, .seedcorpus-corpus table {border-collapse: collapse; margin: 4px 0;}
.seedcorpus-doc th, .seedcorpus-doc td, .seedcorpus-corpus th, .seedcorpus-corpus td
  {text-align: left; vertical-align: top; padding: 2px 8px; border-bottom: 1px solid #8883;}
.seedcorpus-doc .sc-lines td {font-family: ui-monospace, monospace; white-space: pre-wrap;}
.seedcorpus-doc .sc-n {color: #888; text-align: right;}
.seedcorpus-corpus .sc-nowrap {white-space: nowrap;}
.seedcorpus-doc .sc-role {font-family: system-ui, sans-serif; font-size: 11px;
  border-radius: 3px; padding: 0 4px; white-space: nowrap;}
.seedcorpus-doc tr.sc-dropped td.sc-text {color: #777; background: #8881;}
.seedcorpus-doc .sc-body {background: #2a72; }
.seedcorpus-doc .sc-header, .seedcorpus-doc .sc-date, .seedcorpus-doc .sc-crawl_date,
.seedcorpus-doc .sc-category, .seedcorpus-doc .sc-title, .seedcorpus-doc .sc-title_repeat
  {background: #36c3;}
.seedcorpus-doc .sc-caption, .seedcorpus-doc .sc-caption_repeat, .seedcorpus-doc .sc-credit
  {background: #c903;}
.seedcorpus-doc .sc-byline, .seedcorpus-doc .sc-email_footer {background: #93c3;}
.seedcorpus-doc .sc-boilerplate {background: #c333;}
.seedcorpus-doc .sc-problem, .seedcorpus-corpus .sc-problem {color: #c33;}
</style>"""


def escape(value: object) -> str:
    """``str(value)`` escaped for HTML text and attribute values (``&``, ``<``, ``>``, quotes).

    >>> escape('<script>alert("x")</script> & \\'y\\'')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;y&#x27;'
    """
    return html.escape(str(value), quote=True)


def headline_words(document: Document, width: int = 80) -> str:
    """The title, or the first words of the text, cut to ``width`` characters."""
    text = " ".join((document.title or document.text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _published(document: Document, missing: str = "–") -> str:
    published = document.published
    return missing if published is None else f"{published} ({published.precision})"


def document_fields(document: Document, *, missing: str = "–") -> list[tuple[str, str]]:
    """A document's metadata as (label, text) pairs, ``missing`` where it has no value.

    >>> import seedcorpus
    >>> dict(document_fields(seedcorpus.load()["18ee026d31d90e44"]))["published"]
    '2021-12 (month)'
    """
    source = document.source
    language = (
        missing
        if document.language is None
        else f"{document.language} ({document.language_confidence:.2f})"
    )
    return [
        ("key", document.key),
        ("path", document.path),
        ("ordinal", str(document.ordinal)),
        ("layout", document.layout),
        ("published", _published(document, missing)),
        ("language", language),
        ("title", document.title or missing),
        ("publisher", source.publisher or missing),
        ("photo credit", source.photo_credit or missing),
        ("author", source.author or missing),
        ("author e-mail", source.author_email or missing),
        ("category", source.category or missing),
        ("cited", ", ".join(source.cited) or missing),
        ("encoding", document.encoding),
    ]


def _rows(pairs: Iterable[tuple[str, str]]) -> str:
    return "".join(f"<tr><th>{escape(name)}</th><td>{value}</td></tr>" for name, value in pairs)


def document_html(document: Document, *, max_lines: int = MAX_LINES) -> str:
    """A document's metadata table and its file's lines, each marked with its role.

    Lines that are not ``body`` are greyed: they are left out of :attr:`Document.text`.
    """
    meta = [(name, escape(value)) for name, value in document_fields(document)]
    meta += [
        ("problem", f'<span class="sc-problem">{escape(problem)}</span>')
        for problem in document.problems
    ]
    lines = document.lines
    kept = sum(line.role == "body" for line in lines)
    blank = sum(line.role == "blank" for line in lines)
    body = []
    for line in lines[:max_lines]:
        dropped = line.role not in ("body", "blank")
        body.append(
            f'<tr class="{"sc-dropped" if dropped else "sc-kept"}">'
            f'<td class="sc-n">{line.number}</td>'
            f'<td><span class="sc-role sc-{escape(line.role)}">{escape(line.role)}</span></td>'
            f'<td class="sc-text">{escape(line.text)}</td></tr>'
        )
    if len(lines) > max_lines:
        body.append(f'<tr><td></td><td colspan="2">… {len(lines) - max_lines} more lines</td></tr>')
    summary = (
        f"{len(lines)} lines: {kept} body, {len(lines) - kept - blank} left out of the "
        f"cleaned text (greyed), {blank} blank"
    )
    return (
        f'{_STYLE}<div class="seedcorpus-doc">'
        f"<strong>Document {escape(document.key)}</strong>"
        f"<table>{_rows(meta)}</table>"
        f"<div>{escape(summary)}</div>"
        f'<table class="sc-lines"><tbody>{"".join(body)}</tbody></table></div>'
    )


_COLUMNS: Final = (
    "key",
    "layout",
    "published",
    "publisher",
    "language",
    "title or lead",
    "problems",
)


def corpus_html(
    documents: Iterable[Document], *, total: int, description: str, filtered: bool = False
) -> str:
    """A table of ``documents`` (the first of a corpus) under ``description``, and the total.

    ``total`` is the number of files in the corpus view; ``filtered``: the view has
    filters not yet applied, so ``total`` counts the files before them (counting what
    passes would read every file).

    >>> import seedcorpus
    >>> page = corpus_html(seedcorpus.load().head(2), total=5, description="seeds")
    >>> page.count("<tr>"), page.endswith("<div>showing 2 of 5 files</div></div>")
    (3, True)
    """
    rows = []
    for document in documents:
        problems = len(document.problems)
        cells = [
            f"<code>{escape(document.key)}</code>",
            escape(document.layout),
            f'<span class="sc-nowrap">{escape(_published(document))}</span>',
            escape(document.source.publisher or "–"),
            escape(document.language or "–"),
            escape(headline_words(document)),
            f'<span class="sc-problem">{problems}</span>' if problems else "0",
        ]
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    header = "".join(f"<th>{escape(name)}</th>" for name in _COLUMNS)
    shown = len(rows)
    if filtered:
        footer = f"the first {shown} matching documents; {total} files before filtering"
    else:
        footer = f"showing {shown} of {total} files" if shown < total else f"{total} files"
    return (
        f'{_STYLE}<div class="seedcorpus-corpus"><strong>{escape(description)}</strong>'
        f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<div>{escape(footer)}</div></div>"
    )

"""The ``unknown`` layout: a page no layout matches, read by the roles its lines show.

Its lines get the roles by structure (:func:`~seedcorpus._roles.mark_lines`), so bylines,
credits, captions and furniture never reach the text. The head of the page gives what it
can: a headline printed twice is the title and its copy; a date line near the top
(``15:14 June 09, 2022``, ``NAME / 2022-06-22 11:17:24``) gives ``published``, the line
above it the title (a one-word section above that the category); a CMS's labelled date
(``• 승인 2020.11.26 08:58``) gives ``published`` and the bulleted name above it the author;
a page with no date line takes a short first line over a paragraph as its title. Every
non-empty page gets an ``unknown_layout`` problem.

>>> from seedcorpus import Lines
>>> parsed = parse_unknown(Lines(["Judul berita", "16:20 May 13, 2022", "Isi.", "(END)"]))
>>> parsed.title, str(parsed.published), parsed.paragraphs, parsed.roles
('Judul berita', '2022-05-13T16:20', ('Isi.',), ('title', 'date', 'body', 'boilerplate'))
"""

from __future__ import annotations

from seedcorpus._exceptions import LayoutError
from seedcorpus._layouts.base import LayoutRegistry, Lines, Parsed
from seedcorpus._layouts.render import SOURCE_FIELDS, check_lines, crawl_date_line, refuse_fields
from seedcorpus._records import Document, Problem
from seedcorpus._roles import (
    above_headline,
    date_section,
    doubled_headline,
    head_author,
    head_date,
    head_date_line,
    head_date_lines,
    head_title,
    is_name,
    labelled_head_date,
    lead_title,
    mark_lines,
    paragraph_tail,
)
from seedcorpus._text import split_lines

__all__ = ["parse_unknown", "render_unknown"]


def parse_unknown(lines: Lines) -> Parsed:
    """Read a page no layout matches by the roles its lines show (module docstring)."""
    cleaned = lines.cleaned
    marks = mark_lines(cleaned)
    published = title = author = category = None
    problems: list[Problem] = []
    roles = marks.roles
    doubled = doubled_headline(cleaned, roles)
    if doubled is not None:  # the headline and its copy: the title, whatever stands above
        roles[doubled[0]], roles[doubled[1]] = "title", "title_repeat"
        title = cleaned[doubled[0]]
    labelled = labelled_head_date(cleaned)
    date_at = head_date_line(cleaned, roles) if labelled is None else None
    if labelled is not None:  # ``• NAME`` / ``• 승인 DATE``: the CMS's byline and date
        date_at, published = labelled
        above = next((i for i in range(date_at - 1, -1, -1) if cleaned[i]), None)
        name = "" if above is None else cleaned[above].lstrip("•·▪●◦ ")
        if above is not None and roles[above] in ("body", "boilerplate") and is_name(name):
            roles[above], author = "byline", name
        roles[date_at] = "date"
    elif date_at is not None:
        published = head_date(cleaned[date_at])
        author = head_author(cleaned[date_at])
        category = date_section(cleaned[date_at])
        roles[date_at] = "date"
    elif title is None and (lead := lead_title(cleaned, roles)) is not None:
        roles[lead], title = "title", cleaned[lead]
    if date_at is not None and title is None:
        title_at = head_title(cleaned, roles, date_at)
        if (
            title_at is not None
            and marks.author is not None
            and is_name(cleaned[title_at])
            and set(marks.author.split()) <= set(cleaned[title_at].split())
        ):  # the author's full name above the date, the byline below giving it shorter
            roles[title_at], author, marks.author = "byline", cleaned[title_at], None
            title_at = None
        if title_at is not None:
            title = cleaned[title_at]
            roles[title_at] = "title"
            section, site = above_headline(cleaned, roles, title_at)
            if section is not None:
                roles[section], category = "category", cleaned[section]
            for i in site:
                roles[i] = "boilerplate"
            for i, text in enumerate(cleaned):  # a copy of the headline above the text
                if i > title_at and roles[i] == "body" and text == title:
                    roles[i] = "title_repeat"
                    break
    if date_at is not None:
        for i, text in enumerate(cleaned):  # the date line printed again lower down
            if i > date_at and roles[i] == "body" and text == cleaned[date_at]:
                roles[i] = "date"
        for i in head_date_lines(cleaned, roles):  # another date in the head: the day's
            roles[i] = "date"
    problems += marks.problems()
    if lines:
        problems.append(Problem("unknown_layout", "no known layout matches this content"))
    paragraphs = marks.paragraphs(cleaned)
    credit = marks.photo_credit
    for k, paragraph in enumerate(paragraphs):  # a byline glued after a paragraph's end
        paragraphs[k], glued, photographer = paragraph_tail(paragraph)
        author, credit = author or glued, credit or photographer
    return Parsed(
        roles=marks.roles,
        paragraphs=paragraphs,
        title=title,
        published=published,
        photo_credit=credit,
        author=marks.author or author,
        author_email=marks.author_email,
        category=category,
        captions=marks.caption_texts(),
        problems=problems,
    )


def render_unknown(document: Document, registry: LayoutRegistry) -> str:
    """The text of an ``unknown`` document: a crawl date line when it has a date, then its
    paragraphs separated by blank lines.

    Paragraphs that would make a layout of ``registry`` match the page, such as a
    ``| caption |`` line on top, are refused with a :class:`~seedcorpus.LayoutError`: the
    page would not read back as ``unknown``. (:func:`seedcorpus.render` then checks that the
    page reads back to the document's fields.)

    >>> from seedcorpus import LayoutRegistry, parse
    >>> render_unknown(parse(" date 2025-12-05\\nSatu.\\nDua."), LayoutRegistry.default())
    ' date 2025-12-05\\n\\nSatu.\\n\\nDua.'
    """
    refuse_fields(document, "unknown", ("title", "captions", *SOURCE_FIELDS))
    check_lines(document)
    layout = registry.detect(split_lines("\n\n".join(document.paragraphs)))
    if layout is not None:
        raise LayoutError(
            f"unknown pages cannot hold these paragraphs: they read as a {layout.id} page",
            path=document.path,
        )
    lines = [crawl_date_line(document, "unknown")] if document.published is not None else []
    return "\n\n".join([*lines, *document.paragraphs])

"""Line roles from structure: what a page's lines are, whichever outlet printed them.

Every layout starts from the same evidence, none of it tied to one publisher: bylines
(``Penulis:``, ``Oleh``, ``By``, ``Written by``, ``Reporter:``, ``Editor:``, ``责编：``...),
photo credit lines in any language (``Foto: Kantor Kepresidenan``, ``Photo : KBS News``),
captions (a line printed twice, a ``| bar-delimited |`` line), "read this article in
another language" menus, share widgets, comment counters, ad slots, skip links,
related-links headings, copyright lines, and e-mail footers. :func:`mark_lines` gives
each line not already decided by the layout its role and collects the values those lines
carry; a layout adds only what is specific to its publisher and decides the document's
fields. The ``unknown`` layout gets these roles too, so a page of an outlet no layout
knows still yields its author, photo credit and clean text.

>>> marks = mark_lines(["Foto: Kantor Kepresidenan", "", "Oleh Kim Minji", "Isi.",
...                     "Komentar (0)", "kim@korea.kr"])
>>> marks.roles
['credit', 'blank', 'byline', 'body', 'boilerplate', 'email_footer']
>>> marks.photo_credit, marks.author, marks.author_email
('Kantor Kepresidenan', 'Kim Minji', 'kim@korea.kr')

Every test here looks at one line, or a line and its neighbours, with patterns anchored at
both ends and no nested repetition, so marking is linear in the page's length.

The package holds one concern a module, from the lowest layer up: ``sentences`` (how a
sentence ends), ``bylines``, ``captions`` (captions and photo credits), ``furniture``,
``head`` (a page's date lines and headline), ``tails`` (what is glued after a paragraph)
and ``marks`` (the pass that decides every line). What the layouts use is re-exported here.
"""

from __future__ import annotations

from seedcorpus._roles.bylines import byline_author, honorary_author, is_name
from seedcorpus._roles.captions import caption_key, credit_line, is_caption, split_caption
from seedcorpus._roles.furniture import is_email_line, is_furniture
from seedcorpus._roles.head import (
    above_headline,
    date_section,
    doubled_headline,
    head_author,
    head_date,
    head_date_line,
    head_date_lines,
    head_title,
    labelled_head_date,
    lead_title,
)
from seedcorpus._roles.marks import Marks, mark_lines
from seedcorpus._roles.tails import Tail, paragraph_tail

__all__ = [
    "Marks",
    "Tail",
    "above_headline",
    "byline_author",
    "caption_key",
    "credit_line",
    "date_section",
    "doubled_headline",
    "head_author",
    "head_date",
    "head_date_line",
    "head_date_lines",
    "head_title",
    "honorary_author",
    "is_caption",
    "is_email_line",
    "is_furniture",
    "is_name",
    "labelled_head_date",
    "lead_title",
    "mark_lines",
    "paragraph_tail",
    "split_caption",
]

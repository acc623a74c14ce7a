"""Specification of paragraph tails (``seedcorpus._roles.tails``): what is glued after the text."""

from __future__ import annotations

from seedcorpus._roles import (
    paragraph_tail,
)


def test_a_byline_glued_after_a_paragraph_is_cut_from_it() -> None:
    assert paragraph_tail("Ia berkata begitu. [글/신화사 연구원 쉬창인(徐長銀), 번역/신화망]") == (
        "Ia berkata begitu.",
        "쉬창인(徐長銀)",
        None,
    )
    assert paragraph_tail("Ia berkata begitu (AS).").text == "Ia berkata begitu (AS)."
    assert paragraph_tail("Ia berkata begitu. (Yonhap)").text == "Ia berkata begitu. (Yonhap)"
    assert paragraph_tail('"Begitu," kata KCNA. [vm/ft]').text == '"Begitu," kata KCNA.'
    assert paragraph_tail("论坛举行。图为金锦哲发言。记者裴小阁摄") == (
        "论坛举行。",
        None,
        "记者裴小阁",
    )


# Mutation survivors (issue 19) --------------------------------------------------


def test_a_link_glued_after_a_paragraph_is_cut_up_to_forty_characters() -> None:
    said = "“我们希望合作。”"
    assert paragraph_tail(f"{said}>>>{'点' * 40}").text == said
    assert paragraph_tail(f"{said}>>{'点' * 2}").text == said
    longer = f"{said}>>>{'点' * 41}"  # no link: text that happens to follow the marks
    assert paragraph_tail(longer).text == longer

"""File and folder names are cut at a word, never mid-word."""

from __future__ import annotations

from exporters.names import slugify


def test_a_long_title_is_cut_at_a_word():
    title = "2026-10-14 Critical occupations in Western Colorado manufacturing"
    slug = slugify(title)
    assert slug == "2026-10-14-critical-occupations-in-western-colorado"
    assert len(slug) <= 60
    assert slugify("Skill panels: tool and die maker and technical sales representative", limit=60) == (
        "skill-panels-tool-and-die-maker-and-technical-sales"
    )
    # exactly at the limit: kept whole
    assert slugify("a" * 59 + " b", limit=61) == "a" * 59 + "-b"
    assert slugify("abcde fgh", limit=8) == "abcde"


def test_one_huge_word_is_cut_where_it_must_be():
    assert slugify("x" * 100) == "x" * 60
    assert slugify("ab " + "x" * 100) == "ab"

"""The plain-text boilerplate cleaner on invented pages from other sites, and on the seed."""

from __future__ import annotations

from eventwire.ingest.clean import boilerplate_rules, breadcrumb_last_crumb, clean_plain_text

HARBOUR_TIMES = """\
Home > News > Local > Harbour council votes to close the old ferry pier
Harbour council votes to close the old ferry pier
Posted 3 hours ago
Share this article
Facebook | Twitter | Email
Harbour council votes to close the old ferry pier
The harbour council voted on Monday to close the old ferry pier after engineers found cracks.
Councillor Mara Quinn said the decision was painful but necessary.
What happens next
Repairs are expected to take two years, the council said.
Related Articles
Advertisement
Leave a comment
© 2031 Harbour Times Media Ltd. All rights reserved.
(AFP)
Back to top
"""

MOUNTAIN_POST = """\
Breadcrumb: Mountain Post » Politics » Regional assembly rejects budget
Regional assembly rejects budget
The regional assembly rejected the budget proposal by 41 votes to 30 on Thursday.
The governor's office said it would present a revised plan next month.
Subscribe to our newsletter
Follow us on Twitter
Source: Mountain Post Wire
Print
"""

WIRE_REPRINT = """\
Loading...
Top officials meet in Vienna over nuclear deal
Click to share on Twitter (Opens in new window)
Image copyright Getty Images
Top officials meet in Vienna over nuclear deal
Negotiators from six countries met in Vienna on Friday to revive the nuclear deal.
Photos of the venue showed heavy security around the conference hall.
Advertisement - Scroll to continue
Talks will resume next week, a spokesman said.
Reporting by Ana Lima; Editing by Tom Berg
ab/cd (Reuters, dpa)
Like this:
Top of page
"""


def test_breadcrumb_title_share_comment_and_credit_lines_go():
    cleaned = clean_plain_text(HARBOUR_TIMES)
    assert cleaned.title == "Harbour council votes to close the old ferry pier"
    assert "Harbour council votes to close" not in cleaned.text
    for furniture in ("Home >", "Share this", "Facebook", "Related Articles", "Advertisement",
                      "Leave a comment", "All rights reserved", "Back to top", "(AFP)"):
        assert furniture not in cleaned.text
    assert cleaned.source == "AFP"


def test_paragraphs_stay_one_per_line_and_crossheads_are_kept():
    lines = clean_plain_text(HARBOUR_TIMES).text.splitlines()
    assert lines[0].startswith("The harbour council voted on Monday")
    assert "What happens next" in lines
    assert lines[-1] == "Repairs are expected to take two years, the council said."


def test_title_named_by_the_last_crumb_is_lifted_even_when_not_repeated():
    cleaned = clean_plain_text(MOUNTAIN_POST)
    assert cleaned.title == "Regional assembly rejects budget"
    assert cleaned.source == "Mountain Post Wire"
    assert cleaned.text.splitlines() == [
        "The regional assembly rejected the budget proposal by 41 votes to 30 on Thursday.",
        "The governor's office said it would present a revised plan next month.",
    ]


def test_wire_reprint_furniture_and_credits():
    cleaned = clean_plain_text(WIRE_REPRINT)
    assert cleaned.title == "Top officials meet in Vienna over nuclear deal"
    assert cleaned.text.splitlines() == [
        "Negotiators from six countries met in Vienna on Friday to revive the nuclear deal.",
        "Photos of the venue showed heavy security around the conference hall.",
        "Talks will resume next week, a spokesman said.",
    ]


def test_text_without_boilerplate_is_left_alone():
    text = "Talks resumed in Geneva on Friday.\nBoth sides said progress was slow."
    cleaned = clean_plain_text(text)
    assert cleaned.text == text
    assert cleaned.title is None
    assert cleaned.source is None


def test_a_final_sentence_is_not_taken_for_a_credit_line():
    text = "Talks resumed in Geneva on Friday.\nThe next round starts in May."
    assert clean_plain_text(text).source is None
    assert clean_plain_text(text + "\nMore talks soon").source is None  # not Title Case


def test_prose_with_slashes_is_not_a_breadcrumb():
    rules = boilerplate_rules()
    prose = "The 24/7 service runs on weekdays / weekends alike."
    assert breadcrumb_last_crumb(prose, rules) is None
    assert breadcrumb_last_crumb("You are here: Home › Sport › Cup final", rules) == "Cup final"
    assert breadcrumb_last_crumb("Home | World | Asia | Floods hit the coast", rules) == (
        "Floods hit the coast"
    )


def test_long_sentences_starting_like_boilerplate_are_kept():
    sentence = "Share prices in Tokyo fell sharply on Monday after the central bank raised rates."
    assert clean_plain_text("Opening line here.\n" + sentence).text.endswith(sentence)


def test_seed_article(seed_path):
    raw = seed_path.read_text(encoding="utf-8")
    cleaned = clean_plain_text(raw)
    title = raw.splitlines()[1].strip()
    assert cleaned.title == title
    assert title not in cleaned.text
    assert cleaned.source == "Deutsche Welle"
    for furniture in ("You are here", "»", "Share Button", "Comments are closed", "Scroll To Top",
                      "Deutsche Welle"):
        assert furniture not in cleaned.text
    assert "Still no ceasefire" in cleaned.text.splitlines()

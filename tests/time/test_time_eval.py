"""The TimeBank evaluation on a small TimeML file written here, and on the real gold."""

from __future__ import annotations

from eventwire.evaluate.timex import evaluate, read_tml

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">19980108</TIMEX3></DCT>
<TEXT>
Stocks <EVENT eid="e1">fell</EVENT> \
<TIMEX3 tid="t1" type="DATE" value="1998-01-06">Tuesday</TIMEX3> \
and profit rose in <TIMEX3 tid="t2" type="DATE" value="1997-Q3">the third quarter</TIMEX3>, \
a <TIMEX3 tid="t3" type="DURATION" value="P1W">week</TIMEX3> after the &quot;crash&quot; of \
<TIMEX3 tid="t4" type="DATE" value="1997-10">October</TIMEX3>. \
<TIMEX3 tid="t5" type="DATE" value="1998-W01-WE">The other day</TIMEX3> was calm.
</TEXT>
</TimeML>
"""


def test_read_tml_keeps_offsets_in_the_plain_text(tmp_path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    text, published, timexes = read_tml(path)
    assert str(published) == "1998-01-08"
    assert [text[t.start:t.end] for t in timexes] == [t.text for t in timexes]
    assert '"crash"' in text and "<EVENT" not in text


def test_counts_found_and_normalised_dates(tmp_path) -> None:
    (tmp_path / "doc.tml").write_text(TML, encoding="utf-8")
    result = evaluate(tmp_path)
    assert result["gold_dates"] == 4  # the DURATION is not a DATE
    assert result["found"] == 3  # "The other day" is not found
    assert result["normalised"] == 3


def test_real_timebank_sample(shared_dir) -> None:
    result = evaluate(shared_dir / "gold" / "timebank_tml", limit=5)
    assert result["gold_dates"] > 0 and result["normalisation"] >= 0.6

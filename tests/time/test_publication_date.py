from __future__ import annotations

import datetime as dt

from eventwire.records import Article


def test_the_article_date_is_read_once_as_a_date():
    assert Article(id="a", text="x", date="2015-05-12").published == dt.date(2015, 5, 12)
    assert Article(id="a", text="x").published is None
    # not a day in ISO form: no publication date, so no event is dated by it
    assert Article(id="a", text="x", date="May 2015").published is None
    # a date-time gives its day (the actors' roles and the events' dates read the same day)
    assert Article(id="a", text="x", date="2015-05-12T10:00:00Z").published == dt.date(2015, 5, 12)

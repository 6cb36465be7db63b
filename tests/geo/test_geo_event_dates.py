"""date_events: the date attached to the event's trigger, else the publication date."""

from __future__ import annotations

import pytest

from eventwire.ingest import read_articles
from eventwire.nlp import parse_article
from eventwire.pipeline import code_articles
from eventwire.records import Article
from eventwire.time import date_events


def test_expression_attached_to_the_trigger_dates_the_event(make_event, parse) -> None:
    parsed = parse("The ministers met on Sunday and will meet again on Friday.")
    met = make_event(parsed, "met on Sunday", "met")
    meet = make_event(parsed, "met on Sunday", "meet")
    date_events(parsed, [met, meet])
    assert (met.date, met.date_precision) == ("2015-05-10", "day")
    assert (meet.date, meet.date_precision) == ("2015-05-15", "day")


@pytest.mark.parametrize(("text", "published", "trigger", "expected"), [
    # no date expression: the publication date, else nothing
    ("The minister resigned after the vote.", "2015-05-12", "resigned", ("2015-05-12", "day")),
    ("The minister resigned after the vote.", None, "resigned", (None, None)),
    # a date in another clause is not the event's ...
    ("The rebels withdrew after talks on Sunday failed.", "2015-05-12", "withdrew",
     ("2015-05-12", "day")),
    # ... but an act reported by a dated report took place by the report's day, not the article's
    ("He said on Sunday that the rebels withdrew.", "2015-05-12", "withdrew",
     ("2015-05-10", "day")),
    ("When the envoy visited last month, he said the rebels withdrew.", "2015-05-12",
     "withdrew", ("2015-04", "month")),
    # the report's own date, from its when-clause
    ("When the envoy visited Kiev last month, he said the rebels withdrew.", "2015-05-12",
     "said", ("2015-04", "month")),
    # a plan reported on Sunday is not Sunday's
    ("He said on Sunday that the rebels will withdraw.", "2015-05-12", "withdraw",
     ("2015-05-12", "day")),
    # a when-clause shares the main clause's date
    ("Relations collapsed last spring when Russia annexed Crimea.", "2015-05-12", "annexed",
     ("2014", "year")),
    # "70 years since the victory" dates the victory, not the wreath-laying
    ("They laid wreaths to mark 70 years since the victory.", "2015-05-12", "laid",
     ("2015-05-12", "day")),
    # a date on what was agreed or planned is that act's, not the agreement's or the plan's
    ("The two sides agreed to resume the talks on Friday.", "2015-05-12", "agreed",
     ("2015-05-12", "day")),
    ("The two sides agreed on Sunday to resume the talks.", "2015-05-12", "agreed",
     ("2015-05-10", "day")),
    # "last night" is the day before publication
    ("In a tweet last night, the president criticised the judge.", "2015-05-12", "criticised",
     ("2015-05-11", "day")),
    # an infinitive done at the trigger's own time keeps its date
    ("Rebels tried to storm the building on Sunday.", "2015-05-12", "tried", ("2015-05-10", "day")),
    # a participle clause that sets the scene dates the trigger
    ("Speaking to reporters on Sunday, the minister criticised the rebels.", "2015-05-12",
     "criticised", ("2015-05-10", "day")),
    # a news day the parse hangs on a participle describing a noun dates the clause's act ...
    ("Militants fired grenades at a convoy led by police on Sunday.", "2015-05-12", "fired",
     ("2015-05-10", "day")),
    ("Gunmen fired automatic weapons on the tourists having a picnic May 9 in the town.",
     "2015-05-12", "fired",
     ("2015-05-09", "day")),
    # ... a year there stays the noun's, and so does the day of a plan or of a noun in a phrase
    # of sequence
    ("Militants attacked a bridge built by engineers in 1990.", "2015-05-12", "attacked",
     ("2015-05-12", "day")),
    ("The leader was killed in an attack ahead of elections scheduled for May 10.", "2015-05-12",
     "killed", ("2015-05-12", "day")),
    ("The leader was killed in an attack before talks held on May 10.", "2015-05-12",
     "killed", ("2015-05-12", "day")),
    ("The leader was killed following talks held on May 10.", "2015-05-12",
     "killed", ("2015-05-12", "day")),
    # a clause that shares its verb's time takes that verb's date: a when-clause, and a verb
    # coordinated in it without a subject of its own
    ("The violence began last month, when guards entered the office and attacked the "
     "director.", "2015-05-12", "attacked", ("2015-04", "month")),
    # ... but a coordinated clause with its own subject keeps its own time
    ("Rebels attacked the town on Sunday, and troops withdrew.", "2015-05-12", "withdrew",
     ("2015-05-12", "day")),
    # a war going on, or a place marked by one, takes nothing of a war as a whole
    ("Syrian forces shelled rebel positions in the war-torn city of Aleppo on Sunday.",
     "2015-05-12", "shelled", ("2015-05-10", "day")),
    ("Two soldiers were killed in the conflict zone on Sunday.", "2015-05-12", "killed",
     ("2015-05-10", "day")),
    # a timetable told in the present lies ahead (published on a Tuesday) ...
    ("The two leaders meet separately Monday with the envoy.", "2015-05-12", "meet",
     ("2015-05-18", "day")),
    ("The vote is held Sunday across the country.", "2015-05-12", "held", ("2015-05-17", "day")),
    # ... a report in the present, and any past, are of the day before
    ("The minister says Monday that the talks failed.", "2015-05-12", "says",
     ("2015-05-11", "day")),
    ("The two leaders met separately Monday with the envoy.", "2015-05-12", "met",
     ("2015-05-11", "day")),
])
def test_sentence_dates(make_event, parse, text: str, published: str | None, trigger: str,
                        expected: tuple) -> None:
    parsed = parse(text, date=published)
    event = make_event(parsed, trigger, trigger)
    date_events(parsed, [event])
    assert (event.date, event.date_precision) == expected


@pytest.mark.parametrize(("text", "trigger", "cameo_root", "reason"), [
    # the text puts the event at an earlier time it does not state
    ("He said on Sunday that the rebels had withdrawn.", "withdrawn", "04", "pluperfect"),
    ("The army had committed mass killings in the north.", "killings", "18", "pluperfect"),
    ("The UN said in a report last month that the army had committed mass killings.", "killings",
     "18", "pluperfect"),
    ("The minister has previously said she wants a new deal.", "said", "01", "earlier_adverb"),
    ("He told a newspaper recently that he would run.", "told", "01", "earlier_adverb"),
    ("The senator has repeatedly criticised the plan.", "criticised", "11", "earlier_adverb"),
    # a present perfect position, past the lead
    ("Talks opened in Geneva. Delegates met twice. They ate lunch. The president has said he "
     "can double growth.", "said", "01", "perfect"),
    ("The suspect was arrested the following day.", "arrested", "17", "undated"),
    ("Two days later, the rebels attacked the town.", "attacked", "19", "undated"),
    ("Rebels have attacked dozens of villages in recent weeks.", "attacked", "19", "undated"),
    ("The group has been fighting the government since 1984.", "fighting", "19", "bound"),
    ("He spoke at a news conference after his January 20 inauguration.", "spoke", "01", "bound"),
    ("The fighting since 2003 has killed thousands.", "fighting", "19", "bound"),
    # a stage of a life, not a day
    ("The activist was first arrested at the age of 17.", "arrested", "17", "undated"),
    # an era of history
    ("The country was occupied by its neighbour during World War II.", "occupied", "19",
     "undated"),
    ("The government freed the soldiers captured during the border war.", "captured", "17",
     "undated"),
    # an act a charge, a trial or an inquiry names is before it
    ("A suspect in the killing of a journalist was taken to court.", "killing", "18", "charged"),
    ("The court convicted the rebel leader of attacking a village.", "attacking", "19",
     "charged"),
    ("Police arrested five men in connection with the bombing of a bus.", "bombing", "18",
     "charged"),
    # an election campaign as a whole
    ("The candidate pledged during his election campaign to quit the treaty.", "pledged", "03",
     "undated"),
    # a past act told as background in a relative clause or a since-clause
    ("The war that killed thousands of people has destroyed the country.", "killed", "18",
     "relative_clause"),
    ("A man who murdered his neighbour was convicted by a jury.", "murdered", "18",
     "relative_clause"),
    ("He incited the revolt, in which 850 people were killed as police clashed with protesters.",
     "clashed", "19", "relative_clause"),
    # not the date of the arrest of the person the clause describes
    ("Police on Sunday arrested a man who stabbed two women.", "stabbed", "18", "relative_clause"),
    ("The militia, which has attacked convoys and burned villages, was banned.", "burned", "19",
     "relative_clause"),
    ("The embassy has been without an ambassador since the president expelled the envoy.",
     "expelled", "17", "since_clause"),
    # a relative clause told through its verb's complement
    ("The rebels cited the accord, under which the army agreed to free the prisoners.", "free",
     "07", "relative_clause"),
    ("The pilots flew the jets, which managed to escape the invasion, to the capital.",
     "invasion", "19", "relative_clause"),
    # an act a since-clause of its own verb bounds runs up to the report: no day of its own
    ("The militants have destroyed more shrines since they took the town in June.", "destroyed",
     "17", "bound"),
    # past the lead, an act told in an after-clause is before the news, on a day not stated
    ("Talks opened in Geneva. Delegates met twice. They ate lunch. Days after the agency "
     "criticised the army, a video appeared online.", "criticised", "11", "sequence"),
    # the act a stretch runs from, named by a noun
    ("A large force has mobilized since the invasion of the country.", "invasion", "19",
     "since_clause"),
    # an act told by an undated report is as undated as the report
    ("At the time, officials said soldiers shot the protester.", "shot", "18", "undated"),
    # past the lead, a clause of sequence under a pluperfect is as much before the report as its
    # verb
    ("Talks opened in Geneva. Delegates met twice. They ate lunch. The two leaders had met "
     "shortly before the police arrested the reporter.", "arrested", "17", "pluperfect"),
    # the words of a quotation quoted in the pluperfect: an earlier report
    ("An official had quoted the radio as saying that the ships would be attacked.", "saying",
     "01", "pluperfect"),
])
def test_earlier_events_without_a_date_get_none(make_event, parse, text: str, trigger: str,
                                                cameo_root: str, reason: str) -> None:
    """Not the publication date: a coder cannot date these, and the article's day is wrong."""
    parsed = parse(text)
    event = make_event(parsed, f" {trigger}", trigger, cameo_root=cameo_root)
    date_events(parsed, [event])
    assert (event.date, event.date_precision, event.background) == (None, None, False)
    assert event.evidence["date"]["unknown"] == reason


@pytest.mark.parametrize(("text", "trigger", "cameo_root", "expected"), [
    # the news itself: a present perfect of a material event, or a statement in the past
    ("Eight people have been killed in a raid on a border post.", "killed", "19",
     ("2015-05-12", "day")),
    ("The minister said the talks would resume.", "said", "01", ("2015-05-12", "day")),
    # a pluperfect under a past report is the sequence of tenses: the report's day
    ("Police said that eight people had been wounded in the attack.", "wounded", "18",
     ("2015-05-12", "day")),
    # in the lead, a present perfect statement is the news
    ("The president has said he can double growth.", "said", "01", ("2015-05-12", "day")),
    # an after-clause in the lead, or one put on the same day, keeps the news's day
    ("Days after the agency criticised the army, a video appeared online.", "criticised", "11",
     ("2015-05-12", "day")),
    ("Talks opened in Geneva. Delegates met twice. They ate lunch. Hours after the agency "
     "criticised the army, a video appeared online.", "criticised", "11", ("2015-05-12", "day")),
    # past the lead, a present perfect of a material act is the news too (not `perfect_roots`)
    ("Talks opened in Geneva. Delegates met twice. They ate lunch. Each side has expelled ten "
     "diplomats.", "expelled", "17", ("2015-05-12", "day")),
    # past the lead, a present perfect run up to now is the report's day
    ("Talks opened in Geneva. Delegates met twice. They ate lunch. The government has so far "
     "refused to free the prisoners.", "refused", "12", ("2015-05-12", "day")),
    # a date of the event's own wins over an undated word
    ("The two leaders previously met on Sunday in Sochi.", "met", "04", ("2015-05-10", "day")),
    # an arrest "in" a protest tells where it happened, not its charge; a leader "of" a protest
    # is no charge; an election campaign that may still run is no undated stretch
    ("Police arrested 20 people in a protest against the government.", "protest", "14",
     ("2015-05-12", "day")),
    ("Police detained the leader of the protest against the government.", "protest", "14",
     ("2015-05-12", "day")),
    ("Police fired tear gas at protesters during the election campaign.", "fired", "19",
     ("2015-05-12", "day")),
    # "before" is an adverb of an earlier time only as an adverb, not a preposition
    ("The minister resigned before the vote.", "resigned", "08", ("2015-05-12", "day")),
    # a clause of sequence keeps its day under a past verb, and under a backshifted pluperfect
    ("Police searched the flat before they arrested the suspect.", "arrested", "17",
     ("2015-05-12", "day")),
    ("Officials said the minister had resigned after protesters attacked his office.",
     "attacked", "19", ("2015-05-12", "day")),
    # in the lead, a clause of sequence under a pluperfect is the story's own time
    ("Fans had waited outside the stadium for hours before police fired tear gas at them.",
     "fired", "19", ("2015-05-12", "day")),
    ("The bomber had left jail only days before he attacked a market in the capital.",
     "attacked", "19", ("2015-05-12", "day")),
    # the news a background clause sits in keeps its day, and so does a clause with a date
    ("A man who murdered his neighbour was convicted by a jury.", "convicted", "17",
     ("2015-05-12", "day")),
    ("Two officers who shot a man on Sunday were suspended.", "shot", "18", ("2015-05-10", "day")),
    ("The army, which shelled the town in 2014, withdrew.", "shelled", "19", ("2014", "year")),
    # ... or a date of the noun it describes, or of that noun's verb for a thing ...
    ("The blast followed twin attacks on Sunday that killed 40 people.", "killed", "18",
     ("2015-05-10", "day")),
    ("The issue was raised in late November, when a scientist told the forum that food was "
     "wasted.", "told", "01", ("2014-11", "month")),
    ("The monument was unveiled Sunday in a ceremony that was loudly protested by nationalists.",
     "protested", "14", ("2015-05-10", "day")),
    # ... or the date that frames the whole sentence
    ("In 1982, the president ordered a crackdown on the city, which killed thousands of people.",
     "killed", "18", ("1982", "year")),
    # a date inside a since- or after-phrase is the date of the noun it modifies there
    ("Protesters have rallied in the capital since the 2011 uprising.", "uprising", "14",
     ("2011", "year")),
    ("Sanctions were imposed after the annexation of Crimea in March 2014.", "annexation", "19",
     ("2014-03", "month")),
    ("He remains in hospital after suffering an organ failure that, as his lawyer told reporters, "
     "doctors agree is the result of poisoning.", "told", "01", ("2015-05-12", "day")),
    # a relative clause in the present or ahead is no past act ("a policy that bans aid"), and
    # takes no date from the noun it describes
    ("Voters went to the polls on Sunday in elections that experts say are a test.", "say",
     "01", ("2015-05-12", "day")),
    ("Rebels attacked a convoy that carries aid to the town.", "attacked", "19",
     ("2015-05-12", "day")),
    # a day of its own in a war dates an act of that war
    ("Two soldiers were killed in the war on Sunday.", "killed", "18", ("2015-05-10", "day")),
    # a year that closes a stretch is the event's ("in the last year" of a 2016 toll)
    ("At least 600 children were killed in the last year.", "killed", "18", ("2014", "year")),
])
def test_report_day_events_keep_their_date(make_event, parse, text: str, trigger: str,
                                           cameo_root: str, expected: tuple) -> None:
    parsed = parse(text)
    event = make_event(parsed, trigger, trigger, cameo_root=cameo_root)
    date_events(parsed, [event])
    assert (event.date, event.date_precision) == expected


@pytest.mark.parametrize(("text", "sentence_words", "trigger", "cameo_root", "expected"), [
    # a step of a story told in the simple past takes the day of the sentence that dated it
    ("A woman was found dead in a flat early yesterday morning. She had sustained head injuries. "
     "The man was arrested nearby.", "arrested nearby", "arrested", "17", ("2015-05-11", "day")),
    ("A woman was found dead on Sunday. The man, who originally lived there, was arrested nearby.",
     "arrested nearby", "arrested", "17", ("2015-05-10", "day")),
    ("The mayor spoke to reporters on Sunday evening. He criticised the police.", "criticised",
     "criticised", "11", ("2015-05-10", "day")),
    # nor does a vague word of a noun in a sentence between ("the second recent attack"), while a
    # vague time of that sentence's verb does ("had previously searched")
    ("Gunmen fired on a convoy on Sunday. It was the second recent attack on tourists. The "
     "driver was wounded when the gunmen attacked.", "driver was wounded", "wounded", "18",
     ("2015-05-10", "day")),
    ("Police found the body on Sunday. The officers had previously searched the house. The man "
     "was arrested nearby.", "arrested nearby", "arrested", "17", ("2015-05-12", "day")),
    # a date of what the step only tells of does not stop the story's day
    ("The mayor spoke to reporters on Sunday evening. He said the planned May 20 vote would be "
     "delayed.", "He said", "said", "01", ("2015-05-10", "day")),
    # ... while any other date of the sentence does
    ("Police found the body on Sunday. Officers who arrived on May 11 arrested a man.",
     "arrested a man", "arrested", "17", ("2015-05-12", "day")),
    # not a present or perfect statement, nor a sentence with a time word of its own ...
    ("The mayor spoke to reporters on Sunday evening. He has criticised the police.", "criticised",
     "criticised", "11", ("2015-05-12", "day")),
    ("The mayor spoke to reporters on Sunday evening. Police say the man was arrested nearby.",
     "arrested nearby", "arrested", "17", ("2015-05-12", "day")),
    ("Rebels shelled the town on Sunday. Soldiers withdrew today.", "withdrew", "withdrew",
     "19", ("2015-05-12", "day")),
    ("Rebels shelled the town on Sunday. On May 11, soldiers withdrew.", "withdrew", "withdrew",
     "19", ("2015-05-11", "day")),
    # a recalled past carries on to the steps of its story: not the article's day
    ("Police found the body in March 2014. The man was arrested nearby.", "arrested nearby",
     "arrested", "17", ("2014-03", "month")),
    ("In 1974, gunmen threw a grenade into a cafe. Two people were killed.", "were killed",
     "killed", "18", ("1974", "year")),
    # ... but not to a report, which is the article's news
    ("In 1974, gunmen threw a grenade into a cafe. Officials said the cafe would reopen.",
     "Officials said", "said", "01", ("2015-05-12", "day")),
    # a story's recent month carries to its next steps
    ("Earlier this month, police raided the camp. They arrested five men.", "arrested five",
     "arrested", "17", ("2015-05", "month")),
    # up to two sentences back: past one sentence of background ...
    ("Police found the body on Sunday. It lay by a road. The man was arrested nearby.",
     "arrested nearby", "arrested", "17", ("2015-05-10", "day")),
    # ... not beyond (another story in briefs), nor a recent date more than a week back
    ("Police found the body on Sunday. It lay by a road. A car stood near it. The man was "
     "arrested nearby.", "arrested nearby", "arrested", "17", ("2015-05-12", "day")),
    ("Police found the body on Sunday. It lay by a road. A car stood near it. Rain fell. A dog "
     "barked. The man was arrested nearby.", "arrested nearby", "arrested", "17",
     ("2015-05-12", "day")),
    ("Police found the body on April 30. The man was arrested nearby.", "arrested nearby",
     "arrested", "17", ("2015-05-12", "day")),
    ("A statement was posted online. Police Office, May 10, 2015. The man was arrested nearby.",
     "arrested nearby", "arrested", "17", ("2015-05-12", "day")),
    # nor across a present-tense sentence, a day counted from the story, or a date in a quote
    ("Police found the body on Sunday. Neighbours say it is a shock. The man was arrested nearby.",
     "arrested nearby", "arrested", "17", ("2015-05-12", "day")),
    ("Police found the body. Two days earlier the man had left. He was arrested nearby.",
     "arrested nearby", "arrested", "17", ("2015-05-12", "day")),
    ("\"On Sunday troops shelled the city. Dozens of homes were damaged,\" she said.", "she said",
     "said", "01", ("2015-05-12", "day")),
])
def test_story_steps_take_the_day_of_the_story(make_event, parse, text: str, sentence_words: str,
                                                trigger: str, cameo_root: str, expected: tuple) -> None:
    """"Found early yesterday morning ... The man was arrested nearby": arrested yesterday, not on
    the article's day; the day only carries to simple past steps of the story."""
    parsed = parse(text)
    event = make_event(parsed, sentence_words, trigger, cameo_root=cameo_root)
    date_events(parsed, [event])
    assert (event.date, event.date_precision) == expected


def test_an_intent_takes_the_date_of_its_statement(make_event, parse) -> None:
    """"promised on Sunday to free the hostages": the promise, coded on "free", is Sunday's."""
    parsed = parse("The rebels promised on Sunday to free the hostages.")
    event = make_event(parsed, "free", "free", cameo_root="05", modality="intended")
    date_events(parsed, [event])
    assert (event.date, event.date_precision) == ("2015-05-10", "day")


@pytest.mark.parametrize(("lead", "lead_trigger", "lead_root", "expected"), [
    # the lead dates the same act the headline reports: its day
    ("At least 22 police were killed Thursday when a bomber blew himself up outside the court.",
     "killed", "18", ("2015-05-07", "day")),
    # not an act of another kind, nor a day that only dates the lead's report
    ("Police arrested 22 men Thursday after a bomber blew himself up outside the court.",
     "arrested", "17", ("2015-05-12", "day")),
    ("At least 22 police were killed in a bombing, officials said on Thursday.", "killed", "18",
     ("2015-05-12", "day")),
])
def test_a_headline_event_takes_the_day_its_lead_gives_the_same_act(
        make_event, parse, lead: str, lead_trigger: str, lead_root: str, expected: tuple) -> None:
    parsed = parse(lead, title="26 killed in suicide attack on police")
    headline = make_event(parsed, "suicide attack", "attack", cameo_root="18")
    reported = make_event(parsed, lead[:20], lead_trigger, cameo_root=lead_root)
    date_events(parsed, [headline, reported])
    assert (headline.date, headline.date_precision) == expected


@pytest.mark.parametrize(("later", "root", "expected"), [
    # a later violent step of the body with no date of its own is the lead's act
    ("Hospital officials said four civilians were also killed in the attack.", "18",
     ("2015-05-07", "day")),
    # not an act of another kind, nor one in the present perfect, nor a plan
    ("Police arrested three men.", "17", ("2015-05-12", "day")),
    ("Gunmen have killed dozens of police in the province.", "18", ("2015-05-12", "day")),
    ("Officials fear the militants will kill more police.", "18", ("2015-05-12", "day")),
])
def test_a_later_violent_step_takes_the_day_its_lead_gives_the_same_act(
        make_event, parse, later: str, root: str, expected: tuple) -> None:
    parsed = parse("At least 22 police were killed Thursday when a bomber blew himself up outside "
                   "the court. Neighbours say the town is calm. " + later)
    lead = make_event(parsed, "At least 22", "killed", cameo_root="18")
    words = {"18": ["killed", "kill"], "17": ["arrested"]}[root]
    trigger = next(w for w in later.replace(".", "").split() if w in words)
    step = make_event(parsed, later[:20], trigger, cameo_root=root,
                      **({"modality": "future"} if "will" in later else {}))
    date_events(parsed, [lead, step])
    assert (step.date, step.date_precision) == expected


def test_evidence_trigger_span_is_used(make_event, parse) -> None:
    parsed = parse("Police arrested him in March, and he was released on Sunday.")
    sentence = parsed.sentences[0].text
    start = sentence.index("released")
    event = make_event(parsed, "Police arrested", "released",
                       evidence={"spans": {"trigger": [start, start + len("released")]}})
    date_events(parsed, [event])
    assert event.date == "2015-05-10"


def test_seed_dates(make_event, seed_path) -> None:
    (article,) = list(read_articles([str(seed_path)], date="2015-05-12"))
    parsed = parse_article(article)
    meeting = make_event(parsed, "Prior to meeting Putin on Tuesday", "meeting")
    sanctions = make_event(parsed, "first imposed a number of sanctions", "imposed")
    date_events(parsed, [meeting, sanctions])
    assert (meeting.date, meeting.date_precision) == ("2015-05-12", "day")
    assert (sanctions.date, sanctions.date_precision) == ("2014-04", "month")



@pytest.mark.parametrize(("text", "published", "trigger", "modality", "expected"), [
    # a timeline's historical present is not the future: last October, not next
    ("October 7: The US intelligence community publicly blames Russia for the hacks.",
     "2017-03-02", "blames", "asserted", ("2016-10-07", "day", True)),
    # the sentence's framing date dates every event of it
    ("On Monday, rebels shelled the town and seized the airport.", "2015-05-12", "seized",
     "asserted", ("2015-05-11", "day", False)),
    # ... but not one the pluperfect puts before it: its date is unknown, not the article's
    ("On Monday, officials said the army had shelled the town.", "2015-05-12", "shelled",
     "asserted", (None, None, False)),
    # a participle continues its verb's act, and its date
    ("The sheriff's office on Monday called them moving targets, saying they may be near the "
     "border.", "2015-05-12", "saying", "asserted", ("2015-05-11", "day", False)),
    # a date inside the sentence frames only when it opens it
    ("The official says last year they rescued 109 victims.", "2015-05-12", "says", "asserted",
     ("2015-05-12", "day", False)),
    # plans and schedules may lie after publication
    ("The ministers are set to meet on Friday.", "2015-05-12", "meet", "future",
     ("2015-05-15", "day", False)),
    # an asserted event is never dated after publication: the article's date stands in
    ("The rebels attacked the town, ahead of the 2016 vote.", "2015-05-12", "attacked",
     "asserted", ("2015-05-12", "day", False)),
    # background: weeks before publication; never for the publication date itself
    ("Russia annexed Crimea in March 2014.", "2015-05-12", "annexed", "asserted",
     ("2014-03", "month", True)),
    ("The talks collapsed last week.", "2015-05-12", "collapsed", "asserted",
     ("2015-05", "month", False)),
])
def test_dates_never_after_publication_and_background(
        make_event, parse, text: str, published: str, trigger: str, modality: str,
        expected: tuple) -> None:
    parsed = parse(text, date=published)
    event = make_event(parsed, trigger, trigger, modality=modality)
    date_events(parsed, [event])
    assert (event.date, event.date_precision, event.background) == expected


@pytest.mark.parametrize("prefilter", [True, False])
def test_story_day_through_the_pipeline(prefilter: bool) -> None:
    """The coded arrest of a story told in the past is dated to the day the story names, also
    when the prefilter leaves the sentence between unparsed."""
    text = ("A woman was found dead in a flat in Cork early yesterday morning. She had sustained "
            "head injuries and was pronounced dead at the scene. Police arrested a man nearby.")
    article = Article(id="t", text=text, title="Man held after woman found dead", date="2017-03-28")
    [(_, events)] = list(code_articles([article], prefilter=prefilter))
    arrests = [e for e in events if e.trigger == "arrested"]
    assert [(e.date, e.date_precision) for e in arrests] == [("2017-03-27", "day")]
    assert arrests[0].evidence["date"]["text"] == "yesterday"


def test_a_headline_in_the_present_tells_a_past_day(make_event, parse) -> None:
    """"Leaders meet Monday": a headline's present is the news of the days before, not a
    timetable, while the same words in the body lie ahead."""
    parsed = parse("The leaders meet Monday in the capital.", title="Leaders meet Monday")
    headline = make_event(parsed, "Leaders meet Monday", "meet", cameo_root="04")
    body = make_event(parsed, "in the capital", "meet", cameo_root="04")
    date_events(parsed, [headline, body])
    assert headline.sentence_index < body.sentence_index
    assert headline.date == "2015-05-11" and body.date == "2015-05-18"


def test_a_timeline_heading_left_on_the_sentence_before_dates_its_item(make_event, parse) -> None:
    """The splitter leaves "September 2014:" at the end of the item before it: it dates the
    next item, not the one it ends."""
    parsed = parse("Talks opened in Geneva. June 2014: The envoy resigns after a row. "
                   "September 2014: The minister meets the envoy in private.", date="2015-05-12")
    meets = make_event(parsed, "meets the envoy", "meets")
    resigns = make_event(parsed, "resigns after", "resigns")
    date_events(parsed, [meets, resigns])
    assert (meets.date, meets.date_precision, meets.background) == ("2014-09", "month", True)
    assert (resigns.date, resigns.date_precision) == ("2014-06", "month")

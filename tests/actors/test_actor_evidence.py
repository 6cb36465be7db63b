"""Evidence steps: tagged by kind inside the resolver, plain text in what it hands over."""

import pickle

from eventwire.actors import ActorResolver
from eventwire.actors.evidence import GUESSED_FROM_CONTEXT, Step, StepKind, as_plain_text, kind_of
from eventwire.nlp import parse_article
from eventwire.records import Article


def test_a_step_is_its_text_and_knows_its_kind():
    step = Step(StepKind.DATELINE, "no country in the phrase: the dateline 'KABUL' -> AFG")
    assert step == "no country in the phrase: the dateline 'KABUL' -> AFG"
    assert kind_of(step) is StepKind.DATELINE and step.kind in GUESSED_FROM_CONTEXT
    assert kind_of("plain text") is None
    steps = [step]
    alias = steps
    as_plain_text(steps)
    assert type(alias[0]) is str and alias[0] == step  # in place: every holder of the list sees it


def test_resolved_actors_carry_plain_text_evidence_that_pickles():
    text = ("KABUL (Reuters) - Police arrested five men. Russian Foreign Minister Sergei Lavrov met "
            "the president. He said the talks went well.")
    parsed = parse_article(Article(id="evidence", text=text, date="2015-05-12"))
    actors = ActorResolver.default().annotate(parsed)
    mentions = actors.mentions()
    assert mentions and all(actor.resolution for actor in mentions)
    steps = [step for actor in mentions for step in actor.resolution] + actors.context[1]
    assert steps and all(type(step) is str for step in steps)
    assert pickle.loads(pickle.dumps(mentions)) == mentions

"""The calibrated confidence: features of the coded event, the shipped model, the parts."""

from __future__ import annotations

from eventwire.events.calibration import calibration, part_names
from eventwire.events.explain import explain
from eventwire.pipeline import code_articles
from eventwire.records import Article


def _attack(events):
    (event,) = [e for e in events if e.cameo.startswith("19")]
    return event


def test_negation_lowers_the_confidence_and_says_why(code_all):
    asserted = _attack(code_all("Russia attacked Syria on Monday."))
    negated = _attack(code_all("Russia did not attack Syria on Monday."))
    assert "negated" in negated.evidence["confidence_features"]
    assert "negated" not in asserted.evidence["confidence_features"]
    assert negated.confidence < asserted.confidence
    assert "negation" in explain(negated.to_dict()).split("lowered by")[1]


def test_the_parts_the_coder_knows(code_text):
    event = _attack(code_text("Russia attacked Syria on Monday."))
    parts = event.evidence["confidence_parts"]
    assert parts["type"] == event.confidence
    assert 0 < parts["source"] < 1 and 0 < parts["target"] < 1
    (alone,) = [e for e in code_text("Iran threatened to retaliate.") if e.plover == "THREATEN"]
    assert alone.evidence["confidence_parts"]["target"] is None


def test_the_pipeline_adds_place_and_date_parts():
    article = Article(id="a", text="Russian troops attacked Ukrainian positions near Kharkiv.",
                      date="2022-05-01")
    ((_, events),) = list(code_articles([article]))
    parts = events[0].evidence["confidence_parts"]
    assert set(parts) == set(part_names())
    # the date is the publication date: the table's figure for that fallback
    assert parts["date"] == calibration()["parts"]["date"]["publication"]
    assert "How sure each part is: type" in explain(events[0].to_dict())


def test_coder_version_names_the_calibration(code_text):
    event = _attack(code_text("Russia attacked Syria."))
    assert event.coder_version.endswith(f".cal{calibration()['version']}")


def test_every_feature_the_coder_names_has_a_fitted_weight(code_text):
    # a new feature without a re-fit (make calibrate) would silently weigh nothing
    texts = ["Russia did not attack Syria.", "Iran said that Israel would meet Egypt.",
             "The minister condemned the attack by Turkey on Syria.",
             "Five protesters were arrested.", "Germany and France signed an agreement."]
    named = {name for text in texts for event in code_text(text)
             for name in event.evidence["confidence_features"]}
    assert named and named <= set(calibration()["coefficients"])


def test_the_shipped_calibration_met_the_acceptance_on_the_check_halves():
    pooled = calibration()["figures"]["check"]["all"]
    assert pooled["ece"] <= 0.08 and pooled["max_gap"] <= 0.10
    precision = [pooled["thresholds"][t]["precision"] for t in ("0.4", "0.6", "0.8")]
    assert precision == sorted(precision) and precision[0] < precision[-1]


FILLER = "It rained on Monday. The roads were closed. Schools stayed shut. Shops opened late."


def _statement(events):
    return next(e for e in events if e.cameo_root == "01")


def test_a_statement_in_an_article_is_surer_than_the_same_sentence_alone(code_text):
    # gold sets give one label to a lone sentence, where a statement is most often beside the
    # labelled event; in an article a statement is most often the report itself (the audits)
    sentence = "Iran said that Israel would meet Egypt."
    alone = _statement(code_text(sentence))
    in_article = _statement(code_text(f"{FILLER} {sentence}"))
    assert "running_statement" not in alone.evidence["confidence_features"]
    assert in_article.evidence["confidence_features"]["running_statement"] == 1.0
    assert in_article.confidence > alone.confidence
    assert "a statement in an article" in explain(in_article.to_dict()).split("raised by")[1]


def test_the_sentence_position_in_an_article_is_a_feature(code_text):
    attack = "Russia attacked Syria on Monday."
    first = _attack(code_text(f"{attack} {FILLER}"))
    later = _attack(code_text(f"{FILLER} {attack}"))
    assert "sentence_position" not in first.evidence["confidence_features"]
    assert later.evidence["confidence_features"]["sentence_position"] == round(4 / 30, 3)
    assert later.confidence <= first.confidence  # later sentences hold more background


def test_the_shipped_calibration_on_the_audits_check_halves_and_the_audit_held_out():
    # fitted on the tune halves of every judged audit: the precision rises with the threshold on
    # their check halves and on the audit never fitted on, and the check halves stay within 0.12
    # on average (a fit gone wrong is off by far more); issue 23's line, ECE <= 0.08 with every
    # decile within 0.10, is not met on news (docs/evidence.md)
    figures = calibration()["figures"]
    audits = figures["audits_check"]
    assert audits["events"] >= 400
    assert audits["ece"] <= 0.12
    held_out = [figures[name] for name in figures if name.startswith("held_out")]
    assert held_out
    for result in (audits, *held_out):
        precision = [result["thresholds"][t]["precision"] for t in ("0.4", "0.6", "0.8")]
        assert precision == sorted(precision) and precision[0] < precision[-1]


def test_an_article_a_quote_and_an_actor_without_country_are_features(code_text):
    alone = _attack(code_text("Russia attacked Syria on Monday."))
    in_article = _attack(code_text(f"{FILLER} Russia attacked Syria on Monday."))
    assert "running_text" not in alone.evidence["confidence_features"]
    assert in_article.evidence["confidence_features"]["running_text"] == 1.0
    for quote in ('"', "\u201c"):
        closing = '"' if quote == '"' else "\u201d"
        quoted = _attack(code_text(f"{quote}Russia attacked Syria on Monday,{closing} the minister said."))
        assert quoted.evidence["confidence_features"]["quoted"] == 1.0
    plain = _attack(code_text("Russia attacked Syria on Monday, the minister said."))
    assert "quoted" not in plain.evidence["confidence_features"]
    assert not {"source_no_country", "target_no_country"} & set(alone.evidence["confidence_features"])
    police = _attack(code_text("The police attacked the protesters on Monday."))
    assert police.evidence["confidence_features"]["source_no_country"] == 1.0
    assert police.evidence["confidence_features"]["target_no_country"] == 1.0
    assert "no country" in explain(police.to_dict())


def test_a_root_news_gets_mostly_wrong_takes_its_news_prior_in_an_article(code_text, monkeypatch):
    import math

    from eventwire.events import calibration as module

    # the shipped model has no news_root_prior (docs/evidence.md): give it one
    model = {**calibration(), "news_root_prior": {"04": 0.4}}
    monkeypatch.setattr(module, "calibration", lambda: model)
    sentence = "Germany and France held talks in Berlin on Monday."
    alone = next(e for e in code_text(sentence) if e.cameo_root == "04")
    in_article = next(e for e in code_text(f"{sentence} {FILLER}") if e.cameo_root == "04")
    assert in_article.evidence["confidence_features"]["root_prior"] == round(math.log(0.4 / 0.6), 3)
    assert alone.evidence["confidence_features"]["root_prior"] == round(
        math.log(model["root_prior"]["04"] / (1 - model["root_prior"]["04"])), 3)
    assert in_article.confidence < alone.confidence


def test_an_article_event_is_scored_by_the_news_model(code_text, monkeypatch):
    import math

    from eventwire.events import calibration as module

    # a news model that knows one thing: the share right of each CAMEO code in judged news
    news = {"intercept": 0.0, "coefficients": {"code_prior": 1.0},
            "code_prior": {"other": 0.5, "other statement": 0.5}}
    model = {**calibration(), "news": news}
    monkeypatch.setattr(module, "calibration", lambda: model)
    sentence = "Russia attacked Syria on Monday."
    alone = _attack(code_text(sentence))
    news["code_prior"][alone.cameo] = 0.2
    in_article = _attack(code_text(f"{sentence} {FILLER}"))
    assert "code_prior" not in alone.evidence["confidence_features"]
    assert in_article.evidence["confidence_features"]["code_prior"] == round(math.log(0.2 / 0.8), 3)
    assert in_article.confidence == 0.2  # the logistic of its score, no isotonic step
    assert "events of this CAMEO code are right in judged news -1.39" in explain(in_article.to_dict())
    assert "from a base of +0.00" in explain(in_article.to_dict())


def test_the_shipped_news_model_weighs_every_feature_of_an_article_and_is_honestly_measured(code_text):
    # fitted on judged news only (scripts/calibrate_news.py); its figures leave each store out
    news = calibration()["news"]
    texts = ["Russia did not attack Syria.", "Iran said that Israel would meet Egypt.",
             "Five protesters were arrested.", "Germany and France signed an agreement."]
    named = {name for text in texts for event in code_text(f"{FILLER} {text}")
             for name in event.evidence["confidence_features"] if name != "root_prior"}
    assert "code_prior" in named and named <= set(news["coefficients"])
    pooled = news["figures"]["leave one store out"]
    assert pooled["events"] >= 800 and pooled["ece"] <= 0.08
    precision = [pooled["thresholds"][t]["precision"] for t in ("0.4", "0.6", "0.8")]
    assert precision == sorted(precision) and precision[0] < precision[-1]

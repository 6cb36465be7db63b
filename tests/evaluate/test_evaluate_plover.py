"""The PLOVER full-tuple metric reads the gold record as its annotator marked it."""

from eventwire.evaluate.plover import _gold_tuples


def record(markup: str, sources: list[str], target: object = "") -> dict:
    return {"source": [{"code": code} for code in sources], "target": target,
            "textInfo": {"markup": markup}}


def test_mutual_actors_are_each_others_targets():
    gold = record("(SRC/TAR: Jordan) and (SRC/TAR: Britain) have (EVT: agreed)", ["JOR", "GBR"])
    assert _gold_tuples(gold, "AGREE") == {
        ("AGREE", "JOR", None), ("AGREE", "GBR", None),
        ("AGREE", "JOR", "GBR"), ("AGREE", "GBR", "JOR"),
    }


def test_one_way_record_keeps_its_direction():
    gold = record("(SRC: Iran) (EVT: threatened) (TAR: Iraq)", ["IRN"], [{"code": "IRQ"}])
    assert _gold_tuples(gold, "THREATEN") == {("THREATEN", "IRN", "IRQ")}


def test_cameo_country_codes_are_read_as_iso():
    gold = record("(SRC: APEC) (EVT: agreed) ... in (TAR: Tokyo)", ["IGO"], [{"code": "JAP"}])
    assert _gold_tuples(gold, "AGREE") == {("AGREE", "IGO", "JPN")}

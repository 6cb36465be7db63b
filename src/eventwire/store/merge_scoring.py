"""The rules of merging as SQL: what two sides of a pair (mentions or stored events) compare, what
forbids merging them and how their agreement is scored (``data/merge_rules.yaml``).

``merge.py`` builds its statements from these expressions; each takes the alias of a row (``m``,
``s``, ``e`` ...) and returns SQL text. See ``merge.py`` for the whole procedure.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from eventwire.events.counts import CATEGORIES
from eventwire.store.merge_places import wide_places as wide_places  # re-exported


@lru_cache(maxsize=1)
def merge_rules() -> dict[str, Any]:
    path = resources.files("eventwire.store") / "data" / "merge_rules.yaml"
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _sql_list(values: list[str]) -> str:
    # Values come from the packaged rules file; quotes are doubled all the same.
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def _sql_tuple(values: list[str]) -> str:
    """An SQL ``IN`` list of quoted values."""
    return "(" + _sql_list(values)[1:-1] + ")"


def _kind(root: str) -> str:
    kinds = merge_rules().get("kinds") or {}
    if not kinds:
        return root
    cases = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in sorted(kinds.items()))
    return f"CASE {root} {cases} ELSE {root} END"


def _stopword(word: str) -> str:
    # One string search: a 150-element list literal tested per word costs seconds per batch.
    stop = "|" + "|".join(merge_rules()["stopwords"]).replace("'", "''") + "|"
    return f"contains('{stop}', '|' || {word} || '|')"


def terms_sql(row: str) -> str:
    """A sentence's content words: words of four letters or more and numbers, not stopwords."""
    return f"""list_distinct(list_filter(
           regexp_extract_all(lower({row}.sentence), '[a-z][a-z''-]{{3,}}|[0-9][0-9.,]*[0-9]|[0-9]'),
           lambda w: NOT {_stopword('w')}))"""


def content_sql(row: str) -> str:
    """The content columns a pair compares, computed once per side (``row``, a mention or a stored
    event with its sentence): ``terms`` (``terms_sql``), and for ``names_apart_sql`` the
    sentence's names of several words (``full_names``, each as its words) and its words."""
    titles = "|" + "|".join(merge_rules().get("title_words") or []).replace("'", "''") + "|"
    # "Russian President", "Fox News", "Oregon State Police" are titles and bodies, not names
    full_names = (f"list_filter(list_transform(regexp_extract_all({row}.sentence, '{_FULL_NAME}', 1), "
                  f"lambda n: string_split(lower(n), ' ')), "
                  f"lambda n: NOT list_bool_or(list_transform(n, lambda w: contains('{titles}', "
                  f"'|' || w || '|'))))")
    words = f"regexp_extract_all(lower({row}.sentence), '[a-z][a-z''-]+')"
    return f"{terms_sql(row)} AS terms, {full_names} AS full_names, {words} AS words"


def context_sql(article: str) -> str:
    """An article's context (``context``): the names, capitalised words, and the figures of its
    first ``context.chars`` characters (the headline and lead tell which event it is about),
    names lower case, neither stopwords nor title words ("President", "Monday"). ``article``:
    the alias of an ``articles`` row (NULL where the article is not stored: no context)."""
    context = merge_rules().get("context") or {}
    skip = "|" + "|".join(merge_rules()["stopwords"] + (merge_rules().get("title_words") or []))
    skip = skip.replace("'", "''") + "|"
    text = f"left({article}.text, {int(context.get('chars', 1500))})"
    names = f"""list_filter(list_transform(
           regexp_extract_all({text}, '[ "(\\n]([A-Z][A-Za-z-]+)', 1), lambda w: lower(w)),
           lambda w: length(w) > 2 AND NOT contains('{skip}', '|' || w || '|'))"""
    # figures of two digits or more: a magnitude, an age, a toll, a year ("6.1", "61", "1967")
    numbers = f"regexp_extract_all({text}, '[0-9][0-9.,]*[0-9]')"
    return f"list_distinct(list_concat({names}, {numbers}))"


def side_sql(row: str, terms: bool = True, names: bool = True, counts: str | None = None) -> str:
    """The derived columns merging compares, from a row of batch_mentions or events (``row``);
    ``terms`` (with the other content columns, ``content_sql``) and ``names`` only where asked
    (computed later for the rows that stay candidates);
    the bounds of the counts (``counts_sql``) from the row's record, or from ``counts``, the alias
    of the stored event's ``event_counts`` row."""
    # near the top of its article (close_context.sentences); a stored event: its founder was in
    # its article's lead (is_root_event, sentences 0-2: no later sentence index is stored)
    close = merge_rules()["content_needed"].get("close_context") or {}
    top = f"{row}.sentence_index < {int(close.get('sentences', 0))}"
    top = f"{row}.is_root_event" if counts is not None else top
    columns = counts_sql(row, counts) + [f"coalesce({top}, false) AS near_top",
        f"{_kind(f'{row}.cameo_root')} || '|' || CAST({row}.negated AS INTEGER) AS merge_key",
        f"coalesce(CAST({row}.geonameid AS VARCHAR), lower(trim({row}.location_name))) AS place_key",
        f"coalesce({row}.geonameid IN (SELECT geonameid FROM wide_places WHERE NOT seat), false)"
        " AS wide_place",
        f"coalesce({row}.geonameid IN (SELECT geonameid FROM wide_places WHERE seat), false)"
        " AS seat_place",
        f"{row}.source_country AS src",
        f"{_role(f'{row}.source_code', f'{row}.source_country')} AS src_role",
        f"{row}.target_country AS tgt",
        f"{_role(f'{row}.target_code', f'{row}.target_country')} AS tgt_role",
        f"{_name_words(f'{row}.source_name')} AS src_name",
        f"{_name_words(f'{row}.target_name')} AS tgt_name",
    ]
    columns += [content_sql(row)] if terms else []
    columns += [f"{names_sql(row)} AS names"] if names else []
    return ",\n       ".join(columns)


def counts_sql(row: str, counts: str | None = None) -> list[str]:
    """The bounds of each count of ``counts_apart`` (``<kind>_lo``, ``<kind>_hi``; no high: "at
    least"), from the mention's record or, with ``counts``, from a stored event's reconciled
    ``event_counts`` row (the lowest and highest figure any of its reports gave)."""
    columns = []
    for kind in merge_rules().get("counts_apart") or []:
        if kind not in CATEGORIES:
            raise ValueError(f"merge_rules.yaml counts_apart: unknown count {kind!r}")
        if counts is not None:
            # Reports that all gave a plain figure ("killed 3") leave the bounds unset: the
            # figure is then both.
            low = f"coalesce({counts}.{kind}_low, {counts}.{kind})"
            high = (f"CASE WHEN {counts}.{kind}_low IS NOT NULL THEN {counts}.{kind}_high "
                    f"ELSE coalesce({counts}.{kind}_high, {counts}.{kind}) END")
        else:
            def parts(*names: str, kind: str = kind) -> str:
                # Most records give no count: the string test spares parsing them (bulk loads);
                # the paths a bound reads are parsed at once, each once.
                paths = ", ".join(f"'$.counts.{kind}.{name}'" for name in names)
                return (f"CASE WHEN contains({row}.record, '\"{kind}\"') THEN list_transform("
                        f"json_extract_string({row}.record, [{paths}]), "
                        "lambda v: TRY_CAST(v AS BIGINT)) END")

            low = f"list_transform([{parts('low', 'value')}], lambda b: coalesce(b[1], b[2]))[1]"
            # "at least 3" has a low and no high; a value without bounds is its own high
            high = (f"list_transform([{parts('low', 'high', 'value')}], "
                    "lambda b: CASE WHEN b[1] IS NOT NULL THEN b[2] ELSE b[3] END)[1]")
        columns += [f"{low} AS {kind}_lo", f"{high} AS {kind}_hi"]
    return columns


def counts_ok_sql(a: str, b: str) -> str:
    """No count conflict: for each count of ``counts_apart`` that both sides give, their ranges
    meet, within the kind's factor ("killed one" and "killed two women" are two attacks; "at
    least 3" meets 5; with a factor of 3, one man arrested meets "2 leaders arrested", not 89)."""
    factors = merge_rules().get("counts_apart") or {}
    parts = [f"NOT coalesce({a}.{k}_lo > {float(f)} * coalesce({b}.{k}_hi, {a}.{k}_lo) "
             f"OR {b}.{k}_lo > {float(f)} * coalesce({a}.{k}_hi, {b}.{k}_lo), false)"
             for k, f in sorted(factors.items())]
    return "(" + " AND ".join(parts) + ")" if parts else "true"


def names_sql(row: str) -> str:
    """The names of a sentence: capitalised words inside it, lower case, not stopwords."""
    return f"""list_distinct(list_filter(list_transform(
           regexp_extract_all({row}.sentence, '[ "(]([A-Z][A-Za-z-]+)', 1), lambda w: lower(w)),
           lambda w: length(w) > 2 AND NOT {_stopword('w')}))"""


# A name of two to four capitalised words in a sentence ("Hugh Jackman", "Gaetano Lo Presti",
# "West Coast Bank"): who or what a report is about, beyond its kind, place and actors.
_FULL_NAME = """(?:^|[ "(])((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)? ){1,3}[A-Z][A-Za-z-]+)"""


def names_apart_sql(a: str, b: str) -> str:
    """Whether two sentences name different people or things (``names_apart``): 'all': each has
    a name of several words and no word of any of them is in the other sentence; 'each': each
    has a name none of whose words is in the other sentence ("Ellen DeGeneres will host the
    Oscars" and "Hugh Jackman will host the Oscars" are two events; "Gaetano Lo Presti hanged
    himself" and "Lo Presti was found dead" may be one). Off when unset. ``a``, ``b``: the rows
    of the two sides' content columns (``content_sql``)."""
    mode = merge_rules().get("names_apart")
    if not mode:
        return "false"
    if mode not in ("all", "each"):
        raise ValueError(f"merge_rules.yaml names_apart: 'all' or 'each', not {mode!r}")

    def count(x: str, y: str, matched: bool) -> str:
        test = "> 0" if matched else "= 0"
        return f"len(list_filter({x}.full_names, lambda n: len(list_intersect(n, {y}.words)) {test}))"

    if mode == "each":
        return f"({count(a, b, False)} > 0 AND {count(b, a, False)} > 0)"
    return (f"(len({a}.full_names) > 0 AND len({b}.full_names) > 0 AND {count(a, b, True)} = 0 "
            f"AND {count(b, a, True)} = 0)")


def _role(code: str, country: str) -> str:
    """What kind of actor a code names, beyond its country: 'state' for the state's sectors (a
    president and their government agree), else the sector (rebels and the army do not)."""
    state = _sql_tuple(merge_rules()["state_sectors"])
    sector = (f"nullif(CASE WHEN {country} IS NOT NULL AND starts_with({code}, {country}) "
              f"THEN substr({code}, length({country}) + 1, 3) ELSE substr({code}, 1, 3) END, '')")
    unknown = _sql_tuple(merge_rules()["unknown_sectors"])
    # Sectors of one group agree as the state's do (private people: a worker and a resident).
    grouped = sorted((merge_rules().get("sector_groups") or {}).items())
    groups = " ".join(f"WHEN sec IN {_sql_tuple(codes)} THEN '{name}'" for name, codes in grouped)
    # The sector is computed once and named by a lambda: written out in each WHEN it was
    # computed up to four times, half of a bulk batch's actor columns.
    return (f"list_transform([{sector}], lambda sec: CASE WHEN sec IN {state} THEN 'state' "
            f"WHEN sec IN {unknown} THEN NULL {groups} ELSE sec END)[1]")


def sentence_day_sql(date: str, published: str) -> str:
    """Whether a side's day was stated by its sentence ("on Friday", "yesterday"), not its
    article's publication day: the time stage's fallback for an undated event, and what an
    expression naming the publication day ("today") gives too (``events.calibration.date_kind``).
    ``date``, ``published``: SQL of the side's day and its article's publication day."""
    day = f"TRY_CAST({date} AS DATE)"
    return f"coalesce({day} <> TRY_CAST({published} AS DATE), {day} IS NOT NULL)"


def window_sql() -> tuple[str, str]:
    """The days before and after a mention's day (``m``) at which it looks for candidates: a day
    its sentence states is near the other report's own day (``dated``); a publication day, near
    the other's publication day or after the other's stated day (a fallback date is the latest the
    event can be: reports lag, up to ``days.lag``); a month, around the publication day. NULL for a
    year (never merges). A stated day also precedes a publication day by up to ``lag`` days:
    within a batch the publication day's wider window finds that pair, and stored events dated
    by their publication day are searched on those days alone (``lag_days``, merge.py)."""
    days = merge_rules()["days"]
    dated, undated, lag = int(days["dated"]), int(days["undated"]), int(days["lag"])
    unknown = "TRY_CAST(m.date AS DATE) IS NULL"
    stated = sentence_day_sql("m.date", "m.article_date")

    def bound(on_stated: int, on_publication: int) -> str:
        return f"""CASE WHEN {unknown} THEN
                    CASE WHEN m.date_precision = 'year' THEN NULL
                         WHEN m.date_precision = 'month' THEN {int(days['month'])}
                         ELSE {on_publication} END
                 WHEN {stated} THEN {on_stated} ELSE {on_publication} END"""

    return bound(dated, max(lag, undated)), bound(dated, max(dated, undated))


def lag_days() -> tuple[int, int] | None:
    """The days after a stated day (first, last) on which only a report dated by its publication
    day may be the same event (``days.lag`` beyond ``days.dated``), or None when there are none.
    The general candidate join leaves them out: searched for every mention against every stored
    event they cost a sixth more of the join, and a tenth of a bulk load at 10M events."""
    days = merge_rules()["days"]
    dated, lag = int(days["dated"]), int(days["lag"])
    return (dated + 1, lag) if lag > dated else None


def dates_ok_sql(a: str, b: str) -> str:
    """Whether the days of sides ``a`` and ``b`` (``merge_date``, ``sentence_day``, ``month_day``)
    may be one event's: two stated days within ``dated``; two publication days within
    ``undated``; a stated day at most ``dated`` after a publication day and at most ``lag``
    before it; a month within ``month`` of the other's day."""
    days = merge_rules()["days"]
    gap = f"date_diff('day', {a}.merge_date, {b}.merge_date)"  # b's day minus a's
    return f"""(CASE WHEN {a}.month_day OR {b}.month_day THEN abs({gap}) <= {int(days['month'])}
         WHEN {a}.sentence_day AND {b}.sentence_day THEN abs({gap}) <= {int(days['dated'])}
         WHEN {a}.sentence_day THEN {gap} BETWEEN -{int(days['dated'])} AND {int(days['lag'])}
         WHEN {b}.sentence_day THEN -{gap} BETWEEN -{int(days['dated'])} AND {int(days['lag'])}
         ELSE abs({gap}) <= {int(days['undated'])} END)"""


def _agree(x: str, y: str) -> str:
    return f"({x} IS NULL OR {y} IS NULL OR {x} = {y})"


def _name_words(name: str) -> str:
    """The words of an actor's canonical name when it has two or more (a person: "Jim Mattis";
    a one-word name is a country or a body, "Iran", "Pentagon", that speaks through people the
    coder may name in another report), lower case."""
    words = f"list_filter(string_split(lower({name}), ' '), lambda w: length(w) > 1)"
    return f"CASE WHEN len({words}) >= 2 THEN {words} END"


def _same_person(x: str, y: str) -> str:
    """Two named actors may be one person when their names share a word ("Jeffs" and "Warren
    Jeffs"); two different names on one side are two people: two events ("Yankees sign A" and
    "Yankees sign B"; two victims)."""
    return f"({x} IS NULL OR {y} IS NULL OR len(list_intersect({x}, {y})) > 0)"


def _direct_ok(a: str, b: str, roles: bool = True) -> str:
    """No actor conflict between sides ``a`` and ``b`` taken as they are (``roles``: the actors'
    sectors too, ``_role``; without it, only the sector of a source unnamed in one report is
    let go: the target's sector tells whom an act befell, a suspect's arrest from a reporter's,
    and a named source's sector is read off its name)."""
    source_role = _agree(f'{a}.src_role', f'{b}.src_role')
    if not roles:
        source_role = f"({source_role} OR {a}.src_name IS NULL OR {b}.src_name IS NULL)"
    role = f" AND {source_role} AND {_agree(f'{a}.tgt_role', f'{b}.tgt_role')}"
    return (f"{_agree(f'{a}.src', f'{b}.src')} AND {_agree(f'{a}.tgt', f'{b}.tgt')}{role}"
            f" AND {_same_person(f'{a}.src_name', f'{b}.src_name')}"
            f" AND {_same_person(f'{a}.tgt_name', f'{b}.tgt_name')}")


def _reverse_ok(a: str, b: str) -> str:
    """No actor conflict with ``b``'s dyad reversed, for the symmetric roots (sectors always
    compared: ``leads_forgive`` lets go only a direct dyad's unnamed source)."""
    symmetric = _sql_tuple(merge_rules()["symmetric_roots"])
    role = (f" AND {_agree(f'{a}.src_role', f'{b}.tgt_role')}"
            f" AND {_agree(f'{a}.tgt_role', f'{b}.src_role')}")
    return (f"{a}.cameo_root IN {symmetric}"
            f" AND {_agree(f'{a}.src', f'{b}.tgt')} AND {_agree(f'{a}.tgt', f'{b}.src')}{role}"
            f" AND {_same_person(f'{a}.src_name', f'{b}.tgt_name')}"
            f" AND {_same_person(f'{a}.tgt_name', f'{b}.src_name')}")


def symmetric_sql(root: str) -> str:
    """Whether a CAMEO root (SQL) is symmetric: its dyad may be reversed."""
    symmetric = _sql_tuple(merge_rules()["symmetric_roots"])
    return f"coalesce({root} IN {symmetric}, false)"


def dyad_sql(a: str, b: str, symmetric: str) -> str:
    """A necessary condition of ``_direct_ok(a, b) OR _reverse_ok(a, b)`` on the actors' countries
    alone (``src``, ``tgt``), ``symmetric``: whether ``a``'s root is symmetric (SQL). The candidate
    join (merge.py) applies it to ``event_anchors``, where roles are not stored, so that the
    store's events of another dyad never leave the join: keep it implied by those two."""
    direct = f"{_agree(f'{a}.src', f'{b}.src')} AND {_agree(f'{a}.tgt', f'{b}.tgt')}"
    reverse = f"{_agree(f'{a}.src', f'{b}.tgt')} AND {_agree(f'{a}.tgt', f'{b}.src')}"
    return f"(({direct}) OR ({symmetric} AND {reverse}))"


def _km(a: str, b: str) -> str:
    # 6371: the Earth's radius in km, geo.gazetteer.EARTH_RADIUS_KM (not imported: importing the
    # geo stage would load spaCy into every store process).
    return (f"2 * 6371 * asin(sqrt(pow(sin(radians({b}.lat - {a}.lat) / 2), 2) + cos(radians({a}.lat))"
            f" * cos(radians({b}.lat)) * pow(sin(radians({b}.lon - {a}.lon) / 2), 2)))")


def places_apart_sql(a: str, b: str) -> str:
    """Two specific places (neither a country nor a first-level region) that are not the same
    and lie in different countries or farther apart than ``near_km``."""
    near = float(merge_rules()["near_km"])
    return (f"({a}.place_key <> {b}.place_key AND ({a}.location_country <> {b}.location_country"
            f" OR {_km(a, b)} > {near}))")


def _place_inside(a: str, b: str) -> str:
    return (f"({a}.wide_place OR {b}.wide_place)"
            f" AND {_agree(f'{a}.location_country', f'{b}.location_country')}")


def _place_ok(place_unknown: str, place_same: str, place_inside: str, countries_agree: str,
              km: str) -> str:
    """No place conflict, from the SQL of each fact (columns, or expressions)."""
    near = float(merge_rules()["near_km"])
    return (f"({place_unknown} OR {place_same} OR {place_inside}"
            f" OR ({countries_agree} AND coalesce({km} <= {near}, true)))")


def plausible_sql(a: str, b: str) -> str:
    """What ``ok`` of ``_pair`` needs besides shared content: no actor, place, count or date
    conflict and the same code (or a code pair). Candidates failing it are dropped before any
    content words are computed; it is a conjunct of ``ok``, so which pairs merge does not change."""
    place = _place_ok(f"({a}.place_key IS NULL OR {b}.place_key IS NULL)",
                      f"({a}.place_key = {b}.place_key)", f"({_place_inside(a, b)})",
                      _agree(f"{a}.location_country", f"{b}.location_country"), f"({_km(a, b)})")
    actors = f"({_direct_ok(a, b)}) OR ({_reverse_ok(a, b)})"
    close = merge_rules()["content_needed"].get("close_context") or {}
    forgive = merge_rules().get("leads_forgive") or {}
    # what pair_sql may forgive for material acts told in two leads (``leads_forgive``)
    material = (f"{a}.cameo_root IN {_sql_tuple(close['roots'])} AND {a}.near_top AND {b}.near_top"
                if close and forgive else "false")
    if forgive.get("sectors"):
        actors += f" OR {material} AND ({_direct_ok(a, b, roles=False)})"
    if forgive.get("wide_places"):
        place = f"({place} OR {material} AND ({a}.wide_place OR {b}.wide_place))"
    return (f"({actors})"
            f" AND ({a}.cameo = {b}.cameo OR {_code_pair(f'{a}.cameo', f'{b}.cameo')}) AND {place}"
            f" AND {counts_ok_sql(a, b)} AND coalesce({dates_ok_sql(a, b)}, false)")


def pair_sql(a: str, b: str, pairs: str, keep: str, a_content: str, b_content: str) -> str:
    """``ok`` (nothing forbids merging a with b), ``score`` and ``evidence`` of each pair of sides
    ``a`` and ``b`` joined in ``pairs`` (a FROM clause); ``keep``: the columns to carry along;
    ``a_content``, ``b_content``: the rows of their content columns (``content_sql``)."""
    rules = merge_rules()
    a_terms, b_terms = f"{a_content}.terms", f"{b_content}.terms"
    w = rules["weights"]

    def side_points(x: str, y: str, code_x: str, code_y: str) -> str:
        return (f"(CASE WHEN {code_x} = {code_y} THEN {w['same_actor_code']} "
                f"WHEN {x} = {y} THEN {w['same_actor_country']} ELSE 0 END)")

    agree = _agree
    km = _km(a, b)
    # What the coder knew least is forgiven where the articles' leads tell one event (``leads_forgive``)
    forgive = rules.get("leads_forgive") or {}
    forgiven = (f"coalesce(context_close AND {_close_words('pair_root')} IS NOT NULL"
                f" AND len(shared) >= {int(forgive.get('words', 1))}, false)" if forgive else "false")
    sectors = forgiven if forgive.get("sectors") else "false"
    wide = f"one_wide AND {forgiven}" if forgive.get("wide_places") else "false"
    return f"""
    WITH facts AS (
        SELECT {keep},
            {_direct_ok(a, b)} AS direct_strict,
            {_direct_ok(a, b, roles=False)} AS direct_loose,
            {side_points(f'{a}.src', f'{b}.src', f'{a}.source_code', f'{b}.source_code')}
              + {side_points(f'{a}.tgt', f'{b}.tgt', f'{a}.target_code', f'{b}.target_code')}
              AS direct_points,
            {_reverse_ok(a, b)} AS reverse_ok,
            {side_points(f'{a}.src', f'{b}.tgt', f'{a}.source_code', f'{b}.target_code')}
              + {side_points(f'{a}.tgt', f'{b}.src', f'{a}.target_code', f'{b}.source_code')}
              AS reverse_points,
            {a}.place_key IS NULL OR {b}.place_key IS NULL AS place_unknown,
            {a}.place_key = {b}.place_key AS place_same,
            {km} AS km,
            {_place_inside(a, b)} AS place_inside,
            {a}.wide_place OR {b}.wide_place AS one_wide,
            list_intersect({a_terms}, {b_terms}) AS shared,
            len(list_intersect({a}.names, {b}.names)) AS shared_names,
            len(list_distinct(list_concat({a_terms}, {b_terms}))) AS all_terms,
            len(list_intersect({a_terms}, {b_terms}))
              / greatest(len(list_distinct(list_concat({a_terms}, {b_terms}))), 1) AS overlap,
            len(list_intersect({a_terms}, {b_terms}))
              / greatest(least(len({a_terms}), len({b_terms})), 1) AS containment,
            abs(date_diff('day', {a}.merge_date, {b}.merge_date)) AS days_apart,
            {a}.sentence_day AND {b}.sentence_day AS both_stated,
            coalesce({dates_ok_sql(a, b)}, false) AS dates_ok,
            {agree(f'{a}.location_country', f'{b}.location_country')} AS countries_agree,
            {a}.cameo = {b}.cameo AS same_code,
            {counts_ok_sql(a, b)} AS counts_ok,
            {names_apart_sql(a_content, b_content)} AS names_apart,
            {_code_pair(f'{a}.cameo', f'{b}.cameo')} AS code_pair,
            {a}.cameo_root AS pair_root,
            {_placed_across(a, b)} AS placed_across,
            len(list_intersect({a_content}.context, {b_content}.context))
              / greatest(len(list_distinct(list_concat({a_content}.context, {b_content}.context))), 1)
              AS context_overlap,
            {_context_apart(a, b, a_content, b_content)} AS context_apart,
            {_context_close(a, b, a_content, b_content)} AND {a}.near_top AND {b}.near_top
              AS context_close
        FROM {pairs}
    ), needs AS (
        SELECT *,
            direct_strict OR direct_loose AND {sectors} AS direct_ok,
            {_min_overlap('pair_root', across='placed_across')} AS overlap_needed,
            {_words_needed('placed_across')} AS words_needed,
            {_contained_needs('pair_root')[0]} AS contained_words,
            {_contained_needs('pair_root')[1]} AS contained_share,
            {_min_overlap('pair_root', default=0.0)} AS names_overlap_needed,
            {_close_words('pair_root')} AS close_words_needed
        FROM facts
    ), judged AS (
        SELECT *,
            (direct_ok OR reverse_ok)
              AND (same_code OR code_pair AND overlap < {float(rules['other_act_overlap'])})
              AND (len(shared) >= words_needed
                   AND overlap >= overlap_needed
                   OR shared_names >= {int(rules['content_needed']['names'])}
                      AND overlap >= names_overlap_needed
                   OR {_contained()}
                   OR coalesce(context_close AND len(shared) >= close_words_needed, false))
              AND ({_place_ok('place_unknown', 'place_same', 'place_inside', 'countries_agree', 'km')}
                   OR {wide})
              AND counts_ok AND NOT names_apart AND NOT context_apart AND dates_ok
              AS ok,
            CASE WHEN direct_ok AND (NOT reverse_ok OR direct_points >= reverse_points)
                 THEN direct_points ELSE reverse_points END AS actor_points,
            CASE WHEN place_unknown THEN 0 WHEN place_same THEN {w['same_place']}
                 WHEN place_inside OR km <= {float(rules['near_km'])} THEN {w['near_place']}
                 ELSE 0 END AS place_points,
            NULL AS unused
        FROM needs
    )
    SELECT *,
        actor_points + place_points
          + CASE WHEN days_apart = 0 AND both_stated THEN {w['same_day']} ELSE 0 END
          + CASE WHEN same_code THEN {w['same_code']} ELSE 0 END
          + {w['content']} * overlap + {w['shared_name']} * least(shared_names, 3) AS score,
        {{'actors': CASE WHEN NOT direct_ok OR (reverse_ok AND reverse_points > direct_points)
                         THEN 'reversed dyad' WHEN actor_points = 0 THEN 'one side missing'
                         ELSE 'agree' END,
          'actor_points': actor_points,
          'place': CASE WHEN place_unknown THEN 'unknown on one side' WHEN place_same THEN 'same'
                        WHEN place_inside THEN 'one inside the other'
                        ELSE 'within ' || CAST(round(km) AS INTEGER) || ' km' END,
          'days_apart': days_apart, 'same_code': same_code,
          'dates': CASE WHEN both_stated THEN 'both stated' ELSE 'publication day' END,
          'content_overlap': round(overlap, 3), 'shared': shared[1:12],
          'context_overlap': round(context_overlap, 3)}} AS evidence
    FROM judged"""


def _context_apart(a: str, b: str, a_content: str, b_content: str) -> str:
    """Two articles about different events (``context.apart``): each has this many names in its
    lead (``context_sql``) and they share less than this share of them. A report of the second
    of two earthquakes names another town, other victims and rescuers than one of the first,
    however alike its sentence; mentions of one article, or of an article not stored, never."""
    apart = (merge_rules().get("context") or {}).get("apart")
    if not apart:
        return "false"
    x, y = f"{a_content}.context", f"{b_content}.context"
    return (f"coalesce({a}.article_id <> {b}.article_id"
            f" AND least(len({x}), len({y})) >= {int(apart['names'])}"
            f" AND len(list_intersect({x}, {y})) < {float(apart['overlap'])}"
            f" * len(list_distinct(list_concat({x}, {y}))), false)")


def _context_close(a: str, b: str, a_content: str, b_content: str) -> str:
    """Two articles about one event (``content_needed.close_context``): each has this many names
    and figures in its lead (``context_sql``) and they share at least this share of them. Their
    reports need fewer shared words; mentions of one article, or of an article not stored, never."""
    close = merge_rules()["content_needed"].get("close_context")
    if not close:
        return "false"
    x, y = f"{a_content}.context", f"{b_content}.context"
    return (f"coalesce({a}.article_id <> {b}.article_id"
            f" AND least(len({x}), len({y})) >= {int(close['names'])}"
            f" AND len(list_intersect({x}, {y})) >= {float(close['overlap'])}"
            f" * len(list_distinct(list_concat({x}, {y}))), false)")


def _close_words(root: str) -> str:
    """SQL: the shared content words a pair of this root needs when its articles' leads are close
    (``close_context``); NULL (never) for roots not listed in its ``roots``."""
    close = merge_rules()["content_needed"].get("close_context")
    if not close:
        return "NULL"
    return f"(CASE WHEN {root} IN {_sql_tuple(close['roots'])} THEN {int(close['words'])} END)"


def _code_pair(x: str, y: str) -> str:
    """Whether two different CAMEO codes may state one act (``code_pairs``: pairs of codes, or a
    root whose codes all may; '*': any two codes of one kind)."""
    pairs = merge_rules().get("code_pairs") or []
    if "*" in pairs:
        return "true"
    listed = [f"({x} = '{a}' AND {y} = '{b}' OR {x} = '{b}' AND {y} = '{a}')"
              for a, b in (p for p in pairs if not isinstance(p, str))]
    listed += [f"(starts_with({x}, '{root}') AND starts_with({y}, '{root}'))"
               for root in (p for p in pairs if isinstance(p, str))]
    return "(" + " OR ".join(listed) + ")" if listed else "false"


def _contained_needs(root: str) -> tuple[str, str]:
    """SQL for the shared words and the share of the shorter sentence's content words a pair of
    this root needs to share content by containment (``contained``; its ``by_root`` for the
    strict roots of ``content_needed.by_root``, which otherwise never share content this way)."""
    needed = merge_rules()["content_needed"]
    contained = needed.get("contained")
    if not contained:
        return "NULL", "NULL"
    strict = sorted(needed.get("by_root") or {})
    own = contained.get("by_root") or {}

    def case(key: str, default: float) -> str:
        whens = " ".join(f"WHEN '{r}' THEN {float(own[r][key]) if r in own else 'NULL'}" for r in strict)
        return f"(CASE {root} {whens} ELSE {float(default)} END)" if strict else str(float(default))

    return case("words", contained["words"]), case("share", contained["share"])


def _contained() -> str:
    """The other way to share enough content: most of the shorter sentence's content words are
    in the longer one (a headline against a long lead sentence, whose Jaccard overlap is low)."""
    return "coalesce(len(shared) >= contained_words AND containment >= contained_share, false)"


def _min_overlap(root: str, default: float | None = None, across: str | None = None) -> str:
    """The content overlap a pair needs: more for roots whose mentions are many distinct acts
    (statements: each "said" is its own event), where shared names do not make up for it;
    ``default`` for the other roots (the rules' overlap when None, or the overlap of
    ``across_articles`` when ``across``, SQL: the two sides are of different articles)."""
    needed = merge_rules()["content_needed"]
    strict = needed.get("by_root") or {}
    otherwise = str(float(needed["overlap"] if default is None else default))
    wider = (needed.get("across_articles") or {}).get("overlap")
    if across is not None and default is None and wider is not None:
        otherwise = f"(CASE WHEN {across} THEN {float(wider)} ELSE {otherwise} END)"
    cases = " ".join(f"WHEN '{k}' THEN {float(v)}" for k, v in sorted(strict.items()))
    return f"(CASE {root} {cases} ELSE {otherwise} END)" if strict else otherwise


def _placed_across(a: str, b: str) -> str:
    """Two reports in different articles of one specific place (the same town, or towns within
    ``near_km``; not a country or region, which hold many events, nor a capital, where
    governments act): they need less shared content (``across_articles``)."""
    near = float(merge_rules()["near_km"])
    specific = "{0}.place_key IS NOT NULL AND NOT {0}.wide_place AND NOT {0}.seat_place"
    return (f"({a}.article_id <> {b}.article_id AND {specific.format(a)} AND {specific.format(b)}"
            f" AND ({a}.place_key = {b}.place_key OR coalesce({_km(a, b)} <= {near}, false)))")


def _words_needed(across: str) -> str:
    """The shared content words a pair needs (fewer across articles: ``across_articles``)."""
    needed = merge_rules()["content_needed"]
    wider = (needed.get("across_articles") or {}).get("words")
    if wider is None:
        return str(int(needed["words"]))
    return f"(CASE WHEN {across} THEN {int(wider)} ELSE {int(needed['words'])} END)"

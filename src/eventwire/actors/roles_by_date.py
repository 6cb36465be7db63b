"""Roles by date: which of a named person's or organisation's dated roles an article means.

With an article date the role held on that day counts (else the nearest in time); undated, the
role a written title names ("Secretary of State John Kerry"), else the role on the day the
article's other listed people held theirs (its time, ``ArticleContext.era``), else the latest.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from eventwire.actors.dictionary import PERSON, Entry, Named, Role, words
from eventwire.actors.evidence import Step, StepKind
from eventwire.actors.matching import Match


def days_from(role: Role, day: date) -> int:
    """Days between ``day`` and the span of ``role`` (0 when the role holds on that day)."""
    if role.start and day < role.start:
        return (role.start - day).days
    if role.end and day >= role.end:
        return (day - role.end).days + 1
    return 0


def prefer_people_of_the_date(match: Match, day: date | None) -> None:
    """'Bush' in 1990 is George H. W. Bush, in 2005 George W. Bush: of the people a name
    may mean, the one in office on the article date (else the nearest in time) comes first.
    """
    people = [e for e in match.entries if e.kind == PERSON and e.named]
    if len(people) < 2 or day is None:
        return
    people.sort(key=lambda e: min((days_from(r, day) for r in e.named.roles), default=0))
    match.entries = people + [e for e in match.entries if e not in people]


def nearest_role(named: Named, day: date | None) -> Role | None:
    """The role nearest the article date (the latest one with no date)."""
    if day is None or not named.roles:
        return named.role_on(None)
    return min(named.roles, key=lambda r: days_from(r, day))


def dated_role(named: Named, day: date | None) -> Role | None:
    """The role held on the article date, else the nearest in time (undated: the latest):
    what a party spoken for or a person's name in a phrase stands for."""
    return named.role_on(day) or nearest_role(named, day)


def choose_role(
    person: Named,
    day: date | None,
    title_country: str,
    title_sectors: list[str],
    steps: list[str],
    title_words: Sequence[tuple[Entry, str]] = (),
    era: date | None = None,
    years: Sequence[int] = (),
) -> Role | None:
    """The role on the article date; undated: the role a written title names, else the one
    of the article's time (``ArticleContext.era``) as on a date, else the latest. A generic
    title ("leader") names a role with its words only where it was held at the article's
    time, or in a year the text writes ("Labour leader Tony Blair ... in 2005" is not the
    Leader of the Opposition of 1994-97), when either is known."""
    if day is not None:
        return role_on_day(person, day, f"on {day.isoformat()}", steps)
    if title_sectors or title_country:
        fitting = roles_fitting(person, title_country, title_sectors, title_words)
        if generic_title(title_words) and (era is not None or years):
            fitting = [r for r in fitting if held_then(r, era, years)]
        if fitting:
            # "Secretary of State John Kerry": prefer the role whose title shares the words.
            written = {w for _, text in title_words for w in words(text)}
            role = max(
                fitting,
                key=lambda r: (len(written & set(words(r.title))), r.start or date.min),
            )
            note_role(steps, f"no article date: the title in the text fits the role {described(role)}")
            return role
    if era is not None and person.roles:
        when = f"no article date: in the article's time (its listed people in office on {era})"
        return role_on_day(person, era, when, steps)
    role = person.role_on(None)
    if role is not None:
        note_role(steps, f"no article date: most recent role {described(role)}")
    return role


def generic_title(title_words: Sequence[tuple[Entry, str]]) -> bool:
    """A title of generic role words alone ("leader", "chairman": flag ``member``)."""
    return bool(title_words) and all(e.agent and "member" in e.agent.flags for e, _ in title_words)


def held_then(role: Role, era: date | None, years: Sequence[int]) -> bool:
    """The role was held at the article's time ``era``, else in one of ``years``."""
    if era is not None:
        return role.holds_on(era)
    return any((role.start is None or role.start.year <= year)
               and (role.end is None or role.end.year >= year) for year in years)


def roles_fitting(
    person: Named,
    title_country: str,
    title_sectors: Sequence[str],
    title_words: Sequence[tuple[Entry, str]] = (),
) -> list[Role]:
    """The listed roles a written title can name: of its country and sharing a sector. A
    generic title alone ("leader", "chairman", "spokesman": flag ``member``) says no sector,
    so it names only a role whose title has its words ("Leader Michael Howard" is Leader of
    the Opposition, not his earlier Home Secretary)."""
    in_country = [r for r in person.roles if not title_country or r.country == title_country]
    if generic_title(title_words):
        written = {w for _, text in title_words for w in words(text)}
        return [r for r in in_country if written & set(words(r.title))]
    return [r for r in in_country if not title_sectors or set(title_sectors) & set(r.sectors)]


def written_role(
    person: Named, title_country: str, sectors: Sequence[str], written: str, steps: list[str]
) -> Role | None:
    """Undated, a title written with the name that fits none of the person's listed roles
    ("Tory co-chairman Liam Fox", listed only for a later office) says what the person was
    at the article's time: the title's sectors, in the title's country, else the one
    country of the listed roles. None when neither gives a country."""
    countries = {r.country for r in person.roles}
    country = title_country or (next(iter(countries)) if len(countries) == 1 else "")
    if not country or not sectors:
        return None
    role = Role(country, tuple(sectors), None, None, written)
    note_role(steps, (
        f"no article date: the title '{written}' in the text fits none of {person.name}'s "
        f"listed roles, so it says what they were then -> {role.actor_code}"
    ))
    return role


def role_on_day(person: Named, day: date, when: str, steps: list[str]) -> Role:
    """The role held on ``day``; after a role ended, a former office-holder (ELI); before
    the first, the earliest role. ``when`` says which day it is in the evidence."""
    role = person.role_on(day)
    if role is not None:
        note_role(steps, f"{when} {person.name} was {described(role, 'in office')}")
        return role
    ended = person.roles_ended_before(day)
    if ended:
        last = max(ended, key=lambda r: r.end or date.min)
        note_role(steps, (
            f"{when} {person.name} held no listed office; last role "
            f"{last.title or ''} ended {last.end} -> former office-holder, ELI"
        ))
        return Role(last.country, ("ELI",), last.end, None, "former " + last.title, last.code)
    first = min(person.roles, key=lambda r: r.start or date.min)
    note_role(steps, (
        f"{when} {person.name} held no listed office yet; "
        f"earliest role {first.title} ({first.span_words()})"
    ))
    return first


def described(role: Role, untitled: str = "") -> str:
    """A role in the evidence: its title, span and code."""
    return f"{role.title or untitled} ({role.span_words()}) -> {role.actor_code}"


def note_role(steps: list[str], text: str) -> None:
    """Writes why this role was chosen into the evidence."""
    steps.append(Step(StepKind.ROLE, text))

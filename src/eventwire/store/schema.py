"""The store's schema, as numbered migrations applied in order inside one transaction each.

``schema_version`` records the migrations applied; opening a store for writing applies the missing
ones, so a database written by an older eventwire is upgraded in place. Never edit a migration that
has shipped: add the next one.
"""

from __future__ import annotations

import duckdb

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "articles, events, mentions, actors",
        """
        CREATE TABLE articles (
            article_id   VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL,
            seq          BIGINT NOT NULL,      -- ingest order: "first seen" follows it
            title        VARCHAR,
            text         VARCHAR NOT NULL,
            date         DATE,
            url          VARCHAR,
            source       VARCHAR,
            language     VARCHAR,
            origin       VARCHAR,
            n_mentions   INTEGER NOT NULL
        );
        -- One row per real-world event: the mentions merged into it (see merge.py).
        -- No primary key: ids are unique by construction (merge.py), and an index on 10M
        -- random ids would cost more at insert than it saves on lookups.
        CREATE TABLE events (
            event_id         VARCHAR NOT NULL,
            global_event_id  BIGINT NOT NULL,  -- GDELT GLOBALEVENTID: event_id as an integer
            merge_key        VARCHAR,          -- CAMEO root | negated | source | target
            place_key        VARCHAR,
            date             DATE,
            date_precision   VARCHAR,
            cameo            VARCHAR NOT NULL,
            cameo_root       VARCHAR NOT NULL,
            quad_class       TINYINT NOT NULL,
            goldstein        DOUBLE NOT NULL,
            plover           VARCHAR,
            plover_mode      VARCHAR,
            negated          BOOLEAN NOT NULL,
            modality         VARCHAR,
            source_code      VARCHAR,
            source_country   VARCHAR,
            source_name      VARCHAR,
            source_sectors   VARCHAR[],
            target_code      VARCHAR,
            target_country   VARCHAR,
            target_name      VARCHAR,
            target_sectors   VARCHAR[],
            location_name    VARCHAR,
            location_country VARCHAR,
            lat              DOUBLE,
            lon              DOUBLE,
            geonameid        BIGINT,
            sentence         VARCHAR NOT NULL, -- the first-seen mention's sentence
            trigger          VARCHAR,
            is_root_event    BOOLEAN NOT NULL, -- first seen in the headline or lead
            first_mention_id VARCHAR NOT NULL,
            first_article_id VARCHAR NOT NULL,
            first_url        VARCHAR,
            first_seen       DATE,             -- publication date of the first-seen article
            num_mentions     INTEGER NOT NULL,
            num_sources      INTEGER NOT NULL,
            num_articles     INTEGER NOT NULL
        );
        -- One row per coded event record: an event as one sentence of one article states it.
        CREATE TABLE mentions (
            mention_id       VARCHAR NOT NULL,
            event_id         VARCHAR NOT NULL,
            coded_event_id   VARCHAR NOT NULL, -- the coder's event_id (CONTRACT.md record)
            article_id       VARCHAR NOT NULL,
            seq              BIGINT NOT NULL,
            publisher        VARCHAR,
            sentence_index   INTEGER NOT NULL,
            sentence         VARCHAR NOT NULL,
            in_title         BOOLEAN NOT NULL,
            sentence_start   INTEGER,          -- offsets in the article title or text
            trigger          VARCHAR,
            trigger_start    INTEGER,
            trigger_end      INTEGER,
            source_start     INTEGER,
            target_start     INTEGER,
            cameo            VARCHAR NOT NULL,
            cameo_root       VARCHAR NOT NULL,
            quad_class       TINYINT NOT NULL,
            goldstein        DOUBLE NOT NULL,
            plover           VARCHAR,
            plover_mode      VARCHAR,
            source_code      VARCHAR,
            target_code      VARCHAR,
            negated          BOOLEAN NOT NULL,
            modality         VARCHAR,
            date             DATE,
            date_precision   VARCHAR,
            location_name    VARCHAR,
            confidence       DOUBLE,
            coder_version    VARCHAR,
            record           JSON NOT NULL     -- the full CONTRACT.md event record
        );
        CREATE TABLE actors (
            code          VARCHAR NOT NULL,
            name          VARCHAR NOT NULL,    -- '' when the coder gave no canonical name
            country       VARCHAR,
            sectors       VARCHAR[],
            num_mentions  INTEGER NOT NULL,
            PRIMARY KEY (code, name)
        );
        """,
    ),
    (
        2,
        "mention_revisions: mentions superseded by a re-code",
        """
        CREATE TABLE mention_revisions (
            coded_event_id VARCHAR NOT NULL,
            article_id     VARCHAR NOT NULL,
            coder_version  VARCHAR,          -- the coder that produced this (superseded) record
            superseded_by  VARCHAR,          -- the coder version of the re-code that replaced it
            change         VARCHAR NOT NULL, -- 'recoded' or 'removed'
            record         JSON NOT NULL
        );
        """,
    ),
    (
        3,
        "merging by evidence: event_anchors, merge_evidence",
        """
        -- How later mentions find a stored event (merge.py): kind|negated|anchor on a day, where
        -- an anchor is an actor's country (or code), the place's country (or name), or a name.
        CREATE TABLE event_anchors (
            key      VARCHAR NOT NULL,
            date     DATE NOT NULL,
            event_id VARCHAR NOT NULL
        );
        -- Why a mention joined its event: the stored event or earlier mention it linked to.
        CREATE TABLE merge_evidence (
            mention_id  VARCHAR NOT NULL,
            event_id    VARCHAR NOT NULL,
            linked_to   VARCHAR NOT NULL,  -- an event_id or a mention_id
            linked_kind VARCHAR NOT NULL,  -- 'event' or 'mention'
            score       DOUBLE NOT NULL,
            evidence    JSON NOT NULL      -- actors, place, days_apart, shared words, ...
        );
        -- Events stored before: the new merge key (CAMEO root | negated) and their actor and
        -- place anchors (names in sentences are not backfilled).
        UPDATE events SET merge_key = cameo_root || '|' || CAST(negated AS INTEGER);
        INSERT INTO event_anchors
        SELECT merge_key || '|' || anchor, date, event_id FROM (
            SELECT merge_key, date, event_id, unnest(list_distinct(list_filter([
                coalesce(source_country, source_code), coalesce(target_country, target_code),
                coalesce(location_country, CAST(geonameid AS VARCHAR), lower(trim(location_name)))],
                lambda a: a IS NOT NULL))) AS anchor
            FROM events WHERE date IS NOT NULL);
        """,
    ),
    (
        4,
        "event_counts: how many killed, injured, ... per event, reconciled across mentions",
        """
        -- One row per event whose mentions give counts (store/counts.py): best estimate, low, high.
        -- The event's filter columns are copied in, so that sums over a selection (killed per
        -- month for a dyad) read this small table alone, with the API's filters as they are.
        CREATE TABLE event_counts (
            event_id          VARCHAR NOT NULL,
            date              DATE,
            cameo             VARCHAR,
            plover            VARCHAR,
            quad_class        TINYINT,
            source_code       VARCHAR,
            source_name       VARCHAR,
            source_country    VARCHAR,
            target_code       VARCHAR,
            target_name       VARCHAR,
            target_country    VARCHAR,
            location_country  VARCHAR,
            lat               DOUBLE,
            lon               DOUBLE,
            killed BIGINT,       killed_low BIGINT,       killed_high BIGINT,
            injured BIGINT,      injured_low BIGINT,      injured_high BIGINT,
            arrested BIGINT,     arrested_low BIGINT,     arrested_high BIGINT,
            displaced BIGINT,    displaced_low BIGINT,    displaced_high BIGINT,
            kidnapped BIGINT,    kidnapped_low BIGINT,    kidnapped_high BIGINT,
            participants BIGINT, participants_low BIGINT, participants_high BIGINT,
            toll BIGINT,         toll_low BIGINT,         toll_high BIGINT,
            n_reports         INTEGER NOT NULL  -- mentions that gave a count
        );
        """,
    ),
    (
        5,
        "event_anchors: the actors' countries of each anchor's event",
        """
        -- The candidate join (merge.py) keeps only stored events whose dyad agrees with the
        -- mention's: without them each anchor (one country) matches most of a large store.
        ALTER TABLE event_anchors ADD COLUMN src VARCHAR;  -- the event's source_country
        ALTER TABLE event_anchors ADD COLUMN tgt VARCHAR;  -- the event's target_country
        UPDATE event_anchors SET src = e.source_country, tgt = e.target_country
        FROM events e WHERE e.event_id = event_anchors.event_id;
        """,
    ),
    (
        6,
        "event_anchors: whether each anchor's event is dated by its publication day",
        """
        -- A day a sentence states may precede another report's publication day by up to
        -- merge_rules.yaml days.lag: merge.py looks that far only for events dated by their
        -- article's publication day (the time stage's fallback: the latest the event can be),
        -- not for all. The test is merge_scoring.sentence_day_sql's, negated, as of this version.
        ALTER TABLE event_anchors ADD COLUMN published BOOLEAN;
        UPDATE event_anchors
        SET published = NOT coalesce(e.date <> e.first_seen, e.date IS NOT NULL)
        FROM events e WHERE e.event_id = event_anchors.event_id;
        """,
    ),
]

LATEST_VERSION = MIGRATIONS[-1][0]


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied, 0 for an empty database."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()[0][0]
    if not exists:
        return 0
    return int(con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0] or 0)


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the missing migrations, each in its own transaction; return the schema version."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR)"
    ).fetchall()
    current = schema_version(con)
    if current > LATEST_VERSION:
        raise RuntimeError(
            f"the database has schema version {current}, newer than this eventwire "
            f"({LATEST_VERSION}): upgrade eventwire"
        )
    for version, name, statements in MIGRATIONS:
        if version <= current:
            continue
        con.execute("BEGIN TRANSACTION").fetchall()
        try:
            con.execute(statements).fetchall()
            con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, name]).fetchall()
            con.execute("COMMIT").fetchall()
        except Exception:
            con.execute("ROLLBACK").fetchall()
            raise
    return LATEST_VERSION

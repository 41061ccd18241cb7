"""interaction_search: full-text indexes for the archive search (desktop/queries/search.py)

Every interaction ever stored is found by the words of the post it concerns and by the
person's names and handles, accents and case folded, word prefixes matching.

SQLite: FTS5 tables over the content that is already stored (no text is copied):
`interaction_search` over interactions.post_text and `person_search` over
persons.display_name, both with `unicode61 remove_diacritics 2` (case and accents folded
when indexing and when querying). Rows without a post are not indexed. `person_search` is
kept by triggers like identity_search (migration 0005), which already covers identities'
names and handles. `interaction_search` is not written by an insert trigger: that made
every insert of an interaction twice as slow, and ingest is the hot path. New rows are
indexed after the writes instead, in batches (desktop/store/search_index.py): every
interaction up to `interaction_search_done.through_id` is indexed, and a search first
indexes what is newer. Triggers still take deleted and edited posts out of the index when
they were in it, and bring `through_id` down when the newest rows are deleted, since
SQLite gives their ids to the next rows inserted.

PostgreSQL: nothing outside the stock server (no extension): `reciprocity_fold(text)` folds
case and accents with built-ins (NFKD, combining marks dropped, lower case, punctuation made
spaces, so handles and URLs split into words as on SQLite); `reciprocity_search_doc(text)`
makes a 'simple' tsvector of that (without positions: no phrase search). Interactions keep
it in a generated column, `search_doc` (PostgreSQL only, not in the models: the ORM never
writes it), because the newest-first search of a common word checks rows one by one, and
folding each post again cost 15 µs a row against 0.5 µs for reading the stored words. GIN
indexes hold the words of posts, of identities' names and handles, and of persons' names.
Adding the column rewrites the table: about a minute per million interactions.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# The row was indexed already (an older one is indexed by the next catch-up).
_INDEXED = "old.id <= (SELECT through_id FROM interaction_search_done)"
SQLITE = [
    "CREATE VIRTUAL TABLE interaction_search USING fts5("
    "post_text, content='interactions', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO interaction_search(rowid, post_text)"
    " SELECT id, post_text FROM interactions WHERE post_text != ''",
    "CREATE TABLE interaction_search_done ("
    " id INTEGER PRIMARY KEY CHECK (id = 1), through_id INTEGER NOT NULL)",
    "INSERT INTO interaction_search_done (id, through_id)"
    " SELECT 1, coalesce(max(id), 0) FROM interactions",
    f"CREATE TRIGGER interaction_search_delete AFTER DELETE ON interactions BEGIN"
    " INSERT INTO interaction_search(interaction_search, rowid, post_text)"
    f" SELECT 'delete', old.id, old.post_text WHERE old.post_text != '' AND {_INDEXED};"
    " UPDATE interaction_search_done SET through_id = (SELECT coalesce(max(id), 0)"
    " FROM interactions) WHERE through_id > (SELECT coalesce(max(id), 0) FROM interactions);"
    " END",
    "CREATE TRIGGER interaction_search_update AFTER UPDATE OF post_text ON interactions"
    f" WHEN {_INDEXED} BEGIN"
    " INSERT INTO interaction_search(interaction_search, rowid, post_text)"
    " SELECT 'delete', old.id, old.post_text WHERE old.post_text != '';"
    " INSERT INTO interaction_search(rowid, post_text)"
    " SELECT new.id, new.post_text WHERE new.post_text != ''; END",
    "CREATE VIRTUAL TABLE person_search USING fts5("
    "display_name, content='persons', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO person_search(rowid, display_name)"
    " SELECT id, display_name FROM persons WHERE display_name != ''",
    "CREATE TRIGGER person_search_insert AFTER INSERT ON persons"
    " WHEN new.display_name != '' BEGIN"
    " INSERT INTO person_search(rowid, display_name) VALUES (new.id, new.display_name); END",
    "CREATE TRIGGER person_search_delete AFTER DELETE ON persons"
    " WHEN old.display_name != '' BEGIN"
    " INSERT INTO person_search(person_search, rowid, display_name)"
    " VALUES ('delete', old.id, old.display_name); END",
    "CREATE TRIGGER person_search_update AFTER UPDATE OF display_name ON persons BEGIN"
    " INSERT INTO person_search(person_search, rowid, display_name)"
    " SELECT 'delete', old.id, old.display_name WHERE old.display_name != '';"
    " INSERT INTO person_search(rowid, display_name)"
    " SELECT new.id, new.display_name WHERE new.display_name != ''; END",
]
SQLITE_TRIGGERS = [
    "interaction_search_delete",
    "interaction_search_update",
    *(f"person_search_{event}" for event in ("insert", "delete", "update")),
]

# Combining marks of the Latin, Greek and Cyrillic diacritics (what NFKD splits off).
MARKS = r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
# ASCII text (octet length = character length) has no accents: NFKD is skipped for it.
FOLD = """
CREATE OR REPLACE FUNCTION {schema}.reciprocity_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
SELECT pg_catalog.regexp_replace(
    pg_catalog.lower(
        CASE WHEN pg_catalog.octet_length(value) = pg_catalog.length(value) THEN value
        ELSE pg_catalog.regexp_replace(pg_catalog.normalize(value, 'NFKD'), '{marks}', '', 'g')
        END),
    '[[:punct:]]+', ' ', 'g')
$$"""
# PL/pgSQL, so it is never inlined and its COST stands: with the cost of a plain SQL
# function the planner chose to compute it for every row of a scan over identities.
DOC = """
CREATE OR REPLACE FUNCTION {schema}.reciprocity_search_doc(value text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
BEGIN
    RETURN pg_catalog.strip(pg_catalog.to_tsvector(
        'pg_catalog.simple'::pg_catalog.regconfig,
        {schema}.reciprocity_fold(pg_catalog.left(value, 20000))));
END
$$"""
POSTGRESQL = [
    "ALTER TABLE interactions ADD COLUMN search_doc tsvector"
    " GENERATED ALWAYS AS (reciprocity_search_doc(post_text)) STORED",
    "CREATE INDEX ix_interactions_search ON interactions USING gin (search_doc)",
    "CREATE INDEX ix_identities_search ON identities"
    " USING gin (reciprocity_search_doc(display_name || ' ' || handle))",
    "CREATE INDEX ix_persons_search ON persons USING gin (reciprocity_search_doc(display_name))",
    # The planner's statistics of the indexed expressions: how common each word is.
    "ANALYZE interactions",
    "ANALYZE identities",
    "ANALYZE persons",
]
POSTGRESQL_INDEXES = ["ix_interactions_search", "ix_identities_search", "ix_persons_search"]


def _quoted_schema() -> str:
    bind = op.get_bind()
    schema = bind.exec_driver_sql("SELECT current_schema()").scalar()
    return bind.dialect.identifier_preparer.quote_identifier(str(schema))


def upgrade() -> None:
    name = op.get_bind().dialect.name
    if name == "sqlite":
        for statement in SQLITE:
            op.execute(statement)
    elif name == "postgresql":
        # Named with their schema inside each other, so that an index rebuilt with another
        # search_path (pg_restore runs with an empty one) still finds the fold.
        schema = _quoted_schema()
        op.execute(FOLD.format(schema=schema, marks=MARKS))
        op.execute(DOC.format(schema=schema))
        for statement in POSTGRESQL:
            op.execute(statement)


def downgrade() -> None:
    name = op.get_bind().dialect.name
    if name == "sqlite":
        for trigger in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS person_search")
        op.execute("DROP TABLE IF EXISTS interaction_search_done")
        op.execute("DROP TABLE IF EXISTS interaction_search")
    elif name == "postgresql":
        for index in POSTGRESQL_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {index}")
        op.execute("ALTER TABLE interactions DROP COLUMN IF EXISTS search_doc")
        op.execute("DROP FUNCTION IF EXISTS reciprocity_search_doc(text)")
        op.execute("DROP FUNCTION IF EXISTS reciprocity_fold(text)")

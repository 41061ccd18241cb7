"""identity_search: a full-text index of names and handles for people search (SQLite)

Word-prefix search ("mar" finds "María López" and "@mario@…") was a LIKE '% mar%' over every
identity: a scan. FTS5 answers it from an index. Other databases keep the LIKE search.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

STATEMENTS = [
    "CREATE VIRTUAL TABLE identity_search USING fts5("
    "search_key, content='identities', content_rowid='id', tokenize='unicode61')",
    "INSERT INTO identity_search(identity_search) VALUES ('rebuild')",
    "CREATE TRIGGER identity_search_insert AFTER INSERT ON identities BEGIN "
    "INSERT INTO identity_search(rowid, search_key) VALUES (new.id, new.search_key); END",
    "CREATE TRIGGER identity_search_delete AFTER DELETE ON identities BEGIN "
    "INSERT INTO identity_search(identity_search, rowid, search_key) "
    "VALUES ('delete', old.id, old.search_key); END",
    "CREATE TRIGGER identity_search_update AFTER UPDATE OF search_key ON identities BEGIN "
    "INSERT INTO identity_search(identity_search, rowid, search_key) "
    "VALUES ('delete', old.id, old.search_key); "
    "INSERT INTO identity_search(rowid, search_key) VALUES (new.id, new.search_key); END",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("identity_search_update", "identity_search_delete", "identity_search_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS identity_search")

"""An export reaches years back: what is older than a month when imported is history (in
the ledger, not on the list of who to thank); what is recent waits for a thank-you."""

import zipfile
from datetime import UTC, datetime, timedelta

from desktop.app.archive_import import HISTORY_DAYS, import_archive
from desktop.app.services import Services


def linkedin_export(path, connections):
    rows = "\n".join(
        f"{first},{last},https://www.linkedin.com/in/{first.lower()},,,,{when:%d %b %Y}"
        for first, last, when in connections
    )
    text = (
        'Notes:\n"Some email addresses are missing."\n\n'
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + rows + "\n"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Basic_LinkedInDataExport_12-01-2026/Connections.csv", text)
    return path


def test_old_connections_are_history_and_recent_ones_are_pending(store, tmp_path):
    today = datetime.now(UTC)
    export = linkedin_export(
        tmp_path / "linkedin.zip",
        [
            ("Begoña", "Ruiz", today - timedelta(days=2)),
            ("Ramón", "Díaz", today - timedelta(days=HISTORY_DAYS + 5)),
            ("Carmen", "Ortega", datetime(2019, 5, 3, tzinfo=UTC)),
        ],
    )
    result = import_archive(store, "linkedin", export)
    assert result.new == 3
    services = Services(store)
    assert [p.name for p in services.pending()] == ["Begoña Ruiz"]
    people = {p.name: p for p in services.people()}
    assert set(people) == {"Begoña Ruiz", "Ramón Díaz", "Carmen Ortega"}
    assert people["Carmen Ortega"].inbound == 1  # the ledger keeps the history
    again = import_archive(store, "linkedin", export)
    assert again.new == 0 and [p.name for p in services.pending()] == ["Begoña Ruiz"]


def test_x_follows_bear_the_archive_date_and_are_history(store, tmp_path):
    from connectors.test_x_archive import generated, make_archive

    fresh = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    export = make_archive(
        tmp_path / "x.zip", [], followers=["101", "102", "103"], manifest=generated(fresh)
    )
    result = import_archive(store, "x", export)
    assert result.counts == {"inbound": {"follow": 3}}
    assert Services(store).pending() == []  # undated: not three people to thank today
    assert len(Services(store).people()) == 3


def test_an_export_with_more_people_than_sqlite_has_variables(store, tmp_path):
    """33,000 old followers: settled in SQL, not in one IN list (SQLite stops at 32,766)."""
    import json

    followers = [
        {
            "title": "",
            "media_list_data": [],
            "string_list_data": [
                {"href": f"https://www.instagram.com/u{i}", "value": f"u{i}", "timestamp": 1.6e9}
            ],
        }
        for i in range(33_000)
    ]
    path = tmp_path / "instagram.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "connections/followers_and_following/followers_1.json", json.dumps(followers)
        )
    assert import_archive(store, "instagram", path).new == 33_000
    services = Services(store)
    assert services.pending() == [] and services.people_count() == 33_000

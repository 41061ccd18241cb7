"""LinkedIn's data export read into interactions (desktop.connectors.archives.linkedin).

The zips are built here, small and synthetic, in the shapes real exports have been seen in:

- Connections.csv `First Name,Last Name,URL,Email Address,Company,Position,Connected On`
  after a three-line "Notes:" preamble, dates like `08 Feb 2026`: szabgab/linkedin-csv.rs
  src/lib.rs (serde structs with deny_unknown_fields, the preamble quoted in a comment);
  Thanh-To/linkedin-network-visualization PR #2 (2025-12: URL, Position and Connected On
  were added). Older exports: `First Name,Last Name,Email Address,Company,Position,
  Connected On` without URL (a LinkedIn export parser's docstring found by code search),
  and Apache Streams' LinkedIn templates (Connections and Messages.csv dated
  `MM/dd/YY, HH:mm a`; Messages.csv `From,To,Date,Subject,Content,Direction,Folder`, the
  2020 header also in adeshpande3/Facebook-Messenger-Bot PR #54).
- messages.csv `CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT
  PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,...`, DATE
  `2024-10-26 11:43:11 UTC`: linkedin-csv.rs; dwinter3/keep-it-krispy issue #55 (a real
  export's rows); a LinkedIn export format write-up in the code corpus (section 2.2,
  drafts and the last columns optional).
- Invitations.csv `From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl`,
  Sent At `1/29/26, 2:37 PM`, Direction INCOMING / OUTGOING: linkedin-csv.rs; the same
  write-up (section 2.3); a LinkedIn format reference doc lists the first five columns only.
- Shares.csv `Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility`, Comments.csv
  `Date,Link,Message`, Reactions.csv `Date,Type,Link`, dated `2026-02-09 01:21:47`, split
  into Comments_<n>.csv and so on in large exports: linkedin-csv.rs (Shares); a DuckDB
  importer's prefix table; a Rust ingester's end-to-end test, which also shows Comments.csv
  escaping quotes with a backslash (\\") where Shares.csv doubles them ("").
- Profile.csv `First Name,Last Name,Maiden Name,Address,Birth Date,Headline,...`: no
  profile address (the format reference doc; several parsers).
- Folders `Basic_LinkedInDataExport_MM-DD-YYYY` / `Complete_...`, byte-order marks:
  /work/shared/research/closed-networks.md section 1.1 and its sources.
"""

from __future__ import annotations

import sqlite3
import zipfile
from collections import Counter
from contextlib import closing
from datetime import UTC, datetime

import pytest

from desktop.app.archive_import import import_archive
from desktop.connectors.archives import read_archive
from desktop.connectors.archives.linkedin_csv import profile, when
from desktop.connectors.base import BadResponse
from desktop.core.events import Actor

FOLDER = "Basic_LinkedInDataExport_12-01-2026/"
ANA = "https://www.linkedin.com/in/Ana-Garcia"
BEN = "https://www.linkedin.com/in/ben-okafor-3b2a91"
ME = "https://www.linkedin.com/in/marta-ruiz"


def crlf(*lines: str) -> str:
    return "\r\n".join(lines) + "\r\n"


PROFILE = crlf(
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    "Geo Location,Twitter Handles,Websites,Instant Messengers",
    'Marta,Ruiz,,,,"Community builder, Madrid",,Internet,,Madrid,,,',
)
CONNECTIONS = crlf(
    "Notes:",
    '"When exporting your connection data, you may notice that some of the email addresses'
    ' are missing. You will only see email addresses for connections who have allowed it."',
    "",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    f'Ana,García,{ANA}/,,"Acme, Inc.",Engineer,01 Jan 2024',
    f'Ben,Okafor,{BEN}?trk=x,ben@example.org,Contoso,"Director, People",14 Nov 2019',
    "Clara,Núñez,,,,,08 Feb 2026",
    "Dan,Lee,https://www.linkedin.com/in/danlee,,,,sometime",
)
INVITATIONS = crlf(
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl",
    'Eva Stone,Marta Ruiz,"1/29/26, 2:37 PM","INVITE-NOTE: loved your talk, let\'s connect",'
    f"INCOMING,https://www.linkedin.com/in/evastone,{ME}",
    f'Marta Ruiz,Ana García,"3/5/24, 9:05 AM",,OUTGOING,{ME},{ANA.lower()}',
)
MESSAGES = crlf(
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,"
    "SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT",
    f"2-YWJj==,,Ben Okafor,{BEN},Marta Ruiz,{ME},2025-06-01 14:05:00 UTC,,"
    '"SECRET-BODY-2 said ""hi""\r\nover two lines",INBOX,,No,No',
    f"2-YWJj==,,Ben Okafor,{BEN},Marta Ruiz,{ME},2025-06-01 14:03:22 UTC,,"
    '"SECRET-BODY-1: thanks for the intro, free Thursday?",INBOX,,No,No',
    f"2-YWJj==,,Marta Ruiz,{ME},Ben Okafor,{BEN},2025-06-02 08:00:00 UTC,,"
    "SECRET-BODY-3,INBOX,,No,No",
    f'2-Z3Jw==,SECRET-TITLE,Marta Ruiz,{ME},"Ana García,Ben Okafor","{ANA},{BEN}",'
    "2025-06-03 10:00:00 UTC,SECRET-SUBJECT,SECRET-BODY-4,INBOX,,No,No",
    f"2-eHl6==,,LinkedIn Member,,Marta Ruiz,{ME},2025-06-04 10:00:00 UTC,,"
    "SECRET-BODY-5,INBOX,,No,No",
    f"2-YWJj==,,Marta Ruiz,{ME},Ben Okafor,{BEN},2025-06-05 10:00:00 UTC,,"
    "SECRET-BODY-6,INBOX,,Yes,No",
)
SHARES = crlf(
    "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility",
    "2026-02-09 01:21:47,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7448081445065035776,"
    '"Check out ""this"" article\r\nand more",https://example.com/article,,PUBLIC',
    "2026-02-10 09:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A745,Hello,,,"
    "MEMBER_NETWORK",
)
COMMENTS = crlf(
    "Date,Link,Message",
    "2026-04-30 15:32:07,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A74017,"
    '"Back when I led the \\"tea, Earl Grey\\" team,\r\n\r\nit was hot."',
    "2026-05-08 09:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A74018,Agreed.",
)
REACTIONS = crlf(
    "Date,Type,Link",
    "2026-09-05 09:50:45,LIKE,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A74019",
)

NEW_EXPORT = {
    "Profile.csv": PROFILE,
    "Connections.csv": CONNECTIONS,
    "Invitations.csv": INVITATIONS,
    "messages.csv": MESSAGES,
    "Shares.csv": SHARES,
    "Comments_17529409.csv": COMMENTS,
    "Reactions.csv": REACTIONS,
    "InstantReposts_000.csv": "Date,Link\r\n2026-03-01 10:00:00,https://www.linkedin.com/feed/"
    "update/urn%3Ali%3Aactivity%3A74020\r\n",
    "Skills.csv": "Name\r\nCommunity\r\n",
}


def make_export(path, files, *, folder=FOLDER, bom=True):
    with zipfile.ZipFile(path, "w") as z:
        for name, text in files.items():
            z.writestr(folder + name, ("\ufeff" if bom else "") + text)
    return path


def events(read):
    return sorted(
        (e.kind.value, e.direction.value, e.actor.stable_id, e.occurred_at)
        for e in read.page.interactions
    )


def at(*args):
    return datetime(*args, tzinfo=UTC)


def test_a_recent_export_becomes_interactions(tmp_path):
    read = read_archive(make_export(tmp_path / "li.zip", NEW_EXPORT), "linkedin")
    assert read.network == "linkedin"
    assert read.me == Actor("linkedin", "name:marta ruiz", "Marta Ruiz", "Marta Ruiz")
    assert events(read) == [
        ("follow", "inbound", "in/ana-garcia", at(2024, 1, 1)),
        ("follow", "inbound", "in/ben-okafor-3b2a91", at(2019, 11, 14)),
        ("follow", "inbound", "in/evastone", at(2026, 1, 29, 14, 37)),
        ("follow", "inbound", "name:clara núñez", at(2026, 2, 8)),
        ("follow", "outbound", "in/ana-garcia", at(2024, 3, 5, 9, 5)),
        # Two messages from Ben that day: one reply, at the first one's time.
        ("reply", "inbound", "in/ben-okafor-3b2a91", at(2025, 6, 1, 14, 3, 22)),
        ("reply", "outbound", "in/ana-garcia", at(2025, 6, 3, 10)),
        ("reply", "outbound", "in/ben-okafor-3b2a91", at(2025, 6, 2, 8)),
        ("reply", "outbound", "in/ben-okafor-3b2a91", at(2025, 6, 3, 10)),
    ]
    people = {e.actor.stable_id: e.actor for e in read.page.interactions}
    # One actor per person across files: the connection's name and address win.
    assert people["in/ana-garcia"] == Actor(
        "linkedin", "in/ana-garcia", "in/ana-garcia", "Ana García", ANA
    )
    assert people["in/evastone"].display_name == "Eva Stone"
    assert people["name:clara núñez"] == Actor(
        "linkedin", "name:clara núñez", "Clara Núñez", "Clara Núñez", ""
    )
    assert all(e.post is None for e in read.page.interactions)
    assert read.page.skipped == Counter(
        {
            "unreadable date": 1,
            "message from a hidden member": 1,
            "draft message": 1,
            "own posts": 2,
            "comment without author": 2,
            "reaction without author": 1,
            "repost without author": 1,
        }
    )
    assert read.page.warnings == ["1 person has no profile address in the export: kept by name"]
    assert len(read.missing) == 4
    assert any("followers" in sentence for sentence in read.missing)
    ids = {e.external_id for e in read.page.interactions}
    assert len(ids) == 9
    assert {
        "li:connection:in/ana-garcia:2024-01-01",
        "li:invitation:in/evastone:2026-01-29T14:37",
        "li:message:in:2-YWJj==:in/ben-okafor-3b2a91:2025-06-01",
        "li:message:out:2-Z3Jw==:in/ana-garcia:2025-06-03",
    } <= ids


def test_older_exports_without_addresses_or_preamble(tmp_path):
    files = {
        "Profile.csv": "First Name,Last Name,Maiden Name,Created Date,Address,Birth Date,"
        "Contact Instructions,Marital Status,Headline,Summary,Industry,Association\n"
        "Marta,Ruiz,,1/2/12,,,,,Builder,,,\n",
        # Columns in another order and case, no URL, no preamble, LF line ends.
        "Connections.csv": "connected on,FIRST NAME,last name,Email Address,Company,Position\n"
        '"1/15/20, 2:30 PM",Ana,García,,Acme,Engineer\n',
        "Invitations.csv": "From,To,Sent At,Message,Direction\n"
        'Ana García,Marta Ruiz,"1/10/20, 11:00 AM",,INCOMING\n',
        "messages.csv": "FROM,TO,DATE,SUBJECT,CONTENT,DIRECTION,FOLDER\n"
        'Ben Okafor,Marta Ruiz,"2/3/20, 12:15 AM",,SECRET,INCOMING,INBOX\n'
        'Marta Ruiz,"Okafor, Ben","2/3/20, 12:30 PM",,SECRET,OUTGOING,SENT\n',
    }
    read = read_archive(make_export(tmp_path / "old.zip", files, bom=False))
    assert events(read) == [
        ("follow", "inbound", "name:ana garcía", at(2020, 1, 10, 11)),
        ("follow", "inbound", "name:ana garcía", at(2020, 1, 15, 14, 30)),
        ("reply", "inbound", "name:ben okafor", at(2020, 2, 3, 0, 15)),
        ("reply", "outbound", "name:okafor, ben", at(2020, 2, 3, 12, 30)),
    ]
    assert read.page.warnings == ["3 people have no profile address in the export: kept by name"]


def test_who_i_am_in_messages_without_invitations(tmp_path):
    header = "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT\n"
    me, ana = ME, ANA
    rows = (
        f"c1,Marta Ruiz,{me},Ana,{ana},2025-01-01 10:00:00 UTC,x\n"
        f"c1,Ana,{ana},Marta Ruiz,{me},2025-01-01 11:00:00 UTC,x\n"
        f"c2,Ben,{BEN},Marta Ruiz,{me},2025-01-02 10:00:00 UTC,x\n"
    )
    # No Profile.csv: I am the one in more conversations than anyone else.
    read = read_archive(make_export(tmp_path / "a.zip", {"messages.csv": header + rows}))
    assert read.me is None
    assert [(k, d, who) for k, d, who, _ in events(read)] == [
        ("reply", "inbound", "in/ana-garcia"),
        ("reply", "inbound", "in/ben-okafor-3b2a91"),
        ("reply", "outbound", "in/ana-garcia"),
    ]
    # One conversation of two and nothing else to go by: no way to tell who is who.
    only = {"messages.csv": header + rows.splitlines(keepends=True)[0]}
    read = read_archive(make_export(tmp_path / "b.zip", only))
    assert read.page.interactions == []
    assert read.page.skipped == Counter({"message without a known direction": 1})
    # With Profile.csv, my name says it.
    only["Profile.csv"] = PROFILE
    read = read_archive(make_export(tmp_path / "c.zip", only))
    assert [(k, d, who) for k, d, who, _ in events(read)] == [
        ("reply", "outbound", "in/ana-garcia")
    ]


def test_importing_twice_or_an_overlapping_export_adds_nothing_twice(store, tmp_path):
    path = make_export(tmp_path / "li.zip", NEW_EXPORT)
    first = import_archive(store, "linkedin", path)
    assert (first.new, first.known) == (9, 0)
    assert first.people == 4
    assert first.counts == {
        "inbound": {"follow": 4, "reply": 1},
        "outbound": {"follow": 1, "reply": 3},
    }
    assert first.skipped["own posts"] == 2
    assert first.first == at(2019, 11, 14) and first.last == at(2026, 2, 8)
    again = import_archive(store, "linkedin", path)
    assert (again.new, again.known, again.account_id) == (0, 9, first.account_id)
    # A newer export, in the other folder, another time format: only the new connection.
    newer = dict(NEW_EXPORT)
    newer["Connections.csv"] = CONNECTIONS + crlf(
        "Fay,Wong,https://www.linkedin.com/in/faywong,,,,02 Dec 2026"
    )
    newer["Invitations.csv"] = INVITATIONS.replace('"1/29/26, 2:37 PM"', '"01/29/2026, 02:37 PM"')
    later = make_export(
        tmp_path / "newer.zip", newer, folder="Complete_LinkedInDataExport_12-03-2026/"
    )
    third = import_archive(store, "linkedin", later)
    assert (third.new, third.known, third.account_id) == (1, 9, first.account_id)


def test_message_bodies_and_notes_are_never_stored(store, tmp_path):
    import_archive(store, "linkedin", make_export(tmp_path / "li.zip", NEW_EXPORT))
    with closing(sqlite3.connect(tmp_path / "store" / "reciprocity.db")) as db:
        dump = "\n".join(db.iterdump())
        texts = db.execute(
            "SELECT post_url, post_text FROM interactions WHERE kind = 'reply'"
        ).fetchall()
    assert "Ben Okafor" in dump  # the dump does hold the people
    for secret in ("SECRET-BODY", "SECRET-TITLE", "SECRET-SUBJECT", "INVITE-NOTE", "Earl Grey"):
        assert secret not in dump
    assert texts and set(texts) == {("", "")}


def test_an_x_archive_asked_as_linkedin_is_refused(store, tmp_path):
    path = tmp_path / "twitter.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("data/tweets.js", "window.YTD.tweets.part0 = []")
    with pytest.raises(BadResponse, match=r"^twitter\.zip is an export of X, not of LinkedIn$"):
        import_archive(store, "linkedin", path)


def test_a_linkedin_export_is_recognised_without_being_named(tmp_path):
    files = {"Connections.csv": CONNECTIONS}
    assert read_archive(make_export(tmp_path / "li.zip", files)).network == "linkedin"


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("Connections.csv", CONNECTIONS + 'Gil,"Unclosed,,,,,01 Jan 2024\r\n', 9),
        ("Invitations.csv", INVITATIONS.replace('"3/5/24, 9:05 AM"', '"3/5/24" 9:05 AM'), 3),
    ],
)
def test_a_broken_quote_is_one_line_naming_the_file(tmp_path, name, text, line):
    path = make_export(tmp_path / "li.zip", {**NEW_EXPORT, name: text})
    with pytest.raises(BadResponse) as caught:
        read_archive(path, "linkedin")
    said = str(caught.value)
    assert said == f"{FOLDER}{name} in li.zip is not valid CSV (line {line}): the export is damaged"
    assert "\n" not in said


def test_a_file_of_an_unknown_shape_is_a_warning(tmp_path):
    files = {"Connections.csv": "Vorname,Nachname,Verbunden am\nAna,García,01.01.2024\n"}
    read = read_archive(make_export(tmp_path / "li.zip", files))
    assert read.page.interactions == []
    assert read.page.warnings == [
        "Connections.csv has none of the columns Reciprocity reads: left out"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08 Feb 2026", at(2026, 2, 8)),
        ("8 feb 2026", at(2026, 2, 8)),
        ("2025-06-01 14:03:22 UTC", at(2025, 6, 1, 14, 3, 22)),
        ("2026-05-01 09:00 UTC", at(2026, 5, 1, 9)),
        ("2026-02-09 01:21:47", at(2026, 2, 9, 1, 21, 47)),
        ("2024/02/01 15:02:55 UTC", at(2024, 2, 1, 15, 2, 55)),
        ("2025-01-01", at(2025, 1, 1)),
        ("2024-01-15T14:30:00+01:00", at(2024, 1, 15, 13, 30)),
        ("1/29/26, 2:37 PM", at(2026, 1, 29, 14, 37)),
        ("1/29/26, 12:05 AM", at(2026, 1, 29, 0, 5)),
        ("12/31/2019, 12:30 pm", at(2019, 12, 31, 12, 30)),
        ("1/15/2020", at(2020, 1, 15)),
        ("2/30/24", None),
        ("31 Foo 2024", None),
        ("", None),
        ("soon", None),
    ],
)
def test_dates_in_the_forms_the_files_use(text, expected):
    assert when(text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (ANA + "/?trk=x", ("in/ana-garcia", ANA)),
        (
            "http://es.linkedin.com/in/jos%C3%A9",
            ("in/josé", "https://www.linkedin.com/in/jos%C3%A9"),
        ),
        ("linkedin.com/in/bob", ("in/bob", "https://www.linkedin.com/in/bob")),
        ("https://www.linkedin.com/", None),
        ("https://evillinkedin.com/in/x", None),
        ("https://example.com/in/x", None),
        ("", None),
    ],
)
def test_profile_addresses_are_keyed_by_their_path(url, expected):
    assert profile(url) == expected

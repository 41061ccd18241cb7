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

from datetime import UTC, datetime

import pytest

from desktop.connectors.archives.linkedin_csv import profile, when

ANA = "https://www.linkedin.com/in/Ana-Garcia"


def at(*args):
    return datetime(*args, tzinfo=UTC)


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

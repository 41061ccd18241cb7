"""`reciprocity search`: the archive search from the command line, its JSON and its pages."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from factories import ANA, BEN, CLARA, add, ev
from sqlalchemy import select

from desktop.cli.main import main
from desktop.core.events import Post
from desktop.store.models import Identity

RECENT = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=5)
DIFUSION = Post("https://social.example/@me/3", "Gracias por la DIFUSIÓN del taller", "es", "3")

pytestmark = pytest.mark.sqlite_only("the CLI is pointed at the store by its data dir")


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self):
        return json.loads(self.out)


@pytest.fixture
def cli(capsys, store):
    assert store.path is not None
    data_dir: Path = store.path.parent

    def run(*args) -> Result:
        capsys.readouterr()
        code = main(["--data-dir", str(data_dir), *[str(a) for a in args]])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


@pytest.fixture
def archive(store):
    add(
        store,
        ev(CLARA, "reply", post=DIFUSION, hours_ago=1, now=RECENT),
        ev(BEN, "like", hours_ago=2, now=RECENT),
        *[ev(ANA, "share", post=DIFUSION, hours_ago=10 + h, now=RECENT) for h in range(4)],
    )
    return store


def person_id(store, actor) -> int:
    with store.read() as s:
        return s.scalar(select(Identity.person_id).where(Identity.stable_id == actor.stable_id))


def test_search_prints_who_did_what_and_the_post(cli, archive):
    result = cli("search", "difusion", "--limit", "2")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    clara = person_id(archive, CLARA)
    assert lines[0].endswith(
        f"Clara Núñez (clara.bsky.social, bluesky) [#{clara}] — They replied to you"
    )
    assert lines[0].lstrip().startswith("1h ago")
    assert lines[1].strip() == "“Gracias por la DIFUSIÓN del taller” https://social.example/@me/3"
    assert "Ana García" in lines[2] and "They shared your post" in lines[2]
    assert lines[-1].startswith("More: add --before ")


def test_search_json_pages_through_every_match_once(cli, archive):
    first = cli("search", "DIFUSIÓN", "--limit", "3", "--json")
    assert first.code == 0, first.err
    data = first.json
    assert data["query"] == "DIFUSIÓN" and data["words"] == ["DIFUSIÓN"]
    assert [r["name"] for r in data["results"]] == ["Clara Núñez", "Ana García", "Ana García"]
    result = data["results"][0]
    assert set(result) == {
        "interaction_id", "occurred_at", "kind", "direction", "network", "person_id",
        "name", "handle", "post_url", "snippet",
    }  # fmt: skip
    assert (result["kind"], result["direction"]) == ("reply", "inbound")
    assert result["occurred_at"] == (RECENT - timedelta(hours=1)).isoformat()
    second = cli("search", "DIFUSIÓN", "--limit", "3", "--before", data["next"], "--json").json
    assert [r["name"] for r in second["results"]] == ["Ana García", "Ana García"]
    assert second["next"] is None
    ids = [r["interaction_id"] for r in data["results"] + second["results"]]
    assert len(set(ids)) == 5


def test_search_by_name_with_filters(cli, archive):
    data = cli("search", "ana", "garcia", "--kind", "share", "--json").json
    assert len(data["results"]) == 4
    assert cli("search", "ana", "--kind", "like", "--json").json["results"] == []
    assert cli("search", "clara", "--network", "bluesky", "--json").json["results"][0]["name"]
    future = (RECENT + timedelta(days=2)).date().isoformat()
    assert cli("search", "ana", "--since", future, "--json").json["results"] == []


def test_nothing_found_is_said_plainly(cli, archive):
    result = cli("search", "zebra")
    assert (result.code, result.out) == (0, "Nothing stored matches “zebra”.\n")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["search", "!!!"], "nothing to search for in '!!!': type letters or digits"),
        (["search", "ana", "--network", "myspace"], "unknown network 'myspace'"),
        (["search", "ana", "--before", "tomorrow"], "'tomorrow' is not a search page"),
        (["search", "ana", "--limit", "9999"], "the limit must be from 1 to 500"),
    ],
)
def test_bad_searches_are_one_line_errors(cli, archive, args, said):
    result = cli(*args)
    assert result.code == 1 and result.out == ""
    assert result.err.count("\n") == 1 and said in result.err, result.err

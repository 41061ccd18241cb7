"""`python -m benchmarks.archives [--scale F] [--only NAMES] [--json PATH]`: big data exports
imported, their peak memory against the 300 MB target (issue 10), and their seconds.

Three synthetic exports are built in a scratch directory, shaped like the real ones:

- Instagram: 300,000 followers in one bare-list followers_1.json (44 MB), and whom I follow;
- Facebook: a comments.json of about 300 MB (``{"comments_v2": [...]}``, 20,000 friends,
  comments of a few hundred characters, names in Meta's mojibake), and the friends list;
- X: a tweets.js of about 300 MB (replies to 5,000 people), follower.js, like.js, and
  20 MB of media beside them that the import never reads.

Each is imported twice, each time by a fresh process into a fresh store: as the CLI does
(read and write in one pass) and as the window does (a preview that keeps what it read,
then Import). The floor is the same process's memory before it reads anything (Python,
SQLAlchemy, the app's modules). ``--scale`` shrinks the exports (0.01: a hundredth).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from benchmarks.figures import Figure, at_most, table

TARGET_MB = 300
NETWORKS = ("instagram", "facebook", "x")
MODES = ("import", "preview+import")
T0 = 1_600_000_000
# Comments and tweets are made of these, at random: text that compresses like text.
WORDS = ("thanks", "for", "sharing", "this", "great", "point", "about", "community", "events")
WORDS += ("networking", "open", "source", "design", "talk", "slides", "meetup", "ideas")
WORDS += ("coffee", "learning", "together", "people", "work", "build", "share")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class _Writer:
    """Text written into a zip member as it is made: the builder never holds it whole."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.member = archive.open(name, "w", force_zip64=True)
        self.parts: list[str] = []
        self.size = 0
        self.written = 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= 1 << 20:
            self.flush()

    def flush(self) -> None:
        data = "".join(self.parts).encode()
        self.member.write(data)
        self.written += len(data)
        self.parts, self.size = [], 0

    def close(self) -> int:
        self.flush()
        self.member.close()
        return self.written


def _zip(path: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1)


def build_instagram(path: Path, scale: float) -> dict[str, int]:
    n = max(int(300_000 * scale), 10)
    ff = "connections/followers_and_following/"
    with _zip(path) as z:
        out = _Writer(z, ff + "followers_1.json")
        out.write("[")
        for i in range(n):
            entry = {
                "title": "",
                "media_list_data": [],
                "string_list_data": [
                    {
                        "href": f"https://www.instagram.com/user{i}",
                        "value": f"user{i}",
                        "timestamp": T0 + i,
                    }
                ],
            }
            out.write(("," if i else "") + json.dumps(entry))
        out.write("]")
        size = out.close()
        following = [
            {"title": f"idol{i}", "string_list_data": [{"timestamp": T0 + i}]}
            for i in range(max(n // 300, 1))
        ]
        z.writestr(ff + "following.json", json.dumps({"relationships_following": following}))
    return {"entries": n, "biggest_file_bytes": size}


def _sentence(rnd: random.Random, words: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(words))


def build_facebook(path: Path, scale: float) -> dict[str, int]:
    rnd = random.Random(10)
    target = int(300 * 2**20 * scale)
    friends = max(int(20_000 * scale), 10)
    me = "Bego\u00c3\u00b1a Ruiz"  # "Begoña" as Meta's JSON spells it
    n = 0
    with _zip(path) as z:
        out = _Writer(z, "your_facebook_activity/comments_and_reactions/comments.json")
        out.write('{"comments_v2": [')
        while out.written + out.size < target or n == 0:
            who = f"Friend {rnd.randrange(friends)} N\u00c3\u00ba\u00c3\u00b1ez"
            at = T0 + n * 37
            entry = {
                "timestamp": at,
                "data": [
                    {"comment": {"timestamp": at, "comment": _sentence(rnd, 60), "author": me}}
                ],
                "title": f"{me} commented on {who}'s post.",
            }
            out.write(("," if n else "") + json.dumps(entry, indent=2))
            n += 1
        out.write("]}")
        size = out.close()
        people = [
            {"name": f"Friend {i} N\u00c3\u00ba\u00c3\u00b1ez", "timestamp": T0 - i * 60}
            for i in range(friends)
        ]
        z.writestr("connections/friends/your_friends.json", json.dumps({"friends_v2": people}))
    return {"entries": n + friends, "biggest_file_bytes": size}


def build_x(path: Path, scale: float) -> dict[str, int]:
    rnd = random.Random(20)
    target = int(300 * 2**20 * scale)
    people = max(int(5_000 * scale), 10)
    n = 0
    with _zip(path) as z:
        out = _Writer(z, "data/tweets.js")
        out.write("window.YTD.tweets.part0 = [")
        while out.written + out.size < target or n == 0:
            who = rnd.randrange(people)
            body = {
                "id_str": str(1050118621198921728 + n),
                "full_text": f"@user{who} " + _sentence(rnd, 25),
                "created_at": "Wed Oct 10 20:19:24 +0000 2018",
                "lang": "en",
                "favorite_count": "3",
                "retweet_count": "0",
                "entities": {
                    "user_mentions": [
                        {
                            "screen_name": f"user{who}",
                            "name": f"User {who}",
                            "id_str": str(who + 1),
                            "indices": ["0", "9"],
                        }
                    ],
                    "hashtags": [],
                    "urls": [],
                },
                "in_reply_to_screen_name": f"user{who}",
                "in_reply_to_status_id_str": str(1050118621198900000 + who),
                "in_reply_to_user_id_str": str(who + 1),
            }
            out.write(("," if n else "") + json.dumps({"tweet": body}, indent=2))
            n += 1
        out.write("]")
        size = out.close()
        followers = max(int(20_000 * scale), 10)
        follows = [{"follower": {"accountId": str(i + 1)}} for i in range(followers)]
        z.writestr("data/follower.js", "window.YTD.follower.part0 = " + json.dumps(follows))
        likes = [
            {
                "like": {
                    "tweetId": str(1050118621198921728 + i),
                    "expandedUrl": f"https://twitter.com/user{i % people}/status/"
                    f"{1050118621198921728 + i}",
                }
            }
            for i in range(max(followers // 4, 1))
        ]
        z.writestr("data/like.js", "window.YTD.like.part0 = " + json.dumps(likes))
        me = {"username": "me_here", "accountDisplayName": "Me", "accountId": "999"}
        z.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps([{"account": me}]))
        for i in range(max(int(20 * scale), 1)):  # media: stored as they are, never read
            z.writestr(zipfile.ZipInfo(f"data/tweets_media/{i}-photo.jpg"), rnd.randbytes(1 << 20))
    return {"entries": n + followers, "biggest_file_bytes": size}


BUILDERS = {"instagram": build_instagram, "facebook": build_facebook, "x": build_x}


def child(mode: str, path: Path, store_dir: Path) -> dict[str, float]:
    """One import in this (fresh) process: what it cost, phase by phase."""
    from desktop.app.archive_import import import_archive, write_archive
    from desktop.store.database import open_store

    store = open_store(f"sqlite:///{store_dir / 'reciprocity.db'}")
    floor = _peak_mb()
    began = time.perf_counter()
    figures: dict[str, float] = {"floor_mb": floor}
    if mode == "import":
        result = import_archive(store, None, path)
    else:
        preview = import_archive(store, None, path, preview=True, keep=True)
        figures["preview_seconds"] = time.perf_counter() - began
        figures["preview_peak_mb"] = _peak_mb()
        figures["spilled_mb"] = preview.read.file.tell() / 2**20 if preview.read else 0
        result = write_archive(store, preview)
    figures.update(
        seconds=time.perf_counter() - began,
        peak_mb=_peak_mb(),
        new=result.new,
        people=result.people,
    )
    store.close()
    return figures


def run_child(mode: str, path: Path, scratch: Path) -> dict[str, float]:
    store_dir = Path(tempfile.mkdtemp(dir=scratch, prefix="store-"))
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.archives", "--child", mode, str(path), str(store_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    shutil.rmtree(store_dir)  # a store of 300 MB of comments: one at a time on the disk
    if done.returncode != 0:
        raise RuntimeError(f"{mode} of {path.name} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def measure(
    scratch: Path, scale: float, networks: tuple[str, ...], log
) -> tuple[list[Figure], dict]:
    figures: list[Figure] = []
    details: dict = {}
    for network in networks:
        path = scratch / f"{network}.zip"
        began = time.perf_counter()
        built = BUILDERS[network](path, scale)
        log(
            f"{network}: built {path.stat().st_size / 2**20:.0f} MB zip, biggest file "
            f"{built['biggest_file_bytes'] / 2**20:.0f} MB, {built['entries']:,} entries "
            f"({time.perf_counter() - began:.0f} s)"
        )
        for mode in MODES:
            got = run_child(mode, path, scratch)
            details[f"{network} {mode}"] = {**got, **built}
            log(f"  {mode}: {json.dumps({k: round(v, 1) for k, v in got.items()})}")
            phases = f"{got['new']:,.0f} interactions, {got['people']:,.0f} people"
            if "preview_seconds" in got:
                phases += (
                    f"; preview {got['preview_seconds']:.1f} s, peak "
                    f"{got['preview_peak_mb']:.0f} MB, spilled {got['spilled_mb']:.1f} MB"
                )
            figures.append(
                Figure(
                    name=f"archive: {network} {mode}, peak RSS",
                    unit="MB",
                    median=got["peak_mb"],
                    floor=got["floor_mb"],
                    target=f"<= {TARGET_MB} MB",
                    check=at_most(TARGET_MB),
                    runs=[got["peak_mb"]],
                    floor_what="the same process before reading",
                    note=f"{built['biggest_file_bytes'] / 2**20:.0f} MB file; {phases}",
                )
            )
            figures.append(
                Figure(
                    name=f"archive: {network} {mode}, seconds",
                    unit="s",
                    median=got["seconds"],
                    floor=None,
                    target="reported",
                    runs=[got["seconds"]],
                )
            )
    return figures, details


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.archives", description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="export size (1: full)")
    parser.add_argument("--only", metavar="NAMES", help=f"some of: {', '.join(NETWORKS)}")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results here")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, path, store_dir = args.child
        print(json.dumps(child(mode, Path(path), Path(store_dir))))
        return 0
    networks = tuple(args.only.split(",")) if args.only else NETWORKS
    if set(networks) - set(NETWORKS):
        parser.error(f"unknown exports: {', '.join(sorted(set(networks) - set(NETWORKS)))}")

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    began = time.perf_counter()
    load_before = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="reciprocity-archives-") as scratch:
        figures, details = measure(Path(scratch), args.scale, networks, log)
    print(table(figures))
    missed = [f.name for f in figures if f.passed is False]
    checked = [f for f in figures if f.passed is not None]
    load = [round(x, 2) for x in os.getloadavg()]
    print(
        f"\n{len(checked) - len(missed)} of {len(checked)} memory figures meet {TARGET_MB} MB"
        f" ({time.perf_counter() - began:.0f} s; load"
        f" average {load_before[0]} before, {load[0]} after, on {os.cpu_count()} CPUs)."
    )
    if args.json:
        result = {
            "meta": {"scale": args.scale, "target_mb": TARGET_MB, "load_average": load},
            "figures": {f.name: f.as_json() for f in figures},
            "details": details,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The made-up people (English and Spanish names, Mastodon and Bluesky handles, a few
humans on both networks) and the posts they and I write."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.core.events import Actor, Network, Post
from desktop.core.text import fold
from desktop.demo.content import (
    BLUESKY_HANDLE,
    DAYS,
    MASTODON_INSTANCES,
    MASTODON_SERVER,
    MY_POSTS,
    NAMES,
    THEIR_POSTS,
)
from desktop.demo.ids import did, snowflake, tid


@dataclass
class Person:
    index: int
    name: str
    first: str
    language: str
    network: str
    actor: Actor
    instance: str  # Mastodon instance host, or "" on Bluesky
    blog: str  # a personal blog host
    share_weight: float = 0.0
    activity: float = 1.0


@dataclass
class MyPost:
    language: str
    text: str
    at: datetime
    on: dict[str, Post]  # network -> the post there


def _slug(text: str, sep: str = "") -> str:
    return re.sub(r"[^a-z0-9]+", sep, fold(text)).strip(sep)


def _names(rng: random.Random, count: int, language: str, taken: set[str]) -> list[tuple[str, str]]:
    """(display name, first name) pairs, unique within `taken`."""
    first_names, last_names = NAMES[language]
    out: list[tuple[str, str]] = []
    attempts = 0
    while len(out) < count:
        attempts += 1
        first = rng.choice(first_names)
        last = rng.choice(last_names)
        if language == "es" and (rng.random() < 0.5 or attempts > 5000):
            second = rng.choice(last_names)
            if second != last:
                last = f"{last} {second}"
        name = f"{first} {last}"
        if name not in taken:
            taken.add(name)
            out.append((name, first))
    return out


def _username(rng: random.Random, name: str, first: str, sep: str, taken: set[str]) -> str:
    last = name[len(first) :].split()[0]
    f, first_word, surname = _slug(first), _slug(first.split()[0]), _slug(last)
    options = [first_word, f + surname, f"{first_word}{sep}{surname}", first_word[0] + surname]
    start = rng.randrange(len(options))
    for option in options[start:] + options[:start]:
        if option not in taken:
            taken.add(option)
            return option
    while True:
        option = f"{f}{sep}{surname}{rng.randrange(2, 99)}"
        if option not in taken:
            taken.add(option)
            return option


def make_people(rng: random.Random, count: int) -> list[Person]:
    pairs = min(3, count // 10)  # humans with an identity on each network
    singles = count - 2 * pairs
    humans_count = singles + pairs
    english = humans_count // 2
    taken: set[str] = set()
    humans = [(name, first, "en") for name, first in _names(rng, english, "en", taken)]
    humans += [
        (name, first, "es") for name, first in _names(rng, humans_count - english, "es", taken)
    ]
    rng.shuffle(humans)
    networks = [Network.MASTODON] * round(singles * 0.55)
    networks += [Network.BLUESKY] * (singles - len(networks))
    rng.shuffle(networks)
    plan = [(h, [n]) for h, n in zip(humans[:singles], networks, strict=True)]
    plan += [(h, [Network.MASTODON, Network.BLUESKY]) for h in humans[singles:]]
    rng.shuffle(plan)

    mastodon_users: set[str] = set()
    bluesky_users: set[str] = set()
    mastodon_ids: set[str] = set()
    people: list[Person] = []
    for (name, first, language), nets in plan:
        blog = _slug(name, "-") + ".example.net"
        for network in nets:
            if network == Network.MASTODON:
                instance = rng.choice(MASTODON_INSTANCES)
                user = _username(rng, name, first, "_", mastodon_users)
                stable = str(rng.randrange(10**5, 10**6))
                if rng.random() < 0.7:  # accounts made since 2018 have snowflake ids
                    stable = str(rng.randrange(10**17, 10**18))
                while stable in mastodon_ids:
                    stable = str(rng.randrange(10**17, 10**18))
                mastodon_ids.add(stable)
                actor = Actor(
                    network=str(network),
                    stable_id=stable,
                    handle=f"@{user}@{instance}",
                    display_name=name,
                    profile_url=f"https://{instance}/@{user}",
                )
            else:
                instance = ""
                handle = _username(rng, name, first, "-", bluesky_users) + ".bsky.social"
                actor = Actor(
                    network=str(network),
                    stable_id=did(rng),
                    handle=handle,
                    display_name=name,
                    profile_url=f"https://bsky.app/profile/{handle}",
                )
            people.append(
                Person(len(people), name, first, language, str(network), actor, instance, blog)
            )
    # A few people do most of the sharing (Zipf); everyone likes and replies a little.
    sharers = max(1, round(len(people) * 0.35))
    for rank, person in enumerate(rng.sample(people, len(people)), start=1):
        person.share_weight = 1 / (rank + 1) ** 1.1 if rank <= sharers else 0.0
        person.activity = rng.lognormvariate(0, 0.7)
    return people


def make_my_posts(rng: random.Random, now: datetime, my_did: str) -> list[MyPost]:
    posts = []
    oldest = now - timedelta(days=DAYS)
    times = sorted(
        (oldest + timedelta(days=rng.uniform(0, DAYS - 0.5))).replace(
            hour=rng.randrange(7, 22),
            minute=rng.randrange(60),
            second=rng.randrange(60),
            microsecond=0,
        )
        for _ in MY_POSTS
    )
    for (language, text), at in zip(MY_POSTS, times, strict=True):
        at = min(at, now - timedelta(hours=6))
        status = snowflake(rng, at)
        rkey = tid(rng, at + timedelta(seconds=rng.randrange(5, 90)))
        posts.append(
            MyPost(
                language,
                text,
                at,
                {
                    Network.MASTODON: Post(
                        f"{MASTODON_SERVER}/@you/{status}", text, language, status
                    ),
                    Network.BLUESKY: Post(
                        f"https://bsky.app/profile/{BLUESKY_HANDLE}/post/{rkey}",
                        text,
                        language,
                        f"at://{my_did}/app.bsky.feed.post/{rkey}",
                    ),
                },
            )
        )
    return posts


def their_post(rng: random.Random, person: Person, at: datetime, text: str = "") -> Post:
    text = text or rng.choice(THEIR_POSTS[person.language])
    if person.network == Network.MASTODON:
        status = snowflake(rng, at)
        user = person.actor.handle.split("@")[1]
        return Post(f"https://{person.instance}/@{user}/{status}", text, person.language, status)
    rkey = tid(rng, at)
    return Post(
        f"https://bsky.app/profile/{person.actor.handle}/post/{rkey}",
        text,
        person.language,
        f"at://{person.actor.stable_id}/app.bsky.feed.post/{rkey}",
    )

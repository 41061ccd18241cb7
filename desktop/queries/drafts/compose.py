"""Thank-you drafts: a personal text from a template, for one network, in one language,
within that network's length rule — ready to post, copy or edit. Nothing is sent here.

What a draft answers, and why (think of the person reading it):

- **Situation**, from what the person has pending: more than one share → ``shares``; one
  share → ``share``; otherwise ``quote``, ``reply``, ``mention``, ``follow``, ``like``, in
  that order of preference. One thank-you covers everything pending (DESIGN.md).
- **Network**: the one of their most recent pending interaction, unless one is asked for.
  When they have nothing pending on an asked-for network, the situation comes from all
  their networks and the draft is a new post (no ``reply_to``).
- **Where it goes** (DESIGN.md: "thank by reply"):
  - ``quote``, ``mention``, ``reply``: a reply to *their* post (the interaction's post is
    their status), so the thanks sits in the conversation they started;
  - ``share``, ``shares``, ``like``, ``group``: a reply under *my* post, the one they shared
    or liked (for several, the most recent), mentioning them so they are notified — the
    thanks is then seen next to the post it is about;
  - ``follow``: a new post mentioning them (there is no post to answer).
- **Mentions**: Mastodon ``@user@instance`` (handles are stored that way); Bluesky
  ``@handle`` plus a :class:`Mention` carrying the handle and DID, from which the connector
  builds the facet (UTF-8 byte offsets) at send time; other networks (X, LinkedIn, manual
  entries): the display name without ``@``, since the draft is copied by hand. On those
  networks variants that open with the mention or repeat the name are avoided, as
  "Ana García Thanks, Ana!" reads badly.
- **Language**: the one asked for; else the language of the post concerned if we have
  templates for it (they wrote in Spanish, or shared my Spanish post: thank in Spanish);
  else the ``default_language`` setting; else English.
- **Title**: a short excerpt (at most 60 characters) of *my* post, for shares, likes and
  group thanks only. URLs and @mentions are taken out of it (quoting them would link or
  notify someone else again), and a post that had a content warning is never quoted.
- **Variety**: never the same text twice in a row to the same person: the variant of the
  last thank-you they got (its recorded text) is skipped. The pick is random but
  reproducible: by default seeded with the person and the day, so the draft does not change
  every time the window repaints.
- **Length**: if a draft is over the network's limit, other variants are tried, then
  shorter title excerpts; if nothing fits, the shortest is returned with ``length.ok``
  False and ``length.over_by`` saying by how much (the UI words it).

Templates are read and checked by :mod:`desktop.queries.templates`.
"""

from __future__ import annotations

import functools
import math
import random
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidRequest
from desktop.core.length import (
    MASTODON_MAX_CHARS,
    MASTODON_URL_LENGTH,
    LengthCheck,
    LengthRule,
    check,
    network_label,
    rule_for,
)
from desktop.core.text import excerpt
from desktop.core.vocabulary import AckAction, Network
from desktop.queries.pending import pending_condition
from desktop.queries.people import last_thanked, live_person
from desktop.queries.templates import (
    SITUATIONS,
    TEMPLATES_DIR,
    VARIABLES,
    TemplateError,
    languages,
    load_templates,
    template_fields,
    template_problem,
)
from desktop.store.models import Acknowledgement, Identity, Interaction, Person, utcnow
from desktop.store.settings import get_setting

__all__ = [
    "AT_MENTION_NETWORKS",
    "DEFAULT_COOLDOWN_DAYS",
    "SITUATIONS",
    "TEMPLATES_DIR",
    "TITLE_LIMIT",
    "VARIABLES",
    "Draft",
    "Mention",
    "PostRef",
    "TemplateError",
    "cooldown_days",
    "first_name",
    "group_draft",
    "languages",
    "load_templates",
    "make_draft",
    "recently_thanked",
    "situation_for",
    "template_fields",
    "title_text",
]

TITLE_LIMIT = 60  # characters of my post quoted in a draft, ellipsis included
MIN_TITLE = 12  # shorter than this, a quoted excerpt says nothing: use another variant
DEFAULT_COOLDOWN_DAYS = 14
AT_MENTION_NETWORKS = frozenset({Network.MASTODON, Network.BLUESKY})

# Situation -> the interaction kind it is about.
SITUATION_KIND = {
    "share": "share",
    "shares": "share",
    "quote": "quote",
    "mention": "mention",
    "reply": "reply",
    "follow": "follow",
    "like": "like",
    "group": "share",
}
MY_POST_SITUATIONS = frozenset({"share", "shares", "like", "group"})  # the post is mine
THEIR_POST_SITUATIONS = frozenset({"quote", "mention", "reply"})  # the post is theirs


@dataclass(frozen=True)
class Mention:
    """Someone named in a draft. ``text`` is how it is written in the draft; the connector
    finds it there (Bluesky facets need its byte offsets) and links it to ``did_or_url``."""

    handle: str
    did_or_url: str
    text: str = ""

    def as_json(self) -> dict[str, str]:
        return {"handle": self.handle, "did_or_url": self.did_or_url, "text": self.text}


@dataclass(frozen=True)
class PostRef:
    url: str
    remote_id: str

    def as_json(self) -> dict[str, str]:
        return {"url": self.url, "remote_id": self.remote_id}


@dataclass
class Draft:
    person_id: int
    network: str
    language: str
    situation: str
    variant: int  # index of the template variant in templates/<language>.json
    text: str
    mentions: list[Mention]
    reply_to: PostRef | None
    length: LengthCheck
    person_ids: list[int] = field(default_factory=list)  # everyone a group draft thanks
    recently_thanked: datetime | None = None  # when, if I thanked them lately (Services)

    def as_json(self) -> dict:
        return {
            "person_id": self.person_id,
            "network": self.network,
            "language": self.language,
            "situation": self.situation,
            "text": self.text,
            "reply_to": self.reply_to.as_json() if self.reply_to else None,
            "mentions": [m.as_json() for m in self.mentions],
            "length": self.length.as_json(),
        }


# --- templates ---------------------------------------------------------------------------


def user_variants(session: Session, language: str, situation: str) -> tuple[str, ...]:
    """The user's own variants for a situation (Settings → templates), if any and valid:
    they replace the shipped ones for that situation. Invalid ones are ignored, not fatal."""
    from desktop.store.settings import get_setting

    mine = (get_setting(session, "templates") or {}).get(language, {}).get(situation) or []
    valid = tuple(v for v in mine if isinstance(v, str) and v.strip() and not template_problem(v))
    return valid


@functools.cache
def _variant_pattern(template: str) -> re.Pattern[str]:
    parts = []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(".*?")
    return re.compile("".join(parts), re.DOTALL)


def _same_variant(template: str, text: str) -> bool:
    """Was ``text`` made from ``template`` (whatever names and titles filled it)?"""
    return bool(text) and _variant_pattern(template).fullmatch(text.strip()) is not None


def _leads_with_mention(template: str) -> bool:
    return template.lstrip().startswith(("{mention}", "{mentions}"))


def _reads_well_without_at(template: str) -> bool:
    """On networks without @-mentions the mention is a plain name: avoid variants that open
    with it or that name the person twice."""
    return not _leads_with_mention(template) and "name" not in template_fields(template)


# --- names, mentions, titles -----------------------------------------------------------

_CUSTOM_EMOJI = re.compile(r":[A-Za-z0-9_]{2,}:")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NAME_SEPARATORS = re.compile(r"\s[|·•/–—-]\s|[|·•]")
_NOT_FIRST_NAMES = frozenset(
    {"the", "a", "an", "el", "la", "los", "las", "le", "les", "der", "die", "das", "il", "lo"}
    | {"dr", "mr", "mrs", "ms", "mx", "prof", "sr", "sra", "srta", "don", "doña"}
    | {"team", "equipo"}
)


def _clean_display_name(name: str) -> str:
    """A display name without custom emoji, emoji, pronouns in brackets or taglines."""
    name = _CUSTOM_EMOJI.sub(" ", name)
    name = _PARENTHESES.sub(" ", name)
    name = _NAME_SEPARATORS.split(name, maxsplit=1)[0]
    kept = []
    for ch in name:
        code = ord(ch)
        if unicodedata.category(ch) in ("So", "Sk", "Cs", "Co", "Cf", "Cn"):
            continue
        if 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF:
            continue
        kept.append(ch)
    return " ".join("".join(kept).split()).strip(" ,;:.-")


def _handle_user(handle: str) -> str:
    handle = handle.strip().lstrip("@")
    return handle.split("@", 1)[0].split(".", 1)[0]


def first_name(display_name: str, handle: str = "") -> str:
    """What to call someone: the first name when the display name looks like a person's
    name ("Ana García" → "Ana"), otherwise the cleaned display name ("The Verge"), and
    the handle's user part when there is no usable name."""
    cleaned = _clean_display_name(display_name)
    words = cleaned.split()
    if len(words) >= 2:
        first = words[0]
        looks_like_a_name = (
            len(first) >= 2
            and first[0].isupper()
            and all(ch.isalpha() or ch in "-'’" for ch in first)
            and first.lower() not in _NOT_FIRST_NAMES
        )
        if looks_like_a_name:
            return first
    return cleaned or _handle_user(handle) or display_name.strip()


def _mention(
    network: str, handle: str, stable_id: str, profile_url: str, display_name: str
) -> Mention:
    """How this network expects a person to be named so that they are notified."""
    handle = handle.strip()
    if network == Network.MASTODON and handle:
        text = handle if handle.startswith("@") else f"@{handle}"
        if text.count("@") == 1:  # a bare local handle: add the instance from the profile
            host = urlsplit(profile_url).hostname or ""
            text = f"{text}@{host}" if host else text
        return Mention(text, profile_url or stable_id, text)
    if network == Network.BLUESKY and handle:
        bare = handle.lstrip("@")
        return Mention(bare, stable_id, f"@{bare}")
    name = _clean_display_name(display_name) or display_name.strip() or handle
    return Mention(handle or name, profile_url or stable_id, name)


_TITLE_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_TITLE_MENTION = re.compile(r"(?<![=/\w])@[\w.\-]+(?:@[\w.\-]*\w)?")
_TRAILING_TAGS = re.compile(r"(?:\s*(?<!\w)#\w+)+\s*$")
_HASH = re.compile(r"(?<!\w)#(\w)")


def title_text(post_text: str) -> str:
    """The part of my post worth quoting back: no URLs, no @mentions (quoting them would
    notify someone else again), no trailing hashtag block, no '#' signs. A post behind a
    content warning is never quoted (the Mastodon connector keeps it as "CW: …")."""
    text = post_text.strip()
    if not text or text.startswith("CW:"):
        return ""
    text = _TITLE_URL.sub(" ", text)
    text = _TITLE_MENTION.sub(" ", text)
    text = _TRAILING_TAGS.sub("", text)
    text = _HASH.sub(r"\1", text)
    text = " ".join(text.split())
    return text.strip(" \"'“”«»‘’:;,-–—|")


# --- choosing and fitting a variant ------------------------------------------------------


@dataclass
class _Choice:
    index: int
    text: str
    length: LengthCheck


def _candidates(
    variants: Sequence[str],
    *,
    has_title: bool,
    at_mentions: bool,
    avoid: Iterable[str],
) -> list[int]:
    available = VARIABLES if has_title else VARIABLES - {"title"}
    usable = [i for i, v in enumerate(variants) if template_fields(v) <= available]
    usable = usable or list(range(len(variants)))
    if not at_mentions:
        usable = [i for i in usable if _reads_well_without_at(variants[i])] or usable
    previous = [t for t in avoid if t]
    fresh = [i for i in usable if not any(_same_variant(variants[i], t) for t in previous)]
    return fresh or usable


def _fit(
    variants: Sequence[str],
    order: Sequence[int],
    values: dict[str, object],
    title_source: str,
    rule: LengthRule | None,
) -> _Choice:
    """The first variant in ``order`` that fits; then the same with shorter titles; else
    the shortest of all, not ok."""

    def render(index: int, title: str) -> _Choice:
        text = variants[index].format_map({**values, "title": title})
        return _Choice(index, text, check(text, rule))

    full_title = excerpt(title_source, TITLE_LIMIT) if title_source else ""
    tried: list[_Choice] = []
    for index in order:
        choice = render(index, full_title)
        if choice.length.ok:
            return choice
        tried.append(choice)
    for first in list(tried):
        if "title" not in template_fields(variants[first.index]) or not full_title:
            continue
        choice, title = first, full_title
        while not choice.length.ok:
            over = -(choice.length.remaining or 0)
            limit = min(len(title) - 1, len(title) - over)
            if limit < MIN_TITLE:
                break
            title = excerpt(title_source, limit)
            choice = render(first.index, title)
            tried.append(choice)
        if choice.length.ok:
            return choice
    return min(tried, key=lambda c: c.length.used)


def _default_rng(key: str, now: datetime) -> random.Random:
    return random.Random(f"{key}:{now.date().isoformat()}")


# --- reading what is pending -------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    person_id: int
    identity_id: int
    network: str
    kind: str
    post_url: str
    post_text: str
    post_language: str
    post_remote_id: str
    occurred_at: datetime


def _today(now: datetime) -> date:
    return now.astimezone().date()


def _pending_rows(
    session: Session, person_ids: list[int], today: date, *, post_url: str | None = None
) -> list[_Row]:
    """Every unanswered inbound interaction of these people, newest first."""
    query = (
        select(
            Identity.person_id,
            Identity.id,
            Identity.network,
            Interaction.kind,
            Interaction.post_url,
            Interaction.post_text,
            Interaction.post_language,
            Interaction.post_remote_id,
            Interaction.occurred_at,
        )
        .join(Identity, Identity.id == Interaction.identity_id)
        .where(pending_condition(session, today), Identity.person_id.in_(person_ids))
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
    )
    if post_url is not None:
        query = query.where(Interaction.post_url == post_url)
    return [_Row(*row) for row in session.execute(query)]


def _identities(session: Session, person_id: int) -> list[Identity]:
    return list(
        session.scalars(
            select(Identity).where(Identity.person_id == person_id).order_by(Identity.id)
        )
    )


def _last_thanked_text(session: Session, person_id: int) -> str:
    return (
        session.scalar(
            select(Acknowledgement.text)
            .where(
                Acknowledgement.person_id == person_id, Acknowledgement.action == AckAction.THANKED
            )
            .order_by(Acknowledgement.created_at.desc(), Acknowledgement.id.desc())
            .limit(1)
        )
        or ""
    )


def _norm_language(code: str | None) -> str:
    return re.split(r"[-_]", (code or "").strip().lower(), maxsplit=1)[0]


def _language(session: Session, asked: str | None, found: Iterable[str]) -> str:
    available = languages()
    if asked:
        code = _norm_language(asked)
        if code not in available:
            raise InvalidRequest(
                f"no thank-you templates in {asked!r}; available: {', '.join(available)}"
            )
        return code
    for code in map(_norm_language, found):
        if code:
            if code in available:
                return code
            break  # the post's language, which we have no templates for
    default = _norm_language(str(get_setting(session, "default_language") or ""))
    return default if default in available else "en"


def _network_and_identity(
    person: Person, identities: list[Identity], rows: list[_Row], asked: str | None
) -> tuple[str, Identity]:
    if asked:
        network = asked.strip().lower()
        on_network = [i for i in identities if i.network == network]
        if not on_network:
            known = ", ".join(dict.fromkeys(i.network for i in identities)) or "no network"
            raise InvalidRequest(
                f"{person.display_name} has no identity on {network}; they are on {known}"
            )
    else:
        network = rows[0].network
    by_id = {i.id: i for i in identities}
    recent = next((r.identity_id for r in rows if r.network == network), None)
    identity = by_id.get(recent) if recent is not None else None
    if identity is None:
        identity = next(i for i in identities if i.network == network)
    return network, identity


def situation_for(counts: Counter[str] | dict[str, int]) -> str:
    """The situation a thank-you answers, from pending counts per kind."""
    shares = counts.get("share", 0)
    if shares > 1:
        return "shares"
    if shares == 1:
        return "share"
    for kind in ("quote", "reply", "mention", "follow", "like"):
        if counts.get(kind, 0):
            return kind
    raise InvalidRequest("nothing pending; nothing to thank for")


# --- drafts --------------------------------------------------------------------------------


def make_draft(
    session: Session,
    person_id: int,
    *,
    language: str | None = None,
    network: str | None = None,
    now: datetime | None = None,
    rng: random.Random | None = None,
    mastodon_max: int = MASTODON_MAX_CHARS,
    url_length: int = MASTODON_URL_LENGTH,
) -> Draft:
    """A thank-you for everything ``person_id`` has pending (see the module docstring).

    ``mastodon_max`` and ``url_length`` are the Mastodon instance's ``max_characters`` and
    ``characters_reserved_per_url`` when known.

    Raises NotFound for an unknown person, InvalidRequest when nothing is pending, when
    they have no identity on the asked-for network, or for a language without templates.
    """
    now = now or utcnow()
    person = live_person(session, person_id)
    rows = _pending_rows(session, [person.id], _today(now))
    if not rows:
        raise InvalidRequest(f"nothing pending for {person.display_name}; nothing to thank for")
    identities = _identities(session, person.id)
    network, identity = _network_and_identity(person, identities, rows, network)
    on_network = [r for r in rows if r.network == network]
    concerned = on_network or rows
    counts = Counter(r.kind for r in concerned)
    situation = situation_for(counts)
    kind = SITUATION_KIND[situation]
    post = next((r for r in concerned if r.kind == kind and r.post_url), None)
    reply_to = None
    if post is not None and post.network == network and situation != "follow":
        reply_to = PostRef(post.post_url, post.post_remote_id)
    found_languages = [post.post_language] if post is not None and post.post_language else []
    found_languages += [r.post_language for r in concerned if r.post_language]
    lang = _language(session, language, found_languages)

    mention = _mention(
        network, identity.handle, identity.stable_id, identity.profile_url, identity.display_name
    )
    title_source = title_text(post.post_text) if post and situation in MY_POST_SITUATIONS else ""
    values: dict[str, object] = {
        "name": first_name(person.display_name or identity.display_name, identity.handle),
        "mention": mention.text,
        "mentions": mention.text,
        "count": counts[kind],
        "network": network_label(network),
    }
    variants = user_variants(session, lang, situation) or load_templates(lang)[situation]
    order = _candidates(
        variants,
        has_title=bool(title_source),
        at_mentions=network in AT_MENTION_NETWORKS,
        avoid=[_last_thanked_text(session, person.id)],
    )
    (rng or _default_rng(str(person.id), now)).shuffle(order)
    rule = rule_for(network, mastodon_max=mastodon_max, url_length=url_length)
    choice = _fit(variants, order, values, title_source, rule)
    return Draft(
        person_id=person.id,
        network=network,
        language=lang,
        situation=situation,
        variant=choice.index,
        text=choice.text,
        mentions=[mention],
        reply_to=reply_to,
        length=choice.length,
        person_ids=[person.id],
    )


def group_draft(
    session: Session,
    person_ids: Sequence[int],
    post_url: str,
    *,
    language: str | None = None,
    network: str | None = None,
    now: datetime | None = None,
    rng: random.Random | None = None,
    mastodon_max: int = MASTODON_MAX_CHARS,
    url_length: int = MASTODON_URL_LENGTH,
) -> list[Draft]:
    """One thank-you to several people who shared the same post of mine (``post_url``),
    as a reply under that post mentioning them all. When the mentions do not fit in one
    post, they are split into as few drafts as needed, of even size, in the given order.
    """
    now = now or utcnow()
    people: list[Person] = []
    for pid in person_ids:
        person = live_person(session, pid)
        if all(p.id != person.id for p in people):
            people.append(person)
    if not people:
        raise InvalidRequest("a group thank-you needs at least one person")
    ids = [p.id for p in people]
    rows = _pending_rows(session, ids, _today(now), post_url=post_url)
    if network:
        network = network.strip().lower()
    elif rows:
        network = Counter(r.network for r in rows).most_common(1)[0][0]
    else:
        raise InvalidRequest(f"none of these people has anything pending about {post_url}")

    mentions: list[Mention] = []
    for person in people:
        own = [r for r in rows if r.person_id == person.id]
        identities = _identities(session, person.id)
        _, identity = _network_and_identity(person, identities, own or rows, network)
        mentions.append(
            _mention(
                network,
                identity.handle,
                identity.stable_id,
                identity.profile_url,
                identity.display_name,
            )
        )
    post = next((r for r in rows if r.network == network), None)
    reply_to = PostRef(post_url, post.post_remote_id if post else "")
    lang = _language(session, language, [r.post_language for r in rows if r.post_language])
    title_source = title_text(post.post_text) if post else ""
    at_mentions = network in AT_MENTION_NETWORKS
    separator = " " if at_mentions else ", "
    rule = rule_for(network, mastodon_max=mastodon_max, url_length=url_length)
    variants = user_variants(session, lang, "group") or load_templates(lang)["group"]
    order = _candidates(
        variants,
        has_title=bool(title_source),
        at_mentions=at_mentions,
        avoid=[_last_thanked_text(session, pid) for pid in ids],
    )
    (rng or _default_rng(f"group:{post_url}", now)).shuffle(order)
    first = first_name(people[0].display_name)

    def fit(indices: range | list[int]) -> _Choice:
        chunk = [mentions[i] for i in indices]
        values: dict[str, object] = {
            "name": first,
            "mention": chunk[0].text,
            "mentions": separator.join(m.text for m in chunk),
            "count": len(chunk),
            "network": network_label(network),
        }
        return _fit(variants, order, values, title_source, rule)

    chunks = _split(len(people), lambda indices: fit(indices).length.ok)
    drafts = []
    for indices in chunks:
        choice = fit(indices)
        drafts.append(
            Draft(
                person_id=ids[indices[0]],
                network=network,
                language=lang,
                situation="group",
                variant=choice.index,
                text=choice.text,
                mentions=[mentions[i] for i in indices],
                reply_to=reply_to,
                length=choice.length,
                person_ids=[ids[i] for i in indices],
            )
        )
    return drafts


def _split(n: int, fits) -> list[list[int]]:
    """Split positions 0..n-1 into as few consecutive chunks as fit, of even sizes when
    possible (30 people that fit 12 at a time: 10, 10, 10 rather than 12, 12, 6)."""
    largest = 0
    while largest < n and fits(list(range(largest + 1))):
        largest += 1
    if largest == n:
        return [list(range(n))]
    parts = math.ceil(n / max(largest, 1))
    size = math.ceil(n / parts)
    even = [list(range(start, min(start + size, n))) for start in range(0, n, size)]
    if all(fits(chunk) for chunk in even):
        return even
    chunks: list[list[int]] = []  # mentions differ in length: fill greedily instead
    current: list[int] = []
    for i in range(n):
        if current and not fits([*current, i]):
            chunks.append(current)
            current = []
        current.append(i)
    chunks.append(current)
    return chunks


# --- cooldown ------------------------------------------------------------------------------


def cooldown_days(session: Session) -> int:
    """Days after a thank-you during which another one would feel like too much."""
    try:
        value = get_setting(session, "thank_cooldown_days")
    except KeyError:  # the setting is not known to this store version yet
        return DEFAULT_COOLDOWN_DAYS
    return int(value) if isinstance(value, int | float) and value >= 0 else DEFAULT_COOLDOWN_DAYS


def recently_thanked(
    session: Session, person_id: int, now: datetime | None = None, days: int | None = None
) -> datetime | None:
    """When the person was last thanked, if that was within ``days`` (the
    ``thank_cooldown_days`` setting, 14 by default); None otherwise."""
    now = now or utcnow()
    person = live_person(session, person_id)
    last = last_thanked(session, [person.id]).get(person.id)
    if last is None:
        return None
    window = timedelta(days=cooldown_days(session) if days is None else days)
    return last if now - last < window else None

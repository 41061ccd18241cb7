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

import random
from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from desktop.core.errors import InvalidRequest
from desktop.core.i18n import fill, tx
from desktop.core.length import (
    MASTODON_MAX_CHARS,
    MASTODON_URL_LENGTH,
    network_label,
    rule_for,
)
from desktop.queries.drafts.context import (
    _identities,
    _language,
    _last_thanked_text,
    _network_and_identity,
    _pending_rows,
    _today,
    user_variants,
)
from desktop.queries.drafts.fitting import _candidates, _Choice, _default_rng, _fit, _split
from desktop.queries.drafts.model import (
    AT_MENTION_NETWORKS,
    MY_POST_SITUATIONS,
    SITUATION_KIND,
    Draft,
    Mention,
    PostRef,
)
from desktop.queries.drafts.names import _mention, first_name, title_text
from desktop.queries.people import live_person
from desktop.queries.templates import load_templates
from desktop.store.models import Person, utcnow


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
    raise InvalidRequest(tx("Drafts", "nothing pending; nothing to thank for"))


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
        raise InvalidRequest(
            fill(tx("Drafts", "nothing pending for %1; nothing to thank for"), person.display_name)
        )
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
        raise InvalidRequest(tx("Drafts", "a group thank-you needs at least one person"))
    ids = [p.id for p in people]
    rows = _pending_rows(session, ids, _today(now), post_url=post_url)
    if network:
        network = network.strip().lower()
    elif rows:
        network = Counter(r.network for r in rows).most_common(1)[0][0]
    else:
        raise InvalidRequest(
            fill(tx("Drafts", "none of these people has anything pending about %1"), post_url)
        )

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

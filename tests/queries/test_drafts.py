"""Thank-you drafts on hand-made data: situation, network, where the reply goes, language,
mentions, variety, length rules, group thanks, cooldown, templates and the CLI command."""

from __future__ import annotations

import json
import random
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from factories import ANA, ANA_BSKY, BEN, CLARA, NOW, POST1, POST2, add, ev
from sqlalchemy import select

from desktop.cli.main import main
from desktop.core import i18n
from desktop.core.errors import InvalidRequest, NotFound
from desktop.core.events import Actor, Post
from desktop.core.length import LengthCheck
from desktop.queries.drafts import (
    SITUATIONS,
    VARIABLES,
    Draft,
    Mention,
    PostRef,
    TemplateError,
    first_name,
    group_draft,
    languages,
    load_templates,
    make_draft,
    recently_thanked,
    situation_for,
    template_fields,
    title_text,
)
from desktop.queries.drafts import compose as drafts_compose
from desktop.queries.people import acknowledge, merge
from desktop.store.models import Identity
from desktop.store.settings import set_setting

CLARA_POST = Post(
    "https://bsky.app/profile/clara.bsky.social/post/3kquote",
    "This is exactly how I think about it 👇",
    "en",
    "at://did:plc:clara/app.bsky.feed.post/3kquote",
)
MY_BSKY_POST = Post(
    "https://bsky.app/profile/me.bsky.social/post/3kmine",
    "Thank the people who amplify you",
    "en",
    "at://did:plc:me/app.bsky.feed.post/3kmine",
)
LONG_POST = Post(
    "https://social.example/@me/9",
    "Ten things I learned about networking from people who share other people's work "
    "generously, every single day, without keeping score https://example.com/essay #networking",
    "en",
    "9",
)
EVA = Actor("x", "x:55", "@eva", "Eva Stone 🌻 (she/her)", "https://x.com/eva")


def pid(store, actor: Actor) -> int:
    with store.read() as s:
        return s.scalar(
            select(Identity.person_id).where(
                Identity.network == actor.network, Identity.stable_id == actor.stable_id
            )
        )


def draft(store, actor: Actor, **kw) -> Draft:
    kw.setdefault("now", NOW)
    with store.read() as s:
        return make_draft(s, pid(store, actor), **kw)


def rendered(language: str, situation: str, **values) -> set[str]:
    """Every text the templates can make for a situation with these values."""
    full = {"name": "", "mention": "", "title": "", "count": 0, "network": "", "mentions": ""}
    out = set()
    for variant in load_templates(language)[situation]:
        if "title" in template_fields(variant) and not values.get("title"):
            continue
        out.add(variant.format_map({**full, **values}))
    return out


def thank(store, actor: Actor, text: str, *, days_ago: float = 0) -> None:
    with store.session() as s:
        acknowledge(
            s,
            pid(store, actor),
            "thanked",
            how="reply",
            text=text,
            now=NOW - timedelta(days=days_ago),
            today=NOW.date(),
        )


# --- situation, reply target, mention --------------------------------------------------------


def test_two_shares_on_mastodon_reply_under_my_latest_post_mentioning_her(store):
    add(store, ev(ANA, "share", hours_ago=1, post=POST1), ev(ANA, "share", hours_ago=3))
    d = draft(store, ANA, rng=random.Random(1))
    assert (d.network, d.language, d.situation) == ("mastodon", "en", "shares")
    assert d.reply_to == PostRef("https://social.example/@me/1", "1")
    assert d.mentions == [
        Mention("@ana@social.example", "https://social.example/@ana", "@ana@social.example")
    ]
    assert "@ana@social.example" in d.text
    assert d.text in rendered(
        "en",
        "shares",
        name="Ana",
        mention="@ana@social.example",
        title="Networking is giving before asking",
        count=2,
        network="Mastodon",
    )
    assert d.length.ok and d.length.limit == 500
    assert d.person_ids == [d.person_id]


def test_one_share_quotes_my_post_or_not_but_never_its_links(store):
    add(store, ev(ANA, "share", post=POST1))
    texts = {draft(store, ANA, rng=random.Random(seed)).text for seed in range(30)}
    possible = rendered(
        "en",
        "share",
        name="Ana",
        mention="@ana@social.example",
        title="Networking is giving before asking",
        count=1,
        network="Mastodon",
    )
    assert texts <= possible
    assert len(texts) >= 3  # the variants do rotate
    assert any("“Networking is giving before asking”" in t for t in texts)


def test_a_bluesky_quote_is_answered_under_her_quote(store):
    add(store, ev(CLARA, "quote", post=CLARA_POST), network="bluesky")
    d = draft(store, CLARA, rng=random.Random(3))
    assert (d.network, d.situation, d.language) == ("bluesky", "quote", "en")
    assert d.reply_to == PostRef(CLARA_POST.url, CLARA_POST.remote_id)
    assert d.mentions == [Mention("clara.bsky.social", "did:plc:clara", "@clara.bsky.social")]
    assert "@clara.bsky.social" in d.text
    assert d.text in rendered(
        "en", "quote", name="Clara", mention="@clara.bsky.social", network="Bluesky"
    )
    assert (d.length.limit, d.length.ok) == (300, True)


@pytest.mark.parametrize(
    ("kinds", "situation"),
    [
        (["share", "share", "quote"], "shares"),
        (["share", "like", "quote"], "share"),
        (["quote", "reply", "mention"], "quote"),
        (["mention", "reply"], "reply"),
        (["mention", "follow"], "mention"),
        (["like", "follow"], "follow"),
        (["like", "like"], "like"),
    ],
)
def test_situation_prefers_shares_then_quotes_replies_mentions_follows_likes(
    store, kinds, situation
):
    posts = [POST1, POST2, LONG_POST]
    add(store, *(ev(BEN, k, hours_ago=i + 1, post=posts[i % 3]) for i, k in enumerate(kinds)))
    assert draft(store, BEN).situation == situation
    counts: dict[str, int] = {}
    for k in kinds:
        counts[k] = counts.get(k, 0) + 1
    assert situation_for(counts) == situation


def test_a_reply_goes_under_their_reply_and_a_follow_is_a_new_post(store):
    their_reply = Post("https://social.example/@ben/77", "Great point!", "en", "77")
    add(store, ev(BEN, "reply", post=their_reply), ev(DAN_MASTODON, "follow"))
    assert draft(store, BEN).reply_to == PostRef(their_reply.url, "77")
    follow = draft(store, DAN_MASTODON)
    assert (follow.situation, follow.reply_to) == ("follow", None)


DAN_MASTODON = Actor(
    "mastodon", "103", "@dan@other.example", "Dan Ito", "https://other.example/@dan"
)


def test_likes_only_still_get_a_draft_when_asked_for(store):
    add(store, ev(DAN_MASTODON, "like", post=POST1))
    d = draft(store, DAN_MASTODON, rng=random.Random(0))
    assert (d.situation, d.reply_to) == ("like", PostRef(POST1.url, "1"))


def test_networks_without_at_mentions_use_the_display_name_and_read_well(store):
    add(store, ev(EVA, "share", post=POST1), network="x")
    texts = {draft(store, EVA, rng=random.Random(seed)).text for seed in range(20)}
    for text in texts:
        assert "@" not in text
        assert "Eva Stone" in text and "🌻" not in text and "she/her" not in text
        assert not text.startswith("Eva Stone")  # not "Eva Stone Thanks…"
    d = draft(store, EVA)
    assert d.mentions == [Mention("@eva", "https://x.com/eva", "Eva Stone")]
    assert (d.length.limit, d.length.ok) == (None, True)


# --- network and language --------------------------------------------------------------------


@pytest.fixture
def ana_on_two_networks(store):
    add(store, ev(ANA, "share", hours_ago=5, post=POST1))
    add(store, ev(ANA_BSKY, "mention", hours_ago=1, post=MY_BSKY_POST), network="bluesky")
    with store.session() as s:
        merge(s, pid(store, ANA), pid(store, ANA_BSKY))
    return store


def test_the_most_recent_network_is_used_unless_one_is_asked_for(ana_on_two_networks):
    store = ana_on_two_networks
    d = draft(store, ANA)
    assert (d.network, d.situation) == ("bluesky", "mention")
    assert d.mentions[0].text == "@ana.bsky.social"
    d = draft(store, ANA, network="mastodon")
    assert (d.network, d.situation, d.reply_to) == ("mastodon", "share", PostRef(POST1.url, "1"))
    assert d.mentions[0].text == "@ana@social.example"
    # the merged-away id still finds her
    with store.read() as s:
        assert make_draft(s, pid(store, ANA_BSKY), now=NOW).person_id == pid(store, ANA)


def test_a_network_they_are_not_on_is_refused(ana_on_two_networks):
    with pytest.raises(InvalidRequest, match="has no identity on linkedin; they are on"):
        draft(ana_on_two_networks, ANA, network="linkedin")


def test_a_spanish_post_gets_a_spanish_thank_you_unless_english_is_asked(store):
    add(store, ev(BEN, "share", post=POST2))
    for seed in range(10):
        d = draft(store, BEN, rng=random.Random(seed))
        assert d.language == "es"
        assert d.text in rendered(
            "es",
            "share",
            name="Ben",
            mention="@ben@social.example",
            title="Cómo difundir el trabajo de otros",
            count=1,
            network="Mastodon",
        )
    assert draft(store, BEN, language="en").language == "en"
    assert draft(store, BEN, language="EN-gb").language == "en"
    with pytest.raises(InvalidRequest, match="no thank-you templates in 'fr'; available: en, es"):
        draft(store, BEN, language="fr")


def test_language_falls_back_to_the_setting_then_english(store):
    german = Post("https://social.example/@me/3", "Netzwerken heißt geben", "de", "3")
    add(store, ev(BEN, "share", post=german))
    assert draft(store, BEN).language == "en"
    with store.session() as s:
        set_setting(s, "default_language", "es")
    assert draft(store, BEN).language == "es"
    mexican = Post("https://social.example/@me/4", "Gracias", "es-MX", "4")
    add(store, ev(ANA, "share", post=mexican))
    assert draft(store, ANA).language == "es"


def test_with_no_setting_drafts_speak_the_interface_language(store):
    german = Post("https://social.example/@me/3", "Netzwerken heißt geben", "de", "3")
    add(store, ev(BEN, "share", post=german))
    i18n.install(lambda ctx, text, dis, n: text, "es")  # a Spanish-speaking interface
    assert draft(store, BEN).language == "es"
    with store.session() as s:
        set_setting(s, "default_language", "en")  # what the user chose wins
    assert draft(store, BEN).language == "en"


# --- variety ---------------------------------------------------------------------------------


def test_the_same_person_never_gets_the_same_text_twice_in_a_row(store):
    add(store, ev(ANA, "share", hours_ago=50, post=POST1))
    first = draft(store, ANA, rng=random.Random(0))
    thank(store, ANA, first.text, days_ago=1)
    add(store, ev(ANA, "share", hours_ago=1, post=LONG_POST))
    for seed in range(20):
        later = draft(store, ANA, rng=random.Random(seed))
        assert later.situation == first.situation == "share"
        assert later.variant != first.variant, seed
        assert later.text != first.text


def test_the_same_day_gives_the_same_draft(store):
    add(store, ev(ANA, "share"), ev(BEN, "share"))
    assert draft(store, ANA).text == draft(store, ANA).text
    texts = {draft(store, ANA, now=NOW + timedelta(days=d)).text for d in range(10)}
    assert len(texts) > 1  # but not every day


def test_nothing_pending_means_nothing_to_thank_for(store):
    add(store, ev(ANA, "share"))
    thank(store, ANA, "Thanks!")
    with pytest.raises(InvalidRequest, match="^nothing pending for Ana García; nothing to thank"):
        draft(store, ANA)
    with store.read() as s, pytest.raises(NotFound, match="no person with id 999"):
        make_draft(s, 999)


# --- length ----------------------------------------------------------------------------------


def test_a_tight_mastodon_limit_picks_a_variant_that_fits(store):
    add(store, ev(ANA, "share", post=LONG_POST))
    roomy = [draft(store, ANA, rng=random.Random(seed)) for seed in range(10)]
    assert max(d.length.used for d in roomy) > 60
    for seed in range(10):
        d = draft(store, ANA, rng=random.Random(seed), mastodon_max=60)
        assert d.length.ok and d.length.used <= 60, d.text
        assert d.length.remaining == 60 - d.length.used
        assert "@ana@social.example" in d.text  # counted as "@ana"


def test_when_the_title_is_the_problem_it_is_shortened(store, monkeypatch):
    only_titles = {
        **load_templates("en"),
        "share": ("Thank you for sharing “{title}”, {mention}!",),
    }
    monkeypatch.setattr(drafts_compose, "load_templates", lambda language: only_titles)
    add(store, ev(ANA, "share", post=LONG_POST))
    roomy = draft(store, ANA)
    assert roomy.text == (
        "Thank you for sharing “Ten things I learned about networking from people who share…”, "
        "@ana@social.example!"
    )
    tight = draft(store, ANA, mastodon_max=60)  # the mention counts as "@ana": 4
    assert tight.length.ok and tight.length.used <= 60
    title = re.search("“(.*)”", tight.text).group(1)
    assert title.startswith("Ten things") and title.endswith("…")
    assert len(title) < 50
    hopeless = draft(store, ANA, mastodon_max=20)
    assert not hopeless.length.ok
    assert hopeless.length.reason.endswith("characters over Mastodon's limit of 20")


def test_a_bluesky_draft_with_a_huge_handle_falls_back_to_a_short_variant(store):
    long_handle = "a" * 230 + ".bsky.social"
    actor = Actor("bluesky", "did:plc:long", long_handle, "Long Name", "")
    add(store, ev(actor, "mention", post=CLARA_POST), network="bluesky")
    for seed in range(10):
        d = draft(store, actor, rng=random.Random(seed))
        assert d.length.ok and d.length.used <= 300, d.text
        assert f"@{long_handle}" in d.text


def test_when_nothing_fits_the_shortest_comes_back_with_the_reason(store):
    too_long = "b" * 280 + ".bsky.social"
    actor = Actor("bluesky", "did:plc:toolong", too_long, "Bea", "")
    add(store, ev(actor, "mention", post=CLARA_POST), network="bluesky")
    d = draft(store, actor)
    shortest = min(
        rendered("en", "mention", name="Bea", mention=f"@{too_long}", network="Bluesky"),
        key=len,
    )
    assert d.text == shortest  # no emoji in the shortest: code points are graphemes here
    over = len(shortest) - 300
    assert d.length == LengthCheck(len(shortest), 300, -over, False, "graphemes", "bluesky")
    assert d.length.reason == f"{over} graphemes over Bluesky's limit of 300"


# --- group thanks ----------------------------------------------------------------------------


def crowd(network: str, n: int, handle: str) -> list[Actor]:
    return [
        Actor(
            network,
            f"{network}:{i}",
            handle.format(i=i),
            f"Person {i:02d}",
            f"https://{network}.example/p{i}",
        )
        for i in range(1, n + 1)
    ]


def test_thirty_bluesky_sharers_are_split_into_even_drafts_that_fit(store):
    people = crowd("bluesky", 30, "person{i:02d}.bsky.social")
    add(store, *(ev(p, "share", post=MY_BSKY_POST) for p in people), network="bluesky")
    ids = [pid(store, p) for p in people]
    with store.read() as s:
        result = group_draft(s, ids, MY_BSKY_POST.url, now=NOW, rng=random.Random(2))
    assert len(result) >= 3
    sizes = [len(d.person_ids) for d in result]
    assert max(sizes) - min(sizes) <= 1
    assert [i for d in result for i in d.person_ids] == ids  # everyone once, in order
    for d in result:
        assert (d.situation, d.network, d.language) == ("group", "bluesky", "en")
        assert d.reply_to == PostRef(MY_BSKY_POST.url, MY_BSKY_POST.remote_id)
        assert d.length.ok and d.length.used <= 300
        assert d.person_id == d.person_ids[0]
        for m in d.mentions:
            assert m.text in d.text and m.did_or_url.startswith("bluesky:")


def test_thirty_mastodon_sharers_fit_in_one_post_since_domains_do_not_count(store):
    people = crowd("mastodon", 30, "@p{i}@social.example")
    add(store, *(ev(p, "share", post=POST1) for p in people))
    ids = [pid(store, p) for p in people]
    with store.read() as s:
        (only,) = group_draft(s, ids, POST1.url, now=NOW)
    assert only.person_ids == ids
    assert all(f"@p{i}@social.example" in only.text for i in range(1, 31))
    assert only.length.ok and only.length.used < len(only.text)
    assert only.reply_to == PostRef(POST1.url, "1")


def test_long_mastodon_usernames_are_split_too(store):
    people = crowd("mastodon", 30, "@someone_with_a_long_name_{i:02d}@social.example")
    add(store, *(ev(p, "share", post=POST1) for p in people))
    ids = [pid(store, p) for p in people]
    with store.read() as s:
        result = group_draft(s, ids, POST1.url, now=NOW)
    assert len(result) == 2
    assert [len(d.person_ids) for d in result] == [15, 15]
    assert all(d.length.ok for d in result)


def test_group_draft_errors(store):
    add(store, ev(ANA, "share", post=POST1), ev(BEN, "share", post=POST1))
    with store.read() as s:
        with pytest.raises(InvalidRequest, match="at least one person"):
            group_draft(s, [], POST1.url)
        with pytest.raises(NotFound):
            group_draft(s, [pid(store, ANA), 999], POST1.url)
        with pytest.raises(
            InvalidRequest, match="has anything pending about https://social.example/@me/404"
        ):
            group_draft(s, [pid(store, ANA)], "https://social.example/@me/404")
        (d,) = group_draft(s, [pid(store, ANA), pid(store, BEN), pid(store, ANA)], POST1.url)
    assert d.person_ids == [pid(store, ANA), pid(store, BEN)]
    assert "@ana@social.example" in d.text and "@ben@social.example" in d.text


# --- cooldown --------------------------------------------------------------------------------


def test_recently_thanked_within_the_cooldown(store):
    add(store, ev(ANA, "share"))
    ana = pid(store, ANA)
    with store.read() as s:
        assert recently_thanked(s, ana, NOW) is None
    thank(store, ANA, "Thanks!", days_ago=3)
    with store.read() as s:
        assert recently_thanked(s, ana, NOW) == NOW - timedelta(days=3)
        assert recently_thanked(s, ana, NOW, days=2) is None
        assert recently_thanked(s, ana, NOW + timedelta(days=11)) is None  # 14 days default
        with pytest.raises(NotFound):
            recently_thanked(s, 999, NOW)


# --- names and titles ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("display_name", "handle", "expected"),
    [
        ("Ana García", "@ana@social.example", "Ana"),
        ("Clara Núñez :verified:", "clara.bsky.social", "Clara"),
        ("🌻 María López (she/her)", "", "María"),
        ("Jean-Luc Picard | Captain", "", "Jean-Luc"),
        ("The Verge", "@verge@x", "The Verge"),
        ("dan", "", "dan"),
        ("", "@ana@social.example", "ana"),
        ("🌻🌻", "bob.bsky.social", "bob"),
    ],
)
def test_first_name(display_name, handle, expected):
    assert first_name(display_name, handle) == expected


def test_title_text_drops_links_mentions_tags_and_content_warnings():
    assert title_text(LONG_POST.text).endswith("without keeping score")
    assert title_text("Thanks @bob@x.example and @carol.bsky.social for this #Python tip") == (
        "Thanks and for this Python tip"
    )
    assert title_text("CW: politics\nSomething heated") == ""
    assert title_text("https://example.com") == ""


# --- templates -------------------------------------------------------------------------------

FULL = {
    "name": "Ana",
    "mention": "@ana@social.example",
    "title": "Networking is giving before asking",
    "count": 3,
    "network": "Mastodon",
    "mentions": "@ana@social.example @ben@social.example",
}


def all_variants():
    for language in languages():
        for situation, variants in load_templates(language).items():
            for i, variant in enumerate(variants):
                yield pytest.param(language, situation, variant, id=f"{language}-{situation}-{i}")


def test_we_have_english_and_spanish_with_every_situation():
    assert languages() == ["en", "es"]
    for language in languages():
        templates = load_templates(language)
        assert set(templates) == set(SITUATIONS)
        assert all(len(v) >= 4 for v in templates.values()), language


@pytest.mark.parametrize(("language", "situation", "variant"), list(all_variants()))
def test_every_variant_formats_and_names_who_it_thanks(language, situation, variant):
    fields = template_fields(variant)
    assert fields <= VARIABLES
    text = variant.format_map(FULL)
    assert "{" not in text and "}" not in text
    assert len(text) <= 200
    assert ("mentions" if situation == "group" else "mention") in fields  # they get notified
    assert ("mentions" in fields) == (situation == "group")
    assert text == text.strip() and "  " not in text
    if language == "es":
        assert text.count("¡") == text.count("!"), text
        assert text.count("¿") == text.count("?"), text
    else:
        assert "¡" not in text and "¿" not in text


def test_every_situation_has_variants_for_every_case():
    """Without a title (follows, CW posts), and on networks without @-mentions."""
    for language in languages():
        for situation, variants in load_templates(language).items():
            no_title = [v for v in variants if "title" not in template_fields(v)]
            plain = [
                v
                for v in no_title
                if not v.startswith("{mention") and "name" not in template_fields(v)
            ]
            assert no_title and plain, (language, situation)


def test_unknown_variables_are_refused(tmp_path: Path):
    good = {s: ["Thanks {mention}!"] for s in SITUATIONS}
    (tmp_path / "xx.json").write_text(json.dumps(good), encoding="utf-8")
    assert load_templates("xx", tmp_path)["share"] == ("Thanks {mention}!",)
    bad = {**good, "follow": ["Thanks {mention}, {nickname}!"]}
    (tmp_path / "yy.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(TemplateError, match="unknown nickname"):
        load_templates("yy", tmp_path)
    (tmp_path / "zz.json").write_text(json.dumps({**good, "like": ["{0} {name!r}"]}))
    with pytest.raises(TemplateError, match=r"write variables as \{name\} only"):
        load_templates("zz", tmp_path)
    with pytest.raises(TemplateError, match="no thank-you templates at"):
        load_templates("none", tmp_path)


# --- the CLI ---------------------------------------------------------------------------------

RECENT = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=5)


@pytest.fixture
def cli(store, capsys):
    def run(*args):
        capsys.readouterr()
        code = main(["--data-dir", str(store.path.parent), *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.mark.sqlite_only("the CLI opens the SQLite file in --data-dir")
def test_cli_draft_json(store, cli):
    add(store, ev(CLARA, "quote", post=CLARA_POST, now=RECENT), network="bluesky")
    clara = pid(store, CLARA)
    code, out, err = cli("draft", clara, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert set(data) == {
        "person_id",
        "network",
        "language",
        "situation",
        "text",
        "reply_to",
        "mentions",
        "length",
        "recently_thanked",
    }
    assert (data["person_id"], data["network"], data["language"], data["situation"]) == (
        clara,
        "bluesky",
        "en",
        "quote",
    )
    assert data["reply_to"] == {"url": CLARA_POST.url, "remote_id": CLARA_POST.remote_id}
    assert data["mentions"] == [
        {"handle": "clara.bsky.social", "did_or_url": "did:plc:clara", "text": "@clara.bsky.social"}
    ]
    assert set(data["length"]) == {"used", "limit", "remaining", "ok", "reason"}
    assert data["length"]["limit"] == 300 and data["length"]["ok"] is True
    assert data["length"]["used"] + data["length"]["remaining"] == 300
    assert data["recently_thanked"] is None
    assert "@clara.bsky.social" in data["text"]

    code, out, err = cli("draft", clara, "--language", "es")
    assert code == 0 and out == f"{out.strip()}\n"
    assert out.strip() in rendered(
        "es", "quote", name="Clara", mention="@clara.bsky.social", network="Bluesky"
    )


@pytest.mark.sqlite_only("the CLI opens the SQLite file in --data-dir")
def test_cli_draft_says_when_they_were_thanked_recently(store, cli):
    add(store, ev(ANA, "share", now=RECENT))
    ana = pid(store, ANA)
    assert cli("thank", ana, "--text", "Thanks!")[0] == 0
    add(store, ev(ANA, "share", post=POST2, now=RECENT + timedelta(minutes=1)))
    code, out, err = cli("draft", ana, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["language"] == "es"
    since = datetime.fromisoformat(data["recently_thanked"])
    assert timedelta(0) <= datetime.now(UTC) - since < timedelta(minutes=5)
    code, out, err = cli("draft", ana)
    assert out.strip() == data["text"]
    assert "note: you last thanked them today" in err


@pytest.mark.sqlite_only("the CLI opens the SQLite file in --data-dir")
def test_cli_draft_errors(store, cli):
    add(store, ev(ANA, "share", now=RECENT))
    ana = pid(store, ANA)
    assert cli("draft", 999) == (1, "", "reciprocity: no person with id 999\n")
    assert cli("draft", ana, "--language", "fr")[0:2] == (1, "")
    assert cli("draft", ana, "--network", "bluesky")[2] == (
        "reciprocity: Ana García has no identity on bluesky; they are on mastodon\n"
    )
    assert cli("thank", ana)[0] == 0
    assert cli("draft", ana) == (
        1,
        "",
        "reciprocity: nothing pending for Ana García; nothing to thank for\n",
    )
    code, out, err = cli("draft", "ana")
    assert code == 2 and "invalid int value: 'ana'" in err and len(err.splitlines()) == 1


def test_the_users_own_templates_replace_the_shipped_ones(store):
    from factories import ANA, add, ev

    from desktop.queries.drafts import make_draft
    from desktop.store.settings import set_setting

    add(store, ev(ANA, "share", hours_ago=1))
    with store.session() as s:
        set_setting(
            s,
            "templates",
            {"en": {"share": ["Cheers {mention}, you made my day!"], "quote": ["{bad_variable}"]}},
        )
        from sqlalchemy import select

        from desktop.store.models import Identity

        ana = s.scalar(select(Identity.person_id).where(Identity.stable_id == ANA.stable_id))
        draft = make_draft(s, ana, language="en")
    assert draft.text == "Cheers @ana@social.example, you made my day!"

"""YouTube's part of a Google Takeout export ("YouTube and YouTube Music") as interactions.

A Takeout zip may hold many Google products; only the YouTube folder's files are read,
found by where they lie and what they hold, in any language (youtube_files.py says how).

- ``subscriptions/subscriptions.csv`` (and ``subscriptions(1).csv``…): the channels I
  subscribe to → outbound ``follow``. The file has no dates: the time the zip says the
  file was written stands in (else the newest comment's), and the kind is marked undated,
  as X's follows are. 2020 exports had ``subscriptions.json`` instead, a list of the Data
  API's subscription resources (``snippet.resourceId.channelId``, ``snippet.title``,
  ``snippet.publishedAt``: when I subscribed), found by the same folder names.
- ``comments/comments.csv`` (and ``comments(1).csv``…): my comments. A row names my
  channel, the video (or community post) and, for a reply, the comment replied to, but
  never whose video or comment that is. A comment is credited only where it names
  someone: a reply that begins with an @mention (YouTube writes the addressee so when one
  answers in a thread) is a ``reply`` to that channel, and every other channel it
  mentions gets a ``mention``. A reply to a comment the store already has (the YouTube
  connector reads the comments on my videos) is credited to its author at import: see
  ``open_replies``. The rest are counted under ``skipped`` ("comment without author",
  "reply without author"). My text is kept with what is credited, as Instagram's and
  Facebook's comments are.
- ``my-comments/my-comments.html`` (exports before the CSV; Spanish
  ``mis-comentarios.html``): one ``<li>`` a comment ("Sent at … while watching <a>a
  video</a>"), never whose: counted under ``skipped`` only.
- Whose export: the channel most comment rows (or the JSON subscriptions) name as their
  author → ``me``.

Channels are identities keyed as the YouTube connector keys commenters: the channel id
(UC…) as stable id, the @handle when the export gives one (a mention's "@name") else the
channel id, the channel's title as display name, https://www.youtube.com/channel/<id> as
address. A channel found by both is one identity (and a channel id standing in as handle
never replaces the @handle the API gave: see store/identities.py). Live chats, watch
history, playlists and likes are not read. External ids are the export's own (the comment
id, the channel id), so importing the export twice, or a later one, adds nothing twice.

Takeout also offers .tgz archives: only .zip is read. A large Takeout comes in several
zips (…-001.zip, …-002.zip); each is imported on its own, and one without a YouTube folder
is not a YouTube export.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

from desktop.connectors.archives import ArchiveStream, OpenReply
from desktop.connectors.archives.export_zip import ExportZip
from desktop.connectors.archives.youtube_files import (
    CHANNEL_ID,
    COMMENTS,
    SUBSCRIPTIONS,
    Row,
    Table,
    channel_in,
    comment_text,
    in_youtube_folder,
    names_a_channel,
    tables,
    when,
)
from desktop.connectors.base import Page
from desktop.connectors.youtube.channel import CHANNEL_URL, channel_handle
from desktop.connectors.youtube.connector import COMMENT_LIMIT, WATCH_URL, comment_external_id
from desktop.core.events import Actor, Direction, InteractionEvent, Kind, Network, Post
from desktop.core.i18n import fill, tx

NETWORK = Network.YOUTUBE
POST_URL = "https://www.youtube.com/post/"
NO_AUTHOR = "comment without author"
REPLY_NO_AUTHOR = "reply without author"
# Folders of the older files, as Takeout names them in English and Spanish (the CSVs are
# found by what they hold, whatever their names).
JSON_SUBSCRIPTIONS = ("subscriptions/*.json", "suscripciones/*.json")
HTML_COMMENTS = ("my-comments/*.html", "mis-comentarios/*.html")


def channel(channel_id: str, title: str = "", handle: str = "", url: str = "") -> Actor:
    return Actor(
        network=NETWORK,
        stable_id=channel_id,
        handle=handle or channel_handle(title, url, channel_id),
        display_name=title,
        profile_url=CHANNEL_URL + channel_id,
    )


class _Reader:
    def __init__(self, export: ExportZip) -> None:
        self.export = export
        self.page = Page(stream="youtube-archive")
        self.events: dict[str, InteractionEvent] = {}
        self.open_replies: list[OpenReply] = []
        self.seen: set[str] = set()  # comment ids read
        self.authors: Counter[str] = Counter()  # channel ids comment rows name as theirs
        self.newest: datetime | None = None
        self.undated = False

    def add(self, event: InteractionEvent) -> None:
        """One interaction; the same id again keeps the earliest time."""
        known = self.events.get(event.external_id)
        if known is None or event.occurred_at < known.occurred_at:
            self.events[event.external_id] = event

    # -- comments ------------------------------------------------------------------------

    def comments(self, table: Table) -> None:
        for row in table.rows:
            self.comment(row)

    def comment(self, row: Row) -> None:
        comment_id, mine = row.get("commentid", ""), row.get("channelid", "")
        at = when(row.get("commentcreatetimestamp", ""))
        if not comment_id or at is None:
            self.page.skipped["unreadable comment"] += 1
            return
        if comment_id in self.seen:  # split parts may overlap: each comment counts once
            return
        self.seen.add(comment_id)
        if CHANNEL_ID.fullmatch(mine):
            self.authors[mine] += 1
        self.newest = at if self.newest is None else max(self.newest, at)
        parent, cell = row.get("parentcommentid", ""), row.get("commenttext", "")
        if not parent and not names_a_channel(cell):  # most comments: nothing to credit
            self.page.skipped[NO_AUTHOR] += 1
            return
        said = comment_text(cell)
        post = _post(row, said.text)
        mentioned = [m for m in said.mentions if m.channel_id != mine]
        addressee = said.addressee if parent and said.addressee != mine else ""
        external_id = f"takeout:comment:{comment_id}"
        for mention in mentioned:
            who = channel(mention.channel_id, handle=mention.handle)
            if mention.channel_id == addressee:
                kind, event_id = Kind.REPLY, external_id
            else:
                kind, event_id = Kind.MENTION, f"{external_id}:mention:{mention.channel_id}"
            self.add(InteractionEvent(event_id, kind, Direction.OUTBOUND, who, at, post))
        if addressee:
            return
        if parent:  # a reply that does not name whom it answers: the store may know them
            self.page.skipped[REPLY_NO_AUTHOR] += 1
            answers = comment_external_id(parent)
            self.open_replies.append(OpenReply(external_id, answers, at, post, REPLY_NO_AUTHOR))
        elif not mentioned:
            self.page.skipped[NO_AUTHOR] += 1

    def html_comments(self) -> None:
        for name in self.export.find(*HTML_COMMENTS):
            if in_youtube_folder(name):
                counter = _ListItems()
                counter.feed(self.export.text(name))
                counter.close()
                self.page.skipped[NO_AUTHOR] += counter.items

    # -- subscriptions ---------------------------------------------------------------------

    def subscriptions(self, table: Table) -> None:
        stand_in = self.export.written_at(table.name) or self.newest
        for row in table.rows:
            url, title = row.get("channelurl", ""), row.get("channeltitle", "")
            self.subscribe(channel_in(row.get("channelid", ""), url), title, url, stand_in, True)

    def json_subscriptions(self) -> None:
        for name in self.export.find(*JSON_SUBSCRIPTIONS):
            if not in_youtube_folder(name):
                continue
            entries = self.export.json(name)
            if not isinstance(entries, list):
                self.page.warnings.append(_unknown_file(name))
                continue
            stand_in = self.export.written_at(name) or self.newest
            for entry in entries:
                snippet = entry.get("snippet") if isinstance(entry, dict) else None
                snippet = snippet if isinstance(snippet, dict) else {}
                resource = snippet.get("resourceId")
                target = resource.get("channelId") if isinstance(resource, dict) else None
                subscriber = snippet.get("channelId")
                if isinstance(subscriber, str) and CHANNEL_ID.fullmatch(subscriber):
                    self.authors[subscriber] += 1
                dated = when(_text(snippet.get("publishedAt")))
                title = _text(snippet.get("title"))
                self.subscribe(channel_in(_text(target)), title, "", dated or stand_in, not dated)

    def subscribe(
        self, channel_id: str, title: str, url: str, at: datetime | None, undated: bool
    ) -> None:
        if not channel_id:
            self.page.skipped["subscription without a channel id"] += 1
        elif at is None:
            self.page.skipped["follow without date"] += 1
        else:
            self.undated = self.undated or undated
            who = channel(channel_id, title.strip(), url=url)
            external_id = f"takeout:subscription:{channel_id}"
            self.add(InteractionEvent(external_id, Kind.FOLLOW, Direction.OUTBOUND, who, at))

    # -- the page ----------------------------------------------------------------------------

    def result(self) -> ArchiveStream:
        """All in one page: a Takeout's YouTube folder holds my own comments and
        subscriptions, thousands of rows, not the hundreds of MB the other exports reach."""
        me = None
        if self.authors:
            mine = self.authors.most_common(1)[0][0]
            me = channel(mine)
            for key, event in list(self.events.items()):
                if event.actor.stable_id == mine:  # my own channel, subscribed or mentioned
                    del self.events[key]
                    self.page.skipped["your own channel"] += 1
        self.page.interactions = _one_actor_each(list(self.events.values()))
        # The subscriptions carry the export's date, not their own: history, never new.
        undated = (str(Kind.FOLLOW),) if self.undated else ()
        missing = [
            tx(
                "Archive",
                "comments others left on your videos (Accounts → Add YouTube… reads them)",
            ),
            tx("Archive", "who subscribes to you"),
            tx("Archive", "whose videos you commented on (a comment counts when it names someone)"),
        ]
        return ArchiveStream(NETWORK, me, iter([self.page]), missing, undated, self.open_replies)


def _one_actor_each(events: list[InteractionEvent]) -> list[InteractionEvent]:
    """Every event of a channel with the most the export tells of it: a mention gives its
    @handle, a subscription its title (the store keeps the last actor it sees)."""
    handles: dict[str, str] = {}
    titles: dict[str, str] = {}
    for event in events:
        who = event.actor
        if who.handle.startswith("@"):
            handles.setdefault(who.stable_id, who.handle)
        if who.display_name:
            titles.setdefault(who.stable_id, who.display_name)
    best = {
        key: channel(key, titles.get(key, ""), handles.get(key, ""))
        for key in {event.actor.stable_id for event in events}
    }
    return [
        event
        if event.actor == best[event.actor.stable_id]
        else replace(event, actor=best[event.actor.stable_id])
        for event in events
    ]


def _post(row: Row, text: str) -> Post:
    video, post_id = row.get("videoid", ""), row.get("postid", "")
    if len(text) > COMMENT_LIMIT:
        text = text[:COMMENT_LIMIT].rstrip() + "…"
    if video:
        return Post(url=WATCH_URL + quote(video, safe=""), text=text, remote_id=video)
    if post_id:
        return Post(url=POST_URL + quote(post_id, safe=""), text=text, remote_id=post_id)
    return Post(text=text)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _unknown_file(name: str) -> str:
    said = tx("Archive", "%1 has none of the columns Reciprocity reads: left out")
    return fill(said, name.rsplit("/", 1)[-1])


class _ListItems(HTMLParser):
    """Counts the <li> items of an older my-comments.html: one a comment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self.items += 1


def read(export: ExportZip) -> ArchiveStream:
    reader = _Reader(export)
    found = list(tables(export))
    for table in found:  # comments first: their newest time may date the subscriptions
        if table.kind == COMMENTS:
            reader.comments(table)
    reader.html_comments()
    for table in found:
        if table.kind == SUBSCRIPTIONS:
            reader.subscriptions(table)
    reader.json_subscriptions()
    return reader.result()

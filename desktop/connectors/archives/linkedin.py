"""LinkedIn's data export ("Get a copy of your data"): a zip of CSV files, read into pages
of interactions. desktop.connectors.archives.linkedin_csv reads the files themselves.

The files are streamed, but the events are gathered whole before the first page is handed
on: an id seen again keeps its earliest time, and who "I" am is known only once messages
are read. That is little: a message is kept only as who, which way and which day, and a
430 MB messages.csv peaked at 126 MB.

What each file becomes:

- Connections.csv: one inbound ``follow`` per connection, when it was made (midnight UTC:
  recent exports give the date only). A connection is mutual, but the design has no
  "mutual" direction, and recording both halves would count every connection twice.
  Inbound because it is what a follow is on the networks that have one: this person now
  sees my posts, and is someone to know about (a follow is the lowest priority to thank).
  The export does not say who invited whom; Invitations.csv does, for recent ones.
- Invitations.csv: a ``follow`` too, inbound for INCOMING rows (from the inviter), outbound
  for OUTGOING ones (to the invitee), with ids of their own: an accepted invitation is
  both an invitation and a connection. The invitation's note is not kept.
- messages.csv: ``reply`` without a post, inbound from the sender, outbound to each
  recipient when I sent it. Messages are private: only who, which direction and when are
  read, never the body, subject or conversation title (there is no opt-in to keep bodies
  yet). A chat is many short messages, so each person counts once per conversation, per
  direction and per day (the earliest message's time), or one chat afternoon would outweigh
  a share. Drafts are left out. Who "I" am: the profile on the other side of my
  invitations, else the sender named as in Profile.csv, else the one person in more
  conversations than anyone else; the oldest exports say it per row (DIRECTION).
- Shares.csv (and Shares_*.csv): my own posts. They concern no one else, so they are not
  interactions; counted under skipped as "own posts".
- Comments.csv, Reactions.csv, InstantReposts.csv (and their numbered parts): what I did on
  others' posts, but a row gives only the post's address (urn:li:activity:...), never its
  author. Counted under skipped ("comment without author", ...). A /posts/<name>_... address
  does name someone, but that name may be a company page's, so it is not credited either.
- Profile.csv: who "me" is (first and last name; a profile address if a newer export has
  one). Without it, ``me`` is None.

People are keyed by their profile address's path ("in/ana-garcia", lower-cased). A row
without an address (hidden by LinkedIn, a deleted account, the oldest exports' files) is
kept by name ("name:ana garcía"): two people of one name become one, and the same person
seen with and without an address is two identities until merged; a warning says how many.
"LinkedIn Member", LinkedIn's name for hidden members, is no one and is left out.

External ids come from the export's own data (the file's kind, the person, the time), so
importing an export twice, or a newer one that overlaps it, adds nothing twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

from desktop.connectors.archives import PAGE_EVENTS, ArchiveStream
from desktop.connectors.archives.export_zip import ExportZip
from desktop.connectors.archives.linkedin_csv import Row, Table, cell, profile, profiles_in, when
from desktop.connectors.base import Page
from desktop.core.events import Actor, Direction, InteractionEvent, Kind, Network
from desktop.core.i18n import PLURAL, fill, tx

NETWORK = Network.LINKEDIN
HIDDEN = {"linkedin member", "linkedin user"}  # how the export names members it hides
INBOUND_WORDS = {"incoming", "received"}  # an old messages.csv's DIRECTION
# What makes two messages one event (with their day): see LinkedInReader.messages.
_MESSAGE_KEY = (
    "Conversation ID",
    "From",
    "Sender Profile URL",
    "To",
    "Recipient Profile URLs",
    "Direction",
    "Is Message Draft",
)
OUTBOUND_WORDS = {"outgoing", "sent"}
YES = {"yes", "true", "1"}
# Files that are counted, not read into interactions: file names -> reason.
COUNTED = {
    ("Shares.csv", "Shares_*.csv"): "own posts",
    ("Comments.csv", "Comments_*.csv"): "comment without author",
    ("Reactions.csv", "Reactions_*.csv"): "reaction without author",
    ("InstantReposts.csv", "InstantReposts_*.csv"): "repost without author",
}


class _Reader:
    def __init__(self, export: ExportZip) -> None:
        self.export = export
        self.page = Page(stream="linkedin-archive")
        self.people: dict[str, Actor] = {}  # stable id -> the actor all its events carry
        self.events: dict[str, InteractionEvent] = {}
        self.me: Actor | None = None
        self.my_name = ""  # lower-cased, as a row's FROM or To would spell it
        self.my_keys: set[str] = set()  # my profile keys, as far as the export tells

    def table(self, name: str, *required: str) -> Table:
        return Table(self.export, name, required)

    def unknown_shape(self, table: Table) -> None:
        if table.columns is None:
            self.page.warnings.append(
                fill(
                    tx("Archive", "%1 has none of the columns Reciprocity reads: left out"),
                    table.name.rsplit("/", 1)[-1],
                )
            )

    def person(self, name: str, url: str) -> Actor | None:
        """The actor for a name and an address, None for no one. A person's first name
        and address seen win, whatever file comes later (Connections.csv is read first)."""
        name = " ".join(name.split())
        name = "" if name.lower() in HIDDEN else name
        link = profile(url)
        if link is not None:
            key, handle, address = link[0], link[0], link[1]
        elif name:
            key, handle, address = "name:" + name.lower(), name, ""
        else:
            return None
        known = self.people.get(key)
        if known is not None:
            name, address = known.display_name or name, known.profile_url or address
        actor = Actor(NETWORK, key, handle, name, address)
        self.people[key] = actor
        return actor

    def add(
        self, external_id: str, kind: Kind, direction: Direction, actor: Actor, at: datetime
    ) -> None:
        """One interaction; the same id again keeps the earliest time."""
        known = self.events.get(external_id)
        if known is None or at < known.occurred_at:
            self.events[external_id] = InteractionEvent(external_id, kind, direction, actor, at)

    def profile_csv(self) -> None:
        for name in self.export.find("Profile.csv")[:1]:
            for row in self.table(name, "First Name", "Last Name"):
                full = " ".join(f"{cell(row, 'First Name')} {cell(row, 'Last Name')}".split())
                url = cell(row, "Public Profile URL", "Profile URL", "URL")
                link = profile(url)
                if link is not None:
                    self.me = Actor(NETWORK, link[0], link[0], full, link[1])
                    self.my_keys.add(link[0])
                elif full:
                    self.me = Actor(NETWORK, "name:" + full.lower(), full, full)
                self.my_name = full.lower()
                break

    def connections(self) -> None:
        for name in self.export.find("Connections.csv"):
            table = self.table(name, "First Name", "Last Name", "Connected On")
            for row in table:
                full = f"{cell(row, 'First Name')} {cell(row, 'Last Name')}"
                actor = self.person(full, cell(row, "URL", "Profile URL"))
                at = when(cell(row, "Connected On"))
                if actor is None:
                    self.page.skipped["connection without a name"] += 1
                elif at is None:
                    self.page.skipped["unreadable date"] += 1
                else:
                    external_id = f"li:connection:{actor.stable_id}:{at.date().isoformat()}"
                    self.add(external_id, Kind.FOLLOW, Direction.INBOUND, actor, at)
            self.unknown_shape(table)

    def invitations(self) -> None:
        for name in self.export.find("Invitations.csv"):
            table = self.table(name, "From", "To", "Sent At")
            for row in table:
                self.invitation(row)
            self.unknown_shape(table)

    def invitation(self, row: Row) -> None:
        sender, recipient = cell(row, "From"), cell(row, "To")
        inviter = cell(row, "inviterProfileUrl", "Inviter Profile URL")
        invitee = cell(row, "inviteeProfileUrl", "Invitee Profile URL")
        said = cell(row, "Direction").lower()
        if not said and self.my_name:
            said = {sender.lower(): "outgoing", recipient.lower(): "incoming"}.get(self.my_name, "")
        if said == "incoming":
            direction, actor, mine = Direction.INBOUND, self.person(sender, inviter), invitee
        elif said == "outgoing":
            direction, actor, mine = Direction.OUTBOUND, self.person(recipient, invitee), inviter
        else:
            self.page.skipped["invitation without a direction"] += 1
            return
        if (link := profile(mine)) is not None:
            self.my_keys.add(link[0])
        at = when(cell(row, "Sent At"))
        if actor is None:
            self.page.skipped["invitation from a hidden member"] += 1
        elif at is None:
            self.page.skipped["unreadable date"] += 1
        else:
            minute = at.strftime("%Y-%m-%dT%H:%M")  # Sent At has no seconds; a newer one may
            external_id = f"li:invitation:{actor.stable_id}:{minute}"
            self.add(external_id, Kind.FOLLOW, direction, actor, at)

    def messages(self) -> None:
        # One row kept per conversation, sender, recipients and day (its earliest): that is
        # all an event needs, and a 400 MB messages.csv then fits in little memory.
        kept: dict[tuple[object, ...], tuple[datetime, Row]] = {}
        undated: list[Row] = []
        for name in self.export.find("messages.csv"):
            table = self.table(name, "From", "Date")
            for row in table:
                # Who, which way and when: the body, subject and title are never kept.
                small = {key: row[key] for key in _MESSAGE_COLUMNS if row.get(key)}
                at = when(cell(small, "Date"))
                if at is None:
                    undated.append(small)
                    continue
                key = (*(cell(small, c) for c in _MESSAGE_KEY), at.date())
                earlier = kept.get(key)
                if earlier is None or at < earlier[0]:
                    kept[key] = (at, small)
            self.unknown_shape(table)
        rows = [row for _at, row in kept.values()] + undated
        mine = self.my_keys or self._senders_named_me(rows) or _busiest(rows)
        for row in rows:
            self.message(row, mine)

    def _senders_named_me(self, rows: list[Row]) -> set[str]:
        if not self.my_name:
            return set()
        mine = (row for row in rows if cell(row, "From").lower() == self.my_name)
        links = (profile(cell(row, "Sender Profile URL")) for row in mine)
        return {link[0] for link in links if link is not None}

    def message(self, row: Row, mine: set[str]) -> None:
        if cell(row, "Is Message Draft").lower() in YES:
            self.page.skipped["draft message"] += 1
            return
        at = when(cell(row, "Date"))
        if at is None:
            self.page.skipped["unreadable date"] += 1
            return
        sender = cell(row, "From")
        link = profile(cell(row, "Sender Profile URL"))
        said = cell(row, "Direction").lower()
        if said in OUTBOUND_WORDS or said in INBOUND_WORDS:
            outbound = said in OUTBOUND_WORDS
        elif link is not None and mine:
            outbound = link[0] in mine
        elif self.my_name:
            outbound = sender.lower() == self.my_name
        elif mine:  # a sender without an address is not me: I have one
            outbound = False
        else:
            self.page.skipped["message without a known direction"] += 1
            return
        conversation, day = cell(row, "Conversation ID"), at.date().isoformat()
        if not outbound:
            actor = self.person(sender, cell(row, "Sender Profile URL"))
            if actor is None:
                self.page.skipped["message from a hidden member"] += 1
                return
            external_id = f"li:message:in:{conversation}:{actor.stable_id}:{day}"
            self.add(external_id, Kind.REPLY, Direction.INBOUND, actor, at)
            return
        recipients = [a for a in self._recipients(row) if a and a.stable_id not in mine]
        if not recipients:
            self.page.skipped["message to a hidden member"] += 1
        for actor in recipients:
            external_id = f"li:message:out:{conversation}:{actor.stable_id}:{day}"
            self.add(external_id, Kind.REPLY, Direction.OUTBOUND, actor, at)

    def _recipients(self, row: Row) -> list[Actor | None]:
        urls = profiles_in(cell(row, "Recipient Profile URLs"))
        names = cell(row, "To")
        if not urls:  # older exports: names only, and a name may hold a comma ("Ana, PhD")
            return [self.person(names, "")]
        split = [name.strip() for name in names.split(",")]
        paired = split if len(split) == len(urls) else [""] * len(urls)
        return [self.person(name, url) for name, url in zip(paired, urls, strict=True)]

    def counted(self) -> None:
        for names, reason in COUNTED.items():
            for name in self.export.find(*names):
                table = self.table(name, "Date")
                self.page.skipped[reason] += sum(1 for _ in table)
                self.unknown_shape(table)

    def result(self) -> ArchiveStream:
        keys = {event.actor.stable_id for event in self.events.values()}
        by_name = [key for key in keys if self.people[key].profile_url == ""]
        if by_name:
            self.page.warnings.append(_kept_by_name(len(by_name)))
        missing = [
            tx("Archive", "who reacted to, commented on or reposted your posts"),
            tx("Archive", "mentions of you"),
            tx("Archive", "your followers (only connections and invitations are in it)"),
            tx("Archive", "whose posts you commented on, reacted to or reposted"),
        ]
        return ArchiveStream(NETWORK, self.me, self.pages(), missing)

    def pages(self) -> Iterator[Page]:
        """The events in pages, each with its person as last seen; the counts and warnings
        on the last one."""
        events = list(self.events.values())
        self.events = {}
        for start in range(0, len(events), PAGE_EVENTS):
            chunk = events[start : start + PAGE_EVENTS]
            people = [replace(e, actor=self.people[e.actor.stable_id]) for e in chunk]
            if start + PAGE_EVENTS < len(events):
                yield Page(stream=self.page.stream, interactions=people)
            else:
                self.page.interactions = people
        yield self.page


_MESSAGE_COLUMNS = (
    "conversationid",
    "from",
    "senderprofileurl",
    "to",
    "recipientprofileurls",
    "date",
    "direction",
    "ismessagedraft",
)


def _busiest(rows: list[Row]) -> set[str]:
    """The profile in more conversations than anyone else: whose inbox it is (none on a
    tie, as in an export with one conversation of two)."""
    seen: dict[str, set[str]] = {}
    for number, row in enumerate(rows):
        conversation = cell(row, "Conversation ID") or str(number)
        urls = [cell(row, "Sender Profile URL"), *profiles_in(cell(row, "Recipient Profile URLs"))]
        for url in urls:
            if (link := profile(url)) is not None:
                seen.setdefault(link[0], set()).add(conversation)
    ranked = Counter({key: len(conversations) for key, conversations in seen.items()})
    top = ranked.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return set()
    return {top[0][0]}


def _kept_by_name(n: int) -> str:
    if n == 1:
        return tx("Archive", "1 person has no profile address in the export: kept by name")
    # One line of arguments: lupdate misses a plural call that ends with a trailing comma.
    return tx(
        "Archive", "%n people have no profile address in the export: kept by name", None, PLURAL, n
    )


def read(export: ExportZip) -> ArchiveStream:
    files = (("Profile.csv",), ("Connections.csv",), ("Invitations.csv",), ("messages.csv",))
    export.plan(name for names in (*files, *COUNTED) for name in export.find(*names))
    reader = _Reader(export)
    reader.profile_csv()
    reader.connections()
    reader.invitations()
    reader.messages()
    reader.counted()
    return reader.result()

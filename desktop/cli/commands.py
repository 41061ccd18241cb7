"""The CLI commands: each opens a unit of work on the store, calls the domain, prints."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from desktop.cli.lazy import lazy
from desktop.cli.main import Context, UsageError, emit_json

# Imported on first use: `reciprocity` opening the window must not pay for the store's
# query modules before its first paint.
sa = lazy("sqlalchemy")
cands = lazy("desktop.queries.candidates")
ledgers = lazy("desktop.queries.ledger")
ppl = lazy("desktop.queries.people")
pending_module = lazy("desktop.queries.pending")
store_settings = lazy("desktop.store.settings")
models = lazy("desktop.store.models")


def _ago(when: datetime | None, now: datetime | None = None) -> str:
    if when is None:
        return "never"
    seconds = ((now or datetime.now(UTC)) - when).total_seconds()
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{int(seconds // size)}{unit} ago"
    return "just now"


def _plural(n: int, word: str) -> str:
    forms = {"reply": "replies"}
    return f"{n} {word if n == 1 else forms.get(word, word + 's')}"


def _handles(identities) -> str:
    return ", ".join(f"{i.handle} ({i.network})" for i in identities)


def gui(context: Context, args) -> int:
    from desktop.ui.app import run  # Qt is imported only when a window is wanted

    return run(context)


def checkin(context: Context, args) -> int:
    from desktop.ui.app import run  # Qt is imported only when a window is wanted

    return run(context, checkin=True)


def demo(context: Context, args) -> int:
    from desktop.demo import fill_demo

    summary = fill_demo(context.store(), people=args.people, seed=args.seed)
    print(
        f"Demo store ready in {context.data_dir}: {summary.people} people, "
        f"{summary.interactions} interactions, {summary.candidates} candidates. "
        f"Try: reciprocity --data-dir {context.data_dir} pending"
    )
    return 0


def status(context: Context, args) -> int:
    with context.store().read() as s:
        data = {
            "pending_people": len(pending_module.pending(s)),
            "candidates": s.scalar(
                sa.select(sa.func.count()).where(models.Candidate.state.in_(("new", "saved")))
            ),
            "people": s.scalar(
                sa.select(sa.func.count()).where(models.Person.merged_into_id.is_(None))
            ),
            "accounts": s.scalar(sa.select(sa.func.count()).select_from(models.Account)),
            "last_sync": None,
        }
        last = s.scalar(sa.select(sa.func.max(models.Account.last_sync_at)))
        data["last_sync"] = last.isoformat() if last else None
    if args.json:
        emit_json(data)
    else:
        print(f"Pending people:  {data['pending_people']}")
        print(f"Candidates:      {data['candidates']}")
        print(f"People:          {data['people']}")
        print(f"Accounts:        {data['accounts']}")
        print(f"Last sync:       {_ago(last) if last else 'never'}")
        print(f"Data dir:        {context.data_dir}")
    return 0


def pending(context: Context, args) -> int:
    with context.store().read() as s:
        entries = pending_module.pending(s)
    if args.json:
        emit_json([e.as_json() for e in entries])
        return 0
    if not entries:
        print("Nobody is waiting for a thank-you. Nice.")
        return 0
    now = datetime.now(UTC)
    for n, e in enumerate(entries, 1):
        what = ", ".join(_plural(c, k) for k, c in e.as_json()["counts"].items())
        print(f"{n:>3}. {e.name} [#{e.person_id}] — {what}")
        print(
            f"     {_handles(e.identities)} · last {_ago(e.last_interaction_at, now)}"
            f" · thanked {_ago(e.last_thanked, now)}"
        )
        for post in e.posts[:3]:
            print(f"       “{_short(post.text, 70)}” {post.url}")
        if e.post_count > 3:
            print(f"       … and {e.post_count - 3} more posts")
    return 0


def _short(text: str, limit: int) -> str:
    from desktop.core.text import excerpt

    return excerpt(text, limit)


def people(context: Context, args) -> int:
    with context.store().read() as s:
        rows = ledgers.list_people(s, search=args.search, limit=args.limit)
    if args.json:
        emit_json([r.as_json() for r in rows])
        return 0
    if not rows:
        print("No people match." if args.search else "No people yet.")
        return 0
    for r in rows:
        print(
            f"#{r.person_id:<6} {r.name:<28} in {r.inbound:>4}  out {r.outbound:>4}  "
            f"last {_ago(r.last_interaction_at):<9} thanked {_ago(r.last_thanked)}  "
            f"{_handles(r.identities)}"
        )
    return 0


def person(context: Context, args) -> int:
    with context.store().read() as s:
        ledger = ledgers.person_ledger(s, args.person_id)
    data = ledger.as_json()
    if args.json:
        emit_json(data)
        return 0
    print(f"{ledger.name} [#{ledger.person_id}]")
    for ident in ledger.identities:
        print(f"  {ident.network}: {ident.handle} {ident.url}")
    print(
        f"  first {_ago(ledger.first_interaction_at)}, last {_ago(ledger.last_interaction_at)}"
        f", thanked {_ago(ledger.last_thanked)}"
    )
    for window, label in (
        ("30", "30 days"),
        ("90", "90 days"),
        ("365", "1 year"),
        ("all", "all time"),
    ):
        both = data["ledger"][window]
        inbound = ", ".join(_plural(n, k) for k, n in both["inbound"].items()) or "—"
        outbound = ", ".join(_plural(n, k) for k, n in both["outbound"].items()) or "—"
        print(f"  {label:>9}: they → you: {inbound}; you → them: {outbound}")
    for ack in ledger.acknowledgements:
        extra = f" ({ack['how']})" if ack["how"] else ""
        extra += f" until {ack['snoozed_until']}" if ack["snoozed_until"] else ""
        print(f"  {ack['at'][:10]} {ack['action']}{extra} {ack['text']}".rstrip())
    if ledger.notes:
        print(f"  notes: {ledger.notes}")
    return 0


def supporters(context: Context, args) -> int:
    with context.store().read() as s:
        rows = ledgers.quiet_supporters(s, days=args.days)
    if args.json:
        emit_json([{"person_id": p, "name": n, "inbound": c} for p, n, c in rows])
        return 0
    if not rows:
        print("Everyone who supported you lately has heard from you.")
    for pid, name, count in rows:
        print(f"#{pid:<6} {name} supported you {_plural(count, 'time')} and hasn't heard back")
    return 0


def candidates(context: Context, args) -> int:
    states = {"open": ("new", "saved"), "all": cands.STATES}.get(args.state, (args.state,))
    with context.store().read() as s:
        ranked = cands.ranked_candidates(s, limit=args.limit, states=tuple(states))
    if args.json:
        emit_json([c.as_json() for c in ranked])
        return 0
    if not ranked:
        print("Nothing to share yet: add feeds or sync an account.")
    for n, c in enumerate(ranked, 1):
        by = f" — {c.author}" if c.author else ""
        print(f"{n:>3}. [{c.score:5.2f}] {c.title or c.url}{by}  [#{c.candidate_id}]")
        print(f"      {c.url}")
        print(f"      why: {'; '.join(c.why)}")
    return 0


def _acknowledge(context: Context, person_id: int, action: str, **kw) -> str:
    with context.store().session() as s:
        person = ppl.live_person(s, person_id)
        ppl.acknowledge(s, person.id, action, **kw)
        return person.display_name


def thank(context: Context, args) -> int:
    if args.send:
        from desktop.app.outbox.thank import send_thanks
        from desktop.cli.accounts import _secrets

        if args.how not in ("reply", "like"):
            raise UsageError("--send posts a reply or a like: use --how reply or --how like")
        result = send_thanks(
            context.store(), _secrets, args.person_id, text=args.text or None, how=args.how
        )
        if result.copied:
            print(result.text)
            where = f" Post it yourself: {result.url}" if result.url else ""
            print(f"({result.network} has no way to post for you; marked thanked.{where})")
        elif result.how == "like":
            print(f"Liked their post {result.url}; marked thanked.")
        else:
            print(f"Sent: {result.url}")
        return 0
    name = _acknowledge(context, args.person_id, "thanked", how=args.how, text=args.text)
    print(f"Marked {name} as thanked ({args.how}).")
    return 0


def dismiss(context: Context, args) -> int:
    name = _acknowledge(context, args.person_id, "dismissed")
    print(f"Dismissed what {name} had pending.")
    return 0


def snooze(context: Context, args) -> int:
    name = _acknowledge(context, args.person_id, "snoozed", until=args.until)
    print(f"Snoozed {name} until {args.until.isoformat()}.")
    return 0


def merge(context: Context, args) -> int:
    with context.store().session() as s:
        other = ppl.live_person(s, args.other_id).display_name
        kept = ppl.merge(s, args.person_id, args.other_id)
        print(f"Merged {other} into {kept.display_name} [#{kept.id}].")
    return 0


def interests(context: Context, args) -> int:
    with context.store().session() as s:
        if args.action == "set":
            from desktop.core.text import fold

            unique: dict[str, str] = {}
            for word in (w.strip() for w in args.words):
                if word:
                    unique.setdefault(fold(word), word)  # "Networking" and "networking": one
            words = list(unique.values())
            if not words:
                raise UsageError("interests set needs at least one word (or use 'clear')")
            store_settings.set_setting(s, "interests", words)
        elif args.action == "clear":
            store_settings.set_setting(s, "interests", [])
        current = store_settings.get_setting(s, "interests")
    print("Interests: " + (", ".join(current) if current else "none"))
    return 0


def settings(context: Context, args) -> int:
    with context.store().session() as s:
        if args.key is None:
            for key, value in store_settings.all_settings(s).items():
                if key not in store_settings.INTERNAL:
                    print(f"{key} = {json.dumps(value, ensure_ascii=False)}")
            return 0
        if args.key not in store_settings.DEFAULTS or args.key in store_settings.INTERNAL:
            raise UsageError(
                f"unknown setting {args.key!r}; known: "
                + ", ".join(k for k in store_settings.DEFAULTS if k not in store_settings.INTERNAL)
            )
        if args.value is not None:
            try:
                value = json.loads(args.value)
            except json.JSONDecodeError:
                raise UsageError(
                    f'{args.value!r} is not a JSON value (try true, 30, "en")'
                ) from None
            expected = type(store_settings.DEFAULTS[args.key])
            if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                raise UsageError(f"{args.key} takes a {expected.__name__}, not {args.value!r}")
            store_settings.set_setting(s, args.key, value)
        print(f"{args.key} = {json.dumps(store_settings.get_setting(s, args.key))}")
    return 0


def export(context: Context, args) -> int:
    from desktop.store.transfer import export_store

    with context.store().session() as s:
        counts = export_store(s, args.path)
    print(
        f"Exported {counts['persons']} people and {counts['interactions']} interactions "
        f"to {args.path}."
    )
    return 0


def import_(context: Context, args) -> int:
    from desktop.store.transfer import import_store

    with context.store().session() as s:
        counts = import_store(s, args.path)
    print(f"Imported {counts['persons']} people and {counts['interactions']} interactions.")
    return 0

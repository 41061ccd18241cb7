"""The CLI commands: each asks the application's Services, as the window does, and prints."""

from __future__ import annotations

import json
from argparse import Namespace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from desktop.cli.context import Context, UsageError, emit_json
from desktop.cli.format import ago, candidate_json, handles, plural, reason, short

if TYPE_CHECKING:
    from desktop.core.vocabulary import AckAction


def gui(context: Context, args: Namespace) -> int:
    from desktop.ui.app import run  # Qt is imported only when a window is wanted

    return run(context)


def checkin(context: Context, args: Namespace) -> int:
    from desktop.ui.app import run  # Qt is imported only when a window is wanted

    return run(context, checkin=True)


def demo(context: Context, args: Namespace) -> int:
    summary = context.services().fill_demo(people=args.people, seed=args.seed)
    print(
        f"Demo store ready in {context.data_dir}: {summary.people} people, "
        f"{summary.interactions} interactions, {summary.candidates} candidates. "
        f"Try: reciprocity --data-dir {context.data_dir} pending"
    )
    return 0


def status(context: Context, args: Namespace) -> int:
    now = context.services().status()
    last = now.last_sync
    data = {
        "pending_people": now.pending_people,
        "candidates": now.candidates,
        "people": now.people,
        "accounts": now.accounts,
        "last_sync": last.isoformat() if last else None,
    }
    if args.json:
        emit_json(data)
    else:
        print(f"Pending people:  {data['pending_people']}")
        print(f"Candidates:      {data['candidates']}")
        print(f"People:          {data['people']}")
        print(f"Accounts:        {data['accounts']}")
        print(f"Last sync:       {ago(last) if last else 'never'}")
        print(f"Data dir:        {context.data_dir}")
    return 0


def pending(context: Context, args: Namespace) -> int:
    entries = context.services().pending()
    if args.json:
        emit_json([e.as_json() for e in entries])
        return 0
    if not entries:
        print("Nobody is waiting for a thank-you. Nice.")
        return 0
    now = datetime.now(UTC)
    for n, e in enumerate(entries, 1):
        what = ", ".join(plural(c, k) for k, c in e.as_json()["counts"].items())
        print(f"{n:>3}. {e.name} [#{e.person_id}] — {what}")
        print(
            f"     {handles(e.identities)} · last {ago(e.last_interaction_at, now)}"
            f" · thanked {ago(e.last_thanked, now)}"
        )
        for post in e.posts[:3]:
            print(f"       “{short(post.text, 70)}” {post.url}")
        if e.post_count > 3:
            print(f"       … and {e.post_count - 3} more posts")
    return 0


def people(context: Context, args: Namespace) -> int:
    rows = context.services().people(search=args.search, limit=args.limit)
    if args.json:
        emit_json([r.as_json() for r in rows])
        return 0
    if not rows:
        print("No people match." if args.search else "No people yet.")
        return 0
    for r in rows:
        print(
            f"#{r.person_id:<6} {r.name:<28} in {r.inbound:>4}  out {r.outbound:>4}  "
            f"last {ago(r.last_interaction_at):<9} thanked {ago(r.last_thanked)}  "
            f"{handles(r.identities)}"
        )
    return 0


def person(context: Context, args: Namespace) -> int:
    ledger = context.services().person(args.person_id)
    data = ledger.as_json()
    if args.json:
        emit_json(data)
        return 0
    print(f"{ledger.name} [#{ledger.person_id}]")
    for ident in ledger.identities:
        print(f"  {ident.network}: {ident.handle} {ident.url}")
    print(
        f"  first {ago(ledger.first_interaction_at)}, last {ago(ledger.last_interaction_at)}"
        f", thanked {ago(ledger.last_thanked)}"
    )
    for window, label in (
        ("30", "30 days"),
        ("90", "90 days"),
        ("365", "1 year"),
        ("all", "all time"),
    ):
        both = data["ledger"][window]
        inbound = ", ".join(plural(n, k) for k, n in both["inbound"].items()) or "—"
        outbound = ", ".join(plural(n, k) for k, n in both["outbound"].items()) or "—"
        print(f"  {label:>9}: they → you: {inbound}; you → them: {outbound}")
    for ack in ledger.acknowledgements:
        extra = f" ({ack['how']})" if ack["how"] else ""
        extra += f" until {ack['snoozed_until']}" if ack["snoozed_until"] else ""
        print(f"  {ack['at'][:10]} {ack['action']}{extra} {ack['text']}".rstrip())
    if ledger.notes:
        print(f"  notes: {ledger.notes}")
    return 0


def supporters(context: Context, args: Namespace) -> int:
    rows = context.services().quiet_supporters(days=args.days)
    if args.json:
        emit_json([{"person_id": p, "name": n, "inbound": c} for p, n, c in rows])
        return 0
    if not rows:
        print("Everyone who supported you lately has heard from you.")
    for pid, name, count in rows:
        print(f"#{pid:<6} {name} supported you {plural(count, 'time')} and hasn't heard back")
    return 0


def candidates(context: Context, args: Namespace) -> int:
    from desktop.core.vocabulary import OPEN_STATES, CandidateState  # not at start-up

    # "open" is the CLI's own word for what is still to decide on.
    states = {"open": OPEN_STATES, "all": tuple(CandidateState)}.get(args.state, (args.state,))
    ranked = context.services().candidates(limit=args.limit, states=tuple(states))
    if args.json:
        emit_json([candidate_json(c) for c in ranked])
        return 0
    if not ranked:
        print("Nothing to share yet: add feeds or sync an account.")
    for n, c in enumerate(ranked, 1):
        by = f" — {c.author}" if c.author else ""
        print(f"{n:>3}. [{c.score:5.2f}] {c.title or c.url}{by}  [#{c.candidate_id}]")
        print(f"      {c.url}")
        print(f"      why: {'; '.join(reason(r) for r in c.reasons)}")
    return 0


def _acknowledge(context: Context, person_id: int, action: AckAction, **kw: Any) -> str:
    return context.services().acknowledge(person_id, action, **kw)


def thank(context: Context, args: Namespace) -> int:
    from desktop.core.vocabulary import AckAction, AckHow  # desktop.core: not at start-up

    if args.send:
        if args.how not in (AckHow.REPLY, AckHow.LIKE):
            raise UsageError("--send posts a reply or a like: use --how reply or --how like")
        result = context.services().send_thanks(
            args.person_id, text=args.text or None, how=args.how
        )
        if result.copied:
            print(result.text)
            where = f" Post it yourself: {result.url}" if result.url else ""
            print(f"({result.network} has no way to post for you; marked thanked.{where})")
        elif result.how == AckHow.LIKE:
            print(f"Liked their post {result.url}; marked thanked.")
        else:
            print(f"Sent: {result.url}")
        return 0
    name = _acknowledge(context, args.person_id, AckAction.THANKED, how=args.how, text=args.text)
    print(f"Marked {name} as thanked ({args.how}).")
    return 0


def dismiss(context: Context, args: Namespace) -> int:
    from desktop.core.vocabulary import AckAction

    name = _acknowledge(context, args.person_id, AckAction.DISMISSED)
    print(f"Dismissed what {name} had pending.")
    return 0


def snooze(context: Context, args: Namespace) -> int:
    from desktop.core.vocabulary import AckAction

    name = _acknowledge(context, args.person_id, AckAction.SNOOZED, until=args.until)
    print(f"Snoozed {name} until {args.until.isoformat()}.")
    return 0


def merge(context: Context, args: Namespace) -> int:
    merged = context.services().merge(args.person_id, args.other_id)
    print(f"Merged {merged.other_name} into {merged.name} [#{merged.person_id}].")
    return 0


def interests(context: Context, args: Namespace) -> int:
    services = context.services()
    if args.action == "set":
        current = services.set_interests(args.words)
        if not current:
            raise UsageError("interests set needs at least one word (or use 'clear')")
    else:
        if args.action == "clear":
            services.set_setting("interests", [])
        current = services.settings().get("interests") or []
    print("Interests: " + (", ".join(current) if current else "none"))
    return 0


def settings(context: Context, args: Namespace) -> int:
    services = context.services()
    known = services.setting_defaults()
    if args.key is None:
        for key, value in services.settings().items():
            if key in known:
                print(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        return 0
    if args.key not in known:
        raise UsageError(f"unknown setting {args.key!r}; known: " + ", ".join(known))
    if args.value is not None:
        try:
            value = json.loads(args.value)
        except json.JSONDecodeError:
            raise UsageError(f'{args.value!r} is not a JSON value (try true, 30, "en")') from None
        expected = type(known[args.key])
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise UsageError(f"{args.key} takes a {expected.__name__}, not {args.value!r}")
        services.set_setting(args.key, value)
    print(f"{args.key} = {json.dumps(services.settings()[args.key])}")
    return 0


def export(context: Context, args: Namespace) -> int:
    counts = context.services().export_store(args.path)
    print(
        f"Exported {counts['persons']} people and {counts['interactions']} interactions "
        f"to {args.path}."
    )
    return 0


def import_(context: Context, args: Namespace) -> int:
    counts = context.services().import_store(args.path)
    print(f"Imported {counts['persons']} people and {counts['interactions']} interactions.")
    return 0

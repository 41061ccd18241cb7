"""The CLI commands: each asks the application's Services, as the window does, and prints."""

from __future__ import annotations

import json
from argparse import Namespace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from desktop.cli.context import Context, UsageError, emit_json
from desktop.cli.format import action_word, ago, candidate_json, handles, plural, reason, short
from desktop.core.i18n import PLURAL, fill, tx

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
    said = tx(
        "CLI",
        "Demo store ready in %1: %2 people, %3 interactions, %4 candidates. "
        "Try: reciprocity --data-dir %1 pending",
    )
    print(fill(said, context.data_dir, summary.people, summary.interactions, summary.candidates))
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
        rows = [
            (tx("CLI", "Pending people:"), data["pending_people"]),
            (tx("CLI", "Candidates:"), data["candidates"]),
            (tx("CLI", "People:"), data["people"]),
            (tx("CLI", "Accounts:"), data["accounts"]),
            (tx("CLI", "Last sync:"), ago(last)),
            (tx("CLI", "Data dir:"), context.data_dir),
        ]
        width = max(len(label) for label, _ in rows) + 2
        for label, value in rows:
            print(f"{label:<{width}}{value}")
    return 0


def pending(context: Context, args: Namespace) -> int:
    entries = context.services().pending()
    if args.json:
        emit_json([e.as_json() for e in entries])
        return 0
    if not entries:
        print(tx("CLI", "Nobody is waiting for a thank-you. Nice."))
        return 0
    now = datetime.now(UTC)
    for n, e in enumerate(entries, 1):
        what = ", ".join(plural(c, k) for k, c in e.as_json()["counts"].items())
        print(f"{n:>3}. {e.name} [#{e.person_id}] — {what}")
        seen = fill(
            tx("CLI", "%1 · last %2 · thanked %3"),
            handles(e.identities),
            ago(e.last_interaction_at, now),
            ago(e.last_thanked, now),
        )
        print(f"     {seen}")
        for post in e.posts[:3]:
            print("       " + fill(tx("CLI", "“%1” %2"), short(post.text, 70), post.url))
        more = e.post_count - 3
        if more == 1:
            print("       " + tx("CLI", "… and 1 more post"))
        elif more > 1:
            print("       " + tx("CLI", "… and %n more posts", None, PLURAL, more))
    return 0


def people(context: Context, args: Namespace) -> int:
    rows = context.services().people(search=args.search, limit=args.limit)
    if args.json:
        emit_json([r.as_json() for r in rows])
        return 0
    if not rows:
        print(tx("CLI", "No people match.") if args.search else tx("CLI", "No people yet."))
        return 0
    row = tx("CLI", "#%1 %2 in %3  out %4  last %5 thanked %6  %7")
    for r in rows:
        print(
            fill(
                row,
                f"{r.person_id:<6}",
                f"{r.name:<28}",
                f"{r.inbound:>4}",
                f"{r.outbound:>4}",
                f"{ago(r.last_interaction_at):<9}",
                ago(r.last_thanked),
                handles(r.identities),
            )
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
    when = fill(
        tx("CLI", "first %1, last %2, thanked %3"),
        ago(ledger.first_interaction_at),
        ago(ledger.last_interaction_at),
        ago(ledger.last_thanked),
    )
    print(f"  {when}")
    for window, label in (
        ("30", tx("CLI", "30 days")),
        ("90", tx("CLI", "90 days")),
        ("365", tx("CLI", "1 year")),
        ("all", tx("CLI", "all time")),
    ):
        both = data["ledger"][window]
        inbound = ", ".join(plural(n, k) for k, n in both["inbound"].items()) or "—"
        outbound = ", ".join(plural(n, k) for k, n in both["outbound"].items()) or "—"
        ways = fill(tx("CLI", "they → you: %1; you → them: %2"), inbound, outbound)
        print(f"  {label:>9}: {ways}")
    for ack in ledger.acknowledgements:
        extra = f" ({ack['how']})" if ack["how"] else ""
        if ack["snoozed_until"]:
            extra += " " + fill(tx("CLI", "until %1"), ack["snoozed_until"])
        if ack.get("member"):
            extra += " " + fill(tx("CLI", "by %1"), ack["member"])
        print(f"  {ack['at'][:10]} {action_word(ack['action'])}{extra} {ack['text']}".rstrip())
    if ledger.notes:
        print("  " + fill(tx("CLI", "notes: %1"), ledger.notes))
    return 0


def supporters(context: Context, args: Namespace) -> int:
    rows = context.services().quiet_supporters(days=args.days)
    if args.json:
        emit_json([{"person_id": p, "name": n, "inbound": c} for p, n, c in rows])
        return 0
    if not rows:
        print(tx("CLI", "Everyone who supported you lately has heard from you."))
    for pid, name, count in rows:
        said = fill(
            tx("CLI", "%1 supported you %2 and hasn't heard back"), name, plural(count, "time")
        )
        print(f"#{pid:<6} {said}")
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
        print(tx("CLI", "Nothing to share yet: add feeds or sync an account."))
    for n, c in enumerate(ranked, 1):
        by = f" — {c.author}" if c.author else ""
        print(f"{n:>3}. [{c.score:5.2f}] {c.title or c.url}{by}  [#{c.candidate_id}]")
        print(f"      {c.url}")
        print("      " + fill(tx("CLI", "why: %1"), "; ".join(reason(r) for r in c.reasons)))
    return 0


def _acknowledge(context: Context, person_id: int, action: AckAction, **kw: Any) -> str:
    return context.services().acknowledge(person_id, action, **kw)


def thank(context: Context, args: Namespace) -> int:
    from desktop.core.vocabulary import AckAction, AckHow  # desktop.core: not at start-up

    if args.send:
        if args.how not in (AckHow.REPLY, AckHow.LIKE):
            raise UsageError(
                tx("CLI", "--send posts a reply or a like: use --how reply or --how like")
            )
        result = context.services().send_thanks(
            args.person_id, text=args.text or None, how=args.how
        )
        if result.copied:
            print(result.text)
            if result.url:
                said = tx(
                    "CLI",
                    "(%1 has no way to post for you; marked thanked. Post it yourself: %2)",
                )
            else:
                said = tx("CLI", "(%1 has no way to post for you; marked thanked.)")
            print(fill(said, result.network, result.url))
        elif result.how == AckHow.LIKE:
            print(fill(tx("CLI", "Liked their post %1; marked thanked."), result.url))
        else:
            print(fill(tx("CLI", "Sent: %1"), result.url))
        return 0
    name = _acknowledge(context, args.person_id, AckAction.THANKED, how=args.how, text=args.text)
    print(fill(tx("CLI", "Marked %1 as thanked (%2)."), name, args.how))
    return 0


def dismiss(context: Context, args: Namespace) -> int:
    from desktop.core.vocabulary import AckAction

    name = _acknowledge(context, args.person_id, AckAction.DISMISSED)
    print(fill(tx("CLI", "Dismissed what %1 had pending."), name))
    return 0


def snooze(context: Context, args: Namespace) -> int:
    from desktop.core.vocabulary import AckAction

    name = _acknowledge(context, args.person_id, AckAction.SNOOZED, until=args.until)
    print(fill(tx("CLI", "Snoozed %1 until %2."), name, args.until.isoformat()))
    return 0


def merge(context: Context, args: Namespace) -> int:
    merged = context.services().merge(args.person_id, args.other_id)
    said = tx("CLI", "Merged %1 into %2 [#%3].")
    print(fill(said, merged.other_name, merged.name, merged.person_id))
    return 0


def interests(context: Context, args: Namespace) -> int:
    services = context.services()
    if args.action == "set":
        current = services.set_interests(args.words)
        if not current:
            raise UsageError(tx("CLI", "interests set needs at least one word (or use 'clear')"))
    else:
        if args.action == "clear":
            services.set_setting("interests", [])
        current = services.settings().get("interests") or []
    words = ", ".join(current) if current else tx("CLI", "none")
    print(fill(tx("CLI", "Interests: %1"), words))
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
        raise UsageError(
            fill(tx("CLI", "unknown setting %1; known: %2"), repr(args.key), ", ".join(known))
        )
    if args.value is not None:
        try:
            value = json.loads(args.value)
        except json.JSONDecodeError:
            raise UsageError(
                fill(tx("CLI", '%1 is not a JSON value (try true, 30, "en")'), repr(args.value))
            ) from None
        # A setting that is unset by default (null) takes a string, or null again.
        expected = str if known[args.key] is None else type(known[args.key])
        if value is None and known[args.key] is None:
            pass
        elif not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise UsageError(
                fill(
                    tx("CLI", "%1 takes a %2, not %3"),
                    args.key,
                    expected.__name__,
                    repr(args.value),
                )
            )
        services.set_setting(args.key, value)
    print(f"{args.key} = {json.dumps(services.settings()[args.key])}")
    return 0


def export(context: Context, args: Namespace) -> int:
    counts = context.services().export_store(args.path)
    said = tx("CLI", "Exported %1 people and %2 interactions to %3.")
    print(fill(said, counts["persons"], counts["interactions"], args.path))
    return 0


def import_(context: Context, args: Namespace) -> int:
    counts = context.services().import_store(args.path)
    said = tx("CLI", "Imported %1 people and %2 interactions.")
    print(fill(said, counts["persons"], counts["interactions"]))
    return 0

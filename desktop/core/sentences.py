"""What an interaction was, as a sentence: "They shared your post “…”", "You replied to
them". The People history, the archive search and `reciprocity search` all say it so."""

from __future__ import annotations

from desktop.core.i18n import fill, tx


def kind_sentence(kind: str, direction: str, text: str = "") -> str:
    """What happened, in a sentence, with the post's ``text`` (already shortened) if any."""
    inbound = direction == "inbound"
    with_post = {
        ("share", True): tx("History", "They shared your post “%1”"),
        ("quote", True): tx("History", "They quoted your post “%1”"),
        ("mention", True): tx("History", "They mentioned you: “%1”"),
        ("reply", True): tx("History", "They replied to you: “%1”"),
        ("like", True): tx("History", "They liked your post “%1”"),
        ("share", False): tx("History", "You shared their post “%1”"),
        ("quote", False): tx("History", "You quoted their post “%1”"),
        ("mention", False): tx("History", "You mentioned them: “%1”"),
        ("reply", False): tx("History", "You replied to them: “%1”"),
        ("like", False): tx("History", "You liked their post “%1”"),
    }
    bare = {
        ("share", True): tx("History", "They shared your post"),
        ("quote", True): tx("History", "They quoted your post"),
        ("mention", True): tx("History", "They mentioned you"),
        ("reply", True): tx("History", "They replied to you"),
        ("like", True): tx("History", "They liked your post"),
        ("follow", True): tx("History", "They followed you"),
        ("share", False): tx("History", "You shared their post"),
        ("quote", False): tx("History", "You quoted their post"),
        ("mention", False): tx("History", "You mentioned them"),
        ("reply", False): tx("History", "You replied to them"),
        ("like", False): tx("History", "You liked their post"),
        ("follow", False): tx("History", "You followed them"),
    }
    key = (kind, inbound)
    if text and key in with_post:
        return fill(with_post[key], text)
    return bare.get(key, f"{direction} {kind}")

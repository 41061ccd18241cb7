"""Profile URLs pasted by hand are read as the identity their network's imports give."""

import pytest

from desktop.core.profiles import profile_of


@pytest.mark.parametrize(
    ("url", "network", "stable_id", "handle"),
    [
        ("https://www.linkedin.com/in/Ana-Garcia/", "linkedin", "in/ana-garcia", "ana-garcia"),
        ("https://linkedin.com/in/begona-ruiz?trk=x", "linkedin", "in/begona-ruiz", "begona-ruiz"),
        ("https://www.instagram.com/ramon.diaz/", "instagram", "ramon.diaz", "ramon.diaz"),
        ("https://x.com/AnaG", "x", "@anag", "@AnaG"),
        ("https://twitter.com/@AnaG", "x", "@anag", "@AnaG"),
        ("https://www.facebook.com/profile.php?id=1000123", "facebook", "id:1000123", "1000123"),
        ("https://www.youtube.com/@Charlas", "youtube", "@charlas", "@Charlas"),
        (
            "https://bsky.app/profile/ana.bsky.social",
            "bluesky",
            "ana.bsky.social",
            "ana.bsky.social",
        ),
        (
            "https://social.example/@ana",
            "mastodon",
            "url:https://social.example/@ana",
            "@ana@social.example",
        ),
    ],
)
def test_a_profile_url_names_its_network_and_identity(url, network, stable_id, handle):
    profile = profile_of(url)
    assert (profile.network, profile.stable_id, profile.handle) == (network, stable_id, handle)


@pytest.mark.parametrize(
    "text",
    [
        "Ana García",
        "https://www.linkedin.com/feed/",
        "https://www.instagram.com/p/Cx123/",
        "https://x.com/AnaG/status/1",  # a post, not a profile: the first segment is the user
        "https://example.org/blog/post",
        "",
    ],
)
def test_what_is_not_a_profile_url(text):
    profile = profile_of(text)
    if text.startswith("https://x.com/AnaG/status"):
        assert profile is not None and profile.stable_id == "@anag"  # still names the author
    else:
        assert profile is None

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.urls import (
    TRACKING_PARAMS,
    InvalidURL,
    canonical_url,
    is_http_url,
)

CASES: list[tuple[str, str]] = [
    # News sites with campaign tags and fragments.
    (
        "https://www.theguardian.com/technology/2024/may/01/ai-story?utm_source=twitter"
        "&utm_medium=social&CMP=share_btn_tw",
        "https://www.theguardian.com/technology/2024/may/01/ai-story?CMP=share_btn_tw",
    ),
    (
        "https://www.nytimes.com/2024/03/05/science/space.html?smid=nytcore-ios-share#comments",
        "https://www.nytimes.com/2024/03/05/science/space.html?smid=nytcore-ios-share",
    ),
    (
        "https://www.bbc.co.uk/news/world-68000000?at_medium=RSS&at_campaign=KARANGA",
        "https://www.bbc.co.uk/news/world-68000000",
    ),
    (
        "https://elpais.com/tecnologia/2024-01-10/articulo.html?ocid=msedgntp&cmpid=foo",
        "https://elpais.com/tecnologia/2024-01-10/articulo.html",
    ),
    (
        "https://www.lemonde.fr/pixels/article/2024/02/02/x_123.html?fbclid=IwAR0abcDEF",
        "https://www.lemonde.fr/pixels/article/2024/02/02/x_123.html",
    ),
    # YouTube: v survives, si is tracking on YouTube hosts only.
    (
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=AbCdEfGh12345678",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    ),
    ("https://youtu.be/dQw4w9WgXcQ?si=AbCdEfGh12345678", "https://youtu.be/dQw4w9WgXcQ"),
    (
        "https://m.youtube.com/watch?v=abc123&t=42s&SI=xyz&feature=share",
        "https://m.youtube.com/watch?v=abc123&t=42s&feature=share",
    ),
    (
        "https://music.youtube.com/watch?v=xyz987&list=RDAMVM&si=zzz",
        "https://music.youtube.com/watch?v=xyz987&list=RDAMVM",
    ),
    (
        "https://www.example.es/buscar?q=hola&si=1&lang=es",
        "https://www.example.es/buscar?q=hola&si=1&lang=es",
    ),
    # Medium and Substack.
    (
        "https://medium.com/@someone/why-tests-matter-3f2a1b9c0d4e?source=rss----1&sk=abc",
        "https://medium.com/@someone/why-tests-matter-3f2a1b9c0d4e?source=rss----1&sk=abc",
    ),
    (
        "https://newsletter.example.substack.com/p/the-weekly-issue?r=2abcd&utm_source=substack"
        "&utm_campaign=post&utm_medium=web",
        "https://newsletter.example.substack.com/p/the-weekly-issue?r=2abcd",
    ),
    # Newsletters (Mailchimp, HubSpot, Marketo).
    (
        "https://blog.example.org/post/42/?mc_cid=8a7b6c5d4e&mc_eid=1f2e3d4c5b",
        "https://blog.example.org/post/42/",
    ),
    (
        "https://www.example.com/offer?_hsenc=p2ANqtz-abc&_hsmi=12345&__hstc=1.2.3&page=2",
        "https://www.example.com/offer?page=2",
    ),
    (
        "https://info.example.com/webinar?mkt_tok=MzYxLVhZWi0&id=77",
        "https://info.example.com/webinar?id=77",
    ),
    # Ad-click ids.
    (
        "https://shop.example.com/item/9?gclid=Cj0KCQiA&msclkid=abc&gbraid=x&wbraid=y&p=3",
        "https://shop.example.com/item/9?p=3",
    ),
    (
        "https://www.instagram.com/p/Cxyz123/?igsh=MWQ1ZGUxMzBkMA==",
        "https://www.instagram.com/p/Cxyz123/",
    ),
    # Plain `ref` is a real parameter; ref_src / ref_url are not.
    (
        "https://github.com/owner/repo/blob/main/README.md?ref=v1.2&ref_src=twsrc%5Etfw",
        "https://github.com/owner/repo/blob/main/README.md?ref=v1.2",
    ),
    # Default ports dropped, others kept.
    ("http://example.com:80/path", "http://example.com/path"),
    ("https://example.com:443/path", "https://example.com/path"),
    ("https://example.com:8443/path", "https://example.com:8443/path"),
    ("http://example.com:443/", "http://example.com:443/"),
    # Case: scheme and host lowered, path untouched.
    ("HTTPS://WWW.Example.COM/Some/Path/", "https://www.example.com/Some/Path/"),
    ("HtTp://Example.com", "http://example.com/"),
    # Userinfo dropped.
    ("https://user:secret@example.com/private", "https://example.com/private"),
    # IDN host: lower-cased, not punycoded.
    ("https://BÜCHER.example/Straße?utm_term=x", "https://bücher.example/Straße"),
    # Empty query after stripping leaves no "?"; blank values and order are kept.
    ("https://example.com/?utm_source=a&utm_medium=b", "https://example.com/"),
    ("https://example.com/x?a=1&utm_x=2&b=", "https://example.com/x?a=1&b="),
    ("https://example.com/x?", "https://example.com/x"),
    # Original encoding of kept parameters is preserved; encoded tracking names removed.
    (
        "https://example.com/s?q=caf%C3%A9+au+lait&utm%5Fsource=x&tag=a%2Fb",
        "https://example.com/s?q=caf%C3%A9+au+lait&tag=a%2Fb",
    ),
    # Surrounding whitespace stripped; fragment-only suffix dropped.
    ("  https://example.com/page#section-2 \n", "https://example.com/page"),
    ("https://example.com/page?id=3&fbclid=abc #top", "https://example.com/page?id=3"),
    # IPv6 literal with a non-default port.
    ("http://[2001:DB8::1]:8080/status", "http://[2001:db8::1]:8080/status"),
]


@pytest.mark.parametrize(("url", "expected"), CASES)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(("url", "expected"), CASES)
def test_canonical_url_is_stable_on_examples(url: str, expected: str) -> None:
    assert canonical_url(expected) == expected


@pytest.mark.parametrize(
    "url",
    [
        "ftp://ftp.example.com/file.txt",
        "mailto:someone@example.com",
        "not a url",
        "",
        "   ",
        "http://",
        "https://:443/",
        "https://user@/",
        "//example.com/no-scheme",
        "example.com/no-scheme",
        "javascript:alert(1)",
        "http://example.com:99999/",
        "http://example.com:http/",
        "http://[::1/",
    ],
)
def test_invalid_urls_raise(url: str) -> None:
    with pytest.raises(InvalidURL):
        canonical_url(url)
    assert not is_http_url(url)


def test_invalid_url_is_a_value_error() -> None:
    assert issubclass(InvalidURL, ValueError)


def test_error_message_names_url_truncated() -> None:
    url = "ftp://example.com/" + "x" * 500
    with pytest.raises(InvalidURL) as info:
        canonical_url(url)
    message = str(info.value)
    assert "ftp://example.com/xxx" in message
    assert "x" * 300 not in message
    assert len(message) < 300


def test_is_http_url() -> None:
    assert is_http_url("https://example.com")
    assert is_http_url("  http://example.com/a?b=c  ")
    assert not is_http_url("ftp://example.com")


def test_ambiguous_short_names_are_not_tracking() -> None:
    for name in ("ref", "id", "v", "p", "page", "q", "si"):
        assert name not in TRACKING_PARAMS


# --- Property: canonicalisation is idempotent --------------------------------------------

_label = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-éÜß", min_size=1, max_size=12)
_hosts = st.one_of(
    st.lists(_label, min_size=1, max_size=4).map(".".join),
    st.sampled_from(["www.youtube.com", "YouTu.be", "127.0.0.1", "[::1]", "[2001:DB8::A]"]),
)
_ports = st.one_of(st.none(), st.sampled_from([80, 443]), st.integers(0, 65535))
_safe_chars = "abcXYZ019-._~!$'()*,;=:@%+/ \t\xa0"
_path = st.text(alphabet=_safe_chars, max_size=20).map(lambda p: "/" + p.lstrip("/"))
_param_names = st.one_of(
    st.sampled_from(
        ["utm_source", "UTM_Medium", "fbclid", "si", "v", "ref", "id", "q", "_ga", "a", ""]
    ),
    st.text(alphabet="abcdefXYZ_%25", min_size=1, max_size=8),
)
_param = st.tuples(
    _param_names, st.one_of(st.none(), st.text(alphabet=_safe_chars, max_size=8))
).map(lambda nv: nv[0] if nv[1] is None else f"{nv[0]}={nv[1]}")
_query = st.lists(_param, max_size=6).map("&".join)


@st.composite
def http_urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["http", "https", "HTTP", "HttpS"]))
    userinfo = draw(st.sampled_from(["", "user@", "user:pw@"]))
    host = draw(_hosts)
    port = draw(_ports)
    netloc = userinfo + host + ("" if port is None else f":{port}")
    path = draw(st.one_of(st.just(""), _path))
    query = draw(_query)
    fragment = draw(st.one_of(st.just(""), st.text(alphabet=_safe_chars + "#?", max_size=8)))
    return (
        f"{scheme}://{netloc}{path}"
        + (f"?{query}" if query else "")
        + (f"#{fragment}" if fragment else "")
    )


@given(http_urls())
def test_canonical_url_is_idempotent(url: str) -> None:
    once = canonical_url(url)
    assert canonical_url(once) == once
    assert "#" not in once
    assert "utm_" not in once.lower().partition("?")[2]

"""Rich text: remote text is escaped, and only http(s) addresses ever become links."""

import pytest

from desktop.ui import rich


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<b>x</b>",
        "mailto:a@b.example",
        "http://[",
        "https:no-host",
        "",
        None,
    ],
)
def test_a_url_that_is_not_http_never_becomes_a_link(url):
    text = rich.link(url, "click <me>")
    assert "<a" not in text and "href" not in text
    assert text == "click &lt;me&gt;"
    assert "<a" not in rich.link(url)  # shown as its own text, escaped


def test_web_links_and_their_text_are_escaped():
    text = rich.link('https://x.example/?a=1&b="2"', "Ana <script>")
    assert text == ('<a href="https://x.example/?a=1&amp;b=&quot;2&quot;">Ana &lt;script&gt;</a>')
    assert rich.link("HTTP://x.example/").startswith('<a href="HTTP://x.example/">')


def test_plain_text_joined_to_rich_text_is_escaped_and_rich_text_is_not_twice():
    joined = rich.bold("a&b") + " <i>" + rich.escape(rich.escape("<"))
    assert joined == "<b>a&amp;b</b> &lt;i&gt;&lt;"
    assert rich.lines(["<x>", rich.link("https://a.example", "a")]) == (
        '&lt;x&gt;<br><a href="https://a.example">a</a>'
    )
    assert (
        rich.bullets(["1 < 2"], indent=-20)
        == "<ul style='margin-left:-20px'><li>1 &lt; 2</li></ul>"
    )
    assert rich.bullets([]) == ""
    assert rich.app_link("person:3", "Ben") == '<a href="person:3">Ben</a>'

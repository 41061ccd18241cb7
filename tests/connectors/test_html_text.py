"""html_text: the text-only view, and plain text skipping the parser, change no result."""

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.connectors import html_text as module
from desktop.connectors.html_text import PlainText, html_text, html_to_text


def _through_the_parser(html: str) -> PlainText:
    """What _convert gives when the parser always runs (as before the plain-text path)."""
    converter = module._Converter()
    converter.feed(html)
    converter.close()
    if converter.anchor is not None:
        converter._close_anchor()
    converter.result.text = module._tidy("".join(converter.parts))
    return converter.result


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            ["a", "É", " ", "\t", "\n", "\r", "\u00a0", "\x0b", "#", "@", "."]
        ),
        max_size=40,
    )
)
def test_plain_text_reads_as_the_parser_would_read_it(text):
    assert module._convert(text) == _through_the_parser(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_converts_the_same_and_html_text_is_its_text(text):
    assert module._convert(text) == _through_the_parser(text)
    assert html_text(text) == html_to_text(text).text


def test_html_text_is_the_text_of_html_to_text():
    for html in (
        None,
        "",
        "plain words  and\n\n\n\nbreaks",
        "<p>Hello <a href='https://x.example/a' class='mention'>@x</a> &amp; you</p>",
        "<p>long</p>" * 3000,  # beyond the cache
    ):
        assert html_text(html) == html_to_text(html).text
    assert html_text("a&amp;b") == "a&b"
    assert html_text("  x \u00a0 y  ") == "x y"

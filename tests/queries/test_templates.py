"""The template files and their one validator (desktop.queries.templates)."""

import json
from pathlib import Path

import pytest

from desktop.queries.templates import (
    SITUATIONS,
    TemplateError,
    credit_words,
    languages,
    load_templates,
    template_fields,
    template_problem,
)


def test_the_shipped_files_have_credit_words_next_to_the_thank_you_words():
    assert languages() == ["en", "es"]
    assert credit_words("en") == ("by", "via")
    assert credit_words("es-ES") == ("de", "vía")
    assert credit_words("pt") == credit_words(None) == ("by", "via")  # no file: English


def test_one_check_for_syntax_and_variables():
    assert template_problem("Thanks {name}, {mention}!") is None
    assert template_problem("Thanks {nickname}") == "unknown variable {nickname}"
    assert template_problem("Thanks {nickname}", None) is None  # syntax only
    assert template_problem("Thanks {name:>9}").startswith("write variables as {name} only")
    assert template_fields("{mention} {name}") == {"mention", "name"}
    with pytest.raises(TemplateError, match=r"unbalanced \{ or \}"):
        template_fields("Thanks {name")


def test_a_file_without_credit_words_is_refused(tmp_path: Path):
    (tmp_path / "en.json").write_text(json.dumps({s: ["Thanks!"] for s in SITUATIONS}))
    assert load_templates("en", tmp_path)["like"] == ("Thanks!",)
    with pytest.raises(TemplateError, match="no credit words"):
        credit_words("en", tmp_path)

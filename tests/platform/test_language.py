"""Which language the interface speaks: the choice in Settings, else the system's locale
as gettext reads it, else English."""

import pytest

from desktop.platform import language


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "es_ES.UTF-8"}, "es"),
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANG": "es_AR"}, "es"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # not a language of the interface: English
        ({"LANG": "C"}, "en"),
        ({"LANG": "C.UTF-8", "LANGUAGE": "es"}, "en"),  # C wins, as in gettext
        ({}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "es_CL.UTF-8"}, "es"),
        ({"LANG": "es_ES.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr:es:en"}, "es"),  # the first one spoken
        ({"LANG": "es_ES.UTF-8", "LANGUAGE": "en_US:es"}, "en"),
    ],
)
def test_the_system_language_follows_the_environment(env, expected):
    assert language.system_language(env) == expected


def test_a_choice_beats_the_system_and_system_forgets_it(tmp_path):
    spanish = {"LANG": "es_ES.UTF-8"}
    assert language.chosen(tmp_path) == language.SYSTEM
    assert language.current(tmp_path, spanish) == "es"
    language.choose(tmp_path, "en")
    assert language.chosen(tmp_path) == "en"
    assert language.current(tmp_path, spanish) == "en"
    language.choose(tmp_path, language.SYSTEM)
    assert not (tmp_path / language.CHOICE_FILE).exists()
    assert language.current(tmp_path, spanish) == "es"


def test_a_damaged_choice_means_the_system_and_a_wrong_one_is_refused(tmp_path):
    (tmp_path / language.CHOICE_FILE).write_text("klingon\n", encoding="utf-8")
    assert language.chosen(tmp_path) == language.SYSTEM
    with pytest.raises(ValueError, match="klingon"):
        language.choose(tmp_path, "klingon")

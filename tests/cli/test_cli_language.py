"""The CLI speaks the user's language: Spanish under a Spanish LANG or when Settings says
so, English under LANG=C; errors, prose and --help alike. `--json` is data: byte-identical
in every language. Run as a user runs it: a new process, its own environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from factories import ANA, BEN, POST1, add, ev

from desktop.platform import language

SPANISH = "es_ES.UTF-8"


def run(data_dir: Path, *args: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANGUAGE"))}
    env["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def data_dir(store) -> Path:
    add(store, ev(ANA, "share", post=POST1), ev(BEN, "like", post=POST1))
    return store.path.parent


def test_an_error_is_spanish_under_a_spanish_locale_and_english_under_c(data_dir):
    english = run(data_dir, "person", "999")
    spanish = run(data_dir, "person", "999", lang=SPANISH)
    assert english.returncode == spanish.returncode == 1
    assert english.stderr == "reciprocity: no person with id 999\n"
    assert spanish.stderr == "reciprocity: no hay ninguna persona con el id 999\n"


def test_a_usage_error_and_the_help_are_spanish_too(data_dir):
    wrong = run(data_dir, "people", "--limit", "cero", lang="es_MX.UTF-8")
    assert wrong.returncode == 2
    assert wrong.stderr == (
        "reciprocity people: error: argumento --limit: 'cero' no es un número entero "
        "(consulta reciprocity people --help)\n"
    )
    helped = run(data_dir, "--help", lang="es_AR.UTF-8")
    assert helped.returncode == 0
    assert helped.stdout.startswith("uso: reciprocity ")  # argparse's own words too
    assert "A quién agradecer y qué compartir, una vez al día." in helped.stdout
    assert "mostrar esta ayuda y salir" in helped.stdout
    assert "usage" not in helped.stdout and "options" not in helped.stdout


def test_pending_prints_spanish_prose(data_dir):
    english = run(data_dir, "pending")
    spanish = run(data_dir, "pending", lang=SPANISH)
    assert english.returncode == spanish.returncode == 0
    assert "1 share" in english.stdout and "thanked never" in english.stdout
    assert "1 compartido" in spanish.stdout
    assert "último agradecimiento nunca" in spanish.stdout
    assert "Ana García" in spanish.stdout  # names are data: the same in both


def test_the_choice_in_settings_beats_lang(data_dir):
    language.choose(data_dir, "es")
    assert "1 compartido" in run(data_dir, "pending").stdout  # LANG=C, yet Spanish
    language.choose(data_dir, "en")
    assert "1 share" in run(data_dir, "pending", lang=SPANISH).stdout


@pytest.mark.parametrize("command", [["status"], ["pending"], ["people"], ["candidates"]])
def test_json_is_the_same_bytes_in_every_language(data_dir, command):
    english = run(data_dir, *command, "--json")
    spanish = run(data_dir, *command, "--json", lang=SPANISH)
    assert english.returncode == spanish.returncode == 0
    assert english.stdout == spanish.stdout
    assert english.stdout.strip()

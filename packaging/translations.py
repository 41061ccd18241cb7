"""`make translations`: the catalogs, from the code, with Qt Linguist's own tools.

    python packaging/translations.py update    # lupdate: new strings into every .ts
    python packaging/translations.py release   # lrelease: every .ts into its .qm
    python packaging/translations.py           # both

``resources/translations/reciprocity_<lang>.ts`` is the source of truth (translators edit
it, with Qt Linguist or any editor); the ``.qm`` files beside the package's resources are
built from it and committed, and tests/test_translations.py checks that they match.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "desktop"
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = ROOT / "desktop" / "resources" / "translations"
CATALOG = "reciprocity"
LANGUAGES = {"es": "es_ES"}  # language -> lupdate's target (it sets the plural forms)

LUPDATE_OPTIONS = [
    "-tr-function-alias",
    "translate+=tx",  # desktop.core.i18n.tx, for every string outside a QObject
    "-locations",
    "none",  # no line numbers: moving code does not touch the catalogs
    "-no-obsolete",
    "-source-language",
    "en",
]


def tool(name: str) -> str:
    """A Qt tool from the PySide6 wheel, next to this Python."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (make test does)")
    return found


def python_sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in SOURCES.rglob("*.py"))


def ts_path(language: str) -> Path:
    return TS_DIR / f"{CATALOG}_{language}.ts"


def qm_path(language: str) -> Path:
    return QM_DIR / f"{CATALOG}_{language}.qm"


def update(ts: Path, language: str) -> str:
    """Bring ``ts`` up to date with the code; lupdate's summary."""
    command = [tool("pyside6-lupdate"), *python_sources(), *LUPDATE_OPTIONS]
    command += ["-target-language", LANGUAGES[language], "-ts", str(ts)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def release(ts: Path, qm: Path, *, strict: bool = False) -> str:
    qm.parent.mkdir(parents=True, exist_ok=True)
    command = [tool("pyside6-lrelease"), str(ts), "-qm", str(qm), "-nounfinished"]
    if strict:
        command.append("-fail-on-unfinished")
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stdout + done.stderr)
    return done.stdout + done.stderr


def main(argv: list[str]) -> int:
    steps = argv or ["update", "release"]
    for language in LANGUAGES:
        if "update" in steps:
            TS_DIR.mkdir(parents=True, exist_ok=True)
            print(update(ts_path(language), language), end="")
        if "release" in steps:
            print(release(ts_path(language), qm_path(language)), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

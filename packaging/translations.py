"""`make translations`: the catalogs, from the code, with Qt Linguist's own tools.

    python packaging/translations.py update    # lupdate: new strings into every .ts
    python packaging/translations.py release   # lrelease: every .ts into its .qm
    python packaging/translations.py           # both
    python packaging/translations.py todo es OUT.json   # what is not translated yet
    python packaging/translations.py fill es IN.json    # translations from such a file

`todo` and `fill` are for translating outside Qt Linguist (a translator's own tool, or
several translators at once): a JSON list of {context, source, numerus, translation},
where a plural's translation is a list of its forms ([one, other] in Spanish).

``resources/translations/reciprocity_<lang>.ts`` is the source of truth (translators edit
it, with Qt Linguist or any editor); the ``.qm`` files beside the package's resources are
built from it and committed, and tests/test_translations.py checks that they match.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
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


def _messages(root: ET.Element):
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def todo(ts: Path, out: Path) -> int:
    """Write the messages still unfinished in ``ts`` to ``out`` (JSON); how many."""
    items = []
    for context, message in _messages(ET.parse(ts).getroot()):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        numerus = message.get("numerus") == "yes"
        items.append(
            {
                "context": context,
                "source": message.findtext("source"),
                "numerus": numerus,
                "comment": message.findtext("comment") or message.findtext("extracomment") or "",
                "translation": ["", ""] if numerus else "",
            }
        )
    out.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(items)


def fill(ts: Path, source: Path) -> int:
    """Put the translations of ``source`` (JSON, as `todo` writes it) into ``ts``, matched
    by context and source text; how many. lupdate rewrites the file in its own layout."""
    given = {
        (item["context"], item["source"]): item["translation"]
        for item in json.loads(source.read_text(encoding="utf-8"))
        if item.get("translation") and all(item["translation"])
    }
    tree = ET.parse(ts)
    filled = 0
    for context, message in _messages(tree.getroot()):
        text = given.get((context, message.findtext("source")))
        translation = message.find("translation")
        if text is None or translation is None:
            continue
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        if message.get("numerus") == "yes":
            for form in text if isinstance(text, list) else [text, text]:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = text[-1] if isinstance(text, list) else text
        translation.attrib.pop("type", None)
        filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")
    return filled


def main(argv: list[str]) -> int:
    if argv[:1] in (["todo"], ["fill"]) and len(argv) == 3:
        command, language, path = argv
        ts = ts_path(language)
        if command == "todo":
            print(f"{todo(ts, Path(path))} messages to translate in {path}")
        else:
            print(f"{fill(ts, Path(path))} translations put into {ts.name}")
            print(update(ts, language), end="")  # back to lupdate's own layout
        return 0
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

"""The Spanish catalog is complete and current: lupdate finds nothing new, unfinished or
gone in the code, the shipped .qm is the .ts compiled, and every translation keeps its
source's placeholders, plural forms and accelerators."""

import json
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import translations as catalogs  # noqa: E402  (packaging/translations.py)

LANGUAGES = sorted(catalogs.LANGUAGES)
PLACEHOLDER = re.compile(r"%(?:\d|n|L\d)")
MAKE = "run `make translations`, then translate what is new in"


def messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalog_holds_exactly_the_strings_of_the_code(tmp_path, language):
    committed = catalogs.ts_path(language)
    copy = tmp_path / committed.name
    shutil.copy(committed, copy)
    catalogs.update(copy, language)
    if copy.read_text(encoding="utf-8") != committed.read_text(encoding="utf-8"):
        new = {
            (ctx, m.findtext("source"))
            for ctx, m in messages(copy)
            if m.find("translation").get("type") == "unfinished"
        }
        known = {(ctx, m.findtext("source")) for ctx, m in messages(committed)}
        gone = known - {(ctx, m.findtext("source")) for ctx, m in messages(copy)}
        pytest.fail(
            f"{committed.name} is not what the code says ({MAKE} it). "
            f"New or changed: {sorted(new)[:10]}; no longer in the code: {sorted(gone)[:10]}"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    unfinished = [
        (ctx, m.findtext("source"))
        for ctx, m in messages(catalogs.ts_path(language))
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert not unfinished, f"{len(unfinished)} not translated, e.g. {unfinished[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_catalog_is_the_ts_compiled(tmp_path, language):
    built = tmp_path / "built.qm"
    catalogs.release(catalogs.ts_path(language), built, strict=True)
    shipped = catalogs.qm_path(language)
    assert shipped.exists(), f"{shipped} is missing: {MAKE} {language}"
    assert built.read_bytes() == shipped.read_bytes(), f"{shipped.name} is stale: {MAKE}"


def forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_plurals_and_accelerators(language):
    problems = []
    for ctx, message in messages(catalogs.ts_path(language)):
        source = message.findtext("source")
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for form in forms(message):
            if sorted(set(PLACEHOLDER.findall(form))) != wanted:
                problems.append((ctx, source, form, "placeholders"))
            if source.count("&") != form.count("&"):
                problems.append((ctx, source, form, "accelerator"))
            if source[:1].isspace() != form[:1].isspace():
                problems.append((ctx, source, form, "leading space"))
        if message.get("numerus") == "yes" and len(forms(message)) != 2:
            problems.append((ctx, source, forms(message), "Spanish has two plural forms"))
    assert not problems, problems[:10]


def test_every_context_is_one_the_code_translates_with():
    """lupdate names a context after the class around self.tr() or tx()'s first argument:
    a call on another object (parent.tr) gets that object's name, which no translator
    lookup ever uses, and a bare module-level tr() gets none."""
    contexts = {ctx for ctx, _ in messages(catalogs.ts_path(LANGUAGES[0]))}
    bad = sorted(ctx for ctx in contexts if not re.fullmatch(r"[A-Z][A-Za-z0-9 -]*", ctx))
    assert not bad, f"contexts no run-time lookup uses: {bad}"


def test_todo_and_fill_round_trip_through_lupdate(tmp_path):
    """What `translations.py todo` lists, `fill` puts back: the file comes out as lupdate
    writes it, byte for byte."""
    committed = catalogs.ts_path("es")
    copy = tmp_path / committed.name
    tree = ET.parse(committed)
    context, message = next(
        (c, m) for c, m in messages(committed) if m.get("numerus") == "yes"
    )  # a plural, the harder case
    source = message.findtext("source")
    wanted = forms(message)
    for c in tree.getroot().iter("context"):
        for m in c.iter("message"):
            if c.findtext("name") == context and m.findtext("source") == source:
                translation = m.find("translation")
                for form in translation:
                    form.text = ""
                translation.set("type", "unfinished")
    tree.write(copy, encoding="utf-8", xml_declaration=True)
    listed = tmp_path / "todo.json"
    assert catalogs.todo(copy, listed) == 1
    (item,) = json.loads(listed.read_text(encoding="utf-8"))
    assert (item["context"], item["source"], item["numerus"]) == (context, source, True)
    item["translation"] = wanted
    listed.write_text(json.dumps([item], ensure_ascii=False), encoding="utf-8")
    assert catalogs.fill(copy, listed) == 1
    catalogs.update(copy, "es")
    assert copy.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")

"""`reciprocity doctor`: does this installation have everything it needs? Each check names
what it looked at (a path, a version), so a broken wheel or bundle says which file is
missing instead of failing later in front of the user; the packaging checks (make
bundle-test) run it against the frozen bundle and the installed wheel.

The Qt checks (plugins, the catalogs through QTranslator, the window) are in
desktop.ui.doctor: this layer imports no Qt.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import desktop
from desktop.core.i18n import PLURAL, fill, tx


@dataclass(frozen=True)
class Check:
    name: str  # a stable key, for --json and the packaging checks
    ok: bool
    detail: str  # what was looked at, or what is wrong
    path: str = ""  # where it was found, if it is a file or a folder

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _check(name: str, probe: Callable[[], tuple[str, Path | None]]) -> Check:
    """Run one probe; any exception is that check failing, in its own words."""
    try:
        detail, path = probe()
    except Exception as exc:
        return Check(name, False, f"{type(exc).__name__}: {exc}")
    return Check(name, True, detail, str(path) if path is not None else "")


def _version() -> tuple[str, Path | None]:
    how = (
        tx("Doctor", "bundle")
        if getattr(sys, "frozen", False)
        else fill(tx("Doctor", "Python %1"), sys.version.split()[0])
    )
    return f"{desktop.__version__} ({how})", Path(desktop.__file__).parent


def _templates() -> tuple[str, Path | None]:
    from desktop.queries import templates

    found = templates.languages()
    if not found:
        raise desktop.MissingResource(tx("Doctor", "no thank-you templates"))
    for language in found:
        templates.load_templates(language)
    return ", ".join(found), desktop.resource("resources", "templates")


def _catalogs() -> tuple[str, Path | None]:
    folder = desktop.resource("resources", "translations")
    found = sorted(p.name for p in folder.glob("*.qm") if p.stat().st_size > 0)
    if not found:
        raise desktop.MissingResource(fill(tx("Doctor", "no compiled catalog in %1"), folder))
    return ", ".join(found), folder


def _menu_files() -> tuple[str, Path | None]:
    from desktop.platform import desktop_entry

    files = desktop_entry.shipped_files()
    count = len(files)
    return tx("Doctor", "%n files", None, PLURAL, count), desktop.resource("resources", "share")


def _demo() -> tuple[str, Path | None]:
    from desktop.demo import content

    if not (content.FEEDS and content.MY_POSTS):
        raise desktop.MissingResource(tx("Doctor", "the demo content is empty"))
    count = len(content.FEEDS)
    return tx("Doctor", "%n feeds", None, PLURAL, count), desktop.resource("resources", "demo")


def _migrations() -> tuple[str, Path | None]:
    """A new store made and migrated to the newest schema, in a temporary folder."""
    from desktop.app.stores import at_head, open_store
    from desktop.store.database import MIGRATIONS, head_revision

    with tempfile.TemporaryDirectory(prefix="reciprocity-doctor-") as folder:
        url = f"sqlite:///{Path(folder) / 'check.db'}"
        open_store(url).close()
        if not at_head(url):
            raise RuntimeError(tx("Doctor", "a new store did not reach the newest schema"))
    return fill(tx("Doctor", "schema %1"), head_revision()), MIGRATIONS


def _certificates() -> tuple[str, Path | None]:
    import certifi  # requests' CA bundle: without it no HTTPS request can be verified

    path = Path(certifi.where())
    if not path.is_file():
        raise desktop.MissingResource(fill(tx("Doctor", "missing: %1"), path))
    return certifi.__version__, path


def _keyring(roundtrip: bool) -> Callable[[], tuple[str, Path | None]]:
    def probe() -> tuple[str, Path | None]:
        from keyring.backend import get_all_keyring

        from desktop.platform.secrets import SecretStore

        store = SecretStore()
        name = store.backend_name()
        store.check()
        if roundtrip:  # a throwaway secret written, read back and deleted
            key = "doctor:check"
            store.set(key, "probe", "reciprocity-doctor")
            try:
                if store.get(key, "probe") != "reciprocity-doctor":
                    raise RuntimeError(tx("Doctor", "the keyring gave back another secret"))
            finally:
                store.delete(key, "probe")
        found = sorted({type(b).__module__.rsplit(".", 1)[-1] for b in get_all_keyring()})
        return fill(tx("Doctor", "%1 (backends found: %2)"), name, ", ".join(found)), None

    return probe


def checks(*, keyring_roundtrip: bool = False) -> Iterator[Check]:
    """Every check that needs no Qt, in the order they are shown."""
    yield _check("version", _version)
    yield _check("templates", _templates)
    yield _check("catalogs", _catalogs)
    yield _check("menu files", _menu_files)
    yield _check("demo", _demo)
    yield _check("migrations", _migrations)
    yield _check("certificates", _certificates)
    yield _check("keyring", _keyring(keyring_roundtrip))


__all__ = ["Check", "checks"]

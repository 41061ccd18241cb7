"""Writes packaging/flatpak/python3-deps.json: the flatpak-builder module that installs
Reciprocity's Python dependencies inside the Flatpak, every file pinned by URL and sha256
(flatpak-builder downloads them before the build; the build itself has no network).

    .venv/bin/python packaging/flatpak/generate_deps.py          # rewrite the JSON
    .venv/bin/python packaging/flatpak/generate_deps.py --check  # exit 1 if it is stale

What goes in:
- `[project] dependencies` from pyproject.toml, with their own dependencies, at the versions
  the venv running this script resolved (`pip freeze`): the pins are the versions the test
  suite ran against. PySide6-Essentials is left out: the BaseApp brings PySide6.
- Markers are evaluated for the Flatpak's Python (TARGET_PYTHON) on Linux, x86_64 and
  aarch64, not for the venv's: on Python 3.13 keyring needs no importlib_metadata and
  jaraco.context no backports.tarfile, so neither is shipped.

Which file per package (the order flatpak-pip-generator uses by default):
1. a universal wheel (py3-none-any): pure Python, the wheel is the source files themselves
   and installs without a build backend. Their sdists would need flit_core, hatchling and
   its plugins, setuptools_scm, coherent.licensed or poetry-core at build time, which the
   KDE SDK does not ship;
2. else the sdist, compiled in the SDK (MarkupSafe, cffi, regex: C, built with setuptools);
3. PLATFORM_WHEELS only: the manylinux wheel for each architecture (`only-arches`).

Needs network (PyPI's JSON API) and the `packaging` library (`pip install -e '.[packaging]'`).
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from packaging.requirements import Requirement
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = ROOT / "pyproject.toml"
OUTPUT = Path(__file__).resolve().parent / "python3-deps.json"

# org.kde.Platform 6.10 is built on the freedesktop SDK 25.08, whose Python is 3.13. A new
# runtime branch may bring a new Python: change this with the manifest's runtime-version.
TARGET_PYTHON = (3, 13)
ARCHES = ("x86_64", "aarch64")  # what Flathub builds
# Wheels may need at most this glibc (manylinux_2_N); the 25.08 runtime's is newer.
MAX_GLIBC_MINOR = 34

# Installed by io.qt.PySide.BaseApp, built against the runtime's Qt: a pip copy would bring
# a second Qt that does not match the runtime's plugins.
PROVIDED_BY_BASE = {"pyside6-essentials"}

# A manylinux wheel instead of the sdist, and why.
PLATFORM_WHEELS = {
    "cryptography": "its sdist is Rust, built with maturin: neither is in the KDE SDK "
    "(the rust-stable SDK extension plus every vendored crate as a source would be)",
    "orjson": "its sdist is Rust, built with maturin, as cryptography's is",
}

PIP_INSTALL = (
    'pip3 install --verbose --exists-action=i --no-index --find-links="file://${PWD}" '
    "--prefix=${FLATPAK_DEST} --no-build-isolation --ignore-installed"
)
FILES_HOST = "https://files.pythonhosted.org/packages/"


@dataclass(frozen=True)
class Pin:
    name: str  # as the package spells it (jaraco.classes)
    version: str


@dataclass(frozen=True)
class Source:
    filename: str
    url: str
    sha256: str
    arch: str | None = None  # None: every architecture

    def as_json(self) -> dict[str, Any]:
        source: dict[str, Any] = {"type": "file", "url": self.url, "sha256": self.sha256}
        if self.arch:
            source["only-arches"] = [self.arch]
        return source


def target_environment(arch: str) -> dict[str, str]:
    """The marker environment of the Flatpak's Python on one architecture (nothing taken
    from the Python running this script)."""
    version = ".".join(map(str, TARGET_PYTHON))
    return {
        "python_version": version,
        "python_full_version": f"{version}.0",
        "implementation_name": "cpython",
        "implementation_version": f"{version}.0",
        "platform_python_implementation": "CPython",
        "sys_platform": "linux",
        "os_name": "posix",
        "platform_system": "Linux",
        "platform_machine": arch,
        "platform_release": "",
        "platform_version": "",
    }


def runtime_requirements(pyproject: Path = PYPROJECT) -> list[Requirement]:
    """`[project] dependencies`, less what the base app provides."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    reqs = [Requirement(text) for text in project["dependencies"]]
    return [r for r in reqs if canonicalize_name(r.name) not in PROVIDED_BY_BASE]


def applies(req: Requirement, extras: Iterable[str] = ()) -> bool:
    """Whether a requirement holds on the Flatpak's Python, on any of its architectures."""
    if req.marker is None:
        return True
    return any(
        req.marker.evaluate({**target_environment(arch), "extra": extra})
        for arch in ARCHES
        for extra in ("", *extras)
    )


def installed() -> dict[str, metadata.Distribution]:
    return {canonicalize_name(d.metadata["Name"]): d for d in metadata.distributions()}


def resolve(
    reqs: Iterable[Requirement], dists: dict[str, metadata.Distribution] | None = None
) -> list[Pin]:
    """Every package the requirements need on the Flatpak's Python, at the version installed
    in this environment, sorted by name. Fails if one is missing or out of its range."""
    dists = installed() if dists is None else dists
    pins: dict[str, Pin] = {}
    queue: list[tuple[Requirement, str]] = [(r, "pyproject.toml") for r in reqs]
    while queue:
        req, wanted_by = queue.pop(0)
        key = canonicalize_name(req.name)
        if key in PROVIDED_BY_BASE or not applies(req):
            continue
        dist = dists.get(key)
        if dist is None:
            raise SystemExit(
                f"{req.name} (needed by {wanted_by}) is not installed here: "
                "run this from the project's venv (pip install -e '.[packaging]')"
            )
        version = dist.version
        if not req.specifier.contains(version, prereleases=True):
            raise SystemExit(f"{req.name} {version} is installed, {wanted_by} wants {req}")
        if key in pins:
            continue
        pins[key] = Pin(dist.metadata["Name"], version)
        for text in dist.requires or []:
            child = Requirement(text)
            if applies(child, req.extras):
                queue.append((child, f"{dist.metadata['Name']} {version}"))
    return sorted(pins.values(), key=lambda p: canonicalize_name(p.name))


def platform_tags(arch: str) -> list[Tag]:
    """The wheel tags the Flatpak's Python accepts, best first (as pip orders them)."""
    platforms = [f"manylinux_2_{minor}_{arch}" for minor in range(MAX_GLIBC_MINOR, 16, -1)]
    platforms.append(f"manylinux2014_{arch}")
    return [
        *cpython_tags(python_version=TARGET_PYTHON, platforms=platforms),
        *compatible_tags(python_version=TARGET_PYTHON, platforms=platforms),
    ]


def release_files(pin: Pin, session: requests.Session) -> list[dict[str, Any]]:
    """The files PyPI has for one release (its JSON API, `releases` of the project)."""
    url = f"https://pypi.org/pypi/{canonicalize_name(pin.name)}/json"
    response = session.get(url, timeout=60)
    response.raise_for_status()
    files = response.json()["releases"].get(pin.version)
    if not files:
        raise SystemExit(f"PyPI has no files for {pin.name} {pin.version}")
    for f in files:
        f["url"] = canonical_url(urljoin(url, f["url"]))
    return [f for f in files if not f.get("yanked")]


def canonical_url(url: str) -> str:
    """The public address of a PyPI file. An index may answer with its own copy of the
    path (…/packages/packages/ab/cd/<hash>/<file>); the manifest needs the public one."""
    path = urlsplit(url).path
    marker = "/packages/"
    tail = path[path.rindex(marker) + len(marker) :] if marker in path else ""
    if not tail:
        raise SystemExit(f"not a PyPI file address: {url}")
    return FILES_HOST + tail


def choose(pin: Pin, files: list[dict[str, Any]]) -> list[Source]:
    """The file or files (one per architecture) that install this release in the Flatpak."""
    wheels = [f for f in files if f["filename"].endswith(".whl")]
    if canonicalize_name(pin.name) in PLATFORM_WHEELS:
        return [best_wheel(pin, wheels, arch) for arch in ARCHES]
    universal = Tag("py3", "none", "any")
    for f in wheels:
        if universal in parse_wheel_filename(f["filename"])[3]:
            return [source(f)]
    sdists = sorted(
        (f for f in files if f["packagetype"] == "sdist"),
        key=lambda f: not f["filename"].endswith(".tar.gz"),
    )
    if not sdists:
        raise SystemExit(f"{pin.name} {pin.version}: no universal wheel and no sdist")
    return [source(sdists[0])]


def best_wheel(pin: Pin, wheels: list[dict[str, Any]], arch: str) -> Source:
    order = {tag: rank for rank, tag in enumerate(platform_tags(arch))}
    ranked = [
        (min(order.get(t, len(order)) for t in parse_wheel_filename(f["filename"])[3]), f)
        for f in wheels
    ]
    ranked = [(rank, f) for rank, f in ranked if rank < len(order)]
    if not ranked:
        raise SystemExit(f"{pin.name} {pin.version}: no wheel for {arch}")
    return source(min(ranked, key=lambda item: item[0])[1], arch)


def source(f: dict[str, Any], arch: str | None = None) -> Source:
    return Source(f["filename"], f["url"], f["digests"]["sha256"], arch)


def build_module(pins: list[Pin], sources: list[Source]) -> dict[str, Any]:
    names = " ".join(f"{p.name}=={p.version}" for p in pins)
    return {
        "name": "python3-deps",
        "x-generated-by": "packaging/flatpak/generate_deps.py: do not edit by hand",
        "buildsystem": "simple",
        "build-commands": [f"{PIP_INSTALL} {names}"],
        # Console scripts of the libraries (alembic, keyring, normalizer…): not the app's.
        "cleanup": ["/bin"],
        "sources": [s.as_json() for s in sorted(sources, key=lambda s: (s.filename, s.arch))],
    }


def generate() -> str:
    pins = resolve(runtime_requirements())
    with requests.Session() as session:
        sources = [s for pin in pins for s in choose(pin, release_files(pin, session))]
    return json.dumps(build_module(pins, sources), indent=4) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the JSON is stale")
    args = parser.parse_args(argv)
    text = generate()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is stale: run {Path(__file__).name}")
            return 1
        print(f"{OUTPUT.relative_to(ROOT)} is up to date")
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

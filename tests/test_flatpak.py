"""The Flatpak (packaging/flatpak): the manifest names the app and its command, asks only for
the permissions the app uses, installs the package's desktop entry, metadata and icons, and
gets every Python dependency but PySide6 as a file pinned by URL and sha256.

Whether those desktop and metadata files pass desktop-file-validate and appstreamcli is
tests/test_packaging.py's (the same files: this checks the manifest installs exactly them).
Building needs Flathub's runtimes, which this machine has not: packaging/flatpak/README.md.
"""

import json
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import PathDistribution
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename

from desktop import APP_ID

ROOT = Path(__file__).resolve().parents[1]
FLATPAK = ROOT / "packaging" / "flatpak"
MANIFEST = FLATPAK / f"{APP_ID}.yml"
DEPS = FLATPAK / "python3-deps.json"
SHARE = ROOT / "desktop" / "resources" / "share"

sys.path.insert(0, str(FLATPAK))
import generate_deps  # noqa: E402  (packaging/flatpak/generate_deps.py)

# What the app does, and no more: the window (Wayland, X11 fallback and its shared memory),
# HTTPS, the tray, notifications with replaces_id, the keyring. Portals need no entry.
FINISH_ARGS = {
    "--socket=wayland",
    "--socket=fallback-x11",
    "--share=ipc",
    "--share=network",
    "--talk-name=org.kde.StatusNotifierWatcher",
    "--talk-name=org.freedesktop.Notifications",
    "--talk-name=org.freedesktop.secrets",
}


@pytest.fixture(scope="module")
def manifest() -> dict:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def deps() -> dict:
    return json.loads(DEPS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def app_module(manifest) -> dict:
    (module,) = [
        m for m in manifest["modules"] if isinstance(m, dict) and m["name"] == "reciprocity"
    ]
    return module


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_manifest_is_the_app_id_and_starts_the_reciprocity_command(manifest):
    assert manifest["id"] == APP_ID
    assert manifest["command"] == "reciprocity"
    assert "reciprocity" in pyproject()["project"]["scripts"]  # what pip puts in /app/bin


def test_runtime_and_pyside_base_are_one_branch_inside_the_pyside_pin(manifest):
    assert (manifest["runtime"], manifest["sdk"]) == ("org.kde.Platform", "org.kde.Sdk")
    assert manifest["base"] == "io.qt.PySide.BaseApp"
    assert manifest["runtime-version"] == manifest["base-version"]
    (pin,) = [
        Requirement(r)
        for r in pyproject()["project"]["dependencies"]
        if canonicalize_name(Requirement(r).name) == "pyside6-essentials"
    ]
    # The branch is the PySide6 minor version the BaseApp builds (6.10 → 6.10.x).
    assert f"{manifest['base-version']}.0" in pin.specifier
    assert manifest["build-options"]["env"] == {
        "BASEAPP_REMOVE_WEBENGINE": "1",
        "BASEAPP_DISABLE_NUMPY": "1",
    }
    assert manifest["cleanup-commands"] == ["/app/cleanup-BaseApp.sh"]


def test_finish_args_are_exactly_what_the_app_uses(manifest):
    args = manifest["finish-args"]
    assert len(args) == len(set(args)), args
    assert set(args) == FINISH_ARGS


@pytest.mark.parametrize(
    "broad",
    ["--filesystem=", "--device=", "--socket=session-bus", "--talk-name=org.freedesktop.portal"],
)
def test_no_filesystem_device_bus_or_portal_permission(manifest, broad):
    assert not [a for a in manifest["finish-args"] if a.startswith(broad)]


def test_every_finish_arg_has_its_reason_above_it():
    lines = MANIFEST.read_text(encoding="utf-8").splitlines()
    start = lines.index("finish-args:")
    for i in range(start + 1, len(lines)):
        if not lines[i].startswith("  "):
            break
        if lines[i].lstrip().startswith("- "):
            assert lines[i - 1].lstrip().startswith("#"), f"no comment above {lines[i]!r}"


def test_modules_are_the_generated_deps_then_the_app_from_this_tree(manifest, app_module):
    assert manifest["modules"][0] == DEPS.name
    (source,) = app_module["sources"]
    assert source["type"] == "dir"
    assert (MANIFEST.parent / source["path"]).resolve() == ROOT


def test_app_is_installed_by_pip_without_network_or_dependencies(app_module):
    pip = shlex.split(app_module["build-commands"][0])
    assert pip[:2] == ["pip3", "install"]
    assert {"--no-deps", "--no-build-isolation", "--no-index", "--prefix=${FLATPAK_DEST}"} <= set(
        pip
    )
    assert pip[-1] == "."


def installs(app_module) -> dict[str, str]:
    """source path (relative to the tree) -> destination, for every `install` command."""
    pairs = {}
    for command in app_module["build-commands"]:
        argv = shlex.split(command)
        if argv[0] == "install":
            *_, src, dest = argv
            pairs[src] = dest
    return pairs


def test_app_module_installs_every_file_of_the_package_share_folder(app_module):
    shipped = {
        p.relative_to(ROOT).as_posix(): p.relative_to(SHARE).as_posix()
        for p in SHARE.rglob("*")
        if p.is_file()
    }
    assert shipped, "desktop/resources/share is empty"
    pairs = installs(app_module)
    for src in pairs:
        assert (ROOT / src).is_file(), f"the manifest installs {src}, which is not in the tree"
    assert set(pairs) == set(shipped)
    for src, rel in shipped.items():
        assert pairs[src] == f"${{FLATPAK_DEST}}/share/{rel}"  # the same layout under /app


def test_desktop_entry_runs_the_manifest_command(app_module):
    (entry,) = [s for s in installs(app_module) if s.endswith(".desktop")]
    exec_line = [x for x in (ROOT / entry).read_text().splitlines() if x.startswith("Exec=")]
    assert exec_line[0] == "Exec=reciprocity"


# --- python3-deps.json -------------------------------------------------------------------


def package_of(url: str) -> tuple[str, str]:
    filename = url.rsplit("/", 1)[1]
    if filename.endswith(".whl"):
        name, version, *_ = parse_wheel_filename(filename)
    else:
        name, version = parse_sdist_filename(filename)
    return canonicalize_name(name), str(version)


def pins(deps: dict) -> dict[str, str]:
    (command,) = deps["build-commands"]
    found = re.findall(r"(\S+)==(\S+)", command)
    return {canonicalize_name(name): version for name, version in found}


def test_every_dependency_source_is_a_pypi_file_pinned_by_sha256(deps):
    assert deps["sources"]
    for source in deps["sources"]:
        assert source["type"] == "file"
        assert source["url"].startswith("https://files.pythonhosted.org/packages/"), source
        assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"]), source
        package_of(source["url"])  # a wheel or an sdist name


def test_deps_install_offline_into_app_exactly_the_pinned_files(deps):
    argv = shlex.split(deps["build-commands"][0])
    assert argv[:2] == ["pip3", "install"]
    assert {"--no-index", "--no-build-isolation", "--prefix=${FLATPAK_DEST}"} <= set(argv)
    assert "--find-links=file://${PWD}" in argv
    shipped = {package_of(s["url"]) for s in deps["sources"]}
    assert shipped == set(pins(deps).items())


def test_deps_cover_every_runtime_dependency_but_pyside(deps):
    pinned = pins(deps)
    for text in pyproject()["project"]["dependencies"]:
        req = Requirement(text)
        name = canonicalize_name(req.name)
        if name == "pyside6-essentials":
            assert not {"pyside6-essentials", "shiboken6"} & set(pinned)  # the BaseApp's
            continue
        if req.marker and not req.marker.evaluate({"sys_platform": "linux"}):
            continue
        assert name in pinned, f"{req.name} is not in {DEPS.name}"
        assert pinned[name] in req.specifier, f"{name} {pinned[name]} does not meet {req}"


def test_only_compiled_wheels_are_per_architecture(deps):
    per_arch: dict[str, set[str]] = {}
    for source in deps["sources"]:
        filename = source["url"].rsplit("/", 1)[1]
        if filename.endswith(".whl") and not filename.endswith("-none-any.whl"):
            (arch,) = source["only-arches"]
            assert arch in filename
            per_arch.setdefault(package_of(source["url"])[0], set()).add(arch)
        else:
            assert "only-arches" not in source, source
    for name, arches in per_arch.items():
        assert name in generate_deps.PLATFORM_WHEELS
        assert arches == set(generate_deps.ARCHES), name


# --- the generator, on made-up releases (no network) ------------------------------------


def dist(tmp_path: Path, name: str, version: str, *requires: str) -> PathDistribution:
    info = tmp_path / f"{name}-{version}.dist-info"
    info.mkdir()
    lines = [f"Name: {name}", f"Version: {version}", *(f"Requires-Dist: {r}" for r in requires)]
    (info / "METADATA").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return PathDistribution(info)


def test_generator_resolves_for_the_flatpak_python_not_the_one_running_it(tmp_path):
    dists = {
        "keyring": dist(
            tmp_path,
            "keyring",
            "25.7.0",
            'SecretStorage>=3.2; sys_platform == "linux"',
            'pywin32-ctypes>=0.2.0; sys_platform == "win32"',
            'importlib_metadata>=4.11.4; python_version < "3.12"',
            'pytest; extra == "test"',
        ),
        "secretstorage": dist(tmp_path, "SecretStorage", "3.5.0"),
    }
    found = generate_deps.resolve([Requirement("keyring>=24")], dists)
    # importlib_metadata is for Pythons before 3.12: the Flatpak's is 3.13.
    assert found == [
        generate_deps.Pin("keyring", "25.7.0"),
        generate_deps.Pin("SecretStorage", "3.5.0"),
    ]


def test_generator_refuses_a_missing_or_out_of_range_dependency(tmp_path):
    dists = {"keyring": dist(tmp_path, "keyring", "23.0", "SecretStorage>=3.2")}
    with pytest.raises(SystemExit, match="keyring 23.0 is installed"):
        generate_deps.resolve([Requirement("keyring>=24")], dists)
    with pytest.raises(SystemExit, match="SecretStorage .* not installed"):
        generate_deps.resolve([Requirement("keyring")], dists)


def pypi_file(filename: str, packagetype: str = "bdist_wheel") -> dict:
    return {
        "filename": filename,
        "url": f"https://files.pythonhosted.org/packages/ab/cd/{'e' * 60}/{filename}",
        "digests": {"sha256": "0" * 64},
        "packagetype": packagetype,
    }


def test_generator_picks_the_universal_wheel_then_the_sdist():
    pure = [pypi_file("idna-3.20.tar.gz", "sdist"), pypi_file("idna-3.20-py3-none-any.whl")]
    (chosen,) = generate_deps.choose(generate_deps.Pin("idna", "3.20"), pure)
    assert chosen.filename == "idna-3.20-py3-none-any.whl" and chosen.arch is None
    compiled = [
        pypi_file("regex-1.0-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
        pypi_file("regex-1.0.tar.gz", "sdist"),
    ]
    (chosen,) = generate_deps.choose(generate_deps.Pin("regex", "1.0"), compiled)
    assert chosen.filename == "regex-1.0.tar.gz"


def test_generator_picks_one_manylinux_wheel_per_architecture_for_cryptography():
    files = [
        pypi_file("cryptography-50.0.2.tar.gz", "sdist"),
        pypi_file("cryptography-50.0.2-cp311-abi3-macosx_10_9_universal2.whl"),
        pypi_file("cryptography-50.0.2-cp311-abi3-musllinux_1_2_x86_64.whl"),
        pypi_file("cryptography-50.0.2-cp311-abi3-manylinux_2_28_x86_64.whl"),
        pypi_file("cryptography-50.0.2-cp311-abi3-manylinux_2_28_aarch64.whl"),
        pypi_file("cryptography-50.0.2-cp311-abi3-manylinux_2_99_x86_64.whl"),  # too new a glibc
    ]
    chosen = generate_deps.choose(generate_deps.Pin("cryptography", "50.0.2"), files)
    assert {(s.arch, s.filename) for s in chosen} == {
        ("x86_64", "cryptography-50.0.2-cp311-abi3-manylinux_2_28_x86_64.whl"),
        ("aarch64", "cryptography-50.0.2-cp311-abi3-manylinux_2_28_aarch64.whl"),
    }


def test_generator_writes_public_file_addresses():
    url = "https://pypi.org/packages/packages/3f/69/" + "b" * 60 + "/sqlalchemy-2.1.9.tar.gz"
    assert generate_deps.canonical_url(url) == (
        "https://files.pythonhosted.org/packages/3f/69/" + "b" * 60 + "/sqlalchemy-2.1.9.tar.gz"
    )


# --- flatpak-builder itself, where installed (it needs no runtime to read a manifest) ------


@pytest.mark.skipif(
    not shutil.which("flatpak-builder"),
    reason="flatpak-builder not installed (apt-get install flatpak-builder)",
)
def test_flatpak_builder_reads_the_manifest_and_its_deps_module(tmp_path):
    result = subprocess.run(
        ["flatpak-builder", "--show-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        cwd=tmp_path,  # it leaves a .flatpak-builder folder in the current directory
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["id"] == APP_ID
    deps_module, app = shown["modules"]
    assert deps_module["name"] == "python3-deps"  # python3-deps.json was found and read
    assert len(deps_module["sources"]) == len(json.loads(DEPS.read_text())["sources"])
    assert app["name"] == "reciprocity"

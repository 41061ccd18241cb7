"""The desktop entry and the AppStream metadata name the app by one id (desktop.APP_ID), match
the window the app shows, and pass the freedesktop validators when those are installed."""

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from configparser import ConfigParser
from pathlib import Path

import pytest

import desktop
from desktop import APP_ID, APP_NAME

ROOT = Path(__file__).resolve().parents[1]
SHARE = ROOT / "desktop" / "resources" / "share"  # laid out as ~/.local/share
DESKTOP_FILE = SHARE / "applications" / f"{APP_ID}.desktop"
METAINFO = SHARE / "metainfo" / f"{APP_ID}.metainfo.xml"
ICON = ROOT / "desktop" / "resources" / "icons" / "reciprocity.svg"
SITUATIONS_EXPECTED = ("share", "shares", "quote", "mention", "reply", "follow", "group", "like")


@pytest.fixture(scope="module")
def entry() -> ConfigParser:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    with DESKTOP_FILE.open(encoding="utf-8") as handle:
        parser.read_file(handle)
    return parser


@pytest.fixture(scope="module")
def component() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def test_desktop_entry_launches_the_app(entry):
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Name"] == APP_NAME
    assert main["Exec"] == "reciprocity"
    assert main["Icon"] == APP_ID
    assert main["StartupNotify"] == "true"
    assert "Network" in main["Categories"].split(";")


def test_startup_wm_class_is_the_class_qt_gives_the_window(entry):
    # Qt's xcb plugin sets WM_CLASS to (argv[0]'s basename, applicationName()); the class part
    # is what docks match, and the app sets applicationName to APP_NAME (desktop/ui/app.py).
    # setDesktopFileName(APP_ID) is published separately (_GTK_APPLICATION_ID,
    # _KDE_NET_WM_DESKTOP_FILE, the Wayland app_id), which is why the file is named APP_ID.
    assert entry["Desktop Entry"]["StartupWMClass"] == APP_NAME


def test_app_sets_the_names_the_packaging_relies_on():
    source = (ROOT / "desktop" / "ui" / "app.py").read_text(encoding="utf-8")
    assert "setApplicationName(desktop.APP_NAME)" in source
    assert "setDesktopFileName(desktop.APP_ID)" in source


def test_checkin_action_runs_the_checkin_command(entry):
    actions = [a for a in entry["Desktop Entry"]["Actions"].split(";") if a]
    assert actions == ["checkin"]
    assert entry["Desktop Action checkin"]["Exec"] == "reciprocity checkin"
    assert entry["Desktop Action checkin"]["Name"]


def test_metainfo_names_the_app_by_its_id(component):
    assert component.tag == "component"
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("name") == APP_NAME
    assert component.findtext("summary")
    assert component.find("description") is not None
    launchable = component.find("launchable")
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == f"{APP_ID}.desktop"
    assert [b.text for b in component.iterfind("provides/binary")] == ["reciprocity"]
    assert component.find("content_rating").get("type") == "oars-1.1"


def test_metainfo_lists_the_current_version_as_the_newest_release(component):
    releases = component.findall("releases/release")
    assert releases, "no <release> in the metainfo"
    assert releases[0].get("version") == desktop.__version__


def test_metainfo_license_matches_the_project():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    license_text = ET.parse(METAINFO).getroot().findtext("project_license")
    assert f'license = "{license_text}"' in pyproject


def test_the_icon_exists_and_is_svg():
    root = ET.parse(ICON).getroot()
    assert root.tag.endswith("svg")


def run_validator(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True, check=False, timeout=60)


@pytest.mark.skipif(
    not shutil.which("desktop-file-validate"),
    reason="desktop-file-validate not installed (apt-get install desktop-file-utils)",
)
def test_desktop_file_validate():
    result = run_validator("desktop-file-validate", str(DESKTOP_FILE))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Hints are allowed (Network;Office; is two main categories, on purpose); errors and
    # warnings are not.
    problems = [line for line in output.splitlines() if ": error:" in line or ": warning:" in line]
    assert not problems, output


@pytest.mark.skipif(
    not shutil.which("appstreamcli"),
    reason="appstreamcli not installed (apt-get install appstream)",
)
def test_appstreamcli_validate():
    result = run_validator("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr
    errors = [line for line in result.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert not errors, result.stdout


# --- the wheel: what a non-editable install gets -----------------------------------------

WHEEL_SOURCES = ("pyproject.toml", "README.md", "desktop")

# Run with -I (no PYTHONPATH, no cwd on sys.path) and the install dir first on sys.path, so
# neither the source tree nor the editable install's finder can supply `desktop`.
INSTALLED_CHECK = """
import sys
sys.path.insert(0, sys.argv[1])
import desktop
assert desktop.__file__.startswith(sys.argv[1]), desktop.__file__
from desktop.queries import drafts
from desktop.ui.platform import dbus_notifications as notifications
templates = drafts.load_templates("en")
print(sorted(templates))
from desktop.demo import content
assert content.FEEDS and content.MY_POSTS, "no demo content"
from desktop.ui import translations
translations.install("es")  # the catalog read from the installed package, not the tree
from desktop.core.i18n import tx
assert tx("MainWindow", "Thank") == "Agradecer", tx("MainWindow", "Thank")
print(notifications.ICON.read_bytes()[:100].decode("utf-8", "replace"))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the sources (pip builds in place: not in the worktree)."""
    source = tmp_path_factory.mktemp("source")
    for name in WHEEL_SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(out), str(source))
    (built,) = out.glob("reciprocity-*.whl")
    return built


def pip(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_wheel_carries_the_templates_the_icon_and_the_demo_content(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {
        "desktop/resources/templates/en.json",
        "desktop/resources/templates/es.json",
        "desktop/resources/icons/reciprocity.svg",
        "desktop/resources/demo/people.json",
        "desktop/resources/demo/posts.json",
        "desktop/resources/demo/links.json",
        "desktop/resources/demo/mix.json",
        "desktop/resources/translations/reciprocity_es.qm",
    } <= names


def test_an_installed_wheel_reads_its_templates_icon_and_demo_content(wheel, tmp_path):
    target = tmp_path / "site"
    pip("install", "--no-deps", "--no-index", "--target", str(target), str(wheel))
    result = subprocess.run(
        [sys.executable, "-I", "-c", INSTALLED_CHECK, str(target)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    situations, icon = result.stdout.split("\n", 1)
    assert situations == str(sorted(SITUATIONS_EXPECTED))
    assert icon.lstrip().startswith(("<svg", "<?xml")), icon

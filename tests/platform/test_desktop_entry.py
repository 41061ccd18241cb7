"""`reciprocity --install-desktop` puts the app in the menu: the entry (starting this very
installation), the icon in every hicolor size and the AppStream metadata, under
$XDG_DATA_HOME; `--uninstall-desktop` takes exactly those out again."""

import shutil
import struct
import subprocess
from configparser import ConfigParser

import pytest

from desktop import APP_ID
from desktop.cli.main import main
from desktop.platform import desktop_entry

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def read_entry(path) -> ConfigParser:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


@pytest.fixture
def home(tmp_path, monkeypatch):
    share = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(share))
    return share


def test_the_entry_starts_this_installation_even_from_a_folder_with_spaces(home):
    program = "/home/ana/My Apps/reciprocity/reciprocity"
    desktop_entry.install([program])
    entry = read_entry(home / "applications" / f"{APP_ID}.desktop")
    main_group = entry["Desktop Entry"]
    assert main_group["Exec"] == f'"{program}"'
    assert main_group["TryExec"] == f'"{program}"'
    assert main_group["Icon"] == APP_ID
    assert entry["Desktop Action checkin"]["Exec"] == f'"{program}" checkin'
    # Everything else is the shipped entry's: names, translations, the WM class.
    assert main_group["Name"] == "Reciprocity"
    assert main_group["Comment[es]"] == "A quién agradecer y qué compartir, una vez al día"
    assert main_group["StartupWMClass"] == "Reciprocity"


def test_every_hicolor_size_and_the_metadata_are_installed(home):
    written = desktop_entry.install(["/opt/reciprocity/reciprocity"])
    for size in SIZES:
        icon = home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(icon) == (size, size)
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    metainfo = home / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert f"<id>{APP_ID}</id>" in metainfo.read_text(encoding="utf-8")
    assert len(written) == len(SIZES) + 3  # + the SVG, the entry, the metadata
    # No icon cache is made where there was none: a stale one would hide other apps' icons.
    assert not (home / "icons" / "hicolor" / "icon-theme.cache").exists()


@pytest.mark.skipif(
    not shutil.which("desktop-file-validate"),
    reason="desktop-file-validate not installed (apt-get install desktop-file-utils)",
)
def test_the_installed_entry_passes_the_validator(home):
    desktop_entry.install(["/home/ana/My Apps/reciprocity/reciprocity"])
    path = home / "applications" / f"{APP_ID}.desktop"
    result = subprocess.run(
        ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert ": error:" not in output and ": warning:" not in output, output


def test_uninstall_removes_only_what_install_wrote(home):
    desktop_entry.install(["/opt/reciprocity/reciprocity"])
    other = home / "icons" / "hicolor" / "48x48" / "apps" / "org.example.Other.png"
    other.write_bytes(b"not ours")
    neighbour = home / "applications" / "org.example.Other.desktop"
    neighbour.write_text("[Desktop Entry]\n", encoding="utf-8")
    removed = desktop_entry.uninstall()
    assert len(removed) == len(SIZES) + 3
    assert desktop_entry.installed_files() == []
    assert other.read_bytes() == b"not ours" and neighbour.exists()


def test_the_flags_install_and_uninstall_and_say_so(home, capsys):
    assert main(["--install-desktop"]) == 0
    said = capsys.readouterr().out
    assert f"{len(SIZES) + 3} files under {home}" in said
    entry = read_entry(home / "applications" / f"{APP_ID}.desktop")
    assert entry["Desktop Entry"]["Exec"].split()[0].strip('"').startswith("/")  # absolute
    assert main(["--uninstall-desktop"]) == 0
    assert f"{len(SIZES) + 3} files removed" in capsys.readouterr().out
    assert main(["--uninstall-desktop"]) == 0
    assert "Nothing to remove" in capsys.readouterr().out


def test_a_menu_that_cannot_be_written_is_one_clear_line(home, capsys):
    home.parent.mkdir(parents=True, exist_ok=True)
    home.write_text("a file where the folder should be", encoding="utf-8")
    assert main(["--install-desktop"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("reciprocity: cannot change the menu:") and err.count("\n") == 1


def test_both_flags_at_once_is_a_usage_error(home, capsys):
    assert main(["--install-desktop", "--uninstall-desktop"]) == 2

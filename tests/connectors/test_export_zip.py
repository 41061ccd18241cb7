"""Export zips are opened with suspicion and recognised by their files: every bad zip is one
clear line naming the file; an export of another network than asked says whose it is; the
CLI previews and imports an export, the second time adding nothing."""

import io
import json
import zipfile

import pytest
from connectors.test_x_archive import make_archive, tweet

from desktop.app.archive_import import import_archive
from desktop.cli.main import main
from desktop.connectors.archives import detect, read_archive
from desktop.connectors.archives.export_zip import RATIO_FLOOR, ExportZip
from desktop.connectors.base import BadResponse


def zip_of(path, members: dict[str, bytes | str]):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_what_is_not_a_readable_zip_is_one_clear_line(tmp_path):
    with pytest.raises(BadResponse, match="does not exist"):
        ExportZip(tmp_path / "nope.zip")
    with pytest.raises(BadResponse, match="is a folder"):
        ExportZip(tmp_path)
    (tmp_path / "page.zip").write_text("<html>not a zip</html>")
    with pytest.raises(BadResponse, match="page.zip is not a zip file, or it is cut short"):
        ExportZip(tmp_path / "page.zip")
    whole = zip_of(tmp_path / "whole.zip", {"Connections.csv": "First Name\n" * 1000})
    (tmp_path / "cut.zip").write_bytes(whole.read_bytes()[:-40])  # the directory lost
    with pytest.raises(BadResponse, match="cut.zip is not a zip file, or it is cut short"):
        ExportZip(tmp_path / "cut.zip")


def test_entries_pointing_outside_the_zip_are_refused(tmp_path):
    path = zip_of(tmp_path / "evil.zip", {"../../.bashrc": "rm -rf ~", "data/tweets.js": "[]"})
    with pytest.raises(BadResponse, match=r"evil.zip holds an entry that points outside it"):
        ExportZip(path)


def test_a_zip_bomb_is_refused_before_anything_is_read(tmp_path):
    path = zip_of(tmp_path / "bomb.zip", {"data/tweets.js": b"\0" * (RATIO_FLOOR + 1024)})
    assert path.stat().st_size < RATIO_FLOOR / 100  # compressed far too well to be data
    with pytest.raises(BadResponse, match=r"bomb.zip unpacks to far more than any export"):
        ExportZip(path)


def test_csv_rows_skip_the_notes_above_the_header_a_bom_and_crlf(tmp_path):
    text = (
        "\ufeffNotes:\r\n"
        '"When exporting your connection data, you may notice that some of the email '
        'addresses are missing."\r\n\r\n'
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        "Begoña,Ruiz,https://www.linkedin.com/in/begona,,Acme,CTO,01 Jan 2024\r\n"
        "\r\n"
        'Ramón,"Díaz, Jr.",https://www.linkedin.com/in/ramon,,,,15 Mar 2025\r\n'
    )
    path = zip_of(
        tmp_path / "li.zip", {"Basic_LinkedInDataExport_12-01-2026/Connections.csv": text}
    )
    with ExportZip(path) as export:
        (name,) = export.find("Connections.csv")
        rows = list(export.csv_rows(name, ("first name", "URL", "Connected On")))
    assert [(r["First Name"], r["Last Name"], r["Connected On"]) for r in rows] == [
        ("Begoña", "Ruiz", "01 Jan 2024"),
        ("Ramón", "Díaz, Jr.", "15 Mar 2025"),
    ]


def test_bad_json_names_the_member_and_the_line(tmp_path):
    path = zip_of(
        tmp_path / "ig.zip", {"connections/followers_and_following/following.json": "{\n\n["}
    )
    with (
        ExportZip(path) as export,
        pytest.raises(BadResponse, match=r"following.json in ig.zip is not valid JSON \(line 3\)"),
    ):
        export.json(export.find("following.json")[0])


def test_an_export_says_whose_it_is(tmp_path):
    x = tmp_path / "x.zip"
    make_archive(x, [tweet("1", "hola")])
    with ExportZip(x) as export:
        assert detect(export) == "x"
    assert read_archive(x).network == "x"
    with pytest.raises(BadResponse, match="x.zip is an export of X, not of LinkedIn"):
        read_archive(x, "linkedin")
    other = zip_of(tmp_path / "photos.zip", {"IMG_0001.jpg": b"\xff\xd8"})
    with pytest.raises(BadResponse, match="photos.zip is not an export Reciprocity knows"):
        read_archive(other)


def test_a_preview_adds_nothing_and_an_import_twice_adds_once(store, tmp_path):
    x = tmp_path / "x.zip"
    make_archive(
        x,
        [
            tweet("1", "RT @ana: Hola", mentions=[("ana", "Ana")]),
            tweet("2", "gracias @ben", mentions=[("ben", "Ben")]),
        ],
    )
    preview = import_archive(store, None, x, preview=True)
    assert (preview.account_id, preview.new, preview.network) == (None, 0, "x")
    assert preview.people == 2 and sum(preview.counts["outbound"].values()) == 2
    assert preview.missing  # X's archive says nothing of what others did
    first = import_archive(store, "auto", x)
    again = import_archive(store, "x", x)
    assert (first.new, again.new, again.known) == (2, 0, 2)
    assert again.account_id == first.account_id


def test_the_cli_previews_and_imports_with_a_json_summary(store, tmp_path, capsys):
    x = tmp_path / "x.zip"
    make_archive(x, [tweet("1", "RT @ana: Hola", mentions=[("ana", "Ana")])])
    data = ["--data-dir", str(store.path.parent)]
    assert main([*data, "import-archive", "auto", str(x), "--preview", "--json"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["network"] == "x" and preview["preview"] is True and preview["new"] == 0
    assert preview["interactions"] == {"outbound": {"share": 1}} and preview["people"] == 1
    assert main([*data, "import-archive", "x", str(x)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Imported 1 interactions from the X export (0 already known).")
    assert "  outbound: 1 share" in out and "not in this export:" in out
    assert main([*data, "import-archive", "linkedin", str(x)]) == 1
    assert "x.zip is an export of X, not of LinkedIn" in capsys.readouterr().err


def test_bytes_io_is_not_needed(tmp_path):
    """ExportZip streams members: a CSV is read row by row, never whole."""
    big = "First Name,URL,Connected On\n" + "Ana,https://x.example/in/a,01 Jan 2024\n" * 50_000
    path = zip_of(tmp_path / "big.zip", {"Connections.csv": big})
    with ExportZip(path) as export:
        rows = export.csv_rows("Connections.csv", ("First Name", "URL"))
        assert next(rows)["First Name"] == "Ana"
        assert isinstance(export.open("Connections.csv"), io.IOBase | zipfile.ZipExtFile)


def test_the_cli_takes_an_imported_archive_out_again(store, tmp_path, capsys):
    x = tmp_path / "x.zip"
    make_archive(x, [tweet("1", "RT @ana: Hola", mentions=[("ana", "Ana")])])
    data = ["--data-dir", str(store.path.parent)]
    assert main([*data, "import-archive", "x", str(x), "--json"]) == 0
    account = json.loads(capsys.readouterr().out)["account_id"]
    assert main([*data, "accounts", "remove", str(account), "--with-imported"]) == 0
    said = capsys.readouterr().out
    assert said == f"Took out archive {account}: 1 interactions, 1 people who came only from it.\n"
    assert main([*data, "import-archive", "x", str(x), "--json"]) == 0  # back again, whole
    assert json.loads(capsys.readouterr().out)["new"] == 1


def test_reading_says_how_far_it_has_come(tmp_path):
    rows = "First Name,URL,Connected On\n" + "Ana,https://x.example/in/a,01 Jan 2024\n" * 60_000
    path = zip_of(tmp_path / "li.zip", {"Connections.csv": rows})
    heard: list[tuple[int, int]] = []
    with ExportZip(path, lambda done, total: heard.append((done, total))) as export:
        assert sum(1 for _ in export.csv_rows("Connections.csv", ("First Name",))) == 60_000
    assert len(heard) > 10  # block by block, not once at the end
    assert [done for done, _ in heard] == sorted(done for done, _ in heard)
    assert heard[-1] == (len(rows.encode()), len(rows.encode()))


def test_the_import_dialog_shows_how_far_reading_has_come(qtbot, store, tmp_path):
    from desktop.app.services import Services
    from desktop.ui.dialogs.archive import ArchiveDialog
    from desktop.ui.tasks import TaskRunner

    rows = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + "".join(
        f"P{i},Q,https://www.linkedin.com/in/p{i},,,,01 Jan 2024\n" for i in range(2000)
    )
    path = zip_of(tmp_path / "linkedin.zip", {"Connections.csv": rows})
    dialog = ArchiveDialog(Services(store), TaskRunner(), str(path))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert dialog.read_so_far == [len(rows.encode()), len(rows.encode())]
    assert not dialog.progress.isVisible() and not dialog.progress_timer.isActive()


def test_the_archive_networks_are_the_exports_read():
    from desktop.connectors.archives import KINDS
    from desktop.core.vocabulary import ARCHIVE_NETWORKS

    assert sorted(ARCHIVE_NETWORKS) == sorted(KINDS)

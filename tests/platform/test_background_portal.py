"""Start at login inside Flatpak: asked of the XDG Background portal over a real (private)
D-Bus session bus. A fake portal answers as the real one does (tests/fake_portal.py).
Outside the sandbox the XDG autostart file is written as before."""

from __future__ import annotations

import time

import pytest
from fake_portal import portals, private_bus

from desktop.platform import autostart, background_portal


@pytest.fixture
def bus(tmp_path, monkeypatch):
    with private_bus(tmp_path) as address:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address


@pytest.fixture
def portal(bus):
    with portals(bus) as start:
        yield start


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    """As inside Flatpak: /.flatpak-info is there (here: a file of our own)."""
    info = tmp_path / ".flatpak-info"
    info.write_text("[Application]\nname=org.reciprocity.Reciprocity\n", encoding="utf-8")
    monkeypatch.setattr(background_portal, "FLATPAK_INFO", info)
    monkeypatch.setattr(background_portal, "TIMEOUT_SECONDS", 10.0)  # never a long hang
    return info


@pytest.fixture
def host(tmp_path, monkeypatch):
    """Outside any sandbox, whatever machine runs the tests."""
    monkeypatch.setattr(background_portal, "FLATPAK_INFO", tmp_path / "no-flatpak-info")


def test_the_sandbox_is_told_by_flatpak_info(tmp_path):
    info = tmp_path / ".flatpak-info"
    assert not background_portal.sandboxed(info)
    info.write_text("[Application]\n", encoding="utf-8")
    assert background_portal.sandboxed(info)


def test_granted_autostart_is_enabled_and_no_file_is_written_in_the_sandbox(sandbox, portal):
    fake = portal("grant")
    assert not autostart.is_enabled()

    assert autostart.set_enabled(True) is True

    assert autostart.is_enabled()
    assert len(fake.calls) == 1
    assert not autostart.autostart_path().exists()  # the portal writes it, outside the sandbox
    assert background_portal.state_path().is_file()


def test_turned_off_through_the_portal(sandbox, portal):
    fake = portal("grant")
    autostart.set_enabled(True)

    assert autostart.set_enabled(False) is False

    assert not autostart.is_enabled()
    assert fake.calls[-1]["options"]["autostart"] is False
    assert not background_portal.state_path().exists()


def test_the_request_carries_the_command_the_flag_and_a_reason(sandbox, portal):
    fake = portal("grant")
    autostart.set_enabled(True)
    autostart.set_enabled(False)

    on, off = fake.calls
    assert on["signature"] == "sa{sv}"
    assert on["parent_window"] == ""
    assert on["options"]["commandline"] == ["reciprocity"]
    assert on["options"]["autostart"] is True
    assert on["options"]["dbus-activatable"] is False
    assert "log in" in on["options"]["reason"]
    assert off["options"]["autostart"] is False
    assert off["options"]["commandline"] == ["reciprocity"]
    assert "log in" in off["options"]["reason"]
    tokens = {on["options"]["handle_token"], off["options"]["handle_token"]}
    assert len(tokens) == 2 and all(t.startswith("reciprocity_") for t in tokens)


def test_a_refusal_is_a_clear_error_and_changes_nothing(sandbox, portal):
    fake = portal("refuse")
    with pytest.raises(background_portal.PortalRefused) as refused:
        autostart.set_enabled(True)
    assert isinstance(refused.value, OSError)  # what the Settings page reports
    assert "did not allow" in str(refused.value)
    assert not autostart.is_enabled()

    background_portal.remember(True)  # granted earlier; now the user refuses turning it off
    with pytest.raises(background_portal.PortalRefused):
        autostart.set_enabled(False)
    assert autostart.is_enabled()
    assert len(fake.calls) == 2


def test_background_allowed_but_autostart_not_is_reported_as_off(sandbox, portal):
    portal("no-autostart")
    assert autostart.set_enabled(True) is False
    assert not autostart.is_enabled()


def test_no_portal_on_the_bus_fails_quickly(sandbox, bus):
    started = time.monotonic()
    with pytest.raises(background_portal.PortalUnavailable) as missing:
        autostart.set_enabled(True)
    assert time.monotonic() - started < 3
    assert "no desktop portal" in str(missing.value)
    assert "ServiceUnknown" in str(missing.value)
    assert not autostart.is_enabled()


@pytest.mark.parametrize("address", [None, "unix:path=/nonexistent/rcp-bus"])
def test_no_session_bus_fails_quickly(sandbox, monkeypatch, address):
    if address is None:
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    else:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    started = time.monotonic()
    with pytest.raises(background_portal.PortalUnavailable, match="no desktop portal"):
        autostart.set_enabled(True)
    assert time.monotonic() - started < 3


def test_a_portal_that_never_answers_times_out_and_closes_its_request(sandbox, portal, monkeypatch):
    fake = portal("silent")
    background_portal.remember(True)
    monkeypatch.setattr(background_portal, "TIMEOUT_SECONDS", 0.5)
    started = time.monotonic()
    with pytest.raises(background_portal.PortalTimeout, match="did not answer in time"):
        autostart.set_enabled(False)
    assert 0.4 < time.monotonic() - started < 5
    assert autostart.is_enabled()  # unchanged
    sender = fake.calls[0]["sender"][1:].replace(".", "_")
    token = fake.calls[0]["options"]["handle_token"]
    expected = f"/org/freedesktop/portal/desktop/request/{sender}/{token}"
    deadline = time.monotonic() + 5
    while not fake.closed and time.monotonic() < deadline:
        time.sleep(0.01)
    assert fake.closed == [expected]  # the dialog nobody answered is closed


def test_an_answer_sent_before_the_reply_is_not_missed(sandbox, portal):
    portal("early")  # only a client subscribed before the call hears this one
    assert autostart.set_enabled(True) is True
    assert autostart.is_enabled()


def test_an_old_portal_choosing_its_own_path_is_followed(sandbox, portal):
    portal("old-path")  # its Response comes on that path, not on the one we predicted
    assert autostart.set_enabled(True) is True
    assert autostart.is_enabled()


def test_outside_the_sandbox_the_xdg_file_is_written_and_no_portal_asked(host, portal):
    fake = portal("grant")
    assert autostart.set_enabled(True, delay_seconds=4) is True
    assert autostart.autostart_path().is_file()
    assert "X-GNOME-Autostart-Delay=4" in autostart.autostart_path().read_text()
    assert autostart.set_enabled(False) is False
    assert not autostart.autostart_path().exists()
    assert fake.calls == []
    assert not background_portal.state_path().exists()

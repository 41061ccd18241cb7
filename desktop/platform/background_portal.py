"""Start at login inside Flatpak: the XDG Background portal.

A Flatpak sandbox cannot write `~/.config/autostart` (Flathub refuses
`--filesystem=xdg-config/autostart` because this portal exists). Instead,
`org.freedesktop.portal.Background.RequestBackground` asks the desktop, which may show the
user a dialog first, to write or remove the entry outside the sandbox. The answer is not
the method's reply: it comes later, as the `Response` signal of a Request object. The
Request's path can be predicted (`/org/freedesktop/portal/desktop/request/SENDER/TOKEN`),
so we subscribe before the call, as the portal documentation advises. Otherwise a quick
portal's answer could arrive before we were listening. Then we wait for the answer, but
never longer than a timeout.

The portal cannot be asked later what it granted. So the last granted state is kept in a
small file in the app's config dir, `$XDG_CONFIG_HOME/reciprocity/` (inside the sandbox that
is the app's own `~/.var/app/<APP_ID>/config`). If the user removes the entry some other
way, e.g. in the desktop's settings, the file is out of date until the box is changed again.

We use the portal only when sandboxed: the GTK backend mishandles host apps
(xdg-desktop-portal#650). D-Bus is spoken with blocking jeepney I/O, because the Settings
page calls this on a worker.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.i18n import fill, tx
from desktop.platform.paths import config_home

FLATPAK_INFO = Path("/.flatpak-info")  # what flatpak puts in every sandbox (tests move it)
TIMEOUT_SECONDS = 60.0  # the portal may be waiting for the user to answer a dialog
COMMANDLINE = ("reciprocity",)  # the sandbox's own /app/bin/reciprocity
STATE_FILE = "autostart-granted"

PORTAL_SERVICE = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
BACKGROUND = "org.freedesktop.portal.Background"
REQUEST = "org.freedesktop.portal.Request"
REQUEST_ROOT = "/org/freedesktop/portal/desktop/request"
CANCELLED = 1  # Response codes: 0 success, 1 the user cancelled, 2 ended some other way

_NO_PORTAL = frozenset(
    {
        "org.freedesktop.DBus.Error.ServiceUnknown",
        "org.freedesktop.DBus.Error.NameHasNoOwner",
    }
)
_NO_BACKGROUND = frozenset(
    {
        "org.freedesktop.DBus.Error.UnknownMethod",
        "org.freedesktop.DBus.Error.UnknownInterface",
        "org.freedesktop.DBus.Error.UnknownObject",
    }
)


class PortalError(OSError):
    """Start at login could not be changed through the portal. An OSError, so callers that
    already handle a failed autostart write handle this too. The message can be shown to
    the user."""


class PortalUnavailable(PortalError):
    """No portal on the session bus (or no session bus), or a portal without Background."""


class PortalRefused(PortalError):
    """The user (or the desktop's policy) said no."""


class PortalTimeout(PortalError):
    """The portal did not answer in time."""


@dataclass(frozen=True)
class Granted:
    background: bool  # the app may keep running without a window
    autostart: bool  # the session will start it at login


def sandboxed(info: Path | None = None) -> bool:
    """True inside a Flatpak sandbox. We check /.flatpak-info, which flatpak itself and
    the portals rely on; an environment variable can be inherited or set by hand."""
    return (info if info is not None else FLATPAK_INFO).exists()


def request_path(unique_name: str, token: str) -> str:
    """Where the portal will put the Request for a call from `unique_name` with
    `handle_token` = `token`."""
    sender = unique_name.lstrip(":").replace(".", "_")
    return f"{REQUEST_ROOT}/{sender}/{token}"


def request_background(
    *,
    autostart: bool,
    reason: str,
    commandline: Sequence[str] = COMMANDLINE,
    timeout: float | None = None,
    bus: str = "SESSION",
) -> Granted:
    """Ask the portal to start the app at login (`autostart`) or to stop doing so, and
    wait up to `timeout` seconds (default TIMEOUT_SECONDS) for its answer. Raises
    PortalRefused, PortalUnavailable, PortalTimeout or PortalError."""
    limit = TIMEOUT_SECONDS if timeout is None else timeout
    deadline = time.monotonic() + limit
    try:
        from jeepney.io.blocking import open_dbus_connection
    except ImportError as exc:  # jeepney is a Linux-only dependency
        raise PortalUnavailable(_no_portal(str(exc))) from exc
    try:
        conn = open_dbus_connection(bus=bus, auth_timeout=max(0.1, min(limit, 5.0)))
    except Exception as exc:  # no bus in the environment, a refused or dead socket
        raise PortalUnavailable(_no_portal(f"{type(exc).__name__}: {exc}")) from exc
    with conn:
        try:
            return _ask(conn, autostart, reason, list(commandline), deadline)
        except PortalError:
            raise
        except TimeoutError as exc:
            raise PortalTimeout(_late()) from exc
        except Exception as exc:  # the bus went away, or sent what we cannot read
            raise PortalError(_failed(f"{type(exc).__name__}: {exc}")) from exc


def set_autostart(enabled: bool, *, timeout: float | None = None, bus: str = "SESSION") -> bool:
    """Ask the portal, remember what it granted and return it. When the portal refuses
    or fails, the remembered state stays as it was and PortalError is raised."""
    if enabled:
        reason = tx("Autostart", "Reciprocity starts when you log in, so your check-in is ready")
    else:
        reason = tx("Autostart", "Reciprocity no longer starts when you log in")
    granted = request_background(autostart=enabled, reason=reason, timeout=timeout, bus=bus)
    remember(granted.autostart)
    return granted.autostart


def state_path() -> Path:
    return config_home() / "reciprocity" / STATE_FILE


def remembered() -> bool:
    """What the portal last granted; False if it was never asked."""
    return state_path().is_file()


def remember(enabled: bool) -> None:
    """Keep the portal's answer: the file is there exactly when autostart was granted."""
    path = state_path()
    if not enabled:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("The Background portal granted start at login.\n")
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


# -- the conversation -----------------------------------------------------------------------


def _ask(
    conn: Any, autostart: bool, reason: str, commandline: list[str], deadline: float
) -> Granted:
    from jeepney import DBusAddress, HeaderFields, MatchRule, new_method_call

    token = f"reciprocity_{secrets.token_hex(8)}"
    handle = request_path(conn.unique_name, token)
    options = {
        "handle_token": ("s", token),
        "reason": ("s", reason),
        "autostart": ("b", autostart),
        "commandline": ("as", commandline),
        "dbus-activatable": ("b", False),
    }
    # Every Response that reaches us is queued from now on, even while we wait for a
    # reply; the path and the sender are checked as each one is read.
    responses: deque[Any] = deque()
    local = MatchRule(type="signal", interface=REQUEST, member="Response")
    with conn.filter(local, queue=responses):
        _listen(conn, handle, deadline)  # before the call: the documented race fix
        call = new_method_call(
            DBusAddress(PORTAL_PATH, bus_name=PORTAL_SERVICE, interface=BACKGROUND),
            "RequestBackground",
            "sa{sv}",
            ("", options),
        )
        reply = _reply(conn, call, deadline)
        portal = reply.header.fields.get(HeaderFields.sender)
        returned = reply.body[0] if reply.body else handle
        if returned != handle:  # a portal older than 0.9 chose its own path
            handle = returned
            _listen(conn, handle, deadline)
        while True:
            try:
                message = conn.recv_until_filtered(responses, timeout=_left(deadline))
            except TimeoutError:
                _close_request(conn, handle, portal)
                raise PortalTimeout(_late()) from None
            fields = message.header.fields
            if fields.get(HeaderFields.path) != handle:
                continue  # another request's answer
            if portal is not None and fields.get(HeaderFields.sender) != portal:
                continue  # not from the portal we asked
            return _granted(message.body)


def _listen(conn: Any, path: str, deadline: float) -> None:
    """Ask the bus to route the Response signals on `path` to us."""
    from jeepney import MatchRule
    from jeepney.bus_messages import message_bus

    rule = MatchRule(type="signal", interface=REQUEST, member="Response", path=path)
    _reply(conn, message_bus.AddMatch(rule), deadline)


def _reply(conn: Any, call: Any, deadline: float) -> Any:
    from jeepney import HeaderFields, MessageType

    reply = conn.send_and_get_reply(call, timeout=_left(deadline))
    if reply.header.message_type != MessageType.error:
        return reply
    name = str(reply.header.fields.get(HeaderFields.error_name, ""))
    detail = reply.body[0] if reply.body and isinstance(reply.body[0], str) else ""
    if name in _NO_PORTAL:
        raise PortalUnavailable(_no_portal(name))
    if name in _NO_BACKGROUND:
        raise PortalUnavailable(
            fill(tx("Autostart", "this desktop's portal cannot start apps at login (%1)"), name)
        )
    raise PortalError(_failed(f"{name}: {detail}".rstrip(": ")))


def _granted(body: Any) -> Granted:
    code, results = body
    if code == CANCELLED:
        raise PortalRefused(
            tx(
                "Autostart",
                "the desktop did not allow it (Reciprocity may be allowed to run in the "
                "background in the system settings)",
            )
        )
    if code != 0:
        raise PortalError(_failed(fill(tx("Autostart", "the request ended with code %1"), code)))

    def flag(key: str) -> bool:
        value = results.get(key)
        return bool(value[1]) if value and value[0] == "b" else False

    return Granted(background=flag("background"), autostart=flag("autostart"))


def _close_request(conn: Any, handle: str, portal: str | None) -> None:
    """Close the portal's dialog, if it still shows one; nothing waits for the reply."""
    from jeepney import DBusAddress, new_method_call

    request = DBusAddress(handle, bus_name=portal or PORTAL_SERVICE, interface=REQUEST)
    with contextlib.suppress(Exception):
        conn.send(new_method_call(request, "Close"))


def _left(deadline: float) -> float:
    return max(0.0, deadline - time.monotonic())


def _no_portal(detail: str) -> str:
    return fill(
        tx(
            "Autostart",
            "no desktop portal answered; inside Flatpak, xdg-desktop-portal is needed (%1)",
        ),
        detail,
    )


def _late() -> str:
    return tx("Autostart", "the desktop portal did not answer in time")


def _failed(detail: str) -> str:
    return fill(tx("Autostart", "the desktop portal failed: %1"), detail)


__all__ = [
    "Granted",
    "PortalError",
    "PortalRefused",
    "PortalTimeout",
    "PortalUnavailable",
    "remembered",
    "request_background",
    "sandboxed",
    "set_autostart",
]

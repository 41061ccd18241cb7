"""One running app per user and data dir; a second launch hands over and exits.

The first instance listens on a local socket (QLocalServer). A second launch — or
``reciprocity checkin`` — connects, sends one line ("show" or "checkin") and exits; the
first emits ``message_received`` and brings up its window or the check-in.

The socket's name is per user and per data dir (a hash of its path), so tests, the demo
and two data dirs never meet. A socket file left behind by a crash is noticed (nobody
answers on it) and removed. Only the same user may connect.
"""

from __future__ import annotations

import getpass
import logging
import os
from pathlib import Path

from PySide6.QtCore import QCryptographicHash, QObject, Signal, Slot
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 500
MAX_MESSAGE = 256  # bytes; anything longer is not ours
MESSAGES = ("show", "checkin")


def server_name(data_dir: str | os.PathLike[str]) -> str:
    """reciprocity-<user>-<hash of the data dir>: short enough for any socket path."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name (containers): the uid still keeps users apart
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    # Qt's SHA-256, not hashlib's: the same digest, without loading OpenSSL before the window
    path = str(Path(data_dir).expanduser().resolve()).encode()
    sha256 = QCryptographicHash.hash(path, QCryptographicHash.Algorithm.Sha256)
    digest = bytes(sha256.toHex().data()).decode("ascii")
    safe_user = "".join(ch for ch in user if ch.isalnum())[:16] or "user"
    return f"reciprocity-{safe_user}-{digest[:16]}"


class SingleInstance(QObject):
    message_received = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    # -- the second launch ------------------------------------------------------------------

    def send(self, message: str, timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
        """Hand ``message`` to a running instance; False when none answers."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            log.debug("no running instance on %s: %s", self.name, socket.errorString())
            socket.abort()
            return False
        socket.write(message.encode("utf-8") + b"\n")
        sent = socket.waitForBytesWritten(timeout_ms) or socket.bytesToWrite() == 0
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(timeout_ms)
        return sent

    # -- the first launch -------------------------------------------------------------------

    def listen(self) -> bool:
        """Start listening. A stale socket file (nobody answers on it) is removed first."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._new_connection)
        if not server.listen(self.name):
            if server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
                log.warning("cannot listen on %s: %s", self.name, server.errorString())
                server.deleteLater()
                return False
            if self._answers():
                server.deleteLater()
                return False  # another instance got there first
            log.info("removing the stale socket %s", self.name)
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("cannot listen on %s: %s", self.name, server.errorString())
                server.deleteLater()
                return False
        self.server = server
        return True

    def claim(self, message: str = "show") -> bool:
        """True: this is the first instance, now listening. False: ``message`` went to the
        running one (or nobody can listen), and this launch should exit."""
        if self.send(message):
            return False
        if self.listen():
            return True
        if self.send(message):  # lost a race with a launch at the same moment
            return False
        log.warning("no single-instance socket %s; running without one", self.name)
        return True

    def close(self) -> None:
        for socket in list(self._buffers):  # before the server (their parent) goes
            socket.readyRead.disconnect()
            socket.disconnected.disconnect()
            socket.abort()
            socket.deleteLater()
        self._buffers.clear()
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
            self.server = None

    def _answers(self) -> bool:
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        alive = probe.waitForConnected(CONNECT_TIMEOUT_MS)
        probe.abort()
        return alive

    @Slot()
    def _new_connection(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            # Bound methods, not lambdas holding self: a socket being deleted must not be
            # what releases the last reference to this object.
            socket.readyRead.connect(self._ready_read)
            socket.disconnected.connect(self._disconnected)
            self._read(socket)
            if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                self._done(socket)

    @Slot()
    def _ready_read(self) -> None:
        socket = self.sender()
        assert isinstance(socket, QLocalSocket)  # connected to the sockets' signals only
        self._read(socket)

    @Slot()
    def _disconnected(self) -> None:
        socket = self.sender()
        assert isinstance(socket, QLocalSocket)  # connected to the sockets' signals only
        self._done(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        while b"\n" in data:
            line, data = data.split(b"\n", 1)
            self._deliver(line)
        if len(data) > MAX_MESSAGE:
            log.warning("dropping an over-long message on %s", self.name)
            del self._buffers[socket]
            socket.abort()
            socket.deleteLater()
            return
        self._buffers[socket] = data

    def _done(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        self._read(socket)
        rest = self._buffers.pop(socket, b"")
        if rest.strip():
            self._deliver(rest)
        socket.deleteLater()

    def _deliver(self, raw: bytes) -> None:
        text = raw.decode("utf-8", "replace").strip()
        if text:
            log.info("message from another launch: %s", text)
            self.message_received.emit(text)


__all__ = ["MESSAGES", "SingleInstance", "server_name"]

"""Single instance over a local socket: two SingleInstance objects in one process stand for
the running app and a second launch."""

from __future__ import annotations

import os
import socket

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket

from desktop.ui.platform.single_instance import SingleInstance, server_name


@pytest.fixture
def name(tmp_path):
    return server_name(tmp_path / "data")


@pytest.fixture
def first(qapp, name):
    instance = SingleInstance(name)
    yield instance
    instance.close()


def test_the_name_is_per_user_and_data_dir(tmp_path):
    a, b = server_name(tmp_path / "a"), server_name(tmp_path / "b")
    assert a != b
    assert a == server_name(tmp_path / "a" / ".." / "a")  # the same dir, however written
    assert a.startswith("reciprocity-")
    assert len(a) < 60 and "/" not in a


def test_the_first_launch_listens(first):
    assert first.claim("show") is True
    assert first.server is not None and first.server.isListening()


def test_a_second_launch_hands_over_checkin_and_exits(qtbot, first, name):
    assert first.claim() is True
    second = SingleInstance(name)
    with qtbot.waitSignal(first.message_received, timeout=3000) as got:
        assert second.claim("checkin") is False  # the caller exits
    assert got.args == ["checkin"]
    assert second.server is None


def test_several_launches_each_deliver_their_message(qtbot, first, name):
    first.claim()
    messages = []
    first.message_received.connect(messages.append)
    for message in ("show", "checkin", "show"):
        assert SingleInstance(name).send(message)
    qtbot.waitUntil(lambda: len(messages) == 3, timeout=3000)
    assert sorted(messages) == ["checkin", "show", "show"]


def test_nobody_listening_means_send_fails(qapp, name):
    assert SingleInstance(name).send("show") is False


def test_a_stale_socket_left_by_a_crash_is_replaced(qtbot, name):
    path = os.path.join(QDir.tempPath(), name)
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(path)  # a socket file that nobody listens on any more
    dead.close()
    assert os.path.exists(path)
    instance = SingleInstance(name)
    try:
        assert instance.claim() is True
        second = SingleInstance(name)
        with qtbot.waitSignal(instance.message_received, timeout=3000) as got:
            assert second.claim("checkin") is False
        assert got.args == ["checkin"]
    finally:
        instance.close()  # right away, with the second launch's socket maybe still open
    assert not os.path.exists(path)


def test_two_data_dirs_run_side_by_side(qapp, tmp_path):
    one = SingleInstance(server_name(tmp_path / "one"))
    two = SingleInstance(server_name(tmp_path / "two"))
    try:
        assert one.claim() is True
        assert two.claim() is True
    finally:
        one.close()
        two.close()


def test_a_message_split_over_writes_and_an_unfinished_line(qtbot, first, name):
    first.claim()
    messages = []
    first.message_received.connect(messages.append)
    sock = QLocalSocket()
    sock.connectToServer(name)
    assert sock.waitForConnected(1000)
    sock.write(b"che")
    sock.waitForBytesWritten(1000)
    qtbot.wait(50)
    sock.write(b"ckin\nshow")  # the last one has no newline: it ends with the connection
    sock.waitForBytesWritten(1000)
    sock.disconnectFromServer()
    qtbot.waitUntil(lambda: messages == ["checkin", "show"], timeout=3000)


def test_an_overlong_message_is_dropped(qtbot, first, name):
    first.claim()
    messages = []
    first.message_received.connect(messages.append)
    sock = QLocalSocket()
    sock.connectToServer(name)
    assert sock.waitForConnected(1000)
    sock.write(b"x" * 5000)
    sock.waitForBytesWritten(1000)
    qtbot.waitUntil(lambda: sock.state() == QLocalSocket.LocalSocketState.UnconnectedState)
    assert messages == []

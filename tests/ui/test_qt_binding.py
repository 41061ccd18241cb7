"""Guards against a broken Qt binding: PySide6 6.12.0 loses a reference to None on every
processEvents() call, which aborts the app ("deallocating None") after a few thousand."""

import sys

import pytest
from PySide6.QtWidgets import QApplication


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None is immortal from Python 3.12 (PEP 683): its count cannot show the leak, "
    "and the leak cannot abort the app",
)
def test_processing_events_does_not_leak_references(qapp: QApplication):
    for _ in range(50):
        qapp.processEvents()  # warm up caches first
    before = sys.getrefcount(None)
    for _ in range(1000):
        qapp.processEvents()
    assert sys.getrefcount(None) >= before - 50

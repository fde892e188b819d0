"""The built-in detectors by name: :func:`get_detector` and :func:`default_detector` hand out
one shared instance of each per process."""
from __future__ import annotations

import threading
from collections.abc import Callable

from ..errors import UnknownDetectorError
from .detector import LanguageDetector
from .fast import FastDetector
from .langdetect_adapter import LangdetectDetector

_DETECTORS: dict[str, Callable[[], LanguageDetector]] = {
    "fast": FastDetector,
    "langdetect": LangdetectDetector,
}

#: Names ``get_detector`` accepts.
DETECTOR_NAMES: tuple[str, ...] = tuple(_DETECTORS)

_instances: dict[str, LanguageDetector] = {}
_instances_lock = threading.Lock()


def get_detector(name: str) -> LanguageDetector:
    """The shared detector called ``name`` ("fast" or "langdetect").

    Raises :class:`UnknownDetectorError` (a ``ValueError``) naming the valid names otherwise.
    """
    make = _DETECTORS.get(name) if isinstance(name, str) else None
    if make is None:
        raise UnknownDetectorError(
            f"unknown language detector {name!r}; valid names: {', '.join(DETECTOR_NAMES)}"
        )
    with _instances_lock:
        detector = _instances.get(name)
        if detector is None:
            detector = make()
            _instances[name] = detector
    return detector


def default_detector() -> LanguageDetector:
    """The default detector (``FastDetector``), one cached instance per process."""
    return get_detector("fast")

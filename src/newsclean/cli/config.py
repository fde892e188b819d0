"""The command's TOML configuration: reading the file and building the pipeline it describes."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any, cast

from ..errors import ConfigError
from ..pipeline import InputFormat, Pipeline

__all__ = ["load_config", "pipeline_from_config"]

_PIPELINE_KEYS = {"disable", "enable", "detector", "html_timeout", "input_format", "settle_rounds"}


def load_config(path: str) -> dict[str, Any]:
    """Read a TOML configuration file.

    Raises:
        ConfigError: the file cannot be read or is not valid TOML (the message says where).
    """
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        try:
            import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
        except ImportError as exc:
            raise ConfigError("reading --config on Python 3.10 needs the 'tomli' package: pip install tomli") from exc
    try:
        with open(path, "rb") as f:
            config: dict[str, Any] = tomllib.load(f)
            return config
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc


def _coerce(cleaner: str, key: str, current: Any, value: Any) -> Any:
    """``value`` in the type of the option's current value, or ConfigError."""
    where = f"[cleaners.{cleaner}] {key}"
    if isinstance(current, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{where} must be true or false, not {value!r}")
    elif isinstance(current, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{where} must be an integer, not {value!r}")
    elif isinstance(current, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{where} must be a number, not {value!r}")
        value = float(value)
    elif isinstance(current, str):
        if not isinstance(value, str):
            raise ConfigError(f"{where} must be a string, not {value!r}")
    elif isinstance(current, (tuple, list, frozenset, set)):
        if not isinstance(value, list):
            raise ConfigError(f"{where} must be a list, not {value!r}")
        value = type(current)(value)
    return value


def _configure_cleaners(pipeline: Pipeline, cleaners: dict[str, Any]) -> Pipeline:
    """``pipeline`` with the options of each ``[cleaners.NAME]`` table set (values coerced)."""
    for name, options in cleaners.items():
        if name not in pipeline.names:
            raise ConfigError(f"[cleaners.{name}]: no such cleaner; cleaners: {', '.join(pipeline.names)}")
        if not isinstance(options, dict):
            raise ConfigError(f"[cleaners.{name}] must be a table of options")
        current = pipeline[name]
        coerced = {}
        for key, value in options.items():
            if not hasattr(current, key):
                pipeline.configure(name, **{key: value})  # raises ConfigError naming the options
            coerced[key] = _coerce(name, key, getattr(current, key), value)
        pipeline = pipeline.configure(name, **coerced)
    return pipeline


def pipeline_from_config(config: dict[str, Any] | None = None, *, enable: Sequence[str] = (),
                         disable: Sequence[str] = (), detector: str | None = None) -> tuple[Pipeline, InputFormat]:
    """Build the pipeline described by a config dict and the command-line overrides.

    The config's ``[pipeline]`` table takes ``disable`` (list of cleaner names), ``enable``
    (names to keep even when disabled elsewhere), ``detector`` (``"fast"``, ``"langdetect"`` or
    ``"none"``), ``html_timeout`` (seconds), ``settle_rounds`` and ``input_format``; each ``[cleaners.NAME]``
    table sets options of that cleaner. ``enable``/``disable``/``detector`` arguments (the
    command line) win over the file.

    Returns:
        The pipeline and the input format to use.

    Raises:
        ConfigError: an unknown table, key, cleaner or option, or a value of the wrong type.
    """
    config = dict(config or {})
    unknown = sorted(set(config) - {"pipeline", "cleaners"})
    if unknown:
        raise ConfigError(f"unknown config table(s) {', '.join(unknown)}; use [pipeline] and [cleaners.NAME]")
    section = config.get("pipeline", {})
    cleaners = config.get("cleaners", {})
    if not isinstance(section, dict) or not isinstance(cleaners, dict):
        raise ConfigError("[pipeline] and [cleaners] must be tables")
    bad = sorted(set(section) - _PIPELINE_KEYS)
    if bad:
        raise ConfigError(f"unknown [pipeline] key(s) {', '.join(bad)}; known: {', '.join(sorted(_PIPELINE_KEYS))}")

    def names(key: str) -> list[str]:
        value = section.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"[pipeline] {key} must be a list of cleaner names, e.g. {key} = [\"widgets\"]")
        return value

    det: Any = detector if detector is not None else section.get("detector", "fast")
    if det is False or (isinstance(det, str) and det.lower() in ("none", "off", "")):
        det = None
    if det is not None and det not in ("fast", "langdetect"):
        raise ConfigError(f"detector must be 'fast', 'langdetect' or 'none', not {det!r}")
    timeout = section.get("html_timeout", 10.0)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise ConfigError(f"[pipeline] html_timeout must be a positive number of seconds, not {timeout!r}")
    input_format = section.get("input_format", "auto")
    if input_format not in ("auto", "text", "markdown", "html"):
        raise ConfigError(f"[pipeline] input_format must be auto, text, markdown or html, not {input_format!r}")

    rounds = section.get("settle_rounds", 8)
    if isinstance(rounds, bool) or not isinstance(rounds, int) or rounds < 0:
        raise ConfigError(f"[pipeline] settle_rounds must be a whole number, 0 or more, not {rounds!r}")
    pipeline = _configure_cleaners(Pipeline.default(detector=det, html_timeout=float(timeout), settle_rounds=rounds),
                                   cleaners)
    known = set(pipeline.names)
    off_cfg, on_cfg = set(names("disable")), set(names("enable"))
    for n in sorted(off_cfg | on_cfg | set(disable) | set(enable)):
        if n not in known:
            raise ConfigError(f"no cleaner named {n!r}; cleaners: {', '.join(pipeline.names)}")
    # the command line wins over the file; within each, enable wins over disable
    off = ((off_cfg - on_cfg) | set(disable)) - set(enable)
    return pipeline.without(*(n for n in pipeline.names if n in off)), cast(InputFormat, input_format)

"""Character classes of the ``regex`` module as code point ranges: how the compiled core learns
which characters are letters, word characters or capitals.

The core is handed these tables instead of using its Rust crates' own, so that it reads every
string as the ``regex`` patterns it replaces did: Unicode versions differ on the characters
one version has assigned and another has not yet.
"""
from __future__ import annotations

import sys

import numpy as np
import regex

__all__ = ["class_ranges"]


def class_ranges(*classes: str) -> list[list[tuple[int, int]]]:
    """For each of ``classes`` (one-character patterns such as ``r"\\w"``), the sorted inclusive
    ranges of the code points it matches (lone surrogates included; ~30 ms a call)."""
    every = np.arange(sys.maxunicode + 1, dtype="<u4").tobytes().decode("utf-32-le", "surrogatepass")
    return [[(m.start(), m.end() - 1) for m in regex.finditer(f"(?:{c})+", every)] for c in classes]

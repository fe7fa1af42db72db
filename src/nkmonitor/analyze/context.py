"""What every extraction component gets for one document: text, parse, reference date, pack."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class DocContext:
    text: str                      # Document.text; every evidence offset points into it
    sdoc: Any                      # the spaCy Doc of `text`
    published: str | None          # reference date for relative expressions (2023-10-14 / 2023-10 / 2023)
    pack: Any                      # nkmonitor.pack.Pack
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    dateline: str | None = None    # a date read from a dateline in the text, if any
    mentions: list = field(default_factory=list)  # linked entity mentions (analyze.linking.Mention)

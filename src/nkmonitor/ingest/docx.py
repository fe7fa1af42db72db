"""Word documents: paragraphs and tables in body order, title, author and creation date from the core properties."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

from nkmonitor.errors import CorruptInput

from .base import Parsed, Reader
from .dates import parse_date
from .decode import normalize_newlines

NAME, VERSION = "docx", "docx/1"
# python-docx's blank template carries these; they say nothing about the document.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=timezone.utc)


def _table_text(table) -> list[str]:
    return ["\t".join(cell.text.strip() for cell in row.cells) for row in table.rows]


def parse(data: bytes, source: str) -> list[Parsed]:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorruptInput(f"is not a valid .docx file ({type(exc).__name__}: {exc})", subject=source, hint="old .doc files must be saved as .docx") from None
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and lxml errors
        raise CorruptInput(f"is not a valid .docx file ({type(exc).__name__}: {exc})", subject=source) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_text(block))
        else:
            lines.append(block.text)
    text = normalize_newlines("\n".join(lines)).strip("\n")
    props = document.core_properties
    author = (props.author or "").strip() or None
    if author == _TEMPLATE_AUTHOR:
        author = None
    created = props.created
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=timezone.utc)
    published = parse_date(created) if created and created != _TEMPLATE_CREATED else None
    return [Parsed(text=text, raw=data, title=(props.title or "").strip() or None, author=author, published=published, metadata={})]


READER = Reader(NAME, VERSION, (".docx",), parse)

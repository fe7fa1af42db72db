"""Each reader on fixtures generated here: HTML, PDF, DOCX, Markdown, JSON Lines, sidecars, dates, language."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from nkmonitor.errors import BadValue, InputError, SidecarError
from nkmonitor.ingest import READERS, iter_documents, read_items, read_path
from nkmonitor.ingest.dates import find_dateline, parse_date
from nkmonitor.ingest.language import detect_language
from nkmonitor.ingest.pdf import page_of

BODY = (
    "The special envoy for human rights took office on Friday after a long vacancy in the post. "
    "Advocates said the appointment would let the government raise detention camps and forced "
    "repatriation with partners at the United Nations and in the region."
)

HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Envoy takes office | Example Daily</title>
<link rel="canonical" href="https://news.example.org/2023/10/envoy">
<meta name="author" content="Jane Roe">
<meta property="og:site_name" content="Example Daily">
<meta property="og:title" content="Envoy takes office">
<meta property="article:published_time" content="2023-10-14T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/login">Sign in</a></nav>
<article><h1>Envoy takes office</h1><p>{BODY}</p>
<p>A second paragraph explains that the post had been empty since early 2017 and that lawmakers pressed for an appointment.</p></article>
<footer>Copyright Example Daily. All rights reserved.</footer>
<script>var tracking = "do not index this";</script>
</body></html>"""


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def make_pdf(path: Path, pages: list[str], *, title="UN Report on Detention", author="Panel of Experts", created=datetime(2014, 2, 17, tzinfo=timezone.utc)) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creation_date(created)
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    path.write_bytes(bytes(pdf.output()))
    return path


def test_registry_has_one_reader_per_kind():
    assert set(READERS) == {"text", "markdown", "html", "pdf", "docx", "jsonl"}
    assert all(r.version.startswith(r.name + "/") for r in READERS.values())


def test_html_main_text_and_metadata(tmp_path):
    [doc] = read_path(write(tmp_path / "page.html", HTML_PAGE))
    assert doc.reader == "html" and doc.reader_version == "html/1"
    assert "took office on Friday" in doc.text
    assert "Sign in" not in doc.text and "tracking" not in doc.text and "Copyright" not in doc.text
    assert doc.title == "Envoy takes office"
    assert doc.author == "Jane Roe"
    assert doc.outlet == "Example Daily"
    assert doc.url == "https://news.example.org/2023/10/envoy"
    assert (doc.published, doc.published_from, doc.published_precision) == ("2023-10-14", "metadata", "day")
    assert doc.language == "en"


def test_html_sidecar_wins_over_page_metadata(tmp_path):
    page = write(tmp_path / "page.htm", HTML_PAGE)
    write(tmp_path / "page.json", json.dumps({"title": "Sidecar title", "published": "2023-10", "outlet": "Sidecar Outlet", "topic": "envoys"}))
    [doc] = read_path(page)
    assert (doc.title, doc.outlet, doc.published, doc.published_from) == ("Sidecar title", "Sidecar Outlet", "2023-10", "sidecar")
    assert doc.published_precision == "month"
    assert doc.author == "Jane Roe"  # not in the sidecar: the page's value stays
    assert doc.metadata["topic"] == "envoys"


def test_html_without_main_content_falls_back_to_body_text(tmp_path):
    [doc] = read_path(write(tmp_path / "tiny.html", "<html><body><p>Seoul named a new ambassador.</p></body></html>"))
    assert doc.text.strip() == "Seoul named a new ambassador."


def test_pdf_text_by_page_with_offsets_and_metadata(tmp_path):
    pages = [
        "Report of the commission of inquiry. " + BODY,
        "Second page: findings on political prison camps and abductions.",
        "Third page: recommendations to the Security Council.",
    ]
    [doc] = read_path(make_pdf(tmp_path / "report.pdf", pages))
    assert doc.reader == "pdf"
    starts = doc.metadata["pages"]
    assert len(starts) == 3 and starts[0] == 0 and doc.metadata["page_count"] == 3
    for number, start in enumerate(starts, start=1):
        assert doc.text[start:].startswith(pages[number - 1][:20])
        assert page_of(doc.metadata, start + 5) == number
    assert doc.title == "UN Report on Detention"
    assert doc.author == "Panel of Experts"
    assert (doc.published, doc.published_from) == ("2014-02-17", "metadata")


def test_docx_paragraphs_tables_and_core_properties(tmp_path):
    import docx

    d = docx.Document()
    d.core_properties.title = "Briefing note"
    d.core_properties.author = "Analyst One"
    d.core_properties.created = datetime(2022, 7, 19, 8, 0)
    d.add_heading("Briefing note", level=1)
    d.add_paragraph(BODY)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Year", "Position"
    table.cell(1, 0).text, table.cell(1, 1).text = "2019", "not co-sponsored"
    d.add_paragraph("Closing paragraph after the table.")
    path = tmp_path / "note.docx"
    d.save(path)
    [doc] = read_path(path)
    assert doc.reader == "docx"
    lines = doc.text.split("\n")
    assert lines[0] == "Briefing note"
    assert "2019\tnot co-sponsored" in lines
    assert lines.index("2019\tnot co-sponsored") < lines.index("Closing paragraph after the table.")
    assert (doc.title, doc.author, doc.published, doc.published_from) == ("Briefing note", "Analyst One", "2022-07-19", "metadata")


def test_docx_blank_template_properties_are_not_metadata(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph(BODY)
    d.save(tmp_path / "plain.docx")
    [doc] = read_path(tmp_path / "plain.docx")
    assert doc.author is None and doc.published_from == "none"


def test_markdown_kept_verbatim_with_heading_as_title(tmp_path):
    text = "# Seoul returns as co-sponsor\n\n*SEOUL, Nov. 16* — " + BODY + "\n\n- point one\n"
    [doc] = read_path(write(tmp_path / "note.md", text))
    assert doc.text == text  # markup kept: evidence offsets must match the file
    assert doc.reader == "markdown" and doc.title == "Seoul returns as co-sponsor"


def test_plain_text_keeps_everything_but_bom_and_crlf(tmp_path):
    text = "Title line\r\n\r\n  indented\tand tabbed  \r\nlast line without newline"
    [doc] = read_path(write(tmp_path / "a.txt", b"\xef\xbb\xbf" + text.encode()))
    assert doc.text == text.replace("\r\n", "\n")
    assert doc.title is None


def test_jsonl_one_document_per_line_with_metadata_and_extras(tmp_path):
    rows = [
        {"text": BODY, "title": "One", "url": "https://a.example/1", "outlet": "Scraper", "published": "2023-10-13", "language": "EN", "author": "A. Writer", "section": "world"},
        {"text": "두 번째 문서입니다. 북한 인권 특사가 임명되었다는 소식입니다.", "title": "Two"},
    ]
    path = write(tmp_path / "export.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n")
    one, two = read_path(path)
    assert (one.source, two.source) == (f"{path}#L1", f"{path}#L2")
    assert (one.title, one.url, one.outlet, one.author) == ("One", "https://a.example/1", "Scraper", "A. Writer")
    assert (one.published, one.published_from, one.language) == ("2023-10-13", "metadata", "en")
    assert one.metadata == {"section": "world"}
    assert one.text == BODY and one.reader_version == "jsonl/1"
    assert two.language == "ko" and two.published_from == "none"
    assert one.raw_hash != two.raw_hash


def test_sidecar_extras_and_published_precision(tmp_path):
    doc_path = write(tmp_path / "n.txt", BODY)
    write(tmp_path / "n.json", json.dumps({"published": "2009", "sample": True, "sources": ["https://example.org"], "language": "en"}))
    [doc] = read_path(doc_path)
    assert (doc.published, doc.published_precision, doc.published_from) == ("2009", "year", "sidecar")
    assert doc.metadata["sample"] is True and doc.metadata["sources"] == ["https://example.org"]


def test_sidecar_with_impossible_date_is_refused(tmp_path):
    doc_path = write(tmp_path / "n.txt", BODY)
    write(tmp_path / "n.json", json.dumps({"published": "2023-02-30"}))
    with pytest.raises(SidecarError) as err:
        read_path(doc_path)
    assert "n.json" in str(err.value) and "2023-02-30" in str(err.value)


@pytest.mark.parametrize("head, expected", [
    ("WASHINGTON, Oct. 13, 2023 -- The envoy", "2023-10-13"),
    ("Posted November. 19, 2005\n\nUN vote", "2005-11-19"),
    ("Envoy named\n19 August 2005\nBody", "2005-08-19"),
    ("기사입력 2023년 10월 14일\n본문", "2023-10-14"),
    ("Updated 2024.07.18 10:00\nBody", "2024-07-18"),
    ("Headline\nFebruary 30, 2023\nBody", None),
    ("No date here at all, only a year: 2017.", None),
])
def test_dateline_near_the_top(head, expected):
    assert find_dateline(head) == expected


def test_date_in_long_prose_line_is_not_a_dateline():
    prose = "The last special envoy left office on January 13, 2017, and since then " + "the post stayed empty " * 5
    assert find_dateline("Headline\n\n" + prose) is None


def test_dateline_gives_published_from_text(tmp_path):
    [doc] = read_path(write(tmp_path / "wire.txt", "Envoy sworn in\nWASHINGTON, Oct. 13, 2023\n\n" + BODY))
    assert (doc.published, doc.published_from) == ("2023-10-13", "text")
    [plain] = read_path(write(tmp_path / "nodate.txt", BODY))
    assert (plain.published, plain.published_from) == (None, "none")


@pytest.mark.parametrize("value, expected", [
    ("2023", "2023"), ("2023-10", "2023-10"), ("2023-10-14", "2023-10-14"),
    ("2023-10-14T23:59:00+09:00", "2023-10-14"), (2009, "2009"), ("", None), (None, None),
])
def test_parse_date_valid(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2023-02-30", "2023-13", "2023-00-10", "Oct 2023", "yesterday", 3.5])
def test_parse_date_invalid(value):
    with pytest.raises(BadValue):
        parse_date(value)


@pytest.mark.parametrize("text, expected", [
    (BODY, "en"),
    ("통일부는 북한 인권 보고서를 공개하고 국제사회와의 협력을 강화하겠다고 밝혔다.", "ko"),
    ("유엔 총회 (UNGA) 결의안 채택", "ko"),  # short, mixed with Latin: still Korean by Hangul share
    ("Le rapporteur spécial a présenté son rapport au Conseil des droits de l'homme.", "fr"),
    ("UN vote", None),  # too short to tell
    ("2023-10-13 ... 42", None),
])
def test_language(text, expected):
    assert detect_language(text) == expected


def test_iter_documents_keeps_input_order_across_kinds(tmp_path):
    write(tmp_path / "b.txt", BODY)
    write(tmp_path / "a.html", HTML_PAGE)
    write(tmp_path / "c.jsonl", json.dumps({"text": BODY + " one"}) + "\n" + json.dumps({"text": BODY + " two"}) + "\n")
    items = list(iter_documents([tmp_path / "c.jsonl", tmp_path]))
    assert [i.source for i in items] == [
        f"{tmp_path}/c.jsonl#L1", f"{tmp_path}/c.jsonl#L2",
        f"{tmp_path}/a.html", f"{tmp_path}/b.txt", f"{tmp_path}/c.jsonl#L1", f"{tmp_path}/c.jsonl#L2",
    ]


def test_read_items_returns_good_lines_and_errors(tmp_path):
    path = write(tmp_path / "x.jsonl", json.dumps({"text": BODY}) + "\n{oops\n")
    good, bad = read_items(path)
    assert good.text == BODY and isinstance(bad, InputError)
    assert bad.subject == f"{path}#L2"

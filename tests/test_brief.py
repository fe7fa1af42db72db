"""Briefings from the real pack: as-of answers, citations that resolve, PDF/HTML/Markdown output."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest
from lxml import html as lxml_html
from pypdf import PdfReader
from typer.testing import CliRunner

from nkmonitor.cli import app
from nkmonitor.pack import load_pack
from nkmonitor.report.brief import build_brief, render_html, render_markdown
from nkmonitor.report.citations import Citations
from nkmonitor.report.state import bounds, certainly_by, law_state, post_states

runner = CliRunner()


@pytest.fixture(scope="module")
def pack():
    return load_pack()


@pytest.fixture(scope="module")
def brief_2024(pack):
    return build_brief(None, pack, dt.date(2024, 1, 1))


@pytest.fixture(scope="module")
def brief_2021(pack):
    return build_brief(None, pack, dt.date(2021, 6, 1))


def _holder_on(pack, post: str, day: dt.date):
    """The pack tenure running on `day` (computed here from the raw tenures, not by the brief)."""
    for t in pack.tenures_of(post):
        if bounds(t.start)[1] <= day and (t.end is None or bounds(t.end)[0] > day):
            return t
    return None


# ------------------------------------------------------------------ as-of answers

def test_us_envoy_as_of_2024_is_turner_from_the_pack(pack, brief_2024):
    tenure = _holder_on(pack, "us_special_envoy_nkhr", dt.date(2024, 1, 1))
    assert tenure is not None and pack.label(tenure.person) == "Julie Turner" and tenure.start == "2023-10-13"
    posts = brief_2024.sections[0]
    line = next(s.text for s in posts.statements if s.text.startswith(pack.label("us_special_envoy_nkhr")))
    assert f"held by Julie Turner since {tenure.start}" in line


def test_us_envoy_as_of_2021_is_vacant_since_2017_and_turner_unknown(pack, brief_2021):
    posts = brief_2021.sections[0]
    line = next(s.text for s in posts.statements if s.text.startswith(pack.label("us_special_envoy_nkhr")))
    assert "vacant since 2017-01-13" in line and "Robert R. King" in line
    md = render_markdown(brief_2021)
    page = render_html(brief_2021)
    assert "Turner" not in md and "Turner" not in page
    # Later events stay out: in mid-2021 the act is in force (authorized until 2022-09-30), not expired.
    assert "expired since 2022-09-30" not in md
    assert "North Korean Human Rights Act of 2004: in force since 2004-10-18" in md


def test_vacancy_duration_counts_to_the_as_of_date(pack):
    states = {s.post: s for s in post_states(pack, dt.date(2021, 6, 1))}
    assert states["us_special_envoy_nkhr"].duration == "4 years 4 months"


def test_nkhra_status_changes_with_the_as_of_date(pack):
    expired = law_state(pack, "us_nkhra_2004", dt.date(2024, 1, 1))
    assert expired.status == "expired" and expired.since == "2022-09-30"
    in_force = law_state(pack, "us_nkhra_2004", dt.date(2019, 1, 1))
    assert in_force.status == "in force" and "reauthorized on 2018-07-20" in in_force.sentence
    assert law_state(pack, "us_nkhra_2004", dt.date(2004, 1, 1)) is None


def test_struck_down_law(pack):
    st = law_state(pack, "rok_anti_leaflet_law_2020", dt.date(2024, 1, 1))
    assert st.status == "struck down" and st.since == "2023-09-26"
    before = law_state(pack, "rok_anti_leaflet_law_2020", dt.date(2022, 1, 1))
    assert before.status == "in force"


def test_imprecise_dates_are_known_only_once_their_period_ended():
    assert not certainly_by("2023-10", dt.date(2023, 10, 15))
    assert certainly_by("2023-10", dt.date(2023, 10, 31))
    assert not certainly_by("2023", dt.date(2023, 12, 30))
    assert not certainly_by(None, dt.date(2023, 1, 1))


def test_citations_prefer_sources_of_the_time(pack):
    cites = Citations(dt.date(2024, 1, 1), pack)
    sources = [{"url": "https://example.org/later", "published": "2025-04-22"},
               {"url": "https://example.org/undated"},
               {"url": "https://example.org/then", "published": "2023-10-14"}]
    numbers = cites.cite_sources(sources, about="2023-10-13")
    urls = {c.url for c in cites.entries() if c.number in numbers}
    assert urls == {"https://example.org/then"}
    numbers = cites.cite_sources(sources)
    urls = {c.url for c in cites.entries() if c.number in numbers}
    assert urls == {"https://example.org/then", "https://example.org/undated"}


# ------------------------------------------------------------------ citations in every format

def test_markdown_every_statement_cited_and_every_footnote_resolves(brief_2024):
    md = render_markdown(brief_2024)
    body, _, sources = md.partition("\n## Sources\n")
    defined = set(re.findall(r"^\[\^(\d+)\]: \S", sources, flags=re.M))
    used = set(re.findall(r"\[\^(\d+)\](?!:)", body))
    assert used and used == defined
    assert defined == {str(c.number) for c in brief_2024.citations}
    for chunk in re.split(r"^## ", body, flags=re.M)[1:]:
        title, _, content = chunk.partition("\n")
        if content.strip().startswith("_No") or content.strip().startswith("_No data"):
            continue
        assert re.search(r"\[\^\d+\]", content), f"section {title!r} has no citation"
        for line in content.splitlines():
            if line.startswith("- "):
                assert re.search(r"\[\^\d+\]$", line), f"uncited statement: {line}"


def test_html_sections_cited_links_resolve_and_nothing_external(brief_2024):
    page = render_html(brief_2024)
    doc = lxml_html.fromstring(page)
    assert not doc.xpath("//script")
    assert not [el for el in doc.xpath("//*[@src]")]
    for href in doc.xpath("//link/@href | //a/@href"):
        assert href.startswith("#"), href
    targets = {el.get("id") for el in doc.xpath("//ol[@class='sources']/li")}
    assert len(targets) == len(brief_2024.citations)
    sections = doc.xpath("//section[contains(@class, 'with-data')]")
    assert len(sections) >= 4
    for section in sections:
        links = section.xpath(".//a[@class='cite']/@href")
        assert links, f"section {section.get('id')} has no citation"
        assert all(link[1:] in targets for link in links)
        for li in section.xpath(".//ul[@class='statements']/li"):
            assert li.xpath("./a[@class='cite']"), f"uncited statement: {li.text_content()}"
    # Charts are inline SVG with an accessible title.
    svgs = doc.xpath("//figure[@class='chart']/*[local-name()='svg']")
    assert len(svgs) >= 2 and all(s.xpath("./*[local-name()='title']") for s in svgs)


def test_sources_list_names_urls_publishers_and_dates(pack, brief_2024):
    tenure = _holder_on(pack, "us_special_envoy_nkhr", dt.date(2024, 1, 1))
    timely = [s for s in tenure.sources if s.published and bounds(s.published)[1] <= dt.date(2024, 1, 1)]
    entries = {c.url: c for c in brief_2024.citations}
    assert timely and all(s.url in entries for s in timely)
    cited = entries[timely[0].url]
    assert cited.publisher == timely[0].publisher and cited.date == timely[0].published


# ------------------------------------------------------------------ the command

def test_brief_pdf_2024(tmp_path, pack):
    out = tmp_path / "brief.pdf"
    result = runner.invoke(app, ["brief", "--as-of", "2024-01-01", "--format", "pdf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 2
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in ("Julie Turner", "2023-10-13", "expired", "2022-09-30", "Page 1 of"):
        assert expected in text
    flat = "".join(text.split())
    tenure = _holder_on(pack, "us_special_envoy_nkhr", dt.date(2024, 1, 1))
    assert any(s.url in flat for s in tenure.sources)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "30", str(out), str(tmp_path / "page")], check=True)
        assert len(list(tmp_path.glob("page-*.png"))) == len(reader.pages)


def test_brief_markdown_writes_charts_beside_the_file(tmp_path):
    out = tmp_path / "state.md"
    result = runner.invoke(app, ["brief", "--as-of", "2024-01-01", "--format", "md", "-o", str(out)])
    assert result.exit_code == 0, result.output
    md = out.read_text(encoding="utf-8")
    for name in re.findall(r"!\[[^\]]*\]\(([^)]+\.svg)\)", md):
        assert (tmp_path / name).read_text(encoding="utf-8").startswith("<svg")
    assert (tmp_path / "state-posts.svg").exists()


@pytest.mark.parametrize("value", ["2021-13-01", "yesterday", "2021-02-30"])
def test_bad_as_of_exits_2_with_a_clear_message(value, tmp_path):
    result = runner.invoke(app, ["brief", "--as-of", value, "--format", "md"])
    assert result.exit_code == 2
    assert "--as-of" in result.output


def test_pdf_needs_an_output_file():
    result = runner.invoke(app, ["brief", "--as-of", "2024-01-01", "--format", "pdf"])
    assert result.exit_code == 2 and "-o" in result.output


def test_rok_2020_position_names_both_dimensions(pack):
    from nkmonitor.report.state import un_vote_state

    state = un_vote_state(pack, dt.date(2021, 6, 1))
    row = next(r for r in state.rows if r.year == 2020)
    recorded = {p.position for p in pack.state_positions
                if p.state == "rok" and p.year == 2020 and p.instrument == "unga_dprk_hr_resolution"}
    assert "not_cosponsored" in recorded
    assert "did not co-sponsor" in row.rok
    # The December 2021 resolution is not known in June 2021.
    assert max(r.year for r in state.rows) == 2020


def test_document_quote_skips_menus_and_keeps_abbreviations():
    from nkmonitor.report.brief import _opening, _sentences

    text = ("Menu Content Search Korean Search English About KBS Go Top. "
            "SEOUL, Oct. 11 (Yonhap) -- The U.S. envoy on N. Korean human rights met officials in Seoul. "
            "Other news follows here for a while.")
    assert _sentences(text)[1].startswith("SEOUL, Oct. 11") and "N. Korean human rights met" in _sentences(text)[1]
    quote = _opening(text, "U.S. envoy on North Korean human rights meets officials")
    assert quote.startswith("SEOUL, Oct. 11") and quote.endswith("in Seoul.")


def test_citation_numbers_follow_first_use(brief_2024):
    md = render_markdown(brief_2024)
    body = md.partition("\n## Sources\n")[0]
    order = []
    for n in re.findall(r"\[\^(\d+)\]", body):
        if int(n) not in order:
            order.append(int(n))
    assert order == sorted(order)

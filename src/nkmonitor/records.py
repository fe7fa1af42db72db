"""Plain records that the pipeline stages exchange (ingest -> store -> analyze -> track)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

DateSource = Literal["sidecar", "metadata", "text", "none"]
Precision = Literal["day", "month", "year"]


def date_precision(value: str | None) -> Precision | None:
    """Precision of an EDTF-style date string: 2023-10-13 day, 2023-10 month, 2023 year."""
    if not value:
        return None
    return {10: "day", 7: "month", 4: "year"}.get(len(value))


class Document(BaseModel):
    """One document as read from a file, a JSON Lines row or a URL; no database ids."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(description="path or URL the document was read from")
    text: str = Field(description="extracted plain text; evidence offsets point into it")
    raw_hash: str = Field(description="sha256 hex of the original bytes")
    content_hash: str = Field(description="sha256 hex of the normalized text (exact-duplicate key)")
    reader: str = Field(description="reader name, e.g. 'html', 'pdf', 'text'")
    reader_version: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="2023-10-14, 2023-10 or 2023")
    published_from: DateSource = "none"
    language: str | None = None
    size_bytes: int = 0
    metadata: dict[str, Any] = Field(default_factory=dict, description="other metadata (sidecar extras, PDF page offsets, sample flag)")

    @property
    def published_precision(self) -> Precision | None:
        return date_precision(self.published)


class Evidence(BaseModel):
    """A character span of a document's text and the text it covers."""

    start: int
    end: int
    text: str


class Fact(BaseModel):
    """One fact a document states; fields per type as in codebook.yaml fact_types."""

    model_config = ConfigDict(extra="forbid")

    type: Literal[
        "post_event", "post_vacancy", "instrument_event", "resolution_vote",
        "state_position", "council_meeting", "mechanism_event", "repatriation",
    ]
    post: str | None = None
    person: str | None = None
    person_name: str | None = None
    event: str | None = None
    date: str | None = None
    since: str | None = None
    as_of: str | None = None
    instrument: str | None = None
    chamber: str | None = None
    body: str | None = None
    method: str | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    cosponsors: int | None = None
    state: str | None = None
    year: int | None = None
    position: str | None = None
    outcome: str | None = None
    mechanism: str | None = None
    by: str | None = None
    count: int | None = None
    evidence: Evidence
    confidence: float = 0.5

    def to_json(self) -> dict[str, Any]:
        """The spec's JSON shape: set fields only, evidence and confidence last."""
        data = self.model_dump(exclude_none=True, exclude={"evidence", "confidence"})
        data["evidence"] = self.evidence.model_dump()
        data["confidence"] = round(self.confidence, 3)
        return data


class Recommendation(BaseModel):
    """Who urges whom to do what, with the span it was read from."""

    by: str | None = None
    addressee: str
    action: str
    issues: list[str] = Field(default_factory=list)
    evidence: Evidence
    confidence: float = 0.5

    def to_json(self) -> dict[str, Any]:
        data = self.model_dump(exclude_none=True, exclude={"evidence", "confidence"})
        data["evidence"] = self.evidence.model_dump()
        data["confidence"] = round(self.confidence, 3)
        return data


class Extraction(BaseModel):
    """Everything extraction found in one document (one line of `extract --format jsonl`)."""

    document: dict[str, Any]
    language: str | None = None
    issues: list[str] = Field(default_factory=list)
    stance: str | None = None
    facts: list[Fact] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"document": self.document}
        if self.language:
            out["language"] = self.language
        out["issues"] = list(self.issues)
        out["stance"] = self.stance
        out["facts"] = [f.to_json() for f in self.facts]
        out["recommendations"] = [r.to_json() for r in self.recommendations]
        if self.errors:
            out["errors"] = list(self.errors)
        return out

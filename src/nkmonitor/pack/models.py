"""Pydantic models of the knowledge pack: entities, sources, alternatives and curated facts."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

EntityKind = Literal["post", "person", "body", "state", "instrument", "mechanism", "issue", "action", "stance"]
ENTITY_KINDS: tuple[str, ...] = ("post", "person", "body", "state", "instrument", "mechanism", "issue", "action", "stance")

# How sure the pack is of a fact. "sourced": taken from the checked starting set
# (reference/facts.md) with its URLs. "extended": added by the pack maintainers from a
# canonical page they name, not yet cross-checked against a second source. "inferred":
# follows from series continuity or a range statement (e.g. "co-sponsored 2008-2018").
Certainty = Literal["sourced", "extended", "inferred"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Strict):
    """Where a fact comes from: a public URL (or a document of the archive) and its dates."""

    url: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    accessed: str | None = None
    note: str | None = None
    # For facts fused from reviewed extractions: the archive document the evidence is in.
    document_id: str | None = None

    @property
    def key(self) -> str:
        return self.document_id and f"document:{self.document_id}" or self.url


class Alias(_Strict):
    """One surface form of an entity, with flags linkers need."""

    text: str
    lang: str = "en"
    # A place or organ standing for a state ("Washington" for the US): link only with care.
    metonym: bool = False
    # The same text names several entities (e.g. "North Korean Human Rights Act"):
    # a linker must disambiguate by context; duplicate checks allow it.
    ambiguous: bool = False
    # Match case-sensitively only (short abbreviations like "US", "COI").
    case_sensitive: bool = False
    note: str | None = None


class Entity(_Strict):
    """Anything with an id: posts, persons, bodies, states, instruments, mechanisms, labels."""

    id: str
    kind: EntityKind
    label: str
    label_ko: str | None = None
    aliases: list[str] = Field(default_factory=list)
    alias_details: list[Alias] = Field(default_factory=list)
    description: str | None = None
    wikidata: str | None = None
    # post
    organization: str | None = None
    basis: str | None = None
    single_holder: bool = True
    established: str | None = None
    established_sources: list[Source] = Field(default_factory=list)
    # post (national), body, mechanism: the state it belongs to
    state: str | None = None
    # instrument
    jurisdiction: str | None = None
    instrument_type: Literal["law", "amendment", "resolution_series"] | None = None
    citation: str | None = None
    # person
    nationality: str | None = None
    roles: list[str] = Field(default_factory=list)
    # body
    parent: str | None = None
    notes: str | None = None


class AlternativeValue(_Strict):
    value: Any
    sources: list[Source] = Field(default_factory=list)
    note: str | None = None


class Alternative(_Strict):
    """Sources disagree on one field: every value found, which one the pack uses and why."""

    field: str
    values: list[AlternativeValue]
    used: Any
    reason: str


class Fact(_Strict):
    """Common shape of curated facts: an id, sources, certainty, alternatives and notes."""

    id: str
    sources: list[Source] = Field(default_factory=list)
    certainty: Certainty = "sourced"
    alternatives: list[Alternative] = Field(default_factory=list)
    note: str | None = None
    gaps: list[str] = Field(default_factory=list, description="what the sources consulted did not settle")


class TenureEvent(_Strict):
    event: Literal["nominated", "appointed", "confirmed", "took_office", "term_extended", "left_office", "announced", "letter_of_appointment", "hearing"]
    date: str
    note: str | None = None
    sources: list[Source] = Field(default_factory=list)


class Tenure(Fact):
    """A Popolo membership: a person holding a post from start to end (None: still in post)."""

    person: str
    post: str
    role: str | None = None
    start: str
    end: str | None = None
    start_reason: Literal["appointed", "took_office", "confirmed", "elected", "acting"] = "took_office"
    end_reason: Literal["resigned", "term_ended", "left_office", "replaced", "reassigned", "died", "post_abolished"] | None = None
    events: list[TenureEvent] = Field(default_factory=list)


class VacancyCheck(Fact):
    """A source saying that a post was vacant on a date (the post_vacancy fact)."""

    post: str
    since: str | None = None
    as_of: str


class InstrumentEvent(Fact):
    instrument: str
    event: Literal["introduced", "passed_chamber", "enacted", "entered_into_force", "reauthorized", "expired",
                   "struck_down", "died", "challenged", "amended", "reported"]
    date: str
    chamber: str | None = None
    bill: str | None = None
    public_law: str | None = None
    method: Literal["recorded_vote", "voice_vote", "unanimous_consent", "court_ruling"] | None = None
    yes: int | None = None
    no: int | None = None
    # For enactment and reauthorization: the last day the authorization runs.
    until: str | None = None


class MandateStatus(_Strict):
    date: str
    status: Literal["in_effect", "implemented", "not_implemented", "suspended", "lapsed", "unknown"]
    note: str | None = None
    sources: list[Source] = Field(default_factory=list)


class Mandate(Fact):
    """What an instrument requires or creates, with its status over time."""

    instrument: str
    provision: str
    label: str
    text: str
    creates: str | None = Field(default=None, description="the post or mechanism id the provision creates")
    conditions: list[str] = Field(default_factory=list)
    started: str | None = Field(default=None, description="when the provision was first carried out")
    history: list[MandateStatus] = Field(default_factory=list)


class ResolutionVote(Fact):
    instrument: str
    body: str
    year: int
    date: str | None = None
    resolution: str | None = None
    method: Literal["recorded_vote", "consensus"] | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    not_voting: int | None = None
    cosponsors: int | None = None


StatePositionValue = Literal["cosponsored", "not_cosponsored", "voted_yes", "abstained", "voted_no", "absent", "joined_consensus"]


class StatePosition(Fact):
    state: str
    instrument: str
    year: int
    position: StatePositionValue
    body: str | None = None


class CouncilMeeting(Fact):
    body: str = "un_sc"
    date: str
    outcome: Literal["held", "blocked", "not_held"]
    record: str | None = None
    procedural_vote: bool = True
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    against: list[str] = Field(default_factory=list, description="state ids or names")
    abstaining: list[str] = Field(default_factory=list)
    requested_by: list[str] = Field(default_factory=list)
    briefers: list[str] = Field(default_factory=list)


class MechanismEvent(Fact):
    mechanism: str
    event: Literal["established", "members_appointed", "report_published", "report_presented", "opened", "review_held",
                   "outcome_adopted", "closed", "mandate_renewed", "resolution_adopted", "records_transferred"]
    date: str
    document: str | None = None
    recommendations: int | None = None
    accepted: int | None = None
    partially_accepted: int | None = None
    noted: int | None = None
    persons: list[str] = Field(default_factory=list)


class Repatriation(Fact):
    by: str
    to: str = "dprk"
    date: str
    count: int | None = None
    count_qualifier: Literal["exact", "about", "more_than", "at_least"] = "exact"


class Summit(Fact):
    label: str
    date: str
    end_date: str | None = None
    place: str | None = None
    participants: list[str] = Field(default_factory=list)
    document: str | None = None
    human_rights_in_text: Literal["yes", "no", "partly", "no_text"]


class Event(Fact):
    """Other dated facts useful as context or checks (aid pledges, broadcasts, doctrines)."""

    label: str
    date: str
    actors: list[str] = Field(default_factory=list)
    issues: list[str] = Field(default_factory=list)
    count: int | None = None


class Gap(_Strict):
    """A point the sources consulted did not settle (facts.md GAP / UNVERIFIED)."""

    id: str
    about: list[str] = Field(default_factory=list, description="entity or fact ids it concerns")
    text: str


FACT_COLLECTIONS: dict[str, type[Fact]] = {
    "tenures": Tenure,
    "vacancy_checks": VacancyCheck,
    "instrument_events": InstrumentEvent,
    "mandates": Mandate,
    "resolution_votes": ResolutionVote,
    "state_positions": StatePosition,
    "council_meetings": CouncilMeeting,
    "mechanism_events": MechanismEvent,
    "repatriations": Repatriation,
    "summits": Summit,
    "events": Event,
}


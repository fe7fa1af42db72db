"""The knowledge pack: sourced, validated YAML data on DPRK human-rights policy and its loader."""

from nkmonitor.pack.dates import EdtfDate, parse_edtf
from nkmonitor.pack.loader import BUNDLED, LoadResult, Pack, Problem, check_pack, load_pack, read_pack
from nkmonitor.pack.models import (
    Alias, Alternative, CouncilMeeting, Entity, Event, Gap, InstrumentEvent, Mandate, MechanismEvent,
    Repatriation, ResolutionVote, Source, StatePosition, Summit, Tenure, VacancyCheck,
)

__all__ = [
    "BUNDLED", "Alias", "Alternative", "CouncilMeeting", "EdtfDate", "Entity", "Event", "Gap", "InstrumentEvent",
    "LoadResult", "Mandate", "MechanismEvent", "Pack", "Problem", "Repatriation", "ResolutionVote", "Source",
    "StatePosition", "Summit", "Tenure", "VacancyCheck", "check_pack", "load_pack", "parse_edtf", "read_pack",
]

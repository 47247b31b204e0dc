"""Volunteer calls with responses and hours; alliances, coalitions and internships between NGOs."""

from .calls import Skill, VolunteerCall, VolunteerProfile, VolunteerResponse
from .ties import (
    Alliance,
    Coalition,
    CoalitionAnnouncement,
    CoalitionMember,
    Internship,
    InternshipRequest,
)

__all__ = [
    "Alliance",
    "Coalition",
    "CoalitionAnnouncement",
    "CoalitionMember",
    "Internship",
    "InternshipRequest",
    "Skill",
    "VolunteerCall",
    "VolunteerProfile",
    "VolunteerResponse",
]

"""The output contract as Pydantic models: the single source of claimx's JSON shape.

Every span is ``text[start:end]`` of the article text exactly as decoded from the input.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ActorKind(str, Enum):
    person = "person"
    organization = "organization"
    state = "state"
    place = "place"
    group = "group"
    official = "official"
    anonymous = "anonymous"
    outlet = "outlet"
    other = "other"

    def __str__(self) -> str:
        return self.value


class _Model(BaseModel):
    model_config = ConfigDict(use_enum_values=True, extra="forbid")


class Span(_Model):
    """A stretch of the article text: ``article.text[start:end] == text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Dateline(Span):
    location: str | None = None
    agency: str | None = None
    date: str | None = None
    locations: list[str] = Field(default_factory=list, description="each place of 'LONDON/NEW YORK'")


class Sentence(_Model):
    index: int
    start: int
    end: int
    headline: bool = False


class Actor(_Model):
    id: str
    name: str
    kind: ActorKind
    label: str | None = Field(None, description="NER label of the mentions, when there is one")
    title: str | None = Field(None, description="a title or role seen with the name")
    party: str | None = Field(None, description="a political party named with a person ('Republican Sen.')")
    nationality: str | None = Field(None, description="a nationality said of the actor ('an Egyptian source')")
    mentions: list[Span] = Field(default_factory=list)


class ActorSpan(Span):
    """A span that refers to an actor."""

    actor: str | None = None
    kind: ActorKind | None = None
    name: str | None = Field(None, description="the resolved actor's name ('Hamas' for 'it')")


class Cue(Span):
    lemma: str
    cue_type: str | None = Field(None, description="speech, belief, report, ...")


class Attribution(_Model):
    id: str
    sentence: int
    source: ActorSpan | None = None
    cue: Cue
    content: Span | None = None
    outlet: Span | None = None
    addressee: ActorSpan | None = None
    parent: str | None = None
    direct: bool = Field(False, description="the content is (or holds) a direct quote")


class Figure(_Model):
    id: str
    sentence: int
    text: str
    start: int
    end: int
    value: float | int | None = None
    low: float | int | None = None
    high: float | int | None = None
    approximate: bool = False
    qualifier: str | None = None
    change: Literal["up", "down"] | None = None
    unit: str | None = None
    counts: Span | None = None
    kind: str = "count"


class Stance(_Model):
    id: str
    sentence: int
    actor: ActorSpan | None = None
    stance: str = Field(description="demand, reject, accept, threaten, warn, propose or condition")
    cue: Cue
    object: Span | None = None
    negated: bool = False
    modality: str | None = None


class Claim(_Model):
    id: str
    sentence: int
    text: str
    start: int
    end: int
    attribution: str | None = None
    actors: list[str] = Field(default_factory=list)
    figures: list[str] = Field(default_factory=list)
    stances: list[str] = Field(default_factory=list)


class Article(_Model):
    id: str
    text: str
    headline: Span | None = None
    dateline: Dateline | None = None
    byline: Span | None = Field(None, description="the 'By ...' line")
    credits: list[Span] = Field(
        default_factory=list,
        description="credit, trailer and boilerplate lines ('(Reporting by ...)', 'REUTER', 'About Acme Inc.')",
    )
    sentences: list[Sentence] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    stances: list[Stance] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict)
    encoding: str | None = None
    warnings: list[str] = Field(default_factory=list)


class ErrorInfo(_Model):
    type: str
    message: str


class ErrorRecord(_Model):
    """What a batch writes in place of an article it could not read."""

    id: str
    error: ErrorInfo
    meta: dict[str, Any] = Field(default_factory=dict)


Result = Article | ErrorRecord

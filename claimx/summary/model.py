"""The shape of a batch summary: totals, sources, actors, stances and figures (Pydantic)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class BadLine(BaseModel):
    line: int
    reason: str


class Totals(BaseModel):
    records: int = 0
    articles: int = 0
    errors: int = 0
    bad_lines: int = 0
    attributions: int = 0
    claims: int = 0
    figures: int = 0
    stances: int = 0
    actors: int = 0


class SourceRow(BaseModel):
    """A source cited across the batch: a linked actor, or a normalised source text."""

    name: str
    linked: bool = Field(description="grouped by a linked actor's name (else by the source text)")
    attributions: int
    articles: int
    kinds: dict[str, int] = Field(default_factory=dict)
    texts: list[str] = Field(default_factory=list, description="a few of the texts that cite it")


class ActorClaims(BaseModel):
    name: str
    kind: str
    claims: int
    articles: int


class ActorStances(BaseModel):
    name: str
    kind: str | None = None
    total: int
    counts: dict[str, int] = Field(default_factory=dict, description="stance type (``not reject``...) -> count")
    examples: dict[str, list[str]] = Field(default_factory=dict, description="stance type -> a few objects")


class FigureValue(BaseModel):
    value: str
    stories: int
    mentions: int


class FigureGroup(BaseModel):
    counts: str = Field(description="what is counted, normalised (``hostage``)")
    label: str = Field(description="as most often written (``hostages``)")
    unit: str | None = None
    mentions: int
    stories: int
    values: list[FigureValue]
    disagreement: bool = Field(description="different values for it in different stories")
    note: str = Field(description="``hostages: 48 in 3 stories, 50 in 1``")


class Summary(BaseModel):
    totals: Totals = Field(default_factory=Totals)
    source_kinds: dict[str, int] = Field(default_factory=dict, description="attributions by source kind")
    anonymous_share: float = Field(0.0, description="share of attributions whose source is anonymous")
    official_share: float = Field(0.0, description="share of attributions whose source is an official")
    unsourced: int = Field(0, description="attributions with no source span")
    unresolved_pronoun_sources: int = Field(
        0, description="attributions whose source is a pronoun no actor was found for (not listed as sources)"
    )
    sources: list[SourceRow] = Field(default_factory=list)
    actors_by_claims: list[ActorClaims] = Field(default_factory=list)
    actors_by_stances: list[ActorStances] = Field(default_factory=list)
    figures: list[FigureGroup] = Field(default_factory=list)
    figures_without_counts: int = 0
    errors: list[BadLine] = Field(default_factory=list, description="error records: id and message")
    bad_lines: list[BadLine] = Field(default_factory=list)

    def top(self, n: int) -> Summary:
        """The same summary with at most ``n`` rows per section."""
        return self.model_copy(
            update={
                "sources": self.sources[:n],
                "actors_by_claims": self.actors_by_claims[:n],
                "actors_by_stances": self.actors_by_stances[:n],
                "figures": self.figures[:n],
            }
        )

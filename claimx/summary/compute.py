"""Summarising: dict records (one Article or ErrorRecord each) in, a :class:`Summary` out; and
reading a claimx JSONL (or JSON) output into such records, bad lines counted, never fatal."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from typing import Any, TextIO

from pydantic import ValidationError

from claimx.data import models_dir
from claimx.schema import Article, ErrorRecord
from claimx.summary.model import (
    ActorClaims,
    ActorStances,
    BadLine,
    FigureGroup,
    FigureValue,
    SourceRow,
    Summary,
)

#: figure kinds that count things; ordinals ("2nd day") are not counts of anything
_COUNTED_KINDS = frozenset({"count", "quantity", "money", "percent"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"})
_IRREGULAR = {
    "people": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "lives": "life",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "data": "data",
    "news": "news",
}
_NO_STRIP = ("ss", "us", "is", "ics", "news")
_EXAMPLES = 3
_LEX = json.loads((models_dir() / "summary.json").read_text(encoding="utf-8"))
_NOT_COUNTED = frozenset(_LEX["not_counted"])
_PRONOUN_SOURCES = frozenset(_LEX["pronoun_sources"])
_EVENT_KINDS = frozenset(_LEX["event_actor_kinds"])


def _words(text: str) -> list[str]:
    return re.findall(r"[\w][\w'’.-]*", text.casefold())


def norm_source(text: str) -> str:
    """``The source`` / ``a source`` -> ``source``: lowercase, no leading determiner, single spaces."""
    words = _words(text)
    while len(words) > 1 and words[0] in _DETERMINERS:
        words.pop(0)
    return " ".join(words)


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word.endswith(_NO_STRIP):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def norm_counts(text: str) -> str:
    """What a figure counts, lemma-ish: ``Israeli hostages`` -> ``israeli hostage``, ``people`` -> ``person``."""
    words = [w.strip("'’.-") for w in _words(text)]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words if w]
    while len(words) > 1 and words[0] in _DETERMINERS:
        words.pop(0)
    if not words:
        return ""
    return " ".join([*words[:-1], _singular(words[-1])])


def _fmt_value(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


# -- summarising -------------------------------------------------------------------------------


def summarize(records: Iterable[Mapping[str, Any] | BadLine]) -> Summary:
    """Summarize dict records (Articles and ErrorRecords as JSON objects).

    A record that is neither (or a :class:`BadLine` passed through from a reader) is counted in
    ``bad_lines`` with its position (1-based) and skipped.
    """
    return _summarize(enumerate(records, start=1))


_SourceKey = tuple[bool, str]
_ActorKey = tuple[str, str]
_FigureKey = tuple[str, str | None]


class _Accumulator:
    """What the summary counts, record by record; :meth:`finish` turns it into a Summary."""

    def __init__(self) -> None:
        self.s = Summary()
        self.kinds: Counter[str] = Counter()
        # sources: key -> stats
        self.src_count: Counter[_SourceKey] = Counter()
        self.src_articles: dict[_SourceKey, set[int]] = defaultdict(set)
        self.src_kinds: dict[_SourceKey, Counter[str]] = defaultdict(Counter)
        self.src_texts: dict[_SourceKey, Counter[str]] = defaultdict(Counter)
        self.src_names: dict[_SourceKey, Counter[str]] = defaultdict(Counter)
        # actors by claims: (name key, kind) -> stats
        self.act_claims: Counter[_ActorKey] = Counter()
        self.act_articles: dict[_ActorKey, set[int]] = defaultdict(set)
        self.act_names: dict[_ActorKey, Counter[str]] = defaultdict(Counter)
        # stances: name key -> stats
        self.st_counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.st_examples: dict[str, dict[str, list[str]]] = defaultdict(dict)
        self.st_names: dict[str, Counter[str]] = defaultdict(Counter)
        self.st_kinds: dict[str, Counter[str]] = defaultdict(Counter)
        # figures: (counts key, unit) -> value -> (articles, mentions)
        self.fig_articles: dict[_FigureKey, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        self.fig_mentions: dict[_FigureKey, Counter[str]] = defaultdict(Counter)
        self.fig_labels: dict[_FigureKey, Counter[str]] = defaultdict(Counter)
        # article -> the people, organisations and groups it names: stories sharing one are
        # taken to be about the same event
        self.event_actors: dict[int, set[str]] = {}

    def add(self, line: int, record: Mapping[str, Any] | BadLine) -> None:
        s, t = self.s, self.s.totals
        t.records += 1
        parsed = _parse(line, record)
        if isinstance(parsed, BadLine):
            s.bad_lines.append(parsed)
            return
        if isinstance(parsed, ErrorRecord):
            t.errors += 1
            s.errors.append(BadLine(line=line, reason=f"{parsed.id}: {parsed.error.type}: {parsed.error.message}"))
            return
        art = parsed
        n = t.articles
        t.articles += 1
        t.attributions += len(art.attributions)
        t.claims += len(art.claims)
        t.figures += len(art.figures)
        t.stances += len(art.stances)
        t.actors += len(art.actors)
        actors = {a.id: a for a in art.actors}
        self.event_actors[n] = {a.name.casefold() for a in art.actors if str(a.kind) in _EVENT_KINDS}
        self.add_sources(art, actors, n)
        self.add_claims(art, actors, n)
        self.add_stances(art, actors)
        self.add_figures(art, n)

    def add_sources(self, art: Article, actors: Mapping[str, Any], n: int) -> None:
        for att in art.attributions:
            if att.source is None:
                self.s.unsourced += 1
                self.kinds["none"] += 1
                continue
            linked = actors.get(att.source.actor or "")
            kind = str(att.source.kind or (linked.kind if linked else None) or "other")
            self.kinds[kind] += 1
            if linked is None and norm_source(att.source.text) in _PRONOUN_SOURCES:
                self.s.unresolved_pronoun_sources += 1  # "he" with no actor is nobody a reader can name
                continue
            key = (True, linked.name.casefold()) if linked else (False, norm_source(att.source.text))
            self.src_count[key] += 1
            self.src_articles[key].add(n)
            self.src_kinds[key][kind] += 1
            self.src_texts[key][att.source.text] += 1
            self.src_names[key][linked.name if linked else norm_source(att.source.text)] += 1

    def add_claims(self, art: Article, actors: Mapping[str, Any], n: int) -> None:
        for claim in art.claims:
            for actor_id in dict.fromkeys(claim.actors):
                actor = actors.get(actor_id)
                if actor is None:
                    continue
                akey = (actor.name.casefold(), str(actor.kind))
                self.act_claims[akey] += 1
                self.act_articles[akey].add(n)
                self.act_names[akey][actor.name] += 1

    def add_stances(self, art: Article, actors: Mapping[str, Any]) -> None:
        for st in art.stances:
            taker = actors.get(st.actor.actor or "") if st.actor else None
            if taker is not None:
                name, kind = taker.name, str(taker.kind)
            elif st.actor is not None:
                name, kind = st.actor.text, str(st.actor.kind or "") or ""
            else:
                name, kind = "(unknown)", ""
            nkey = name.casefold() if taker is not None else norm_source(name) or "(unknown)"
            self.st_names[nkey][name] += 1
            if kind:
                self.st_kinds[nkey][kind] += 1
            for stype in [st.stance or "?"]:
                label = ("not " if st.negated else "") + stype
                self.st_counts[nkey][label] += 1
                examples = self.st_examples[nkey].setdefault(label, [])
                obj = " ".join(st.object.text.split()) if st.object else ""
                if obj and obj not in examples and len(examples) < _EXAMPLES:
                    examples.append(obj)

    def add_figures(self, art: Article, n: int) -> None:
        for fig in art.figures:
            if fig.kind not in _COUNTED_KINDS:
                continue
            # "245,000 tonnes", "$5 million", "12 pct": the counts span is the figure's own unit, not a thing counted
            unit_only = fig.counts is not None and fig.start <= fig.counts.start and fig.counts.end <= fig.end
            counted = norm_counts(fig.counts.text) if fig.counts is not None else ""
            if (
                fig.counts is None
                or unit_only
                or not counted
                or counted in _NOT_COUNTED
                or not re.search(r"[a-z]", counted)
            ):
                self.s.figures_without_counts += 1
                continue
            if fig.value is not None:
                value = _fmt_value(fig.value)
            elif fig.low is not None or fig.high is not None:
                value = f"{_fmt_value(fig.low)}–{_fmt_value(fig.high)}"
            else:
                continue
            fkey = (norm_counts(fig.counts.text), fig.unit)
            self.fig_articles[fkey][value].add(n)
            self.fig_mentions[fkey][value] += 1
            self.fig_labels[fkey][" ".join(fig.counts.text.split())] += 1

    def finish(self) -> Summary:
        s, t, kinds = self.s, self.s.totals, self.kinds
        t.bad_lines = len(s.bad_lines)
        s.source_kinds = dict(kinds.most_common())
        s.anonymous_share = _share(kinds["anonymous"], t.attributions)
        s.official_share = _share(kinds["official"], t.attributions)
        s.sources = sorted(
            (
                SourceRow(
                    name=self.src_names[k].most_common(1)[0][0],
                    linked=k[0],
                    attributions=c,
                    articles=len(self.src_articles[k]),
                    kinds=dict(self.src_kinds[k].most_common()),
                    texts=[x for x, _ in self.src_texts[k].most_common(_EXAMPLES)],
                )
                for k, c in self.src_count.items()
            ),
            key=lambda r: (-r.attributions, -r.articles, r.name.casefold()),
        )
        s.actors_by_claims = sorted(
            (
                ActorClaims(
                    name=self.act_names[k].most_common(1)[0][0], kind=k[1], claims=c, articles=len(self.act_articles[k])
                )
                for k, c in self.act_claims.items()
            ),
            key=lambda r: (-r.claims, -r.articles, r.name.casefold()),
        )
        s.actors_by_stances = sorted(
            (
                ActorStances(
                    name=self.st_names[k].most_common(1)[0][0],
                    kind=self.st_kinds[k].most_common(1)[0][0] if self.st_kinds[k] else None,
                    total=sum(counts.values()),
                    counts=dict(counts.most_common()),
                    examples=self.st_examples[k],
                )
                for k, counts in self.st_counts.items()
            ),
            key=lambda r: (-r.total, r.name.casefold()),
        )
        s.figures = sorted(
            (
                _figure_group(k, self.fig_articles[k], self.fig_mentions[k], self.fig_labels[k], self.event_actors)
                for k in self.fig_articles
            ),
            key=lambda g: (not g.disagreement, -g.stories, -g.mentions, g.counts),
        )
        return s


def _summarize(numbered: Iterable[tuple[int, Mapping[str, Any] | BadLine]]) -> Summary:
    acc = _Accumulator()
    for line, record in numbered:
        acc.add(line, record)
    return acc.finish()


def _same_event(a: int, b: int, event_actors: Mapping[int, set[str]]) -> bool:
    return bool(event_actors.get(a, set()) & event_actors.get(b, set()))


def _disagree(articles: Mapping[str, set[int]], event_actors: Mapping[int, set[str]]) -> bool:
    """Two different values of one counted thing, in two stories about the same event (they
    name a person, organisation or group in common): "hostages: 48 in one story, 50 in
    another" about the same war, not two unrelated stories that both count hostages."""
    values = list(articles.items())
    for i, (_, stories_a) in enumerate(values):
        for _, stories_b in values[i + 1 :]:
            if any(a != b and _same_event(a, b, event_actors) for a in stories_a for b in stories_b):
                return True
    return False


def _figure_group(
    key: tuple[str, str | None],
    articles: Mapping[str, set[int]],
    mentions: Counter[str],
    labels: Counter[str],
    event_actors: Mapping[int, set[str]],
) -> FigureGroup:
    values = sorted(
        (FigureValue(value=v, stories=len(a), mentions=mentions[v]) for v, a in articles.items()),
        key=lambda v: (-v.stories, -v.mentions, v.value),
    )
    stories: set[int] = set().union(*articles.values())
    disagreement = len(values) > 1 and len(stories) > 1 and _disagree(articles, event_actors)
    label = labels.most_common(1)[0][0]
    unit = f" ({key[1]})" if key[1] else ""
    parts = [f"{v.value} in {v.stories} {'story' if v.stories == 1 else 'stories'}" for v in values[:1]]
    parts += [f"{v.value} in {v.stories}" for v in values[1:]]
    return FigureGroup(
        counts=key[0],
        label=label,
        unit=key[1],
        mentions=sum(mentions.values()),
        stories=len(stories),
        values=values,
        disagreement=disagreement,
        note=f"{label}{unit}: " + ", ".join(parts),
    )


def _parse(line: int, record: Mapping[str, Any] | BadLine) -> Article | ErrorRecord | BadLine:
    if isinstance(record, BadLine):
        return record
    if not isinstance(record, Mapping):
        return BadLine(line=line, reason=_not_object(record))
    try:
        if "error" in record and "text" not in record:
            return ErrorRecord.model_validate(record)
        return Article.model_validate(record)
    except ValidationError as exc:
        errors = exc.errors()
        where = ".".join(str(p) for p in errors[0]["loc"]) if errors else ""
        msg = _plain(errors[0]) if errors else "not valid"
        return BadLine(line=line, reason=f"not an article or error record: {where + ': ' if where else ''}{msg}")


def _plain(error: Mapping[str, Any]) -> str:
    """A validation error in plain words, without Pydantic's phrasing ("Field required",
    "Value error, ...")."""
    if error.get("type") == "missing":
        return "missing"
    msg = str(error.get("msg", "not valid")).removeprefix("Value error, ")
    return msg[:1].lower() + msg[1:]


def read_jsonl(stream: TextIO) -> Iterator[tuple[int, Mapping[str, Any] | BadLine]]:
    """(line number, JSON object or BadLine) for each non-blank line.

    A whole JSON document (``claimx extract --format json``: one indented object, or an array) is
    read too; then the "line" is the item's position.
    """
    lines = iter(stream)
    head: list[str] = []
    for raw in lines:
        head.append(raw)
        if raw.strip():
            break
    first = head[-1].strip() if head else ""
    if first == "{" or first.startswith("["):
        rest = "".join(head) + "".join(lines)
        try:
            doc = json.loads(rest)
        except ValueError:
            yield from _read_lines(rest.splitlines(keepends=True))
            return
        items = doc if isinstance(doc, list) else [doc]
        for n, obj in enumerate(items, start=1):
            yield n, obj if isinstance(obj, Mapping) else BadLine(line=n, reason=_not_object(obj))
        return
    yield from _read_lines(chain(head, lines))


def _not_object(obj: object) -> str:
    return f"not a JSON object ({type(obj).__name__})"


def _read_lines(lines: Iterable[str]) -> Iterator[tuple[int, Mapping[str, Any] | BadLine]]:
    for n, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            continue
        try:
            obj = json.loads(text)
        except ValueError as exc:
            yield n, BadLine(line=n, reason=f"not JSON: {exc}")
            continue
        yield n, obj if isinstance(obj, Mapping) else BadLine(line=n, reason=_not_object(obj))


# -- rendering ---------------------------------------------------------------------------------

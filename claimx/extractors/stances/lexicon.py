"""The stance lexicon (``models/stances.json``), read once."""

from __future__ import annotations

from typing import Any

from claimx import data as lexicons

_LEX: dict[str, Any] = lexicons.load("stances")
_VERBS: dict[str, dict[str, Any]] = _LEX["verbs"]
_NOUNS: dict[str, dict[str, Any]] = _LEX["nouns"]
_CANDIDATE_LEMMAS = frozenset(_VERBS) | frozenset(_NOUNS)
_ADVCL = frozenset({"advcl"})
_NOUN_ACTOR_PREPS = frozenset(_LEX["noun_actor_preps"])
_EXCLUDED_PRT: dict[str, list[str]] = _LEX["excluded_particles"]
_IGNORED_XCOMP = frozenset(_LEX["ignored_xcomp"])
_NEGATORS = frozenset(_LEX["negators"])
_NEGATING_HEADS = frozenset(_LEX["negating_heads"])
_MODALS = frozenset(_LEX["modals"])
_MODAL_NORM: dict[str, str] = {"'d": "would", "'ll": "will", "wo": "will", "ca": "can"}
_MODAL_HEADS: dict[str, str] = _LEX["modal_heads"]
_COND: dict[str, list[str]] = _LEX["condition"]
_COND_MARKS = frozenset(_COND["marks"])
_COND_ALWAYS = frozenset(_COND["always"])
_COND_FOCUS = frozenset(_COND["focus"])
_REL_PRONOUNS = frozenset(_LEX["relative_pronouns"])
_POSS_PRONOUNS: dict[str, str] = _LEX["possessive_pronouns"]
_INANIMATE = frozenset(_LEX["inanimate_subjects"])
_HYPOTHETICAL = frozenset(_LEX["hypothetical_marks"])
_PRONOUN_KINDS: dict[str, list[str]] = lexicons.load("actors")["pronouns"]

_NOMINAL_DEPS = frozenset(["nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "compound", "poss", "npadvmod"])
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_PERSON_LABELS = frozenset(["PERSON"])
_ADJECTIVES: dict[str, dict[str, Any]] = _LEX["adjectives"]
_PREDICATE_HEADS = frozenset(_LEX["predicate_heads"])
_COPULAR_PREPS: dict[str, str] = _LEX["copular_preps"]
#: multi-word condition markers as token tuples, longest first
_COND_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    sorted((tuple(p.split()) for p in _LEX["condition_phrases"]), key=len, reverse=True)
)
_COND_FIRST = frozenset(p[0] for p in _COND_PHRASES)
_IMPERATIVE_IGNORED = frozenset(_LEX["imperative_ignored"])
_QUOTE_DEMAND_HEADS: dict[str, str] = _LEX["quote_demand_heads"]
_QUOTE_DEMAND_MODALS = frozenset(_LEX["quote_demand_modals"])
_FIRST_PERSON = frozenset(_LEX["first_person"])
#: "in favour of": the noun in the middle -> (the phrase's words, its stance)
_PREDICATE_PHRASES: dict[str, tuple[tuple[str, ...], str]] = {
    phrase.split()[1]: (tuple(phrase.split()), stance) for phrase, stance in _LEX["predicate_phrases"].items()
}
#: "back away from": the verb's lemma -> [(its particle, the words after it, the entry)]
_PHRASAL: dict[str, list[tuple[str, tuple[str, ...], dict[str, Any]]]] = {}
for _phrase, _entry in _LEX["phrasal_verbs"].items():
    _verb, _particle, *_tail = _phrase.split()
    _PHRASAL.setdefault(_verb, []).append((_particle, tuple(_tail), _entry))
_POSITION_OBJECTS = frozenset(_LEX["position_objects"])
_INFERRED_STATES = frozenset(_LEX["inferred_states"])
_TIME_UNITS = frozenset(_LEX["time_units"])
_AGENT_NOUNS: dict[str, str] = _LEX["agent_nouns"]
_FRAMING_IF = frozenset(_LEX["framing_if_verbs"])
_ELLIPTIC_IF = frozenset(_LEX["elliptic_if_words"])
_FAILING_VERBS = frozenset(_LEX["failing_verbs"])
#: "any voter who refuses to be inked": antecedents that make a relative clause generic
_GENERIC = frozenset(_LEX["generic_antecedents"])
#: "the only law lord to oppose the appeal": the words that make a to-clause on a noun say what it did
_INFINITIVAL_RELATIVE = frozenset(_LEX["infinitival_relative_modifiers"])
_NAMING = frozenset(_LEX["naming_verbs"])
_CANDIDATE_WORDS = (
    _CANDIDATE_LEMMAS
    | frozenset(_ADJECTIVES)
    | frozenset(_COPULAR_PREPS)
    | frozenset(_PREDICATE_PHRASES)
    | frozenset(_PHRASAL)
    | frozenset(_AGENT_NOUNS)
)
_QUESTION_WORDS = frozenset(_LEX["question_words"])
_ASKING = frozenset(_LEX["asking_verbs"])
_LIGHT_VERBS = frozenset(_LEX["light_verbs"])
_REPORTING = frozenset(_LEX["reporting_verbs"])
_DEONTIC = frozenset(_LEX["deontic"])
_DEONTIC_HEADS: dict[str, str] = _LEX["deontic_heads"]
_FORECAST = frozenset(_LEX["forecast_verbs"])
_QUANTITY_FORECAST = frozenset(_LEX["quantity_forecast_verbs"])
_FORECAST_SUBJECTS = frozenset(_LEX["forecast_subjects"])
_DEONTIC_EVENTS = frozenset(_LEX["deontic_event_subjects"])
_NECESSITY_FORECAST = frozenset(_LEX["necessity_forecast_aux"])
_COMMITTING = frozenset(_LEX["committing_modals"])
_IRREALIS = frozenset(_LEX["irrealis_objects"])
_NON_ASSERTIVE_VERBS = frozenset(_LEX["non_assertive_verbs"])
_NON_ASSERTIVE_NOUNS = frozenset(_LEX["non_assertive_nouns"])
_TENTATIVE_MODALS = frozenset(_LEX["tentative_modals"])
_SUFFICIENCY = frozenset(_LEX["sufficiency_words"])
_FORECASTING_HOLDERS = frozenset(_LEX["forecasting_holders"])
_FAILED_OUTCOMES = frozenset(_LEX["failed_outcomes"])
_ABILITY_MODALS = frozenset(_LEX["ability_modals"])
_ACCUSING = frozenset(_LEX["accusing_verbs"])
_UNDERGOING = frozenset(_LEX["undergoing_verbs"])
_SANCTION_VERBS = frozenset(_LEX["sanction_verbs"])

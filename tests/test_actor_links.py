"""Actor links a reader expects, on stories written for these tests in several house styles:
the developed-on stories in ``tests/fixtures/actor_links_dev.jsonl`` (every expectation must
hold), a floor on the held-out ones (never tuned on), and one test per kind of link."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks.eval_actor_links import check_story, locate
from claimx.schema import Actor, Article

FIXTURES = Path(__file__).parent / "fixtures"


def _stories(name: str) -> list[dict[str, Any]]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _actor(art: Article, text: str, ref: str) -> Actor:
    start, end = locate(text, ref)
    hits = [a for a in art.actors if any(m.start < end and start < m.end for m in a.mentions)]
    assert len(hits) == 1, (ref, [(a.name, [m.text for m in a.mentions]) for a in art.actors])
    return hits[0]


def _same(art: Article, text: str, a: str, b: str) -> bool:
    return _actor(art, text, a).id == _actor(art, text, b).id


#: expectations of the developed-on stories that are known to fail (README, "what is short"):
#: a club the NER never tags ("Arsenal"), its nickname, "he" in a quotation whose antecedent is
#: out of reach, a team's plural "they", a club described by a nationality it was never given
KNOWN_SHORT = {
    ("r17-bbc-transfer", "same", "Arsenal#1", "Arsenal#2"),
    ("r17-bbc-transfer", "same", "Arsenal#2", "the Gunners"),
    ("r17-bbc-transfer", "same", "Arsenal#2", "the club"),
    ("r17-bbc-transfer", "same", "Leo Ostigard", "He"),
    ("r17-bbc-transfer", "same", "Napoli#2", "The Italian club"),
    ("r17-bbc-transfer", "same", "Napoli#2", "they"),
    ("r17-bbc-transfer", "same", "Leo Ostigard", "the player"),
}


@pytest.mark.parametrize("story", _stories("actor_links_dev.jsonl"), ids=lambda s: s["id"])
def test_developed_on_stories(extract, story) -> None:  # type: ignore[no-untyped-def]
    checks = check_story(extract(story["text"]), story)
    failed = [c for c in checks if not c[3] and (story["id"], *c[:3]) not in KNOWN_SHORT]
    assert not failed, failed
    fixed = [c for c in checks if c[3] and (story["id"], *c[:3]) in KNOWN_SHORT]
    assert not fixed, f"now holds, take it off KNOWN_SHORT: {fixed}"


def test_held_out_stories_keep_their_floor(extract) -> None:  # type: ignore[no-untyped-def]
    checks = [c for story in _stories("actor_links_heldout.jsonl") for c in check_story(extract(story["text"]), story)]
    # the figure measured once, at the end of the round that wrote the rules (README)
    held = sum(c[3] for c in checks)
    assert held >= 107, f"{held} of {len(checks)}"  # which ones fail is not shown: they are not tuned on


def test_an_all_caps_short_form_the_ner_misses_is_an_organisation(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "ATHENS, June 3 (Reuters) - Dockers and the port union, PNO, will strike on Friday. "
        "PNO said its members had voted for the action."
    )
    art = extract(text)
    pno = _actor(art, text, "PNO#2")
    assert pno.kind == "organization"
    assert _same(art, text, "PNO#1", "PNO#2") and _same(art, text, "PNO#2", "its")
    assert _same(art, text, "the port union", "PNO#1")


def test_a_role_stands_for_the_person_named_with_it(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Chancellor, Rachel Reeves, met bankers on Monday. Union leaders said the chancellor had "
        "ignored them. Leeds United striker Joel Piroe scored twice on Saturday. The 25-year-old now "
        "has 11 goals, and the striker said he was happy."
    )
    art = extract(text)
    assert _same(art, text, "Rachel Reeves", "the chancellor")
    assert _same(art, text, "Joel Piroe", "The 25-year-old")
    assert _same(art, text, "Joel Piroe", "the striker")
    assert not _same(art, text, "Rachel Reeves", "Joel Piroe")


def test_a_quotation_without_attribution_keeps_the_voice_before_it(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Ben White of Arsenal said the team were ready. "We have trained hard," White said.\n\n'
        '"I think we can win the league."\n\n'
        "The manager praised the squad."
    )
    art = extract(text)
    assert _same(art, text, "Ben White", "I")
    assert _same(art, text, "Arsenal", "We") and _same(art, text, "Arsenal", "we")


def test_a_nominal_reference_goes_to_an_actor_described_by_its_head(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Volvo Cars said on Monday the Swedish union Unionen had rejected its pay offer. "
        "The union said it would hold a ballot next week."
    )
    art = extract(text)
    assert _same(art, text, "Unionen", "The union")
    assert not _same(art, text, "Volvo Cars", "The union")


def test_an_object_pronoun_is_not_its_clauses_subject(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Finance minister Karl Berg wrote to Tom Lind on Monday. Lind said he did not expect to hear from him "
        "before Friday."
    )
    art = extract(text)
    assert not _same(art, text, "Lind#2", "him")


def test_a_team_name_is_an_organisation_and_its_short_form_joins_it(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Manchester United beat Chelsea 2-1 on Sunday. United have now won five games in a row."
    art = extract(text)
    assert _actor(art, text, "Manchester United").kind == "organization"
    assert _same(art, text, "Manchester United", "United#2")


def test_a_name_missed_once_by_the_ner_is_still_a_mention(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Celtic signed Ayo Kiel on Monday. Celtic midfielder Roy Keane said the deal was good. "
        "Kiel will train with the squad on Friday."
    )
    art = extract(text)
    assert _same(art, text, "Ayo Kiel", "Kiel#2")


def test_we_of_a_head_of_state_is_the_country_of_his_sentence(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "LUSAKA, May 4 (AFP) - Malawi will keep its fuel subsidy, President Peter Mutharika said on Sunday. "
        '"We will not abandon our farmers," he told a rally.'
    )
    art = extract(text)
    assert _same(art, text, "Malawi", "We") and _same(art, text, "Malawi", "our")
    assert _same(art, text, "Peter Mutharika", "he")


def test_a_headline_short_form_joins_the_name_the_story_uses(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gkn Says Talks With Unite Union Collapse\n\n"
        "LONDON, March 3 - GKN said on Tuesday that wage talks with the Unite union had collapsed. "
        "GKN said it would consult its staff directly."
    )
    art = extract(text)
    assert _same(art, text, "Gkn", "GKN#1")


def test_its_may_go_to_an_object_in_its_own_sentence(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The chairman accused Norcom of refusing to change its position on the merger."
    art = extract(text)
    assert _same(art, text, "Norcom", "its")


def test_a_described_organisation_is_taken_up_by_a_definite_description(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "MANILA, Feb 2 (Reuters) - A committee was formed on Monday to draft the land reform rules. "
        "The committee will report to the cabinet in April, officials said."
    )
    art = extract(text)
    assert _same(art, text, "A committee", "The committee")


def test_a_nationality_word_picks_the_actor_of_that_country(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "MADRID, March 2 (Reuters) - Spain's Banco Santander said on Monday it had rejected an offer from "
        "French lender BNP Paribas. The Spanish bank said the bid was too low. The French government "
        "said it backed the deal, and Paris would keep its stake."
    )
    art = extract(text)
    assert _same(art, text, "Banco Santander", "The Spanish bank")
    assert not _same(art, text, "BNP Paribas", "The Spanish bank")
    assert _actor(art, text, "The French government").kind == "state"
    assert _same(art, text, "The French government", "Paris")


def test_a_full_name_with_another_first_name_is_somebody_else(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Opposition leader Marek Nowak criticised the budget on Monday. Nowak said taxes were too high. "
        "His brother, Jan Nowak, who runs a bakery, said he agreed."
    )
    art = extract(text)
    assert _same(art, text, "Marek Nowak", "Nowak#2")
    assert not _same(art, text, "Marek Nowak", "Jan Nowak")


def test_a_pronoun_in_a_quotation_is_not_its_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Leeds signed striker Tom Hale on Monday. Manager Daniel Farke said Hale would start on Saturday. "
        '"He is quick and he works hard," Farke said.'
    )
    art = extract(text)
    assert not _same(art, text, "Daniel Farke", "He")


def test_an_organisation_before_a_people_noun_is_a_mention_of_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "GENEVA (Reuters) - The World Health Organization warned on Tuesday that cases were rising. "
        "WHO officials said they were worried. The agency said its campaign would expand."
    )
    art = extract(text)
    assert _same(art, text, "The World Health Organization", "WHO")
    assert not _same(art, text, "WHO", "officials")
    assert _same(art, text, "The World Health Organization", "The agency")


def test_a_press_release_dateline_leaves_the_company_name_whole(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        'OSLO--(BUSINESS WIRE)--Fjordkraft Energi AS ("Fjordkraft"), a supplier of power, today announced '
        "a deal with Nordstal AS. The steelmaker will buy 50 megawatts. Fjordkraft said it was pleased."
    )
    art = extract(text)
    assert _same(art, text, "Fjordkraft Energi AS", "Fjordkraft#2")
    assert _same(art, text, "Fjordkraft Energi AS", "a supplier")
    assert _same(art, text, "Nordstal AS", "The steelmaker")


def test_a_first_name_tells_a_pronoun_s_gender(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Anna Berg, a lawyer for the families, said on Tuesday that the inquiry had failed them. "
        "Police chief David Moore rejected her criticism. He said his officers had acted properly. "
        "Berg said she would appeal."
    )
    art = extract(text)
    assert _same(art, text, "Anna Berg", "her") and _same(art, text, "Anna Berg", "she")
    assert _same(art, text, "David Moore", "He") and not _same(art, text, "Anna Berg", "He")


def test_a_club_the_ner_took_for_a_town_is_taken_up_by_the_club(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Manchester City have sacked their manager after six defeats. The club said they had parted "
        "company with Mark Hughes by mutual consent."
    )
    art = extract(text)
    assert _actor(art, text, "Manchester City").kind == "organization"
    assert _same(art, text, "Manchester City", "The club")


def test_short_forms_of_outlets_and_parties_join_their_names(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "NEW YORK (AP) - The Wall Street Journal reported on Monday that Boeing was in talks to buy a "
        "supplier. The Journal said a deal could come this week.\n\n"
        "LONDON - The Tories said the budget had leaked. A Tory frontbencher, Andrew Tyrie, asked for an inquiry."
    )
    art = extract(text)
    assert _same(art, text, "The Wall Street Journal", "Journal#2")
    assert _same(art, text, "Tories", "Tory")
    assert not _same(art, text, "Tory", "Andrew Tyrie")


def test_a_capital_that_acts_is_its_country(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chinese dam firm defies Beijing\n\n"
        "A state builder is refusing to stop work on a dam, the Chinese press said. China has ordered "
        "a halt to 30 projects. Talks were held in Beijing on Monday."
    )
    art = extract(text)
    assert _same(art, text, "Beijing#1", "China")
    assert not _same(art, text, "Beijing#2", "China")


def test_a_nationality_and_a_role_stand_for_that_country_s_titled_person(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "PARIS, Oct 7 (AFP) - French President Emmanuel Macron spoke with Israeli Prime Minister Benjamin "
        "Netanyahu by phone on Monday. The Israeli leader told Macron that Israel would defend itself. "
        "The French leader later told reporters he stood by his remarks."
    )
    art = extract(text)
    assert _same(art, text, "Benjamin Netanyahu", "The Israeli leader")
    assert _same(art, text, "Emmanuel Macron", "The French leader")
    assert not _same(art, text, "Emmanuel Macron", "The Israeli leader")


def test_a_described_role_goes_to_the_holder_of_that_very_role(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Health Secretary Steve Barclay said he was disappointed. The RCN's general secretary, Pat Cullen, "
        'said: "Our members have had enough." The health secretary said his door remained open.'
    )
    art = extract(text)
    assert _same(art, text, "Steve Barclay", "The health secretary")
    assert not _same(art, text, "Pat Cullen", "The health secretary")


def test_an_apposition_of_another_kind_is_not_the_nominal_s_actor(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "TOKYO, Feb 1 (Reuters) - Nissan Motor said on Thursday it would cut 9,000 jobs. Separately, Honda "
        "Motor said its profit rose 20%. The company, Japan's second-largest automaker, said sales would grow."
    )
    art = extract(text)
    assert not _same(art, text, "Japan", "The company")
    assert _same(art, text, "Honda Motor", "The company")


def test_a_possessor_name_is_a_mention_and_a_titled_name_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Germany's Chancellor Olaf Scholz faces a revolt from his coalition partners. FDP leader Christian "
        "Lindner said the chancellor had to compromise. Scholz's spokesman said talks would continue."
    )
    art = extract(text)
    scholz = _actor(art, text, "Olaf Scholz")
    assert scholz.kind == "person"
    assert _same(art, text, "Olaf Scholz", "the chancellor") and _same(art, text, "Olaf Scholz", "Scholz#2")
    assert not _same(art, text, "Olaf Scholz", "spokesman")
    spokesman = _actor(art, text, "spokesman")
    assert all(not m.text.startswith("'") for m in spokesman.mentions)


def test_a_body_described_but_never_named_and_a_short_form_before_the_name(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Toyota to cut output in Europe\n\nTOKYO, March 3 (Reuters) - Toyota Motor Corp will cut production "
        "at its British plant, the carmaker said on Monday. The union Unite said it would fight the cuts. "
        "The union's regional officer, Ngozi Okafor, said the ministry had not been consulted. The business "
        "ministry said it was monitoring the situation."
    )
    art = extract(text)
    assert _same(art, text, "Toyota#1", "Toyota Motor Corp")
    assert _same(art, text, "Unite", "The union#2") and not _same(art, text, "Unite", "Ngozi Okafor")
    assert _same(art, text, "the ministry", "The business ministry")
    assert not _same(art, text, "the ministry", "Unite")


def test_a_ranked_description_and_a_family_name_written_first(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "SYDNEY, Aug 2 (Reuters) - BHP Group said on Tuesday it had agreed to buy OZ Minerals. The world's "
        "biggest miner said the deal would boost its copper output. OZ Minerals' board backed the offer. "
        "Chinese Premier Li Qiang welcomed the deal. Li said China would buy more copper."
    )
    art = extract(text)
    assert _same(art, text, "BHP Group", "The world's biggest miner")
    assert _same(art, text, "OZ Minerals#1", "OZ Minerals#2")
    assert _same(art, text, "Li Qiang", "Li#2")


def test_a_nationality_noun_for_a_person_is_a_role(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ireland coach Andy Farrell has named an unchanged side to face Scotland. Farrell said his players "
        'had recovered well. "We know Scotland will be a threat," the Englishman said.'
    )
    art = extract(text)
    assert _same(art, text, "Andy Farrell", "the Englishman")
    assert _actor(art, text, "the Englishman").kind == "person"


def test_a_reuters_dateline_and_a_company_name_the_ner_misses(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "ALLEGHENY INTERNATIONAL SETS NEW BUYOUT TERMS\n\nPITTSBURGH, March 12 - Allegheny International Inc "
        "said it has agreed to new terms for its buyout by First Boston Corp. The company said First Boston "
        "raised its offer. Allegheny said its board had approved the terms."
    )
    art = extract(text)
    allegheny = _actor(art, text, "Allegheny International Inc")
    assert allegheny.kind == "organization" and not any(m.text.startswith("March") for m in allegheny.mentions)
    assert _same(art, text, "Allegheny International Inc", "The company")
    assert _same(art, text, "Allegheny International Inc", "Allegheny#2")
    assert not _same(art, text, "Allegheny International Inc", "First Boston Corp")


def test_a_national_postal_service_is_a_company_not_a_newspaper(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "SYDNEY (AFP) - Australia Post said on Tuesday it would cut 300 jobs. The company said letter volumes had "
        "fallen by half. Swiss Post, the state-owned group, said its parcel business was growing. The Morning "
        "Chronicle reported that the cuts would hit rural areas."
    )
    art = extract(text)
    assert _actor(art, text, "Australia Post").kind == "organization"
    assert _same(art, text, "Australia Post", "The company")
    assert _actor(art, text, "Swiss Post").kind == "organization"
    assert not _same(art, text, "Australia Post", "Swiss Post")
    assert _actor(art, text, "The Morning Chronicle").kind == "outlet"


def test_the_paper_takes_up_a_newspaper_not_a_broadcaster(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Researchers at Bristol University told Sky News that the drug cut deaths by a fifth. The paper, "
        "published in the Lancet, found no serious side effects. The Bath Chronicle, which broke the story, "
        "said the paper had been embargoed until Friday."
    )
    art = extract(text)
    assert _actor(art, text, "Sky News").kind == "outlet"
    assert [m.text for m in _actor(art, text, "Sky News").mentions] == ["Sky News"]  # "The paper" is the study
    assert _same(art, text, "The Bath Chronicle", "the paper")


def test_a_name_after_a_relative_clause_s_object_is_not_that_object(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "LAGOS (Reuters) - Police said the firm that built the bridge, Arcon, was under investigation. "
        "The housing minister, Fiona Dalziel, said the contractor that repaired the roads, Halvard, had "
        "done good work. The review, published in the journal Heart, found no fault."
    )
    art = extract(text)
    assert not any(m.text in ("the bridge", "the roads") for a in art.actors for m in a.mentions)
    assert _same(art, text, "The housing minister", "Fiona Dalziel")
    assert _same(art, text, "the journal", "Heart")  # a participle's phrase is no relative clause

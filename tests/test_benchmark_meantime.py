from __future__ import annotations

from newswire.evaluation.meantime import EntityScores, read_meantime, score_document, score_entities
from newswire.extract.actors import actor_id_for
from newswire.records import ActorMention

# Sentence 0: "Cisco sues Apple", sentence 1: "Apple paid $5 in Paris.",
# sentence 6 (not annotated): "Cisco won."
CAT = """<?xml version="1.0" ?><Document doc_id="7" doc_name="7_Cisco" lang="en">
<token number="0" sentence="0" t_id="1">Cisco</token>
<token number="1" sentence="0" t_id="2">sues</token>
<token number="2" sentence="0" t_id="3">Apple</token>
<token number="3" sentence="1" t_id="4">Apple</token>
<token number="4" sentence="1" t_id="5">paid</token>
<token number="5" sentence="1" t_id="6">$</token>
<token number="6" sentence="1" t_id="7">5</token>
<token number="7" sentence="1" t_id="8">in</token>
<token number="8" sentence="1" t_id="9">Paris</token>
<token number="9" sentence="1" t_id="10">.</token>
<token number="10" sentence="6" t_id="11">Cisco</token>
<token number="11" sentence="6" t_id="12">won</token>
<token number="12" sentence="6" t_id="13">.</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="3"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="PRE.NAM"><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="4" syntactic_type="NAM"><token_anchor t_id="9"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="5" syntactic_type="NAM"><token_anchor t_id="11"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="6" syntactic_type="NAM"><token_anchor t_id="6"/><token_anchor t_id="7"/></ENTITY_MENTION>
<VALUE m_id="7" type="MONEY"><token_anchor t_id="6"/><token_anchor t_id="7"/></VALUE>
<ENTITY m_id="20" ent_type="ORG"/>
<ENTITY m_id="21" ent_type="ORG"/>
<ENTITY m_id="22" ent_type="LOC"/>
<ENTITY m_id="23" ent_type="FIN"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="5"/><target m_id="20"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><source m_id="3"/><target m_id="21"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="4"/><target m_id="22"/></REFERS_TO>
<REFERS_TO r_id="4"><source m_id="6"/><target m_id="23"/></REFERS_TO>
</Relations>
</Document>
"""


def write_cat(folder, text=CAT):
    path = folder / "7_Cisco.xml"
    path.write_text(text, encoding="utf-8")
    return path


def mention(start, end, kind, text="x"):
    return ActorMention("7", actor_id_for(text), text, kind, text, start, end, kind)


def test_reader_rebuilds_text_offsets_and_types(tmp_path):
    document = read_meantime(write_cat(tmp_path))
    assert document.text == "Cisco sues Apple\nApple paid $5 in Paris.\nCisco won."
    assert document.doc_id == "7"
    assert [(m.text, m.start_char, m.end_char, m.sentence, m.syntactic_type, m.ent_type) for m in document.entity_mentions] == [
        ("Cisco", 0, 5, 0, "NAM", "ORG"),
        ("Apple", 11, 16, 0, "NAM", "ORG"),
        ("Apple", 17, 22, 1, "PRE.NAM", "ORG"),
        ("$5", 28, 30, 1, "NAM", "FIN"),
        ("Paris", 34, 39, 1, "NAM", "LOC"),
        ("Cisco", 41, 46, 6, "NAM", "ORG"),
    ]
    assert [(v.text, v.start_char, v.end_char, v.value_type, v.t_ids) for v in document.values] == [("$5", 28, 30, "MONEY", ("6", "7"))]
    assert document.annotated_end() == 40


def test_scorer_counts_strict_overlap_typed_and_ignored(tmp_path):
    document = read_meantime(write_cat(tmp_path))
    predicted = [
        mention(0, 5, "ORG"),  # strict, typed
        mention(11, 16, "GPE"),  # strict, wrong type
        mention(17, 27, "ORG"),  # "Apple paid": overlap only, typed
        mention(28, 30, "ORG"),  # on a FIN name: ignored
        mention(31, 33, "NORP"),  # NORP: left out
        mention(41, 46, "ORG"),  # sentence 6: not annotated
    ]
    scores = score_document(document, predicted)
    assert scores == EntityScores(documents=1, gold=4, predicted=3, ignored=1, strict=2, overlap=3, typed=2)
    assert scores.prf(scores.overlap) == (1.0, 0.75, 2 * 0.75 / 1.75)


def test_score_entities_runs_the_extractor(tmp_path, nlp, gazetteer):
    write_cat(tmp_path)
    scores = score_entities(tmp_path, nlp, gazetteer)
    assert scores.documents == 1 and scores.gold == 4
    assert 0 < scores.overlap <= scores.predicted


def test_reader_joins_apostrophes_split_from_their_words(tmp_path):
    words = ["Michael", "O'", "Leary", "said", "Apple", "’", "s", "chief", "and", "the", "Beatles'", "Apple", "I'", "m", "."]
    tokens = "".join(f'<token number="{i}" sentence="0" t_id="{i + 1}">{w}</token>' for i, w in enumerate(words))
    document = read_meantime(write_cat(tmp_path, f'<?xml version="1.0" ?><Document doc_id="8">{tokens}</Document>'))
    assert document.text == "Michael O'Leary said Apple’s chief and the Beatles' Apple I'm."


NESTED = """<?xml version="1.0" ?><Document doc_id="8" doc_name="8_Ryanair" lang="en">
<token number="0" sentence="0" t_id="1">Irish</token>
<token number="1" sentence="0" t_id="2">airline</token>
<token number="2" sentence="0" t_id="3">,</token>
<token number="3" sentence="0" t_id="4">Ryanair</token>
<token number="4" sentence="0" t_id="5">flies</token>
<token number="5" sentence="0" t_id="6">.</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/><token_anchor t_id="3"/><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY m_id="20" ent_type="ORG"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="2"/><target m_id="20"/></REFERS_TO>
</Relations>
</Document>
"""


def test_a_name_inside_a_longer_gold_mention_keeps_its_exact_match(tmp_path):
    path = tmp_path / "8_Ryanair.xml"
    path.write_text(NESTED, encoding="utf-8")
    document = read_meantime(path)
    assert document.text == "Irish airline, Ryanair flies."
    # "Ryanair" pairs with the inner gold mention it spells exactly; the outer one, "Irish
    # airline, Ryanair", takes what is left that overlaps it, the place "Irish".
    scores = score_document(document, [mention(0, 5, "GPE"), mention(15, 22, "ORG")])
    assert scores == EntityScores(documents=1, gold=2, predicted=2, ignored=0, strict=1, overlap=2, typed=1)

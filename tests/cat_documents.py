"""Tiny MEANTIME CAT XML documents for the scorer tests."""

from __future__ import annotations

from collections.abc import Sequence


def cat_xml(
    doc_id: str, name: str, sentences: Sequence[tuple[int, str]], markables: Sequence[tuple[str, str, Sequence[int]]]
) -> str:
    """A CAT document: `sentences` as (sentence number, tokens joined by spaces); `markables` as
    (tag, attributes, numbers of the tokens it anchors, counted over the whole document), given
    m_ids from 100 on."""
    tokens = [(sentence, word) for sentence, words in sentences for word in words.split(" ")]
    rows = [
        f'<token number="{i}" sentence="{sentence}" t_id="{i + 1}">{word}</token>'
        for i, (sentence, word) in enumerate(tokens)
    ]
    marks = [
        f'<{tag} m_id="{100 + k}" {attributes}>' + "".join(f'<token_anchor t_id="{i + 1}"/>' for i in anchors) + f"</{tag}>"
        for k, (tag, attributes, anchors) in enumerate(markables)
    ]
    return (
        f'<?xml version="1.0" ?><Document doc_id="{doc_id}" doc_name="{name}" lang="en">\n'
        + "\n".join(rows)
        + "\n<Markables>\n"
        + "\n".join(marks)
        + "\n</Markables>\n</Document>\n"
    )

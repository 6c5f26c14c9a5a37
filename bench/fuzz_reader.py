"""Coverage-guided fuzzing of the text reader and the fact rules (atheris, libFuzzer): `make fuzz`.

    .venv/bin/python bench/fuzz_reader.py output/fuzz-corpus bench/fuzz_seeds -max_total_time=300 \
        -timeout=20 -max_len=20000 -artifact_prefix=tests/data/fuzz/

Each input is a file's bytes: decoded as the reader decodes a .txt (`extract.load.decode`), its HTML
fragments dropped as the reader drops them, then extracted without the model. An input fails when the
reader or a rule raises, when a fact's evidence is not the text it quotes, when a problem has no code,
and (libFuzzer's -timeout) when it takes more than 20 s, which only a super-linear rule can on 20 kB.
libFuzzer writes each failing input to tests/data/fuzz/ (crash-..., timeout-..., slow-unit-...);
tests/test_hostile_input.py replays every file there, so a finding, once fixed, stays fixed. The
working corpus (output/fuzz-corpus) is what the campaign learnt; it is not kept.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports():
    import extract.load as load
    from extract.pipeline import extract_document
    from extract.records import Document

CODE = re.compile(r"^[EW]\d{3}$")


def text_of(data: bytes) -> str | None:
    """What the reader makes of a .txt file's bytes (None: a file it refuses, as binary or empty)."""
    if not data.strip() or b"\x00" in data[:8192]:
        return None
    text, _note = load.decode(data)
    if load._INLINE_TAG.search(text):
        text = load.html.unescape(load._INLINE_TAG.sub(" ", text))
    return text if len(text.split()) >= 3 else None


def check(data: bytes) -> None:
    """One input: the reader and the rules, with the invariants every build relies on."""
    text = text_of(data)
    if text is None:
        return
    result = extract_document(
        Document(doc_id="fuzz.txt", path="fuzz.txt", text=text, sha256=""), use_model=False
    )
    for f in result.facts:
        if f.evidence.text != result.document.text[f.evidence.start : f.evidence.end]:
            raise AssertionError(f"evidence is not the text it quotes: {f}")
    for p in result.problems:
        if not CODE.match(p.code) or p.code in {"E200", "E500"}:
            raise AssertionError(f"problem: {p.line()}")


def main() -> None:
    # (atheris's "RegEx" hook would guide inputs towards the patterns, but its pattern proxy takes no `pos`
    # argument, which the rules use: only the Python branches and the str hooks guide the campaign)
    atheris.enabled_hooks.add("str")
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""Who is a private individual: decided once, from the context of each mention.

Members of the public who ask questions, FOI requesters, complainants, families and
children are not office holders: the graph leaves them out unless the user asks. A
person is private when a mention of them sits in a private context and no mention
gives them an office (a councillor's title, a post, a seat).
"""

from __future__ import annotations

import re

from extract.segment import Segmented

_PRIVATE_LINE = re.compile(
    r"^\s*(?:PQ|Public question|Question)\s*\d+\b|\bquestion(?:s)? (?:from|submitted by|asked by) (?:a )?"
    r"(?:member of the public|(?:Mr|Mrs|Ms|Miss|Dr)\b)|\b(?:requester|complainant|applicant|petitioner|resident)\b|"
    r"\b(?:mother|father|parent|grandparent|son|daughter|child|family) of\b|"
    # civic business about private lives: consorts and families, congratulations, condolences, honours,
    # receptions, a question or an information request sent in by someone
    r"\b(?:consorts?|wife|husband|widow(?:er)?|grandchildren|his mother|her mother|his father|her father)\b|"
    r"\bcongratulat\w*|\bcondolences?\b|\bsympathy\b|\b(?:being |been )?awarded (?:an? |the )?(?:MBE|OBE|CBE|BEM|"
    r"British Empire Medal)|\bcivic reception\b|\bquestions? received from\b|\bmade this\b[^.\n]{0,60}\brequest\b|"
    r"['\u2019]s (?:gardener|house|home|garden|property|dog|car)\b|"
    r"^\s*Dear (?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s",
    re.I,
)  # the addressee of a reply: the one who asked
_PUBLIC_QUESTION_HEAD = re.compile(
    r"^\s*(?:(?:[A-Z]{1,4}\s*/?\s*)?\d+(?:[./]\d+)*\.?\s*)?(?:questions? from (?:members of )?the public|public questions?|public speaking|"
    r"public participation|public question time|petitions?(?: from the public)?)\b",
    re.I,
)
# where the public section ends: the next numbered item, a members' questions heading, or a heading in capitals
_SECTION_END = re.compile(
    r"^\s*(?:\d+\.\s+\S|(?:[A-Z]{1,4}\s*/?\s*)?\d+(?:[./]\d+)+\.?\s+(?-i:[A-Z])|(?:questions? from )?(?:councillors|members)\b|member questions?|"
    r"(?-i:[A-Z][A-Z ]{8,}$))",
    re.I,
)
# "Mr Peter Jones of Ross-on-Wye asked": a person given by home town is a resident
_RESIDENT = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2},?\s+(?:of|from)\s+"
    r"[A-Z][\w'-]+(?:[ -][A-Za-z][\w'-]+){0,3},?\s+(?:asked|submitted|raised|put|spoke|addressed)\b"
)
# planning and licensing hearings: objectors, supporters, applicants' agents and residents who spoke
_SPEAKER = re.compile(
    r"\bspoke (?:in (?:objection|support|favour)|against|for) (?:to |of )?(?:the )?(?:application|proposal|scheme|item)?|"
    r"\b(?:objectors?|supporters?|lead petitioner|petition organiser)\b|\bpetition (?:was )?(?:presented|submitted|"
    r"organised) by\b|\b(?:the )?applicant'?s agent\b|\bon behalf of (?:the )?(?:applicant|objectors|residents)\b",
    re.I,
)
# "Mrs X, a local resident," / "a parent" (not a "Parent Governor", a co-opted member)
_PRIVATE_CAPACITY = re.compile(
    r"\b(?:a|the|two|three|four|several|\d+) (?:local )?(?:residents?|parents?|carers?|tenants?|"
    r"service users?|members? of the public|objectors?|neighbours?)(?! governor)\b|"
    r"\b(?:objected|objections? (?:from|by|were received))\b"
)
# a councillor with a spouse or consort of the same surname beside them: "the Mayor, Councillor Dot Smith, and Mr
# Chris Smith", "Cllr Jo Hale and her husband Mr Sam Hale": the councillor holds the office, the spouse does not
_SPOUSE = re.compile(
    r"\b(?:Councillor|Cllr\.?)[ \t]+(?:(?:Mrs|Mr|Ms|Miss|Dr)\.?[ \t]+)?(?:[A-Z][\w'\u2019-]*\.?[ \t]+){0,3}?"
    r"(?P<sur>[A-Z][\w'\u2019-]+)(?:[ \t]*\([^()\n]{0,40}\))?,?[ \t]+(?:and[ \t]+)?(?:(?:his|her)[ \t]+"
    r"(?:husband|wife|partner|consort|spouse)[ \t]+)?(?P<spouse>(?:Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+"
    r"(?:[A-Z][\w'\u2019-]*\.?[ \t]+){0,3}(?P=sur))\b"
)
_GREETINGS = re.compile(r"\b(?:congratulat\w*|condolences?|sympathy|best wishes)\b", re.I)
_LETTERED = re.compile(r"^\s*(?:\(?[a-z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)|[\u2022*-])\s+\S")
_FOI = re.compile(r"\b(?:freedom of information|FOI|environmental information regulations)\b", re.I)


def private_spans(seg: Segmented) -> list[tuple[int, int]]:
    """Spans of text whose people are private individuals."""
    spans = []
    for line in seg.lines:
        if (
            _PRIVATE_LINE.search(line.text)
            or _RESIDENT.search(line.text)
            or _SPEAKER.search(line.text)
            or _PRIVATE_CAPACITY.search(line.text)
        ):
            spans.append((line.start, line.end))
    for i, line in enumerate(seg.lines):
        if _GREETINGS.search(line.text):
            # "Members congratulated the following:" then "a) ...", "b) ...": the list is the greeting's
            end = line.end
            for ln in seg.lines[i + 1 : i + 40]:
                if ln.text.strip() and not _LETTERED.match(ln.text):
                    break
                end = ln.end
            spans.append((line.start, end))
        if len(line.text) < 80 and _PUBLIC_QUESTION_HEAD.match(line.text):
            end = line.end
            for ln in seg.lines[i + 1 : i + 80]:
                if ln.text.strip() and _SECTION_END.match(ln.text):
                    break
                end = ln.end
            spans.append((line.start, end))
    spans += [(m.start("spouse"), m.end("spouse")) for m in _SPOUSE.finditer(seg.text)]
    if _FOI.search(seg.text[:5000]) or _FOI.search(seg.text[-2000:]):
        # an FOI release names its requester in the heading, before the case reference
        head_end = next(
            (ln.start for ln in seg.lines if re.match(r"\s*(Case reference|Request\b|Received)", ln.text)), 0
        )
        if head_end:
            spans.append((0, head_end))
    return spans


def is_private_at(spans: list[tuple[int, int]], start: int) -> bool:
    return any(s <= start < e for s, e in spans)

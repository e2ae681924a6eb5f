"""Texts as the reuse pass sees them: sentences and quotations with their character
offsets in the clean text, and normalised content tokens.

Normalisation makes light rewrites line up: accents folded ("Mingəçevir" /
"Mingacevir" keep their letters, "Çavuşoğlu" = "Cavusoglu"), lower case, a
possessive or plural "s" dropped ("missiles" = "missile", "Azerbaijan’s" =
"Azerbaijan"), "&" read as "and", and function words ("the", "was", "of", ...)
left out of the content tokens, so that changed connectives do not break a match.
Everything here is plain ``re`` and ``unicodedata``: fast enough for thousands of
articles a second.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

_WORD = re.compile(r"[^\W_]+")

# Function words: dropped from the content tokens (kept in the full token sequence that
# tells verbatim from near-verbatim copies).
STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren as at be because been before being below
between both but by can cannot could couldn d did didn do does doesn doing don down during each else ever few
for from further had hadn has hasn have haven having he her here hers herself him himself his how however i if
in into is isn it its itself just ll m may me might more most must mustn my myself no nor not now o of off on
once only or other ought our ours ourselves out over own re s same shall shan she should shouldn so some such
t than that the their theirs them themselves then there these they this those through thus to too under until
up upon us ve very was wasn we were weren what when where whether which while who whom whose why will with
won would wouldn y you your yours yourself yourselves
""".split())

# Sentence ends: a stop (or ! ?), closing quotes or brackets, then space and a capital, digit or opening quote.
_BOUNDARY = re.compile(r"[.!?]+[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
# Words after which a full stop does not end the sentence.
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st lt sgt col gen gov sen rep jr sr capt cpl det ofc insp supt rev hon no nos vs etc inc ltd
co corp dept est fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd rd hwy u.s u.k a.m p.m e.g
i.e approx
""".split())
# Quotations: “...” or "..." within one paragraph.
_QUOTE = re.compile(r"“[^”\n]{2,1500}”|\"[^\"\n]{2,1500}\"")

# Sentences every outlet prints around its stories, never evidence of reuse between two articles:
# calls for tips, contact lines, legal notices, app and newsletter promotion, photo credits, video
# playlists. Their words take no part in proposing or scoring a passage (a whole copied article
# still counts as syndication with them). Two patterns, for speed: marks found by one pass over the
# whole text (phone numbers, addresses, handles), and phrases, tried only on sentences holding one
# of their trigger words.
BOILERPLATE_MARKS = re.compile(
    r"\(?\b\d{3}\)?[-. ]\d{3}[-. ]?[0-9A-Za-z]{4}\b|\b\d{3}-[A-Z]{4}\b|\b1-8\d\d-"  # phone numbers
    r"|@\w|https?://|www\.|\.com\b|©|(?:amp;){2}"  # e-mail, handles, web addresses, copyright, broken markup
)
BOILERPLATE_PHRASES = re.compile("|".join((
    r"\bcrime ?(?:stoppers|solvers)\b|\btip ?line\b|\btips? (?:can|may) be\b|\btext (?:tips|\w+ to)\b",
    r"\bremain anonymous\b|\bcash reward\b|\banyone (?:with|who has|having) (?:any )?information\b",
    r"\bif you (?:have|know) (?:any )?(?:information|anything)\b|\basked to (?:call|contact)\b",
    r"\ball rights reserved\b|\bmay not be (?:published|reproduced|redistributed)\b|\bcontributed to this report\b",
    r"\bcopyright\b|\bdownload\b|\bapps?\b|\bnewsletters?\b|\bsubscri(?:be|ption)\b|\bsign (?:up|in)\b",
    r"\bbreaking news\b|\b(?:push|news|email) alerts?\b|\bfollow us\b|\blike us on\b|\bshare this\b",
    r"\bread or share\b|\bclick here\b|\bwatch (?:live|now)\b|\bon demand\b|\bad ?block|\bviewing the video\b",
    r"\bstay (?:in touch|with)\b|\breal-time updates\b|\bkeep (?:checking|up with)\b|\bfor (?:more )?updates\b",
    r"\bdeveloping story\b|\bup to date\b|\beditor'?s note\b|\bstation groups?\b|\bunless otherwise noted\b",
    r"\bemail notifications\b|\bjoined forces with\b|\bcontributed\.$",
    r"^\(?photos?\b|\bimage \d+ of \d+|\bbuy (?:this )?photo\b|\bstaff photographer\b|\bphotos? (?:by|courtesy)\b",
    r"\bgallery\b|\bthumbnails?\b|\d:\d\d\b.{0,150}\bpause\b|\bflash\b.{0,80}\bvideo\b|\byour browser\b|\bjavascript\b",
    r"\bonline service\b|\bin its entirety\b|\bpurchased individually\b|^\(?(?:published|updated|posted)\b",
)), re.IGNORECASE)
_TRIGGERS = frozenset("""
crime stopper solver tip line text anonymous remain reward information call contact right reserved published
reproduced redistributed contributed report copyright download app newsletter subscribe subscription sign
breaking new alert email follow like share read click watch live demand ad adblock block viewing video stay touch
real time update keep checking developing story date editor note station group noted notification joined
force photo image buy photographer courtesy gallery thumbnail pause flash browser javascript online service
entirety purchased individually updated posted
""".split())
_TIMESTAMP = re.compile(r"\d{1,2}:\d\d\b")  # a video playlist line starts with its duration


def is_boilerplate(sentence: str, tokens: list[str] | None = None) -> bool:
    """A sentence no story needs (see ``BOILERPLATE_MARKS`` and ``BOILERPLATE_PHRASES``)."""
    if BOILERPLATE_MARKS.search(sentence) or _TIMESTAMP.match(sentence):
        return True
    tokens = content_words(sentence) if tokens is None else tokens
    return not _TRIGGERS.isdisjoint(tokens) and BOILERPLATE_PHRASES.search(sentence) is not None


LONG_SENTENCE = 60  # content tokens: a longer "sentence" (lists, tweets without stops) is cut into pieces


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """A word as compared: accents folded, lower case, a final plural or possessive "s" dropped."""
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
        word = word.replace("ı", "i").replace("ə", "e").replace("ø", "o").replace("ł", "l").replace("ß", "ss")
    word = word.lower()
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-3] + "y" if word.endswith("ies") and len(word) > 4 else word[:-1]
    return word


def words(text: str) -> list[str]:
    """Every word of a text, folded, function words included ("&" reads "and")."""
    return [fold(w) for w in _WORD.findall(text.replace("&", " and "))]


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS]


def normalised(text: str) -> str:
    """The text as a sequence of folded words: equal for texts that differ only in case, accents or punctuation."""
    return " ".join(words(text))


@dataclass
class Unit:
    """A sentence or a quotation: characters [start, end) of the text, content tokens [first, last)."""

    start: int
    end: int
    first: int
    last: int
    sentence: int  # index of the (first) sentence it lies in
    sentence_last: int  # index of the last sentence it touches
    quote: bool = False
    boilerplate: bool = False

    @property
    def size(self) -> int:
        return self.last - self.first


@dataclass
class Doc:
    """An article prepared for the reuse pass."""

    id: str
    text: str
    tokens: list[str]  # content tokens, folded
    starts: np.ndarray  # character offset of each content token
    ends: np.ndarray
    sentences: list[Unit]
    quotes: list[Unit]
    quoted: np.ndarray  # bool per content token: inside quotation marks
    boilerplate: np.ndarray  # bool per content token: in a boilerplate sentence
    fingerprint: str  # equal for identical texts (the content hash, or the normalised text); "" without a word
    published: object = None  # dt.date | None: publication date when known from the source
    grams: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # n-gram key per position
    gram_ok: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # n-gram outside boilerplate


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of a text, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group()[0] == ".":
            before = text[max(start, match.start() - 12):match.start()]
            word = re.search(r"([A-Za-z.]+)$", before)
            if word:
                w = word.group(1).lower().rstrip(".")
                if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                    continue
        spans.append((start, match.start() + len(match.group().rstrip())))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def prepare(article_id: str, text: str, published=None, fingerprint: str | None = None) -> Doc:
    """Tokens, sentences and quotations of one article. ``fingerprint`` (default: the normalised
    text) is what identical texts share; it is emptied for a text without a word."""
    tokens: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    any_word = False
    for match in _WORD.finditer(text):
        any_word = True
        word = fold(match.group())
        if word not in STOPWORDS:
            tokens.append(word)
            starts.append(match.start())
            ends.append(match.end())
    starts_a = np.array(starts, dtype=np.int64)
    ends_a = np.array(ends, dtype=np.int64)

    sentences: list[Unit] = []
    for s, e in sentence_spans(text):
        first = int(np.searchsorted(starts_a, s))
        last = int(np.searchsorted(starts_a, e))
        if last - first <= LONG_SENTENCE:
            sentences.append(Unit(s, e, first, last, len(sentences), len(sentences)))
            continue
        # A run-on block: pieces of about half the limit, cut between words.
        step = LONG_SENTENCE // 2
        for piece in range(first, last, step):
            stop = min(piece + step, last)
            if last - stop < step // 3:
                stop = last
            ps = s if piece == first else int(starts_a[piece])
            pe = e if stop == last else int(ends_a[stop - 1])
            sentences.append(Unit(ps, pe, piece, stop, len(sentences), len(sentences)))
            if stop == last:
                break
    if not sentences:
        sentences.append(Unit(0, len(text), 0, len(tokens), 0, 0))
    sentence_starts = np.array([u.start for u in sentences], dtype=np.int64)

    boilerplate = np.zeros(len(tokens), dtype=bool)
    marked = {int(np.searchsorted(sentence_starts, m.start(), side="right") - 1)
              for m in BOILERPLATE_MARKS.finditer(text)}
    for k, unit in enumerate(sentences):
        sentence = text[unit.start:unit.end]
        if (k in marked or _TIMESTAMP.match(sentence)
                or (not _TRIGGERS.isdisjoint(tokens[unit.first:unit.last])
                    and BOILERPLATE_PHRASES.search(sentence) is not None)):
            unit.boilerplate = True
            boilerplate[unit.first:unit.last] = True
    firsts = np.array([u.first for u in sentences], dtype=np.int64)
    quoted = np.zeros(len(tokens), dtype=bool)
    quotes: list[Unit] = []
    for match in _QUOTE.finditer(text):
        s, e = match.span()
        first = int(np.searchsorted(starts_a, s))
        last = int(np.searchsorted(starts_a, e))
        if last - first < 3:
            continue
        quoted[first:last] = True
        si = int(np.searchsorted(firsts, first, side="right") - 1)
        sl = int(np.searchsorted(firsts, last - 1, side="right") - 1)
        whole = sentences[si]
        if si == sl and whole.first == first and whole.last == last:
            whole.quote = True  # the quotation is the whole sentence: no separate unit
            continue
        quotes.append(Unit(s, e, first, last, si, sl, quote=True))
    return Doc(id=article_id, text=text, tokens=tokens, starts=starts_a, ends=ends_a, sentences=sentences,
               quotes=quotes, quoted=quoted, boilerplate=boilerplate,
               fingerprint=(fingerprint or normalised(text)) if any_word else "", published=published)

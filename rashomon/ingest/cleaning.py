"""Clean article text: remove what the outlet printed around the story, repair what scraping glued.

Extraction downstream quotes sentences from this text as evidence, so the rules
only ever drop whole lines that are not the story (calls to follow, share
buttons, embedded-tweet attributions, legal notices...) and only insert
spaces or paragraph breaks; they never rewrite words.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict

from rashomon.model import Article

# -- normalisation -----------------------------------------------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n?|[\f\v\x85\u2028\u2029]")
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u00ad\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[^\S\n]+")
_HAS_WORD = re.compile(r"[^\W_]")
_EDGE_SYMBOLS = re.compile(r"^[^\w\"“‘'(]+|[^\w.!?\"”’')]+$")
# A line not ending with one of these, followed by one starting in lower case, is a hard-wrapped paragraph.
_SENTENCE_CLOSERS = tuple(".!?:;\"”’)]")


# C1 control characters in decoded text are cp1252 punctuation read as Latin-1 upstream ("\x93It is
# ...\x94"): the curly quotes and dashes they stood for. (\x85 stays a line break.)
_C1_AS_CP1252 = {code: bytes([code]).decode("cp1252") for code in range(0x80, 0xA0)
                 if code != 0x85 and code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _normalised_lines(text: str) -> list[str]:
    """NFC, one kind of line break, no invisible characters, single spaces, and hard wraps undone."""
    text = unicodedata.normalize("NFC", _LINE_BREAKS.sub("\n", text.translate(_C1_AS_CP1252)))
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    lines: list[str] = []
    previous_blank = True
    for line in text.split("\n"):
        line = line.strip()
        if line and lines and not previous_blank and line[0].islower() and not lines[-1].endswith(_SENTENCE_CLOSERS):
            lines[-1] += " " + line
        elif line:
            lines.append(line)
        previous_blank = not line
    return lines


# -- glued sentences ---------------------------------------------------------------------------------

# "children.Silence" -> "children. Silence"; two lower-case letters before the stop keep "U.S.", "e.g.", "St.Louis" intact.
_STOP_GLUE = r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])"
# "crimes.’“Silence" -> "crimes.’ “Silence"
_QUOTE_GLUE = r"(?<=[a-z][.!?,][”’\"])(?=[“‘\"]?[A-Z])"
# "REUTERS/Umit BektasThe warring" -> a paragraph break: a caption or heading ran into the story.
# Only words that start sentences, so "LinkedIn", "YouTube" or "McDonald" are never split.
_BLOCK_GLUE = (
    r"(?<=[a-z])(?=(?:The|This|That|These|Those|They|There|Their|He|She|His|Her|We|Our|But|However|"
    r"Meanwhile|According|After|Before|When|While|Police|Officials|Authorities)\b)"
)
_GLUE = re.compile(rf"(?P<space>{_STOP_GLUE}|{_QUOTE_GLUE})|(?P<paragraph>{_BLOCK_GLUE})")
_MAY_BE_GLUED = re.compile(r"[a-z](?:[.!?][”’\"]?|,[”’\"])?[“‘\"]?[A-Z]")  # cheap test that skips most lines
_URL_LIKE = re.compile(r"://|www\.|@|[a-z0-9-]\.(?:com|org|net|gov|edu|info|news|io|tv)\b")


def repair_glue(line: str) -> str:
    """Put back the space or paragraph break ("\\n") that scraping removed between two sentences.

    Words that are URLs, e-mail addresses or handles are left alone ("pic.twitter.com/AbC").
    """

    def separator(glue: re.Match[str]) -> str:
        word_start = line.rfind(" ", 0, glue.start()) + 1
        word_end = line.find(" ", glue.start())
        if _URL_LIKE.search(line, word_start, len(line) if word_end < 0 else word_end):
            return ""
        return " " if glue.lastgroup == "space" else "\n"

    return _GLUE.sub(separator, line) if _MAY_BE_GLUED.search(line) else line


# -- boilerplate lines -------------------------------------------------------------------------------

_SHORT = r"^(?=.{0,200}$)"
_PLATFORMS = r"(?:facebook|twitter|instagram|youtube|telegram|tiktok|linkedin|reddit|whatsapp|google news)"
_AGENCIES = r"(?:ap|afp|reuters|getty images|epa|anadolu(?: agency)?|aa|xinhua|ap photo)"
_TWEET_DATE = r"(?:[a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [a-z]+\.? \d{4})"
_TWEET_ATTRIBUTION = r"[—–-] ?[^()]{1,80}\(@\w{1,15}\) ?" + _TWEET_DATE

# (rule name, pattern) in the order they are tried; each pattern is matched against one whole,
# normalised line, case-insensitively.
BOILERPLATE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("social call to action", r"^(?:stay (?:updated|up to date|connected|informed|tuned)|click here|"
                                  r"follow (?:us|our)|join (?:us|the conversation)|like us on|find us on|"
                                  r"connect with us)\b"),
        ("social call to action", _SHORT + r"follow\b.*\b" + _PLATFORMS + r"\b"),
        ("social call to action", _SHORT + r".*\bfollow (?:us|our)\b(?: on\b| everywhere\b|.*\b" + _PLATFORMS + r"\b)"),
        ("newsletter or account prompt", r"^(?:subscribe|sign up|sign in|log in|register now|"
                                         r"already (?:have an account|a subscriber|registered)|"
                                         r"thank you for (?:registering|subscribing|signing up)|"
                                         r"by (?:submitting|signing up|subscribing)|"
                                         r"we have sent (?:you )?an? (?:confirmation|verification)|"
                                         r"please check your email|email notifications are)\b"),
        ("related link", r"^(?=.{0,300}$)(?:read (?:more|also|next)|also read|"
                         r"related(?: (?:stories|articles|coverage|content|news))?|"
                         r"see also|recommended(?: for you| stories)?|you may also like|more from|trending now|"
                         r"most popular|editor'?s picks?|watch(?: now| live)?)\s*(?::|»|>>|\||\s[–—-]|$)"),
        ("back to top", r"^back to (?:the )?top(?: button)?$"),
        ("video player notice", r"^(?:please enable javascript|your browser does not support|(?:hide|show) transcript|"
                                r"this video (?:is (?:not available|unavailable)|has been removed))\b"),
        ("advertisement", r"^(?:advertisement|advertising|sponsored(?: content)?|ad|"
                          r"story continues below(?: advertisement)?|"
                          r"continue reading(?: below)?|scroll to continue(?: with content)?)$"),
        ("reader contribution promo", r"^>>.*<<$|^be a reporter\b"),
        ("fair use notice", r"^(?=.{0,400}$).*\btitle 17,? (?:u\.?s\.?c\.?,? )?(?:section|sec\.|§) ?107\b|"
                            r"^this site contains copyrighted material\b"),
        ("copyright notice", r"^(?:\(?©|\(c\) ?\d{4}|copyright\b)|" + _SHORT + r".*\ball rights reserved\b|"
                             r"^this material may not be (?:published|reproduced)\b"),
        ("staff credit", r"^(?:editorial (?:team|staff|desk|board)|web desk|news desk)$"),
        ("photo credit", r"^\(?(?:file )?(?:photo|image|picture|video|graphic)s?(?: credit| courtesy| source)?"
                         r"(?::|/|\||, |\s[–—-])(?=.{0,150}$)"),
        ("photo credit", r"^\(?(?:file )?(?:photo|image)s? by\b(?=.{0,60}$)"),
        ("photo credit", r"^(?:photo )?(?:credit|courtesy)s?:"),
        ("photo credit", r"^\(?" + _AGENCIES + r"(?: photo)? ?/ ?[^/()]{2,50}\)?$"),
        ("photo credit", r"^\([^()]{2,60}/ ?" + _AGENCIES + r"\)$"),
        ("embedded tweet attribution", r"^" + _TWEET_ATTRIBUTION),
        ("embedded tweet", r"pic\.twitter\.com/\w+ ?" + _TWEET_ATTRIBUTION),
        ("share button", r"^(?:share(?: this(?: story| article| post)?)?:?(?: facebook)?|tweet|e-?mail|print|facebook|"
                         r"twitter|pinterest|google\+?|linkedin|reddit|whatsapp|tumblr|more|close|comments?|"
                         r"copy link(?: copy)?|like this: like loading\.*|loading\.*)$"),
    )
)
# A list of other stories' headlines under a heading ("Related Articles", "Related", "See also"), or after
# it on its line ("Related Coverage Two juveniles shot in Mosby Court"): other incidents, not this one.
_RELATED_NOUNS = r"(?:stories|articles|coverage|content|news|headlines|links|photos|videos)"
_RELATED_HEADING = re.compile(rf"^(?:related(?: {_RELATED_NOUNS})?|see also|more (?:stories|news|headlines))\s*:?$",
                              re.IGNORECASE)
_RELATED_WITH_HEADLINE = re.compile(rf"^related {_RELATED_NOUNS}:? (?=[A-Z0-9\"“‘'])", re.IGNORECASE)
# "... about what happened. Related Articles Federal judge dismisses ...": the heading ran into the story
_RELATED_GLUED = re.compile(rf"(?:(?<=[.!?][”’\"] )|(?<=[.!?] ))(?=Related (?i:{_RELATED_NOUNS})\b)")
_RELATED_LIST_MAX = 8  # headlines dropped after one heading at most
_HEADLINE_MAX_WORDS = 20
_TWEET_MEDIA = re.compile(r"pic\.twitter\.com/", re.IGNORECASE)
# A video playlist: other stories' clips, each its duration and headline ("1:47 Mother of defendant in Clavo
# shooting speaks"), the playing one marked "Pause"; a run of at least _PLAYLIST_MIN, or the marked one
_PLAYLIST_ITEM = re.compile(r"^\d{1,2}:[0-5]\d (?![ap]\.?m\b)[A-Z0-9\"“‘'].{2,200}$")
_PLAYLIST_PLAYING = re.compile(r" Pause$")
_PLAYLIST_MIN = 3
_TWEET_TEXT_BEFORE, _TWEET_TEXT_AFTER = 2, 1  # lines around an attribution that may hold the tweet's picture link
_SENTENCE_END = re.compile(r"[.!?…][”’\"')\]]*$")


def boilerplate_rule(line: str) -> str | None:
    """The name of the first rule that marks this line as boilerplate, or None for story text."""
    for name, pattern in BOILERPLATE_RULES:
        if pattern.search(line):
            return name
    return None


def is_sentence(line: str) -> bool:
    """A real sentence (said, quoted), as opposed to a label, a button or a heading."""
    words = len(line.split())
    return words >= 12 or (words >= 4 and bool(_SENTENCE_END.search(line)))


def _drop_boilerplate(lines: list[str]) -> list[str]:
    """Drop lines a rule names, plus the tweet-text lines carrying a picture link next to a tweet attribution."""
    rules = [boilerplate_rule(line) for line in lines]
    drop = [rule is not None for rule in rules]
    for i, rule in enumerate(rules):
        if rule == "embedded tweet attribution":
            for j in range(max(0, i - _TWEET_TEXT_BEFORE), min(len(lines), i + _TWEET_TEXT_AFTER + 1)):
                drop[j] = drop[j] or bool(_TWEET_MEDIA.search(lines[j]))
    for i, line in enumerate(lines):
        with_headline = _RELATED_WITH_HEADLINE.match(line)
        if with_headline and _headline_like(line[with_headline.end():]):
            drop[i] = True
        elif not _RELATED_HEADING.match(line):
            continue
        for j in range(i + 1, min(len(lines), i + 1 + _RELATED_LIST_MAX)):
            if not (drop[j] or _headline_like(lines[j])):
                break
            drop[j] = True
    _drop_playlists(lines, drop)
    return [line for line, dropped in zip(lines, drop) if not dropped]


def _drop_playlists(lines: list[str], drop: list[bool]) -> None:
    """Mark the clips of a video playlist (see _PLAYLIST_ITEM) for dropping."""
    items = [bool(_PLAYLIST_ITEM.match(line)) and _headline_like(line) for line in lines]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and items[j]:
            j += 1
        if j - i >= _PLAYLIST_MIN or (j > i and any(_PLAYLIST_PLAYING.search(lines[k]) for k in range(i, j))):
            for k in range(i, j):
                drop[k] = True
        i = max(j, i + 1)


def _headline_like(line: str) -> bool:
    """A line that reads as a headline: short, and not ended as a sentence is."""
    return len(line.split()) <= _HEADLINE_MAX_WORDS and not _SENTENCE_END.search(line)


def _drop_repeats(lines: list[str]) -> list[str]:
    """A line printed twice is a label or a button, unless it is a sentence quoted again: keep that once."""
    counts = Counter(line.casefold() for line in lines)
    seen: set[str] = set()
    kept = []
    for line in lines:
        key = line.casefold()
        if counts[key] > 1:
            if key in seen or not is_sentence(line):
                continue
            seen.add(key)
        kept.append(line)
    return kept


def _clean_lines(text: str) -> list[str]:
    """Normalised, glue-repaired lines with the rule-based boilerplate gone (repeats are still there)."""
    lines = [part.strip() for line in _normalised_lines(text)
             for part in repair_glue(_RELATED_GLUED.sub("\n", line)).split("\n")]
    return _drop_boilerplate([line for line in lines if _HAS_WORD.search(line)])


def clean_text(text: str, title: str | None = None) -> str:
    """The article body as paragraphs separated by blank lines, boilerplate removed.

    Lines equal to ``title`` are removed too: the title is kept apart from the body.
    """
    lines = _clean_lines(text)
    if title:
        folded_title = _bare(title)
        lines = [line for line in lines if _bare(line) != folded_title]
    return "\n\n".join(_drop_repeats(lines))


def _bare(line: str) -> str:
    """A line case-folded without the symbols around it: "× No charges ..." (a page's close button) is
    the title "No charges ..." again."""
    return _EDGE_SYMBOLS.sub("", line.casefold())


def clean_title(title: str | None) -> str | None:
    """One normalised line, or None if nothing real is left."""
    if not title:
        return None
    title = " ".join(_normalised_lines(title))
    return title if _HAS_WORD.search(title) and boilerplate_rule(title) is None else None


# -- boilerplate of one outlet -----------------------------------------------------------------------


class OutletBoilerplate:
    """Lines an outlet prints under many of its articles (station slogans, sign-up forms)
    that no fixed rule knows. Feed it a batch with ``learn``, then ``strip`` each article:
    a paragraph is boilerplate once ``min_articles`` different articles of that outlet carry it.

    Only paragraphs up to ``max_line_chars`` are counted, which bounds memory and keeps
    long story paragraphs (syndicated copies) out of it.
    """

    def __init__(self, min_articles: int = 5, max_line_chars: int = 300):
        self.min_articles = min_articles
        self.max_line_chars = max_line_chars
        self._counts: dict[str, Counter[str]] = defaultdict(Counter)
        self._learnt: dict[str, set[str]] = defaultdict(set)
        self._seen: dict[str, set[str]] = defaultdict(set)

    def learn(self, article: Article) -> None:
        """Count the article's short paragraphs for its outlet (each distinct article once)."""
        outlet = article.outlet
        if not outlet or article.content_hash in self._seen[outlet]:
            return
        self._seen[outlet].add(article.content_hash)
        counts = self._counts[outlet]
        for paragraph in {p.casefold() for p in article.text.split("\n\n") if len(p) <= self.max_line_chars}:
            counts[paragraph] += 1
            if counts[paragraph] == self.min_articles:
                self._learnt[outlet].add(paragraph)

    def lines(self, outlet: str) -> set[str]:
        """The (case-folded) paragraphs learnt as boilerplate for this outlet."""
        return set(self._learnt.get(outlet, ()))

    def strip(self, article: Article) -> Article:
        """A copy of the article without its outlet's boilerplate paragraphs, hash updated;
        the article itself if there is none, or if nothing would be left."""
        boilerplate = self._learnt.get(article.outlet or "", set())
        paragraphs = article.text.split("\n\n")
        kept = [p for p in paragraphs if p.casefold() not in boilerplate]
        if not kept or len(kept) == len(paragraphs):
            return article
        text = "\n\n".join(kept)
        return article.model_copy(update={"text": text, "content_hash": content_hash(text)})


# -- identity ----------------------------------------------------------------------------------------

_NOT_WORD = re.compile(r"[\W_]+")


def content_hash(text: str) -> str:
    """sha256 of the body with case, whitespace and punctuation folded, so the same article
    re-scraped with other quotes, spacing or line breaks hashes the same."""
    folded = _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()

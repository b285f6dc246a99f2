"""Stage 5, people: personal names with their role and affiliation, from rules and the NER CRF.

Order of work (numbered comments in `PeopleStage.__call__` match):
1. bylines given by the metadata stage become people with role 记者;
2. titles anchor names: a surname right after a title (院长朱福荣) or a name right before one (杨明老师);
3. lists continue a found name (刘琳、李蓬春; 熊诗芮、郑杰等500多名学生);
4. the CRF's PER spans add names no rule reaches (given names alone, foreign names);
5. every further occurrence of a found name becomes a mention;
6. a bare surname with a form of address or a title (吴先生, 梁某, 姓纪的, 毛主席), the people a word of
   initials stands for (马列), the person a doctrine is named after (邓小平理论, 邓小平党的建设理论) and a
   name that opens a work's title (《刘绍棠文集》) are people too; a given name alone after the full
   name (刘绍棠 … 绍棠) is a mention of that person; a bare surname no full name bears, always
   addressed with 老 or 小, is named with it (老郑);
7. a name right after a name dot is the last part of a longer one (阿沛·阿旺晋美);
8. role (the fullest title stated) and affiliation (explicit, else the institution of the sentence,
   else of the paragraph) are chosen per person.
Nothing inside an institution mention or a place name is a person; inside a short quotation (program
names) only names the CRF or a doctrine word finds, and further occurrences of a found name, are.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from operator import attrgetter

import regex

from .document import Doc, PersonFinding, Span, SpanIndex, enclosing, span_order
from .memo import Memo
from .ner import NerTagger
from .numbers import NUMERAL
from .phrases import Phrases
from .segment import FILLER_FREQUENCY, jieba_dictionary
from .stage import Resources, Stage

BYLINE_ROLE = "记者"
# Quotations this short are names of programs or honours, not speech that may mention people.
SHORT_QUOTE = 16
QUOTES = regex.compile(r"[“\"‘'「『《]([^“”\"‘’'「」『』《》\n]{1,16})[”\"’'」』》]")
# How far left a role may grow from its title word ("美术学科" + "研训员").
ROLE_PREFIX_MAX = 6
# Parts of speech a role's prefix may consist of (nouns, adjectives, distinguishers, abbreviations).
ROLE_PREFIX_POS = ("n", "vn", "b", "j", "a", "an")
# A list or count after names that states their role: 熊诗芮、郑杰等500多名学生.
AND_OTHERS = "等"
COUNT_AFTER_LIST = regex.compile(AND_OTHERS + r"(?:[近约逾]?[\d一二三四五六七八九十百千万]+[多余]?[名位个])?")
# 曹建明、吉炳轩、武维华三位副委员长: the list's size, with no 等, before the title they all hold
SIZE_NUMERALS = "两二三四五六七八九十"
SIZE_OF_LIST = regex.compile(rf"[{SIZE_NUMERALS}]+[名位]")
LIST_SEP = "、"
GOVERNMENT_HEADS = ("省长", "市长", "县长", "区长", "州长", "旗长", "镇长", "乡长")  # who heads a place's government
GOVERNMENT_NAMES = ("政府", "人民政府")  # what the government of a place is called after its name
MAX_LISTED_POSTS = 3  # posts joined by 、 before a name's own, read into its role (委员、副主任、局长)
LIST_CLOSE = "等"  # closes a list of names (张三、李四等)
COMMON_NOUN_TAGS = frozenset({"n", "ng", "nz"})  # a thing's tags (not nr, ns, nt: a name's)
CLOSING_QUOTES = frozenset("”\"’」』")
CLOSING_BRACKETS = frozenset("）)】]")
# Characters of context the CRF sees on each side of a possible name (its features reach 2), grown
# to whole words and then one word more.
CRF_MARGIN = 4
MAX_ASIDE = 40  # characters from a name to the brackets around it (（记者吴秋余、谢卫群）)
# jieba tags of a lone surname character working as a function or common word (和 c, 从 p, 后 f,
# 都 d, 有 v, 年 m): on MSRA dev almost no name starts at such a token, and their windows cost time.
NOT_A_NAME_START = frozenset("c p f u uj ul ud ug uv uz y e o t s vg d v r".split())
# Confidence (lowest label marginal) a CRF name needs when it does not begin with a surname.
UNSURE_CRF = 0.8
SURE_CRF = 0.95  # a name with no surname of the lexicon that a title anchors needs this much
# Surnames this common need no second opinion from the CRF when a title anchors them.
COMMON_SURNAME_RANK = 100
# An untitled CRF name whose surname is rarer than this needs the model to be sure (UNSURE_CRF).
RARE_SURNAME_RANK = 300
HAN = regex.compile(r"\p{Han}")
# 老/小 before a surname this common, or 老/总/家 after it, address a person (老王, 侯老); rarer
# surnames make words with them (小路, 商家).
ADDRESSED_SURNAME_RANK = 100
ELDER = "老"
GUESSED_ADDRESS_POS = frozenset(("n", "nr"))  # jieba's tags for an unknown 老傅 read as one word
# A dictionary word this frequent is an everyday word, not 老王 or 吴先生 (jieba 0.42 counts).
EVERYDAY_FREQUENCY = 600
IDIOM_TAG, CLASSIFIER_TAG, NUMERAL_TAG, VERB_TAG, TIME_TAG = "i", "q", "m", "v", "t"
# jieba tags of words that are not names even when their character is a surname (从, 有, 和, 上学|后).
FUNCTION_POS = ("p", "v", "c", "u", "d", "r", "m", "q", "a", "f")
# jieba tags of prepositions and conjunctions (从 p, 和 c): a surname cut as one is no name's start.
LINKING_POS = ("p", "c")
# jieba tags of a word after a surname that no given name has (让|富|起来: a verb): the function
# words' tags but an adjective's (a given name reads as one: 美丽), and modal particles (y).
NOT_A_GIVEN_NAME = (*(tag for tag in FUNCTION_POS if tag != "a"), "y")
# Forms of address that anonymise a person (王某, 解某某): only a preposition or conjunction before
# them is no surname (从|某, 和|某某), however else jieba tags the surname (伏 v, 张 q).
ANONYMISED = frozenset(("某", "某某"))
# A given name that jieba's dictionary counts this often under a tag other than a name's (国庆 131 t,
# 春风 269 n) is too often the word itself to be read as the person when it stands alone.
GIVEN_NAME_AS_WORD = 100
VERB_AFTER_NAME_FREQUENCY = 50  # a verb this frequent after a two-character name word takes its next character
NAME_WORD_FREQUENCY = 200  # a whole name jieba's dictionary counts more often than this is a word (滑雪 269)
# A title right before this is a plural noun (同学们, 老师们), not one person's title.
PLURAL = "们"
# jieba's tags of a surname character that is no everyday word of its own (杨 nr, 刘 zg, 郑 ns)
SURNAME_POS = ("nr", "zg", "ns")
PHRASE_WORD_FREQUENCY = 300  # a word after a polysemous surname this frequent makes a phrase (戴|眼镜 731)
PERSON_POS = frozenset(("nr", "nrt", "nrfg"))  # jieba's personal-name tags (nrt: a transliterated one)
NAME_DOTS = frozenset("·・•")  # between the parts of a foreign name
NAME_DOT_SPLIT = re.compile("[" + "".join(NAME_DOTS) + "]")
COPULA = "是"  # 安妹|是|…的一名普通员工: a role stated of the name
# 讲述人：杨惠根，…研究中心主任、首任黄河站站长: a name opening its clause, a comma, and a phrase that
# ends in a title is the person's post, set beside the name
APPOSITION = "，"
CLAUSE_ENDS = frozenset("，,。；;！!？?：:\n")
SPEECH_OPENS = CLAUSE_ENDS | frozenset("“\"")  # what follows a speech verb that ends a name's clause (说，, 说：“)
SAID_WORD_FREQUENCY = 1000  # a word of a character and 说 counted this often is a word of its own (小说, 来说)
# adverbs and particles that join a speech verb (来说, 所说, 也说, 常说), never a given name's last character there
SPEECH_ADVERBS = frozenset("来所再时常一又也还就都却便才曾笑听据")
MAX_STATED_ROLE = 30  # characters of a clause stating a role after 是
MAX_FOREIGN_NAME = 16
LONE_LINKS = frozenset({"d", "c", "p"})  # one-character adverbs, conjunctions, prepositions (边, 和, 在)
MAX_NAME = 4  # characters of a name the rules and the CRF accept (longer ones are transliterations, grown later)
PROPER_NAME_POS = ("nr", "ns", "nz")  # jieba's tags of names, places and other proper nouns
FOREIGN_CRF = 0.5  # a CRF name with no Chinese surname, made of transliteration characters, needs this much
MAX_CUT_BEFORE_NAME = 2  # 确|吉坚赞: characters of a dotted name's part jieba may cut off the found name
# jieba tags of place and organisation words: a name never starts or ends inside one.
PLACE_POS = ("ns", "nt", "nz")
# A work's title may open with a person's name: jieba's tags for a Chinese full name of this length
# (nrt, a transliteration, opens 《昭君出塞图》 but also 《科普…》).
WORK_NAME_POS = frozenset(("nr", "nrfg"))
FULL_NAME_LEN = 3
# 邓小平|党的建设|理论, 邓小平|科技|思想: a doctrine may be named by a person and its field; the field is a
# few noun words (jieba tags) of at most this many characters in all.
FIELD_POS = frozenset(("n", "l", "vn", "j"))
MAX_DOCTRINE_FIELD = 6


def _alternation(words) -> re.Pattern:
    """One pattern matching any of `words`, longest first (`re`: it scans such a list of literal
    words four times as fast as `regex`, to the same matches)."""
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


def _mentions(found: dict) -> list[Span]:
    """Every mention of the people found so far: what a later rule may not overlap."""
    return [m for person in found.values() for m in person.mentions]


class _Names(dict):
    """Name spans (the CRF's) by start, indexed (`SpanIndex`) for `agree_with`, with the model's
    confidence in each (`confidence`: span -> lowest label marginal)."""

    def __init__(self, confidence: dict[Span, float] | None = None) -> None:
        self.confidence = confidence or {}
        super().__init__((span.start, span) for span in self.confidence)
        self._reach = SpanIndex(self.values())

    def agree_with(self, name: Span) -> bool:
        """One of the spans overlaps the name and starts where it does or contains it (a name is not
        empty, so containing it is overlapping it)."""
        same_start = self.get(name.start)
        return (same_start is not None and same_start.overlaps(name)) or self._reach.covers(name.start, name.end)


# Whether a character (or "") is a Han one, remembered per character: a dictionary look-up where
# HAN.match took a Python call and a regex match (17k times per 300 articles).
is_han = Memo(lambda ch: bool(ch) and HAN.match(ch) is not None).__getitem__


@dataclass
class Candidate:
    """A person being assembled: every mention, and the roles/affiliations stated for it."""

    name: str
    mentions: set[Span] = field(default_factory=set)
    # (priority, role, affiliation, mention start): 0 title before, 1 quoted honour, 2 list count, 3 title after
    roles: list[tuple[int, str, str, int]] = field(default_factory=list)
    byline: bool = False

    def take(self, other: "Candidate", mentions: set[Span], kept: set[Span] | None = None) -> None:
        """`other`'s `mentions` are this person's (as `kept`, when they were adjusted: 刘宇成 -> 刘宇),
        and so are the roles stated at them; `other` keeps the rest."""
        self.mentions |= mentions if kept is None else kept
        starts = {m.start for m in mentions}
        self.roles.extend(r for r in other.roles if r[3] in starts)
        other.mentions -= mentions


class PeopleStage(Stage):
    name = "people"
    requires = ("text", "sentences", "paragraphs", "tokens", "meta", "institutions")
    provides = ("people",)

    def __init__(self, resources: Resources, use_crf: bool = True, address_rules: bool = True) -> None:
        """`use_crf` and `address_rules` switch signals off, to measure what each contributes
        (scripts/ablate_ner.py); the pipeline runs with both."""
        super().__init__(resources)
        lex = resources.lexicons
        self.address_rules = address_rules
        self.surname_rank = {t: int(r) for t, r in lex["surnames"].mapping(1).items()}
        self.title_position = lex["titles"].mapping(1)
        self.max_title = max(len(t) for t in self.title_position)
        self.title_phrases = Phrases(sorted(t for t in self.title_position if len(t) >= 2))
        self.not_names = lex["not_names"].terms()
        # 胡萝卜, 陈列室, 张罗: words jieba tags nr wrongly, refused where no title anchors the name
        self.common_nr = lex["common_nr"].terms() if "common_nr" in lex else frozenset()
        self.places = lex["places"].terms() if "places" in lex else frozenset()
        self.translit = frozenset(lex["translit_chars"].terms()) if "translit_chars" in lex else frozenset()
        # 唐山, 曹妃甸: the short forms running text uses; only the CRF's untitled names are checked
        # against them, since a titled 罗平 or 高阳 is more likely a person than the county
        self.place_short_forms = lex["places"].values(2) if "places" in lex else frozenset()
        context = lex["name_context"].rows
        self.followers = frozenset(r[0] for r in context if r[1] == "follows")
        self.not_in_name = frozenset(r[0] for r in context if r[1] == "not_in_name")
        self.speech_followers = tuple(w for w in self.followers if len(w) > 1 or w in "说称讲道")
        self.max_follower = max(len(w) for w in self.followers)
        self.bare_surname_cues = _alternation(r[0] for r in context if r[1].startswith("after_surname"))
        self.final_cues = frozenset(r[0] for r in context if r[1] == "after_surname_final")
        self.title_cues = frozenset(r[0] for r in context if r[1] == "after_surname_title")
        self.addresses = frozenset(r[0] for r in context if r[1] == "address_before_surname")
        self.surname_openers = frozenset(r[0] for r in context if r[1] == "before_surname") | self.addresses
        # `_bare_surnames` visits only the words that start with such a character, not every word
        self.opener_starts = regex.compile("[" + "".join(sorted(regex.escape(w[0]) for w in self.surname_openers)) + "]")
        self.eponym_words = _alternation(r[0] for r in context if r[1] == "eponym")
        self.initials = _alternation(r[0] for r in context if r[1] == "initials")
        self.place_after = frozenset(r[0] for r in context if r[1] == "place_after")
        self.glued_after = frozenset(r[0] for r in context if r[1] == "glued_after")
        self.site_after = frozenset(r[0] for r in context if r[1] == "site_after")
        self.org_heads = lex["org_heads"].terms()
        self.known_people = Phrases(lex["known_people"].terms()) if "known_people" in lex else Phrases(())
        self.tagger = NerTagger(lex) if use_crf else None
        # the rules ask the segmenter about the same names and characters many times over
        self._word_tag = resources.word_tags.__getitem__
        self._text, self._tokens, self._token_starts, self._starts = "", [], {}, []  # the document being read

    # ------------------------------------------------------------------ driver
    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        self._index_tokens(doc)
        # a short quotation (“周末读书会”) keeps the rules out; a name the CRF or a doctrine finds, and
        # every occurrence of a found name, may stand in one (《邓小平文选》, “刘巧儿”)
        unquoted = self._blocked(doc)
        blocked = unquoted.with_spans(Span(m.start(1), m.end(1)) for m in QUOTES.finditer(text))
        found: dict[str, Candidate] = {}
        crf = self._crf_people(doc)
        # 1. bylines
        for name, span in zip(doc.meta.authors, doc.meta.author_spans):
            person = found.setdefault(name, Candidate(name))
            person.mentions.add(span)
            person.byline = True
        # 2. titles anchor names
        titles = self._title_spans(doc)
        for title_span in titles:
            self._anchor(doc, title_span, blocked, crf, found)
        # 3. lists continue a name (any occurrence of it, so find those first)
        self._all_occurrences(doc, unquoted, found)
        self._extend_lists(doc, blocked, crf, found)
        # 4. CRF names, where no rule has put a name already
        taken = SpanIndex(_mentions(found))
        for span in crf.values():
            confidence = crf.confidence[span]
            span = self._without_four(text, self._without_glued_word(text, self._without_word_before(span)), confidence)
            if span is None:
                continue
            name = text[span.start : span.end]
            if taken.overlaps(span):
                continue
            if self._acceptable(name, span, unquoted, from_crf=True, confidence=confidence):
                found.setdefault(name, Candidate(name)).mentions.add(span)
            elif not self._surname_at(name, 0) and confidence >= FOREIGN_CRF:  # 泽曼, 南希·佩洛西
                span = self._without_follower(text, span)
                name = text[span.start : span.end]
                if self._acceptable_foreign(name, span, unquoted):
                    found.setdefault(name, Candidate(name)).mentions.add(span)
        #    and people every reader knows, named alone (孔子, 鲁迅), which the statistics refuse
        self._known_people(doc, blocked, found)
        # 5. further occurrences, and lists that continue a CRF name
        self._all_occurrences(doc, unquoted, found)
        self._extend_lists(doc, blocked, crf, found)
        #    a name one of whose occurrences is a place (罗庄|村 beside 罗庄打铁花) is that place throughout
        for name in [n for n, p in found.items() if not p.byline and any(map(self._place_before_suffix, p.mentions))]:
            del found[name]
        # 6. a bare surname addressed (吴先生, 梁某, 姓纪的, 毛主席), initials (马列) and a name a doctrine is
        #    named after (邓小平理论), and a name that opens a work's title (《刘绍棠文集》)
        if self.address_rules:
            self._bare_surnames(doc, blocked, found)
            self._initials(doc, unquoted, found)
            self._eponyms(doc, unquoted, found)
            self._works_opened_by_names(doc, unquoted, found)
        #    and a given name alone after the full name is that person (刘绍棠 … 绍棠), as is a bare
        #    surname that only one person named in full bears (蒋春卓 … 蒋大姐)
        self._given_names(doc, blocked, found)
        self._bare_surnames_resolved(found)
        #    a bare surname left, always addressed the same way, is named as addressed (老郑, 小林)
        found = self._addressed_names(doc, titles, found)
        # 7. a name after a name dot is the last part of a longer one (阿沛·阿旺晋美)
        found = self._whole_dotted_names(doc, found)
        self._overrun_names(found)
        self._cut_short_names(doc.text, found)
        # 8. role and affiliation
        doc.people = [self._finding(doc, person) for person in found.values() if person.mentions]
        doc.people.sort(key=lambda p: span_order(p.mentions[0]))  # the first mention (they are sorted)
        return doc

    # ------------------------------------------------------------------ evidence
    def _index_tokens(self, doc: Doc) -> None:
        """This document's words by start and its institutions' mentions, for the checks below (which
        are called deep in the rules, where the document is not at hand)."""
        self._text, self._tokens = doc.text, doc.tokens
        # built by C loops (map, zip) rather than comprehensions: an article has thousands of words
        self._starts = list(map(attrgetter("start"), doc.tokens))
        self._token_starts = dict(zip(self._starts, doc.tokens))
        # the institutions' mentions, and the first to end at each position (a post's body ends
        # where the post begins): asked for every title the article holds
        self._bodies: list[Span] = []
        self._body_ending: dict[int, Span] = {}
        self._name_ending: dict[int, str] = {}  # the canonical name of that first body
        for inst in doc.institutions:
            for mention in inst.mentions:
                self._bodies.append(mention)
                self._body_ending.setdefault(mention.end, mention)
                self._name_ending.setdefault(mention.end, inst.canonical)

    def _token_at(self, i: int):
        """The segmenter's word covering character i of this document, or None."""
        index = bisect.bisect_right(self._starts, i) - 1
        if index < 0 or not self._tokens[index].start <= i < self._tokens[index].end:
            return None
        return self._tokens[index]

    def _runs_on(self, last: int, end: int) -> bool:
        """The would-be last character of a name belongs to the next word: the segmenter ends a word
        right before it and puts it in an everyday word reaching past the name (严春|几年, 王娜|刚刚,
        郭智|报道). 王刚|说 has no third character to lose; 朱|福荣 keeps its own; a lone 才 may end a
        given name (许有才), so only whole words count. Where the segmenter read the two characters
        before as a name of their own (田花|举例 nr), a word it counts less often is enough."""
        token = self._token_starts.get(last)
        if token is None or last == 0 or self._token_at(last - 1) is token:
            return False
        before = self._token_at(last - 1)
        named = before is not None and before.start == last - 2 and before.pos.startswith("nr")
        # (after such a name, a verb the dictionary counts even rarely takes the character: 吴江|执笔 86)
        threshold = (VERB_AFTER_NAME_FREQUENCY if token.pos == VERB_TAG else NAME_WORD_FREQUENCY) if named \
            else EVERYDAY_FREQUENCY
        if named and token.end == end and token.pos in LONE_LINKS:
            return True  # 周庐|边 d|演示: after such a name, a lone adverb, conjunction or preposition is the clause's
        return token.end > end and not token.pos.startswith("nr") and jieba_dictionary().get(token.text, 0) >= threshold

    def _counted_from(self, pos: int) -> bool:
        """一张|张|沧桑, 一条|条: the segmenter reads the would-be surname as a classifier (q) right after
        a numeral's word (m): it counts, it names no one."""
        token = self._token_starts.get(pos)
        if token is None or token.pos != CLASSIFIER_TAG or pos == 0:
            return False
        before = self._token_at(pos - 1)  # (jieba tags 少年 m too: the word must begin with a numeral)
        return before is not None and before.pos == NUMERAL_TAG and NUMERAL.match(before.text) is not None

    def _begins_idiom(self, pos: int) -> bool:
        """刘俏|感触良多: the segmenter reads a set phrase (tag i, a 成语) from here on; its first
        character is no part of a name, whatever the CRF read."""
        token = self._token_starts.get(pos)
        return token is not None and token.pos == IDIOM_TAG and token.end > pos + 1

    def _place_before_suffix(self, span: Span) -> bool:
        """罗庄|村, 唐古拉|草原, 马王堆|汉墓, 本报马德里|电: a place word cut right after the candidate;
        or the candidate and the next character are a place's full name (苏州|市长 is 苏州市's mayor)."""
        token = self._token_starts.get(span.end)
        return (token is not None and token.text in self.place_after) or (
            self._text[span.start : span.end + 1] in self.places)

    def _misaligned(self, span: Span) -> bool:
        """The candidate starts or ends inside a place's or organisation's word (俄罗斯|总理 has no 罗斯,
        鹰龙|传媒 no 龙传媒), or starts inside a word and its given name is an everyday word of its own
        (双方|共同|主席 has no 方共同, 经常|组织 no 常组织), or is the start of a longer dictionary word
        (高收视率). 老人|马旭 and 主任|何|文义 keep their names."""
        first, last = self._token_at(span.start), self._token_at(span.end - 1)
        if first is not None and first.start < span.start and not first.pos.startswith("nr"):
            if first.pos.startswith(PLACE_POS):
                return True
            rest = self._token_starts.get(first.end)
            if rest is not None and rest.end == span.end and self._everyday_word(rest.text):
                return True
        if last is not None and last.end > span.end and last.pos.startswith(PLACE_POS):
            return True
        if (first is not None and first.start == span.start and first.end > span.end
                and not first.pos.startswith("nr") and jieba_dictionary().get(first.text, 0) > 0):
            return True  # 观众|高收视率: the name would be the start of a word jieba's dictionary knows
        return False

    def _blocked(self, doc: Doc) -> SpanIndex:
        """Stretches no person may overlap: institutions, non-byline furniture (and, for the rules,
        short quotations)."""
        spans = [m for inst in doc.institutions for m in inst.mentions]
        author_spans = set(doc.meta.author_spans)
        for furn in doc.furniture:
            if not any(furn.overlaps(a) for a in author_spans):
                spans.append(furn)
        return SpanIndex(spans)

    def _crf_people(self, doc: Doc) -> _Names:
        """CRF PER spans over the body, keyed by start, with the model's confidence in each."""
        confidence: dict[Span, float] = {}
        if self.tagger is None:
            return _Names()
        # the tokens a window is centred on, found in one pass over the article rather than per paragraph
        surnames = self.surname_rank
        centres = [index for index, token in enumerate(doc.tokens) if token.pos.startswith("nr") or (
            token.text in surnames and token.pos not in NOT_A_NAME_START)]
        windows = self._crf_windows(doc, centres)  # of the whole article: the CRF decodes them in one batch
        for start, end, label, score in self.tagger.tag_scored(doc.text, windows, doc.tokens, self._starts):
            if label == "PER":
                confidence[Span(start, end)] = score
        return _Names(confidence)

    def _crf_windows(self, doc: Doc, centres: list[int]) -> list[tuple[int, int]]:
        """Stretches of the paragraphs around where a name may be: `centres`, the indices of tokens
        the segmenter tags as names (nr, nrfg, nrt) and of lone surnames (朱|福荣) that are not doing
        a function word's job. The CRF, most of this stage's time, tags only these, with a few words
        of context on each side within the paragraph (on MSRA dev it then decides as it does on whole
        sentences). One pass over the centres, the paragraphs (sorted, disjoint) followed alongside;
        reads the word index of the document being read (`_index_tokens`)."""
        windows: list[tuple[int, int]] = []
        tokens = doc.tokens
        last_token = len(tokens) - 1
        paragraphs = doc.paragraphs or [Span(0, len(doc.text))]
        at, first_token, para_windows = -1, 0, 0  # the paragraph, its first word, where its windows begin
        for index in centres:
            token = tokens[index]
            if at < 0 or paragraphs[at].end <= token.start:  # the centre is in a later paragraph
                at += 1
                while at < len(paragraphs) and paragraphs[at].end <= token.start:
                    at += 1
                if at == len(paragraphs):
                    break
                first_token, para_windows = bisect.bisect_left(self._starts, paragraphs[at].start), len(windows)
            para = paragraphs[at]
            if index < first_token:
                continue  # a word starting before the paragraph
            # The margin grows to whole words: a window that ends inside 马克思主|义 leaves the
            # CRF a name running into its edge.
            before = bisect.bisect_left(self._starts, token.start - CRF_MARGIN, first_token, index)
            if before > first_token:
                before -= 1
            after, reach = index, token.end + CRF_MARGIN
            while after < last_token and tokens[after + 1].end <= reach:
                after += 1
            if after < last_token:
                after += 1
            start = max(para.start, tokens[before].start)
            end = min(para.end, tokens[after].end)
            if len(windows) > para_windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        return windows

    def _title_spans(self, doc: Doc) -> list[Span]:
        """Longest title words in the text (院长, 美术学科研训员 is found as 研训员) that the segmenter
        also cuts as words: 名师 is no title in 知名|师范. Reads the word index of the document being
        read (`_index_tokens`)."""
        starts = self._token_starts
        return [Span(start, end) for start, end, _ in self.title_phrases.finditer(doc.text)
                if not starts or start in starts or self._word_ends_at(end)]

    def _word_ends_at(self, end: int) -> bool:
        """A segmenter's word ends at `end` (words do not overlap, so it is the one covering end - 1)."""
        token = self._token_at(end - 1) if end > 0 else None
        return token is not None and token.end == end

    # ------------------------------------------------------------------ names
    def _surname_at(self, text: str, i: int) -> int:
        """Length of the surname starting at i (2 for compound surnames), 0 if none."""
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in self.surname_rank:
            return 2
        return 1 if i < len(text) and text[i] in self.surname_rank else 0

    def _starts_follower(self, text: str, i: int) -> bool:
        return any(text[i : i + n] in self.followers for n in range(1, self.max_follower + 1)) or any(
            text[i : i + n] in self.title_position for n in range(2, self.max_title + 1)
        )

    def _name_after(self, text: str, i: int, crf: _Names) -> Span | None:
        """The full name (surname + 1-2 characters) starting at i, or None."""
        sur = self._surname_at(text, i)
        if not sur:
            span = crf.get(i)  # 副研究员|鹿志创: a surname rarer than the lexicon's, which the CRF read
            return span if span is not None and 2 <= len(span) <= 3 and is_han(text[span.start : span.end]) else None
        whole = Span(i, i + sur + 2)
        if self._known_full_name(i, sur) or self._confirmed_name_word(whole, crf.confidence.get(whole, 0.0)):
            return whole  # 张岱年: jieba's dictionary knows the name, 年 and all; the CRF is sure of 赵会杰
        longer = self._known_longer_name(i, sur)
        if longer is not None:
            return longer  # 首相|安倍晋三
        if self._word_before_name(i, sur):
            return None
        first = i + sur
        if self._named_whole_before_speech(text, i, first):
            return Span(i, first + 2)
        if not is_han(text[first : first + 1]) or text[first] in self.not_in_name:
            return None
        second = first + 1
        if (
            not is_han(text[second : second + 1])
            or text[second] in self.not_in_name
            or self._starts_follower(text, second)
            or self._begins_idiom(second)
            or (sur == 1 and self._runs_on(second, second + 1)
                and not (i in crf and crf[i].end > second))  # `crf` is keyed by start
        ):
            return Span(i, second)
        return Span(i, second + 1)

    def _word_before_name(self, i: int, sur: int) -> bool:
        """作家|有|高士奇: the would-be surname is a verb of its own (有 v; not the 于 p, 高 a of 于|英智,
        高|凤林) and a full name word (surname and two) begins right after it: what follows the
        title is a verb, not a name. (Many surnames are verbs too: 申|卫星, 祝|大伟 are given names.)"""
        token, following = self._token_starts.get(i), self._token_starts.get(i + sur)
        return (token is not None and token.end == i + sur and token.pos == VERB_TAG
                and following is not None and following.pos in PERSON_POS
                and len(following.text) == 3 and self._surname_at(following.text, 0) == 1)

    def _named_whole_before_speech(self, text: str, i: int, first: int) -> bool:
        """主任|张和平|表示, 副会长|唐在林|说: a given name of two characters that holds a function
        character (和, 在) is a name when the segmenter reads the whole as a name (唐在林 nr) or the
        given name as one word of no function tag (和平 nz), and a word that follows names (说, 表示)
        comes right after it, or a clause mark when the function character is not the last."""
        end = first + 2
        if not (self.not_in_name.intersection(text[first:end]) and is_han(text[first:end]) and len(text[first:end]) == 2):
            return False
        whole, given = self._token_starts.get(i), self._token_starts.get(first)
        named = (whole is not None and whole.end == end and whole.pos in PERSON_POS) or (
            given is not None and given.end == end and not given.pos.startswith(FUNCTION_POS))
        if not named:
            return False
        speech = any(text.startswith(word, end) for word in self.speech_followers)
        # a function character last needs the speech verb after it: 林永说|。 is 林永 speaking
        return speech or (text[end - 1] not in self.not_in_name and text[end : end + 1] in CLAUSE_ENDS)

    def _known_full_name(self, i: int, surname: int) -> bool:
        """The word at i is a surname and two characters that jieba's dictionary lists as a name; not
        one of its entries that end in a place suffix (邵伯镇) or in a word that follows names after a
        shorter known name (罗文|说, 谢家|就)."""
        token = self._token_starts.get(i)
        if token is None or len(token.text) != surname + 2 or token.pos not in PERSON_POS:
            return False
        name, known = token.text, jieba_dictionary()
        return name in known and not (
            name[-1] in self.place_after or (name[-1] in self.followers and name[:-1] in known))

    def _known_longer_name(self, i: int, surname: int) -> Span | None:
        """首相|安倍晋三: one word at i, longer than a surname and two, that jieba's dictionary lists
        as a personal name (more than a filler entry, and none it tags so wrongly: 温文尔雅); after a
        title it is the whole name (a longer one is a transliteration, which `_transliterated` grows)."""
        token = self._token_starts.get(i)
        if (token is None or not surname + 2 < len(token.text) <= MAX_NAME or token.pos not in PERSON_POS
                or jieba_dictionary().get(token.text, 0) <= FILLER_FREQUENCY or token.text in self.common_nr):
            return None
        return Span(token.start, token.end)

    def _name_before(self, text: str, end: int, crf: _Names) -> Span | None:
        """The name ending at `end` (right before an after-title such as 老师), or None."""
        for start, span in crf.items():
            if span.end == end and 2 <= len(span) <= 4:
                return self._without_word_before(span)
        for size in (3, 2):
            start = end - size
            if start < 0 or not self._surname_at(text, start):
                continue
            if size == 3 and self._surname_at(text, start + 1) and (
                    not self._left_boundary(text, start) or self._lone_function_word(start)):
                continue  # 从|彭真|委员长: a surname that is a function word of its own starts no name
            piece = text[start:end]
            if all(is_han(ch) and ch not in self.not_in_name for ch in piece[1:]):
                return Span(start, end)
        return None

    def _lone_function_word(self, i: int) -> bool:
        """从, 和, 由 cut as a preposition or conjunction of their own (万 as a numeral still starts 万鄂湘)."""
        token = self._token_starts.get(i)
        return token is not None and token.end == i + 1 and token.pos.startswith(LINKING_POS)

    def _left_boundary(self, text: str, i: int) -> bool:
        return i == 0 or not is_han(text[i - 1]) or any(
            text[max(0, i - n) : i] in self.title_position for n in range(2, self.max_title + 1)
        )

    def _acceptable(
        self, name: str, span: Span, blocked: SpanIndex, from_crf: bool = False,
        crf: _Names | None = None, confidence: float = 0.0,
    ) -> bool:
        if not 2 <= len(name) <= MAX_NAME or not all(map(is_han, name)):
            return False
        if len(name) == 2 and name[0] == name[1] and not from_crf:
            # 总书记|殷殷|嘱托: a doubled character a rule reads is a word (殷殷 'earnestly'); one the
            # CRF reads may be a child's name (儿子毛毛)
            return False
        if not from_crf and not self._plausible_surname(name, span, crf or _Names()):
            return False
        if blocked.overlaps(span):
            return False
        if self._misaligned(span) or self._place_before_suffix(span) or self._counted_from(span.start):
            return False
        if name in self.not_names or name[:2] in self.not_names or any(name[:n] in self.places for n in (2, 3, 4)):
            return False
        if name in self.title_position:
            return False
        sur = self._surname_at(name, 0)
        sureness = confidence if from_crf else (crf.confidence.get(span, 0.0) if crf else 0.0)
        known = len(name) == 3 and (self._known_full_name(span.start, sur) or self._confirmed_name_word(span, sureness) or (
            sur == 1 and self._named_whole_before_speech(self._text, span.start, span.start + 1)))
        if any(ch in self.not_in_name and not (known and self._function_character(ch)) for ch in name[1:]):
            return False  # 王刚年 is no name, but jieba's dictionary knows 张岱年 and 金冲及 (not 陈列馆, nr too)
        if from_crf and (self._common_word(name) or (len(name) == 2 and self._everyday_word(name))
                         or name in self.place_short_forms or (len(name) == 2 and self._listed_among_things(span))):
            return False
        if self.bare_surname_cues.fullmatch(name, self._surname_at(name, 0) or len(name)):
            return False  # 潘氏, 刘姥姥: the person is the bare surname, added by `_bare_surnames`
        if from_crf and confidence < SURE_CRF and self._phrase_of_words(name, sur):
            return False
        if from_crf and not self._surname_at(name, 0) and (len(name) < 3 or confidence < UNSURE_CRF):
            return False  # a CRF span without a surname is too often a common word unless the model is sure
        if from_crf and confidence < UNSURE_CRF and self._surname_rank(name) > RARE_SURNAME_RANK:
            return False  # so is one that begins with a rare surname (师德, 温馨)
        return True

    def _phrase_of_words(self, name: str, sur: int) -> bool:
        """戴眼镜, 张嘴巴, 高素质, 练内功: a one-character 'surname' that jieba's dictionary holds as a word
        of another kind (戴 v, 张 q, 高 a) before an everyday word (眼镜, 素质) reads as a phrase; 杨 (nr)
        + 建立 and 刘 (zg) + 得胜 are names."""
        return (sur == 1 and len(name) == 3 and not self._word_tag(name[0]).startswith(SURNAME_POS)
                and jieba_dictionary().get(name[1:], 0) >= PHRASE_WORD_FREQUENCY
                and not self._word_tag(name[1:]).startswith("nr"))

    def _listed_among_things(self, span: Span) -> bool:
        """李、桃、杨梅、枇杷: a two-character CRF name set by 、 beside a common noun the segmenter knows
        is one more thing in a list of things (刘琳、李蓬春 set names beside names; a full name of
        three is seldom a thing, 主张、陈独秀等人)."""
        text = self._text
        neighbours = []
        if text[span.start - 1 : span.start] == LIST_SEP:
            neighbours.append(self._token_at(span.start - 2))
        if text[span.end : span.end + 1] == LIST_SEP:
            neighbours.append(self._token_starts.get(span.end + 1))
        return any(token is not None and token.pos in COMMON_NOUN_TAGS and token.text in jieba_dictionary()
                   and token.text not in self.title_position for token in neighbours)

    def _surname_rank(self, name: str) -> int:
        """The rank of the surname `name` begins with (a large number when there is none)."""
        size = self._surname_at(name, 0)
        return self.surname_rank[name[:size]] if size else len(self.surname_rank) + 1

    def _function_character(self, ch: str) -> bool:
        """年 (m), 及 (c): a character jieba reads as a function word, which a listed name may end in;
        a noun (馆, 局) it may not."""
        return self._word_tag(ch).startswith(FUNCTION_POS)

    def _common_word(self, name: str) -> bool:
        """jieba knows the whole string as one word that is not a name (燕麦), or as one it tags a
        name wrongly (胡萝卜, 陈列室: common_nr.tsv)."""
        if name in self.common_nr:
            return True
        tag = self._word_tag(name)
        return tag != "" and not tag.startswith("nr") and tag not in ("x", "eng")

    def _plausible_surname(self, name: str, span: Span, crf: _Names) -> bool:
        """A rule's name needs a surname that is not also a function word (和, 从) unless the CRF
        reads it as a name (党委书记|任秀元), and a rare surname needs the CRF to agree (应具备, 游学乐
        are not names), the segmenter to read the whole name as one name (首相|洪森, 大臣|隋森), or the
        article to name it again (主任|米培莲 … 米培莲说: jieba cuts 米|培莲, a metre and a noun)."""
        sur = self._surname_at(name, 0)
        if not sur:  # 副研究员|鹿志创: a surname the lexicon lacks, when the CRF is sure and the segmenter agrees
            return (crf.agree_with(span) and crf.confidence.get(span, 0.0) >= SURE_CRF
                    and self._one_name_word(span))  # (not 和记者|拉家常, 0.89)
        if sur == 1 and (name[0] in self.followers or name[0] in self.not_in_name):
            return crf.agree_with(span)
        return (crf.agree_with(span) or self._surname_rank(name) <= COMMON_SURNAME_RANK
                or self._one_name_word(span) or self._named_again(name, span) or self._surname_word(name, span))

    def _confirmed_name_word(self, span: Span, confidence: float) -> bool:
        """赵会杰: a surname and two characters that the segmenter reads as one personal name and the
        CRF is sure of is a name, even with a character names seldom hold (会, 年: see `_acceptable`)."""
        return len(span) == 3 and confidence >= SURE_CRF and self._one_name_word(span)

    def _named_again(self, name: str, span: Span) -> bool:
        """A three-character name named again in the article, whose surname the segmenter cut off
        alone, as no function word (米|培莲, 左|文学; not 能|安全), ending where a word ends; or that it
        read as one word of its own guessing, known to no dictionary (齐南南, tagged a place)."""
        first = self._token_starts.get(span.start)
        if len(name) != 3 or first is None or self._text.count(name) < 2:
            return False
        if first.end == span.end:  # “快递小哥”|齐南南 ns: one word the segmenter guessed, known to no dictionary
            return name not in jieba_dictionary()
        return first.end == span.start + 1 and first.pos not in NOT_A_NAME_START and self._word_ends_at(span.end)

    def _surname_word(self, name: str, span: Span) -> bool:
        """栗|战书|委员长: the segmenter cut the rare surname off alone and tagged it a personal name,
        and the given name is a word of its own that ends where the title begins."""
        first = self._token_starts.get(span.start)
        return (len(name) == 3 and first is not None and first.end == span.start + 1
                and first.pos in PERSON_POS and self._word_ends_at(span.end)
                and (given := self._token_starts.get(span.start + 1)) is not None
                and not given.pos.startswith(NOT_A_GIVEN_NAME))

    def _one_name_word(self, span: Span) -> bool:
        """The segmenter cuts exactly `span` as one word and tags it a personal name, and it is not a
        word jieba's dictionary counts often (it tags 滑雪 and 弘扬 nr too; 洪森 29, 迟浩田 130)."""
        token = self._token_starts.get(span.start)
        return (token is not None and token.end == span.end and token.pos in PERSON_POS
                and jieba_dictionary().get(token.text, 0) < NAME_WORD_FREQUENCY)

    # ------------------------------------------------------------------ rules
    def _anchor(self, doc: Doc, title: Span, blocked: SpanIndex, crf: _Names, found: dict) -> None:
        text = doc.text
        # “全国先进工作者”刘琳: an honour in quotes right before a name.
        if text[title.end : title.end + 1] in CLOSING_QUOTES:
            opening = max(text.rfind("“", 0, title.start), text.rfind("\"", 0, title.start))
            name = self._name_after(text, title.end + 1, crf)
            if 0 <= opening and title.end - opening <= SHORT_QUOTE and name:
                if self._acceptable(text[name.start : name.end], name, blocked, crf=crf):
                    self._add(found, text, name, (1, text[opening + 1 : title.end], "", name.start))
        if text[title.end : title.end + 1] == PLURAL:
            return  # 组织同学们: a plural is no one's title
        word = text[title.start : title.end]
        position = self.title_position[word]
        held = title
        if blocked.overlaps(title):
            # 辛口镇党委|书记, 村党总支|书记: the title word (党委书记) begins inside the body whose
            # post it is; what follows the body is the title held there. A title inside a body
            # (校长办公室) or a quotation is no one's.
            held = self._title_after_institution(doc, title, blocked)
            if held is None:
                return
            position = self.title_position.get(text[held.start : held.end], position)  # (外交部|长: 外交部长's)
        if position in ("before", "both"):
            name = self._name_after(text, title.end, crf)
            if name and self._acceptable(text[name.start : name.end], name, blocked, crf=crf):
                name = self._transliterated(doc, name)
                if NAME_DOTS.intersection(text[name.end : name.end + 2]):  # 村民|艾孜孜·莫依丁, 乌尔里|克·埃丽诺拉: 艾, 乌 are surnames too
                    whole = self._foreign_name_after(text, title.end, crf)
                    name = whole if whole and whole.end > name.end else name
            else:  # no Chinese name there: a transliterated one (发言人|扎哈罗娃, 村民|艾孜孜·莫依丁)
                name = self._foreign_name_after(text, title.end, crf)
                if name and not self._acceptable_foreign(text[name.start : name.end], name, blocked):
                    name = None
            if name:
                role, affiliation = self._role_before(doc, held)
                if held is not title:
                    role = word  # 党委书记, as written
                self._add(found, text, name, (0, role, affiliation, name.start))
        if position in ("after", "both") and title.start >= 2:
            name = self._name_before(text, title.start, crf)
            if not (name and self._acceptable(text[name.start : name.end], name, blocked, crf=crf)):
                name = self._foreign_name_before(title.start)  # 特朗普|总统, 默克尔|总理
                if name and not self._acceptable_foreign(text[name.start : name.end], name, blocked):
                    name = None
            if name:
                self._add(found, text, name, (3, word, "", name.start))

    def _foreign_name_before(self, end: int) -> Span | None:
        """特朗普|总统, 默克尔|总理: before a title, one word of the segmenter's that it tags a
        personal name, all of transliteration characters, with none right before it but a first part
        and a name dot (贝瑞塔·本茨)."""
        token = self._token_at(end - 1) if end > 0 else None
        if (token is None or token.end != end or token.pos not in PERSON_POS
                or not 2 <= len(token.text) <= MAX_FOREIGN_NAME or not self.translit.issuperset(token.text)):
            return None
        start = token.start
        if self._text[start - 1 : start] in NAME_DOTS and start > 1:
            first = self._token_at(start - 2)  # 贝瑞塔|·|本茨|女士: the part before the dot is the name's
            if first is None or first.end != start - 1 or not self.translit.issuperset(first.text):
                return None
            start = first.start
        before = self._text[start - 1 : start]
        if before in self.translit or before in NAME_DOTS:
            return None  # 拉里|贾尼|议长, 艾|尼瓦尔|老师: the word ends a longer name, begun before it
        return Span(start, token.end)

    def _foreign_name_after(self, text: str, i: int, crf: _Names) -> Span | None:
        """发言人|扎哈罗娃, 议长|南希·佩洛西, 贫困户|达吾列提: a name with no Chinese surname after a
        title is a run of transliteration characters (a name dot may join two), cut back to where
        the segmenter ends a word (普京|明确), or the CRF's name starting there if that is longer
        (南希·佩洛西: 南 is no transliteration character); two characters must be one word of the
        segmenter's (普京, 泽曼)."""
        learned = self._without_follower(text, crf[i]) if i in crf and 2 <= len(crf[i]) <= MAX_FOREIGN_NAME else None
        end = i
        while end < len(text) and end - i < MAX_FOREIGN_NAME and (
                text[end] in self.translit
                or (text[end] in NAME_DOTS and end > i and text[end + 1 : end + 2] in self.translit)):
            end += 1
        while end > i + 1 and not self._word_ends_at(end) and not self._starts_follower(text, end):
            end -= 1  # (阿马埃奇|在: the segmenter's 奇在试 does not move a name's end before a follower)
        if learned is not None and learned.end >= end:
            return learned  # as far as the run or farther (南希·佩洛西); else the run (托尔嘎额, not 托尔)
        if end - i < 2 or text[end - 1] in NAME_DOTS:
            return None
        following = self._token_starts.get(end)
        if following is not None and following.pos.startswith(("n", "t")) and not self._everyday_time(following):
            return None  # 学生|扎西|东周 (t): a noun, name or time word next may be the name going on (not 去年)
        if end - i == 2:
            token = self._token_starts.get(i)
            if token is None or token.end != end:
                return None
        return self._without_follower(text, Span(i, end))

    def _without_glued_word(self, text: str, span: Span) -> Span:
        """苏荣案|毒害, 何晏著|《论语集解》, 孔子|曾: a CRF name of three characters run on into a
        character that is a word about the person (案, 著, 说), or into a word that follows names which
        the segmenter cut off from a name it knows (孔子/nr 曾/d), is the two characters before it; a
        Chinese name of three the CRF ran on into a fourth the segmenter cuts off, or into such a word
        (张正英家: 家), is those three."""
        if (len(span) == MAX_NAME and self._run_on_chinese_name(text[span.start : span.end])
                and (self._word_ends_at(span.end - 1) or text[span.end - 1] in self.glued_after)):
            return Span(span.start, span.end - 1)  # 徐宝珍|三, 蒙钟德|摄: a Chinese name of three read on
        if len(span) != 3:
            return span
        last = text[span.end - 1]
        if last in self.glued_after:
            return Span(span.start, span.end - 1)
        first = self._token_starts.get(span.start)
        if (last in self.followers and first is not None and first.end == span.end - 1
                and first.pos in PERSON_POS):
            return Span(span.start, span.end - 1)
        return span

    def _without_four(self, text: str, span: Span, confidence: float) -> Span | None:
        """Four characters no Chinese name has, left after the trims above (_run_on_chinese_name): the
        three, where the article gives them more often than the four (胡晓春|特地, 张友清|任); else
        nothing, unless the CRF is sure (林海松涛, 纪检监察, 高智能化)."""
        name = text[span.start : span.end]
        if len(name) != MAX_NAME or not self._run_on_chinese_name(name):
            return span
        if text.count(name[:-1]) > text.count(name):
            return Span(span.start, span.end - 1)
        return span if confidence >= SURE_CRF else None

    def _run_on_chinese_name(self, name: str) -> bool:
        """Four characters with one Chinese surname and two or more that are no transliteration's
        (张正英家, 胡晓春特; not 古特雷斯, 向巴平措), and no name jieba's dictionary lists (安倍晋三)."""
        return (self._surname_at(name, 0) == 1 and sum(ch not in self.translit for ch in name[1:]) >= 2
                and jieba_dictionary().get(name, 0) <= FILLER_FREQUENCY)

    def _without_word_before(self, span: Span) -> Span:
        """有/v|高士奇/nr: a CRF name begun by a word the segmenter reads as no name, before a name word
        that ends where the CRF's does, is that name word."""
        if self._word_before_name(span.start, 1) and (rest := self._token_starts[span.start + 1]).end == span.end:
            return Span(rest.start, rest.end)
        return span

    def _without_follower(self, text: str, span: Span) -> Span:
        """夏皮罗曾|坦言, 阿纳斯塔夏季斯道|出: a transliterated name run on into a word that follows
        names (曾, 道) ends before it."""
        if len(span) > 3 and text[span.end - 1] in self.followers and text[span.end - 2] not in NAME_DOTS:
            return Span(span.start, span.end - 1)
        return span

    def _acceptable_foreign(self, name: str, span: Span, blocked: SpanIndex) -> bool:
        """A transliterated name: all its characters transliteration ones, but for one that opens a
        part of a longer name (南希·佩洛西; not 特本克蒙省格罗奇马县, a place), dots only inside,
        ending where a word ends, no place (俄罗斯, 高加索), no listed non-name, nothing blocked; two
        characters must be no everyday word (加强, 多次) and a word the segmenter tags as a name or
        place (普京 ns, 泽曼 nr; not 学生|爱班 n)."""
        if name[0] in NAME_DOTS or name[-1] in NAME_DOTS:
            return False
        if not self._word_ends_at(span.end) and not (
                NAME_DOTS.intersection(name) and self._starts_follower(self._text, span.end)):
            return False  # (but 特雷莎·梅|在: a dotted name's last part may be one character the segmenter ran on)
        parts = NAME_DOT_SPLIT.split(name)
        letters = "".join(parts)
        strangers = [k for part in parts for k, ch in enumerate(part) if ch not in self.translit]  # where in its part
        if len(letters) < 2 or len(strangers) > 1 or (strangers and (len(letters) < 4 or strangers[0] > 0)):
            return False
        if len(name) == 2:
            token = self._token_starts.get(span.start)
            tag = token.pos if token is not None and token.end == span.end else (self._word_tag(name) or "n")
            if jieba_dictionary().get(name, 0) >= NAME_WORD_FREQUENCY or not tag.startswith(PROPER_NAME_POS):
                return False
        # a surname never names a place; a given name may (多米尼克·格里夫, not 中国·重庆)
        return not blocked.overlaps(span) and name not in self.not_names and parts[-1] not in self.places

    def _title_after_institution(self, doc: Doc, title: Span, blocked: SpanIndex) -> Span | None:
        """The part of `title` after the institution it begins inside, when that part is itself a
        title (村党总支|书记), or makes one with the body's last character (外交部|长: 部长, 公安局|长:
        局长), and nothing else blocks it; else None."""
        text = doc.text
        for inst_span in self._bodies:
            if inst_span.start <= title.start < inst_span.end < title.end:
                held = Span(inst_span.end, title.end)
                if not blocked.overlaps(held) and (text[held.start : held.end] in self.title_position
                                                   or text[held.start - 1 : held.end] in self.title_position):
                    return held
        return None

    @staticmethod
    def _everyday_time(token: Token) -> bool:
        """去年, 今天, 当天: a time word too common to go on a name (总统|特朗普|去年; 扎西|东周 may)."""
        return token.pos == TIME_TAG and jieba_dictionary().get(token.text, 0) >= EVERYDAY_FREQUENCY

    def _transliterated(self, doc: Doc, name: Span) -> Span:
        """总统|杜特|尔特, 总理|梅德韦|杰夫, 总统|米哈伊尔|·|萨卡|什维利: a foreign name jieba cuts into
        pieces it tags as names, one of them a transliteration (nrt), runs on past the two or three
        characters a Chinese name has."""
        index = bisect.bisect_left(doc.tokens, name.start, key=lambda t: t.start)
        end, transliterated = name.start, False
        while index < len(doc.tokens):
            token = doc.tokens[index]
            if token.pos in PERSON_POS:
                end, transliterated = token.end, transliterated or token.pos == "nrt"
            elif token.text in NAME_DOTS and index + 1 < len(doc.tokens) and doc.tokens[index + 1].pos in PERSON_POS:
                transliterated = True  # 总理|谢赫|·|哈西娜: a name dot marks a foreign name as well
            else:
                break
            index += 1
        if transliterated and name.end < end <= name.start + MAX_FOREIGN_NAME:
            return Span(name.start, end)
        # 秘书长|古|特雷斯: the surname-and-two reading ends inside a name word of the segmenter's
        # that began after the surname; a foreign name made of transliteration characters runs on
        last = self._token_at(name.end - 1)
        if (last is not None and last.pos in PERSON_POS and name.start < last.start and name.end < last.end
                and all(ch in self.translit for ch in doc.text[name.start : last.end])):
            return Span(name.start, last.end)
        return name

    def _add(self, found: dict, text: str, span: Span, role: tuple[int, str, str, int] | None) -> Candidate:
        name = text[span.start : span.end]
        person = found.setdefault(name, Candidate(name))
        person.mentions.add(span)
        if role and role[1]:
            person.roles.append(role)
        return person

    def _given_names(self, doc: Doc, blocked: SpanIndex, found: dict) -> None:
        """刘绍棠 … 绍棠: reports call a person they have named in full by the two-character given name
        alone. Each later occurrence that the segmenter cuts as a word of its own is a mention of the
        full name, and a person found under the given name alone is merged into it. A given name that
        is an everyday word (建国, 文明) is left alone."""
        text = doc.text
        taken = blocked.with_spans(_mentions(found))
        for name, person in list(found.items()):
            surname = name[: self._surname_at(name, 0)]
            given = name[len(surname):]
            if person.byline or len(given) != 2 or len(name) == 2 or self._everyday_word(given) or (
                    jieba_dictionary().get(given, 0) >= GIVEN_NAME_AS_WORD and self._common_word(given)):
                continue  # 建国, 国庆, 春风: words too; jieba's rare 绍棠 (ns) is still the name
            alone = found.pop(given, None)
            if alone is not None:
                person.take(alone, set(alone.mentions))
            at = text.find(given, min(person.mentions, key=span_order).end)
            while at >= 0:
                span, token = Span(at, at + 2), self._token_starts.get(at)
                if (token is not None and token.end == span.end and not self._place_before_suffix(span)
                        and text[at - len(surname) : at] != surname  # the full name, where a rule missed it
                        and not taken.overlaps(span)):  # not 尚志|乡 after 赵尚志
                    person.mentions.add(span)
                    taken.add(span)
                at = text.find(given, at + 2)

    def _bare_surnames_resolved(self, found: dict) -> None:
        """蒋春卓 … 蒋大姐, 李凤满 … 李镇长: a report calls a person it has named in full by the surname
        and a form of address or a title. A bare surname is a mention of the one person of the
        article named in full with it (not a byline's: the reporter is not 老王); with none, or with
        two (王子光, 王天佐), it stays a person of its own, as MSRA marks it."""
        for name in [n for n in found if n in self.surname_rank and not found[n].byline]:
            bearers = [person for full, person in found.items() if len(full) > len(name) and full.startswith(name)
                       and self._surname_at(full, 0) == len(name) and NAME_DOTS.isdisjoint(full) and not person.byline]
            if len(bearers) == 1:
                bare = found.pop(name)
                bearers[0].take(bare, set(bare.mentions))

    def _addressed_names(self, doc: Doc, titles: list[Span], found: dict) -> dict:
        """老郑, 小林: a bare surname the article names no one by in full, and always with the same
        form of address, is named by both, as written (姓纪 names 纪; 郑书记 beside 老郑 leaves 郑). A
        title right before the address is the person's role (村支部书记|老郑)."""
        text, renamed = doc.text, {}
        title_ending = {title.end: title for title in titles}
        for name, person in found.items():
            if name in self.surname_rank and not person.byline:
                before = {text[m.start - 1 : m.start] for m in person.mentions}
                if len(before) == 1 and before <= self.addresses:
                    person.name = name = before.pop() + name
                    person.mentions = {Span(m.start - 1, m.end) for m in person.mentions}
                    first = min(person.mentions, key=span_order)
                    if not person.roles and first.start in title_ending:
                        role, affiliation = self._role_before(doc, title_ending[first.start])
                        person.roles.append((0, role, affiliation, first.start))
            if name in renamed:  # (老郑 named so twice over)
                renamed[name].take(person, set(person.mentions))
            else:
                renamed[name] = person
        return renamed

    @staticmethod
    def _overrun_names(found: dict) -> None:
        """刘宇成|了 where the article says 刘宇 elsewhere: a three-character name met once, whose
        first two characters name a person the article mentions more often, is that person read on
        into the next word (刘宇成了, 王波深有感触). Two mentions at least: a name met once may be
        a cut-off three-character one itself."""
        for name, person in list(found.items()):
            shorter = found.get(name[:2])
            if (len(name) == 3 and not person.byline and shorter is not None and len(person.mentions) == 1
                    and len(shorter.mentions) >= 2):
                del found[name]
                shorter.take(person, set(person.mentions), {Span(m.start, m.end - 1) for m in person.mentions})

    def _cut_short_names(self, text: str, found: dict) -> None:
        """A two-character name each of whose mentions goes on in the same character is a longer name
        cut short: where the article gives that three-character name (贺廷|中是 beside 贺廷中说; the
        converse of `_overrun_names`, where the short name is met apart from the long one), or where
        the character and 说 follow at least once, then a clause mark (龙宝|正说，, 肖乾|文说，: jieba's
        dictionary has 正说 and 文说, so a surname and one character was read where the name has
        three); not where the character is a function word's (来说, 所说, 也说: 韩俊|来说 is 韩俊's)."""
        for name, person in list(found.items()):
            if len(name) != 2 or person.byline or not person.mentions:
                continue
            followers = {text[m.end : m.end + 1] for m in person.mentions}
            follower = followers.pop() if len(followers) == 1 else ""  # ("" too at the text's end)
            longer = found.get(name + follower) if follower else None
            if longer is None and self._cut_before_said(name, follower, person):
                longer = found[name + follower] = Candidate(name + follower)
            if longer is not None:
                del found[name]
                longer.take(person, set(person.mentions), {Span(m.start, m.end + 1) for m in person.mentions})

    def _cut_before_said(self, name: str, follower: str, person: Candidate) -> bool:
        """The surname-and-one-character `name` goes on in `follower`, a character that may end a
        given name, and 说 and a clause mark come after it at one of its mentions at least."""
        return (self._surname_at(name, 0) == 1 and is_han(follower) and follower not in self.not_in_name
                and follower not in self.followers and follower not in SPEECH_ADVERBS
                and any(self._said_then_clause_end(m.end) for m in person.mentions))

    def _said_then_clause_end(self, at: int) -> bool:
        """A character and 说 at `at`, a word jieba's dictionary counts seldom if at all (正说 577, 文说
        173; not 小说, 听说, 学说: a name before those is whole), and a clause mark or an opening quote
        right after them."""
        said = self._text[at : at + 2]
        return (said[1:] == "说" and jieba_dictionary().get(said, 0) < SAID_WORD_FREQUENCY
                and self._text[at + 2 : at + 3] in SPEECH_OPENS)

    def _whole_dotted_names(self, doc: Doc, found: dict) -> dict:
        """阿沛·阿旺晋美, 迈克尔·巴尼耶, 班禅额尔德尼·确|吉坚赞: a name found right after a name dot (or a
        character or two after it, which jieba cut off) is the last part of a foreign or minority name
        whose earlier parts jieba tags as names; the person is the whole name."""
        text = doc.text
        if not any(dot in text for dot in NAME_DOTS):
            return found  # most articles: no name dot, nothing to join
        found_before_dot = {m.end: m.start for person in found.values() for m in person.mentions}
        whole: dict[str, Candidate] = {}
        for person in found.values():
            moved = {}  # a mention's start -> the name it belongs to now
            for span in sorted(person.mentions, key=span_order):
                start = self._dotted_start(text, span, found_before_dot)
                name = moved[span.start] = person.name if start == span.start else text[start : span.end]
                whole.setdefault(name, Candidate(name, byline=person.byline)).mentions.add(Span(start, span.end))
            for role in person.roles:  # in the order they were stated: the fullest title wins ties by it
                name = moved.get(role[3], person.name)
                whole.setdefault(name, Candidate(name, byline=person.byline)).roles.append(role)
        return self._parts_of_dotted_names(whole)

    def _dotted_start(self, text: str, span: Span, found_before: dict[int, int]) -> int:
        """Where the whole name ends at `span` begins: each part before a name dot is a word jieba
        tags as a name, or a name found already (院长|贡特尔·科尔斯: jieba cut 贡|特尔)."""
        start = span.start
        while True:
            dot = next((start - k for k in range(1, MAX_CUT_BEFORE_NAME + 2) if text[start - k : start - k + 1] in NAME_DOTS), None)
            if dot is None or not all(map(is_han, text[dot + 1 : start])):
                return start
            before = self._token_at(dot - 1) if dot else None
            first = found_before.get(dot)
            if first is not None and span.end - first <= MAX_FOREIGN_NAME:
                start = first
                continue
            if before is None or before.end != dot or before.pos not in PERSON_POS or span.end - before.start > MAX_FOREIGN_NAME:
                return start
            start = before.start

    @staticmethod
    def _parts_of_dotted_names(whole: dict) -> dict:
        """贡特尔·科尔斯 … 科尔斯说: a name that is a part of one whole dotted name of the article (its
        first or last) is a mention of that person, and so is a name found inside the whole one."""
        dotted = {name: person for name, person in whole.items() if any(dot in name for dot in NAME_DOTS)}
        if not dotted:
            return whole
        owners: dict[str, list[str]] = {}
        for name in dotted:
            parts = NAME_DOT_SPLIT.split(name)
            for part in {parts[0], parts[-1]}:
                owners.setdefault(part, []).append(name)
        spans = [(m, name) for name, person in dotted.items() for m in person.mentions]
        for name, person in list(whole.items()):
            if name in dotted or person.byline:
                continue
            owner = owners.get(name)
            if owner and len(owner) == 1:  # a part two whole names share says neither
                target, moving = dotted[owner[0]], set(person.mentions)
            else:
                inside = {m: whole_name for m in person.mentions for outer, whole_name in spans
                          if outer.start <= m.start and m.end <= outer.end and outer != m}
                if not inside:
                    continue
                target, moving = dotted[next(iter(inside.values()))], set(inside)
            target.take(person, moving, {m for m in moving if not any(m.overlaps(t) for t in target.mentions)})
            if not person.mentions:
                del whole[name]
        return whole

    def _extend_lists(self, doc: Doc, blocked: SpanIndex, crf: _Names, found: dict) -> None:
        """Names joined by 、 to a found name are names too; a trailing 等…名学生 gives all their role."""
        text = doc.text
        for person in list(found.values()):
            for mention in sorted(person.mentions, key=span_order):
                members = [mention]
                pos = mention.end
                while text[pos : pos + 1] == LIST_SEP:
                    nxt = self._whole_name_word(self._name_after(text, pos + 1, crf))
                    if not nxt or not (self._list_member(text[nxt.start : nxt.end], nxt, blocked, crf)
                                       or self._between_members(text, nxt, blocked, crf)):
                        break
                    members.append(nxt)
                    pos = nxt.end
                role = self._role_after_list(text, pos, len(members))
                if len(members) > 1:  # a title before the first name is stated for the whole list
                    head_roles = [r for r in person.roles if r[3] == mention.start and r[0] <= 1]
                    for member in members[1:]:
                        self._add(found, text, member, head_roles[0][:3] + (member.start,) if head_roles else None)
                if role:
                    for member in members:
                        self._add(found, text, member, (2, role, "", member.start))
                # the same backwards: 刘琳、李蓬春 where only 李蓬春 was anchored
                pos = mention.start
                while pos > 0 and text[pos - 1] == LIST_SEP:
                    prev = self._name_before(text, pos - 1, crf)
                    if not prev or not self._list_member(text[prev.start : prev.end], prev, blocked, crf):
                        break
                    self._add(found, text, prev, None)
                    pos = prev.start

    def _whole_name_word(self, span: Span | None) -> Span | None:
        """莎士比亚、巴尔扎克: a member the segmenter reads as the start of a longer personal name (巴尔扎克
        nrt) is that whole name, not a surname and the two characters after it. Only in lists, whose
        members end at 、: after a title, `_transliterated` leaves a Chinese name at three characters,
        since jieba also tags a name run on into 说 as one name (林永说, 罗文说 nr)."""
        token = self._token_starts.get(span.start) if span else None
        if token is None or token.pos not in PERSON_POS or token.end <= span.end:
            return span
        return Span(span.start, token.end)

    def _between_members(self, text: str, span: Span, blocked: SpanIndex, crf: _Names) -> bool:
        """李克强、栗战书、汪洋: a name with a rare surname the CRF doubts, set between two members of a
        list of names, is a member too (a surname, whole characters, no common word, and the next
        item a member on its own evidence); so is a full name of three that closes the list before
        等 (莫建成、李贻煌、冷新生等)."""
        name = text[span.start : span.end]
        closing = text.startswith(LIST_CLOSE, span.end) and len(name) == 3
        if (text[span.end : span.end + 1] != LIST_SEP and not closing) or not self._surname_at(name, 0) \
                or self._common_word(name):
            return False
        if not self._acceptable(name, span, blocked, from_crf=True, crf=crf, confidence=1.0):
            return False
        if closing:
            return True
        after = self._name_after(text, span.end + 1, crf)
        return after is not None and self._list_member(text[after.start : after.end], after, blocked, crf)

    def _list_member(self, name: str, span: Span, blocked: SpanIndex, crf: _Names) -> bool:
        """Lists also enumerate things (燕麦、胡萝卜): a member must not be a known common word. A member
        with a rare surname needs no CRF when jieba knows it as a personal name (李四光、华罗庚、茅以升)."""
        if self._common_word(name):
            return False
        if self._acceptable(name, span, blocked, crf=crf):
            return True
        return (self._word_tag(name).startswith("nr") and not self._everyday_word(name)
                and self._acceptable(name, span, blocked, crf=_Names({span: crf.confidence.get(span, 0.0)})))  # 洪水 nr too

    def _role_after_list(self, text: str, pos: int, members: int = 1) -> str:
        if text.startswith(AND_OTHERS, pos):
            count = COUNT_AFTER_LIST.match(text, pos)
        elif members > 1 and text[pos : pos + 1] in SIZE_NUMERALS:
            count = SIZE_OF_LIST.match(text, pos)
        else:
            return ""  # most names: no regex match needed to see that
        if not count or count.end() == pos:
            return ""
        for n in range(min(self.max_title, len(text) - count.end()), 1, -1):
            word = text[count.end() : count.end() + n]
            if word in self.title_position:
                return word
        return ""

    def _all_occurrences(self, doc: Doc, blocked: SpanIndex, found: dict) -> None:
        text = doc.text
        taken = blocked.with_spans(_mentions(found))
        for name in sorted(found, key=len, reverse=True):  # longer names claim their characters first
            if len(name) < 2:
                continue
            start = text.find(name)
            while start >= 0:
                span = Span(start, start + len(name))
                if not taken.overlaps(span):
                    found[name].mentions.add(span)
                    taken.add(span)
                start = text.find(name, start + 1)

    def _known_people(self, doc: Doc, blocked: SpanIndex, found: dict) -> None:
        """孔子曰, 学习雷锋: a name of lexicons/known_people.tsv is that person where the segmenter cuts
        it as a word or words of its own (not inside the one word 鲁迅公园, 孔子学院 or a short quotation),
        no other name covers it, no form of address makes its first character a bare surname
        (老郑和小郑 is 老郑 and 小郑) and no place is named after the person (孔子|故里, 杜甫|草堂)."""
        text, taken = doc.text, blocked.with_spans(_mentions(found))
        for start, end, name in self.known_people.finditer(text):
            span, after = Span(start, end), doc.word_from(end)
            if (doc.cut_as_words(start, end) and not taken.overlaps(span)
                    and text[start - 1 : start] not in self.addresses
                    and (after is None or after.text not in self.site_after)):
                found.setdefault(name, Candidate(name)).mentions.add(span)

    def _bare_surnames(self, doc: Doc, blocked: SpanIndex, found: dict) -> None:
        """A surname standing alone before a form of address (吴先生, 初某, 潘氏) or after 姓 is a person.
        The surname must be a word of its own in the segmentation, or one word with its form of address
        (吴先生), so 元老级 and 宋体 are not read as 元 + 老."""
        text, starts = doc.text, self._token_starts
        taken = blocked.with_spans(_mentions(found))
        for cue in self.bare_surname_cues.finditer(text):
            for size in (2, 1):
                start = cue.start() - size
                if start < 0 or text[start : cue.start()] not in self.surname_rank:
                    continue
                token, cue_token = starts.get(start), starts.get(cue.start())
                if token is None or self._ends_given_name(start):
                    break
                if token.end == cue.end():  # 吴先生 as one word: not when it is a common word (古老, 国家)
                    if self._everyday_word(token.text):
                        break
                elif token.end != cue.start() or token.pos.startswith(
                        LINKING_POS if cue.group() in ANONYMISED else FUNCTION_POS):
                    break  # 有|太太: a function word that is also a surname (but 伏|某, 解|某某 are people)
                elif cue_token is None or cue_token.end != cue.end():
                    break  # 任|总顾问, 后|老师: the address is only the start of a longer word
                rare = self.surname_rank[text[start : cue.start()]] > ADDRESSED_SURNAME_RANK
                if rare and cue.group() in self.title_cues:
                    break  # 两国|总理, 爱国党|主席: a rarer surname before a title is the end of a word
                if cue.group() in self.final_cues:
                    if rare:
                        break  # 商家
                    if (is_han(text[cue.end() : cue.end() + 1]) and not self._starts_follower(text, cue.end())
                            and not (token.end == cue.end() and self._guessed_address(token))):
                        break  # 养老|护理员
                self._add_bare(text, Span(start, cue.start()), taken, found)
                break
        for at in self.opener_starts.finditer(text):  # 姓纪, 老李: the segmenter may join the two
            token = starts.get(at.start())
            if token is None:
                continue
            opener, rest = token.text[:1], token.text[1:]
            if opener in self.surname_openers and self._bare_surname_after(opener, rest, token.text, token.pos):
                if self._name_ends(starts, token.end):
                    self._add_bare(text, Span(token.start + 1, token.end), taken, found)
            elif token.text in self.surname_openers:
                nxt = starts.get(token.end)
                if nxt and self._bare_surname_after(token.text, nxt.text, token.text + nxt.text):
                    if self._name_ends(starts, nxt.end):
                        self._add_bare(text, Span(nxt.start, nxt.end), taken, found)

    def _guessed_address(self, token) -> bool:
        """侯老|担心, 马家|兄弟: a surname and its address that only jieba's guess joins into one word end
        where that word does; not a numeral or function word (向家 m), nor one a place word follows
        (丁家|街道). jieba tags a guessed 侯老 as an adjective, after its 老."""
        after = self._token_starts.get(token.end)
        return (token.text not in jieba_dictionary()
                and (token.pos == "a" or not token.pos.startswith(FUNCTION_POS))
                and (after is None or after.text not in self.place_after))

    def _ends_given_name(self, start: int) -> bool:
        """范慕|韩先生: a lone character word (or a word tagged as a name) right before the surname is
        more likely the start of a full name the rules did not find (unless it is 和, 向, 对 …)."""
        before = self._token_at(start - 1) if start > 0 else None
        if before is None or before.end != start or not is_han(before.text[-1]):
            return False
        return before.pos.startswith("nr") or self._name_character(before)  # 由范慕|韩先生: jieba saw a name

    def _name_ends(self, starts: dict, pos: int) -> bool:
        """小张|倩: after 老/小 + surname a lone character word is more likely the rest of a full name."""
        after = starts.get(pos)
        return after is None or not self._name_character(after)

    def _name_character(self, token) -> bool:
        """A one-character Han word that is not a function word: likely a piece of a name jieba split."""
        return (len(token.text) == 1 and is_han(token.text) and token.text not in self.followers
                and not token.pos.startswith(FUNCTION_POS))

    def _everyday_word(self, word: str) -> bool:
        """古老, 养老, 小于, 小康: a frequent dictionary word or a listed non-name. jieba's own tags are
        no help here (it tags 古老 and 养老 nr), its frequencies are."""
        return word in self.not_names or jieba_dictionary().get(word, 0) >= EVERYDAY_FREQUENCY

    def _bare_surname_after(self, opener: str, surname: str, word: str, pos: str = "") -> bool:
        """姓 takes any surname; 老/小 one of the commoner surnames, in a word jieba does not know otherwise
        (老李, 小王 but not 老师, 小说); 老 a rarer one only in a noun jieba joined and guessed (老傅, 老申,
        not 老路 or 小关), given as the word's `pos`."""
        rank = self.surname_rank.get(surname)
        if rank is None:
            return False
        if opener == "姓":
            return True
        if rank <= ADDRESSED_SURNAME_RANK:
            return not self._everyday_word(word)
        return opener == ELDER and pos in GUESSED_ADDRESS_POS and word not in jieba_dictionary()

    def _add_bare(self, text: str, span: Span, taken: SpanIndex, found: dict) -> None:
        if not taken.overlaps(span):
            self._add(found, text, span, None)
            taken.add(span)

    def _initials(self, doc: Doc, blocked: SpanIndex, found: dict) -> None:
        """马列主义, 马恩著作: each character of such a word stands for a person (马克思, 列宁). The word
        must begin a segmenter word (斑马|列队 is no 马列)."""
        text, starts = doc.text, self._token_starts
        taken = blocked.with_spans(_mentions(found))
        for word in self.initials.finditer(text):
            span = Span(word.start(), word.end())
            if word.start() not in starts or taken.overlaps(span):
                continue
            for i in range(word.start(), word.end()):
                self._add(found, text, Span(i, i + 1), None)
            taken.add(span)

    def _eponyms(self, doc: Doc, blocked: SpanIndex, found: dict) -> None:
        """马克思主义, 邓小平理论, 毛泽东思想: the 2-4 characters before the doctrine word are a person
        when the segmenter's dictionary knows them as a personal name (nr), right before the doctrine
        word or before its field (邓小平|科技|思想); so is a name right before that one (马克思|列宁|主义)."""
        text = doc.text
        mentions = _mentions(found)
        taken = blocked.with_spans(mentions)
        for cue in self.eponym_words.finditer(text):
            end, span = cue.start(), self._eponym_before_field(text, cue.start(), taken)
            while span := span or next((m for m in mentions if m.end == end), None) or self._eponym_before(text, end, taken):
                if span not in mentions:
                    self._add(found, text, span, None)
                    taken.add(span)
                    mentions.append(span)
                end, span = span.start, None

    def _eponym_before_field(self, text: str, end: int, taken: SpanIndex) -> Span | None:
        """邓小平|党的建设|理论: the name before a doctrine's field, which is whole noun words (jieba's
        tags) of at most MAX_DOCTRINE_FIELD characters ending where the doctrine word begins."""
        token = self._token_at(end - 1) if end > 0 else None
        if token is None or token.end != end:
            return None
        while token is not None and token.pos in FIELD_POS and end - token.start <= MAX_DOCTRINE_FIELD:
            span = self._eponym_before(text, token.start, taken)
            if span is not None:
                return span
            token = self._token_at(token.start - 1) if token.start > 0 else None
        return None

    def _eponym_before(self, text: str, end: int, taken: SpanIndex) -> Span | None:
        """The dictionary personal name of 2-4 characters ending at `end`, if no one has those characters."""
        for size in (4, 3, 2):
            start = end - size
            if start < 0:
                continue
            span = Span(start, end)
            if (self._word_tag(text[start:end]) == "nr" and text[start:end] not in self.not_names
                    and not taken.overlaps(span)):
                return span  # not 生态|文明|思想: jieba tags 文明 nr too
        return None

    def _works_opened_by_names(self, doc: Doc, blocked: SpanIndex, found: dict) -> None:
        """《刘绍棠文集》, 《毛泽东评点古今人物》: a title that opens with a full name, a surname and a given
        name that jieba's dictionary lists as a person's, is by or about that person. A title that is
        only the name (《白鹿原》, 《蓬莱阁》) names places as often, so it is left to the other rules."""
        text = doc.text
        taken = blocked.with_spans(_mentions(found))
        at = text.find("《")
        while at >= 0:
            token = self._token_starts.get(at + 1)
            if (token is not None and token.pos in WORK_NAME_POS
                    and len(token.text) == FULL_NAME_LEN and token.text[0] in self.surname_rank
                    and token.text in jieba_dictionary() and token.text not in self.places  # 《都柏林协定》
                    and text[token.end : token.end + 1] not in ("》", "")):
                self._add_bare(text, Span(token.start, token.end), taken, found)
            at = text.find("《", at + 1)

    # ------------------------------------------------------------------ role and affiliation
    def _role_stated(self, doc: Doc, mentions: list[Span]) -> tuple[str, str]:
        """安妹是额勒赛水电站的一名普通员工, 王波是一位大学教师: a clause that opens with the name and 是
        and ends in a title states the person's role; so does a phrase set after the name and a comma
        (杨惠根，…主任、首任黄河站站长); a body named in the clause is the affiliation."""
        text = doc.text
        for mention in mentions:
            if text[mention.end : mention.end + 1] not in (COPULA, APPOSITION) or (
                    mention.start > 0 and is_han(text[mention.start - 1])):
                continue
            end = mention.end + 1
            while end < len(text) and end - mention.end <= MAX_STATED_ROLE and text[end] not in CLAUSE_ENDS:
                end += 1
            clause = text[mention.end + 1 : end]
            titles = [(start, stop) for start, stop, _ in self.title_phrases.finditer(clause) if stop == len(clause)]
            if not titles:
                continue
            start = min(titles)[0]  # the longest title ending the clause
            bodies = [(m.start, inst.canonical) for inst in doc.institutions for m in inst.mentions
                      if mention.end < m.start and m.end <= mention.end + 1 + start]
            return clause[start:], max(bodies)[1] if bodies else ""  # the body nearest the title (…部|中国极地研究中心)
        return "", ""

    def _role_before(self, doc: Doc, title: Span) -> tuple[str, str]:
        """The title grown left over its noun modifiers (美术学科研训员) and over the posts listed before
        it (教授、博导), and an institution right before it."""
        start, affiliation = self._grown_post(doc, title)
        # (a body named right before the post is read into the role only with the posts listed before it)
        body = self._body_ending.get(start) if start == title.start else None
        anchor = body.start if body is not None else start
        listed = self._listed_posts_before(doc, anchor)
        return doc.text[listed if listed < anchor else start : title.end], affiliation

    def _grown_post(self, doc: Doc, title: Span) -> tuple[int, str]:
        """Where the title grown left over its noun modifiers begins, and an institution right before it."""
        text = doc.text
        affiliation = self._institution_ending_at(title.start)
        start = title.start
        if not affiliation:
            window_start = max(0, title.start - ROLE_PREFIX_MAX)
            sentence = doc.sentence_of(title.start)
            window_start = max(window_start, sentence.start)
            cut = self._token_at(window_start)
            if cut is not None and cut.start < window_start:
                window_start = cut.end  # not from the middle of a word (学|校长办公室主任)
            for inst_span in self._bodies:
                if window_start < inst_span.end <= title.start:
                    window_start = inst_span.end
            window = text[window_start : title.start]
            if window:
                for token in reversed(self.resources.segmenter.tag(window)):
                    if not token.pos.startswith(ROLE_PREFIX_POS) or token.pos.startswith(("nr", "ns", "nt")):
                        break
                    if not all(map(is_han, token.text)):
                        break
                    start = window_start + token.start
            if start < title.start and self._refers_back(start):
                affiliation = self._institution_by_head(doc, text[start : title.start])
        return start, affiliation

    def _listed_posts_before(self, doc: Doc, pos: int) -> int:
        """Where the posts joined by 、 to the one that begins at `pos` begin, each with its body or
        modifiers: 教授、|博导, 党工委委员、管委会副主任、|规划建设局局长 (the role is all of them)."""
        text = doc.text
        for _ in range(MAX_LISTED_POSTS):
            end = pos - 1
            if end < 2 or text[end] != LIST_SEP:
                break
            post = next((Span(end - n, end) for n in range(min(self.max_title, end), 1, -1)
                         if text[end - n : end] in self.title_position), None)
            if post is None:
                break
            body = self._body_ending.get(post.start)
            pos = body.start if body is not None else self._grown_post(doc, post)[0]
        return pos

    def _refers_back(self, start: int) -> bool:
        """Nothing names the body before the title's modifier: the sentence starts there, or a
        pronoun or punctuation stands before it (该|公司董事长, 。|学院副院长), not a name (义井|社区) or
        the bracket that ends one (中远海运（非洲）|公司)."""
        before = self._token_at(start - 1) if start > 0 else None
        if before is None:
            return True
        return before.text[-1] not in CLOSING_BRACKETS and (
            before.pos.startswith(("r", "x", "w")) or not is_han(before.text[-1]))

    def _institution_by_head(self, doc: Doc, modifier: str) -> str:
        """学院副院长, 该公司董事长: a title's modifier that is a bare organisation head refers back to the
        article's institution with that head, the one it names most when there are several."""
        if modifier not in self.org_heads:
            return ""
        bodies = sorted(((len(inst.mentions), inst.canonical) for inst in doc.institutions
                         if inst.canonical.endswith(modifier)), reverse=True)
        if not bodies or (len(bodies) > 1 and bodies[1][0] == bodies[0][0]):
            return ""
        return bodies[0][1]

    def _institution_ending_at(self, pos: int) -> str:
        """The body named right before `pos`, or before a 的 there (北京大学的|教授)."""
        name = self._name_ending.get(pos)
        if name is None and self._text[pos - 1 : pos] == "的":
            name = self._name_ending.get(pos - 1)
        return name or ""

    def _nearest_institution(self, doc: Doc, pos: int, within: Span) -> str:
        best, best_distance = "", None
        for inst in doc.institutions:
            for m in inst.mentions:
                if within.contains(m):
                    # an institution before the name is the likelier employer: count it closer
                    distance = pos - m.end if m.end <= pos else (m.start - pos) * 2
                    if best_distance is None or distance < best_distance:
                        best, best_distance = inst.canonical, distance
        return best

    def _dateline_agency(self, doc: Doc, opening: int) -> str:
        """The news agency that opens the dateline ending at `opening` (新华社北京1月31日电（), else ""."""
        line_start = doc.text.rfind("\n", 0, opening) + 1
        dateline = doc.text[line_start:opening].rstrip()
        if not dateline.endswith("电"):
            return ""
        end = line_start + len(dateline)
        return next((inst.canonical for inst in doc.institutions if inst.kind == "media"
                     for m in inst.mentions if line_start <= m.start and m.end <= end), "")

    def _place_held_for(self, doc: Doc, role: tuple[int, str, str, int]) -> str:
        """俄罗斯|总统|普京: the place a title before the name is held for, named right before it, which
        is no body ("" if none); the nearest body elsewhere in the sentence (美国国务院) is someone else's."""
        priority, title, _, name_start = role
        start = name_start - len(title)  # the title (grown over its modifiers) ends where the name starts
        token = self._token_at(start - 1) if priority == 0 and start > 0 else None
        place = doc.text[token.start : token.end] if token is not None and token.end == start else ""
        return place if place in self.places else ""

    @staticmethod
    def _government_of(doc: Doc, place: str) -> str:
        """The place's government, where the article names it (江西省 -> 江西省政府, 江西省人民政府)."""
        names = {place + suffix for suffix in GOVERNMENT_NAMES}
        return next((inst.canonical for inst in doc.institutions if inst.canonical in names), "")

    def _finding(self, doc: Doc, person: Candidate) -> PersonFinding:
        mentions = sorted(person.mentions, key=span_order)
        first = mentions[0].start
        # （记者吴秋余、谢卫群）中国银联…: a name in brackets takes a body only from them, or from the
        # news agency of the dateline they close (新华社北京1月31日电（记者韩洁、熊茂伶）)
        aside = _brackets_around(doc.text, first)
        reporter_body = self._dateline_agency(doc, aside.start) if aside else ""
        # the body the byline itself names (本报记者: the paper) is a reporter's, wherever the name stands
        if person.byline and not reporter_body:
            reporter_body = doc.meta.author_bodies.get(person.name, "")
        if person.byline and not person.roles:
            return PersonFinding(name=person.name, role=doc.meta.author_roles.get(person.name, BYLINE_ROLE),
                                 affiliation=reporter_body, mentions=mentions)
        role, affiliation, best = "", "", None
        if person.roles:
            best = min(person.roles, key=lambda r: (r[0], -len(r[1])))
            role, affiliation = best[1], best[2]
        else:
            role, affiliation = self._role_stated(doc, mentions)
        if not affiliation and person.byline:
            affiliation = reporter_body
        place = self._place_held_for(doc, best) if best else ""
        if not affiliation and place and role.endswith(GOVERNMENT_HEADS):
            affiliation = self._government_of(doc, place)  # 江西省|省长|易炼红: the province's government
        if not affiliation and role and not place:
            if aside is not None:
                affiliation = self._nearest_institution(doc, first, aside) or reporter_body
            else:
                affiliation = self._nearest_institution(doc, first, doc.sentence_of(first)) or (
                    self._nearest_institution(doc, first, doc.paragraph_of(first))
                )
        return PersonFinding(name=person.name, role=role, affiliation=affiliation, mentions=mentions)


def _brackets_around(text: str, pos: int) -> Span | None:
    """The round brackets (full- or half-width) that hold `pos`, within MAX_ASIDE characters either
    side, else None."""
    return enclosing(text, pos, pos, "（", "）", MAX_ASIDE) or enclosing(text, pos, pos, "(", ")", MAX_ASIDE)

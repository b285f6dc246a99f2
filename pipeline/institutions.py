"""Stage 5, institutions: organisation names found by their structure, and their aliases resolved.

A Chinese organisation name reads, right to left: a head word that says what kind of body it is
(学院, 研究所, 委员会: `lexicons/org_heads.tsv`), a name body (教师进修, 基础教学改革), and an optional
place prefix (重庆市江北区, 北碚, or a relative one: 区, 市, 全国: `places.tsv`, `org_prefixes.tsv`).
The stage anchors a candidate at every head word that ends a jieba token and walks left over the
tokens while they can be part of a name (nouns, places, numerals, the verbs names contain), stopping
at function words, other verbs and punctuation (`org_stop.tsv`). Names with no head word
(党中央, 国务院) come from `org_names.tsv`; jieba's `nt` tag adds candidates the heads miss.

Mentions of one body are then grouped: explicit definitions (以下简称…), short forms (the name without
its place or with 区 for the place, abbreviations whose characters are a subsequence of the full
name with a compatible head: 进修校, 大足职教中心), "三块牌子，一套班子" statements; the canonical name
is the fullest. A bare head word (学院, 学校) is never an institution of its own, but is a mention of
the article's main institution when their heads agree.

A learned tagger's ORG spans may be given to the stage (`learned`): they join as candidates where
no structural candidate overlaps them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cached_property
from operator import attrgetter
from typing import Callable, Mapping

import regex

from .document import Doc, InstitutionFinding, Span, SpanIndex, Token, enclosing
from .lexicon import Lexicons
from .memo import Memo
from .military import MilitaryUnits, MilitaryWords
from .phrases import Phrases
from .segment import FILLER_FREQUENCY, jieba_dictionary
from .stage import Resources, Stage

ORDINAL_TERM = regex.compile(r"^第?[一二三四五六七八九十百\d]+届$")
# 九个, 两所: a count of bodies ends a name on the left (西藏地区九个|全国人大), as punctuation would.
COUNTED = regex.compile(r"^[一二两三四五六七八九十百千几数多\d]+[个名位所家座支批]$")
# Words after which a body of common nouns is a kind, not a name (一些空调厂, 他的软件公司, 有财产保险公司).
INDEFINITE = frozenset(("的", "有", "一些", "某些", "各", "各个", "各类", "各种", "每", "每个", "所有", "其他",
                        "其它", "许多", "很多", "不少", "一批", "这些", "那些", "任何", "一般"))
COUNTED_GROUP = regex.compile(r"^[一二两三四五六七八九十百几]+大$")  # 八大特色学校, 十大杰出青年
NUMERAL = regex.compile(r"^第?[零〇一二两三四五六七八九十百\d]+$")
HAN = regex.compile(r"^[\p{Han}A-Za-z0-9·]+$")
PERSON_TAGS = frozenset(("nr", "nrfg", "nrt"))  # jieba's tags of a personal name
VERB_HEADS = frozenset({"办"})  # heads that are also verbs (扶贫办; 王立滨办纪录片节: he runs a festival)
# Parts of speech that can sit inside a name body.
NOUNISH = ("n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "ng", "g", "vn", "an", "j", "eng", "b", "l", "s")
LEADING_PREDICATE = ("v", "l", "i", "d", "a")  # parts of speech that begin a predicate, not a name
PLAIN_NOUN_TAGS = ("n", "vn")  # a common noun's tags (服装 vn, 辅料 n): no name, place or body
PROPER = ("nr", "ns", "nt", "nz", "nrt", "nrfg", "j", "eng")
MIN_STANDALONE_HEAD = 5  # a compound head this long, used alone, still names one body (社区教育学院)
MAX_NAME = 24
LEARNED_MIN = 4  # a learned ORG span without a head word must be this long to be kept  # characters; longer stretches are sentences, not names
EVERYDAY_FREQUENCY = 500  # a dictionary word this frequent is an everyday word (格局 1666, 大厅 2273)
BRANCH = ("分", "支")  # 分行, 支行, 分公司, 分院: a branch is named by its place after the body's name
TERM_DETERMINERS = frozenset("新本上下同这那每历首")  # 新一届, 这一届: which term, not a count
CHINA = frozenset({"中国", "中华人民共和国", "我国"})  # whose 国务院 is the State Council itself
NAME_OPEN, NAME_CLOSE = "“《", "”》"  # the marks around a name before its head (“幸福工程”组委会, 《财富》杂志)
MAX_QUOTED = 12  # characters of a quoted name before a head (“幸福工程”组委会)
# A chain of administrative units from a province or city down to a community or village, whose
# small units' names jieba often cuts wrong (团结|坝|社区, 乐平|镇塘|约|村): each unit is a short name
# and its level. Read only before a village-level body's head, from a place the lexicon knows.
# (no function word or classifier in a unit's name: 东城区|一位|街道办事处 is no chain)
UNIT_NAME_CHAR = r"[\p{Han}--[的了在和与及位个名]]"
ADMIN_UNIT = UNIT_NAME_CHAR + r"{1,4}?(?:街道|社区|自治区|自治州|自治县|地区|省|市|区|县|旗|镇|乡|村)"
ADMIN_CHAIN = regex.compile(rf"(?V1)(?:{ADMIN_UNIT}){{2,7}}")
LOCAL_UNITS = ("街道", "社区", "镇", "乡", "村")  # the units whose own bodies the chain may end at
MAX_CHAIN = 30  # characters of a chain of units
COMMUNITY = "社区"
# the street or town right above a community, closing its chain (…筠阳街道|筠泉社区)
STREET_BEFORE_COMMUNITY = regex.compile(rf"(?V1)(?:街道|镇){UNIT_NAME_CHAR}{{1,5}}{COMMUNITY}$")
NT_TAG = "nt"  # jieba's tag for an organisation's name
DIRECTION_TAG = "f"  # jieba's tag for words of direction and position (西南部, 内部)
# 中西部, 内外部 (which jieba tags nt): parts of a country or a whole named by directions alone
DIRECTIONS = frozenset("东南西北中内外上下前后左右")
MAX_TITLE_QUOTE = 20  # characters from a name to the marks of a quoted title around it
MAX_UNIT_TOKENS = 4  # a part's name after its body's: 少年|刑事|审判庭
MIN_WEAK_BODY = 4  # characters of plain body a weak head (中心, 基地) needs without a place or proper name
# A short name defined after a full one: in brackets, after 简称 or 统称, or in quotes after 称; a bare
# 称 with no quotes is a verb of speech (宝马称这一安排…, 外交部称…), not a definition.
_ALIAS = r"[“\"「『]?([\p{Han}A-Za-z0-9]{2,12})[”\"」』]?"
DEFINITION = regex.compile(
    r"(?|\s*[（(]\s*(?:以下|下文)?(?:简称|统称|称)(?:为)?\s*" + _ALIAS + r"\s*[）)]"
    r"|\s*[，,]?\s*(?:以下|下文)?(?:简称|统称)(?:为)?\s*" + _ALIAS +
    r"|\s*(?:以下|下文)?称(?:为)?\s*[“\"「『]([\p{Han}A-Za-z0-9]{2,12})[”\"」』])"
)
ONE_BODY = regex.compile(r"[一两二三四五六几多]块牌子|一套班子|合署办公|一个机构")
BARE_ANAPHORS = ("本", "我", "该", "全")  # 本院, 我校, 该校: the article's own body
POST_KINDS = ("office", "company")  # kinds of `titles.tsv` that name a post a person holds
# 一座座, 一个个, 一家家: a reduplicated classifier counts bodies, as 九个 does
CLAUSE_MARKS = frozenset("，。；：、！？")
CLAUSE_OPENERS = CLAUSE_MARKS | {"”"}  # (a closing quote ends the speech before a new clause)
HAN_WORD = regex.compile(r"\p{Han}+")
# tags of a character that opens no body's name: people's FUNCTION_POS, but with time words (后 f, 今 t)
# and without adjectives, which open brands (新华, 大华)
FUNCTION_START = ("d", "f", "p", "c", "u", "r", "m", "q", "t", "v")
STATE = "国家"  # opens the name of a state body (国家监委) written after its party body (中央纪委)
DAY_WORDS = ("日", "节")  # a lone one after a head ends a day's name, not the body's (国际博物馆|日)
GLUED_VERBS = frozenset({"驻"})  # …草原局|驻…村第一书记: glued to a head, though inside names (驻美大使馆)
# 十九届二中全会, 二中、三中全会: the Nth plenary session of a term (届), whose 二中 is no school
PLENARY = regex.compile(r"届[一二三四五六七八九十]+中(?:[、，和及]?[一二三四五六七八九十]+中)*全会")
PERSON_OR_PLACE = ("nr", "ns")  # jieba's tags of personal and place names
BODY_CHARACTERS = frozenset("局厅院所厂社馆校")  # one-character heads that end only a body's own name
NESTED = "nt:nested"  # tag of a part that is a whole nested name (西南大学|教师教育学院)
# tags of function words: no part of a name between a place and a head (a verb or quality may be: 独立新闻社)
FUNCTION_WORD = ("d", "p", "c", "u", "r", "f", "y", "e", "o")
CLASSIFIERS = "个名位所家座支批项"
PREDICATE_START = ("v", "a", "d")  # but not vn, an (nouns made of verbs and adjectives)
SESSION = regex.compile(r"^第?[一二三四五六七八九十\d]+[次届]$")  # 五次(会议), 十九届(三中全会)
SESSION_DELEGATION = regex.compile(  # (十二届)全国人大|五次会议|新疆代表团
    r"(?:第?[一二三四五六七八九十\d]+届)?(?P<body>\p{Han}{2,12}?)第?[一二三四五六七八九十\d]+次(?:全体)?会议"
    r"(?P<delegation>\p{Han}{1,12}代表团)")
# known bodies whose institutes or branches are named after them (中科院|国家天文台, 国家电网|天津滨海供电公司)
PARENT_KINDS = ("research_institute", "university", "company")
TRADE_NAME_TAGS = ("nz", "nt", "ns", "eng", "nr")  # a body with one of these already holds a trade name
# Words for the bodies of every level or place at once: after one, a known short name (人大, 政协)
# names that class (地方人大, 各级政协), not the one body the name alone means.
LEVEL_CLASSES = frozenset({"地方", "各级", "各地", "基层", "上级", "下级"})
UNNAMING = frozenset({"某", "这家"})  # with org_stop's determiners (一家): 某机械有限公司 is left unnamed
MAX_TRADE_NAME = 6  # characters of a trade name's pieces before a line of business (北京华|韵尚德)
# a verb this frequent in jieba's dictionary is the sentence's, not a trade name's (来到 8779, 注册 1431; 再生 633)
SENTENCE_VERB_FREQUENCY = 1000
REDUPLICATED = regex.compile(r"^[一]?([个座所家栋幢间批支])\1$")


@dataclass(frozen=True)
class Head:
    kind: str
    bare: str  # any | place | numeral | no
    bare_kind: str
    weak: bool
    room: bool = False  # also a person's room (办公室): a personal name alone before it is whose room
    registered: bool = False  # a registered company's legal form (有限公司): its name holds a trade name
    memorial: bool = False  # a hall a person's name opens (黄诚事迹陈列馆): a guessed personal name is its own


@dataclass(frozen=True)
class OrgLexicons:
    heads: dict[str, Head]
    units: frozenset[str]  # heads of a part of a body (系, 处, 大队): only right after a body's name
    names: dict[str, str]
    places: frozenset[str]  # full names and short forms
    place_level: dict[str, str]
    relative: frozenset[str]
    national: frozenset[str]
    stop: frozenset[str]
    field_joiners: frozenset[str]  # 与: a stop word that may join two fields inside one name (新闻与传播学院)
    modifiers: frozenset[str]
    name_words: frozenset[str]  # verbs (进修, 培训) and a pronoun (各界) that do occur inside names
    generic: frozenset[str]
    honours: frozenset[str]
    systems: frozenset[str]  # 制度, 体制: after a head, the phrase names a system (人民代表大会|制度)
    determiners: frozenset[str]  # 该, 各级, 部分, 所在: modifiers after which no name goes on to the left
    qualities: frozenset[str]  # 一流, 知名, 大: modifiers that praise or rank
    posts: frozenset[str]  # titles of an office or post (书记, 总裁): a person's, never a name's body
    military: MilitaryWords  # the words of units' designations (陆军, 某旅, 第71集团军)
    # classifiers of things counted (把, 块, 碗): 小 or 中 alone before one is a size (1小把), no school
    classifiers: frozenset[str] = frozenset()
    known_people: frozenset[str] = frozenset()  # people every reader knows (周恩来), whom memorial halls are named after

    @classmethod
    def from_lexicons(cls, lexicons: Lexicons) -> "OrgLexicons":
        heads = {
            row[0]: Head(row[1], _col(row, 2, "no"), _col(row, 3) or row[1], _col(row, 4) in ("weak", "room"),
                         _col(row, 4) == "room", _col(row, 4) == "registered",
                         _col(row, 4) == "memorial")
            for row in lexicons["org_heads"].rows if _col(row, 4) != "unit"
        }
        units = frozenset(row[0] for row in lexicons["org_heads"].rows if _col(row, 4) == "unit")
        places: set[str] = set()
        level: dict[str, str] = {}
        for row in lexicons["places"].rows:
            places.add(row[0])
            level.setdefault(row[0], _col(row, 1))
            if _col(row, 2):
                places.add(row[2])
                level.setdefault(row[2], _col(row, 1))
        prefixes = lexicons["org_prefixes"].mapping(1)
        roles = lexicons["org_stop"].mapping(1)
        return cls(
            heads=heads,
            units=units,
            names=lexicons["org_names"].mapping(1),
            places=frozenset(places),
            place_level=level,
            relative=frozenset(p for p, k in prefixes.items() if k == "relative"),
            national=frozenset(p for p, k in prefixes.items() if k == "national"),
            stop=frozenset(w for w, r in roles.items() if r in ("stop", "field_joiner")),
            field_joiners=frozenset(w for w, r in roles.items() if r == "field_joiner"),
            modifiers=frozenset(w for w, r in roles.items() if r in ("modifier", "determiner", "quality")),
            name_words=frozenset(w for w, r in roles.items() if r in ("name_verb", "name_word")),
            generic=frozenset(w for w, r in roles.items() if r == "generic"),
            honours=frozenset(w for w, r in roles.items() if r == "honour"),
            systems=frozenset(w for w, r in roles.items() if r == "system"),
            determiners=frozenset(w for w, r in roles.items() if r == "determiner"),
            qualities=frozenset(w for w, r in roles.items() if r == "quality"),
            posts=frozenset(row[0] for row in lexicons["titles"].rows if _col(row, 2) in POST_KINDS)
            if "titles" in lexicons else frozenset(),
            military=MilitaryWords.from_lexicons(lexicons, frozenset(places)),
            classifiers=frozenset(row[0] for row in lexicons["units"].rows if _col(row, 1) == "count")
            if "units" in lexicons else frozenset(),
            known_people=frozenset(lexicons["known_people"].terms()) if "known_people" in lexicons else frozenset(),
        )

    @cached_property  # hot: asked for every token; the lexicons never change after loading
    def head_ends(self) -> frozenset[str]:
        return frozenset(head[-1] for head in self.heads)

    @cached_property
    def portfolios(self) -> tuple[str, ...]:
        """工业和信息化, 林业和草原: the joined portfolios of the listed ministries and administrations
        (their names less 国家 and the head), longest first."""
        joined = {name.removeprefix("国家")[: -len(self.longest_head(name)) or None]
                  for name in self.names if "和" in name and self.longest_head(name)}
        return tuple(sorted((p for p in joined if "和" in p), key=len, reverse=True))

    @cached_property
    def honour_verbs(self) -> tuple[str, ...]:
        return tuple(self.honours)

    @cached_property
    def max_unit(self) -> int:
        return max(map(len, self.units | set(self.heads)))

    def unit_head(self, piece: str) -> str:
        """The head word that ends `piece`, longest first: a unit's (系, 大队), or a body's of two
        characters or more (党委, 办公室; one-character ones end everyday words: 举办, 干部, 常委)."""
        for size in range(min(len(piece), self.max_unit), 0, -1):
            if piece[-size:] in self.units or (size >= 2 and piece[-size:] in self.heads):
                return piece[-size:]
        return ""

    @cached_property
    def local_body(self) -> re.Pattern:
        """A local unit's level and the head of its party or government body (社区|党委, 村|党总支);
        searched through whole articles with re, which scans literal alternatives faster."""
        heads = sorted((h for h, info in self.heads.items()
                        if info.kind in ("party_org", "government") and info.bare == "any" and len(h) >= 2),
                       key=len, reverse=True)
        return re.compile("(?:" + "|".join(LOCAL_UNITS) + ")(?P<head>" + "|".join(map(re.escape, heads)) + ")")

    @cached_property
    def abroad(self) -> tuple[str, ...]:
        """Countries and world cities, longest first."""
        return tuple(sorted((p for p, level in self.place_level.items() if level in ("country", "world_city")),
                            key=len, reverse=True))

    @cached_property
    def embassy(self) -> re.Pattern:
        """驻|苏丹|大使馆, 驻华|使馆: a mission in another country or city, matched from its 驻 (the
        sender before it is looked up apart: an alternation of all countries at every position of
        an article would cost a fifth of the stage)."""
        return re.compile("驻(?:华|" + "|".join(map(re.escape, self.abroad)) + ")(?:共和国)?(?P<head>总领事馆|领事馆|大使馆|使馆)")

    @cached_property
    def national_head(self) -> re.Pattern:
        """A national prefix and a head that needs a real place before it (国家|博物馆)."""
        heads = sorted((h for h, info in self.heads.items() if info.bare == "place"), key=len, reverse=True)
        return re.compile("(?:" + "|".join(map(re.escape, sorted(self.national, key=len, reverse=True)))
                          + ")(?P<head>" + "|".join(map(re.escape, heads)) + ")")

    @cached_property
    def stop_sizes(self) -> tuple[int, ...]:
        """Lengths of the stop words of two or more characters (the verbs: 宣布, 发挥, 利用)."""
        return tuple(sorted({len(w) for w in self.stop if len(w) >= 2}))

    @cached_property
    def max_head(self) -> int:
        return max(map(len, self.heads))

    @cached_property
    def head_sizes_by_last_char(self) -> dict[str, tuple[int, ...]]:
        """Last character of a head -> the lengths of the heads ending in it, longest first: most
        tokens end in no head character and are dismissed with one lookup."""
        return _sizes_by_last_char(self.heads, longest_first=True)

    @cached_property
    def head_sizes_in_word(self) -> "Memo[str, tuple[int, ...] | None]":
        """A word (the text of a token) -> the lengths of the heads that may end it, longest first:
        those inside it that are heads, and all those longer than it (whether they are heads
        depends on the text before it); None when the word ends in a post (see `ends_in_post`).
        Words recur, so each is worked out once."""
        def sizes(word: str) -> tuple[int, ...] | None:
            if self.ends_in_post(word):
                return None
            return tuple(size for size in self.head_sizes_by_last_char.get(word[-1], ())
                         if size > len(word) or word[-size:] in self.heads)
        return Memo(sizes)

    def ends_in_post(self, word: str) -> bool:
        """中央政治局|常委, 警备区|副政委: a word that ends in a post ending in a head character names
        the post a person holds, not the body."""
        return (len(word) > 2 and word[-2:] in self.posts) or (len(word) > 3 and word[-3:] in self.posts)

    def is_place(self, word: str) -> bool:
        return word in self.places and self.place_level.get(word) not in ("world_region",)

    def is_prefix(self, word: str) -> bool:
        return word in self.relative or word in self.national

    def longest_head(self, name: str) -> str:
        for size in range(min(len(name), self.max_head), 0, -1):
            if name[-size:] in self.heads:
                return name[-size:]
        return ""

    def split_places(self, name: str) -> tuple[list[str], str]:
        """Leading places and prefixes of `name` (longest first), and the rest."""
        found: list[str] = []
        rest = name
        while rest:
            for size in range(min(len(rest) - 1, 12), 0, -1):
                piece = rest[:size]
                if self.is_place(piece) or self.is_prefix(piece):
                    found.append(piece)
                    rest = rest[size:]
                    break
            else:
                break
        return found, rest


def _col(row: tuple[str, ...], index: int, default: str = "") -> str:
    return row[index] if index < len(row) and row[index] else default


@dataclass
class Candidate:
    span: Span
    text: str
    kind: str
    head: str
    core: str  # the name without its leading places/prefixes
    places: tuple[str, ...]
    bare: bool = False  # a head word alone (学院, 进修校): not an institution by itself
    source: str = "structure"


@dataclass
class Cluster:
    names: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)  # name -> kind

    def add(self, cand: Candidate) -> None:
        if cand.text not in self.names:
            self.names.append(cand.text)
            self.kinds[cand.text] = cand.kind
        self.mentions.append(cand.span)

    @property
    def canonical(self) -> str:
        return max(self.names, key=len)  # max keeps the first of equal lengths


class InstitutionStage(Stage):
    name = "institutions"
    requires = ("text", "fold", "sentences", "paragraphs", "tokens", "meta")
    provides = ("institutions",)

    def __init__(
        self,
        resources: Resources,
        learned: Callable[[str], list[tuple[int, int, str]]] | None = None,
        use_nt: bool = False,
    ) -> None:
        super().__init__(resources)
        self.lex = OrgLexicons.from_lexicons(resources.lexicons)
        self.learned = learned
        self.use_nt = use_nt
        lexicons = resources.lexicons
        self._titles = lexicons["titles"].terms() if "titles" in lexicons else frozenset()
        # What jieba glues onto a head (电大|为, 小学|教师): function words and titles.
        self._glue = _GlueWords(self.lex.stop | self._titles | GLUED_VERBS, frozenset(self.lex.head_sizes_by_last_char))
        self._vocabulary = jieba_dictionary()
        # Known names, found in one automaton pass (as a longest-first alternation would find them).
        self._names = Phrases(sorted(self.lex.names, key=len, reverse=True))
        self._roles: Memo[tuple[str, str], str] = Memo()  # (word, tag) -> its role in a name, for all documents

    def __call__(self, doc: Doc) -> Doc:
        finder = _Finder(doc, self.lex, self.resources.segmenter, self._glue, self._vocabulary, self._roles,
                         self.resources.word_tags)
        candidates = finder.structural()
        candidates += finder.unit_chains()
        candidates += finder.communities()
        candidates += finder.embassies()
        candidates += finder.military_units()
        candidates += finder.known_names(self._names)
        candidates += finder.tagged_nt() if self.use_nt else finder.national_bodies()
        if self.learned is not None:
            candidates += finder.learned_spans(self.learned)
        candidates = _outside_furniture(doc, candidates)
        candidates = [c for c in candidates if not _inside_longer_quote(finder.fold, c.span)
                      and c.core not in self.lex.generic and not finder.conferred(c)]
        named, bare = _select(candidates)
        named = [part for c in named for known in _known_pair(c, self.lex)
                 for part in _delegation_and_body(finder.with_units(known), self.lex)]
        doc.institutions = _Resolver(doc, self.lex).resolve(named, bare)
        return doc


def _known_pair(cand: Candidate, lex: OrgLexicons) -> list[Candidate]:
    """中央纪委|国家监委: a party body and a state body (国家…) that the lexicon knows, written one
    after the other, are two bodies that share their offices, though the state body's head reads
    the party body as its name's body. (中共|中央政治局 is one body: the organ of its owner.)"""
    text = cand.text
    at = text.find(STATE, 2)
    while at > 0:
        if text[:at] in lex.names and text[at:] in lex.names:
            return [_part(cand, 0, at, lex), _part(cand, at, len(text), lex)]
        at = text.find(STATE, at + 1)
    return [cand]



def _part(cand: Candidate, start: int, end: int, lex: OrgLexicons) -> Candidate:
    """The stretch [start, end) of a candidate's text as a candidate of its own."""
    text = cand.text[start:end]
    head = lex.longest_head(text)
    places, core = lex.split_places(text)
    kind = lex.names.get(text) or (lex.heads[head].kind if head else cand.kind)
    span = Span(cand.span.start + start, cand.span.start + end)
    return replace(cand, span=span, text=text, kind=kind, head=head, core=core, places=tuple(places))


def _delegation_and_body(cand: Candidate, lex: OrgLexicons) -> list[Candidate]:
    """十二届全国人大五次会议新疆代表团: a delegation to a session is a body of its own (新疆代表团), and
    the body whose session it attends another (全国人大); the term and the session name neither."""
    match = SESSION_DELEGATION.fullmatch(cand.text)
    if match is None:
        return [cand]
    return [_part(cand, match.start(group), match.end(group), lex) for group in ("body", "delegation")]


def _outside_furniture(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Photo credits name bodies too (图片由…提供), so only bylines are skipped."""
    bylines = doc.meta.author_spans
    return [c for c in candidates if not any(c.span.overlaps(b) for b in bylines)]


def _inside_longer_quote(text: str, span: Span) -> bool:
    """“国务院政府特殊津贴”: a name inside a quoted title that goes on after it is part of the title."""
    return enclosing(text, span.start, span.end, "“", "”", MAX_TITLE_QUOTE) is not None and bool(
        HAN.match(text[span.end]))  # the title runs on (…政府特殊津贴), not a list (区教委—…)


def _select(candidates: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """Longest first, no overlaps (nested names keep the outer one); bare heads kept apart."""
    order = {"structure": 0, "name": 1, "nt": 2, "learned": 3}
    chosen: list[Candidate] = []
    taken: list[Span] = []
    named = [c for c in candidates if not c.bare]
    listed = {c.span: c.kind for c in named if c.source == "name"}
    for cand in sorted(named, key=lambda c: (-len(c.span), order[c.source], c.span.start)):
        if not any(cand.span.overlaps(t) for t in taken):
            if cand.span in listed:  # 中央政治局: the list's kind (party_org), not its head's (局: government)
                cand = replace(cand, kind=listed[cand.span])
            chosen.append(cand)
            taken.append(cand.span)
    bare = [c for c in candidates if c.bare and not any(c.span.overlaps(t) for t in taken)]
    return sorted(chosen, key=lambda c: c.span.start), sorted(bare, key=lambda c: c.span.start)


class _Finder:
    """Candidate names of one document."""

    def __init__(self, doc: Doc, lex: OrgLexicons, segmenter, glue: "_GlueWords",
                 vocabulary: Mapping[str, int], roles: Memo[tuple[str, str], str],
                 word_tags: Mapping[str, str]) -> None:
        self.vocabulary = vocabulary
        self.roles = roles
        self.doc = doc
        self.lex = lex
        self.segmenter = segmenter
        self.word_tags = word_tags  # a piece -> the segmenter's tag of it read alone, "" if it cuts it
        self.glue = glue
        self.tokens = doc.tokens
        self.fold = doc.fold or doc.text
        self.starts = _TokenIndex(self.tokens, attrgetter("start"))
        self.ends = _TokenIndex(self.tokens, attrgetter("end"))

    # --- head-anchored names -------------------------------------------------------------
    def structural(self) -> list[Candidate]:
        out = []
        sessions = SpanIndex(Span(*m.span()) for m in PLENARY.finditer(self.fold)) if "全会" in self.fold else None
        for head_start, head_end in self._head_spans():
            if self._bound_after(head_end) or self._system_after(head_end):
                continue
            if sessions is not None and sessions.covers(head_start, head_end):
                continue  # 十九届|二中|、三中全会: a plenary session, not a school (潼南一中)
            cand = self._extend(head_start, head_end)
            if cand is not None and self.lex.heads[cand.head].registered and not cand.bare:
                cand = self._trade_name(cand, head_start)
            if cand is not None and cand.places:
                cand = self._under_academy(cand)
            if cand is not None and not self._known_pair(cand.span.start, cand.span.end):
                out.append(self._whole_quote(cand))
        return out

    def _trade_name(self, cand: Candidate, head_start: int) -> Candidate | None:
        """新疆贝肯|能源工程股份有限公司, 中|石油东方…有限责任公司: a registered company's name holds its trade name
        before its line of business. A name of business words alone (能源工程股份有限公司) was cut where
        jieba guessed the trade name's pieces as anything (贝肯 nr, 达索 v, 中 f, 合 v), so those pieces go
        back into the name, with the places before them, up to the sentence's own word (的, 来到, 、).
        After a determiner (一家, 某) the company is left unnamed."""
        body = self.tokens[self._token_at(cand.span.start) : self._token_at(head_start)]
        if cand.places or any(t.pos.startswith(TRADE_NAME_TAGS) for t in body):
            return cand
        k = self.ends.get(cand.span.start)
        start, trade, placed = cand.span.start, 0, False
        while k is not None:
            tok = self.tokens[k]
            word = self.fold[tok.start : tok.end]
            if word in self.lex.determiners or word in UNNAMING:
                return None
            if not trade and (bracket := self._bracketed_place(k)) is not None:
                # 浩丰|（青岛）|食品有限公司: the seat in brackets comes after the trade name
                k = bracket - 1 if bracket > 0 and self.tokens[bracket - 1].end == self.tokens[bracket].start else None
                start = self.tokens[bracket].start
                continue
            if not HAN.match(word) or word in self.lex.stop or tok.pos.startswith(("u", "t")) or NUMERAL.match(word) \
                    or (len(word) > 1 and self._role(tok) == "bare_head") or self._sentence_verb(word, tok.pos):
                break
            if self.lex.is_place(word):
                placed = True
            elif placed:
                break  # the places open the name: 新疆|贝肯…
            else:
                trade += len(word)
                if trade > MAX_TRADE_NAME:
                    return cand
            start = tok.start
            k = k - 1 if k > 0 and self.tokens[k - 1].end == tok.start else None
        if not trade:
            return cand
        return self._widened(cand, start, cand.span.end)

    def _under_academy(self, cand: Candidate) -> Candidate:
        """中科院|国家天文台, 中科院|包头稀土研发中心, 南方电网|贵州电网公司: a body whose name begins with
        a place, right after a known academy, university or company, is that one's institute or branch,
        and the text names it so (the backward scan stops at the place: 江北区|教委 after any word is
        the district's)."""
        k = self.ends.get(cand.span.start)
        if k is None:
            return cand
        left = self.tokens[k]
        if self.lex.names.get(self.fold[left.start : left.end]) not in PARENT_KINDS:
            return cand
        return replace(self._widened(cand, left.start, cand.span.end), places=())

    def _widened(self, cand: Candidate, start: int, end: int) -> Candidate:
        """The candidate over [start, end), a stretch holding its span: what it gains either side is
        part of its core name too (a trade name, an academy, a campus, a unit)."""
        before, after = self.doc.text[start : cand.span.start], self.doc.text[cand.span.end : end]
        return replace(cand, span=Span(start, end), text=before + cand.text + after, core=before + cand.core + after)

    def _bracketed_place(self, k: int) -> int | None:
        """Index of the opening bracket when tokens k-2..k are （place）, else None."""
        if k < 2 or k >= len(self.tokens) or self.tokens[k].text not in "）)":
            return None
        inner, opening = self.tokens[k - 1], self.tokens[k - 2]
        if opening.text in "（(" and self.lex.is_place(inner.text):
            return k - 2
        return None

    def _sentence_verb(self, word: str, tag: str) -> bool:
        """来到, 成立, 打开: a common verb of two or more characters is the sentence's, where a rare
        one (达索, 中持) or a single character (合, 映) may be a piece of a trade name."""
        return tag == "v" and len(word) > 1 and self.vocabulary.get(word, 0) >= SENTENCE_VERB_FREQUENCY

    def _known_pair(self, start: int, end: int) -> bool:
        """中办国办: two known short forms of offices in a row (jieba's one nt word) are two bodies. Only
        two-character forms that end in a head: a longer known name may qualify the next (中共|中央党校,
        国务院|国资委 are one body each)."""
        if end - start != 4:  # (asked of every structural name: most are not four characters)
            return False
        names, heads = self.lex.names, self.lex.heads
        return all(self.fold[at : at + 2] in names and self.fold[at + 1] in heads for at in (start, start + 2))

    def _whole_quote(self, cand: Candidate) -> Candidate:
        """成立“东华苗木种植专业合作社”: a name the writer quoted whole, its head ending the quotation,
        runs from the opening mark, over words (种植 v) the structure alone would not take; not over a
        stop word or a 的, which make the quotation a slogan (“办人民满意的学校”)."""
        end = cand.span.end
        if cand.bare or self.fold[end : end + 1] != "”":
            return cand
        opening = self.fold.rfind("“", max(0, cand.span.start - MAX_QUOTED), cand.span.start)
        first = self.starts.get(opening + 1)
        if opening < 0 or opening + 1 == cand.span.start or first is None:
            return cand
        inner = self.fold[opening + 1 : end]
        if not HAN.match(inner) or "的" in inner:
            return cand
        k = first
        while k < len(self.tokens) and self.tokens[k].start < cand.span.start:
            if self._role(self.tokens[k]) == "stop":
                return cand
            k += 1
        span = Span(opening + 1, end)
        return Candidate(span, self.doc.text[span.start : end], cand.kind, cand.head, inner, ())

    def _bound_after(self, end: int) -> bool:
        """行动基地|校, 示范中心|校: a bound noun morpheme right after the head makes it a modifier of
        a compound (a 基地校 is a kind of school), not the end of a name; so does a lone 日 or 节,
        which ends the name of a day (国际博物馆|日)."""
        token = self.starts.token(end)
        return token is not None and ((token.pos == "ng" and len(token.text) == 1) or token.text in DAY_WORDS)

    def _system_after(self, end: int) -> bool:
        """坚持和完善人民代表大会|制度: a system named after a kind of body is no body."""
        token = self.starts.token(end)
        return token is not None and token.text in self.lex.systems

    def _head_spans(self) -> list[tuple[int, int]]:
        """Where a head word ends a name: at a token end, or inside a token whose rest is a title or
        function word (小学教师, 电大为 — jieba glued the next word on)."""
        # Hot: one pass per token of every document. A token's last character rules out most of
        # them before any slicing: it must end a head word, or a glued-on word. Then what the word
        # alone decides (which head lengths fit, where a glued-on word begins) is looked up per word.
        spans = []
        fold = self.fold
        head_ends = self.lex.head_sizes_by_last_char
        glue_ends = self.glue.sizes_by_last_char
        head_sizes_in_word = self.lex.head_sizes_in_word
        glued_after_head = self.glue.glued_after_head
        for index, token in enumerate(self.tokens):
            last = fold[token.end - 1]
            if last in head_ends:
                sizes = head_sizes_in_word[fold[token.start : token.end]]
                start = self._head_start(token, sizes) if sizes else None
                if start is not None:
                    spans.append((start, token.end))
            if last in glue_ends and token.end - token.start > 1:  # nothing is glued onto 的 alone
                glued = glued_after_head[fold[token.start : token.end]]
                if glued:  # most words end in no glued-on word, or in one after no head's last character
                    spans.extend(self._glued_heads(index, token, glued))
        return spans

    def _head_start(self, token: Token, sizes: tuple[int, ...] | None) -> int | None:
        """Where a head that ends `token` begins, if one does (`sizes`: head_sizes_in_word of its text)."""
        end = token.end
        fold = self.fold
        if sizes is None or token.text in self.lex.generic or token.pos == DIRECTION_TAG:
            return None  # (柬|西南部, 内部: a word of direction ends in 部 and names a part of a place)
        for size in sizes:
            start = end - size
            if start > token.start:  # the head ends a longer word: 北京大学, 教育部, 区委, 一中
                if size == 1 and not self._single_head_word(token, start, self.lex.heads[fold[start]]):
                    continue
                return start
            if start == token.start:
                if size == 1 and token.pos.startswith("v") and token.text == fold[start] and self._verb_follows(end):
                    continue  # 把人民日报|办|出新水平: 办 alone, tagged a verb, before a verb is the verb 'to run'
                if size == 1 and self._size_of_thing(token):
                    continue
                return start
            # the head begins before the token, where another token begins
            if start >= 0 and fold[start:end] in self.lex.heads and start in self.starts:
                return start
        return None

    def _size_of_thing(self, token: Token) -> bool:
        """黑木耳1|小|把: a numeral's one-character head alone before a classifier is a size, not a school."""
        after = self.starts.token(token.end)
        return after is not None and after.text in self.lex.classifiers \
            and token.text in self.lex.heads and self.lex.heads[token.text].bare == "numeral"

    def _listed(self, word: str) -> bool:
        """jieba's dictionary holds `word` as more than a filler entry (whose tag is a guess)."""
        return self.vocabulary.get(word, 0) > FILLER_FREQUENCY

    def _everyday(self, word: str) -> bool:
        return self.vocabulary.get(word, 0) >= EVERYDAY_FREQUENCY

    def _verb_follows(self, end: int) -> bool:
        token = self.starts.token(end)
        return token is not None and token.pos.startswith("v") and token.pos != "vn"

    def _glued_heads(self, index: int, token: Token, glued: tuple[int, ...]) -> list[tuple[int, int]]:
        """Heads that end where a word glued onto the end of the token begins (`glued`: the glued
        words' lengths, shortest first)."""
        glue_ends = [token.end - size for size in glued]  # rightmost first
        out = []
        for start in (token.start, *self._starts_before(index)):
            for end in glue_ends:  # longest head first
                # (a one-character head only before a glued verb: 局|驻; 部|长 is the title 部长)
                shortest = 1 if start == token.start and self.fold[end : token.end] in GLUED_VERBS else 2
                if shortest <= end - start <= self.lex.max_head and self.fold[start:end] in self.lex.heads:
                    out.append((start, end))
                    break
        if not out:  # 区委|书记, 市委|书记 in one word: a level and its head before the title
            for end in glue_ends:
                before = self.fold[token.start : end]
                start = self._head_start(Token(before, token.start, end, token.pos), self.lex.head_sizes_in_word[before])
                if start is not None and start > token.start:
                    out.append((start, end))
                    break
        return out

    def _starts_before(self, index: int) -> tuple[int, ...]:
        """Token starts of the two tokens before `index` (a head may begin there: 电|大为)."""
        return tuple(self.tokens[i].start for i in range(max(0, index - 2), index))

    def _single_head_word(self, token: Token, head_start: int, head: Head) -> bool:
        """干部, 全部, 格局 end in a head character but are ordinary words; 教育部, 区委 are names."""
        before = self.fold[token.start : head_start]
        if DIRECTIONS.issuperset(before):
            return False
        if token.pos.startswith("nt") and self._listed(token.text):
            return True  # jieba knows the whole word as an organisation (国税局)
        if self.lex.is_place(before) or self.lex.is_prefix(before):
            return True
        if token.pos.startswith("nt"):
            # a filler entry's nt (frequency 3) is a guess: 新格局 ends in the everyday word 格局,
            # 全国人大民委 does not
            return not self._everyday(self.fold[head_start - 1 : head_start + 1])
        if head.bare == "numeral":
            return bool(NUMERAL.match(before))
        if len(before) < 2:
            return False
        words = self.segmenter.tag(before)
        return len(words) == 1 and words[0].pos.startswith(NOUNISH)

    def _role(self, token: Token) -> str:
        """The role of the token's word in a name (stop, place, modifier, numeral, generic,
        bare_head, body, other): it depends on the word and its tag only, so each pair is judged once."""
        key = (self.fold[token.start : token.end], token.pos)
        role = self.roles.get(key)
        if role is None:
            role = self.roles.remember(key, self._word_role(*key))
        return role

    def _word_role(self, word: str, tag: str) -> str:
        if word in self.lex.stop or not HAN.match(word) or COUNTED.match(word) or REDUPLICATED.match(word) \
                or self._ends_in_verb(word) or self._predicate_phrase(word):
            return "stop"
        if self.lex.is_place(word) or self.lex.is_prefix(word):
            return "place"
        if word in self.lex.modifiers or _is_class_word(word):
            return "modifier"
        if NUMERAL.match(word):
            return "numeral"
        if (tag == "m" and not ORDINAL_TERM.match(word)) or COUNTED_GROUP.match(word):
            # 八大, 两所: a quantity, not a name (jieba tags 八大 j, as the party congress)
            return "modifier"
        if word in self.lex.generic:
            return "generic"
        if word in self.lex.heads:
            return "bare_head"
        if tag == "v" and self.lex.longest_head(word) in VERB_HEADS:
            return "stop"  # 国务院扶贫办|承办|全国政协: 承办, 举办 end in the head 办 but are verbs
        if self.lex.longest_head(word) or word in self.lex.names:
            return "body"
        if word in self.lex.name_words:
            return "body"
        if tag.startswith(NOUNISH):
            return "body"
        return "other"

    def _extend(self, head_start: int, end: int, depth: int = 0) -> Candidate | None:
        head = self.fold[head_start:end]
        parts: list[tuple[str, str, str]] = []  # (text, role, pos) right to left
        pos = head_start
        k = self.ends.get(pos)
        if k is None:  # the head begins inside a word: 北京|大学, 区|委, 一|中
            token = self.tokens[self._token_at(head_start)]
            inner = self.fold[token.start : head_start]
            if inner and inner[-1] in self.lex.stop and not self._ends_in_word(inner):
                return None  # 党和|政府 (one jieba word, tagged nt): a coordination, not a name
            parts.append((inner, self._inner_role(inner), token.pos))
            pos = token.start
            k = self.ends.get(pos)
            if k is not None and parts[-1][1] == "modifier" and self._qualifies_kind(inner, pos, self.tokens[k]):
                k = None  # 世界|一流大学: what kind of body, not a name
        if k is not None and not parts and self.fold[pos - 1] in NAME_CLOSE and len(head) >= 2:
            return self._quoted(head, pos, end)
        fields_at = None  # parts right of a field joiner (与), while the name has not yet reached an anchor
        memorial = self.lex.heads[head].memorial  # (a hall named after a person: see below)
        while k is not None and end - self.tokens[k].start <= MAX_NAME:
            tok = self.tokens[k]
            level = self._glued_level(k)
            if level:  # 由区|纪委, 从市|审计局: jieba glued a preposition onto the level before the head
                parts.append((level, "place", tok.pos))
                break
            role = self._role(tok)
            if role != "stop" and (self._post(tok, parts[-1] if parts else None) or self._counted_guess(k)):
                break
            if parts and role in ("body", "generic") and self._complete(parts[-1]) \
                    and (role == "generic" or self._common(tok)) and not self._after_place(k):
                break  # 会同|国务院港澳办, 年度|宁夏大学: a common word left of a whole name is the sentence's
            if role != "stop" and not (parts and parts[-1][0] in self.lex.relative) and self.fold[tok.end : end] not in self.lex.names \
                    and (first := self._name_after_place(k)) is not None:
                # (not before a level: 泾源|挂任|县委 — a body's own name does not precede 县, 市; nor
                # before a national body named in full: 江北区|获批|教育部)
                # 深圳|宝吉|工艺品厂, 香港|豪耀|物业集团, 浙江|特立|宙|动画…: a short word jieba does not
                # know, right after a place, is the body's proper name whatever tags jieba guessed for it
                pos = self.tokens[first].start
                parts.append((self.fold[pos : tok.end], "body", "nz"))
                k = first - 1
                continue
            if role in ("bare_head", "body", "generic") and self._place_begins(parts, tok):
                break
            if role == "bare_head":
                # a nested name (西南大学|教师教育学院, 重庆十八中|两江实验中学) is one piece of the body;
                # a head word alone (学院|充分利用…) ends the name on the left
                nested = self._extend(tok.start, tok.end, depth + 1) if depth < 2 else None
                if nested is None or nested.bare:
                    break
                parts.append((self.fold[nested.span.start : tok.end], "body", NESTED))
                pos = nested.span.start
                k = self.ends.get(pos)
                k = k if k is not None and end - self.tokens[k].start <= MAX_NAME else None
                continue
            if role == "stop" and fields_at is None and self._joins_fields(k, parts):
                # 世界经济|与|政治|研究所: tried on, kept only if the name reaches a body or place (below)
                fields_at = len(parts)
                parts.append((self.fold[tok.start : tok.end], "body", tok.pos))
                pos, k = tok.start, k - 1
                continue
            if role == "stop":
                joined = self._joined_portfolio(head_start, pos)
                if not joined:
                    break
                # 工业和信息化|厅: a department named after a ministry whose name joins two portfolios
                parts = [(joined, "body", "nz")]
                pos = head_start - len(joined)
                k = self.ends.get(pos)
                k = k if k is not None and end - self.tokens[k].start <= MAX_NAME else None
                continue
            if role != "stop" and (rest := self._after_glued_stop(tok)):
                parts.append((rest, "body", "nz"))  # 。据额勒赛|项目公司: jieba guessed 据 and a name as one word
                pos = tok.end - len(rest)
                break
            if role == "other" and memorial and tok.text in self.lex.known_people:
                role = "body"  # 周恩来|纪念馆: jieba tags 周恩来 t
            if role == "body" and self._guessed(tok.text, parts) and not self._opens_clause_as_proper(k) \
                    and not (tok.pos in PERSON_TAGS and memorial):
                break
            if role == "other":
                # an unknown word between a place and the head is part of the name (江北区培新小学校);
                # a function word or a verb there is the sentence's (山西|就|人大代表, 泾源|挂任|县委)
                prev = self.tokens[k - 1] if k > 0 else None
                if parts or self._function_word(tok) or not (
                        prev and prev.end == tok.start and self._role(prev) == "place" and len(tok.text) <= 2):
                    break
                role = "body"
            parts.append((self.fold[tok.start : tok.end], role, tok.pos))
            pos = tok.start
            k = k - 1 if k > 0 and self.tokens[k - 1].end == pos else None
            if role == "modifier" and k is not None and self._qualifies_kind(tok.text, tok.start, self.tokens[k]):
                break  # 韩庆波|所在部队, 世界|一流大学: which or what kind of body, not a name
        if k is not None and ORDINAL_TERM.match(self.tokens[k].text):  # 第六届|全国人大常委会
            tok = self.tokens[k]
            parts.append((self.fold[tok.start : tok.end], "ordinal", tok.pos))
            # the places the term's body belongs to (江西|南丰县|第十二届|人大常委会, 天津市|第十七届|人民政府)
            while k > 0 and self.tokens[k - 1].end == tok.start and self._role(self.tokens[k - 1]) == "place" \
                    and end - self.tokens[k - 1].start <= MAX_NAME:
                k -= 1
                tok = self.tokens[k]
                parts.append((self.fold[tok.start : tok.end], "place", tok.pos))
        if fields_at is not None and not self._fields_anchored(parts[fields_at + 1:], k, pos):
            del parts[fields_at:]  # 将幼儿园|与|幼师学院: no body or place left of the fields, so 与 is the sentence's
        parts.reverse()
        return self._judge(parts, head, end)

    def _fields_anchored(self, left: list[tuple[str, str, str]], k: int | None, pos: int) -> bool:
        """The name left of a field joiner holds a place or a nested body (美国|战略与国际问题研究中心), or
        ends right after a body's name (中国社会科学院|世界经济与政治研究所), which it is a part of."""
        if any(role == "place" or tag.startswith("nt") or self.lex.longest_head(text)  # (NESTED is nt:nested)
               for text, role, tag in left):
            return True
        if k is None or self.tokens[k].end != pos:
            return False
        tok = self.tokens[k]
        return bool(self.lex.longest_head(self.fold[tok.start : tok.end]))

    def _joins_fields(self, k: int, parts: list[tuple[str, str, str]]) -> bool:
        """Token `k` is a field joiner between two common nouns, with only common nouns right of it:
        世界经济|与|政治|研究所, not 公司|与|清华大学研究所 nor 经济学院|与|王亚南经济研究院."""
        tok = self.tokens[k]
        if self.fold[tok.start : tok.end] not in self.lex.field_joiners or not parts or k == 0:
            return False
        left = self.tokens[k - 1]
        return left.end == tok.start and all(self._field(*part) for part in parts) and self._field_token(left)

    def _field_token(self, token: Token) -> bool:
        return self._field(self.fold[token.start : token.end], self._role(token), token.pos)

    def _field(self, word: str, role: str, tag: str) -> bool:
        """A common noun that may name a field of study: no person's or place's name, nor a body's.
        Unlike `_common`, a word jieba tags nt or nz counts (it tags some fields nt: 信息科学)."""
        return role in ("body", "generic") and tag != NESTED and not tag.startswith(PERSON_OR_PLACE) \
            and not self.lex.longest_head(word) and word not in self.lex.names

    def _joined_portfolio(self, head_start: int, pos: int) -> str:
        """The two portfolios joined by 和 that end at the head and reach left past `pos`, as a
        ministry of the State Council joins them (工业和信息化部, 住房和城乡建设部: 工业和信息化厅 and
        林业和草原局 are a province's), else ""."""
        for portfolio in self.lex.portfolios:
            start = head_start - len(portfolio)
            if start < pos and self.fold.endswith(portfolio, 0, head_start) and self.ends.get(start) is not None:
                return portfolio
        return ""

    def _glued_level(self, k: int) -> str:
        """The level (区, 市, 县) at the end of the word `k` that jieba guessed from a function word and
        it (由区, 从市, 对县, 任乡), else "". A county it knows (和县) is the same where a body's name
        ends right before it: 市卫健委|和县|教育局 joins two bodies."""
        tok = self.tokens[k]
        word = self.fold[tok.start : tok.end]
        if len(word) != 2 or word[1] not in self.lex.relative or word[0] not in self.lex.stop:
            return ""
        if not self._listed(word):
            return word[1]
        before = self.tokens[k - 1] if k > 0 else None
        if before is not None and before.end == tok.start and len(before.text) > 1 \
                and self.lex.longest_head(self.fold[before.start : before.end]):
            return word[1]
        return ""

    def _predicate_phrase(self, word: str) -> bool:
        """建立健全, 重新部署, 高效廉洁: a phrase of jieba's filler entries (frequency 3, tags guessed) that
        begins with a verb, adverb or adjective (建立 v, 重新 a, 高效 a) is a predicate; a name's own
        verbs (保护协会: 保护) and nouns (行业协会, 培训基地: 培训 vn) are not."""
        if len(word) < 4 or self._listed(word) or self.lex.is_place(word):
            return False  # (雄安新区: a place the lexicon adds, whose 雄安 jieba tags an adjective)
        first = word[:2]
        if first in self.lex.name_words:
            return False
        tag = self.word_tags[first]
        return tag.startswith(PREDICATE_START) and tag not in ("vn", "an")

    def _ends_in_verb(self, word: str) -> bool:
        """充分发挥, 郑重宣布: a word that ends in a stop verb is a predicate, whatever jieba tags it."""
        return any(len(word) > size and word[-size:] in self.lex.stop for size in self.lex.stop_sizes)

    def _function_word(self, tok: Token) -> bool:
        """就, 对, 在: a word jieba knows as a function word (one it guessed may be a name)."""
        return tok.pos.startswith(FUNCTION_WORD) and self._listed(tok.text)

    def _post(self, tok: Token, right: tuple[str, str, str] | None = None) -> bool:
        """村党组织|书记|县级党委: a post a person holds, right before a level that begins another body,
        ends the name (联合国|秘书长|新闻办公室, 兵团|警官|高等专科学校 are one name); so does a post jieba
        glued to the next word (集团|总裁兼|科学博物馆)."""
        word = tok.text
        if word in self.lex.posts:
            return right is not None and right[1] == "place"
        return not self._listed(word) and any(
            word[:size] in self.lex.posts for size in range(2, min(len(word), 5)))

    def _counted_guess(self, k: int) -> bool:
        """24|个海丝|联盟: a word jieba guessed that begins with a classifier right after a number holds
        the count's classifier; the name cannot take it."""
        tok = self.tokens[k]
        return (tok.text[0] in CLASSIFIERS and len(tok.text) > 1 and self.vocabulary.get(tok.text, 0) == 0
                and k > 0 and self.tokens[k - 1].end == tok.start and bool(NUMERAL.match(self.tokens[k - 1].text)))

    def _complete(self, part: tuple[str, str, str]) -> bool:
        """A part that is a whole name of its own: a nested name, a known name, a body jieba's
        dictionary knows as an organisation (宁夏大学 nt), a level and its head (省委)."""
        word, _, tag = part
        if tag == NESTED or word in self.lex.names:
            return True
        if tag.startswith("nt") and self._listed(word) and self.lex.longest_head(word):
            return True  # (not a token's first part: 交易|中心 is one nt word, 交易 no name)
        places, rest = self.lex.split_places(word)
        return bool(places) and rest in self.lex.heads and not self.lex.heads[rest].weak

    def _after_place(self, k: int) -> bool:
        """中国|铁路|济南局…: a common word right after a place may name a parent body with it; after a
        session's number (全国人大|五次|会议|解放军代表团) it names the session a delegation attends."""
        if k == 0 or self.tokens[k - 1].end != self.tokens[k].start:
            return False
        before = self.tokens[k - 1]
        return self._role(before) == "place" or bool(SESSION.match(before.text))

    def _common(self, tok: Token) -> bool:
        """A common word: no place, prefix, proper name, known name, number or head word."""
        word = self.fold[tok.start : tok.end]
        return not (tok.pos.startswith(PROPER) or word in self.lex.names or self.lex.longest_head(word)
                    or self.lex.is_place(word) or self.lex.is_prefix(word) or NUMERAL.match(word)
                    or ORDINAL_TERM.match(word) or not HAN.match(word) or tok.pos.startswith("m"))

    def _qualifies_kind(self, word: str, start: int, left: Token) -> bool:
        """A determiner (该, 所在, 部分) begins the phrase; a quality (一流, 知名, 大) after a common word
        (世界|一流|大学, 人家|大|公司) says what kind of body, and the common word is the sentence's."""
        if left.end != start:
            return False
        if word in self.lex.determiners:
            return True
        if word not in self.lex.qualities:
            return False  # a class word narrows a name (兵团警官|高等|专科学校, 自治区|原|煤炭工业管理局)
        return self._role(left) in ("body", "generic") and self._common(left)

    def _name_after_place(self, k: int) -> int | None:
        """The index of the first word of a proper name that ends with word k and follows a place
        right before it: one word of 2-3 characters jieba does not know (宝吉), or two short words
        of 3-4 characters it does not know together, neither a function word, a place nor an everyday
        word (特立|宙), else None."""
        for first in (k, k - 1):
            if first < 1 or any(self.tokens[i].end != self.tokens[i + 1].start for i in range(first - 1, k)):
                return None
            word = self.fold[self.tokens[first].start : self.tokens[k].end]
            if not (2 if first == k else 3) <= len(word) <= (3 if first == k else 4):
                continue
            if self._listed(word) or word[0] in self.lex.stop or word in self.lex.modifiers:
                continue  # 北京|各大|商场: a determiner or quality is no proper name
            if first < k and (not HAN_WORD.fullmatch(word) or any(
                    self._everyday(self.tokens[i].text) or self.tokens[i].pos.startswith(("m", "q", "ns"))
                    or self.tokens[i].text in self.lex.heads
                    or self.word_tags[self.tokens[i].text].startswith(FUNCTION_START) for i in (first, k))):
                continue  # 尼泊尔|唯一|国有, 云南|总队|保山: everyday words and places are the sentence's
            prev = self.tokens[first - 1]
            if self._role(prev) == "place" and self.lex.is_place(self.fold[prev.start : prev.end]):
                return first
        return None

    def _place_begins(self, parts: list[tuple[str, str, str]], tok: Token) -> bool:
        """人民日报文艺部|山东成山橡胶集团: a name (or a common noun) found left of a place that has its own
        body before the head is another body, or the sentence's; a place right before the head names a
        branch (重庆市开放大学|北碚|学院)."""
        roles = [p[1] for p in parts]  # right to left
        word = self.fold[tok.start : tok.end]
        if len(parts) == 1 and parts[0][0] in self.lex.relative:  # 襄樊市委|市政府: two bodies
            return bool(self.lex.longest_head(word)) or word in self.lex.names
        if "place" not in roles or roles[0] == "place":
            return False
        if self.lex.is_place(word) or self.lex.is_prefix(word):
            return False  # 福建省|上杭县|…: places run on
        if tok.pos == DIRECTION_TAG and (parts[-1][1] == "place" or parts[-1][2].startswith("ns")):
            return False  # 东部|非洲|中国总商会: a part of the place named next (East Africa)
        # a common noun there is the sentence's (原告|南县新能综合经营部), a proper one may be the
        # name's (中国人民解放军|北京军区…)
        return bool(self.lex.longest_head(word)) or word in self.lex.names or not tok.pos.startswith(PROPER)

    def _guessed(self, word: str, parts: list) -> bool:
        """A word jieba guessed (被选为) carries a guessed tag: trust it only as the name's own first
        word right before the head (鲤鱼池小学, 培新小学校), and not even there when it begins with a
        function word. The dictionary's filler entries (frequency 3: 在京举行 n) are no better when
        they begin with one. A region the place lexicon lists (港珠澳, which jieba's dictionary lacks) is
        no guess."""
        frequency = self.vocabulary.get(word, 0)
        if frequency == 0 and parts and word not in self.lex.places:
            return True
        return frequency <= FILLER_FREQUENCY and word[0] in self.lex.stop

    def _after_glued_stop(self, tok: Token) -> str:
        """The rest of a word jieba does not know that begins with a one-character stop word (据额勒赛:
        据 + 额勒赛), when that rest is a proper name's length (2-4) and holds no stop word; else ""."""
        word = self.fold[tok.start : tok.end]
        rest = word[1:]
        if self.vocabulary.get(word, 0) or word[0] not in self.lex.stop or not 2 <= len(rest) <= 4:
            return ""
        if not self.lex.stop.isdisjoint(rest) or self._listed(rest) or not HAN_WORD.fullmatch(rest):
            return ""
        if rest[-1] in self.lex.relative:
            return ""  # 经开区: a place's own word (经济技术开发区), whose 经 is no preposition
        return rest

    def _opens_clause_as_proper(self, k: int) -> bool:
        """，漯阜|铁路|公司, ”富力|地产|重庆公司: a guessed word tagged a place or proper noun, or a
        noun whose first character is no function word (not 后|调, 对|标, 并|报), with a punctuation
        mark before it, can only be the name's first word (the sentence's words cannot be further left)."""
        tok = self.tokens[k]
        if not (k > 0 and self.tokens[k - 1].pos == "x" and self.fold[self.tokens[k - 1].start : tok.start] in CLAUSE_OPENERS):
            return False
        word = tok.text
        return tok.pos.startswith(("ns", "nz")) or (
            tok.pos == "n" and not self.word_tags[word[0]].startswith(FUNCTION_START)
            and self.lex.stop.isdisjoint(word) and word[-1] not in self.lex.relative)  # not 信是, 距镇

    def _quoted(self, head: str, close: int, end: int) -> Candidate | None:
        """“幸福工程”组委会, “教育协同创新”工作室, 《财富》杂志: a quoted or titled name right before the
        head is its body, the marks included; the marks make it a name, so a weak head needs no more."""
        opening = self.fold.rfind(NAME_OPEN[NAME_CLOSE.index(self.fold[close - 1])], max(0, close - MAX_QUOTED - 1), close)
        if opening < 0 or close - opening - 2 < 2 or not HAN.match(self.fold[opening + 1 : close - 1]):
            return None
        inside = self.starts.get(opening + 1)
        if inside is not None and self.tokens[inside].end == close - 1 \
                and self.tokens[inside].pos.startswith(LEADING_PREDICATE):
            return None  # “买通”保险公司, “先进”党支部: a quoted verb or quality, not a name
        span = Span(opening, end)
        text = self.doc.text[span.start : span.end]
        return Candidate(span, text, self.lex.heads[head].kind, head, self.fold[opening:end], ())

    def _token_at(self, pos: int) -> int:
        """Index of the token holding position `pos`."""
        return bisect_right(self.tokens, pos, key=lambda t: t.end)

    def _ends_in_word(self, inner: str) -> bool:
        """A dictionary word of two characters or more ends `inner` (北京|协和: 和 is no conjunction there)."""
        return any(inner[i:] in self.vocabulary for i in range(len(inner) - 1))

    def _inner_role(self, inner: str) -> str:
        if self.lex.is_place(inner) or self.lex.is_prefix(inner):
            return "place"
        if NUMERAL.match(inner):
            return "numeral"
        if inner in self.lex.modifiers or _is_class_word(inner):
            return "modifier"
        if inner in self.lex.generic:
            return "generic"
        return "body"

    def _judge(self, parts: list[tuple[str, str, str]], head: str, end: int) -> Candidate | None:
        info = self.lex.heads[head]
        size = len(head) + sum(len(p[0]) for p in parts)
        span = Span(end - size, end)
        ordinal = parts.pop(0)[0] if parts and parts[0][1] == "ordinal" else ""
        parts = _trim_front(parts, info)
        places = []
        while parts and parts[0][1] == "place":
            places.append(parts.pop(0)[0])
        trimmed = _trim_front(parts, info)
        if len(trimmed) < len(parts):  # 陕西省原|民政厅: the name begins after the qualifier
            places = []
        parts = trimmed
        places = self._place_chain(places)
        if places and self._subject_verb(parts):
            places, parts = [], parts[1:]  # 广东|建设|港澳子弟学校: the place builds; the name is the object
        if not places:  # 建设学校, 充分利用党委: a verb in front is the predicate, not the name
            while parts and parts[0][2].startswith(LEADING_PREDICATE):
                parts.pop(0)
        body = parts
        body_text = "".join(p[0] for p in body)
        name_size = len(head) + len(body_text) + len("".join(places))
        span = Span(end - name_size - (len(ordinal) if name_size == size - len(ordinal) else 0), end)
        text = self.doc.text[span.start : span.end]
        core = body_text + head
        real_place = any(self.lex.is_place(p) for p in places)
        if not body:
            if not places and not (ordinal and info.bare == "any" and self._ordinal_stands(span.start, ordinal)):
                # 第五届|人大, 八届|人大 name one body; 新一届|人大 does not
                return Candidate(span, text, info.kind, head, core, (), bare=True)
            if not (info.bare == "any" or (info.bare == "place" and real_place)):
                return None
            if info.kind == "school" and self._whole_region(places[-1]):
                return None  # 重庆市|小学道德与法治优质课: the schools of a province or city, not one school
            kind = info.bare_kind
        else:
            if not self._body_names(body, info, real_place, self._head_splits_word(end)):
                return None
            if head in VERB_HEADS and body[-1][2] in PERSON_TAGS and len(body[-1][0]) == 3:
                return None  # 董事长王立滨|办纪录片节: after a full personal name, 办 is a verb
            if not places and self._described(span.start, body):
                return None
            kind = (self._nested_kind(body) if info.weak else "") or info.kind
        if text.startswith("中共"):
            kind = "party_org"
        return Candidate(span, text, kind, head, core, tuple(places))

    def _nested_kind(self, body: list[tuple[str, str, str]]) -> str:
        """A weak head after a body's own name (内蒙古博物院|社会教育部, 中国气象局|人工影响天气中心) names a
        part of that body, of its kind: a museum's department is no government office. (A word that
        ends in a one-character head names a body only if that head is no area's or part's: 地|区,
        中西|部 are places.)"""
        head = next((found for part in reversed(body) if (found := self.lex.longest_head(part[0]))
                     and (len(found) > 1 or found in BODY_CHARACTERS)), "")
        return self.lex.heads[head].kind if head else ""

    def _place_chain(self, places: list[str]) -> list[str]:
        """新建|香港|故宫文化博物馆: places in a name go from large to small (福建省|上杭县); a county's
        short form (新建, also the verb 'newly built') before a province or country is no place of it."""
        while len(places) > 1 and self.lex.place_level.get(places[0]) == "county" and places[0] not in self.lex.relative \
                and self.lex.place_level.get(places[1]) in ("province", "country"):
            places = places[1:]
        return places

    def _subject_verb(self, parts: list[tuple[str, str, str]]) -> bool:
        """深圳|建设|全球|海洋|中心, 澳门|建设|中葡|双语|人才|培训基地: a verb right after a place, followed by
        a body of its own with a proper name in it, makes the place the subject and the rest the object
        (中国|建设|银行, 上海|建设|交通|委员会 are one name: no proper name after the verb)."""
        if len(parts) < 2 or not parts[0][2].startswith("v"):
            return False
        return any(p[2].startswith(PROPER) and p[1] != "generic" for p in parts[1:])

    def _ordinal_stands(self, start: int, ordinal: str) -> bool:
        """八届 counts terms; after 新, 本, 这, 同 … (新一届, 这一届) it only says which, and 一届 without 第
        is 'a term' (一届又一届, 新的一届)."""
        if ordinal.startswith("一"):
            return False
        return start == 0 or self.fold[start - 1] not in TERM_DETERMINERS

    def _whole_region(self, place: str) -> bool:
        """A province or prefecture written in full (重庆市, 四川省, 绵阳市): no one school is named by
        it alone (重庆市小学 are the city's primary schools; 重庆市开放大学 is a university)."""
        return place[-1] in "省市" and self.lex.place_level.get(place) in ("province", "prefecture")

    def _described(self, start: int, body: list[tuple[str, str, str]]) -> bool:
        """一家服装厂, 一些空调厂, 他的软件公司, 该集团公司: after a quantity, a determiner, 有 or 的, a body of
        common nouns only (no proper name, no place) describes a kind of body; it names none. A word
        jieba does not really know (我们的四通利方公司) is taken for a name, unless it is two everyday
        common nouns (一家服装辅料公司: 服装 + 辅料, a filler entry)."""
        index = self.ends.get(start)
        if index is None or any(p[2].startswith(PROPER) or not (self._listed(p[0]) or self._common_compound(p[0]))
                                for p in body):
            return False
        word = self.tokens[index].text
        return word in INDEFINITE or word in self.lex.determiners or bool(COUNTED.match(word))

    def _common_compound(self, word: str) -> bool:
        """`word` splits into two words jieba's dictionary lists as common nouns (服装|辅料; not 四通|利方)."""
        for cut in range(2, len(word) - 1):
            pieces = [self.segmenter.tag(part) for part in (word[:cut], word[cut:])]
            if all(len(p) == 1 and p[0].pos in PLAIN_NOUN_TAGS and self._listed(p[0].text) for p in pieces):
                return True
        return False

    def _body_names(self, body: list[tuple[str, str, str]], info: Head, real_place: bool,
                    split: bool = False) -> bool:
        """Does the body name something, or only describe it (试点学校, 13部, 中小学)?"""
        roles = [p[1] for p in body]
        if all(r == "generic" for r in roles):
            return False
        if info.bare == "numeral":
            return roles[-1] == "numeral"
        if roles[-1] == "numeral" and not body[-1][0].startswith("第"):
            return False  # 专著13部, 3所学校
        if all(r == "numeral" for r in roles) and not real_place:
            return False
        body_len = sum(len(p[0]) for p in body)
        # a personal name jieba guessed, alone before a room's head, is whose room it is (王波|办公室)
        alone = len(body) == 1 and info.room
        proper = any(p[2].startswith(PROPER) and p[1] != "generic"
                     and not ((split or alone) and self._guessed_person(p)) for p in body)
        if body_len < 2 and not real_place:
            return False
        if info.weak:
            return real_place or proper
        return True

    def _head_splits_word(self, end: int) -> bool:
        """刘宝|中心|中: the head's last character and the next one make an everyday word (心中)."""
        return self._everyday(self.fold[end - 1 : end + 1])

    def _guessed_person(self, part: tuple[str, str, str]) -> bool:
        """刘宝|中心|中的火: a personal name jieba guessed (not in its dictionary), before a head whose last
        character begins an everyday word, has lost its own last character to the head (刘宝中|心中):
        it is no proper name of a body (华助|中心|等 is one)."""
        return part[2].startswith("nr") and not self._listed(part[0])

    # --- parts of a body: 北京大学|化学系, 法院|少年刑事审判庭, 铁道部|十六局 ----------------------------
    def with_units(self, cand: Candidate) -> Candidate:
        """A department, office or squad named right after a body is what the text names: the name
        goes on over a few nouns or a number up to a head word (北京舞蹈学院|民间舞蹈|系, 审判庭, 25队),
        or over a word jieba knows as an organisation (湖北美术学院|中国画系, 团中央|书记处)."""
        if cand.kind == "university" and (index := self.starts.get(cand.span.end)) is not None \
                and self._bracketed_place(index + 2) == index:
            # 中国地质大学|（武汉）: a university's campus in brackets is part of its name
            cand = self._widened(cand, cand.span.start, self.tokens[index + 2].end)
        for _ in range(3):  # 南京艺术学院|美术系|研究生班
            end = self._unit_end(cand.span.end)
            if end is None:
                break
            cand = self._widened(cand, cand.span.start, end)
        return cand

    def _unit_end(self, start: int) -> int | None:
        index = self.starts.get(start)
        if index is None:
            return None
        first = self.tokens[index]
        if first.pos.startswith("nt") and len(first.text) >= 2 \
                and (self.lex.unit_head(first.text) or self.lex.longest_head(first.text)):
            return first.end  # (jieba tags some words nt that end in no head: 国际化)
        piece = 0  # tokens taken
        placed = False  # a place begins the stretch: only a branch may follow (中国银行|上海|分行)
        for token in self.tokens[index : index + MAX_UNIT_TOKENS]:
            word = self.fold[token.start : token.end]
            if token.start != (self.tokens[index + piece - 1].end if piece else start):
                return None
            end = self._unit_in(word, token, piece, placed)
            if end is not None:
                return token.start + end
            if not piece and self.lex.is_place(word):
                placed = True
                piece += 1
                continue
            if piece and word in self.lex.field_joiners and not placed and self._field_token(self.tokens[index + piece - 1]):
                piece += 1  # 北京大学|卫生政策|与|管理系: two fields joined in the part's name
                continue
            numeral = NUMERAL.match(word) or word.isdigit()
            if not (numeral or (token.pos.startswith(NOUNISH) and self._role(token) == "body")) \
                    or self._new_body(word) or word in self.lex.generic or word in self.lex.stop \
                    or word in self.lex.posts or self._post(token) \
                    or self._guessed(word, []):
                return None  # 原|经理: a title ends the stretch
            piece += 1
        return None

    def _unit_in(self, word: str, token: Token, piece: int, placed: bool) -> int | None:
        """Where in `word` (the piece's last token) a unit head ends, if one does: at its end, or
        before a glued-on title or function word (部|等, 系|主任)."""
        # an everyday word is no head with a word glued on (所在, 所属, 处在: 所 and 处 are no units there)
        ends = [len(word)] + ([] if self._everyday(word) else [len(word) - size for size in self.glue.glued_sizes[word]])
        for end in ends:
            head = self.lex.unit_head(word[:end]) or (word[end - 1] if self._short_office(word[:end], token, piece)
                                                         else "")
            if not head or word[:end] in self.lex.generic or self._new_body(word[:end]):
                continue
            if placed and not head.startswith(BRANCH):
                continue  # 人民日报文艺部|山东成山橡胶集团: a place begins another body
            if end == len(head) and not piece and not self._office(head):
                continue  # a head alone is no part's name (北京大学|系…), but an office is (学院|党委, 区委|办公室)
            if token.pos.startswith(("m", "d")) and end == len(word):
                continue  # 四处, 到处: adverbs of place
            if len(head) == 1 and (0 < end - 1 < 2 or (token.pos.startswith("nr") and len(word) > 1)) \
                    and not self._short_office(word[:end], token, piece):
                continue  # 联系, 地处, 邓金科: a one-character head ending another word (a lone 司 tagged nr is jieba's guess)
            if len(head) == 1 and end == 1 and not piece:
                continue
            if len(head) == 1 and end == 1 and self._counted(token):
                continue  # 学校|40|所, 设置|3|处: a count of bodies or places, not a part's number
            return end
        return None

    def _counted(self, token: Token) -> bool:
        """Is the token right before `token` a number in digits (40, 903)? Parts are numbered in
        words (监督执法一处, 二处); a one-character head after digits is a classifier."""
        index = self.starts.get(token.start)
        return index is not None and index > 0 and self.tokens[index - 1].text.isdigit()

    def _short_office(self, word: str, token: Token, piece: int) -> bool:
        """人大|民委, 市委|宣传部|…: a two-character dictionary word ending in a strong government or
        party head (委, 局, 厅, 署) right after a body is one of its offices."""
        info = self.lex.heads.get(word[-1])
        return (not piece and len(word) == 2 and word == token.text and token.pos.startswith(NOUNISH)
                and info is not None and not info.weak
                and info.kind in ("party_org", "government") and word not in self.glue.words
                and self._listed(word))

    def _office(self, head: str) -> bool:
        info = self.lex.heads.get(head)
        return len(head) >= 2 and (head in self.lex.units or (info is not None and info.kind in ("party_org", "government")))

    def _new_body(self, word: str) -> bool:
        """山东|…, 市政府: a place or a level begins another body, not a part of this one."""
        places, _ = self.lex.split_places(word)
        return bool(places) or self.lex.is_place(word)

    # --- other sources ---------------------------------------------------------------------
    def conferred(self, cand: Candidate) -> bool:
        """确定为|重庆市智慧校园建设示范学校: a structural name right after a verb that confers a title is
        the title (an honour a body receives), not a body; so is one quoted after it (摘得|“…航空公司”)."""
        start = cand.span.start - (self.fold[cand.span.start - 1 : cand.span.start] == "“")
        return cand.source == "structure" and self.fold.endswith(self.lex.honour_verbs, 0, start)

    def _straddled_by_word(self, end: int) -> bool:
        """A token runs across `end` and is not a title or function word (部长, 为), nor ends in one
        right from `end` (银行|行长, jieba's one word 银行行长)."""
        if end in self.ends or end >= len(self.fold):
            return False
        token = self.tokens[self._token_at(end - 1)]
        return (token.start < end < token.end and token.text not in self.glue.words
                and self.fold[end : token.end] not in self.glue.words)

    def _in_known_pair(self, start: int, end: int) -> bool:
        """The name is one half of a word of two known short forms (中办|国办, `_known_pair`)."""
        token = self.tokens[self._token_at(start)]
        return token.end >= end and self._known_pair(token.start, token.end) and (
            token.start == start or token.end == end)

    def known_names(self, names: Phrases) -> list[Candidate]:
        out = []
        for start, end, word in names.finditer(self.fold):
            # a short name must be a whole word, and no name may end inside one (文化部|门; 教育部|长 is
            # fine, 部长 is a title): but half of jieba's one word for two known short forms is a name
            if ((len(word) <= 2 and not (start in self.starts and end in self.ends)) or self._straddled_by_word(end)) \
                    and not self._in_known_pair(start, end):
                continue
            if self._word_before(start)[1] in LEVEL_CLASSES:
                continue
            country = self._country_before(start)
            start -= len(country)  # 美国|国务院 is America's, not China's State Council
            national = "" if country else self._national_before(start)
            start -= len(national)  # 国家|工信部, 中国证监会 (one nt word): the name as written
            kind, head = self.lex.names[word], self.lex.longest_head(word)
            tail = self._company_head_at(end)
            if tail:  # 中国一重|集团, 首钢|集团公司: a company known by its brand, named in full
                word, end, kind, head = word + tail, end + len(tail), "company", tail
            out.append(Candidate(Span(start, end), self.doc.text[start:end], kind, head, country + national + word,
                                 (country,) if country else (), source="name"))
        return out

    def _company_head_at(self, pos: int) -> str:
        """The company head words (集团, 有限公司; 集团|有限公司 in a row) that start at `pos`, each the
        longest strong one there that ends where a segmenter's word ends, else ""."""
        end = pos
        while True:
            for size in range(min(self.lex.max_head, len(self.fold) - end), 1, -1):
                head = self.lex.heads.get(self.fold[end : end + size])
                if head is not None and head.kind == "company" and not head.weak and self.ends.get(end + size) is not None:
                    end += size
                    break
            else:
                return self.fold[pos:end]

    def _word_before(self, start: int) -> tuple[int, str]:
        """The index of the word holding the character before `start`, and that word's part up to
        `start` (jieba may hold a prefix and the name in one word: 美国国务院, 中国证监会 nt); (-1, "")
        at the text's start."""
        if start == 0:
            return -1, ""
        index = self._token_at(start - 1)
        return index, self.fold[self.tokens[index].start : start]

    def _country_before(self, start: int) -> str:
        """The foreign country written right before `start` (美国|国务院, 美国国务院 nt), else ""."""
        word = self._word_before(start)[1]
        return word if self.lex.place_level.get(word) == "country" and word not in CHINA else ""

    def _national_before(self, start: int) -> str:
        """The national prefix (国家, 中国, 中央) written right before `start` (国家|工信部, 中国证监会
        nt), else "": not the end of a longer word (党中央|国务院), nor a country after a noun that
        makes it some countries (金砖|国家|新开发银行)."""
        index, word = self._word_before(start)
        if word not in self.lex.national or word in self.lex.names:
            return ""
        token = self.tokens[index]
        before = self.tokens[index - 1] if index > 0 else None
        if before is not None and before.end == token.start and before.pos.startswith(NOUNISH) and HAN.match(before.text):
            return ""
        return word

    def unit_chains(self) -> list[Candidate]:
        """重庆市|沙坪坝区|石井坡街道|团结坝社区|党委: the body of a community or village named by the
        whole chain of units above it, from the leftmost place the lexicon knows that begins a word."""
        out = []
        for match in self.lex.local_body.finditer(self.fold):
            units_end = match.start("head")
            for pos in range(max(0, units_end - MAX_CHAIN), units_end - 4):
                if pos in self.starts and self._place_at(pos) and ADMIN_CHAIN.fullmatch(self.fold, pos, units_end):
                    head = match.group("head")
                    out.append(self._outside_candidate(Span(pos, match.end()), self.lex.heads[head].kind, head,
                                                       "structure"))
                    break
        return out

    def communities(self) -> list[Candidate]:
        """江西省高安市|筠阳街道|筠泉社区: an urban community named with the chain of units above it,
        down to its street or town, is a body of its own (its residents' committee); one followed by
        its party or government body's head is that body (`unit_chains`), one with no known place
        opening the chain is left to read as a place."""
        out = []
        at = self.fold.find(COMMUNITY)
        while at >= 0:
            end = at + len(COMMUNITY)
            if not self._head_starts_at(end):
                for pos in range(max(0, end - MAX_CHAIN), at - 4):
                    if pos in self.starts and self._place_at(pos) and ADMIN_CHAIN.fullmatch(self.fold, pos, end) \
                            and STREET_BEFORE_COMMUNITY.search(self.fold, pos, end):
                        out.append(self._outside_candidate(Span(pos, end), "other", COMMUNITY, "structure"))
                        break
            at = self.fold.find(COMMUNITY, end)
        return out

    def _head_starts_at(self, pos: int) -> bool:
        return any(self.fold[pos : pos + size] in self.lex.heads for size in range(1, self.lex.max_head + 1))

    def embassies(self) -> list[Candidate]:
        """中国|驻埃及大使馆, 伊朗|驻华大使馆: a country's mission, with the sending country when named."""
        out, fold = [], self.fold
        at = fold.find("驻")
        while at >= 0:
            m = self.lex.embassy.match(fold, at)
            if m:
                sender = next((c for c in ("中国", *self.lex.abroad) if fold.endswith(c, 0, at)), "")
                out.append(self._outside_candidate(Span(at - len(sender), m.end()), "government", m.group("head"),
                                                   "structure"))
            at = fold.find("驻", at + 1)
        return out

    def military_units(self) -> list[Candidate]:
        """中部战区陆军某师, 第83集团军某旅, 红3军团 (see military.py)."""
        units = MilitaryUnits(self.fold, self.tokens, self.starts, self.ends, self.lex.military)
        return [self._outside_candidate(span, "other", head, "structure") for span, head in units.find()]

    def _place_at(self, pos: int) -> bool:
        return any(self.fold[pos : pos + size] in self.lex.places for size in (2, 3, 4, 5))

    def national_bodies(self) -> list[Candidate]:
        """国家博物馆, 国家图书馆: a national prefix and a head that needs a place, one word that jieba's
        dictionary lists as an organisation's name (nt). The scan by head takes 国家 for no place."""
        out = []
        for match in self.lex.national_head.finditer(self.fold):
            token = self.starts.token(match.start())
            if token is not None and token.end == match.end() and token.pos == NT_TAG and self._listed(token.text):
                head = match.group("head")
                out.append(self._outside_candidate(Span(token.start, token.end), self.lex.heads[head].kind, head, "nt"))
        return out

    def tagged_nt(self) -> list[Candidate]:
        """Words jieba tags nt (organisations); loose, so only where asked for (`use_nt`)."""
        out = []
        for token in self.tokens:
            if not token.pos.startswith(NT_TAG) or len(token.text) < 2:
                continue
            head = self.lex.longest_head(token.text)
            if head == token.text:  # 党委, 学院 alone
                continue
            if token.text[-1] not in self.lex.head_ends:  # 儿童文学, 中华文化: jieba's nt is loose
                continue
            kind = self.lex.heads[head].kind if head else "other"
            out.append(self._outside_candidate(Span(token.start, token.end), kind, head, "nt"))
        return out

    def learned_spans(self, tagger: Callable[[str], list[tuple[int, int, str]]]) -> list[Candidate]:
        out = []
        for start, end, label in tagger(self.doc.text):
            if label != "ORG":
                continue
            start = self._after_stop_words(start, end)
            if end - start < 2:
                continue
            word = self.fold[start:end]
            head = self.lex.longest_head(word)
            if word in self.lex.generic or (head == word and word not in self.lex.names):
                continue  # 学院, 中小学: the tagger marks class words too
            if not (word[-1] in self.lex.head_ends or word in self.lex.names or len(word) >= LEARNED_MIN):
                continue  # short headless spans (brands, clipped names) are the tagger's weakest
            kind = self.lex.heads[head].kind if head else "other"
            out.append(self._outside_candidate(Span(start, end), kind, head, "learned"))
        return out

    def _after_stop_words(self, start: int, end: int) -> int:
        """Where a span the tagger marked begins once the words of the sentence in it are cut off:
        the start of the word after the last stop word inside (江苏|出台|博物馆 -> 博物馆), the
        scan by head (`_extend`) never running past one either."""
        index = self.starts.get(start)
        cut = start
        while index is not None and index < len(self.tokens) and self.tokens[index].end < end:
            token = self.tokens[index]
            if self.fold[token.start : token.end] in self.lex.stop:
                cut = token.end
            index += 1
        return cut

    def _outside_candidate(self, span: Span, kind: str, head: str, source: str) -> Candidate:
        text = self.doc.text[span.start : span.end]
        places, core = self.lex.split_places(self.fold[span.start : span.end])
        return Candidate(span, text, kind, head, core, tuple(places), source=source)


class _TokenIndex:
    """position -> index of the token that starts (or ends) there, the last one if several do, else
    None. A bisection over the tokens (they are in text order): an article asks a few dozen times,
    and a dict of all its thousands of tokens cost more to build than all the asking."""

    def __init__(self, tokens: list[Token], key: Callable[[Token], int]) -> None:
        self.tokens = tokens
        self.key = key

    def get(self, pos: int) -> int | None:
        index = bisect_right(self.tokens, pos, key=self.key) - 1
        return index if index >= 0 and self.key(self.tokens[index]) == pos else None

    def __contains__(self, pos: int) -> bool:
        return self.get(pos) is not None

    def token(self, pos: int) -> Token | None:
        """The token that starts (or ends) at `pos`, or None."""
        index = self.get(pos)
        return None if index is None else self.tokens[index]


class _Resolver:
    """Group candidates into bodies: definitions, short forms, one-body statements, bare heads."""

    def __init__(self, doc: Doc, lex: OrgLexicons) -> None:
        self.doc = doc
        self.lex = lex
        self.fold = doc.fold or doc.text
        self.may_define = "称" in self.fold  # every DEFINITION holds it (简称, 统称, 称)
        self.defined_after: dict[str, frozenset[str]] = {}  # full name -> _aliases_defined_after (cache)

    def resolve(self, named: list[Candidate], bare: list[Candidate]) -> list[InstitutionFinding]:
        named = named + self._defined_aliases(named)
        clusters: list[Cluster] = []
        owner: dict[str, Cluster] = {}
        for cand in sorted(named, key=lambda c: -len(c.text)):
            cluster = owner.get(cand.text) or self._matching_cluster(cand, clusters)
            if cluster is None:
                cluster = Cluster()
                clusters.append(cluster)
            cluster.add(cand)
            owner[cand.text] = cluster
        clusters = self._merge_one_body(clusters)
        self._attach_bare(clusters, bare)
        return [self._finding(c) for c in sorted(clusters, key=lambda c: min(c.mentions))]

    def _finding(self, cluster: Cluster) -> InstitutionFinding:
        canonical = cluster.canonical
        return InstitutionFinding(
            canonical=canonical,
            kind=cluster.kinds[canonical],
            mentions=sorted(set(cluster.mentions)),
            aliases=list(cluster.names),
        )

    # --- explicit definitions: （以下简称华东师大基教所） ---------------------------------------
    def _defined_aliases(self, named: list[Candidate]) -> list[Candidate]:
        """Occurrences of defined short names; the pieces of them found alone (华东师大) give way."""
        out: list[Candidate] = []
        for cand in list(named):
            match = DEFINITION.match(self.fold, cand.span.end, cand.span.end + 24)
            if not match or match.group(1) == cand.text:
                continue
            alias = match.group(1)
            for occ in regex.finditer(regex.escape(alias), self.fold):
                span = Span(*occ.span())
                if any(span.overlaps(c.span) and not span.contains(c.span) for c in named):
                    continue  # part of a longer name
                named[:] = [c for c in named if not span.contains(c.span)]
                places, core = self.lex.split_places(alias)
                out.append(Candidate(span, self.doc.text[span.start:span.end], cand.kind, cand.head,
                                     core, tuple(places), source="alias"))
        return out

    def _matching_cluster(self, cand: Candidate, clusters: list[Cluster]) -> Cluster | None:
        for cluster in clusters:
            if any(self._same_body(cand, name) for name in cluster.names):
                return cluster
        return None

    def _same_body(self, short: Candidate, full: str) -> bool:
        """Is `short` a shorter way of writing `full` (same article)?"""
        if short.text == full:
            return True
        if self._defined_pair(short.text, full):
            return True
        if short.text[-1] != full[-1]:
            return False
        full_places, full_core = self.lex.split_places(full)
        short_places, short_core = list(short.places), short.core
        if not self._places_compatible(short_places, full_places):
            return False
        if short_core == full_core:
            return True
        if len(short_core) < 3 and short_core != full_core:
            return False
        if not _is_subsequence(short_core, full_core):
            return False
        return self._heads_compatible(short.head, self.lex.longest_head(full))

    def _defined_pair(self, alias: str, full: str) -> bool:
        aliases = self.defined_after.get(full)
        if aliases is None:
            aliases = self.defined_after[full] = self._aliases_defined_after(full)
        return alias in aliases

    def _aliases_defined_after(self, full: str) -> frozenset[str]:
        """The short names defined right after an occurrence of `full` (…（以下简称…）)."""
        if not self.may_define:
            return frozenset()
        aliases = set()
        start = 0
        while (start := self.fold.find(full, start)) >= 0:
            match = DEFINITION.match(self.fold, start + len(full), start + len(full) + 24)
            if match:
                aliases.add(match.group(1))
            start += 1
        return frozenset(aliases)

    def _places_compatible(self, short: list[str], full: list[str]) -> bool:
        """北碚 ~ 北碚区; 区 ~ 潼南区; 巴南区 ~ 重庆市巴南区; no place ~ any place."""
        for place in short:
            if place in self.lex.relative:
                if not any(p.endswith(place[-1]) or p == place for p in full):
                    return False
            elif not any(p == place or p.startswith(place) or place.startswith(p) for p in full):
                return False
        return True

    @staticmethod
    def _heads_compatible(short_head: str, full_head: str) -> bool:
        if not short_head or not full_head:
            return True
        return short_head == full_head or _is_subsequence(short_head, full_head) or full_head.endswith(short_head)

    # --- "三块牌子，一套班子" ------------------------------------------------------------------
    def _merge_one_body(self, clusters: list[Cluster]) -> list[Cluster]:
        for match in ONE_BODY.finditer(self.fold):
            scope = self._statement_scope(match.start())
            inside = [c for c in clusters if any(scope.contains(m) for m in c.mentions)]
            if len(inside) < 2:
                continue
            keep = inside[0]
            for other in inside[1:]:
                for name in other.names:
                    if name not in keep.names:
                        keep.names.append(name)
                        keep.kinds[name] = other.kinds[name]
                keep.mentions.extend(other.mentions)
                clusters.remove(other)
        return clusters

    def _statement_scope(self, pos: int) -> Span:
        """The bracket holding the statement (and the name before it), else its clause."""
        sentence = self.doc.sentence_of(pos)
        text = self.fold
        depth, open_at = 0, -1
        for i in range(pos - 1, sentence.start - 1, -1):
            if text[i] in "）)":
                depth += 1
            elif text[i] in "（(":
                if depth == 0:
                    open_at = i
                    break
                depth -= 1
        if open_at >= 0:
            close = text.find("）", pos)
            close = close if close >= 0 else sentence.end
            start = open_at
            while start > sentence.start and text[start - 1] not in "，,。；;、：:\n":
                start -= 1
            return Span(start, close)
        start = pos
        while start > sentence.start and text[start - 1] not in "。；;\n":
            start -= 1
        return Span(start, pos)

    # --- bare heads: 学院, 学校, 进修校 ---------------------------------------------------------
    def _attach_bare(self, clusters: list[Cluster], bare: list[Candidate]) -> None:
        if not clusters:
            return
        main = max(clusters, key=lambda c: (len(c.mentions), -min(c.mentions).start))
        for cand in bare:
            if len(cand.text) >= 3:
                # a compound head used as a short name (进修校): alias of the body it abbreviates
                fits = [c for c in clusters if self._head_fits(cand.text, c.canonical)]
                if main in fits or len(fits) == 1:
                    (main if main in fits else fits[0]).add(cand)
                elif not fits and len(cand.text) >= MIN_STANDALONE_HEAD:  # 社区教育学院: a compound head names a body
                    clusters.append(Cluster())
                    clusters[-1].add(cand)
                # several bodies of that head and none the article's main one (国家博物馆, 上海博物馆 …
                # 博物馆): the head is the common noun, no one body's short name
                continue
            if self._head_fits(cand.text, main.canonical):
                main.mentions.append(cand.span)

    def _head_fits(self, bare: str, canonical: str) -> bool:
        head = self.lex.longest_head(canonical)
        if not head:
            return False
        return canonical.endswith(bare) or (bare[-1] == canonical[-1] and _is_subsequence(bare, head))


@dataclass(frozen=True)
class _GlueWords:
    """Words jieba may glue onto the end of a head word, indexed by their last character."""

    words: frozenset[str]
    head_ends: frozenset[str] = frozenset()  # last characters of the head words

    @cached_property
    def sizes_by_last_char(self) -> dict[str, tuple[int, ...]]:
        return _sizes_by_last_char(self.words, longest_first=False)

    @cached_property
    def glued_sizes(self) -> "Memo[str, tuple[int, ...]]":
        """A word -> the lengths of the glue words that end it with something before them (电大|为,
        小学|教师), shortest first. Words recur, so each is worked out once."""
        return Memo(lambda word: tuple(size for size in self.sizes_by_last_char.get(word[-1], ())
                                           if size < len(word) and word[-size:] in self.words))

    @cached_property
    def glued_after_head(self) -> "Memo[str, tuple[int, ...]]":
        """Of `glued_sizes`, those whose glue word follows a head's last character: only there can a
        head end before the glue (most glued words, 成|为, 没|有, follow none)."""
        return Memo(lambda word: tuple(size for size in self.glued_sizes[word] if word[-size - 1] in self.head_ends))


def _sizes_by_last_char(words, longest_first: bool) -> dict[str, tuple[int, ...]]:
    """Last character -> the lengths of the words ending in it (suffix lookups without a scan)."""
    sizes: dict[str, set[int]] = {}
    for word in words:
        sizes.setdefault(word[-1], set()).add(len(word))
    return {char: tuple(sorted(found, reverse=longest_first)) for char, found in sizes.items()}


def _trim_front(parts: list[tuple[str, str, str]], info: Head) -> list[tuple[str, str, str]]:
    """Drop generic qualifiers (基层, 各级, 国家级) and quantities (两所) from the front of a name."""
    while parts and (parts[0][1] == "modifier" or (
        parts[0][1] == "numeral" and len(parts) > 1 and info.bare != "numeral" and not parts[0][0].startswith("第")
    )):
        parts = parts[1:]
    return parts


def _is_class_word(word: str) -> bool:
    """国家级, 师范类, 创新型: words that rank or classify a body never name one."""
    return len(word) >= 2 and word[-1] in "级类型式"


def _is_subsequence(short: str, full: str) -> bool:
    chars = iter(full)
    return all(ch in chars for ch in short)

"""Read the figures of Chinese news text, with character spans: pure functions over a string.

This module knows numerals, multipliers (万, 亿), units and qualifier markers; it does not know
documents. The claims stage decides which figures are claims and what they are about.

Reading order, for one string:
1. fold full-width ASCII to half-width (same length, so spans stay valid for the original);
2. find fractions and spelt-out percentages (三分之一, 百分之九十八) first, since their numerals
   would otherwise be read one by one;
3. scan every other numeral (Arabic, Chinese, mixed), then read around it: the qualifier marker
   before it, inner markers (多, 余, 几), a late multiplier (二百余万), the unit, a marker after it;
4. drop what is not a figure: dates, ordinals, clock times, codes, idioms;
5. join ranges (3至5年) and drop year ranges (2023-2025).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import cached_property, lru_cache

import cn2an

from .document import Span
from .errors import LexiconError
from .normalise import translator
from .phrases import EachWord

QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_least", "up_to")  # what the lexicon may say

CN_DIGITS = "零〇一二两三四五六七八九"
CN_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
BIG_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A numeral: Arabic with optional Chinese multipliers and further Arabic groups (1.5万, 3万4000),
# or a run of Chinese numeral characters with an optional 点 decimal part (三点五). NUMERAL and
# FRACTION are searched through whole articles: each opens with a lookahead for the characters a
# match can start with, so that re passes over every other position at once.
NUMERAL = re.compile(
    rf"(?=[\d{CN_DIGITS}十百千万亿])"
    rf"(?:(?P<ar>(?:{ARABIC})(?:[百千万亿]+(?:\d+(?:\.\d+)?)?)*)"
    rf"|(?P<cn>[{CN_DIGITS}十百千万亿]+(?:点[{CN_DIGITS}]+)?))"
)
# 三分之一, 百分之九十八, 5分之1: the denominator comes first in Chinese.
FRACTION = re.compile(
    rf"(?=[\d{CN_DIGITS}十百千万])"
    rf"(?P<den>\d+|[{CN_DIGITS}十百千万]+)分之(?P<num>\d+(?:\.\d+)?|[{CN_DIGITS}十百千万]+(?:点[{CN_DIGITS}]+)?)"
)
# 2/3, 1/10: a proper fraction written with a slash (not a date's 2019/2/3, 01/02星, 152/152 places)
SLASH_FRACTION = re.compile(r"(?<![\d/.])(?P<num>[1-9]\d{0,2})/(?P<den>[1-9]\d{0,2})(?![\d/.])")
STAGE_AFTER = ("决赛", "赛")  # 1/4决赛, 1/8决赛: a round of a tournament, not a share
RANGE_MARKS = "至到-~—–－～〜"
RANGE_SEPARATOR = re.compile(rf"[ ]?[{re.escape(RANGE_MARKS)}][ ]?")
ADJACENT_PAIR = re.compile(r"^(十)?([一两二三四五六七八九])([二两三四五六七八九])([十百千万]*)$")  # (一两: one or two)
SPACE = " \u00a0"
CLAUSE_BREAK = set("，。；！？、：,.;!?:\n（）()“”\"《》")
RANK_CUES = ("名列", "位列", "排名", "位居", "居于", "排在", "排第", "列第", "居")
RANK_GAP = 6  # 名列重庆市第一: at most this many characters between the cue and 第
# the wholes a 第N right after them ranks in (全国第一, 世界第二大)
RANK_SCOPES = ("全国", "全省", "全市", "全区", "全县", "全军", "全球", "世界", "亚洲", "国内", "同类")
LARGEST = "大"  # 第二大: the second largest
PLACE = "名"  # 第一名: a place in a contest or a ranking, whatever verb comes before
# the classifiers of things an ordinal ranks among their kind (第三座极地科考站, 第一位获得…的学者),
# not of editions, batches or rounds (第十六届, 第一批, 第二轮), which name events or order steps
RANKED_KINDS = frozenset("个座位名部艘件辆家架颗台所")
# stretches of time an ordinal counts off (首个工作日, 第十个年头, 第一个阶段): when, not the Nth of a kind
ORDINAL_TIMES = ("年头", "工作日", "交易日", "阶段", "时期", "星期", "季度", "春节", "周末", "小时", "月", "夜")
FIRST = "首"
FIRST_OF_KIND = re.compile(rf"首([{''.join(sorted(RANKED_KINDS - {'名'}))}])")
NUMERAL_CHARS = frozenset(CN_DIGITS + "十百千万亿")
YEAR_AFTER = set("月度代初底末前后")  # 2018年5月, 2019年度, 80年代, 三年前: dates, not durations
# 近3年来, 未来5年: a time scope, read as a period by claims; the next N years run from the
# article's year on, the last N years up to it
FUTURE_OPENERS = ("未来", "今后")
NEARLY = "近"
OLD = ("古", "老")  # after 百年/千年: the age of a thing (百年老校, 千年古镇), not 百年大计
PERIOD_OPENERS = (NEARLY, "这", "过去", "最近", *FUTURE_OPENERS)
ORDINAL_BY_DEFAULT = set("次届期轮批")  # 十三届全国人大: these before an organ's name make an ordinal
COUNTED = ("count", "person", "organisation", "household", "enumeration")
# Small patterns used for every numeral, compiled once.
ARABIC_GROUP = re.compile(r"([\d,.]+)([百千万亿]*)")
ARABIC_PLAIN = re.compile(r"[\d.]+")
LATE_MULTIPLIER = re.compile(r"[万亿]+")
STARTS_ARABIC = re.compile(r"\d")
FOUR_DIGITS = re.compile(r"\d{4}")
COHORT_UNITS = ("级", "届")  # after a year: the class that entered or leaves then
TWO_DIGITS = re.compile(r"\d{2}")
YEARS_SINCE = re.compile(r"[ ]?(?:多)?年(?:来|以来|里|间)")


class WordMap(dict):
    """word -> value, knowing its word lengths (longest first): the longest word at a position is
    then a few slices and lookups instead of a test of every word. Not to be changed once built."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lengths = tuple(sorted({len(word) for word in self}, reverse=True))
        # most positions asked about hold no word's first (last) character: one lookup answers
        self.first_chars = frozenset(word[0] for word in self if word)
        self.last_chars = frozenset(word[-1] for word in self if word)

    def longest_at(self, text: str, pos: int) -> str:
        """The longest word that starts at `pos`, or ""."""
        if text[pos : pos + 1] not in self.first_chars:
            return ""
        for length in self.lengths:
            word = text[pos : pos + length]
            if len(word) == length and word in self:
                return word
        return ""

    def longest_ending_at(self, text: str, end: int) -> str:
        """The longest word that ends at `end`, or ""."""
        if text[end - 1 : end] not in self.last_chars:  # (empty, not a character, at 0)
            return ""
        for length in self.lengths:
            if length <= end and text[end - length : end] in self:
                return text[end - length : end]
        return ""


MORE_INSIDE_UNIT = WordMap({"多": "", "余": ""})  # 3个多月, 1个余月
BELOW_ZERO = "零下"
HALF, VAGUE_HALF = "半", ("半载", "半会", "半晌")  # 一年半 is 1.5 years; 一年半载 and 一时半会 are vague
# a half standing for a number (半天, 半个多世纪): none right before it (一半, 两年半, 两个半小时: those are
# read with their numeral), and no 上/下/前/后 of a year's halves, no 大 or 老 (大半年, 老半天: 'most of a
# year', 'a long while'), no 多 or 过 (多半, 过半: 'mostly', 'over half')
LONE_HALF = re.compile(rf"(?<![\d{CN_DIGITS}十百千万个上下前后大老多过])半(?:个多|多个|个)?")


@dataclass
class Figure:
    """One figure as read from the text; `span` runs from its first marker to its unit or last marker.
    Never changed once read (`replace` makes the changed copies), yet not frozen: a frozen class sets
    each of its nine fields through object.__setattr__, and is built three times slower."""

    span: Span
    number: Span
    value: float
    unit: str = ""
    category: str = ""
    qualifier: str = "exact"
    value_max: float | None = None
    form: str = "arabic"  # arabic | chinese | mixed | fraction | percent_words | tenths | rank
    multiplier: int = 1  # the 万/亿/千 folded into value, so a range's first half can borrow it


@dataclass(frozen=True)
class NumberGrammar:
    """The word lists the reader needs, taken from the lexicons units, qualifiers and not_figures."""

    units: dict[str, str]
    before: WordMap
    inner: WordMap
    after: WordMap
    few: WordMap
    idioms: tuple[str, ...] = ()
    after_cheng: tuple[str, ...] = ()
    ordinal_after: tuple[str, ...] = ()
    title_after: tuple[str, ...] = ()
    eras: tuple[str, ...] = ()  # 康熙, 民国: a year counted after one is a date (康熙三十二年)
    reported: dict[str, str] = field(default_factory=dict)  # 个小时 -> 小时 (`units.tsv`)
    times: dict[str, int] = field(default_factory=dict)  # 旬 -> 10: the reported unit's count in one of it
    _unit_lengths: tuple[int, ...] = field(default=(), repr=False)

    @classmethod
    def from_lexicons(cls, lexicons) -> "NumberGrammar":
        units = lexicons["units"].mapping(1)
        markers: dict[str, dict[str, str]] = {"before": {}, "inner": {}, "after": {}, "few": {}}
        for marker, position, qualifier in lexicons["qualifiers"].rows:
            if position not in markers or qualifier not in QUALIFIERS:
                raise LexiconError(f"qualifiers: {marker!r} has position {position!r} / qualifier {qualifier!r}")
            markers[position].setdefault(marker, qualifier)
        kinds: dict[str, list[str]] = {}
        for term, kind in lexicons["not_figures"].rows:
            kinds.setdefault(kind, []).append(term)
        return cls(
            units=units,
            reported={row[0]: row[2] for row in lexicons["units"].rows if len(row) > 2 and row[2]},
            times={row[0]: int(row[3]) for row in lexicons["units"].rows if len(row) > 3 and row[3]},
            before=WordMap(markers["before"]),
            inner=WordMap(markers["inner"]),
            after=WordMap(markers["after"]),
            few=WordMap(markers["few"]),
            idioms=tuple(kinds.get("idiom", []) + kinds.get("place", [])),
            after_cheng=tuple(kinds.get("after_cheng", [])),
            ordinal_after=tuple(kinds.get("ordinal_after", [])),
            title_after=tuple(kinds.get("title_after", [])),
            eras=tuple(kinds.get("era", [])),
            _unit_lengths=tuple(sorted({len(u) for u in units}, reverse=True)),
        )

    def unit_at(self, text: str, pos: int) -> str:
        if text[pos : pos + 1] not in self._unit_first_chars:
            return ""
        for length in self._unit_lengths:
            if text[pos : pos + length] in self.units:
                return text[pos : pos + length]
        return ""

    @cached_property
    def _unit_first_chars(self) -> frozenset[str]:
        return frozenset(unit[0] for unit in self.units if unit)

    @cached_property
    def idiom_finder(self) -> EachWord:
        return EachWord(self.idioms)

    @cached_property
    def read_after(self) -> frozenset[str]:
        """Characters that can begin what `_read_around` reads after a numeral: a space, an inner
        marker, a unit, 成 (tenths), an after marker, a range separator."""
        words = [*self.inner, *self.units, *self.after, "成", *RANGE_MARKS, *SPACE]
        return frozenset(word[0] for word in words if word)

    @cached_property
    def read_before(self) -> frozenset[str]:
        """Characters that can end what `_read_around` reads before a numeral: a space, a before
        marker, a 数/几/上 prefix, 第."""
        return frozenset(word[-1] for word in [*self.before, *self.few, "第", *SPACE] if word)


# Every full-width ASCII sign and the ideographic space, except the Chinese comma, which is a
# thousands separator only between full-width digits (增长3，100家 must not read as 3,100).
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if cp != 0xFF0C} | {0x3000: 0x20}
_DIGIT_COMMA = re.compile(r"([０-９])，(?=[０-９])")  # the digit first, not a lookbehind: re skips to digits at once
_fold_signs = translator(_FOLD)


def fold(text: str) -> str:
    """Full-width ASCII and the ideographic space to half-width, one character for one."""
    return _fold_signs(_DIGIT_COMMA.sub(r"\1,", text))


# ---------------------------------------------------------------- numeral values


@lru_cache(maxsize=4096)  # cn2an is slow, and the same few numerals (一, 两, 十, 三百) recur
def chinese_value(numeral: str) -> float | None:
    """Value of a run of Chinese numerals; None when it is not a well-formed number."""
    if numeral in CN_MULTIPLIERS:
        return float(CN_MULTIPLIERS[numeral])
    if all(ch in "百千万亿" for ch in numeral):  # 百万, 千万, 万亿
        value = 1
        for ch in numeral:
            value *= CN_MULTIPLIERS[ch]
        return float(value)
    if not any(ch in "十百千万亿点" for ch in numeral) and len(numeral) > 1:
        return None  # 五四, 九一八, 二〇一八: digit strings are names or years, and cn2an reads them as numbers
    try:
        return float(cn2an.cn2an(numeral, "normal"))
    except (ValueError, KeyError, IndexError):
        return None


def arabic_value(numeral: str) -> tuple[Decimal, int] | None:
    """Value of an Arabic numeral with Chinese multipliers ("1,100万", "3万4000", "1.2万亿").

    Each Arabic group is multiplied by the multipliers that follow it, and the groups are summed;
    cn2an's smart mode fails on separators and on 万亿, so this is done here with Decimal.
    Returns the value and the multiplier of the first group.
    """
    total = Decimal(0)
    first_multiplier = 0
    for group, multipliers in ARABIC_GROUP.findall(numeral):
        try:
            number = Decimal(group.replace(",", ""))
        except InvalidOperation:
            return None
        factor = 1
        for ch in multipliers:
            factor *= CN_MULTIPLIERS[ch]
        first_multiplier = first_multiplier or factor
        total += number * factor
    return total, first_multiplier or 1


def _as_float(value: Decimal | float) -> float:
    value = float(value)
    return float(round(value)) if abs(value - round(value)) < 1e-9 else round(value, 6)


# ---------------------------------------------------------------- the reader


def find_figures(text: str, grammar: NumberGrammar) -> list[Figure]:
    """Every figure of `text`, in order, with spans on `text` (matching is done on its fold)."""
    folded = fold(text)
    figures = _fractions(folded, grammar) + _halves(folded, grammar) + _firsts(folded)
    idioms = _idiom_spans(folded, grammar)
    skipped = _covered([f.span for f in figures] + idioms, len(folded))  # read as fractions, or idioms
    blocked = _covered(idioms, len(folded))
    for match in NUMERAL.finditer(folded):
        start, end = match.span()
        if skipped.find(1, start, end) >= 0:
            continue
        if _unmarked_word(folded, match, grammar):
            continue  # what _read_around would refuse, known without reading (a third of all numerals)
        figure = _read_around(folded, match, grammar)
        if figure is not None and blocked.find(1, figure.number.start, figure.span.end) < 0:
            figures.append(figure)
    figures.sort(key=lambda f: f.span.start)
    return [f for f in _join_ranges(folded, figures) if not _bare(f)]


def _unmarked_word(folded: str, match: re.Match, grammar: NumberGrammar) -> bool:
    """一样, 百姓, 两国: a Chinese numeral with no big multiplier (万, 亿), no 千/百 that could begin a
    unit, and no character around it that could begin or end a marker, unit, range or 第. Such a
    numeral reads as exact, unit-less and below 10,000, which `_read_around` refuses as a word."""
    numeral = match.group("cn")
    return (numeral is not None and numeral[-1] not in "百千万亿"
            and folded[match.end() : match.end() + 1] not in grammar.read_after
            and folded[match.start() - 1 : match.start()] not in grammar.read_before)


def _covered(spans: list[Span], size: int) -> bytearray:
    """1 at each position one of `spans` covers: "does this stretch overlap one of them?" is then
    a search for 1 in it instead of a test against every span, for every numeral. (All spans are
    non-empty.)"""
    covered = bytearray(size)
    for span in spans:
        covered[span.start : span.end] = b"\x01" * len(span)
    return covered


def _bare(figure: Figure) -> bool:
    """12345, 2019, 68123456: an exact number with no unit, magnitude or range is a code or a date."""
    return (not figure.unit and figure.multiplier == 1 and figure.value_max is None
            and figure.category not in ("rank", "fraction") and figure.qualifier == "exact")


def _idiom_spans(folded: str, grammar: NumberGrammar) -> list[Span]:
    """Each idiom's occurrences, without overlaps among its own (as re.finditer would find them)."""
    return [Span(start, start + len(idiom))
            for idiom, starts in grammar.idiom_finder.occurrences(folded).items() for start in starts]


def _fractions(folded: str, grammar: NumberGrammar) -> list[Figure]:
    figures = _slash_fractions(folded, grammar) if "/" in folded else []
    if "分之" not in folded:
        return figures  # every fraction holds it; most articles have none, and then no search is needed
    for m in FRACTION.finditer(folded):
        den_text, num_text = m.group("den"), m.group("num")
        den = _any_value(den_text)
        num = _any_value(num_text)
        if den is None or num is None or den == 0:
            continue
        start = m.start()
        if den_text == "百":  # 百分之九十八 is a percentage, written as the number shown
            value, unit, category, form = num, "%", "percent", "percent_words"
        elif den_text == "千":
            value, unit, category, form = num, "‰", "permille", "percent_words"
        else:
            value, unit, category, form = num / den, "", "fraction", "fraction"
        figure = Figure(
            span=Span(start, m.end()), number=Span(start, m.end()), value=_as_float(value),
            unit=unit, category=category, form=form,
        )
        figures.append(_with_markers(folded, figure, grammar))
    return figures


def _slash_fractions(folded: str, grammar: NumberGrammar) -> list[Figure]:
    figures: list[Figure] = []
    for m in SLASH_FRACTION.finditer(folded):
        num, den = int(m.group("num")), int(m.group("den"))
        if num >= den or folded.startswith(STAGE_AFTER, m.end()):
            continue
        span = Span(m.start(), m.end())
        figure = Figure(span=span, number=span, value=_as_float(num / den), unit="", category="fraction", form="fraction")
        figures.append(_with_markers(folded, figure, grammar))
    return figures


def _halves(folded: str, grammar: NumberGrammar) -> list[Figure]:
    """半天, 半年, 半个多世纪: a half with no numeral before it, counting a unit of time (not 上半年,
    一半, 大半年, nor the vague 半载, 半晌)."""
    figures: list[Figure] = []
    if HALF not in folded:
        return figures
    for m in LONE_HALF.finditer(folded):
        pos, more = m.end(), "多" in m.group()
        counted = "个" in m.group()
        unit = grammar.unit_at("个" + folded[pos:], 0) if counted else grammar.unit_at(folded, pos)
        if grammar.units.get(unit) != "time" or folded.startswith(VAGUE_HALF, m.start()):
            continue
        end = pos + len(unit) - counted
        figure = Figure(span=Span(m.start(), end), number=Span(m.start(), m.start() + 1), value=0.5,
                        unit=unit, category="time", qualifier="more_than" if more else "exact", form="chinese")
        figures.append(_with_markers(folded, figure, grammar))
    return figures


def _firsts(folded: str) -> list[Figure]:
    """首个|北极科考站, 首艘|货运飞船: 首 and a classifier before what it counts is the first of its
    kind, a rank of 1 (as 第一座 is; 首届, 首批 are an edition and a batch, not ranks)."""
    if FIRST not in folded:
        return []
    return [Figure(span=Span(m.start(), m.end()), number=Span(m.start(), m.start() + 1), value=1,
                   unit=m.group(1), category="rank", form="rank")
            for m in FIRST_OF_KIND.finditer(folded) if _ranks_a_thing(folded, m.end())]


def _ranks_a_thing(folded: str, pos: int) -> bool:
    """After an ordinal's classifier (第三座|, 首个|), a word of the thing ranked follows: not a
    clause's end or 的, nor a stretch of time (首个|工作日, 第十个|年头)."""
    after = _char(folded, pos)
    return _cjk(after) and after not in "的。" and not folded.startswith(ORDINAL_TIMES, pos)


def _any_value(numeral: str) -> float | None:
    if ARABIC_PLAIN.fullmatch(numeral):
        return float(numeral)
    return chinese_value(numeral)


def _read_around(folded: str, match: re.Match, grammar: NumberGrammar) -> Figure | None:
    start, end = match.start(), match.end()
    numeral = match.group()
    if _is_code(folded, start, end) and not _lettered_unit(folded, start, end, grammar):
        return None
    value, value_max, multiplier, form, qualifiers = _numeral_value(match)
    if value is None:
        return None
    numeral, end = _give_back_unit_prefix(folded, numeral, start, end, grammar)
    if numeral != match.group():
        value, multiplier = _reparse(numeral)
        if value is None:
            return None

    pos = _skip_space(folded, end)
    # 两个亿, 一个多亿: spoken money, where 个 counts the 亿 that follows (a marker may come between)
    counted = multiplier == 1 and _counts_hundred_millions(folded, pos, grammar)
    if counted:
        pos += 1
    inner = grammar.inner.longest_at(folded, pos)
    inner_end = end
    if inner or counted:
        if inner:
            qualifiers.append(grammar.inner[inner])
            pos += len(inner)
        late = LATE_MULTIPLIER.match(folded, pos)
        if late:  # 二百余万, 两千多万, 两个亿: the multiplier comes after the marker
            factor = 1
            for ch in late.group():
                factor *= BIG_MULTIPLIERS[ch]
            value *= factor
            value_max = value_max * factor if value_max is not None else None
            multiplier *= factor
            pos += len(late.group())
        inner_end = pos
        pos = _skip_space(folded, pos)

    unit = grammar.unit_at(folded, pos)
    category = grammar.units.get(unit, "")
    if unit == "个":  # 3个多月, 两个半小时: the marker or the half sits inside the unit
        tail = MORE_INSIDE_UNIT.longest_at(folded, pos + 1) or (HALF if folded.startswith(HALF, pos + 1) else "")
        inside = grammar.unit_at("个" + folded[pos + 1 + len(tail) :], 0) if tail else ""
        if grammar.units.get(inside) == "time":
            # the unit as written is what follows the marker (两个多|小时), unless that is no unit
            # alone (3个多|月: 月 is a date's)
            written = grammar.unit_at(folded, pos + 1 + len(tail))
            unit, category = (written, "time") if grammar.units.get(written) == "time" else (inside, "time")
            if tail == HALF:
                value, value_max = _plus_half(value, value_max)
            else:
                qualifiers.append("more_than")
            pos += len(tail) + len(inside) - len(unit)
    if unit:
        pos += len(unit)
        # 三岁半, 3年半: a half after a duration or an age (一年半载, a year or so, is no figure of it)
        if category in ("time", "age") and folded.startswith(HALF, pos) and not folded.startswith(VAGUE_HALF, pos):
            value, value_max = _plus_half(value, value_max)
            pos += len(HALF)
    elif folded[pos : pos + 1] == "成" and _is_tenths(folded, pos, value, grammar):
        # a share in tenths, kept as written (三成: 3 成, as 98.9% is 98.9 %); the form says it is tenths
        unit, category, form = "成", "percent", "tenths"
        pos += 1
    else:
        pos = inner_end

    after_pos = _skip_space(folded, pos) if unit else pos
    after = grammar.after.longest_at(folded, after_pos)
    if after and after in grammar.inner and category not in ("time", "age"):
        after = ""  # 10人多次 is not "more than 10": 多 after a unit only qualifies durations (两年多)
    if after:
        qualifiers.append(grammar.after[after])
        pos = after_pos + len(after)

    figure_start, before_qualifier, few = _before(folded, start, numeral, grammar)
    if category == "temperature" and folded.endswith(BELOW_ZERO, 0, figure_start):
        value, figure_start = -value, figure_start - len(BELOW_ZERO)  # 零下15摄氏度 is −15
        value_max = -value_max if value_max is not None else None
    if few:
        qualifiers.append(few)
    if numeral[0] in "百千万亿" and not (few or inner or (before_qualifier and (before_qualifier != "exact" or unit))):
        if not (unit == "年" and numeral in ("百", "千") and folded[pos : pos + 1] in OLD):
            return None  # 万人计划, 千方百计, 百年: a bare multiplier is a figure only with a marker (近百, 百余, 上万, 达万元)
        qualifiers.append("approx")  # 百年老校, 千年古镇: a thing a hundred or a thousand years old, roughly
    if before_qualifier:
        qualifiers.append(before_qualifier)

    # The Figure is built only for a numeral that passes the next two tests (a third of them fail).
    value = _as_float(value)
    value_max = _as_float(value_max) if value_max is not None else None
    qualifier = _resolve(qualifiers)
    if not unit and value_max is not None and form == "chinese":
        return None  # 十四五 (the plan), 五六: neighbouring digits read as a range only before a unit (十四五岁)
    if (not unit and form == "chinese" and multiplier < 10_000 and qualifier == "exact"
            and not _range_follows(folded, pos) and _char(folded, start - 1) != "第"):
        return None  # 五星红旗, 三成员国: a small Chinese numeral without unit is a word, not a figure
    figure = Figure(
        span=Span(figure_start, pos), number=Span(start, end), value=value,
        unit=unit, category=category, qualifier=qualifier, form=form, value_max=value_max, multiplier=multiplier,
    )
    return _reject_or_keep(folded, figure, numeral, grammar)


def _numeral_value(match: re.Match):
    """(value, value_max, multiplier, form, qualifiers) of a numeral match; value None if unreadable."""
    if match.group("ar"):
        parsed = arabic_value(match.group("ar"))
        if parsed is None:
            return None, None, 1, "", []
        value, multiplier = parsed
        form = "mixed" if multiplier > 1 else "arabic"
        return float(value), None, multiplier, form, []
    numeral = match.group("cn")
    pair = ADJACENT_PAIR.match(numeral)
    if pair and _cn_digit(pair.group(3)) == _cn_digit(pair.group(2)) + 1:
        # 三四个, 五六十, 十七八: two neighbouring digits give an approximate range
        factor = 1
        for ch in pair.group(4):
            factor *= CN_MULTIPLIERS[ch]
        tens = 10 if pair.group(1) else 0
        low = (tens + _cn_digit(pair.group(2))) * factor
        high = (tens + _cn_digit(pair.group(3))) * factor
        return float(low), float(high), factor, "chinese", ["approx"]
    value = chinese_value(numeral)
    multiplier = 1
    for ch in reversed(numeral):
        if ch in BIG_MULTIPLIERS:
            multiplier *= BIG_MULTIPLIERS[ch]
        else:
            break
    return value, None, multiplier, "chinese", []


def _cn_digit(ch: str) -> int:
    return "零一二三四五六七八九".find(ch) if ch != "两" else 2


def _reparse(numeral: str) -> tuple[float | None, int]:
    if STARTS_ARABIC.match(numeral):
        parsed = arabic_value(numeral)
        return (float(parsed[0]), parsed[1]) if parsed else (None, 1)
    return chinese_value(numeral), 1


def _give_back_unit_prefix(folded, numeral, start, end, grammar):
    """5千米 is 5 kilometres, not 5000 metres: return a trailing 千/百 that begins a unit."""
    if len(numeral) > 1 and numeral[-1] in "千百" and grammar.unit_at(folded, end - 1).startswith(numeral[-1]):
        if len(grammar.unit_at(folded, end - 1)) > 1:
            return numeral[:-1], end - 1
    return numeral, end


def _counts_hundred_millions(folded: str, pos: int, grammar: NumberGrammar) -> bool:
    """个 at `pos`, then an inner marker or none, then 亿 (两个亿, 一个多亿)."""
    if folded[pos : pos + 1] != "个":
        return False
    after = pos + 1 + len(grammar.inner.longest_at(folded, pos + 1))
    return folded[after : after + 1] == "亿"


def _skip_space(folded: str, pos: int) -> int:
    return pos + 1 if folded[pos : pos + 1] in (" ", "\u00a0") and pos < len(folded) else pos


def _before(folded: str, start: int, numeral: str, grammar: NumberGrammar) -> tuple[int, str, str]:
    """(figure start, qualifier of the marker before the numeral, qualifier of a 数/几/上 prefix)."""
    few = ""
    pos = start
    if numeral[0] in "十百千万亿" and start > 0 and folded[start - 1] in grammar.few:
        few = grammar.few[folded[start - 1]]
        pos = start - 1
    look = pos - 1 if pos > 0 and folded[pos - 1] in SPACE else pos
    best = grammar.before.longest_ending_at(folded, look)
    if best:
        return look - len(best), grammar.before[best], few
    return pos, "", few


def _resolve(qualifiers: list[str]) -> str:
    """A non-exact marker wins over 达/共 (达100多人 is more_than); the first non-exact one read wins."""
    for qualifier in qualifiers:
        if qualifier != "exact":
            return qualifier
    return "exact"


def _plus_half(value, value_max):
    """两年半: the value (and a range's end: 两三年半 is 2.5 to 3.5) plus a half."""
    return value + 0.5, value_max + 0.5 if value_max is not None else None


def _is_tenths(folded: str, pos: int, value: float, grammar: NumberGrammar) -> bool:
    """三成 is three tenths when 成 is not the start of a word (三成员国, 一成不变)."""
    if not (1 <= value <= 10) or value != int(value):
        return False
    return not folded.startswith(grammar.after_cheng, pos)


def _lettered_unit(folded: str, start: int, end: int, grammar: NumberGrammar) -> bool:
    """5A级: the letter after the numeral begins a unit (a grade), and nothing codelike comes before."""
    before = _char(folded, start - 1)
    return (_char(folded, end).isascii() and grammar.unit_at(folded, end) != ""
            and not (before.isascii() and (before.isalnum() or before in "+:/.")))


def _is_code(folded: str, start: int, end: int) -> bool:
    """G20, 5G, 1+X, 9:30, 3.0版: numerals glued to letters, plus signs or colons are codes or times."""
    before, after = _char(folded, start - 1), _char(folded, end)
    if before.isascii() and before.isalpha() or after.isascii() and after.isalpha():
        return True
    if folded[start] == "0" and _char(folded, start + 1).isdigit():
        return True  # 023-6812..., 第019版: a leading zero marks a code, a phone or a page number
    if before in "+:/" or after in "+/":
        return True
    if after == ":" and folded[end + 1 : end + 2].isdigit():
        return True
    if before == "." or (after == "." and folded[end + 1 : end + 2].isdigit()):
        return True
    return False


def _reject_or_keep(folded: str, figure: Figure, numeral: str, grammar: NumberGrammar) -> Figure | None:
    start, unit_end = figure.number.start, figure.span.end
    before = _char(folded, start - 1)
    after_unit = folded[figure.number.end : figure.number.end + 1] or "\0"  # only its first character is read
    if before == "第" or (figure.span.start > 0 and folded[figure.span.start - 1] == "第"):
        return _rank(folded, figure, grammar)
    if figure.unit == "年" or (not figure.unit and after_unit.startswith("年")):
        if _is_date_year(folded, figure, numeral) or folded.endswith(grammar.eras, 0, start):
            return None  # (康熙|三十二年: a reign's year is a date)
    if figure.unit == "年" and _is_period_phrase(folded, figure):
        return None
    if figure.unit in COHORT_UNITS and FOUR_DIGITS.fullmatch(numeral) and 1000 <= figure.value <= 2200:
        return None  # 2015级本科生, 2019届毕业生: the year a class entered or leaves, a cohort's name
    if figure.unit in ("年", "大") and _followed_by(folded, figure, grammar.title_after):
        return None
    if figure.category == "grade":
        return None
    if figure.unit == "大" and (figure.value > 10 or not _cjk(_char(folded, unit_end))
                               or grammar.units.get(grammar.unit_at(folded, unit_end), "time") != "time"):
        # 十九大 is the 19th congress; 两大勺 is a size (五大|载体 is no time); 三大 at a clause end is no enumeration
        return None
    if figure.unit in ORDINAL_BY_DEFAULT and _char(folded, unit_end) in CN_DIGITS:
        return None  # 十九届二中全会, 十三届一次会议: an ordinal session name
    if figure.unit in ORDINAL_BY_DEFAULT and _followed_by(folded, figure, grammar.ordinal_after):
        return None  # 十三届全国人大: an ordinal event name
    if numeral == "二" and figure.category in COUNTED:
        return None  # 二次会议, 红二队: counts say 两; a lone 二 before a classifier is an ordinal or a name
    if figure.category == "level" and figure.form == "chinese":
        return None  # 三级管理体制: an enumeration of tiers; 5.8级 (Arabic) stays, a magnitude
    if before in "时点" and figure.unit == "分":
        return None  # 9时30分
    if figure.unit == "" and after_unit[:1] in "月日号时点":
        return None  # 6月21日, 10时
    return figure


def _range_follows(folded: str, pos: int) -> bool:
    sep = RANGE_SEPARATOR.match(folded, pos)
    return bool(sep) and bool(NUMERAL.match(folded, sep.end()))


def _char(folded: str, pos: int) -> str:
    """The character at `pos`, or NUL outside the string (so `in "..."` tests stay false)."""
    return folded[pos] if 0 <= pos < len(folded) else "\0"


def _cjk(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def _followed_by(folded: str, figure: Figure, words: tuple[str, ...]) -> bool:
    return folded.startswith(words, figure.span.end)


def _is_date_year(folded: str, figure: Figure, numeral: str) -> bool:
    year_pos = folded.find("年", figure.number.end)
    next_ch = folded[year_pos + 1 : year_pos + 2]
    if FOUR_DIGITS.fullmatch(numeral) and 1000 <= figure.value <= 2200:
        return True  # 2018年
    if TWO_DIGITS.fullmatch(numeral) and next_ch == "代":
        return True  # 80年代
    if numeral and all(ch in CN_DIGITS for ch in numeral) and len(numeral) >= 2:
        return True  # 二〇一八年
    return next_ch in YEAR_AFTER and next_ch != ""


def _is_period_phrase(folded: str, figure: Figure) -> bool:
    """近3年来, 这5年来, 过去3年来: a time scope the claims stage reads as a period, not a figure."""
    head_start = max(0, figure.span.start - 2)
    head = folded[head_start : figure.number.start]
    opener = next((opener for opener in PERIOD_OPENERS if opener in head), None)
    if opener is not None:
        # 近两年, 过去5年: the last N years; but one that ends its clause, not opening it, is what the
        # clause measures (来华执教近30年，), a duration
        opened_at = head_start + head.index(opener)
        opens_clause = opened_at == 0 or folded[opened_at - 1] in CLAUSE_BREAK
        ends_clause = figure.span.end == len(folded) or folded[figure.span.end] in CLAUSE_BREAK
        if opener == NEARLY and not opens_clause and folded.startswith("的", figure.span.end):
            return False  # 使用了近50年的大坝, 经过近20年的发展: how long, said of a thing (今后5年的 is when)
        return opens_clause or not ends_clause
    if not YEARS_SINCE.match(folded, figure.number.end) or figure.qualifier == "more_than":
        return False  # (30多年来，: a duration of thirty-odd years is what a fact-checker checks)
    return figure.span.start == 0 or folded[figure.span.start - 1] in CLAUSE_BREAK


def _rank(folded: str, figure: Figure, grammar: NumberGrammar) -> Figure | None:
    """第一 is a rank claim after 名列/位居/排名 (名列全市第一) or right after the whole it is ranked
    in (连续多年全国第一), 第二大 is one whatever follows (世界第二大经济体), and so is the Nth of a kind
    of thing (第三座|极地科考站); any other 第N is an ordinal (第十六届, 第一批)."""
    cue_start = figure.number.start - 1  # the 第
    scope = next((s for s in RANK_SCOPES if folded.endswith(s, 0, cue_start)), "")
    if figure.unit == LARGEST:
        return _as_rank(figure, cue_start - len(scope))
    if figure.unit in RANKED_KINDS and _ranks_a_thing(folded, figure.span.end) \
            and _char(folded, figure.span.end) not in NUMERAL_CHARS:  # (not 第一个|百年奋斗目标; 首台|百万千瓦…)
        return replace(figure, span=Span(cue_start, figure.span.end), category="rank", form="rank")  # 第三座|科考站
    after = _char(folded, figure.span.end)
    if figure.unit and figure.unit not in (PLACE, "位"):
        return None
    if _cjk(after) and after not in "的。":
        return None  # 第二回合, 第一批: an ordinal of something, not a rank
    clause_start = cue_start
    while clause_start > 0 and folded[clause_start - 1] not in CLAUSE_BREAK and figure.number.start - clause_start < 12:
        clause_start -= 1
    clause = folded[clause_start:cue_start]
    cue = next((c for c in RANK_CUES if c in clause), "")
    if not cue or len(clause) - clause.rfind(cue) - len(cue) > RANK_GAP:
        if scope or (figure.unit == PLACE and not _ends_place_range(folded, cue_start)):
            return _as_rank(figure, cue_start - len(scope))  # 连续多年|全国第一; 拿到自由滑|第一名: a place is a rank
        return None
    return _as_rank(figure, clause_start + clause.rfind(cue))


def _ends_place_range(folded: str, cue_start: int) -> bool:
    """第二名到|第十名: the place after a range mark ends the range the first place opened."""
    return _char(folded, cue_start - 1) in RANGE_MARKS and _char(folded, cue_start - 2) == PLACE


def _as_rank(figure: Figure, start: int) -> Figure:
    """The figure as a rank, its quote from `start` (the rank verb or the whole ranked in)."""
    return replace(figure, span=Span(start, figure.span.end), unit="", category="rank", form="rank")


def _with_markers(folded: str, figure: Figure, grammar: NumberGrammar) -> Figure:
    """Markers around a fraction, a spelt-out percentage or a lone half (近三分之一, 百分之九十以上,
    近半个小时); a marker the figure holds already (半个多世纪) counts after them."""
    qualifiers = []
    end = figure.span.end
    after = grammar.after.longest_at(folded, _skip_space(folded, end))
    if after and after not in grammar.inner:
        qualifiers.append(grammar.after[after])
        end = _skip_space(folded, end) + len(after)
    start, before_qualifier, _ = _before(folded, figure.span.start, "x", grammar)
    if before_qualifier:
        qualifiers.append(before_qualifier)
    return replace(figure, span=Span(start, end), qualifier=_resolve([*qualifiers, figure.qualifier]))


def _join_ranges(folded: str, figures: list[Figure]) -> list[Figure]:
    """3至5年, 30%-40%, 三至五万元: a figure without unit (or the same unit) joined to the next one."""
    out: list[Figure] = []
    i = 0
    while i < len(figures):
        first = figures[i]
        second = figures[i + 1] if i + 1 < len(figures) else None
        joined = _range(folded, first, second) if second else None
        if joined == "years":
            i += 2  # 2023-2025: a span of years, a date
            continue
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        out.append(first)
        i += 1
    return out


def _range(folded: str, first: Figure, second: Figure):
    gap = folded[first.span.end : second.span.start]
    if not RANGE_SEPARATOR.fullmatch(gap) or second.span.start != second.number.start:
        return None
    if _years(first) and _years(second) and first.unit in ("", "年") and second.unit in ("", "年"):
        return "years"
    if first.unit not in ("", second.unit) or first.value_max is not None:
        return None
    low = first.value
    if first.unit == "" and second.multiplier > 1 and first.multiplier == 1:
        low = first.value * second.multiplier  # 3至5万元: the first half borrows 万
    if not low < second.value:
        return None
    return replace(
        second, span=Span(first.span.start, second.span.end), number=Span(first.number.start, second.number.end),
        value=_as_float(low), value_max=second.value,
        qualifier=first.qualifier if first.qualifier != "exact" else second.qualifier,
    )


def _years(figure: Figure) -> bool:
    return figure.form == "arabic" and figure.value == int(figure.value) and 1000 <= figure.value <= 2200 and len(figure.number) == 4

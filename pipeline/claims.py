"""Numeric claims: the figures of an article an editor can check, with what, whose and when.

1. read the figures of the text (pipeline.numbers);
2. keep those that are claims: not in furniture, programs, titles (《》) or short quoted names,
   not unit-less, not the indefinite 一 (一名, 一个), not an award grade that is itself counted;
3. for each, the quote and measure (the noun phrase after a classifier, else the words before,
   else what the figure before it in the sentence counted; a person's name for an age, a rate for a
   change), the subject (institution of the sentence, else of the paragraph, else the article's
   main one, or a place that opens the clause) and the period (nearest time scope, resolved to years).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from operator import attrgetter

from .document import SENTENCE_STOPS, ClaimFinding, Doc, Span, SpanIndex, Token, enclosing
from .localities import LocalityLexicon, find_localities
from .numbers import FOUR_DIGITS, FUTURE_OPENERS, PERIOD_OPENERS, Figure, NumberGrammar, find_figures
from .phrases import EachWord, Phrases
from .segment import FILLER_FREQUENCY, jieba_dictionary
from .stage import Stage

CLAUSE_BREAKS = "，。；！？：,;!?:\n"
LOCALITY = "locality"  # a township, village or community read from the text (pipeline.localities)
# the category of 大 (units.tsv): 三大攻坚战 counts a named set, a figure even inside the program it names
COUNTED_SET = "enumeration"
CHINESE_LEVELS = (LOCALITY, "county", "prefecture", "province")  # China's areas (村, 镇, 区, 市, 省)
PLACE_LEVELS = (*CHINESE_LEVELS, "country")  # places that can own a figure (a country's: 中国, 美国)
# A body named by its level alone (省纪委监委, 自治区党委, 县政府) is that level's body of the area the
# article last named whose full name ends in the level (江西省, 新疆维吾尔自治区), longest level first;
# not where the character after the level makes another word (市场, 县级, 区域, 省市, 县乡, 县城, 省管).
LEVEL_PREFIXES = ("自治区", "自治州", "省", "市", "州", "县", "区")
NOT_A_LEVEL_BEFORE = frozenset("场级域市区乡城管")
SHORT_QUOTE = 20  # a quoted stretch this short holding a numeral is a name or slogan (“两个维护”)
NOMINAL_TAGS = ("n", "vn", "j", "nz", "nt", "ns", "nr", "an", "s", "eng")  # not l: 习用语 are idioms (毫不犹豫)
# Grammar words that end a measure phrase; the lexicons hold content words, these are function words.
FUNCTION_CHARS = set("的了和与及或并等在是为有将把被对向从以其中这那各每也都还已共达")
# Words between what a figure measures and the figure that say only that it is reached (已超过了)
REACH_WORDS = frozenset(("了", "着", "已", "已经", "就", "都", "也", "仅", "仅仅", "只", "才", "均", "将",
                         "达", "达到", "超过", "超", "逾", "突破", "为", "是", "有", "高达", "多达", "约为"))
MAX_RIGHT, MAX_LEFT, MAX_MEASURE, SHORT_HEAD = 12, 8, 14, 6
BODY_TITLE = 6  # characters of a title between a body and the person who holds it (…学校|副校长|王某)
CUT_TAIL = "的、，,"  # left at the end of a quote cut at a stray mark
PAIRED_OPEN = frozenset("“‘「『《（(【")
PAIRED_CLOSE = dict(zip("”’」』》）)】", "“‘「『《（(【"))  # closing mark -> its opening one
GROUP_MARKS = ("、", "等", "和", "与")  # after a name: one of a group (徐小丽、黄韵筑等70名教师)
LEFT_STRIP = " “”\"、"  # around the words before a figure: not part of what it counts
ORDINAL_SUFFIX = "序次"  # what the Nth of its kind measures: its place in the order (极地科考站序次)
RATE_NOUNS = frozenset(("增速", "增幅", "降幅", "增长率"))  # a rate of change, of what the text said before
CHANGE_VERBS = ("增长", "增加", "下降", "减少", "提高", "提升", "上升", "降低", "回落")  # 增长7.3%: a rate
LASTING = ("连续", "历时", "持续", "长达", "为期")  # before a time: how long a thing lasts (历时一年)
MAIN_MENTIONS = 3  # mentions that make an institution the article's main subject
POPULATION = "population"  # the category of units.tsv for 人口: a unit that is the noun counted (14亿人口)
GLUED_FUNCTION = frozenset("中里内上由遭被在向从对把将为于和与及")  # what a guessed noun may have swallowed
# 两人, 两位 after these (a clause's opening, 这, 那) refer back to two people named before (_the_two)
PAIR_WORDS, PAIR_UNITS = ("两", "二", "俩"), ("人", "位")
PAIR_OPENERS = frozenset(CLAUSE_BREAKS + "“”这那")
OLD_AGE = "高龄"  # 89岁高龄: the age itself, not whose
COMPARED_BY = ("比", "较")  # 比2017年增长8.9%: the period is a comparison's base, not the figure's time
BASELINES = tuple(by + year for by in COMPARED_BY for year in ("上年", "去年"))  # not what changes (measures)
# The patterns searched through whole articles open with a lookahead for the characters a match can
# start with: re then passes over every other position at once (two to three times faster).
ONSET = "起(?![草步诉来点飞航义床源身])"  # 2018年起 opens a period; 起草, 起步 are words of their own
OPEN_ENDS = ("以来", "来", "至今", "之后", "以后", "起")  # a period so ended runs on to the article's date
YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
YEAR_PERIOD = re.compile(
    r"(?=[自从截到\d〇零一二三四五六七八九])"
    r"(?:自|从|截至|截止|到)?(?:" + YEAR + r"年?[至到—－-])?" + YEAR + "年"  # 2006年—2017年, 2013至2018年
    r"(?:\d{1,2}(?:月(?:\d{1,2}日)?)?[至到—－-]\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月(?:\d{1,2}日)?)?"  # 1月至9月, 1—11月
    r"(?:底|末|初|份)?(?:期间)?(?:以来|来|至今|之前|以前|之后|以后|" + ONSET + ")?"
)
# 自2015年|脱贫攻坚|以来: what began then, named between the year and 以来 (no clause mark between)
PERIOD_REACH = 24  # no time scope is longer: how far before a figure one that holds it may start
EVENT_REACH = 10  # characters of an event named before 以来, after a year (脱贫攻坚) or alone (党的十八大)
SINCE_EVENT = re.compile(r"[^，。；;,、：:！？\d\n]{1,%d}?以来" % EVENT_REACH)
# 党的十八大以来，入冬以来，: a clause that is only an event and 以来 is the time scope of what follows
SINCE_CLAUSE = re.compile("以来(?=[，,])")
SINCE_LEADS = ("特别是", "尤其是", "仅")  # 特别是党的十八大以来: they stress the scope, they are not of it
# 近3年来: the openers are the ones numbers.py leaves unread as figures, so the two stages agree.
# 30多年来, 十年来 need no opener: 来 closes the span on now (not 2018年来华: no numeral before the count)
RECENT_YEARS = re.compile(
    "(?:" + "|".join(sorted(PERIOD_OPENERS, key=len, reverse=True)) + r")(?P<n>\d+|[一二两三四五六七八九十]+)[多余]?年(?:来|以来|里|间|中)?"
    r"|(?<![\d一二两三四五六七八九十百千万〇零])(?P<bare>\d{1,3}|[一二两三四五六七八九十]+)[多余]?年(?:来|以来)"
)
# 5月, 12月3日 (one or two digits, not after a digit or 年): it opens with the first digit itself,
# which re skips to at once (twice as fast as a lookahead), and a lookbehind checks what precedes it.
DAY_RANGE = re.compile("[至到—－-]")  # 2月13日—14日: days that are a span of time
MONTH_DAY = re.compile(r"\d(?<![\d年]\d)\d?月(?:\d{1,2}日(?:[至到—－-]\d{1,2}日)?|底|末|初|份)?")  # 2月13日—14日, 11月末
# Small patterns used per figure or per period word, compiled once.
COUNT_AFTER_GRADE = re.compile(r"[ ]?(?:近|约|共|达)?[ ]?[\d一二两三四五六七八九十]")
RELATIVE_YEARS = frozenset(("今年", "去年", "前年", "明年"))
COMPARED_WITH = ("与", "同", "和", "跟")  # ... and 与上年相比, when the comparison follows
COMPARED_AFTER = re.compile("(?:同期)?(?:相比|比较|对比)")
CLAUSE_TIMED = ("age", "time")  # figures that take a period only from their own clause
UNTIL = ("截至", "截止到", "截止")  # 截至去年底: the period closes then, it does not open
YEAR_PART = re.compile(r"(?:\d{1,2}月(?:\d{1,2}日|底|末|初|份)?|[底末初]|全年|春节期间|春节|春运|[一二三四]季度|前三季度|"
                       r"前\d{1,2}个月|[上下]半年)(?:以来|" + ONSET + ")?")
LOCATIVE = re.compile(r"[在于][^，,]*[中里上内]")
CHINESE_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}")
CN_SMALL = {c: i for i, c in enumerate("零一二三四五六七八九十")}
CN_SMALL["两"] = 2
_end = attrgetter("end")


@dataclass(frozen=True)
class Period:
    text: str
    span: Span
    start: int | None
    end: int | None
    base: bool = False  # what a figure is compared with (比2017年, 与上年相比), not when it holds
    counted: bool = False  # 40年来 with no opener: its figure is a claim of its own too (改革开放40年)


class _Periods:
    """The periods of a document in text order, found by where they start (every claim asks for
    those of its sentence, paragraph and clause, not for all of the article's)."""

    def __init__(self, periods: list[Period]) -> None:
        self.periods = periods
        self.starts = [p.span.start for p in periods]

    def dates(self, figure: Figure) -> bool:
        """The figure is part of a longer time scope (11个月 in 去年前11个月): it dates, it counts nothing."""
        before = self.starting_in(max(0, figure.span.start - PERIOD_REACH), figure.span.start)
        return any(p.span.contains(figure.span) and len(p.span) > len(figure.span) and not p.counted for p in before)

    def starting_in(self, low: int, high: int) -> list[Period]:
        """The periods that start at `low` to `high` (both included), in text order."""
        return self.periods[bisect_left(self.starts, low) : bisect_right(self.starts, high)]


class ClaimStage(Stage):
    name = "claims"
    requires = ("text", "sentences", "paragraphs", "tokens", "meta", "institutions", "programs")
    provides = ("claims",)

    def __init__(self, resources) -> None:
        super().__init__(resources)
        lexicons = resources.lexicons
        self.grammar = NumberGrammar.from_lexicons(lexicons)
        # units that are a population noun (人口): a counted noun ending in one counts people
        self.population_units = tuple(u for u, category in self.grammar.units.items() if category == POPULATION)
        self.period_words = {row[0]: (row[1], row[2]) for row in lexicons["periods"].rows}
        self.period_finder = EachWord(self.period_words)
        self.place_levels = _place_levels(lexicons)
        cues = lexicons["subject_cues"].rows
        # 我国: the paper's own country owns figures as a country does, under the name the text gives it
        self.place_levels.update((row[0], "country") for row in cues if row[1] == "own_country")
        self.areas = _Areas.from_lexicons(lexicons)
        self.short_names = _short_names(lexicons)
        # places by name, and provinces and prefectures by the short forms running text gives them (江西, 杭州)
        self.place_names = Phrases({*(n for n in self.place_levels if len(n) >= 2), *self.short_names})
        self.localities = LocalityLexicon.from_lexicons(lexicons)
        # a body named right after one of these (与, 依托, 获, 被) is another party to a figure, not its owner
        self.other_party_cues = tuple(row[0] for row in cues if row[1] not in ("speaker", "own_country"))
        self.speech = tuple(row[0] for row in cues if row[1] == "speaker")
        self.vocabulary = jieba_dictionary()

    def __call__(self, doc: Doc) -> Doc:
        year = int(doc.meta.date[:4]) if doc.meta.date else None
        excluded = self._excluded_spans(doc)
        periods = _Periods(self._periods(doc, year))
        places = self._place_mentions(doc)
        # (a short form counts for its figure's sentence only: 本报北京2月3日电 does not make a story Beijing's)
        main = _main_subject(doc, [p for p in places if p[1] == doc.text[p[0].start : p[0].end]], self.place_levels)
        named = _Named(doc, places, self.other_party_cues, self.speech)
        qualify = self.areas.qualifier(doc.text)
        claims, before = [], None
        for figure in find_figures(doc.text, self.grammar):
            if not self._is_claim(doc, figure, excluded) or periods.dates(figure):
                continue
            claim = self._claim(doc, figure, periods, places, named, main)
            claim.subject = qualify(claim.subject, figure.span.start)
            _complete_measure(claim, figure, before if before and before[0].sentence == claim.sentence else None)
            claims.append(claim)
            before = (claim, figure)
        doc.claims = claims
        return doc

    def _opens_other_word(self, doc: Doc, pos: int) -> bool:
        """A dictionary noun starts at pos: 现场, 现代 (not the adverb or verb 现已, 现有, nor a guessed 现月)."""
        word = doc.word_from(pos)
        return (word is not None and len(word.text) > 1 and word.text in self.vocabulary
                and not word.pos.startswith(("d", "v")))

    # ------------------------------------------------------------ which figures are claims

    def _excluded_spans(self, doc: Doc) -> tuple[list[Span], list[Span]]:
        """Stretches no figure is read in: furniture and titles (《》); and program names, which hold
        codes (“12345”模式) but whose counted sets (三大攻坚战) are figures all the same."""
        spans = list(doc.furniture)
        spans += _bracketed(doc.text, "《", "》", limit=80)
        return spans, [m for program in doc.programs for m in program.mentions]

    def _is_claim(self, doc: Doc, figure: Figure, excluded: tuple[list[Span], list[Span]]) -> bool:
        anywhere, in_programs = excluded
        if any(figure.number.overlaps(span) for span in anywhere):
            return False
        if figure.category != COUNTED_SET and any(figure.number.overlaps(span) for span in in_programs):
            return False
        if _inside_place_word(doc, figure.number):
            return False  # 六盘水市, 五台县, 四大洲(赛): a numeral in a place's name counts nothing
        if not figure.unit and figure.category not in ("rank", "fraction") and figure.multiplier < 10_000:
            return False  # 12345, 2019: a bare number without unit or magnitude is a code or a date
        if figure.unit == "" and figure.category == "" and figure.qualifier == "exact" and figure.multiplier < 10_000:
            return False
        if self._indefinite_one(doc.text, figure):
            return False
        if figure.category == "award_grade" and COUNT_AFTER_GRADE.match(doc.text, figure.span.end):
            return False  # 一等奖1项: the claim is the count that follows, not the grade
        if _inside_short_quote(doc.text, figure.number):
            return False
        if _the_two(doc.text, figure):
            return False
        return True

    def _indefinite_one(self, text: str, figure: Figure) -> bool:
        """一名, 一个, 一年: the indefinite article, not a count anyone checks. 一年多, 不到一年, 一年半
        and 一个多亿 are counts (an approximate 一 is mostly not: 一来…二来, 附近|一处), and so are 一倍
        (a ratio), a time of about 一 (约|一分钟) and a time said to last (历时一年, 连续一周)."""
        start = figure.number.start
        if (text[start : figure.number.end] != "一" or figure.category in ("award_grade", "rank", "ratio")
                or figure.qualifier not in ("exact", "approx") or figure.multiplier != 1 or figure.value != 1):
            return False
        return not (figure.category == "time" and (self._about_before(text, start) or text.endswith(LASTING, 0, start)))

    def _about_before(self, text: str, pos: int) -> bool:
        """约 or 大约 right before `pos` says 'about' (焯水约|一分钟), not the end of a word of the
        dictionary (节约, 制约, 相约: 水约 is a filler entry)."""
        before = text[max(0, pos - 2) : pos]
        return before == "大约" or (before[-1:] == "约" and self.vocabulary.get(before, 0) <= FILLER_FREQUENCY)

    # ------------------------------------------------------------ the claim record

    def _claim(self, doc: Doc, figure: Figure, periods: _Periods, places: list[tuple[Span, str]],
               named: "_Named", main: str) -> ClaimFinding:
        sentence = doc.sentence_of(figure.span.start)
        clause = _clause(doc.text, figure, sentence)
        right_side = self._measure_after(doc, figure, clause)
        if right_side:
            phrase = right_side
            quote = Span(figure.span.start, figure.span.end + len(right_side))
            measure = _measure_text(phrase.lstrip("的").removesuffix(OLD_AGE), figure)
            # what is done to what is counted, or where (搬迁安置|约20万居民, 全区|6800多名教师)
            if measure and figure.category != "age":
                lead = _last_words(self._head_noun(_left_phrase(doc.text, figure, clause, periods))[0], MAX_LEFT)
                measure = _prefixed(lead, measure)
            if figure.category == "age":  # 15岁姑娘文敏, 59岁的沈秀英老家: the person the phrase names in full
                person = named.person_from(figure.span.end, quote.end)  # (王师傅 says more than its 王)
                measure = _measure_text(person, figure) if len(person) > 1 else measure
        else:
            left = _left_phrase(doc.text, figure, clause, periods)
            head_end = figure.span.start - (len(left) and _gap_before(doc.text, figure.span.start))
            partial = _into_word(doc, head_end - min(len(left), MAX_MEASURE))
            words, reach = self._head_noun(left, partial)
            head = "".join(words)
            short = _last_words(words, MAX_LEFT)
            quote = Span(head_end - len(short) if short else figure.span.start, figure.span.end)
            # (the window, too, opens at a word: 每|天1万步 gives 步数, not 天步数)
            window = left[-MAX_MEASURE:][partial:]
            measure = _measure_text(window[: len(window) - reach] if len(head) < 4 else head, figure)
        scope = _list_scope(doc, figure.span.start)
        if figure.category == "age" and not (right_side and measure):
            # whose age, when no noun follows it: the person the sentence names before (王欣瑜…未满18岁),
            # else the one its paragraph last named (罗逸涵…。今年14岁，)
            person = named.person_before(sentence.start, figure.span.start) or named.person_before(
                scope.start, figure.span.start)
            measure = _measure_text(person, figure)
        if measure and figure.category != "age":
            # whose figure it is, or which program's, when the text says so before it: the person of
            # its clause (黄永秀|指导参赛教师人次), the program of its sentence (麦洛维大坝项目|合同总金额)
            person = named.person_before(clause.start, figure.span.start)
            measure = _prefixed(person if len(person) > 1 else "", measure)
            measure = _prefixed(named.program_before(sentence.start, figure.span.start), measure)
        # a person's age (5岁的小女儿) and a stretch of time (历时一年多, 连续5年) take a time only from
        # their own clause (至今已经63年), not from the sentence's news: 2018年, 他已当了26年村支书
        period = _nearest_period(periods, figure, *((clause, clause) if figure.category in CLAUSE_TIMED else (sentence, scope)))
        # ... and is no place's or body's figure, unless a body is named in its clause (养老中心…81岁)
        subject = ("" if figure.category == "age" and not named.body_between(clause.start, figure.span.end)
                   else _subject(figure, sentence, clause, scope, places, named, main))
        quote = _without_stray_marks(doc.text, quote, figure.span)
        unit = figure.unit or self._unit_ending(right_side)
        times = self.grammar.times.get(unit, 1)  # 八旬: 80 岁
        return ClaimFinding(
            span=quote,
            value=figure.value * times,
            unit=self.grammar.reported.get(unit, unit),
            qualifier=figure.qualifier,
            value_max=figure.value_max * times if figure.value_max is not None else None,
            measure=measure,
            subject=subject,
            period=period.text if period else "",
            period_start=period.start if period else None,
            period_end=period.end if period else None,
            sentence=sentence,
            number_span=figure.number,
        )

    def _unit_ending(self, counted: str) -> str:
        """42万|贫困人口: a count with no classifier whose noun ends in a word for a population (人口) is
        a count of people."""
        return next((unit for unit in self.population_units if counted.endswith(unit)), "")

    def _measure_after(self, doc: Doc, figure: Figure, clause: Span) -> str:
        """The noun phrase after a classifier (6800多名教师 -> 教师), or "" when the number ends its phrase."""
        if figure.category in ("percent", "percent_point", "permille", "money", "rank", "fraction", POPULATION):
            if not (figure.category == "rank" and figure.unit):  # (第三座|极地科考站 ranks what follows)
                return ""
        rest = doc.text[figure.span.end : min(clause.end, figure.span.end + MAX_RIGHT)]
        if not rest or rest[0] in CLAUSE_BREAKS:
            return ""
        tokens = self.resources.segmenter.tag(rest)
        phrase_end = nouns = 0
        for i, token in enumerate(tokens):
            if token.text == "的" and i == 0 and len(tokens) > 1:
                phrase_end = token.end
                continue
            if token.text in "“”\"" and i == 0:
                phrase_end = token.end
                continue
            if token.text in "“”":
                phrase_end = token.end
                continue
            if token.pos.startswith(NOMINAL_TAGS):
                if token.text[-1] in GLUED_FUNCTION and token.text not in self.vocabulary:
                    phrase_end = token.end - 1  # 幼崽|遭: a guessed word swallowed the verb or preposition after it
                    break
                phrase_end = token.end
                nouns += 1
                continue
            if (token.pos.startswith("v") or token.pos == "a") and nouns == 0 and _nominal_next(tokens, i):
                phrase_end = token.end  # 帮扶小组, 参训教师, 新大棚: a verb or adjective opening the noun phrase
                continue
            break
        phrase = rest[:phrase_end]
        return phrase if phrase.strip("“”\"的") else ""

    def _head_noun(self, left: str, partial: int = 0) -> list[str]:
        """The words just before the figure that say what it counts: 课题 in 课题16项, 获奖 in 获奖472人次.

        A run of nouns (or 或/和/及 between them); a verb just before it joins when the whole stays
        short (受益师生), and a verb alone is the head when no noun precedes (获奖472人次). The words
        are read from the last MAX_MEASURE characters, less the `partial` first ones that end a word
        the cut went through (中|国债券市场: 国 is no word of its own). The second value is the length
        of the words ending the window that only say the figure is reached (人均纯收入|已超过了): a
        measure read from the window leaves them out.
        """
        window = left[-MAX_MEASURE:][partial:]
        tokens = self.resources.segmenter.tag(window)
        end = len(tokens)
        while end and tokens[end - 1].text in REACH_WORDS:
            end -= 1
        reach = len(window) - tokens[end].start if end < len(tokens) else 0
        start = None
        for token in reversed(tokens):
            if token.pos.startswith(NOMINAL_TAGS) or (token.text in ("或", "和", "及") and start is not None):
                start = token.start
                continue
            if token.pos.startswith("v") and token.text not in FUNCTION_CHARS:
                if start is None or len(window) - token.start <= SHORT_HEAD:
                    start = token.start
            break
        return ([t.text for t in tokens if t.start >= start] if start is not None else []), reach

    def _place_mentions(self, doc: Doc) -> list[tuple[Span, str]]:
        """Place names of the text that can own a figure (China's counties, prefectures and provinces,
        the last two by short forms too, named in full: 江西 -> 江西省; and countries: 中国, 美国) outside
        institution and program names (“中国梦”)."""
        inside = SpanIndex([m for inst in doc.institutions for m in inst.mentions]
                           + [m for program in doc.programs for m in program.mentions])
        found, areas = [], []
        for start, end, name in self.place_names.finditer(doc.text):
            if not doc.word_starts_at(start):
                continue  # the end of a word and the start of the next (发展|中国家, 示|范县, 沿|海地区)
            full = self.short_names.get(name, name)
            if full != name and not _is_place_word(doc, start, end):
                continue  # a short form is a place word of its own: 杭州|湾 is no 杭州市, 来宾 (guests) no 来宾市
            level = self.place_levels[full]
            if level in CHINESE_LEVELS:
                areas.append(Span(start, end))
            if level in PLACE_LEVELS and not inside.covers(start, end):
                found.append((Span(start, end), full))
        localities = find_localities(doc, areas, self.localities, self.resources.word_tags)
        if not localities:
            return found
        taken = SpanIndex(span for span, _ in found)
        found += [(span, name) for span, name in localities
                  if not inside.covers(span.start, span.end) and not taken.overlaps(span)]
        return sorted(found, key=lambda place: place[0].start)

    # ------------------------------------------------------------ periods

    def _periods(self, doc: Doc, year: int | None) -> list[Period]:
        text = doc.text
        found: list[Period] = []
        for m in YEAR_PERIOD.finditer(text):
            y, last = _year_of(m.group()), _last_year_of(m.group())
            span = Span(m.start(), m.end())
            if m.group().startswith("从") and text.startswith("的", span.end):
                span = Span(span.start + 1, span.end)  # 从2015年底的200万人: the value's time, not "since"
            elif m.group().endswith("来") and _opens_longer_word(doc, span.end - 1):
                span = Span(span.start, span.end - 1)  # 2018年|来华, 2016年|来到: the year, not "since"
            if text.startswith(("自", "从"), span.start) and not text.endswith(OPEN_ENDS, span.start, span.end):
                event = SINCE_EVENT.match(text, span.end)
                span = Span(span.start, event.end()) if event else span
            phrase = text[span.start : span.end]
            open_end = phrase.endswith(OPEN_ENDS)
            closes = phrase.startswith(("截至", "截止", "到")) or phrase.endswith(("之前", "以前"))
            start = None if closes else y
            end = year if open_end and year else last
            found.append(Period(phrase, span, start, end))
        for m in RECENT_YEARS.finditer(text):
            n = _small_number(m.group("n") or m.group("bare"))
            if not (year and n):
                first, last = None, year
            elif m.group().startswith(FUTURE_OPENERS):
                first, last = year, year + n  # the next n years run on from the article's year
            else:
                first, last = year - n, year
            found.append(Period(m.group(), Span(m.start(), m.end()), first, last, counted=m.group("bare") is not None))
        occurrences = self.period_finder.occurrences(text)
        for word, (start_offset, end_offset) in self.period_words.items():
            for at in occurrences.get(word, ()):
                if len(word) == 1 and (at == 0 or text[at - 1] not in CLAUSE_BREAKS or self._opens_other_word(doc, at)):
                    continue  # 现 inside 实现, 现场: a one-character time word only opens a clause (，现月收入, ，现已)
                if len(word) > 1 and text[at - 1 : at] not in CLAUSE_BREAKS and not doc.word_starts_at(at):
                    continue  # 至今 inside 截至今年
                span = Span(at, at + len(word))
                if any(p.span.overlaps(span) for p in found):
                    continue
                if word in RELATIVE_YEARS:  # 截至去年底, 今年春节期间, 去年9月: the part of that year
                    part = YEAR_PART.match(text, span.end)
                    opener = next((o for o in UNTIL if text.startswith(o, at - len(o))), "")
                    span = Span(at - len(opener), part.end() if part else span.end)
                    phrase = text[span.start : span.end]
                    found.append(Period(phrase, span, None if opener else _offset(year, start_offset),
                                        year if phrase.endswith(OPEN_ENDS) and year else _offset(year, end_offset)))
                    continue
                found.append(Period(word, span, _offset(year, start_offset), _offset(year, end_offset)))
        for m in MONTH_DAY.finditer(text):
            span = Span(m.start(), m.end())
            if m.group().endswith("日") and not DAY_RANGE.search(m.group()):
                continue  # 1月29日，…被判有期徒刑18年: a day is when a thing happened, not the span a figure covers
            if not any(p.span.overlaps(span) for p in found):
                found.append(Period(m.group(), span, year, year))
        for span in _since_events(text):
            if not any(p.span.overlaps(span) for p in found):
                found.append(Period(text[span.start : span.end], span, None, year))
        found.sort(key=lambda p: p.span.start)
        return [replace(p, base=True) if _comparison_base(text, p.span) else p for p in found]


# ---------------------------------------------------------------- helpers


def _without_stray_marks(text: str, quote: Span, figure: Span) -> Span:
    """The quote ended before a quotation mark or bracket that opens after the figure and does not
    close inside it (三间平房“…, 14场“开发性金融…), or closes there without having opened. A mark that
    closes before the figure stays: the annotators quote 国家万人计划教学名师”1 人 so."""
    end, opened = quote.end, []  # (mark, position) of the marks open so far, innermost last
    for pos in range(figure.end, quote.end):
        ch = text[pos]
        if ch in PAIRED_OPEN:
            opened.append((ch, pos))
        elif ch in PAIRED_CLOSE:
            if not opened or opened[-1][0] != PAIRED_CLOSE[ch]:
                end = pos
                break
            opened.pop()
    if opened:
        end = min(end, opened[0][1])  # the outermost mark left open
    if end == quote.end:
        return quote
    while end > figure.end and text[end - 1] in CUT_TAIL:
        end -= 1  # (15天的“年货: nor the 的 left before it)
    return Span(quote.start, end)


def _bracketed(text: str, open_mark: str, close_mark: str, limit: int) -> list[Span]:
    spans = []
    for m in re.finditer(re.escape(open_mark) + r"[^" + re.escape(close_mark) + r"\n]{0,%d}" % limit + re.escape(close_mark), text):
        spans.append(Span(m.start(), m.end()))
    return spans


def _inside_short_quote(text: str, number: Span) -> bool:
    """True when the numeral sits between quotation marks around at most SHORT_QUOTE characters
    that hold no sentence end: “两个维护” and “三块牌子，一套班子” are names, “女儿三岁半时，我就…。” and
    “到目前为止，我们只恢复了最好水平的八成，未来还可以做得更好” speech."""
    quote = enclosing(text, number.start, number.end, "“", "”", SHORT_QUOTE)
    if quote is None or not SENTENCE_STOPS.isdisjoint(text[quote.start : quote.end - 1]):
        return False
    return len(quote) - 2 <= SHORT_QUOTE or "，" not in text[quote.start : quote.end]  # (longer, with commas: speech)


def _clause(text: str, figure: Figure, sentence: Span) -> Span:
    start = figure.span.start
    while start > sentence.start and text[start - 1] not in CLAUSE_BREAKS:
        start -= 1
    end = figure.span.end
    while end < sentence.end and text[end] not in CLAUSE_BREAKS:
        end += 1
    return Span(start, end)


def _gap_before(text: str, pos: int) -> int:
    """How many of the characters that `_left_phrase` strips (spaces, quotes, 、) stand just before pos."""
    gap = 0
    while gap < pos and text[pos - gap - 1] in LEFT_STRIP:
        gap += 1
    return gap


def _into_word(doc: Doc, pos: int) -> int:
    """How far `pos` is from the end of the word it cuts through; 0 when a word starts there."""
    word = doc.token_at(pos)
    return word.end - pos if word is not None and word.start < pos else 0


def _last_words(words: list[str], limit: int) -> str:
    """The words at the end of `words` that fit in `limit` characters, whole: a quote never starts
    inside a word (国家|教学|成果|一等奖 gives 教学成果一等奖, not 家教学成果一等奖); the last word
    is kept even when it alone is longer."""
    kept, size = [], 0
    for word in reversed(words):
        if kept and size + len(word) > limit:
            break
        kept.append(word)
        size += len(word)
    return "".join(reversed(kept))


def _nominal_next(tokens: list[Token], i: int) -> bool:
    """A verb inside a noun phrase (帮扶 in 专家帮扶小组) when a noun follows it."""
    return i + 1 < len(tokens) and tokens[i + 1].pos.startswith(NOMINAL_TAGS)


def _left_phrase(text: str, figure: Figure, clause: Span, periods: _Periods) -> str:
    """Words between the clause start (after any period phrase) and the figure: 获奖 in 获奖472人次."""
    start = clause.start
    for period in periods.starting_in(clause.start, figure.span.start):
        if period.span.end <= figure.span.start:
            start = max(start, period.span.end)
    phrase = _after_locative(text[start : figure.span.start].strip(LEFT_STRIP))
    while phrase and phrase[0] in FUNCTION_CHARS:
        phrase = phrase[1:]
    return phrase


def _after_locative(phrase: str) -> str:
    """在国家级评比中获奖 -> 获奖: a prepositional phrase closed by 中/里/上 says where, not what."""
    m = LOCATIVE.search(phrase)
    rest = phrase[m.end() :] if m else phrase
    return rest or phrase


# A quantity's own noun says what is measured better than its unit does: 耕地面积, not 耕地亩数; and
# a phrase that already ends in one keeps it alone (全长, 用水量). Counts of years and days keep 年数, 天数.
QUANTITY_NOUNS = {
    "area": ("面积", ("面积",)),
    "length": ("长度", ("长度", "长", "里程", "距离", "高度", "高", "宽度", "宽", "深度", "深", "海拔", "半径")),
    "weight": ("重量", ("重量", "重", "量")),
    "concentration": ("浓度", ("浓度",)),
    "temperature": ("温度", ("温度", "气温", "体温", "水温", "温")),
}
STRETCH_NOUNS = ("时长", ("时长", "时间", "时", "期", "期间", "工期"))  # 3个月, 两周, 20分钟: not 个月数
STRETCH_COUNTED = ("年", "天")  # 年数, 天数 name the count itself


def _quantity_noun(figure: Figure) -> tuple[str, tuple[str, ...]] | None:
    if figure.category == "time" and not figure.unit.endswith(STRETCH_COUNTED):
        return STRETCH_NOUNS
    return QUANTITY_NOUNS.get(figure.category)


def _measure_suffix(figure: Figure) -> str:
    """What a measure ends in for this figure's unit: 人数 for people, 亩数 for 亩, "" for money."""
    noun = _quantity_noun(figure)
    if noun is not None:
        return noun[0]
    if figure.unit == "人次":
        return "人次"
    if figure.category == "person":
        return "人数"
    if figure.category == "age":
        return "年龄"
    if figure.category == "rank":
        return ORDINAL_SUFFIX if figure.unit else "排名"  # 第三座 (极地科考站序次), 名列第一 (排名)
    if figure.category == "award_grade":
        return "获奖等级"
    if figure.category in ("percent", "percent_point", "permille", "money", "fraction", ""):
        return ""
    if figure.unit in ("个", "大"):
        return "数"
    return figure.unit + "数"


def _measure_text(phrase: str, figure: Figure) -> str:
    phrase = phrase.strip(" “”\"").lstrip("的").rstrip("的共达为是有约近")  # (承建|的|麦洛维…: no 的 opens it)
    suffix = _measure_suffix(figure)
    noun = _quantity_noun(figure)
    if phrase.endswith(suffix if noun is None else noun[1]):  # (a quantity's nouns hold its suffix)
        return phrase
    if suffix == "获奖等级":  # says what it measures even alone; 获一等奖 is no 获获奖等级
        return phrase.removesuffix("获得").removesuffix("获") + suffix
    return phrase + suffix if phrase else ""


def _prefixed(lead: str, measure: str) -> str:
    return lead + measure if lead and lead not in measure else measure


def _complete_measure(claim: ClaimFinding, figure: Figure, before: tuple[ClaimFinding, Figure] | None) -> None:
    """Fill in a measure the words around its figure leave empty or bare, from the figure before it
    in the sentence: 查获幼崽80头，其中71头 (幼崽头数); 新登记市场主体44.42万户，增长7.3% (a rate of
    change counts what the figure before counted: 市场主体增长率), and so does a rate named alone (…收入
    达1.08万亿元，增速18.8%: 收入增速). Else the unit's own measure (人数)."""
    if figure.category in ("percent", "percent_point") and claim.measure.endswith(CHANGE_VERBS):
        change = next(verb for verb in CHANGE_VERBS if claim.measure.endswith(verb))
        stem = claim.measure[: -len(change)]
        for base in BASELINES:
            stem = stem.removesuffix(base)
        if stem.endswith(("同比", "环比")):
            stem, change = stem[:-2], stem[-2:] + change
        if not stem and before is not None:
            stem = before[0].measure.removesuffix(_measure_suffix(before[1]))
        claim.measure = stem + change + "率"
    elif claim.measure in RATE_NOUNS and before is not None and before[0].measure \
            and before[1].category not in ("percent", "percent_point"):  # (not a rate's rate)
        # 收入达1.08万亿元，增速18.8%: the rate of what the figure before measured
        claim.measure = before[0].measure.removesuffix(_measure_suffix(before[1])) + claim.measure
    elif not claim.measure:
        if before is not None and before[1].unit == figure.unit and before[0].measure:
            claim.measure = before[0].measure
        else:
            suffix = _measure_suffix(figure)
            claim.measure = suffix if len(suffix) > 1 else ""  # 人数, 年数; a bare 数 says nothing


def _place_levels(lexicons) -> dict[str, str]:
    if "places" not in lexicons:
        return {}
    return {row[0]: row[1] for row in lexicons["places"].rows if len(row) > 1}


def _short_forms(lexicons, levels: tuple[str, ...]) -> dict[str, str]:
    """Short form -> full name of China's areas of `levels` (江西 -> 江西省, 杭州 -> 杭州市); where two
    areas share one, the higher level's (海南 is 海南省, not 海南区; 吉林 is 吉林省)."""
    rows = lexicons["places"].rows if "places" in lexicons else []
    names: dict[str, str] = {}
    for level in levels:
        for row in rows:
            if len(row) > 2 and row[1] == level and len(row[2]) >= 2:
                names.setdefault(row[2], row[0])
    return names


def _short_names(lexicons) -> dict[str, str]:
    """The short forms of provinces and prefectures that own figures: none that is itself a place's
    full name."""
    full_names = {row[0] for row in lexicons["places"].rows} if "places" in lexicons else set()
    return {short: full for short, full in _short_forms(lexicons, ("province", "prefecture")).items()
            if short not in full_names}


def _main_subject(doc: Doc, places: list[tuple[Span, str]], levels: dict[str, str]) -> str:
    """The article's main institution (most mentioned, three times at least, and more than any
    other), unless an area of China is mentioned more often; the places include the localities
    (杜寨村).

    Place names inside institution names count for the place too (荣昌区教师进修学校 speaks of
    荣昌区); an institution named after the main place wins, being the more specific.
    """
    institution, mentions = "", 0
    ranked = sorted(doc.institutions, key=lambda inst: len(inst.mentions), reverse=True)
    if ranked:
        most = len(ranked[0].mentions)
        runner_up = len(ranked[1].mentions) if len(ranked) > 1 else 0
        # a body named once or twice is not what the article is about, nor one named no more than another
        if most >= MAIN_MENTIONS and runner_up < most:
            institution, mentions = ranked[0].canonical, most
    counts: dict[str, int] = {}
    for _, name in places:
        counts[name] = counts.get(name, 0) + 1
    for inst in doc.institutions:
        for name in counts:
            if name in inst.canonical:
                counts[name] += len(inst.mentions)
    if not counts:
        return institution
    # the most specific area named often: a country only where no area of China is (中国 modifies
    # much of what an article about 黑龙江 says: 中国经济, 中俄)
    areas = [name for name in counts if levels.get(name, LOCALITY) in CHINESE_LEVELS]
    if areas and counts[max(areas, key=lambda name: counts[name])] >= MAIN_MENTIONS:
        counts = {name: counts[name] for name in areas}
    place = max(counts, key=lambda name: counts[name])
    if levels.get(place, LOCALITY) not in CHINESE_LEVELS:
        # a country named most is the setting of the news (a match, a recipe, a summit), not the owner
        # of figures no sentence gives an owner; nor does it outrank the body the article is about
        return institution
    if institution and (place in institution or mentions >= counts[place]):
        return institution
    return place


def _subject(figure: Figure, sentence: Span, clause: Span, list_scope: Span, places: list[tuple[Span, str]],
             named_all: "_Named", main: str) -> str:
    """The institution or place named last before the figure in its sentence, else in its paragraph
    (`list_scope`: a list set in several lines counts as one), else the article's main subject; none
    when a person is named after that body and before the figure in its clause, neither as the one
    who speaks (院长张华介绍 is the source) nor as one of a counted group (徐小丽、黄韵筑等70名教师)."""
    for scope in (sentence, list_scope):
        named = named_all.inside(scope)
        before = [(span, name) for span, name in named if span.end <= figure.span.start]
        body_end = before[-1][0].end if before else 0
        # a person named in the figure's clause after the body, not by the body's title (江北区培新
        # 小学校|校长|朱刚 speaks for the school): the person's own figure, no body's
        if scope is sentence and named_all.person_between(max(body_end + BODY_TITLE, clause.start), figure.span.start):
            return ""
        if before:
            return before[-1][1]
        if scope is sentence:
            after = [(span, name) for span, name in named if span.start >= figure.span.end]
            if after and not _is_place(after[0][1], places):
                return after[0][1]
    return main


class _Named:
    """Institution mentions and places of a document, sorted once (every claim asks for a scope)."""

    def __init__(self, doc: Doc, places: list[tuple[Span, str]], other_party_cues: tuple[str, ...] = (),
                 speech: tuple[str, ...] = ()) -> None:
        named = [(m, inst.canonical) for inst in doc.institutions for m in inst.mentions]
        text, reach = doc.text, max(map(len, other_party_cues), default=0)
        self.named = sorted((span, name) for span, name in named + places
                            if not text[max(0, span.start - reach) : span.start].endswith(other_party_cues))
        self.starts = [span.start for span, _ in self.named]
        self.body_starts = sorted(m.start for inst in doc.institutions for m in inst.mentions)
        # people's mentions (start, end, name) in text order; the starts of those who do not report the
        # figures (张华介绍) nor stand in a group (徐小丽、…等)
        self.mentions = sorted((m.start, m.end, person.name) for person in doc.people for m in person.mentions)
        self.programs = sorted((m.start, m.end, program.text) for program in doc.programs for m in program.mentions)
        self.people = [start for start, end, _ in self.mentions
                       if not text.startswith(speech, end) and not text.startswith(speech, end + 1)
                       and not text.startswith(GROUP_MARKS, end)]

    def person_before(self, start: int, end: int) -> str:
        """The name of the last person mentioned in [start, end), or ""."""
        index = bisect_left(self.mentions, (end,)) - 1
        return self.mentions[index][2] if index >= 0 and self.mentions[index][0] >= start else ""

    def program_before(self, start: int, end: int) -> str:
        """The text of the last program whose mention lies in [start, end), or ""."""
        index = bisect_left(self.programs, (end,)) - 1
        while index >= 0 and self.programs[index][1] > end:
            index -= 1  # (one that begins before `end` but runs past it: the figure is inside its name)
        return self.programs[index][2] if index >= 0 and self.programs[index][0] >= start else ""

    def body_between(self, start: int, end: int) -> bool:
        """An institution (not a place) is named in [start, end)."""
        index = bisect_left(self.body_starts, start)
        return index < len(self.body_starts) and self.body_starts[index] < end

    def person_from(self, start: int, end: int) -> str:
        """The name of the first person whose mention begins in [start, end), or ""."""
        index = bisect_left(self.mentions, (start,))
        return self.mentions[index][2] if index < len(self.mentions) and self.mentions[index][0] < end else ""

    def person_between(self, start: int, end: int) -> bool:
        """A person (not speaking) is named in [start, end)."""
        index = bisect_left(self.people, start)
        return index < len(self.people) and self.people[index] < end

    def inside(self, scope: Span) -> list[tuple[Span, str]]:
        """The (span, name) pairs within `scope`, in text order."""
        first = bisect_left(self.starts, scope.start)
        last = bisect_right(self.starts, scope.end)
        return [(span, name) for span, name in self.named[first:last] if span.end <= scope.end]


class _Areas:
    """China's areas by the names running text gives them (full names and short forms: 江西省, 江西)."""

    def __init__(self, full_names: dict[str, str]) -> None:
        self.full_names = full_names  # name or short form -> full name
        self.finder = Phrases(full_names)

    @classmethod
    def from_lexicons(cls, lexicons) -> "_Areas":
        rows = lexicons["places"].rows if "places" in lexicons else []
        names = {row[0]: row[0] for row in rows if len(row) > 1 and row[1] in CHINESE_LEVELS}
        for short, full in _short_forms(lexicons, ("province", "prefecture", "county")).items():
            names.setdefault(short, full)
        return cls(names)

    def qualifier(self, text: str):
        """subject, position -> the subject named in full (省纪委监委 -> 江西省纪委监委); the areas of
        `text` are looked up only once a subject needs them."""
        mentions: list[tuple[int, str]] | None = None

        def qualify(subject: str, at: int) -> str:
            nonlocal mentions
            level = next((p for p in LEVEL_PREFIXES if subject.startswith(p)), "")
            if not level or len(subject) <= len(level) or subject[len(level)] in NOT_A_LEVEL_BEFORE:
                return subject
            if mentions is None:
                mentions = [(start, self.full_names[name]) for start, _, name in self.finder.finditer(text)]
            for start, full in reversed(mentions[: bisect_left(mentions, (at,))]):
                if full.endswith(level) and not (level == "区" and full.endswith("自治区")):
                    return full + subject[len(level):]
            return subject

        return qualify


def _is_place(name: str, places: list[tuple[Span, str]]) -> bool:
    return any(name == place for _, place in places)


def _opens_longer_word(doc: Doc, start: int) -> bool:
    """A segmenter's word of more than one character begins at start (来华, 来到; not 年来, not a lone 来)."""
    word = doc.word_from(start)
    return word is not None and len(word.text) > 1


def _the_two(text: str, figure: Figure) -> bool:
    """，两人一起商量, 这两位老人: 两人 or 两位 opening a clause, or after 这/那, refers back to two people
    the story has named; it counts no one a fact-checker would check (3人受伤 may open a clause and
    count, so only 两 is so read)."""
    start = figure.number.start
    return (text[start : figure.number.end] in PAIR_WORDS and figure.value == 2 and figure.qualifier == "exact"
            and figure.unit in PAIR_UNITS and (start == 0 or text[start - 1] in PAIR_OPENERS))


def _is_place_word(doc: Doc, start: int, end: int) -> bool:
    """The segmenter reads [start, end) as one place word (杭州 ns, not 杭州|湾 nor 来宾 n)."""
    word = doc.word_from(start)
    return word is not None and word.end == end and word.pos.startswith("ns")


def _inside_place_word(doc: Doc, number: Span) -> bool:
    """The segmenter reads the number and what follows as one place word (六盘水市 ns)."""
    token = doc.token_at(number.start)
    return token is not None and token.pos.startswith("ns") and token.end > number.end


def _list_scope(doc: Doc, pos: int) -> Span:
    """The figure's paragraph, extended back over paragraphs that end in ；or ： (one list set in lines)."""
    paragraph = doc.paragraph_of(pos)
    start = paragraph.start
    # back from the last paragraph that ends by `start` (paragraphs are in text order)
    for index in range(bisect_right(doc.paragraphs, start, key=_end) - 1, -1, -1):
        previous = doc.paragraphs[index]
        if doc.text[previous.start : previous.end].rstrip()[-1:] not in ("；", "：", ";", ":"):
            break
        start = previous.start
    return Span(start, paragraph.end)


def _comparison_base(text: str, span: Span) -> bool:
    """比2017年, 较上年, 与去年同期相比: the period the figure is measured against."""
    before = text[span.start - 1 : span.start]
    return before in COMPARED_BY or (before in COMPARED_WITH and COMPARED_AFTER.match(text, span.end) is not None)


def _since_events(text: str) -> list[Span]:
    """Clauses that are an event and 以来 (党的十八大以来，, 入冬以来，, 长期以来，), without what leads them."""
    spans = []
    for m in SINCE_CLAUSE.finditer(text):
        start = m.start()
        while start > 0 and m.start() - start < EVENT_REACH and text[start - 1] not in CLAUSE_BREAKS:
            start -= 1
        if start > 0 and text[start - 1] not in CLAUSE_BREAKS:
            continue  # longer than an event named in passing: a clause of its own
        while start < m.start() and (text[start].isspace() or text[start] == "“" and "”" not in text[start : m.start()]):
            start += 1  # the paragraph's indent, a quotation the clause opens (“投产以来，…”)
        since = text.find("自", start, m.start())
        if since > start:
            start = since  # 蒙内铁路|自开工以来: the scope begins at 自, what precedes it is the subject
        lead = next((w for w in SINCE_LEADS if text.startswith(w, start)), "")
        if m.start() > start + len(lead):
            spans.append(Span(start + len(lead), m.end()))
    return spans


def _nearest_period(periods: _Periods, figure: Figure, sentence: Span, paragraph: Span) -> Period | None:
    in_sentence = [p for p in periods.starting_in(sentence.start, sentence.end)
                   if sentence.contains(p.span) and not p.span.overlaps(figure.span) and not p.base]
    before = [p for p in in_sentence if p.span.end <= figure.span.start]
    if before:
        return before[-1]
    if in_sentence:
        return in_sentence[0]
    earlier = [p for p in periods.starting_in(paragraph.start, paragraph.end)
               if paragraph.contains(p.span) and p.span.end <= sentence.start and not p.base]
    return earlier[-1] if earlier else None


def _last_year_of(text: str) -> int | None:
    """The year a span of years ends in (2017 in 2006年—2017年期间), the year itself when it is one."""
    years = FOUR_DIGITS.findall(text) or CHINESE_YEAR.findall(text)
    return _year_of(years[-1]) if years else None


def _year_of(text: str) -> int | None:
    m = FOUR_DIGITS.search(text)
    if m:
        return int(m.group())
    m = CHINESE_YEAR.search(text)
    if m:
        return int("".join(str("〇一二三四五六七八九".index(c) if c != "零" else 0) for c in m.group()))
    return None


def _small_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if len(text) == 1:
        return CN_SMALL.get(text)
    if text.startswith("十"):
        return 10 + CN_SMALL.get(text[1], 0)
    if text[1] == "十" and len(text) <= 3:  # 六十, 三十五
        tens, ones = CN_SMALL.get(text[0]), CN_SMALL.get(text[2:], 0)
        return tens * 10 + ones if tens else None
    return None


def _offset(year: int | None, offset: str) -> int | None:
    if year is None or offset == "":
        return None
    return year + int(offset)

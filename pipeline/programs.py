"""Stage 7, programs: find the named programs of an article (initiatives, models, codes, plans, brands).

Order of the search, each step a general cue rather than a list of names:
  1. quoted names (“…” ‘…’ "…" 「…」) and lists of them, kept when a program noun heads them
     (“三为”课堂, “线描画”“泥塑”等课程), when they end in one (“五有课堂”), when they have the
     shape of a code (“12345”, “1+X”, “党建+服务”) or of a numeric slogan (“双减”, “三会一课”),
     when they are all the object of a verb that launches or upholds them (坚持“研训合一”，), or
     when the article defines them (“三为”即…); honour titles, quoted speech and quoted
     institution or person names are refused;
  2. book titles 《…》 that name a plan or policy (…计划, …意见), or courses listed as such, and
     a document's title written without them (印发关于…的指导意见);
  3. unquoted names after a launch verb, ending in a strong program noun (实施乡村振兴战略), or
     after a verb that upholds one, ending in a strategy's or a battle's noun (贯彻…协同发展战略);
  4. enumerations whose items all end in the same program noun (菜单式服务制、兼职教研员制);
  5. unquoted names that start with an administrative area (潼南区…教师培训, 重庆市…年会);
  then editions, hosted events, proper projects and named days, each outside what is found; then
  the national programs papers name with no cue at all (人类命运共同体, 河长制), from a list; and
  last the numbered members of a national series (嫦娥四号, 长征五号), from a list of series.
Every accepted name becomes one `ProgramFinding` per distinct text, with all its mentions, the
defining text when there is one, and the institution that runs it (the nearest in the sentence,
else in the paragraph).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter

import regex

from .document import SENTENCE_STOPS, Doc, InstitutionFinding, ProgramFinding, Span, SpanIndex, Token, occurrences
from .phrases import EachWord, Phrases
from .segment import FILLER_FREQUENCY, jieba_dictionary
from .stage import Stage

QUOTE_PAIRS = regex.compile(r"“([^“”\n]{1,90})”|‘([^‘’\n]{1,60})’|「([^「」\n]{1,60})」|\"([^\"\n]{1,60})\"")
BOOK_TITLE = regex.compile(r"《([^《》\n]{2,80})》")
CODE_SHAPE = regex.compile(r"(?:\d[\dA-Za-z]{2,}|[\dA-Za-z]+(?:[+＋][\dA-Za-z]+)+|[A-Z]+-[A-Z]{2,}|[A-Z]-[A-Z]+|[A-Z]\+\+)")
PLUS_SHAPE = regex.compile(r"[\p{Han}A-Za-z\d]+(?:[+＋][\p{Han}A-Za-z\d]+)+(?:[、，,][\p{Han}A-Za-z\d]+(?:[+＋][\p{Han}A-Za-z\d]+)+)*")
# “和平使命—2018”, “跨越—2018·朱日和”: an exercise, contest or campaign named with its year after a dash
YEAR_NAMED = regex.compile(r"\p{Han}{2,8}[—－-](?:19|20)\d\d(?:·\p{Han}{2,6})?")
TRAILING_PARENS = regex.compile(r"[（(][^（）()]*[）)]$")
SEPARATORS = "、·•，,"
HAN = regex.compile(r"\p{Han}")
BREAK = regex.compile(r"[^\p{Han}\p{N}A-Za-z（）()·\-]")  # anything that ends a name: punctuation, space, quote
AFTER_WINDOW = 14  # how far after a quote its head noun may stand (“…”双轮联动学校劳动教育模式)
UNQUOTED_MAX = 24
SUBTITLE_MARKS = ("—", "·", "：", ":")
SHORT_FORM_MIN = 2  # characters of a quoted short form of a longer program's name (“嫦娥”)
SELF_MAX = 40  # a quoted name ending in a program noun is refused beyond this length (speech, not a name)
SLOGAN_MAX = 8  # a numeric slogan code is short: 三会一课, 一师一优课·一课一名师 (per part)
CLAUSE_PART_MAX = 10  # a quoted name with commas has short parallel parts (红烛红心,同研同行)
# Small patterns used for every quote or candidate, compiled once.
CLAUSE_SPLIT = regex.compile(r"[，,；;]")
LIST_SPLIT = regex.compile(r"[、·•，,]")
AFTER_VERB = frozenset("了好起出")  # a launch verb's aspect or complement (实施好, 推出了), before the name
YEAR_LIKE = regex.compile(r"(?:19|20)\d\d")
CLAUSE_END = regex.compile(r"[。；;！？!?\n]")
# 研训合一, 厕所革命, 互联网+农业: a short name, no clause; or a motto of a few short parallel parts
# (生态优先、绿色发展; 共抓大保护，不搞大开发), whose parts hold no 的 (房子是用来住的、不是用来炒的 is a clause)
ADOPTED_NAME = regex.compile(r"[\p{Han}\d+＋]{2,10}|[^\P{Han}的]{2,8}(?:[、，,][^\P{Han}的]{2,8}){1,3}")
SPEAKERS = frozenset("我你咱")  # a first or second person in a quote makes it speech
COMPOUND_VERB_MAX = 4  # 联合|推出 as one word: an adverb of two characters and the verb
ADOPTED_END = frozenset("，,。；;！？!?\n")  # what may follow a quote that is a verb's whole object
SORT_NOUN_POS = frozenset({"n", "vn"})  # a plain noun naming the quote's sort (服务, 改革), not a name or place
THIS_TIME = ("本次", "此次", "这次")  # after a quote: a new noun phrase, no apposition (“…”这一战略 is one)
DEMONSTRATIVE = regex.compile(r"[这那][场个项次些种样类批条一]|该|此[项次]|本次")  # not 那曲, 本溪: places
# 推出|更多试点项目, 实施|一批重点工程: how many programs of a sort, not one program's name
QUANTIFIER = regex.compile(r"更多|一[批些系]|若干|各[项类种个]|诸多|众多|大批|多[个项种批]")
FIRST_OF_PART = regex.compile(r"第[一二三四五六七八九十]+(?=[、，,]|$)")  # 产业第一、…: a part ends on its rank
YEAR_BEFORE = re.compile(r"(?:19|20)\d\d年$")  # a year right before a name: no count of it
# 三个|…, 数十起|查处行动, 17次|…大会: a count of things or events, not a name. The classifiers are
# a few of units.tsv's on purpose: all of them would refuse 数字|经济 (字) and 二期|工程 (期).
COUNT = r"[\d一二三四五六七八九十两几多数各百千万]+[个项大批类条起次场轮件种]"
COUNTED_NAME = regex.compile(COUNT)
# …建水县有近百项|文化旅游活动: the same count said of something inside the would-be name makes it a clause
COUNT_SAID = regex.compile(r"[有近约共超逾]" + COUNT)
NUMBERED_SET = regex.compile(r"[一二三四五六七八九十两]大")  # 三大攻坚战: the campaigns counted are the name
CAMPAIGN = "campaign"
NUMERALS = "一二三四五六七八九十百"
NUMERAL_CHARS = frozenset(NUMERALS)
SERIES_NUMBER = r"[一二三四五六七八九十〇零]{1,3}|\d{1,2}"  # 嫦娥四号, 神舟十一号, 雪龙2号
SERIES_REST = regex.compile(rf"(?:{SERIES_NUMBER})号(?:[甲乙丙丁]|[A-Z])?")
_token_start = attrgetter("start")


def _any_of(words) -> re.Pattern:
    """One pattern for any of `words`, longest first (so 专项行动 is found before 行动); one that
    matches nothing when there are none."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!)")


@dataclass
class ProgramLexicon:
    """The program lexicons as lookups (built once per pipeline)."""

    nouns: dict[str, tuple[str, str]]  # noun -> (kind, strength)
    stop: dict[str, frozenset[str]]  # scope -> terms
    cues: dict[str, frozenset[str]]  # role -> terms
    nouns_longest_first: tuple[str, ...] = ()
    places: frozenset[str] = frozenset()  # place names and their short forms (places.tsv)
    known: dict[str, str] = field(default_factory=dict)  # national program named with no cue -> kind
    series: dict[str, tuple[str, bool]] = field(default_factory=dict)  # numbered series -> (kind, 号 alone names one)

    @classmethod
    def from_resources(cls, lexicons) -> "ProgramLexicon":
        nouns = {row[0]: (row[1], row[2] if len(row) > 2 else "weak") for row in lexicons["program_nouns"].rows}
        stop: dict[str, set[str]] = {}
        for row in lexicons["program_stop"].rows:
            stop.setdefault(row[1], set()).add(row[0])
        cues: dict[str, set[str]] = {}
        for row in lexicons["program_cues"].rows:
            cues.setdefault(row[1], set()).add(row[0])
        return cls(
            nouns=nouns,
            stop={k: frozenset(v) for k, v in stop.items()},
            cues={k: frozenset(v) for k, v in cues.items()},
            nouns_longest_first=tuple(sorted(nouns, key=len, reverse=True)),
            places=lexicons["places"].terms() | lexicons["places"].values(2) if "places" in lexicons else frozenset(),
            known=lexicons["program_names"].mapping(1) if "program_names" in lexicons else {},
            series={row[0]: (row[1], row[2] == "yes") for row in lexicons["program_series"].rows}
            if "program_series" in lexicons else {},
        )

    def stops(self, scope: str) -> frozenset[str]:
        return self.stop.get(scope, frozenset())

    def cue(self, role: str) -> frozenset[str]:
        return self.cues.get(role, frozenset())

    # Hot (tens of thousands of calls per 300 articles): suffixes are looked up by length instead
    # of testing every noun with endswith.
    @cached_property
    def _noun_lengths(self) -> tuple[int, ...]:
        return tuple(sorted({len(noun) for noun in self.nouns}, reverse=True))

    @cached_property
    def _noun_last_chars(self) -> frozenset[str]:
        return frozenset(noun[-1] for noun in self.nouns)

    @cached_property
    def _false_suffix_lengths(self) -> tuple[int, ...]:
        return tuple(sorted({len(false) for false in self.stops("false_suffix")}, reverse=True))

    def noun_at_end(self, text: str, strong_only: bool = False) -> str:
        """The longest program noun that ends `text` (and is not the tail of a false compound like 体制)."""
        if text[-1:] not in self._noun_last_chars:
            return ""  # most texts asked about end in no noun's last character
        for length in self._noun_lengths:
            noun = text[len(text) - length :]
            if len(noun) != length or noun not in self.nouns:
                continue
            if strong_only and self.nouns[noun][1] != "strong":
                continue
            false_suffixes = self.stops("false_suffix")
            if any(length < size <= len(text) and text[len(text) - size :] in false_suffixes
                   for size in self._false_suffix_lengths):
                return ""
            return noun
        return ""

    @cached_property
    def place_suffix_ends(self) -> regex.Pattern:
        """The last characters of the place suffixes (市, 区): a word that ends an area name, or is
        its suffix, ends in one of them."""
        return regex.compile("[" + "".join(sorted({regex.escape(s[-1]) for s in self.cue("place_suffix")})) + "]")

    # Unions of lexicon scopes the rules ask for per quote or per token, built once.
    @cached_property
    def phrase_breakers(self) -> frozenset[str]:
        return self.cue("breaker") | self.cue("launch")

    @cached_property
    def refusing(self) -> frozenset[str]:
        return self.stops("after_honour") | self.stops("after_not") | self.stops("speech")

    @cached_property
    def name_stopwords(self) -> frozenset[str]:
        return self.cue("breaker") | self.cue("launch") | self.cue("joiner") | {"的", "地", "等"}

    @cached_property
    def after_speech_verb(self) -> tuple[str, ...]:  # 表示，“…”: a quote opened by a speech verb and a comma
        return tuple(verb + comma for verb in self.stops("speech") for comma in ("，", ","))

    @cached_property
    def refused_tails(self) -> tuple[str, ...]:
        return tuple(self.stops("place_tail") | self.stops("after_not"))

    @cached_property
    def adopting_verbs(self) -> frozenset[str]:  # 推进, 坚持: what a quoted name after them is
        return self.cue("launch") | self.cue("uphold")

    @cached_property
    def event_verbs(self) -> frozenset[str]:  # 举办, 参观, 实施: what no name runs over, whatever its tag
        return self.cue("launch") | self.cue("host")

    @cached_property
    def launch_verbs(self) -> EachWord:
        return EachWord(self.cue("launch"))

    @cached_property
    def verbs_longest_first(self) -> list[str]:
        """The launch and uphold verbs, longest first: one may stand right after another (推动打好)."""
        return sorted(self.cue("launch") | self.cue("uphold"), key=len, reverse=True)

    @cached_property
    def upholding_verbs(self) -> EachWord:
        return EachWord(self.cue("uphold"))

    @cached_property
    def upheld_noun_pattern(self) -> re.Pattern:
        return _any_of(self.cue("upheld_noun"))

    @cached_property
    def document_sorts(self) -> tuple[str, ...]:  # 意见, 宣言, 办法: a policy, where a title in 《》 ends in one
        return tuple(sorted(self.cue("document"), key=len, reverse=True))

    @cached_property
    def hosting_verbs(self) -> EachWord:
        return EachWord(self.cue("host"))

    @cached_property
    def organising_verbs(self) -> frozenset[str]:  # 举办, 推出: a quote after one and 的 names what it holds
        return self.cue("host") | self.cue("organise")

    @cached_property
    def strong_noun_pattern(self) -> re.Pattern:
        """The strong program nouns (计划, 工程, 战略 …), longest first, for finding where they stand."""
        return _any_of(n for n, (_, strength) in self.nouns.items() if strength == "strong")

    @cached_property
    def word_count_pattern(self) -> re.Pattern | None:
        """八字方针: a count of characters (字) and a noun of word_count_noun."""
        nouns = self.cue("word_count_noun")
        if not nouns:
            return None
        return re.compile(rf"[{NUMERALS}]+字(?:{'|'.join(map(re.escape, sorted(nouns, key=len, reverse=True)))})")

    @cached_property
    def day_prefix_pattern(self) -> re.Pattern:
        return _any_of(self.cue("day_prefix"))

    @cached_property
    def project_noun_pattern(self) -> re.Pattern:
        """The nouns that end a project's, exhibition's, competition's or meeting's name after a proper
        name (proper_head: 项目, 工程, 展, 公开赛; meeting: 会议), longest first; 展 not after the first
        character of a false suffix that ends in it (发|展, 铺|展: most of an article's 展)."""
        before = "".join(sorted({w[0] for w in self.stops("false_suffix") if len(w) == 2 and w.endswith("展")}))
        nouns = sorted(self.cue("proper_head") | self.cue("meeting"), key=len, reverse=True)
        return re.compile("|".join(re.escape(n) if n != "展" else f"(?<![{before}])展" for n in nouns))

    @cached_property
    def person_tails(self) -> tuple[str, ...]:
        return tuple(self.stops("person_tail"))

    @cached_property
    def long_person_tails(self) -> tuple[str, ...]:
        return tuple(tail for tail in self.stops("person_tail") if len(tail) > 1)

    @cached_property
    def _honours(self) -> regex.Pattern | None:
        terms = self.stops("honour")
        return regex.compile("|".join(regex.escape(term) for term in sorted(terms))) if terms else None

    def holds_honour(self, text: str) -> bool:
        """Is an honour term (称号, 示范…) part of `text`? One search for all of them."""
        return self._honours is not None and self._honours.search(text) is not None

    @cached_property
    def generic_modifiers_longest_first(self) -> list[str]:
        return sorted(self.cue("generic_modifier"), key=len, reverse=True)

    @cached_property
    def define_words_longest_first(self) -> list[str]:
        return sorted(self.cue("define"), key=len, reverse=True)

    @cached_property
    def known_names(self) -> Phrases:
        return Phrases(self.known)

    @cached_property
    def series_pattern(self) -> regex.Pattern | None:
        """A series name, then a number and 号 (a launch vehicle's variant letter after it: 长征二号丁,
        风云四号A), or 号 alone."""
        if not self.series:
            return None
        names = "|".join(map(regex.escape, sorted(self.series, key=len, reverse=True)))
        return regex.compile(rf"(?P<series>{names})(?:(?P<number>{SERIES_NUMBER})号(?:[甲乙丙丁]|[A-Z](?![A-Za-z]))?|号)")

    def kind(self, noun: str) -> str:
        return self.nouns[noun][0] if noun in self.nouns else "other"


@dataclass
class Candidate:
    span: Span  # the name, without quotation marks
    kind: str
    definition: Span | None = None


@dataclass
class Quote:
    outer: Span  # including the marks
    inner: Span
    text: str  # folded text of the inner span
    group: int = 0


@dataclass
class Context:
    """What the rules need about one document, computed once."""

    doc: Doc
    lex: ProgramLexicon
    segmenter: object
    institution_names: frozenset[str] = frozenset()
    person_names: frozenset[str] = frozenset()
    quoted: SpanIndex = field(default_factory=SpanIndex)  # quotes and book titles

    @cached_property
    def bodies(self) -> SpanIndex:
        """Where the article's institutions are named."""
        return SpanIndex([mention for inst in self.doc.institutions for mention in inst.mentions])


class ProgramStage(Stage):
    name = "programs"
    requires = ("text", "fold", "sentences", "paragraphs", "tokens", "institutions")
    provides = ("programs",)

    def __init__(self, resources) -> None:
        super().__init__(resources)
        self.lex = ProgramLexicon.from_resources(resources.lexicons)
        self.segmenter = resources.segmenter

    def __call__(self, doc: Doc) -> Doc:
        ctx = Context(
            doc=doc,
            lex=self.lex,
            segmenter=self.segmenter,
            institution_names=_institution_names(doc.institutions),
            person_names=frozenset(p.name for p in doc.people),
        )
        candidates = self.match(ctx)
        doc.programs = self.set_annotations(ctx, candidates)
        return doc

    # ---- find -------------------------------------------------------------------------------
    def match(self, ctx: Context) -> list[Candidate]:
        quotes = _quotes(ctx.doc.fold)
        titles = [Span(m.start(), m.end()) for m in BOOK_TITLE.finditer(ctx.doc.fold)]
        # Where names are quoted, the unquoted rules leave them to rule 1; quoted speech (a stretch
        # holding a sentence's end) is prose, read like the rest (“…是中国实施创新驱动发展战略的体现。”).
        ctx.quoted = SpanIndex([q.outer for q in quotes if SENTENCE_STOPS.isdisjoint(q.text)] + titles)
        found: list[Candidate] = []
        found += quoted_programs(ctx, quotes)  # 1
        found += book_title_programs(ctx)  # 2
        found += untitled_documents(ctx)  # 2
        found += launched_programs(ctx)  # 3
        found += enumerated_programs(ctx)  # 4
        found += area_programs(ctx)  # 5
        found += _outside(edition_programs(ctx), found)  # 6
        found += _outside(hosted_events(ctx), found)  # 7
        found += _outside(proper_projects(ctx, found), found)  # 8
        found += _outside(named_days(ctx), found)  # 9
        found += _outside(known_programs(ctx, found), found)  # 10
        found += _outside(series_members(ctx), found)  # 11
        found += _outside(counted_word_slogans(ctx), found)  # 12
        found += short_forms(ctx, quotes, found)  # 13
        furniture = ctx.doc.furniture
        return [c for c in found if not any(f.overlaps(c.span) for f in furniture)]

    # ---- annotate ---------------------------------------------------------------------------
    def set_annotations(self, ctx: Context, candidates: list[Candidate]) -> list[ProgramFinding]:
        doc = ctx.doc
        by_text: dict[str, ProgramFinding] = {}
        for cand in sorted(candidates, key=lambda c: c.span):
            text = doc.slice(cand.span).strip()
            if not text:
                continue
            finding = by_text.get(text)
            if finding is None:
                finding = ProgramFinding(
                    text=text,
                    kind=cand.kind,
                    owner=_owner(doc, cand.span),
                    mentions=occurrences(doc.text, text),
                    definition=cand.definition,
                )
                by_text[text] = finding
            elif finding.definition is None and cand.definition is not None:
                finding.definition = cand.definition
            if finding.kind == "other" and cand.kind != "other":
                finding.kind = cand.kind
        return list(by_text.values())


# ---- 1. quoted names ---------------------------------------------------------------------------
def _quotes(fold: str) -> list[Quote]:
    quotes: list[Quote] = []
    for m in QUOTE_PAIRS.finditer(fold, overlapped=False):
        group = m.lastindex  # the one group of the four that matched
        quotes.append(Quote(Span(m.start(), m.end()), Span(m.start(group), m.end(group)), m.group(group)))
        # a nested quote (“…的‘荣昌路径’”) is a name in its own right
        for inner in QUOTE_PAIRS.finditer(m.group(group)):
            g = inner.lastindex
            base = m.start(group)
            quotes.append(
                Quote(
                    Span(base + inner.start(), base + inner.end()),
                    Span(base + inner.start(g), base + inner.end(g)),
                    inner.group(g),
                )
            )
    quotes.sort(key=lambda q: q.outer)
    return quotes


def _group_lists(ctx: Context, quotes: list[Quote]) -> list[list[Quote]]:
    """Quotes that follow each other with only a joiner between them form one list."""
    joiners = ctx.lex.cue("joiner")
    groups: list[list[Quote]] = []
    for q in quotes:
        if groups:
            last = groups[-1][-1]
            gap = ctx.doc.fold[last.outer.end : q.outer.start].strip()
            if q.outer.start >= last.outer.end and (gap == "" or gap in joiners):
                groups[-1].append(q)
                continue
        groups.append([q])
    return groups


EVERYDAY_COUNTED_TAGS = frozenset({"i", "n", "nr", "nrt", "nrfg", "ns"})  # idioms, nouns, names, places
THEME_OPENER, THEME_CLOSER = "以", "为主题"  # 以“…”为主题: the name of an event's theme
THEME_PARTS = re.compile("[，,、·]")  # between the parallel parts of a theme's slogan


def quoted_programs(ctx: Context, quotes: list[Quote]) -> list[Candidate]:
    out: list[Candidate] = []
    for group in _group_lists(ctx, quotes):
        head = head_noun_after(ctx, group[-1].outer.end)
        verdicts = [_judge_quote(ctx, q, head) for q in group]
        supported = [v for v in verdicts if v is not None]
        # an enumeration shares its evidence: “为人为师为学”、“阅读致远”等…活动
        share = len(group) > 1 and not head.refused
        share = share and (len(supported) * 2 >= len(group) if head.noun else len(supported) * 2 > len(group))
        for q, verdict in zip(group, verdicts):
            if verdict is None and share and not _refused(ctx, q):
                verdict = Candidate(q.inner, ctx.lex.kind(head.noun) if head.noun else supported[0].kind)
            if verdict is not None:
                out.extend(_split_quoted_list(ctx, verdict))
    return out


@dataclass
class Head:
    noun: str = ""  # the program noun heading the quoted name
    refused: bool = False  # the words after the quote mark an honour, a goal or speech
    end: int = 0  # where the head noun ends


def head_noun_after(ctx: Context, pos: int) -> Head:
    """The program noun that heads the noun phrase right after a closing quote, if any.

    The phrase runs until punctuation, a breaker (为, 在…) or a 的 after its head; its last program
    noun is the head ("教师培训模式" -> 模式). A goal, honour or speech word in the phrase refuses the
    quote (“…”的培训原则, “…”称号), and so does a phrase that ends on people (“四有”好教师).
    """
    fold = ctx.doc.fold
    stop = BREAK.search(fold, pos, min(len(fold), pos + AFTER_WINDOW))
    window = fold[pos : stop.start() if stop else min(len(fold), pos + AFTER_WINDOW)]
    if not window or window.startswith(THIS_TIME):
        return Head()  # (“冷处理”|本次会议: the quote is a verb, the noun its object's)
    lex = ctx.lex
    breakers = lex.phrase_breakers
    refusing, honours = lex.refusing, lex.stops("after_honour")
    head = Head()
    nouns: list[str] = []
    last = ""
    for tok in ctx.segmenter.cut(window):
        if tok.text in refusing or tok.text[-2:] in refusing:
            return Head(refused=True)  # (…”等|荣誉称号)
        if tok.text in breakers or (tok.text == "的" and (head.noun or tok.start > 0)):
            break  # “…”的模式 keeps the head; …过年的新方式 is another phrase
        last = tok.text
        # a noun may end inside a token (领雁|工程项目) or across tokens (年|会)
        for end in range(tok.end, tok.start, -1):
            noun = lex.noun_at_end(window[:end])
            if noun and len(noun) == 1 and end != tok.end:
                continue  # 课|证融通: a one-character noun counts only where a word ends
            if noun and noun not in lex.cue("filler") and noun not in honours:  # (“…”类|一等奖: its prize)
                head = Head(noun=noun, end=pos + end)
                nouns.append(noun)
                break
    if not head.noun and last and last.endswith(lex.long_person_tails):
        return Head(refused=True)
    if nouns:
        # the kind comes from the most telling noun: 党建品牌创建活动 is a brand, 教师培训模式 a model
        telling = [n for n in nouns if lex.kind(n) not in ("activity", "campaign")]
        head.noun = telling[0] if telling else nouns[0]
    return head


def _judge_quote(ctx: Context, q: Quote, head: Head) -> Candidate | None:
    """A quoted name with its own evidence of being a program, or None."""
    if _refused(ctx, q) or head.refused:
        return None
    if not head.noun and _names_people_or_place(ctx, q.text):
        return None
    lex = ctx.lex
    text = q.text
    definition = _definition_after(ctx, q.outer.end, head)
    bare = TRAILING_PARENS.sub("", text)  # …三年行动计划(2023-2025)
    own = lex.noun_at_end(bare)
    if own and lex.kind(own) == "activity" and COUNTED_NAME.match(bare):
        return None  # “六个专题研讨会”“一个主题报告会”: how many events of a sort, not one's name
    if head.noun and _describes(ctx, q):
        return None
    if head.noun:
        strong_own = own and lex.nouns[own][1] == "strong"
        return Candidate(q.inner, lex.kind(own if strong_own else head.noun), definition)
    short_weak = len(bare) - len(own) == 2 and lex.nouns.get(own, ("", ""))[1] == "weak" and bare[0] not in lex.cue("numeral")
    if own and not short_weak and len(bare) - len(own) >= 2 and len(text) <= SELF_MAX and "的" not in bare and text not in lex.stops("generic"):
        if not _generic_name(ctx, text[: -len(own)]):
            return Candidate(q.inner, lex.kind(own), definition)
    if _is_code(text) or PLUS_SHAPE.fullmatch(text):
        return Candidate(q.inner, "model", definition)
    if YEAR_NAMED.fullmatch(text):
        return Candidate(q.inner, "activity", definition)
    if _is_numeric_slogan(ctx, text):
        return Candidate(q.inner, "policy", definition)
    if definition is not None and _parallel_parts(text) and _expands(ctx, definition):
        return Candidate(q.inner, "other", definition)
    if _adopted(ctx, q):
        return Candidate(q.inner, "other", definition)
    if _theme(ctx, q):
        return Candidate(q.inner, "activity", definition)
    titled = _title_noun_before(ctx, q)
    if titled:
        return Candidate(q.inner, lex.kind(lex.noun_at_end(titled)), definition)
    organiser = _organised(ctx, q)
    if organiser:
        return Candidate(q.inner, "activity" if organiser in lex.cue("host") else "other", definition)
    return None


def _describes(ctx: Context, q: Quote) -> bool:
    """“无与伦比”的夏季奥运会: one idiom in quotation marks, then 的, says what the thing is like; it
    does not name it."""
    inside = ctx.doc.token_at(q.inner.start)
    return (ctx.doc.fold.startswith("的", q.outer.end) and inside is not None  # (一国两制 is l, a set phrase)
            and inside.start == q.inner.start and inside.end == q.inner.end and inside.pos == "i")


def _word_before(ctx: Context, q: Quote) -> Token | None:
    """The word that ends right where the quote opens, if one does."""
    word = ctx.doc.token_at(q.outer.start - 1)
    return word if word is not None and word.end == q.outer.start else None


def _organised(ctx: Context, q: Quote) -> str:
    """故宫博物院举办的“紫禁城上元之夜”, 启动的“夏商周断代工程”: the verb, when a verb that holds or
    attends an event (host) or organises a program (organise), with 的, is right before the quote;
    what it names is that event or program."""
    of = _word_before(ctx, q)
    if of is None or of.text != "的":
        return ""
    verb = ctx.doc.token_at(of.start - 1)
    if (verb is None or verb.end != of.start or not verb.pos.startswith("v")
            or verb.text not in ctx.lex.organising_verbs):
        return ""  # (搭建的“临时产房”, 制定的“条条框框”: what is built or drawn up is no named program)
    return verb.text


def _title_noun_before(ctx: Context, q: Quote) -> str:
    """展览“海丝路·聆花语”, 课程“红军的一天”: the word right before the quote names what sort of
    program the quote is the title of (a title noun, a whole word)."""
    word = _word_before(ctx, q)
    if word is None or word.text not in ctx.lex.cue("title_noun") or len(q.text) < 2:
        return ""
    inside = ctx.doc.token_at(q.inner.start)
    if inside is not None and inside.end >= q.inner.end and not inside.pos.startswith("n"):
        return ""  # 项目“清零”: one word in quotation marks that is no noun says what the noun undergoes
    if not SPEAKERS.isdisjoint(q.text):
        return ""  # “中国朋友帮我们建设…”: speech, not a title
    after = ctx.doc.token_at(q.outer.end)
    if after is not None and after.start == q.outer.end and after.pos.startswith(("d", "u")) and after.text not in ("的", "等"):
        return ""  # 平台“扶一把”很重要, 项目“清零”了: the quote says what the noun does, it is no title
    return word.text


def _theme(ctx: Context, q: Quote) -> bool:
    """北京市以“福满京城，春贺神州”为主题，…: the theme that a festival, an exhibition or a meeting is
    held under names it when it is a slogan of two parallel parts (福满京城，春贺神州; 时代·创造); a
    theme of one phrase describes the event (以“祝福祖国”为主题, 以“汉字教学”为主题)."""
    fold = ctx.doc.fold
    return (fold[q.outer.start - len(THEME_OPENER) : q.outer.start] == THEME_OPENER
            and fold.startswith(THEME_CLOSER, q.outer.end) and len(THEME_PARTS.split(q.text)) == 2)


def _adopted(ctx: Context, q: Quote) -> bool:
    """坚持“研训合一”，推进“厕所革命”。: a short quoted name that is the whole object of a verb that
    launches or upholds something (its clause ends right after the quote, or after one noun that
    says what sort of thing it is: 推出“不见面审批”服务，树立“…”的理念。) names what is launched or upheld. The verb
    must be a word of its own tagged as one (极端组织“…” has the noun 组织)."""
    fold = ctx.doc.fold
    end = q.outer.end
    of = int(fold.startswith("的", end))  # 树立“…”的理念: the sort noun may follow a 的
    sort = ctx.doc.token_at(end + of)
    if sort is not None and sort.start == end + of and sort.pos in SORT_NOUN_POS and len(sort.text) > 1:
        end = sort.end
    after = fold[end : end + 1]
    if (after and after not in ADOPTED_END) or not ADOPTED_NAME.fullmatch(q.text):
        return False
    verb = _word_before(ctx, q)
    if verb is None:
        return False
    if verb.text in ctx.lex.adopting_verbs:
        return verb.pos.startswith("v")
    # 联合推出, 正式启动: a launch verb the segmenter kept whole with the adverb before it
    return (len(verb.text) <= COMPOUND_VERB_MAX and verb.pos[:1] in ("v", "l")
            and verb.text[-2:] in ctx.lex.adopting_verbs)


def _refused(ctx: Context, q: Quote) -> bool:
    """Quoted speech, honour titles, institution or person names, generic words: not programs."""
    lex, text, fold = ctx.lex, q.text, ctx.doc.fold
    if (not SENTENCE_STOPS.isdisjoint(text) or not HAN.search(text)) and not _is_code(text):
        return True  # a sentence, or no Chinese at all, unless it is a code (“12345”, “1+X”)
    if len(text) < 2:
        return True  # one character quoted is a word talked about (“福”字, “慢”就是守望), never a name
    if ("第" in text and not _ranked_motto(text)) or text in lex.stops("generic"):
        return True  # (第十六届…: an ordinal of something)
    if lex.holds_honour(text):
        return True
    if text.endswith(lex.refused_tails):
        return True
    if text in ctx.institution_names or text in ctx.person_names:
        return True
    if not _parallel_parts(text):
        return True
    before = fold[max(0, q.outer.start - 6) : q.outer.start].rstrip()
    if before.endswith((":", "：")) or before.endswith(lex.after_speech_verb):
        return True
    return False


def _ranked_motto(text: str) -> bool:
    """产业第一、企业家老大, 信誉第一、质量至上: a motto of parallel parts whose every 第 ends a part
    on its rank ('first'), not an ordinal of something (第十六届)."""
    return bool(LIST_SPLIT.search(text)) and "第" not in FIRST_OF_PART.sub("", text)


def _names_people_or_place(ctx: Context, text: str) -> bool:
    return text.endswith(ctx.lex.person_tails)


def _parallel_parts(text: str) -> bool:
    """Commas inside a name only separate two short parallel parts (红烛红心,同研同行); more is a motto."""
    parts = CLAUSE_SPLIT.split(text)
    if len(parts) == 1:
        return True
    return len(parts) == 2 and "、" not in text and all(0 < len(p) <= CLAUSE_PART_MAX for p in parts)


def _is_code(text: str) -> bool:
    if YEAR_LIKE.fullmatch(text):
        return False
    return bool(CODE_SHAPE.fullmatch(text)) and not text.isdigit() or (text.isdigit() and 3 <= len(text) <= 8)


def _everyday_counted_word(ctx: Context, text: str) -> bool:
    """一刀切 (an idiom), 一家人, 两翼 (nouns), 双子座 (jieba tags it a name): a word jieba's dictionary
    counts, under a tag no slogan of policy gets (一国两制 l, 三个代表 nz, 十四五 m are slogans)."""
    return (_one_word_tag(ctx, text) in EVERYDAY_COUNTED_TAGS
            and jieba_dictionary().get(text, 0) > FILLER_FREQUENCY)  # (四个坚持 is a filler)


def _one_word_tag(ctx: Context, text: str) -> str:
    """The segmenter's tag of `text` read alone, when it reads it as one word; else ""."""
    words = ctx.segmenter.tag(text)
    return words[0].pos if len(words) == 1 else ""


def _is_numeric_slogan(ctx: Context, text: str) -> bool:
    """三为, 双减, 两个责任, 三会一课, 一规划、四行动, 十四五: a counted set of short policy words."""
    numerals = ctx.lex.cue("numeral")
    parts = [p for p in LIST_SPLIT.split(text) if p]
    if not parts or any(not p or p[0] not in numerals for p in parts):
        return False
    if _everyday_counted_word(ctx, text):
        return False
    for part in parts:
        if len(part) > SLOGAN_MAX or not HAN.fullmatch(part[0]) or not all(HAN.fullmatch(c) for c in part):
            return False
        if len(part) < 2:
            return False
        if all(c in numerals for c in part) and len(part) < 3:
            return False
        if part[1] in ctx.lex.stops("no_measure"):
            return False
        counted = COUNTED_NAME.match(part)
        if counted and part.endswith(COUNTED_EVENTS):
            return False  # 六个|专题研讨会, 三个|分组论坛: how many events of a sort, not 四个|意识
    return True


def _generic_name(ctx: Context, name: str) -> bool:
    """A name part made only of generic modifiers (专项, 相关…) does not name anything."""
    rest = name
    modifiers = ctx.lex.generic_modifiers_longest_first
    changed = True
    while rest and changed:
        changed = False
        for m in modifiers:
            if rest.startswith(m):
                rest, changed = rest[len(m) :], True
                break
            if rest.endswith(m):
                rest, changed = rest[: -len(m)], True
                break
    return len(rest) < 2


def _ends_generic(ctx: Context, name: str) -> bool:
    """教育强区重要|战略: a name ending in a generic adjective describes, it does not name."""
    return any(name.endswith(m) for m in ctx.lex.cue("adjective"))


def _definition_after(ctx: Context, pos: int, head: Head) -> Span | None:
    """“三为”即“为学而教…”, “13568”总体思路,即突出…, “四定”（定位、定轨…）: the defining text."""
    fold = ctx.doc.fold
    start = max(pos, head.end)
    rest = fold[start : start + 3]
    if rest and rest[0] in "（(":
        close = fold.find("）" if rest[0] == "（" else ")", start)
        if 0 < close - start < 80 and "、" in fold[start:close]:
            return Span(start, close + 1)
        return None
    skip = 1 if rest and rest[0] in "，,：:" else 0
    for word in ctx.lex.define_words_longest_first:
        at = start + skip
        if fold.startswith(word, at):
            body = at + len(word)
            if body < len(fold) and fold[body] in "“‘":
                close = fold.find("”" if fold[body] == "“" else "’", body)
                if close > 0:
                    return Span(at, close + 1)
            end = _clause_end(fold, body)
            return Span(at, end) if end > body else None
    return None


def _expands(ctx: Context, definition: Span) -> bool:
    """A definition that expands a name lists its parts (定位、定轨…) or quotes its full form."""
    body = ctx.doc.fold[definition.start : definition.end]
    return "、" in body or "“" in body


def _clause_end(fold: str, pos: int) -> int:
    m = CLAUSE_END.search(fold, pos)
    return m.start() if m else len(fold)


def _split_quoted_list(ctx: Context, cand: Candidate) -> list[Candidate]:
    """“五年周期全员培训计划、乡村振兴教师支持计划…”: a quote that lists programs gives each."""
    text = ctx.doc.fold[cand.span.start : cand.span.end]
    if "、" not in text:
        return [cand]
    items = _enumerated_items(ctx, text, cand.span.start)
    return items if items else [cand]


# ---- 2. book titles ----------------------------------------------------------------------------
def book_title_programs(ctx: Context) -> list[Candidate]:
    lex, fold = ctx.lex, ctx.doc.fold
    out: list[Candidate] = []
    titles = list(BOOK_TITLE.finditer(fold))
    for i, m in enumerate(titles):
        name = TRAILING_PARENS.sub("", m.group(1))
        noun = lex.noun_at_end(name)
        if noun and not _titles_a_plan(lex, noun):
            noun = ""  # 《太空行动》, 《超级工程》: films and books, not plans
        # (a document's own sort, named only in a title: 《…指导意见》, 《阿斯塔纳宣言》, 《…管理办法》)
        noun = noun or next((sort for sort in lex.document_sorts if name.endswith(sort)), "")
        if noun and len(name) - len(noun) < 2:
            continue  # 《规划》, 《意见》: a short back-reference to a title already named
        if noun:
            out.append(Candidate(Span(m.start(1), m.end(1)), lex.kind(noun) if noun in lex.nouns else "policy"))
            continue
        # 《视觉盛宴》《民间美术》等优秀课例: titles listed as courses
        last = i
        while last + 1 < len(titles) and titles[last + 1].start() - titles[last].end() <= 1:
            last += 1
        head = head_noun_after(ctx, titles[last].end())
        if head.noun and lex.kind(head.noun) == "course":
            out.append(Candidate(Span(m.start(1), m.end(1)), "course"))
    return out


# 关于…的指导意见: a document's own title, which the press may write without 《》
DOCUMENT_TITLE = regex.compile(
    r"关于[^，。；：、《》“”\n]{3,40}?的(?:(?:若干|指导|实施)?意见|通知|决定|决议|实施办法)")


def untitled_documents(ctx: Context) -> list[Candidate]:
    """中共中央、国务院印发|关于打赢脱贫攻坚战三年行动的指导意见: the title of a document, from 关于 to
    its kind, where no book-title marks hold it (those are step 2's)."""
    if "关于" not in ctx.doc.fold:
        return []
    out = []
    for m in DOCUMENT_TITLE.finditer(ctx.doc.fold):
        span = Span(m.start(), m.end())
        if not ctx.quoted.overlaps(span):
            out.append(Candidate(span, "policy"))
    return out


def _titles_a_plan(lex: ProgramLexicon, noun: str) -> bool:
    kind, strength = lex.nouns[noun]
    return kind == "plan" or (kind == "policy" and strength == "strong")


# ---- 3. unquoted names after a launch verb ----------------------------------------------------
def launched_programs(ctx: Context) -> list[Candidate]:
    """实施|乡村振兴战略, and the names joined to it as objects of the same verb (…和|京津冀协同发展战略)."""
    lex = ctx.lex
    out: list[Candidate] = []
    # An upheld name is a strategy or a battle (贯彻|京津冀协同发展战略, 践行|…扶贫战略): a system or
    # a way of working after 坚持 is mostly a plain noun phrase (坚持|依法行动, 坚持|手工缝制).
    for verbs, nouns, kept in ((lex.launch_verbs, lex.strong_noun_pattern, None),
                               (lex.upholding_verbs, lex.upheld_noun_pattern, lex.cue("upheld_noun"))):
        for tok in _verbs_before(ctx, verbs, nouns):
            cand = _name_ending_in_noun(ctx, tok.end, strong_only=True, nouns=kept)
            while cand is not None:
                out.append(cand)
                joiner = next((j for j in JOINERS if ctx.doc.fold.startswith(j, cand.span.end)), "")
                cand = _name_ending_in_noun(ctx, cand.span.end + len(joiner), strong_only=True, nouns=kept) if joiner else None
    return out


JOINERS = ("以及", "和", "与", "及", "、")  # between the objects of one verb


def _verbs_before(ctx: Context, verbs: EachWord, nouns: re.Pattern) -> list[Token]:
    """The tokens that are one of `verbs`, outside quotations, with one of `nouns` starting within
    reach of an unquoted name after them: most such verbs have none, and reading the words after
    each (a segmenter call) is what these rules cost."""
    starts = [m.start() for m in nouns.finditer(ctx.doc.fold)]
    if not starts:
        return []
    out = []
    for tok in _tokens_among(ctx.doc, verbs):
        after = bisect_left(starts, tok.end)
        if after < len(starts) and starts[after] < tok.end + UNQUOTED_MAX and not ctx.quoted.holds(tok.end):
            out.append(tok)
    return out


def _tokens_among(doc: Doc, words: EachWord) -> list[Token]:
    """The tokens that are one of `words`, in order: from the words' occurrences in the text (a few)
    rather than by testing each of the article's thousands of tokens. (A token's text is the text
    between its offsets, so a token that starts and ends where an occurrence does is that word; two
    that do between them, 打|好, are the word cut in two.)"""
    tokens = doc.tokens
    found: dict[int, Token] = {}
    for word, start, end in words.every_occurrence(doc.text):
        index = bisect_left(tokens, start, key=_token_start)
        if index < len(tokens) and tokens[index].start == start:
            if tokens[index].end == end:
                found[index] = tokens[index]
            elif index + 1 < len(tokens) and tokens[index + 1].end == end:
                found[index] = Token(word, start, end, tokens[index].pos)  # 打|好, 打|赢: cut in two
    return [found[index] for index in sorted(found)]


def _name_ending_in_noun(ctx: Context, pos: int, strong_only: bool, nouns: frozenset[str] | None = None) -> Candidate | None:
    """From `pos`, the shortest stretch of one noun phrase that ends in a program noun."""
    lex, fold = ctx.lex, ctx.doc.fold
    stop = BREAK.search(fold, pos, min(len(fold), pos + UNQUOTED_MAX))
    window = fold[pos : stop.start() if stop else min(len(fold), pos + UNQUOTED_MAX)]
    tokens = ctx.segmenter.cut(window)
    while tokens and (tokens[0].text in AFTER_VERB or tokens[0].text in ("和", "了一批", "一批")):
        tokens = tokens[1:]
    if not tokens:
        return None
    chained = next((v for v in lex.verbs_longest_first if window.startswith(v, tokens[0].start)), "")
    if chained:  # 推动|打好|污染防治攻坚战: the verb's object is a second verb's, and the name is after both
        return _name_ending_in_noun(ctx, pos + tokens[0].start + len(chained), strong_only, nouns)
    begin = tokens[0].start
    stopwords = lex.name_stopwords
    for tok in tokens:
        if tok.text in stopwords:
            return None
        for end in range(tok.start + 1, tok.end + 1):
            noun = lex.noun_at_end(window[begin:end], strong_only=strong_only)
            if not noun or (nouns is not None and noun not in nouns) or (len(noun) == 1 and end != tok.end):
                continue  # (a one-character noun counts where a word ends: not 展 in 歌舞|展演)
            longer = _longer_noun(lex, window, end - len(noun))
            if longer and len(longer) > len(noun):
                continue  # 商事制|度: the noun goes on (制度), take it where it ends
            name = window[begin : end - len(noun)]
            if NUMBERED_SET.fullmatch(name) and lex.kind(noun) == CAMPAIGN:
                return Candidate(Span(pos + begin, pos + end), CAMPAIGN)  # 打好|三大攻坚战, 八大行动: a set named by its count
            if (len(name) < 2 or _generic_name(ctx, name) or _ends_generic(ctx, name) or COUNTED_NAME.match(name)
                    or COUNT_SAID.search(name)):
                return None
            if DEMONSTRATIVE.match(name) or QUANTIFIER.match(name):
                return None  # 这场|村容整治攻坚战: a reference back to a program, not its name
            if len(ctx.segmenter.cut(window[begin:end])) == 1:
                return None  # a dictionary word (考核制度, 扶贫项目) is a common noun, not a name
            if _noun_continues(ctx, window, end):
                return None  # 中葡全面战略|伙伴关系, 大湾区旅游教育培训|基地: the noun is not the head
            return Candidate(Span(pos + begin, pos + end), lex.kind(noun))
    return None


def _noun_continues(ctx: Context, window: str, end: int) -> bool:
    rest = window[end:]
    if not rest:
        return False
    first = ctx.segmenter.tag(rest[:6])[0]
    if rest.startswith(tuple(ctx.lex.nouns)):
        return False  # 领雁工程|项目: a program noun after a program noun keeps the name
    return first.pos.startswith("n") and first.text not in ctx.lex.cue("head_keeping")


def _longer_noun(lex: ProgramLexicon, window: str, start: int) -> str:
    for noun in lex.nouns_longest_first:
        if window.startswith(noun, start):
            return noun
    return ""


# ---- 4. enumerations of programs -------------------------------------------------------------
ENUMERATION = regex.compile(r"[\p{Han}\d]{3,24}(?:、[\p{Han}\d]{3,24})+")


def enumerated_programs(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    for m in ENUMERATION.finditer(ctx.doc.fold):
        if ctx.quoted.holds(m.start()):
            continue
        out.extend(_enumerated_items(ctx, m.group(), m.start()))
    return out


def _enumerated_items(ctx: Context, text: str, base: int) -> list[Candidate]:
    """Items of a 、-list that all end in the same program noun (the first item loses its lead verb)."""
    lex = ctx.lex
    items, pos = [], 0
    for piece in text.split("、"):
        items.append((pos, piece))
        pos += len(piece) + 1
    nouns = [lex.noun_at_end(piece, strong_only=True) for _, piece in items]
    if len(items) < 2 or "" in nouns or len({lex.kind(n) for n in nouns}) != 1:
        return []
    out = []
    lead = lex.cue("launch") | lex.cue("define")
    for i, ((offset, piece), noun) in enumerate(zip(items, nouns)):
        if i == 0:
            tokens = ctx.segmenter.cut(piece)
            cut = 0
            for tok in tokens:
                if tok.text in lead or tok.text in ("系统", "全面", "深入", "持续"):
                    cut = tok.end
            if cut and piece[cut : cut + 1] in AFTER_VERB:
                cut += 1  # 实施好|农村安居…工程: the verb's complement is no part of the name
            offset, piece = offset + cut, piece[cut:]
        name = piece[: -len(noun)]
        if len(name) < 2 or "的" in piece or "等" in piece or _generic_name(ctx, name) or piece in lex.stops("generic"):
            return []
        out.append(Candidate(Span(base + offset, base + offset + len(piece)), lex.kind(noun)))
    return out


# ---- 5. names that start with an administrative area ------------------------------------------
AREA_HEADS = frozenset({"活动", "培训", "年会", "大赛", "行动", "计划", "行动计划", "规划", "工程"})
# 第五届京津冀中华大庙会, 首届中国体育庙会, 2019年春节团拜会: an event named by its edition or year, up to
# its event noun.
EDITION = re.compile(r"(?=[第首\d])(?:第[一二三四五六七八九十百\d]+届|首届|\d{4}年(?![\d月度底初末前后]))(?=[\u4e00-\u9fff])")
EDITION_HEADS = frozenset({"大会", "庙会", "博览会", "展览会", "运动会", "艺术节", "文化节", "读书节", "电影节", "音乐节",
                           "年会", "论坛", "峰会", "大赛", "竞赛", "比赛", "团拜会", "联欢会", "联欢晚会", "晚会", "嘉年华"})


def edition_programs(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    for m in EDITION.finditer(ctx.doc.fold):
        if ctx.quoted.holds(m.start()):
            continue
        cand = _name_ending_in_noun(ctx, m.start(), strong_only=False, nouns=EDITION_HEADS)
        # a name between the edition and the noun; a body's session (第十三届|全国人民代表大会) is no event
        if cand is not None and cand.span.end - m.end() >= 4 and not any(
                mention.end == cand.span.end for inst in ctx.doc.institutions for mention in inst.mentions):
            out.append(cand)
    return out


MATCH = "赛"  # what a competition's noun ends in (锦标赛, 公开赛, 联赛)
EXHIBITION_HEADS = frozenset({"展", "展览", "大展", "特展", "展会"})
EVENT_HEADS = EDITION_HEADS | EXHIBITION_HEADS
COUNTED_EVENTS = (*EVENT_HEADS, "会")  # 研讨会, 报告会: any meeting
EVENT_NOUN = _any_of(EVENT_HEADS)
PROPER_POS = ("ns", "nz", "nr", "nt", "eng")  # a place, proper noun, name or organisation; or Latin letters


def hosted_events(ctx: Context) -> list[Candidate]:
    """参加|亚洲农产品展, 召开|世界VR产业大会: after a verb that holds or attends an event, a name
    ending in an event noun is that event, when four characters or more name it (参加|比赛 does
    not) and it is no body's session."""
    out: list[Candidate] = []
    for tok in _verbs_before(ctx, ctx.lex.hosting_verbs, EVENT_NOUN):
        cand = _name_ending_in_noun(ctx, tok.end, strong_only=False, nouns=EVENT_HEADS)
        if cand is not None and _names_an_event(ctx, cand):
            out.append(cand)
    return out


def _names_an_event(ctx: Context, cand: Candidate) -> bool:
    """Four characters or more before the noun, a proper word among them (亚洲, 海南, VR: not
    市级以上业务|竞赛, 新春农民|运动会), and no body's session."""
    fold = ctx.doc.fold
    noun = ctx.lex.noun_at_end(fold[cand.span.start : cand.span.end])
    name_end = cand.span.end - len(noun)
    if name_end - cand.span.start < 4:
        return False
    proper = any(tok.pos.startswith(PROPER_POS) or tok.text.isascii()
                 for tok in ctx.segmenter.tag(fold[cand.span.start : name_end]))
    return proper and not any(
        mention.end == cand.span.end for inst in ctx.doc.institutions for mention in inst.mentions)


COORDINATION = frozenset("与和及")
SCHOLARLY = frozenset({"university", "school", "research_institute", "training_institute"})
COMMON_PLACE, COMMON_PROPER = 500, 100  # dictionary counts above which an ns or nz word is an everyday one
NAME_WORD_POS = ("n", "j", "vn", "b", "l", "eng")  # the words a project's name is made of (n: ns nz nr nt too)


def proper_projects(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """麦洛维|大坝|项目, 巴西|萨尔瓦多|项目, 上阿特巴拉|水利枢纽|工程, 韩美林|生肖|艺术|展: a project or
    an exhibition named after a place or a proper name, with no launch verb and no quotation marks.
    The name runs left over nouns from the project or exhibition noun and begins at its first word
    that names (not at 援建|, nor at a common noun before: 扶贫|…); three characters or more, not a
    generic one (重点项目), not a count (点晴|三大|工程), not a person's project (张三项目), not going
    on into another noun (项目|经理)."""
    doc, fold, tokens = ctx.doc, ctx.doc.fold, ctx.doc.tokens
    quoted_ends = {c.span.end for c in found}
    bodies = ctx.bodies
    out: list[Candidate] = []
    for m in ctx.lex.project_noun_pattern.finditer(fold):
        i = bisect_right(tokens, m.start(), key=_token_start) - 1
        if i < 0 or tokens[i].end != m.end() or ctx.quoted.holds(m.start()):
            continue
        if tokens[i].start != m.start():
            if tokens[i].pos.startswith(PROPER_POS):  # 三峡工程: one proper word of jieba's dictionary
                if _one_word_tag(ctx, fold[tokens[i].start : m.start()]).startswith(PROPER_POS):  # (not 伟大|工程)
                    out.append(Candidate(Span(tokens[i].start, m.end()), ctx.lex.kind(m.group())))
                continue
            if (not tokens[i].pos.startswith(NAME_WORD_POS) or not ctx.lex.noun_at_end(tokens[i].text)
                    or _lone_verb(ctx, fold[tokens[i].start : m.start()])):
                continue  # (not 发展, 铺展, 电机工程: the noun is the tail of another word; nor 主持会议)
            # 韩美林|生肖|艺术展: a common word ending in the noun is the name's last word
        start, j = None, i
        event = ctx.lex.kind(m.group()) == "activity"
        meeting = m.group() in ctx.lex.cue("meeting")
        scoped = meeting or m.group().endswith(MATCH)  # (not 全国|巡展, 国际|博览会: generic shows)
        while j > 0:
            left = tokens[j - 1]
            if (left.end != tokens[j].start or not left.pos.startswith(NAME_WORD_POS) or m.end() - left.start > UNQUOTED_MAX
                    or left.text in ctx.lex.event_verbs  # (…研究院|参观 n|空间技术成就展览)
                    or (event and start is not None and bodies.holds(left.end - 1))):
                break  # (国际奥委会|北京冬奥会: a body before an event's name that names already)
            j -= 1
            if _proper_word(ctx, left) or (scoped and left.text in ctx.lex.cue("event_scope")):
                start = left.start  # (全国|锦标赛, 中央|经济工作会议: a word of reach names an event too)
        if start is None or bodies.covers(start, m.end()):
            continue  # (北京冬奥会|协调委员会: the event names a body)
        if meeting and bodies.overlaps(Span(start, m.start())):
            continue  # 国际雪联|会议, 江西省政府|常务会议: a body's own meeting is a session of it
        name = fold[start : m.start()]
        at = bisect_left(tokens, start, key=_token_start)
        first = tokens[at]
        if (at > 0 and tokens[at - 1].end == start and tokens[at - 1].pos.startswith(("m", "q"))
                and not YEAR_BEFORE.search(fold, max(0, start - 6), start)):
            continue  # 三座|大坝项目, 9个|玉米燃料乙醇项目: counted things, not one named project (2018年|平昌冬奥会 is one)
        if m.group() == "工程" and any(mention.start == start for inst in doc.institutions if inst.kind in SCHOLARLY
                                       for mention in inst.mentions):
            continue  # 大连海事大学|轮机工程: a university's field of study (中国科技馆|二期工程 is a project)
        shortest = 2 if len(m.group()) >= 3 else 3  # 北京|冬奥会 names; 上海|展 does not
        if (len(name) < shortest or _generic_name(ctx, name)
                or (first.text in ctx.person_names and not event)  # (an exhibition may be a person's: 韩美林…展)
                or _counted(ctx, start, m.start())
                or name in ctx.institution_names or _noun_continues(ctx, fold[: m.end() + 6], m.end())
                or fold[m.end() : m.end() + 1] in COORDINATION  # 电机工程|与应用电子技术系
                or start - 1 in quoted_ends):  # “汉字之美”|中国书法家作品展: the quoted name is its name
            continue
        out.append(Candidate(Span(start, m.end()), ctx.lex.kind(m.group())))
    return out


def _lone_verb(ctx: Context, text: str) -> bool:
    """主持|会议 read as one noun: the part before the program noun is a verb alone."""
    return _one_word_tag(ctx, text) == "v"


def _counted(ctx: Context, start: int, end: int) -> bool:
    """A count stands between `start` and `end` (三座|大坝, 9个|…) outside a place's own name (四大洲)."""
    doc = ctx.doc
    for m in COUNTED_NAME.finditer(doc.fold, start, end):
        tok = doc.token_at(m.start())
        if tok is None or not tok.pos.startswith("ns") or m.end() > tok.end:
            return True
    return False


def _proper_word(ctx: Context, tok: Token) -> bool:
    """A word that names: a place of places.tsv, or a word tagged a place, proper noun, name or body
    that is no everyday word of jieba's dictionary (城市 and 高山 are tagged ns, 高科技 nz)."""
    if tok.text in ctx.lex.places:
        return True
    if not tok.pos.startswith(PROPER_POS) or len(tok.text) == 1:
        return False  # (暨 tagged nt: one character is no name unless a place of places.tsv)
    return jieba_dictionary().get(tok.text, 0) < (COMMON_PROPER if tok.pos.startswith("nz") else COMMON_PLACE)


DAY_WORDS = ("日", "节")
DAY_STOP_POS = ("u", "c", "p", "x", "w", "d", "r", "y", "e", "o", "m", "q")  # function words and counts: 中国人|的|节日, 世界|三大|电影节
# 日 stands for Japan before these (输往|日|本, 输往|日韩, 日美): no day's name ends there
ONE_CHARACTER_COUNTRIES = "韩美中俄欧朝印澳英法德"
HOLIDAYS = ("节日", "假日", "佳节")  # 中国|传统节日: holidays in general
MAX_DAY_WORDS = 6  # words of a day's name after its prefix (全民|国家|安全|教育|日)
DAY_WINDOW = 16  # characters those words may span


def named_days(ctx: Context) -> list[Candidate]:
    """世界|读书|日, 国际|博物馆|日, 中国|农民|丰收|节, 国际妇女节, 全国|助残日: a day the calendar
    keeps, from a word that opens such names (day_prefix) to a lone 日 or 节, or to a word of three
    characters or more ending in one that is no generic day (纪念日, 工作日); or one word from the one
    to the other; not a word that only ends in them (春节, 节日, 日报). Quoted whole or not (首个“中国航天日”)."""
    fold, tokens = ctx.doc.fold, ctx.doc.tokens
    prefixes, generic = ctx.lex.day_prefix_pattern, ctx.lex.stops("generic")
    out: list[Candidate] = []
    for m in prefixes.finditer(fold):
        window = fold[m.end() : m.end() + DAY_WINDOW]
        if not any(word in window for word in DAY_WORDS):
            continue  # most of an article's 中国 and 国家 (a cheap test before the words are looked up)
        i = bisect_left(tokens, m.start(), key=_token_start)
        if i == len(tokens) or tokens[i].start != m.start() or (out and m.start() < out[-1].span.end):
            continue
        start = m.start()
        if i > 0 and tokens[i - 1].end == start and HAN.match(tokens[i - 1].text):
            before = tokens[i - 1]
            if before.pos.startswith("ns") or before.text in ctx.lex.places:
                start = before.start  # 哈尔滨|国际冰雪节: the place is the name's
            elif before.pos.startswith(("n", "j")):
                continue  # 上合组织|国家电影节: the prefix is inside a longer name, whose start is unknown
        if len(tokens[i].text) >= 4 and tokens[i].text.endswith(DAY_WORDS) and len(tokens[i].text) > len(m.group()):
            out.append(Candidate(Span(start, tokens[i].end), "activity"))  # 国际妇女节 (one word)
            continue
        end = _day_end(ctx, tokens[i + 1 : i + 1 + MAX_DAY_WORDS], generic)
        if end is not None and end - m.start() >= 4:
            out.append(Candidate(Span(start, end), "activity"))
    return out


def _day_end(ctx: Context, tokens: list[Token], generic: frozenset[str]) -> int | None:
    """Where the day's name that goes on over `tokens` ends, if one does."""
    fold = ctx.doc.fold
    for k, tok in enumerate(tokens):
        if len(tok.text) >= 3 and tok.text.endswith(DAY_WORDS):
            named = tok.text not in generic and not tok.text.endswith(HOLIDAYS) and not (
                tok.pos == "i" and len(tok.text) == 4)  # (夜以继日: an idiom)
            if k and jieba_dictionary().get(tok.text):
                named = False  # 中国驻朝大使馆共庆|元宵节: a holiday the dictionary knows is a name of its own
            return tok.end if named else None  # 全国|助残日 (not 国家|纪念日, 中国|新春佳节)
        if tok.text in DAY_WORDS:
            after = fold[tok.end : tok.end + 1]
            if (after and jieba_dictionary().get(tok.text + after)) or (
                    tok.text == "日" and after and after in ONE_CHARACTER_COUNTRIES):
                return None  # (输往|日|本, 输往|日|韩)
            return tok.end
        if tok.pos.startswith(DAY_STOP_POS) or not HAN.match(tok.text):
            return None
        if tok.pos.startswith("v") and tok.pos != "vn" and not (
                k + 1 < len(tokens) and tokens[k + 1].text in DAY_WORDS):
            return None  # 中国|驻朝|大使馆|共庆|元宵节; a verb only right before a lone 节 (农民|丰收|节)
    return None


def known_programs(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """人类命运共同体, 供给侧结构性改革, 河长制: the national programs papers name with no cue at all
    (program_names.tsv), where the name stands as words of its own (not 中国梦 in 中国梦想) and
    outside an institution's name (健康中国行动推进委员会). A program noun after it is left out:
    after a name this broad it is as often a word of the sentence (京津冀协同发展|项目) as the name's.
    Nor is the name taken where a longer program of the article holds it (乡村振兴 beside
    乡村振兴战略): it is that program's short form."""
    doc, lex = ctx.doc, ctx.lex
    matches = [(start, end, name) for start, end, name in lex.known_names.finditer(doc.fold)
               if doc.cut_as_words(start, end) and not ctx.bodies.overlaps(Span(start, end))]
    names_found = [doc.fold[c.span.start : c.span.end] for c in found] + [name for _, _, name in matches]
    return [Candidate(Span(start, end), lex.known[name]) for start, end, name in matches
            if not any(name in text and name != text for text in names_found)]


def series_members(ctx: Context) -> list[Candidate]:
    """嫦娥四号, 神舟十一号, 长征五号, 蛟龙号: the missions and craft of a national programme, named by
    its series and a number with 号 (program_series.tsv), unquoted and with no program noun. The
    name begins a word (not 最高分|一号, where 高分 ends a longer word) and stands outside an
    institution's name; a series that is an everyday word too (实践, 海洋) needs the number, and so
    does any series its list does not mark as naming a craft by 号 alone (长征号 is no rocket)."""
    pattern = ctx.lex.series_pattern
    if pattern is None:
        return []
    doc, out = ctx.doc, []
    for m in pattern.finditer(doc.fold):
        kind, bare = ctx.lex.series[m.group("series")]
        span = Span(m.start(), m.end())
        if (m.group("number") or bare) and doc.word_starts_at(span.start) and not ctx.bodies.overlaps(span):
            out.append(Candidate(span, kind))
    return out


def counted_word_slogans(ctx: Context) -> list[Candidate]:
    """八字方针, 十六字方针: a guideline named by how many characters it has (word_count_noun), quoted
    or not; it begins a word (not 十|八字方针)."""
    pattern = ctx.lex.word_count_pattern
    if pattern is None:
        return []
    doc = ctx.doc
    return [Candidate(Span(m.start(), m.end()), "policy") for m in pattern.finditer(doc.fold)
            if doc.fold[m.start() - 1 : m.start()] not in NUMERAL_CHARS]


def short_forms(ctx: Context, quotes: list[Quote], found: list[Candidate]) -> list[Candidate]:
    """“绿色工厂”评选 beside 《绿色工厂评价办法》, “创想汽车城” beside “创想汽车城——开往幸福的节日专车”:
    a quoted name no rule took, with which the name of a program the article names begins, is that
    program's short form, and listed as the article gives it."""
    fold = ctx.doc.fold
    names = {fold[c.span.start : c.span.end]: c.kind for c in found}
    taken = SpanIndex([c.span for c in found])
    out: list[Candidate] = []
    for q in quotes:
        text = q.text
        if len(text) < SHORT_FORM_MIN or taken.overlaps(q.inner) or not HAN.fullmatch(text[0]):
            continue
        kind = next((k for name, k in names.items()
                     if len(name) > len(text) and name.startswith(text) and _sheds(text, name[len(text) :])), None)
        if kind is not None and not _refused(ctx, q):
            out.append(Candidate(q.inner, kind))
    return out


def _sheds(short: str, rest: str) -> bool:
    """What a short form leaves off its program's name: a subtitle (——开往幸福的节日专车), after
    three characters at least (not “设计” of 设计·责任), or a member's number (嫦娥|四号); not the
    rest of a word (中国|梦), nor a program noun (“形象”|工程, “面子”|工程: a scare-quoted everyday word)."""
    return (rest.startswith(SUBTITLE_MARKS) and len(short) > SHORT_FORM_MIN) or bool(SERIES_REST.fullmatch(rest))


def _outside(candidates: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """The candidates that overlap none found already (第二届…年会 inside 重庆市江北区第二届…年会)."""
    taken = SpanIndex([c.span for c in found])
    return [c for c in candidates if not taken.overlaps(c.span)]


def area_programs(ctx: Context) -> list[Candidate]:
    doc, lex = ctx.doc, ctx.lex
    suffixes = lex.cue("place_suffix")
    out: list[Candidate] = []
    if not suffixes:
        return out
    tokens = doc.tokens
    last = len(tokens) - 1
    for i in _area_word_indices(doc, lex):
        tok = tokens[i]
        # what _area_end needs at the least, tested inline: most candidates fail it
        if tok.text[-1:] not in suffixes and (i == last or tokens[i + 1].text not in suffixes):
            continue
        area_end = _area_end(tokens, i, suffixes)
        if area_end is None or ctx.quoted.holds(tok.start):
            continue
        if i > 0 and tokens[i - 1].end == tok.start and HAN.match(tokens[i - 1].text[-1:] or "x") and _area_end(tokens, i - 1, suffixes) is not None:
            continue  # 重庆市|江北区: start at the first area only
        cand = _name_ending_in_noun(ctx, tok.start, strong_only=False, nouns=AREA_HEADS)
        if cand is None:
            continue
        name = doc.fold[cand.span.start : cand.span.end]
        words = [t.text for t in ctx.segmenter.cut(name)]
        tails = lex.stops("place_tail")
        # an institution inside the name (…进修学院|分梯度建构培训) makes it a sentence, not a name;
        # 中小学 is not 小学 of a school
        if any(w == t or (w.endswith(t) and len(w) - len(t) >= 2) for w in words for t in tails) or lex.holds_honour(name):
            continue
        out.append(cand)
    return out


def _area_word_indices(doc: Doc, lex: ProgramLexicon) -> list[int]:
    """In order, the indices of the words that end in the last character of a place suffix and of
    the words before them: every word that ends an area name (北碚区) or comes before its suffix
    word (潼南|区) is among them. Found from the few places the text has such a character, rather
    than by testing each of the article's thousands of words."""
    tokens, indices = doc.tokens, []
    for found in lex.place_suffix_ends.finditer(doc.text):
        index = bisect_right(tokens, found.start(), key=_token_start) - 1
        if index < 0 or tokens[index].end != found.end():
            continue  # the character is inside a word, not at its end
        if index > 0 and (not indices or indices[-1] < index - 1):
            indices.append(index - 1)
        indices.append(index)
    return indices


def _area_end(tokens, i: int, suffixes: frozenset[str]) -> int | None:
    """北碚区 (one token) or 潼南|区 (name + suffix token): an administrative area name."""
    tok = tokens[i]
    if len(tok.text) >= 3 and tok.text[-1] in suffixes and HAN.fullmatch(tok.text[:1] or "x"):
        return tok.end
    if len(tok.text) >= 2 and i + 1 < len(tokens) and tokens[i + 1].text in suffixes and tokens[i + 1].start == tok.end:
        if all(HAN.fullmatch(c) for c in tok.text):
            return tokens[i + 1].end
    return None


# ---- owners and mentions ------------------------------------------------------------------------
def _institution_names(institutions: list[InstitutionFinding]) -> frozenset[str]:
    names = set()
    for inst in institutions:
        names.add(inst.canonical)
        names.update(inst.aliases)
    return frozenset(names)


def _owner(doc: Doc, span: Span) -> str:
    """The institution that runs it: nearest before it in the sentence, else in the paragraph."""
    for scope in (doc.sentence_of(span.start), doc.paragraph_of(span.start)):
        best, best_pos = "", -1
        first, first_pos = "", None
        for inst in doc.institutions:
            for m in inst.mentions:
                if not scope.contains(m) or m.overlaps(span):
                    continue
                if m.end <= span.start and m.start > best_pos:
                    best, best_pos = inst.canonical, m.start
                if first_pos is None or m.start < first_pos:
                    first, first_pos = inst.canonical, m.start
        if best or first:
            return best or first
    return ""

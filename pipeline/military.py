"""Military units, for the institutions stage: 中部战区陆军某师, 第71集团军某旅, 红5军第4纵队.

The press names a unit by its service and an anonymised echelon (空军某部, 海军某舰载战斗机团) or by
its ordinal (第83集团军, 红3军团, 工农革命军第一师). No head word of org_heads ends these names: 师,
团, 旅 and 部 end everyday words (教师, 代表团, 旅, 干部). So they are read from anchors of their own,
each 某 before an echelon and each ordinal before a formation, and joined to the services and
commands written before them and to the units written after them. The words are
`lexicons/military.tsv`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

import re

from .document import Span, Token
from .lexicon import Lexicons

ANON = "某"
# An ordinal before a formation: 第71, 第六, and the Red Army's numbers (红3军团, 红一方面军); a
# group army's number is often written without 第 (71集团军), but not inside a longer number.
NUMBER = "[0-9零〇一二三四五六七八九十百]{1,4}"
MARKED_ORDINAL = "[第红]" + NUMBER
GROUP_ARMY = "集团军"
ORDINAL = f"(?:{MARKED_ORDINAL}|(?<![0-9])[0-9]{{1,3}}(?={GROUP_ARMY}))"
# Tags of the words that say what a unit does, between a service and its 某 or between 某 and its
# echelon (空军|雷达|某旅, 某|舰载 b|战斗机|团): nouns, and jieba's guesses at unknown ones (雷达 nr).
SPECIALITY_POS = ("n", "b", "vn", "nz", "nr", "j")
MAX_SPECIALITY = 3  # such words in a row
MAX_PLACE = 4  # characters of the place before a bare area word (新疆|总队)


class TokenIndex(Protocol):
    def get(self, pos: int) -> int | None: ...

    def token(self, pos: int) -> Token | None: ...

    def __contains__(self, pos: int) -> bool: ...


@dataclass(frozen=True)
class MilitaryWords:
    prefixes: tuple[str, ...]  # theatres and services, longest first
    areas: tuple[str, ...]  # 总队, 军区: they end the name of a command after its place
    formations: tuple[str, ...]  # longest first
    echelons: frozenset[str]
    places: frozenset[str]

    @classmethod
    def from_lexicons(cls, lexicons: Lexicons, places: frozenset[str]) -> "MilitaryWords":
        if "military" not in lexicons:
            return cls((), (), (), frozenset(), places)
        rows = lexicons["military"].rows
        words = {role: [row[0] for row in rows if len(row) > 1 and row[1] == role]
                 for role in ("theatre", "service", "area", "formation", "echelon")}
        return cls(
            prefixes=tuple(sorted(words["theatre"] + words["service"], key=len, reverse=True)),
            areas=tuple(sorted(words["area"], key=len, reverse=True)),
            formations=tuple(sorted(words["formation"], key=len, reverse=True)),
            echelons=frozenset(words["echelon"]),
            places=places,
        )

    @cached_property
    def ordinal_formation(self) -> re.Pattern:
        return re.compile(ORDINAL + self._formation_group)

    @cached_property
    def marked_ordinal_formation(self) -> re.Pattern:
        """The same, with 第 or 红 only: a pattern that opens with a character class is scanned for
        many times faster than one that opens with a look-behind (a tenth of this stage's time)."""
        return re.compile(MARKED_ORDINAL + self._formation_group)

    @property
    def _formation_group(self) -> str:
        return "(?:" + "|".join(map(re.escape, self.formations)) + ")" if self.formations else "(?!)"


class MilitaryUnits:
    """The units named in one document, over its folded text and its words."""

    def __init__(self, fold: str, tokens: list[Token], starts: TokenIndex, ends: TokenIndex,
                 words: MilitaryWords) -> None:
        self.fold, self.tokens, self.starts, self.ends, self.words = fold, tokens, starts, ends, words

    def find(self) -> list[tuple[Span, str]]:
        """(span, the head word that ends it) of each unit, in text order, none inside another."""
        if not self.words.formations:
            return []
        anchors = sorted(self._anonymised() + self._ordinals())
        units: list[tuple[Span, str]] = []
        for start, end, head, has_prefix in anchors:
            if units and start < units[-1][0].end:
                continue  # already part of the unit before (第71集团军|某旅 is found from both anchors)
            first = self._prefix_start(start, speciality=not has_prefix)
            if first is None and not has_prefix:
                continue  # 某部电影, 尹某军: 某 names a unit only after its service or command
            end, head = self._chained(end, head)
            units.append((Span(start if first is None else first, end), head))
        return units

    # --- anchors: (start, end, head, whether it names a unit without a service before it) ---------
    def _anonymised(self) -> list[tuple[int, int, str, bool]]:
        """某旅, 某部, 某|舰载|战斗机|团."""
        out = []
        at = self.fold.find(ANON)
        while at >= 0:
            end = self._anonymised_end(at)
            if end is not None:
                out.append((at, end[0], end[1], False))
            at = self.fold.find(ANON, at + 1)
        return out

    def _anonymised_end(self, at: int) -> tuple[int, str] | None:
        index = self.starts.get(at)
        if index is None:
            return None
        token = self.tokens[index]
        rest = self.fold[at + 1 : token.end]
        if rest in self.words.echelons:
            return token.end, rest
        if rest:
            return None  # 某某, 某些
        for token in self.tokens[index + 1 : index + 2 + MAX_SPECIALITY]:
            word = self.fold[token.start : token.end]
            if word in self.words.echelons:
                return token.end, word
            if not (token.pos.startswith(SPECIALITY_POS) and len(word) >= 2):
                return None
        return None

    def _ordinals(self) -> list[tuple[int, int, str, bool]]:
        """第71集团军, 第六师, 红3军团, 71集团军: whole words at both ends (not 第一|旅游, 第二|师范学院)."""
        matches = list(self.words.marked_ordinal_formation.finditer(self.fold))
        at = self.fold.find(GROUP_ARMY)
        while at >= 0:
            number = next((m for m in (self.words.ordinal_formation.match(self.fold, start)
                                       for start in range(max(0, at - 3), at)) if m), None)
            if number is not None and not number.group().startswith(("第", "红")):
                matches.append(number)
            at = self.fold.find(GROUP_ARMY, at + 1)
        return [(m.start(), m.end(), self._formation_of(m), True) for m in matches
                if m.start() in self.starts and m.end() in self.ends]

    def _formation_of(self, match: re.Match) -> str:
        text = match.group()
        return next(f for f in self.words.formations if text.endswith(f))

    # --- what is written before and after an anchor ---------------------------------------------
    def _prefix_start(self, at: int, speciality: bool) -> int | None:
        """Where the services and commands written right before `at` begin (中部战区|陆军|某师,
        陆军|第83集团军, 八路军|冀南军区|第1军分区), or None if there are none. Words of speciality may
        stand between the nearest of them and a 某 (空军|地空导弹|某旅)."""
        first, pos, specialities = None, at, 0
        while pos > 0:
            step = self._step_before(pos)
            if step is not None:
                first = pos = step
                continue
            token = self.ends.token(pos)
            if not (speciality and first is None and specialities < MAX_SPECIALITY and token is not None):
                break
            if not (token.pos.startswith(SPECIALITY_POS) and token.end - token.start >= 2):
                break
            pos, specialities = token.start, specialities + 1
        return first

    def _step_before(self, pos: int) -> int | None:
        """Where the service, area command or ordinal unit ending at `pos` begins; each is read only
        when the one before it is not there (a step may begin at 0, so no `or`)."""
        for read in (self._service_before, self._area_before, self._ordinal_before):
            step = read(pos)
            if step is not None:
                return step
        return None

    def _service_before(self, pos: int) -> int | None:
        for word in self.words.prefixes:
            if self.fold.endswith(word, 0, pos) and pos - len(word) in self.starts:
                return pos - len(word)
        return None

    def _area_before(self, pos: int) -> int | None:
        """武警新疆总队 (one word), 冀南军区, 新疆|总队: a command over an area, named by its place."""
        token = self.ends.token(pos)
        if token is None:
            return None
        word = self.fold[token.start : pos]
        area = next((a for a in self.words.areas if word.endswith(a)), None)
        if area is None:
            return None
        if len(word) > len(area):
            return token.start
        place = next((size for size in range(MAX_PLACE, 1, -1)
                      if self.fold[token.start - size : token.start] in self.words.places
                      and token.start - size in self.starts), None)
        return token.start - place if place else None

    def _ordinal_before(self, pos: int) -> int | None:
        if pos not in self.ends:
            return None
        for size in range(3, 10):
            if self.words.ordinal_formation.fullmatch(self.fold, pos - size, pos) and pos - size in self.starts:
                return pos - size
        return None

    def _chained(self, end: int, head: str) -> tuple[int, str]:
        """The units written right after a unit are its parts: 红5军|第4纵队, 第71集团军|某旅."""
        while True:
            match = self.words.ordinal_formation.match(self.fold, end)
            if match and end in self.starts and match.end() in self.ends:
                end, head = match.end(), self._formation_of(match)
                continue
            anonymised = self._anonymised_end(end) if self.fold.startswith(ANON, end) else None
            if anonymised is None:
                return end, head
            end, head = anonymised

"""Build `lexicons/places.tsv`: China's administrative divisions plus foreign countries and cities.

Chinese part: the `cpca` package's `cpca/resources/adcodes.csv` (MIT licence; 12-digit administrative
codes of the National Bureau of Statistics with names). The level comes from the code (PP0000000000
province, PPCC00000000 prefecture, else county-level). The short form drops the type suffix
(省, 市, 区, 县, 旗, 盟, 地区, 林区, 新区, 特别行政区, and "<ethnic group>族…自治州/县/旗/区") when at least two
characters remain and the remainder is not a common word in jieba's dictionary with another part of
speech (和平区 -> no short form, since 和平 is an ordinary word); a prefecture-level city always keeps
its short form (大连, 开封: the city, in news).
State-level new areas the codes lack (雄安新区): `lexicons/src/new_areas.tsv`, as county-level areas.
Foreign part: `lexicons/src/world_places.tsv`, written for zhfacts from general knowledge.

    python scripts/build_places.py [--adcodes PATH] [-o lexicons/places.tsv]

cpca is only needed to rebuild the file, never at run time; the TSV is committed.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ADCODES = Path("/tmp/explore/lib/python3.11/site-packages/cpca/resources/adcodes.csv")
WORLD = ROOT / "lexicons" / "src" / "world_places.tsv"
NEW_AREAS = ROOT / "lexicons" / "src" / "new_areas.tsv"

# The 56 officially recognised ethnic groups, as they appear in names of autonomous areas.
ETHNIC = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 "
    "景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 "
    "裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
ETHNIC_ALT = "|".join(sorted(ETHNIC, key=len, reverse=True))
AUTONOMOUS = re.compile(rf"^(.+?)(?:(?:{ETHNIC_ALT})族)+自治(?:州|县|旗|区)$")
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "矿区", "省", "市", "区", "县", "旗", "盟")
# A short form that jieba's dictionary knows as an ordinary word (not a place or a name) this often is
# not safe alone: function-like tags from a lower frequency, nouns only when very common (公安, 港口).
FUNCTION_TAGS = ("a", "v", "vn", "f", "c", "d", "m", "b", "t", "s", "p", "r", "q", "ad", "an", "z")
FUNCTION_WORD_FREQ = 300
COMMON_WORD_FREQ = 2000
# Divisions whose full name is itself an ordinary word (城区, 郊区, 矿区) are left out: as a prefix they
# would turn every "城区学校" into a named body.
GENERIC_FULL_NAMES_FREQ = 300


def level_of(adcode: str) -> str:
    if adcode[2:] == "0" * 10:
        return "province"
    if adcode[4:] == "0" * 8:
        return "prefecture"
    return "county"


def strip_suffix(name: str) -> str:
    match = AUTONOMOUS.match(name)
    if match and len(match.group(1)) >= 2:
        return match.group(1)
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return ""


def jieba_common_words() -> dict[str, tuple[int, str]]:
    import jieba

    words: dict[str, tuple[int, str]] = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3:
                words[parts[0]] = (int(parts[1]), parts[2])
    return words


def short_is_safe(short: str, common: dict[str, tuple[int, str]]) -> bool:
    freq, tag = common.get(short, (0, "ns"))
    if tag.startswith(("ns", "nr")):
        return True
    if tag in FUNCTION_TAGS and freq >= FUNCTION_WORD_FREQ:
        return False
    return freq < COMMON_WORD_FREQ


def is_generic_name(name: str, common: dict[str, tuple[int, str]]) -> bool:
    """Not a real division name (省直辖县级行政区划) or a division named by an ordinary word (城区)."""
    if "行政区划" in name or "直辖" in name:
        return True
    freq, tag = common.get(name, (0, "ns"))
    return not tag.startswith(("ns", "nr")) and freq >= GENERIC_FULL_NAMES_FREQ


def china_rows(adcodes: Path) -> list[tuple[str, str, str, str]]:
    common = jieba_common_words()
    by_code = {}
    with open(adcodes, encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            by_code[record["adcode"]] = record["name"]
    rows: dict[str, tuple[str, str, str, str]] = {}
    for code in sorted(by_code):
        name = by_code[code]
        if is_generic_name(name, common):
            continue
        province = by_code.get(code[:2] + "0" * 10, "")
        short = strip_suffix(name)
        # a prefecture-level city's short form is the city in news whatever else the word means
        # (大连 d, 开封 v, 海口 s in jieba's dictionary); a county's may not be (和平, 城关)
        if short and level_of(code) != "prefecture" and not short_is_safe(short, common):
            short = ""
        rows.setdefault(name, (name, level_of(code), short, province))
    return list(rows.values())


def new_area_rows() -> list[tuple[str, ...]]:
    """State-level new areas the codes lack (雄安新区), read as county-level areas of their province."""
    rows = []
    for line in NEW_AREAS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, short, province = line.split("\t")[:3]
            rows.append((name, "county", short, province))
    return rows


def world_rows() -> list[tuple[str, ...]]:
    rows = []
    for line in WORLD.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, level = line.split("\t")[:2]
            rows.append((name, level, "", ""))
    return rows


HEADER = """# what: place names: China's provinces, prefectures and county-level divisions (level from the administrative code), with the short form used in running text (北碚区 -> 北碚; blank when the short form is an ordinary word or under two characters), then foreign countries and major world cities
# source: China: adcodes.csv of the cpca package 0.5.5 (https://github.com/DQinYuan/chinese_province_city_area_mapper, MIT licence; codes of the National Bureau of Statistics), and the state-level new areas they lack from lexicons/src/new_areas.tsv; world: lexicons/src/world_places.tsv, compiled for zhfacts from general knowledge; built by scripts/build_places.py
# licence: MIT (China part, from cpca); CC0 1.0 (world part)
# columns: name\tlevel\tshort\tprovince
# level: province | prefecture | county | country | world_city | world_region
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adcodes", type=Path, default=DEFAULT_ADCODES)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "lexicons" / "places.tsv")
    args = parser.parse_args()
    rows = china_rows(args.adcodes)
    seen = {row[0] for row in rows}
    rows += [row for row in new_area_rows() if row[0] not in seen]
    seen |= {row[0] for row in rows}
    rows += [row for row in world_rows() if row[0] not in seen]
    body = "".join("\t".join(row) + "\n" for row in rows)
    args.output.write_text(HEADER + body, encoding="utf-8")
    print(f"{args.output}: {len(rows)} places")


if __name__ == "__main__":
    main()

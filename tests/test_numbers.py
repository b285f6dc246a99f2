"""The figure reader on real sentences: values, ranges, units, qualifiers and exact spans; the traps."""

from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.numbers import NumberGrammar, arabic_value, chinese_value, find_figures, fold


@pytest.fixture(scope="module")
def grammar(resources) -> NumberGrammar:
    return NumberGrammar.from_lexicons(resources.lexicons)


def _at(text: str, span_text: str, grammar: NumberGrammar):
    """The figure whose span starts where `span_text` does (a sentence may hold several)."""
    start = text.index(span_text)
    figures = find_figures(text, grammar)
    found = [f for f in figures if f.span.start == start or f.number.start == start]
    assert found, [text[f.span.start : f.span.end] for f in figures]
    return found[0]


def _one(text: str, grammar: NumberGrammar):
    figures = find_figures(text, grammar)
    assert len(figures) == 1, [text[f.span.start : f.span.end] for f in figures]
    return figures[0]


# sentence, expected span text, value, value_max, unit, qualifier
FIGURES = [
    # education news (seed style)
    ("圆满完成全区6800多名教师的全员培训", "6800多名", 6800, None, "名", "more_than"),
    ("全员培训合格率达100%。", "达100%", 100, None, "%", "exact"),
    ("在国家级、市级和区级评比中获奖472人次", "472人次", 472, None, "人次", "exact"),
    ("培训共200余期", "共200余期", 200, None, "期", "more_than"),
    ("培训学员１万余人", "１万余人", 10000, None, "人", "more_than"),
    ("技能鉴定通过率达98.9%", "达98.9%", 98.9, None, "%", "exact"),
    ("技能鉴定通过率达９８．９％", "达９８．９％", 98.9, None, "%", "exact"),
    ("受益师生近5000人", "近5000人", 5000, None, "人", "approx"),
    ("参与资源试点建设的有500 余名城乡教师", "500 余名", 500, None, "名", "more_than"),
    ("其中一等奖近 30 人次", "近 30 人次", 30, None, "人次", "approx"),
    ("试点学校十所", "十所", 10, None, "所", "exact"),
    ("经过十几年课程改革", "十几年", 10, None, "年", "more_than"),
    ("开发劳动教育特色课程百余门", "百余门", 100, None, "门", "more_than"),
    ("学习力读本共19万字", "共19万字", 190000, None, "字", "exact"),
    ("市区校级骨干教师约1500人", "约1500人", 1500, None, "人", "approx"),
    ("基地校增至20所", "增至20所", 20, None, "所", "exact"),
    ("经过两年多的实践探索", "两年多", 2, None, "年", "more_than"),
    ("荣获全国教学成果三等奖", "三等奖", 3, None, "等奖", "exact"),
    # People's Daily, February 2019
    ("电商市场规模达到2260亿坚戈", "达到2260亿坚戈", 226_000_000_000, None, "坚戈", "exact"),  # (Kazakh tenge)
    ("年产羊毛衫6500万件以上，年产值35亿元。", "6500万件以上", 65_000_000, None, "件", "more_than"),
    ("进出口总值1853.7亿元，同比增长18.2%。", "1853.7亿元", 185_370_000_000, None, "元", "exact"),
    ("已累计选派45.9万名第一书记", "45.9万名", 459_000, None, "名", "exact"),
    ("用孜孜不倦的奋斗书写着960多万平方公里土地上的故事", "960多万平方公里", 9_600_000, None, "平方公里", "more_than"),
    ("盖上盖腌制15—20分钟；", "15—20分钟", 15, 20, "分钟", "exact"),
    ("项目审批时间减至120个工作日以内。", "减至120个工作日以内", 120, None, "个工作日", "up_to"),
    ("离“村晚”正式开演还有1个多月时", "1个多月", 1, None, "个月", "more_than"),
    # the unit as written after the marker or half inside it (月 alone is a date's: 个月 stays)
    ("需花费两个多小时", "两个多小时", 2, None, "小时", "more_than"),
    ("驱车近两个半小时", "近两个半小时", 2.5, None, "小时", "approx"),
    # a bare multiplier after a marker, before a unit (达万元: 10,000 元)
    ("村民人均收入达万元", "达万元", 10000, None, "元", "exact"),
    # below zero; wells and household members counted with 口; ages in decades (八旬)
    ("气温降到零下15摄氏度", "零下15摄氏度", -15, None, "摄氏度", "exact"),
    ("随着284口油井相继关停", "284口", 284, None, "口", "exact"),
    ("年过八旬的老人", "年过八旬", 8, None, "旬", "more_than"),  # past the age of eighty
    # a half after a duration or an age
    ("女儿三岁半时", "三岁半", 3.5, None, "岁", "exact"),
    ("用了3年半时间", "3年半", 3.5, None, "年", "exact"),
    ("光村民出的义务工就合八十来万元。", "八十来万元", 800_000, None, "元", "approx"),
    ("产品远销20多个国家和地区", "20多个", 20, None, "个", "more_than"),
    # the forms of issue 4
    ("去年筹集资金1,100万元", "1,100万元", 11_000_000, None, "元", "exact"),
    ("全区共有一百二十所学校", "一百二十所", 120, None, "所", "exact"),
    ("吸引两千人参加", "两千人", 2000, None, "人", "exact"),
    ("覆盖三十万人", "三十万人", 300_000, None, "人", "exact"),
    ("惠及1.5万人", "1.5万人", 15000, None, "人", "exact"),
    ("新增5千人", "5千人", 5000, None, "人", "exact"),
    ("参观人数3万4000人", "3万4000人", 34000, None, "人", "exact"),
    ("投入3.09亿元", "3.09亿元", 309_000_000, None, "元", "exact"),
    ("招聘5.77万名教师", "5.77万名", 57700, None, "名", "exact"),
    ("筹集二百余万元", "二百余万元", 2_000_000, None, "元", "more_than"),
    ("两千多万人受益", "两千多万人", 20_000_000, None, "人", "more_than"),
    ("财政投入1.2万亿元", "1.2万亿元", 1_200_000_000_000, None, "元", "exact"),
    ("优良率达百分之九十八", "达百分之九十八", 98, None, "%", "exact"),
    ("成交量增长三成", "三成", 3, None, "成", "exact"),  # tenths, as written
    ("三分之一的学生", "三分之一", 0.333333, None, "", "exact"),
    # a proper fraction written with a slash
    ("拥有鄱阳湖2/3的水面", "2/3", 0.666667, None, "", "exact"),
    ("文件数量将减少1/3以上", "1/3以上", 0.333333, None, "", "more_than"),
    ("贫困人口近1/10", "近1/10", 0.1, None, "", "approx"),
    ("学制3至5年", "3至5年", 3, 5, "年", "exact"),
    ("学制3-5年", "3-5年", 3, 5, "年", "exact"),
    ("每组3~5个", "3~5个", 3, 5, "个", "exact"),
    ("补贴三至五万元", "三至五万元", 30000, 50000, "元", "exact"),
    ("比例在30%-40%之间", "30%-40%", 30, 40, "%", "exact"),
    ("每班三四个", "三四个", 3, 4, "个", "approx"),
    ("翻炒一两分钟", "一两分钟", 1, 2, "分钟", "approx"),  # 一两: one or two
    ("从前些年的一两百场", "一两百场", 100, 200, "场", "approx"),
    ("五六十岁的老人", "五六十岁", 50, 60, "岁", "approx"),
    ("数十人参加", "数十人", 10, None, "人", "more_than"),
    ("近百所学校", "近百所", 100, None, "所", "approx"),
    ("上百人围观", "上百人", 100, None, "人", "approx"),  # 'a hundred or so' (上千年历史)
    ("棠溪村一所百年老校", "百年", 100, None, "年", "approx"),  # the age of an old thing, roughly
    ("千年古镇杨柳青", "千年", 1000, None, "年", "approx"),
    ("全村有2个5A级乡村旅游点", "5A级", 5, None, "A级", "exact"),  # a grade whose unit begins with a letter
    ("超过3000人", "超过3000人", 3000, None, "人", "more_than"),
    ("失业率不到10%", "不到10%", 10, None, "%", "less_than"),
    ("至少5人", "至少5人", 5, None, "人", "at_least"),
    ("最多3次", "最多3次", 3, None, "次", "up_to"),
    ("100人以上", "100人以上", 100, None, "人", "more_than"),
    ("达100多人", "达100多人", 100, None, "人", "more_than"),
    ("全长5千米", "5千米", 5, None, "千米", "exact"),
    ("500总吨以上船舶必须登记", "500总吨以上", 500, None, "总吨", "more_than"),  # a ship's gross tonnage
    ("名列重庆市第一；", "名列重庆市第一", 1, None, "", "exact"),
    # a rank right after the whole it is ranked in, and the Nth largest whatever follows
    ("粮食产量连续多年全国第一。", "全国第一", 1, None, "", "exact"),
    ("中国是世界第二大经济体。", "世界第二大", 2, None, "", "exact"),
    ("美国第二大有线电视频道运营商", "第二大", 2, None, "", "exact"),
    # 突破 (breaks through) is more than, 约为 about, 及以上 at least
    ("故宫参观人次突破1000万。", "突破1000万", 10_000_000, None, "", "more_than"),
    ("总装机容量约为60万千瓦。", "约为60万千瓦", 600_000, None, "千瓦", "approx"),
    ("银离子含量约合0.000035毫克/升", "约合0.000035毫克/升", 0.000035, None, "毫克/升", "approx"),  # 'comes to about'
    ("净收入的70%及以上用于奖励。", "70%及以上", 70, None, "%", "at_least"),
    # 人口 (population) is a noun that is its own unit: people
    ("全国有近14亿人口。", "近14亿人口", 1_400_000_000, None, "人口", "approx"),  # (reported as 人)
    # a port's throughput in containers (twenty-foot equivalent units)
    ("集装箱吞吐量1600.67万标准箱。", "1600.67万标准箱", 16_006_700, None, "标准箱", "exact"),
    # a 了 after the marker, and 几乎 (almost)
    ("全村人均纯收入已超过了1.5万元。", "超过了1.5万元", 15000, None, "元", "more_than"),
    ("清洁能源使用率几乎达到了100%。", "几乎达到了100%", 100, None, "%", "approx"),
    # thirty-odd years that open a clause are a duration of their own, not the last N years
    ("30多年来，他累计巡线8万多公里。", "30多年", 30, None, "年", "more_than"),
    # spoken money: 个 counts the 亿
    ("修路挖沟渠，加起来得一个多亿。", "一个多亿", 100_000_000, None, "", "more_than"),
    ("投资两个亿建设新校区", "两个亿", 200_000_000, None, "", "exact"),
    # counts of trips, rounds and steps
    ("办一个证得跑三趟", "三趟", 3, None, "趟", "exact"),
    ("每天走1万步", "1万步", 10000, None, "步", "exact"),
    # a half standing for the number, before a unit of time
    ("少则半天，多则两三天", "半天", 0.5, None, "天", "exact"),
    ("二人相濡以沫半个多世纪", "半个多世纪", 0.5, None, "个世纪", "more_than"),
    ("步行也要近半个小时", "近半个小时", 0.5, None, "个小时", "approx"),
    ("两个半小时的晚会", "两个半小时", 2.5, None, "小时", "exact"),  # the half of a numeral, read once
    # the last N years ending a clause they do not open are what it measures: a duration
    ("他来华执教近30年，培养了大批人才。", "近30年", 30, None, "年", "approx"),
    ("他在原纪委监察局已工作近10年。", "近10年", 10, None, "年", "approx"),
    # ... and so are the last N years said of a thing with 的 (not opening a clause: 近50年的勘探…)
    ("在一座已经使用了近50年的大坝上进行加固", "近50年", 50, None, "年", "approx"),
    ("经过近20年的发展，我国现已建成", "近20年", 20, None, "年", "approx"),
]


@pytest.mark.parametrize("text, span_text, value, value_max, unit, qualifier", FIGURES)
def test_figure(grammar, text, span_text, value, value_max, unit, qualifier):
    figure = _at(text, span_text, grammar)
    start = text.index(span_text)
    assert (figure.span.start, figure.span.end) == (start, start + len(span_text))
    assert figure.value == pytest.approx(value)
    assert figure.value_max == (pytest.approx(value_max) if value_max is not None else None)
    assert (figure.unit, figure.qualifier) == (unit, qualifier)


# Not figures: dates, ordinals, codes, titles, phones, pages, clock times, idioms, names.
TRAPS = [
    "6月21日，活动在吴起举行",
    "2018年",
    "2023年12月",
    "第十六届运动会",
    "“12345”模式",
    "形成“13568”总体思路",
    "推进“1+X”证书制度",
    "三年行动计划(2023-2025)",
    "咨询电话023-68123456",
    "第019版",
    "上午9:30开始",
    "10时30分",
    "大家一起努力",
    "一些人",
    "统一思想",
    "进一步加强",
    "是全国示范校之一",
    "城乡教育一体化",
    "不能三心二意",
    "不要算自己一亩三分地的会计小账",
    "五花八门的检查评比",
    "党的十九大精神",
    "十三届全国人大二次会议",
    "党的十九届四中全会",
    "近3年来",
    "5年来，变化很大",
    # ... while the last N years that open a clause scope it (periods, read by claims)
    "近3年，该校培训教师",
    "近50年的勘探发现储量",
    "这是千年大计，百年梦想",  # a bare 百年/千年 says 'long-lasting', unless an old thing follows
    "未来几十年，中国仍将继续发挥重要作用",
    "明确了今后5年的工作重点",
    "他说：“过去20余年，宝马集团深耕中国。”",
    "八十年代",
    "五星红旗",
    "十分重要",
    "欧盟二十八成员国",
    "纪念五四运动",
    "“十四五”规划",
    "G20峰会",
    "5G基站",
    "K4366次列车",  # a train's number, though 次 follows
    "河西学院2015级本科生",  # a cohort, by the year it entered
    "康熙三十二年黑漆款彩寿屏",  # a reign's year is a date
    "落实中央八项规定精神",
    "三门峡市",
    "“十四五”规划",
    "比分3:1",
    "狂飙四起",
    "他四处联系技术指导",
    "小两口过年",
    "收入每年保持两位数以上增长",  # the number of a rate's digits
    "首次呈个位数增长",
    "20世纪80年代",
    # halves of a year, most of one, a long while, a half of something: no duration of a half
    "上半年经济平稳",
    "大半年没回家",
    "等了老半天",
    "效率低一半",
    # a slash that makes no share: a tournament's round, a date, a count out of a count, a numbered item
    "法国杯女足1/4决赛",
    "2019/2/3出发",
    "一号停车场152/152",
    "“资源一号”光谱01/02星发射升空",
]


@pytest.mark.parametrize("text", TRAPS)
def test_trap_is_not_a_figure(grammar, text):
    assert find_figures(text, grammar) == []


def test_year_in_document_title_is_not_a_figure(grammar):
    # the plan title carries 三年 and a year range; neither is a figure
    assert find_figures("印发《城乡教育一体化三年行动计划(2023-2025)》", grammar) == []


@pytest.mark.parametrize("text", ["第一", "位居全国第三", "排名第二", "全国第一", "全国第一批试点", "第十六届大会",
                                  "拿到自由滑第一名，", "合唱比赛，得了第二名。"])
def test_rank_needs_a_rank_verb_or_its_whole_or_a_place(grammar, text):
    figures = find_figures(text, grammar)
    assert [f.form for f in figures] == ([] if text in ("第一", "全国第一批试点", "第十六届大会") else ["rank"])


def test_a_place_range_is_one_figure(grammar):
    # 第二名到第十名: the second place opens the range, the tenth closes it and is no rank of its own
    figures = find_figures("里程数是世界第二名到第十名的总和", grammar)
    assert [f.value for f in figures] == [2]


@pytest.mark.parametrize("text, span_text, value, unit", [
    # the Nth or the first of its kind is a rank among things of that kind (a batch, an edition is not)
    ("黄河站是我国第三座极地科考站", "第三座", 3, "座"),
    ("他是第一位获得该奖项的中国学者", "第一位", 1, "位"),
    ("黄河站是我国首个北极科考站", "首个", 1, "个"),
    ("天舟一号是我国首艘货运飞船", "首艘", 1, "艘"),
])
def test_the_nth_of_its_kind_is_a_rank(grammar, text, span_text, value, unit):
    figure = _at(text, span_text, grammar)
    assert (figure.value, figure.unit, figure.form) == (value, unit, "rank")


@pytest.mark.parametrize("text", ["首届论坛在京举行", "首批试点名单公布", "实现第一个百年奋斗目标",
                                  "春节后首个工作日股市上涨", "这是他在村里的第十个年头"])
def test_an_edition_a_batch_or_a_numbered_goal_is_no_rank(grammar, text):
    assert [f for f in find_figures(text, grammar) if f.form == "rank"] == []


# ---------------------------------------------------------------- peers' known failures


@pytest.mark.parametrize("numeral, peer_reading, ours", [
    ("三四", 34, None),      # 三四个 means three or four; cn2an reads thirty-four
    ("五四", 54, None),      # 五四运动 is a name
    ("九一八", 918, None),   # 九一八事变 is a date name
])
def test_cn2an_reads_digit_strings_as_numbers(numeral, peer_reading, ours):
    assert cn2an.cn2an(numeral, "normal") == peer_reading
    assert chinese_value(numeral) is ours


@pytest.mark.parametrize("numeral, value", [("1,100万", 11_000_000), ("1.2万亿", 1_200_000_000_000)])
def test_cn2an_fails_on_separators_and_wanyi(numeral, value):
    with pytest.raises(ValueError):
        cn2an.cn2an(numeral, "smart")
    assert arabic_value(numeral)[0] == value


@pytest.mark.parametrize("sentence, peer_mark", [
    ("进一步统一思想", "进1步"),
    ("一些人", "1些"),
    ("增长三成", "3成"),
])
def test_cn2an_transform_rewrites_idioms(grammar, sentence, peer_mark):
    assert peer_mark in cn2an.transform(sentence, "cn2an")
    figures = find_figures(sentence, grammar)
    assert all(f.unit == "成" for f in figures)  # only 三成 (three tenths) is a figure here


def test_recognizers_text_reads_idioms_and_misses_separators(grammar):
    recognizers = pytest.importorskip("recognizers_number", exc_type=ImportError)
    found = recognizers.recognize_number("进一步加强，1,100万元", recognizers.Culture.Chinese)
    assert any(r.text == "一" for r in found)
    assert find_figures("进一步加强，1,100万元", grammar)[0].value == 11_000_000


# ---------------------------------------------------------------- properties


def test_chinese_comma_is_not_a_thousands_separator(grammar):
    figures = find_figures("第一批3，100家企业参与", grammar)
    assert [(f.value, f.unit) for f in figures] == [(100, "家")]


def test_fold_keeps_length():
    text = "通过率达９８．９％，共１，１００人"
    assert len(fold(text)) == len(text)
    assert fold(text) == "通过率达98.9%，共1,100人"  # the sentence comma stays Chinese


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=999_999_999), st.booleans(), st.booleans())
def test_arabic_integers_round_trip(grammar, number, separators, full_width):
    numeral = f"{number:,}" if separators else str(number)
    if full_width:
        numeral = "".join(chr(ord(c) + 0xFEE0) for c in numeral)
    text = f"共有{numeral}人参加"
    figure = _one(text, grammar)
    assert figure.value == number
    assert text[figure.span.start : figure.span.end] == f"{numeral}人"


@pytest.mark.parametrize("text, values", [
    ("持续两个半小时的晚会", [2.5]),
    ("车程从4个半小时缩短到1小时", [4.5, 1]),
    ("用了一年半的时间", [1.5]),
])
def test_a_numerals_half_is_read_once(grammar, text, values):
    """The half after a numeral and a unit is part of that figure, not a second one of 0.5."""
    assert [f.value for f in find_figures(text, grammar)] == values

"""The claims stage on real sentences: quote, value, unit, qualifier, measure, subject and period."""

from __future__ import annotations

import pytest

from pipeline.claims import ClaimStage
from pipeline.document import InstitutionFinding, PersonFinding, ProgramFinding, Span


@pytest.fixture(scope="module")
def claims(resources, make_doc):
    stage = ClaimStage(resources)

    def run(text: str, institutions: tuple[str, ...] = (), programs: tuple[str, ...] = (),
            people: tuple[str, ...] = (), **hints):
        doc = make_doc(text, **hints)
        for name in people:
            doc.people.append(PersonFinding(name=name, mentions=[Span(i, i + len(name)) for i in _find_all(doc.text, name)]))
        for name in institutions:
            mentions = [Span(i, i + len(name)) for i in _find_all(doc.text, name)]
            doc.institutions.append(InstitutionFinding(canonical=name, kind="school", mentions=mentions))
        for name in programs:
            mentions = [Span(i, i + len(name)) for i in _find_all(doc.text, name)]
            doc.programs.append(ProgramFinding(text=name, mentions=mentions))
        return stage(doc)

    return run


def _find_all(text: str, word: str) -> list[int]:
    out, pos = [], text.find(word)
    while pos >= 0:
        out.append(pos)
        pos = text.find(word, pos + 1)
    return out


def _claim(doc, number_text: str):
    """The claim whose figure starts with `number_text`."""
    for claim in doc.claims:
        if doc.text[claim.number_span.start :].startswith(number_text):
            return claim
    raise AssertionError(f"no claim at {number_text!r}: {[doc.slice(c.span) for c in doc.claims]}")


# sentence, figure, quote, value, unit, qualifier, measure
CLAIMS = [
    ("圆满完成全区6800多名教师5年360学时的全员培训，合格率达100%。",
     "6800", "6800多名教师", 6800, "名", "more_than", "全区教师人数"),  # (where the counted are leads the measure)
    ("圆满完成全区6800多名教师5年360学时的全员培训，合格率达100%。",
     "100%", "合格率达100%", 100, "%", "exact", "合格率"),
    ("近3年来，学校教师的论文在国家级、市级和区级评比中获奖472人次。",
     "472", "获奖472人次", 472, "人次", "exact", "获奖人次"),
    ("目前已开展主题培训讲座32场次，受益师生近5000人。",
     "5000", "受益师生近5000人", 5000, "人", "approx", "受益师生人数"),
    ("自2016年9月以来，培训共200余期，培训学员1万余人，技能鉴定通过率达98.9%。",
     "1万", "培训学员1万余人", 10000, "人", "more_than", "培训学员人数"),
    # People's Daily, February 2019
    ("目前，鹿邑县羊尾毛产业链从业人员达6.5万人，年产羊毛衫6500万件以上，年产值35亿元。",
     "6500万", "年产羊毛衫6500万件以上", 65_000_000, "件", "more_than", "年产羊毛衫件数"),
    ("目前，鹿邑县羊尾毛产业链从业人员达6.5万人，年产羊毛衫6500万件以上，年产值35亿元。",
     "35亿", "年产值35亿元", 3_500_000_000, "元", "exact", "年产值"),
    ("今年，新政策已经惠及331个商家。",
     "331", "331个商家", 331, "个", "exact", "惠及商家数"),  # (what is done to them leads the measure)
    ("2018年，泉州进出口总值1853.7亿元，同比增长18.2%。",
     "18.2", "增长18.2%", 18.2, "%", "exact", "泉州进出口总值同比增长率"),
    # a quote starts at a word: a long head is cut before a word (国家|教学), not inside it (家教学)
    ("她如今指导的学校获得了国家教学成果一等奖1项，二等奖1项。",
     "1项", "教学成果一等奖1项", 1, "项", "exact", "国家教学成果一等奖项数"),
    # ... and where the head ends, past the spaces between it and the figure (not 级学科名师 15人)
    ("现有市级学科名师 15人。", "15", "市级学科名师 15人", 15, "人", "exact", "市级学科名师人数"),
    # the words of the measure begin at a word of the text (not 国债券, the end of 中国)
    ("中国债券市场存量规模达86万亿元人民币，其中国际投资者持债规模近1.8万亿元人民币。",
     "86万", "债券市场存量规模达86万亿元", 86e12, "元", "exact", "债券市场存量规模"),
    # ... and so does the window of words a short head falls back to (华人民共和国建国周年数: 中|华)
    ("在庆祝中华人民共和国建国70周年之际，学校举行活动。", "70", "建国70周年", 70, "周年", "exact", "建国周年数"),
    # a qualified 一 is a count (一年多, 不到一年), an exact one the article (一名, 一年)
    ("目前，云轨已运营一年多，客流稳定。", "一", "运营一年多", 1, "年", "more_than", "云轨已运营年数"),
    ("这项工程历时一年半完成。", "一", "工程历时一年半", 1.5, "年", "exact", "工程历时年数"),
    # ... and so is a time of 约 or 大约 一 (not 节约, nor 约 'to invite' before a count)
    ("将油菜焯水约一分钟。", "一", "焯水约一分钟", 1, "分钟", "approx", "油菜焯水时长"),
    # a long quote with commas is speech, and its figures are claims (a short one is a slogan)
    ("韩聪说，“到目前为止，我们只恢复了最好水平的八成，未来还可以做得更好”。", "八", "八成", 8, "成", "exact",
     "我们只恢复了最好水平"),
    # ... and so is a time said to last (历时一年, 连续一周)
    ("这项工程历时一年完工。", "一", "工程历时一年", 1, "年", "exact", "工程历时年数"),
    # 一倍 is a figure (doubling), never the article
    ("新春活动数量相较过去提升了一倍。", "一", "一倍", 1, "倍", "exact", "新春活动数量相较过去提升倍数"),
    # the verb of winning is not written twice (朱刚获得获奖等级)
    ("朱刚获得一等奖。", "一等奖", "获得一等奖", 1, "等奖", "exact", "朱刚获奖等级"),
    # households are counted in 户 (not 人数)
    ("该村共有贫困户128户，其中已脱贫96户。", "128", "共有贫困户128户", 128, "户", "exact", "共有贫困户户数"),
    # a rate of change counts what the figure before it in the sentence counted
    ("文化投资运营412亿元，下降0.2%。", "0.2", "下降0.2%", 0.2, "%", "exact", "文化投资运营下降率"),
    # the Nth of its kind counts the noun after it, in its order
    ("天舟一号是我国首艘货运飞船。", "首", "首艘货运飞船", 1, "艘", "exact", "货运飞船序次"),
    # ... and so does a rate named alone
    ("数字经济线上主营业务收入达1.08万亿元，增速18.8%。", "18.8", "增速18.8%", 18.8, "%", "exact",
     "数字经济线上主营业务收入增速"),
    # a figure with no words of its own counts what the one before it counted; a guessed word
    # that swallowed the 中 after it (幼崽中) is cut there
    ("当年查获的100只斑海豹幼崽中，29只死亡。", "100", "100只斑海豹幼崽", 100, "只", "exact", "斑海豹幼崽只数"),
    ("当年查获的100只斑海豹幼崽中，29只死亡。", "29", "29只", 29, "只", "exact", "斑海豹幼崽只数"),
    # a figure in 万 with no unit counts the noun after it; an adjective may open that noun
    ("全国有125个贫困县通过验收脱贫，1000万农村贫困人口摆脱贫困。", "1000万", "1000万农村贫困人口", 10_000_000, "人",
     "exact", "农村贫困人口"),
    # words that only say the figure is reached are no part of what it measures
    ("全村人均纯收入已超过了1.5万元。", "1.5万", "超过了1.5万元", 15000, "元", "more_than", "全村人均纯收入"),
    ("全球绿化面积增加了5%。", "5", "5%", 5, "%", "exact", "全球绿化面积增加率"),
    ("影片国内票房已突破40亿元。", "40亿", "突破40亿元", 4_000_000_000, "元", "more_than", "影片国内票房"),
    # a quantity's own noun says what is measured (面积, 长度, 重量, 温度, and 时长 for a stretch not in
    # years or days), unless the phrase already ends in one (全长, 气温, 工期)
    ("两亩新大棚，得花近1万元。", "两", "两亩新大棚", 2, "亩", "exact", "新大棚面积"),
    ("拆除码头，腾出岸线7500多米。", "7500", "腾出岸线7500多米", 7500, "米", "more_than", "腾出岸线长度"),
    ("杭州湾跨海大桥全长36公里。", "36", "跨海大桥全长36公里", 36, "公里", "exact", "杭州湾跨海大桥全长"),
    ("准备油菜400克。", "400", "准备油菜400克", 400, "克", "exact", "准备油菜重量"),
    ("最低气温零下5摄氏度。", "5", "最低气温零下5摄氏度", -5, "摄氏度", "exact", "最低气温"),
    ("腌制15分钟。", "15", "腌制15分钟", 15, "分钟", "exact", "腌制时长"),
    ("工期3个月。", "3", "工期3个月", 3, "个月", "exact", "工期"),
    ("他当了26年村支书。", "26", "26年村支书", 26, "年", "exact", "村支书年数"),
]


@pytest.mark.parametrize("text, figure, unit", [
    # hours counted with 个 are reported in 小时; months and weeks keep it (3月 is March, 星期三 a day)
    ("老路需要两个小时。", "两", "小时"),
    ("单程过去得5个小时。", "5", "小时"),
    ("工期缩短了3个月。", "3", "个月"),
    ("他们用了两个星期。", "两", "个星期"),
    # classifiers of long and handled things, and a recipe's spoons
    ("他们要完成9600根轨枕的铺设。", "9600", "根"),
    ("村民抱过来十多把旱烟。", "十", "把"),
    ("用料：蒜两瓣，山茶油1茶匙。", "1", "茶匙"),
    ("村里新装100盏路灯。", "100", "盏"),
    ("征集到20副楹联出句。", "20", "副"),
    ("药材收购价八毛钱一斤，鸡蛋便宜三毛。", "八", "毛"),
    ("全省PM2.5浓度38微克/立方米。", "38", "微克/立方米"),
    ("水库中银离子平均浓度为0.00064毫克/升。", "0.00064", "毫克/升"),  # in water or in food
    ("农药残留不超过0.2毫克/千克。", "0.2", "毫克/千克"),
    # currencies of other countries, nautical miles, grains
    ("公司上缴税收累计10亿埃镑。", "10", "埃镑"),
    ("巴西监管部门对其罚款720万雷亚尔。", "720", "雷亚尔"),
    ("科考船航程1.2万余海里。", "1.2", "海里"),
    ("每棚产10万多粒微型薯。", "10", "粒"),
    # a population counts people, whatever qualifies it (贫困人口, 城镇人口)
    ("全省有14亿人口。", "14", "人"),
    ("去年42万贫困人口脱贫。", "42", "人"),
])
def test_unit_as_reported(claims, text, figure, unit):
    assert _claim(claims(text), figure).unit == unit


@pytest.mark.parametrize("text, figure, quote", [
    # a quotation mark opening after the figure that the quote would not close ends it
    ("村里有三间平房“大瓦房”已经翻新。", "三", "三间平房"),
    ("举办了14场“开发性金融支持”培训。", "14", "14场"),
    ("他们用了15天的“年货节”时间。", "15", "15天"),  # (and the 的 left before the mark)
    # a mark closing before the figure stays, as the annotators quote it
    ("入选“国家万人计划教学名师”1 人。", "1", "万人计划教学名师”1 人"),
])
def test_a_quote_holds_no_stray_mark_after_its_figure(claims, text, figure, quote):
    doc = claims(text)
    assert doc.slice(_claim(doc, figure).span) == quote


def test_years_counted_in_zai(claims):
    """六十余载: 载 is a year in writing (载重吨 stays a tonnage; 五大|载体 is still an enumeration)."""
    claim = _claim(claims("仲跻昆与阿拉伯语偕行六十余载。"), "六十")
    assert (claim.value, claim.unit, claim.qualifier) == (60, "载", "more_than")
    assert _claim(claims("打造五大载体，推进改革。"), "五").unit == "大"


def test_an_age_in_decades_is_reported_in_years(claims):
    claim = _claim(claims("仲跻昆如今年过八旬，仍在翻译。"), "八")
    assert (claim.value, claim.unit, claim.qualifier) == (80, "岁", "more_than")


def test_a_count_of_a_named_set_is_a_figure_inside_its_program(claims):
    """三大攻坚战 is a program and counts three campaigns; “12345”模式 is a code, no figure."""
    doc = claims("协同打好三大攻坚战。", programs=("三大攻坚战",))
    assert [(c.value, c.unit) for c in doc.claims] == [(3, "大")]
    assert claims("形成了“12345”培训模式。", programs=("12345",)).claims == []


@pytest.mark.parametrize("text, person, measure", [
    # an age is whose age: the person the sentence names before it (not 高龄年龄, not 今年岁数)
    ("彭真同志任委员长时已81岁高龄，可是他始终保持人民公仆本色。", "彭真", "彭真年龄"),
    ("张恩学今年59岁，是村里的老党员。", "张恩学", "张恩学年龄"),
    ("41岁的雷保平是村里的老党员。", "雷保平", "雷保平年龄"),  # the person named after it
    ("他今年59岁，是村里的老党员。", "", "年龄"),
    # the person named last in the paragraph, when the sentence names none
    ("崔梦迪也是头一次离家过春节。25岁的她去年刚毕业。", "崔梦迪", "崔梦迪年龄"),
    # the person the phrase after it names, not the words around the name
    ("15岁姑娘文敏来自山区。", "文敏", "文敏年龄"),
    ("72岁的老住户侯雅明说，这里变了。", "侯雅明", "侯雅明年龄"),
    ("70岁的崔大爷说，这里变了。", "崔", "崔大爷年龄"),  # a bare surname says less than the phrase
])
def test_age_measure_names_whose_age(claims, text, person, measure):
    doc = claims(text, people=(person,) if person else ())
    assert [c.measure for c in doc.claims] == [measure]


@pytest.mark.parametrize("text, figure, quote, value, unit, qualifier, measure", CLAIMS)
def test_claim(claims, text, figure, quote, value, unit, qualifier, measure):
    doc = claims(text)
    claim = _claim(doc, figure)
    assert doc.slice(claim.span) == quote
    assert claim.value == pytest.approx(value)
    assert (claim.unit, claim.qualifier, claim.measure) == (unit, qualifier, measure)
    assert claim.sentence is not None and claim.sentence.contains(claim.span)


@pytest.mark.parametrize("text, figure, period, start, end", [
    ("近3年来，学校承担市级教育科研课题16项。", "16", "近3年来", 2018, 2021),
    ("未来5年，集团计划投入100亿元。", "100亿", "未来5年", 2021, 2026),  # the next years run on from now
    ("今年，荣昌区共有500余名城乡教师参与资源建设。", "500", "今年", 2021, 2021),
    ("2021年，江北区入选教育部精品课16节。", "16", "2021年", 2021, 2021),
    ("截至目前，全区已有特色学校30所。", "30", "截至目前", None, 2021),
    ("自2016年9月以来，培训学员1万余人。", "1万", "自2016年9月以来", 2016, 2021),
    ("学校培训教室6间。", "6", "", None, None),
    ("2013年之前，全国电量缺口超过20%。", "20", "2013年之前", None, 2013),  # open before
    ("2015年以后，电站每年发电10亿度。", "10亿", "2015年以后", 2015, 2021),  # open after, to the article
    ("如今，55岁的张广祥仍在种萝卜。", "55", "", None, None),  # an age takes a time from its own clause only
    ("如今55岁的张广祥仍在种萝卜。", "55", "如今", None, 2021),
    # a stretch of time, likewise: the news of the sentence is not when it ran (a clause of its own may say so)
    ("2018年，他已当了26年村支书。", "26", "", None, None),
    ("去年工程历时一年多终于完工。", "一年多", "去年", 2020, 2020),
    ("目前，全队连续5年保持全国第一。", "5", "", None, None),
    ("老人至今已经63年没有离开村子。", "63", "至今", None, 2021),
    # 从 before a value's time is "from" that value, not "since"
    ("贫困人口从2015年底的200万人减少到51万人。", "200", "2015年底", 2015, 2015),
    # N年来 needs no opener, and may be rough (30多年来, 六十多年来)
    ("30多年来，他累计巡线8万多公里。", "8万", "30多年来", 1991, 2021),
    ("六十多年来，村里修路12条。", "12", "六十多年来", 1961, 2021),
    # what a figure is compared with is no period of it: the period is the one before (or none)
    ("2018年，实施扶贫项目7290个，较2017年增加275个。", "275", "2018年", 2018, 2018),
    ("2018年，工业增加值比上年增长11.7%。", "11.7", "2018年", 2018, 2018),
    ("受理咨询47件，与去年同期相比减少43件。", "43", "", None, None),
    ("去年，受理咨询47件。", "47", "去年", 2020, 2020),
    # an anniversary is no stretch: the year it falls in is its period
    ("今年，我们将迎来新中国成立70周年。", "70", "今年", 2021, 2021),
    # the part of a relative year, and 截至 closing it (a scope up to then, open at the start)
    ("截至去年底，蚂蚁森林已种下5500余万棵树。", "5500", "截至去年底", None, 2020),
    ("今年春节期间，全省接待游客1200万人次。", "1200", "今年春节期间", 2021, 2021),
    ("去年下半年，公司营业收入增长20%。", "20", "去年下半年", 2020, 2020),
    ("今年1月份，全国进出口总值增长8.7%。", "8.7", "今年1月份", 2021, 2021),
    # a span of months in one year is one period (not its last month alone), as are a span of years
    # (ending in its last), of days, and a month's part, as written
    ("2018年1月至9月，全国纪检监察机关立案46.4万件。", "46.4", "2018年1月至9月", 2018, 2018),
    ("2018年1—11月，全省规模以上工业增加值增长6%。", "6", "2018年1—11月", 2018, 2018),
    ("2006年—2017年期间，年降水量均值达513毫米。", "513", "2006年—2017年期间", 2006, 2017),
    ("2013年至2017年，全省投入超过12亿元。", "12亿", "2013年至2017年", 2013, 2017),
    ("2月13日—14日，共开展地面增雪作业720次。", "720", "2月13日—14日", 2021, 2021),
    ("2月19日，北京推出19处重点活动。", "19", "", None, None),  # a day says when, it spans nothing
    ("1月份，社会融资同比多增1.56万亿元。", "1.56", "1月份", 2021, 2021),
    ("到11月末下降0.4个百分点。", "0.4", "11月末", 2021, 2021),
    # the scope as written: what began between 自 and 以来, 起 opening it, a relative year's day or months
    ("自2015年脱贫攻坚以来，全县提拔科级干部222名。", "222", "自2015年脱贫攻坚以来", 2015, 2021),
    ("2018年起，全市新增就业500人。", "500", "2018年起", 2018, 2021),
    ("去年8月起，给予小微企业15个基点的优惠。", "15", "去年8月起", 2020, 2021),
    ("2018年起草的文件共有15份。", "15", "2018年", 2018, 2018),  # 起草 drafts, it opens nothing
    # a clause that is an event and 以来 scopes what follows, from 自 when a subject precedes it
    ("党的十八大以来，全国查处案件300件。", "300", "党的十八大以来", None, 2021),
    ("　　特别是改革开放以来，全县减贫3万人。", "3万", "改革开放以来", None, 2021),
    ("入冬以来，全省开展增雪作业1752次。", "1752", "入冬以来", None, 2021),
    ("蒙内铁路自开工以来，累计创造近5万个工作岗位。", "5万", "自开工以来", None, 2021),
    ("他说：“投产以来，村民增收4000元。”", "4000", "投产以来", None, 2021),
    ("该市自从上海有关部门组织开展专项行动以来，新增企业300家。", "300", "", None, None),  # a clause of its own
    # 来 is "since" only as a word of its own (2012年来，), not the verb that begins another (来华, 来到)
    ("2012年来，全市新增企业300家。", "300", "2012年来", 2012, 2021),
    ("2018年来华留学的学生达到3000人。", "3000", "2018年", 2018, 2018),
    ("自2018年来华以来，他教了300名学生。", "300", "自2018年来华以来", 2018, 2021),
    ("今年1月4日，央行下调存款准备金率1个百分点。", "1", "今年1月4日", 2021, 2021),
    ("去年前11个月，保险业提供风险保障6463万亿元。", "6463", "去年前11个月", 2020, 2020),
    # 现 is "now" only as a word of its own: not 现场, 现代 (现月收入 is read as 现|月收入)
    ("，现场查获斑海豹幼崽80头。", "80", "", None, None),
    ("传统型的狮子头重七八十斤，现代型狮头重二三十斤。", "二", "", None, None),
    ("两人都退休了，现月收入达8000元。", "8000", "现", None, 2021),
])
def test_period(claims, text, figure, period, start, end):
    claim = _claim(claims(text, date="2021-06-21"), figure)
    assert (claim.period, claim.period_start, claim.period_end) == (period, start, end)


def test_a_number_inside_a_time_scope_counts_nothing(claims):
    doc = claims("去年前11个月，保险业提供风险保障6463万亿元。", date="2021-06-21")
    assert [doc.slice(c.span) for c in doc.claims] == ["保障6463万亿元"]


def test_years_counted_to_now_are_a_claim_and_a_period(claims):
    doc = claims("改革开放40年来，全国建成营业网点2.3万个。", date="2021-06-21")
    assert [doc.slice(c.span) for c in doc.claims] == ["改革开放40年", "建成营业网点2.3万个"]
    assert (_claim(doc, "40").period, _claim(doc, "2.3").period) == ("", "40年来")


def test_period_carries_over_the_paragraph(claims):
    doc = claims("近年来，学校成绩突出。教师公开发表学术论文298篇。", date="2023-12-01")
    assert _claim(doc, "298").period == "近年来"


def test_subject_is_the_sentence_institution_else_the_main_one(claims):
    text = ("巴南区教师进修学校专注于教师培训。巴南区教师进修学校近年来成立15个专家帮扶小组。\n"
            "培训课件260个，其中大足职业教育中心制作视频412个。")
    doc = claims(text, institutions=("巴南区教师进修学校", "大足职业教育中心"))
    assert _claim(doc, "15").subject == "巴南区教师进修学校"
    assert _claim(doc, "412").subject == "大足职业教育中心"
    assert _claim(doc, "260").subject == "大足职业教育中心"  # same sentence, mentioned after the figure


@pytest.mark.parametrize("text, body, number, subject", [
    # the area the article names before, in full or by its short form, of the level the body names
    ("江西是革命老区。省纪委监委今年查处案件120件。", "省纪委监委", "120", "江西省纪委监委"),
    ("新疆维吾尔自治区各族群众欢度春节。自治区党委拨付资金3亿元。", "自治区党委", "3亿", "新疆维吾尔自治区党委"),
    ("阳高县地处山西北部。县政府投入500万元修路。", "县政府", "500", "阳高县政府"),
    # a level word that begins another word is no level (市场), and no area: the body as named
    ("北京市场监管总局今年抽检食品1200批次。", "市场监管总局", "1200", "市场监管总局"),
    ("省政府投入资金20亿元。", "省政府", "20亿", "省政府"),
])
def test_a_body_named_by_its_level_is_the_last_named_areas(claims, text, body, number, subject):
    assert _claim(claims(text, institutions=(body,)), number).subject == subject


def test_a_country_owns_the_figures_of_its_sentence(claims):
    doc = claims("一年来，中国经济仍是世界的发动机；一年来，125个贫困县通过验收脱贫。")
    assert _claim(doc, "125").subject == "中国"
    # and the paper's own country, named as the text names it
    assert _claim(claims("我国风电装机突破7.4亿千瓦。"), "7.4").subject == "我国"
    # but not one inside a program's name
    doc = claims("开展“中国梦”系列主题实践活动，开发特色课程百余门。", programs=("中国梦",))
    assert _claim(doc, "百余").subject == ""


def test_the_main_subject_is_an_area_of_china_or_the_body_before_a_country(claims):
    # 黑龙江省 is named three times, 中国 four: the article is about the province
    text = ("黑龙江省是中国的粮仓。中国经济看黑龙江省，中国农业也看黑龙江省。中国人的饭碗端得牢。\n"
            "全年加工原粮723亿斤。")
    assert _claim(claims(text), "723").subject == "黑龙江省"
    # the body named most, three times, outranks the country named more often
    text = ("酒泉卫星发射中心是中国航天的摇篮。中国人在这里圆梦，中国的航天员从酒泉卫星发射中心出征，"
            "中国骄傲。酒泉卫星发射中心很忙。\n发射场有20多个。")
    assert _claim(claims(text, institutions=("酒泉卫星发射中心",)), "20").subject == "酒泉卫星发射中心"
    # a country named most, with no body the article is about, owns only its sentences' figures
    text = ("中国选手金博洋出战。中国队备战冬奥。中国花滑在进步。\n他以211.11分夺冠，下一个4年还很长。")
    assert _claim(claims(text), "211.11").subject == ""
    assert _claim(claims("中国队备战冬奥，中国花滑进步了10年。"), "10").subject == "中国"


@pytest.mark.parametrize("text, people, programs, number, measure", [
    # what is done to what the figure counts, when the counted noun follows the figure
    ("项目建成后需搬迁安置约20万居民。", (), (), "20", "安置居民"),
    ("陈登平资助10多个贫困学生。", (), (), "10", "陈登平资助贫困学生数"),
    # whose figure: the person of its clause, and which program's: the program of its sentence
    ("黄永秀指导参赛教师100多人次获奖。", ("黄永秀",), (), "100", "黄永秀指导参赛教师人次"),
    ("二十四史全译项目启动。全书共88册。", (), ("二十四史全译",), "88", "全书册数"),
    ("我们推出二十四史全译，全书共88册。", (), ("二十四史全译",), "88", "二十四史全译全书册数"),
    # no 的 opens a measure
    ("中国水电承建的麦洛维大坝项目合同总金额近6亿欧元。", (), (), "6亿", "麦洛维大坝项目合同总金额"),
])
def test_a_measure_says_what_is_done_and_whose_figure_it_is(claims, text, people, programs, number, measure):
    assert _claim(claims(text, people=people, programs=programs), number).measure == measure


def test_a_body_named_once_is_no_main_subject(claims):
    # the main subject fills in for a figure whose sentence and paragraph name no body: the body the
    # article names most, three times at least (here once, in another paragraph: no subject)
    text = "据人民日报报道，春节假期很热闹。\n全国接待游客4.15亿人次。"
    doc = claims(text, institutions=("人民日报",))
    assert _claim(doc, "4.15").subject == ""
    text = "故宫博物院很热闹。故宫博物院推出新展。故宫博物院的文创卖得好。\n全年接待游客1700万人次。"
    doc = claims(text, institutions=("故宫博物院",))
    assert _claim(doc, "1700").subject == "故宫博物院"
    # two bodies named three times each: neither is what the article is about
    text = ("杭州银行放贷。杭州银行增资。杭州银行获奖。兴业银行放贷。兴业银行增资。兴业银行获奖。\n"
            "全年贷款增加15.67万亿元。")
    doc = claims(text, institutions=("杭州银行", "兴业银行"))
    assert _claim(doc, "15.67").subject == ""


def test_subject_is_a_place_opening_the_sentence(claims):
    doc = claims("江北区已创建区级特色学校32所。")
    assert _claim(doc, "32").subject == "江北区"


@pytest.mark.parametrize("text, figure, subject", [
    # a place's name read across two words is none: 发展|中国家, 示|范县, 沿|海地区, 担|任县委
    ("发展中国家的代表有120多位。", "120", ""),
    ("这个示范县新建学校12所。", "12", ""),
    ("沿海地区新增港口泊位30个。", "30", ""),
    ("他担任县委书记5年。", "5", ""),
    # a place that begins a word of the segmenter's is one (中国香港, 土耳其政府)
    ("土耳其政府已拨款2亿里拉。", "2亿", "土耳其"),
    # a province or prefecture by its short form owns the figures of its sentence, named in full
    ("江西已创建特色学校32所。", "32", "江西省"),
    ("去年，杭州数字经济核心产业增加值达3356亿元。", "3356亿", "杭州市"),
    # only as a place word of its own: 杭州湾 is a bay, 来宾 (guests) an everyday word
    ("杭州湾跨海大桥全长36公里。", "36", ""),
    ("来宾约400人出席了开幕式。", "400", ""),
    # and for its sentence only: a dateline's city does not make the story the city's
    ("本报北京2月3日电  春节假期很热闹。北京游人如织。北京庙会多。\n全年接待游客4.15亿人次。", "4.15", ""),
])
def test_a_place_owns_a_figure_where_it_is_a_word(claims, text, figure, subject):
    assert _claim(claims(text), figure).subject == subject


@pytest.mark.parametrize("text, institutions, figure, subject", [
    # a body relied on, worked with or giving an award is another party, not the figure's owner
    ("江北区依托西南大学教师教育学院，重点培养20名名优教师。", ("西南大学教师教育学院",), "20", "江北区"),
    ("国家开发银行与东部地区政府联合举办14场活动。", ("国家开发银行", "东部地区政府"), "14", "国家开发银行"),
    ("武汉纺织大学化工学院的学生荣获湖北省化学竞赛一等奖3项。", ("武汉纺织大学化工学院",), "3", "武汉纺织大学化工学院"),
    ("仅2021年一年，江北区获批教育部重点课题和规划课题4项。", ("教育部",), "4", "江北区"),
])
def test_subject_is_not_another_party(claims, text, institutions, figure, subject):
    assert _claim(claims(text, institutions=institutions), figure).subject == subject


@pytest.mark.parametrize("text, people, figure, subject", [
    # a person's own figure, in the person's clause, is no body's
    ("上海无线电博物馆开馆。孙老师讲授了22年的课。", ("孙老师",), "22", ""),
    ("上海无线电博物馆开馆。雷保平一家四口等候着回家的列车。", ("雷保平",), "四", ""),
    # but not one who reports it, one of a counted group, or one the body's title introduces
    ("上海无线电博物馆开馆。馆长张华介绍，今年接待观众3万人次。", ("张华",), "3万", "上海无线电博物馆"),
    ("上海无线电博物馆开馆。徐小丽、黄韵筑等近70名教师获奖。", ("徐小丽", "黄韵筑"), "70", "上海无线电博物馆"),
    ("江北区培新小学校校长朱刚荣获竞赛一等奖。", ("朱刚",), "一等奖", "江北区培新小学校"),
])
def test_a_persons_own_figure_has_no_subject(claims, text, people, figure, subject):
    doc = claims(text, institutions=("上海无线电博物馆", "江北区培新小学校"), people=people)
    assert _claim(doc, figure).subject == subject


# Not claims: codes, quoted names, titles, the indefinite 一, award grades that are counted.
@pytest.mark.parametrize("text", [
    "形成了独树一帜的师资培训“12345”模式。",
    "坚持“两个维护”，增强“四个意识”。",
    "印发《城乡教育一体化三年行动计划(2023-2025)》。",
    "他是一名教师，也是一个父亲。",
    "本报北京2月1日电，第019版。",
    "咨询电话：023-68123456。",
    "党的十九大以来，十三届全国人大二次会议召开。",
    # 一 as an article, exact or approximate (一来…二来 is 'firstly…secondly'; 附近一处 'a place nearby')
    "我不能走，一来对不起村里，二来对不起乡亲。",
    "附近一处铁矿废料矿坑堤坝决堤。",
    "这样能节约一年时间。他约一个朋友见面。",
    "进一步加强管理，第一步是调研。",
    # 一年半载 is 'a year or so', no year and a half
    "这事一年半载也办不成。",
    # a short quoted slogan, commas and all, holds no figure; nor do idioms with numerals
    "学院实行“三块牌子，一套班子”管理。",
    "参观“伟大的变革——庆祝改革开放40周年大型展览”。",  # a long quote with no comma is a name
    "店家说，“这个豆芽嘛，零头就不要了。”",
    "关键零部件实现国产化，零售额增长。",  # 零 of 零部件 and 零售 is no zero
    "“说一千道一万，不如干部带着群众干！”",
    # a numeral inside a place's name counts nothing
    "发端于六盘水市的改革经验正在推广。",
    "时节的山西省五台县东寨村，年味正浓。",
    # idioms with a classifier: 'to have real skill', 'sweat falling in eight pieces'
    "干这行，得有两把刷子。",
    "他们一滴汗珠摔八瓣，建设城市。",
    "他是出了名的一毛不拔。",
    "2019毛里求斯春节庙会开幕。",  # 毛 is money only as 毛钱
    # 两人, 两位 opening a clause or after 这/那 refer back to two people named before
    "走过近一年的伤病期，两人以优美的姿态回到赛场。",
    "后来，这两位女性还帮助日本母亲寻亲。",
])
def test_not_a_claim(claims, text):
    doc = claims(text)
    assert [doc.slice(c.span) for c in doc.claims] == []


def test_two_people_counted_are_a_claim(claims):
    # (only the clause-opening or pointed-at 两人 refers back: 造成两人受伤 counts)
    doc = claims("事故造成两人受伤。他家有两人外出务工。")
    assert [doc.slice(c.span) for c in doc.claims] == ["造成两人", "两人"]


def test_figures_in_short_quoted_speech_are_claims(claims):
    # a quoted stretch that ends a sentence is speech, however short: its figures are claims
    doc = claims("“今年再种3000亩杞柳，培训就业2000人。”刘金萍说。")
    assert [(c.value, c.unit) for c in doc.claims] == [(3000, "亩"), (2000, "人")]


def test_counted_award_grade_gives_one_claim(claims):
    doc = claims("获国家教学成果一等奖1项，获三等奖。")
    assert [(c.value, c.unit) for c in doc.claims] == [(1, "项"), (3, "等奖")]


def test_figure_inside_a_program_name_is_skipped(claims):
    doc = claims("推进三为课堂改革，试点学校十所。", programs=("三为课堂",))
    assert [(c.value, c.unit) for c in doc.claims] == [(10, "所")]


def test_rank_claim(claims):
    doc = claims("2021年入选教育部“基础教育精品课”16节，名列重庆市第一。")
    assert [(doc.slice(c.span), c.value, c.unit) for c in doc.claims][-1] == ("名列重庆市第一", 1, "")


@pytest.mark.parametrize("text, figure, subject", [
    # an age is a person's: no place's or body's figure, though the sentence or article names one
    ("上海无线电博物馆开馆。在上海市，50岁的王师傅每天都来参观。", "50", ""),
    ("上海无线电博物馆举办展览，70岁的母亲也来了。", "70", ""),
    # ... unless a body is named in its clause: the body's residents or its own age
    ("上海无线电博物馆的老人平均年龄高达81岁。", "81", "上海无线电博物馆"),
])
def test_an_age_has_a_subject_only_when_its_clause_names_a_body(claims, text, figure, subject):
    doc = claims(text, institutions=("上海无线电博物馆",))
    assert _claim(doc, figure).subject == subject

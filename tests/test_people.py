"""People stage: names anchored by titles, lists, bylines, the CRF, and the traps that are not people."""

from __future__ import annotations

import pytest

from pipeline.document import InstitutionFinding, Span
from pipeline.people import PeopleStage


@pytest.fixture(scope="module")
def people(resources):
    return PeopleStage(resources)


@pytest.fixture(scope="module")
def run(people, make_doc):
    def annotate(text: str, institutions: tuple[str, ...] = ()):
        doc = make_doc(text)
        for name in institutions:  # stand in for the institutions stage
            spans = [Span(i, i + len(name)) for i in range(len(doc.text)) if doc.text.startswith(name, i)]
            doc.institutions.append(InstitutionFinding(canonical=name, kind="other", mentions=spans, aliases=[name]))
        return people(doc)

    return annotate


@pytest.fixture(scope="module")
def run_rules(resources, make_doc):
    """The rules alone, without the CRF: a rule's test must not pass on the model's say."""
    stage = PeopleStage(resources, use_crf=False)
    return lambda text: stage(make_doc(text))


@pytest.mark.parametrize(
    "text, name, role, institutions",
    [
        ("院长朱福荣介绍，这一模式是为改善而培训。", "朱福荣", "院长", ()),
        ("“推进育人的实践中，教师变成学者。”学院副院长黄吉元说。", "黄吉元", "副院长", ("学院",)),
        ("美术学科研训员杨明老师及其团队引领帮助两名特级教师。", "杨明", "美术学科研训员", ()),
        ("跑遍大山乡村幼儿园的研训员周霞，为大家服务从不计较辛劳。", "周霞", "研训员", ()),
        ("其中，熊诗芮同学获第十三届全市青少年科技创新大赛一等奖。", "熊诗芮", "同学", ()),
        ("江北区培新小学校校长朱刚荣获2021年全市思政课教学基本功竞赛一等奖。", "朱刚", "校长", ("江北区培新小学校",)),
        ("国务院总理李克强主持召开国务院常务会议。", "李克强", "总理", ()),
        ("工业机器人技术应用专业的毕业生陈亘涛，凭借良好的职业素养被提拔。", "陈亘涛", "毕业生", ()),
        ("成功培养出“全国先进工作者”刘琳、李蓬春等一批先进典型。", "刘琳", "全国先进工作者", ()),
        ("成功培养出“全国先进工作者”刘琳、李蓬春等一批先进典型。", "李蓬春", "全国先进工作者", ()),
        ("徐小丽、黄韵筑等近70名教师获奖。", "黄韵筑", "教师", ()),
        ("当年，周恩来总理亲自批准了这项工程。", "周恩来", "总理", ()),  # jieba tags 周恩来 t, not nr
        # a foreign name jieba cuts into name-tagged pieces runs on past three characters
        ("俄罗斯总理梅德韦杰夫会见了代表团。", "梅德韦杰夫", "总理", ()),
        ("菲律宾总统杜特尔特表示欢迎。", "杜特尔特", "总统", ()),
        ("格鲁吉亚总统米哈伊尔·萨卡什维利说，", "米哈伊尔·萨卡什维利", "总统", ()),
        ("国务院总理李克强会见了梅德韦杰夫。", "李克强", "总理", ()),  # a Chinese name stays three
    ],
)
def test_title_anchors_name_and_role(run, text, name, role, institutions):
    doc = run(text, institutions=institutions)
    found = {p.name: p for p in doc.people}
    assert name in found, [p.name for p in doc.people]
    assert found[name].role == role


@pytest.mark.parametrize(
    "text, institution, name",
    [
        ("北碚区陵江小学教师辛国斌受益于教师培训。", "北碚区陵江小学", "辛国斌"),
        ("按照区教委主任唐泽奎提出的要求，全区推进工作。", "区教委", "唐泽奎"),
    ],
)
def test_affiliation_is_the_institution_before_the_title(run, text, institution, name):
    doc = run(text, institutions=(institution,))
    found = {p.name: p for p in doc.people}
    assert found[name].affiliation == institution
    assert doc.text[found[name].mentions[0].start : found[name].mentions[0].end] == name


@pytest.mark.parametrize(
    "text, institutions, name, affiliation",
    [
        # a bare head before the title refers back to the article's body with that head, in any paragraph
        ("巨石集团扩产。\n“产能不能盲目扩张。”集团副总裁杨国明说。", ("巨石集团",), "杨国明", "巨石集团"),
        # among several, to the one the article names most
        ("北碚区教师进修学院与重庆市开放大学北碚学院合作，北碚区教师进修学院承办。\n学院副院长黄吉元说。",
         ("北碚区教师进修学院", "重庆市开放大学北碚学院"), "黄吉元", "北碚区教师进修学院"),
        # not when a name stands before the head (义井|社区党支部 is another body) ...
        ("金三角社区党支部开展活动。\n义井社区党支部副书记李美芳说。", ("金三角社区党支部",), "李美芳", ""),
        # ... nor when two bodies with that head are named as often (each in a paragraph of its own, out
        # of reach of the nearest-body fallback)
        ("甲公司和乙公司签约。\n公司总经理王海说。", ("甲公司", "乙公司"), "王海", ""),
    ],
)
def test_bare_head_before_title_refers_back(run, text, institutions, name, affiliation):
    doc = run(text, institutions=institutions)
    found = {p.name: p for p in doc.people}
    assert found[name].affiliation == affiliation


@pytest.mark.parametrize(
    "text, not_person",
    [
        ("以高质量党建工作引领高品质教育发展。", "高质量"),
        ("研究发现经济周期对就业影响明显。", "周期"),
        ("黄金周期间游客人数大增。", "黄金"),
        ("教师从单一的知识传输者变成教育专家。", "从单一"),
        ("要求学生应具备适应终身发展的必备品格。", "应具备"),
        ("在全国知名师范类大学建立实践基地。", "范类大"),
        ("全区教育系统干部和教师的综合素质明显提升。", "和教师"),
        ("主题年会在重庆市徐悲鸿中学举行。", "徐悲鸿"),
        ("学院开展“周末读书会”活动，教师向着目标前进。", "周末读"),
        ("曹妃甸港区的吞吐量逐年增长。", "曹妃甸"),  # a county's short form, no title: a place
        ("争端令英国可能面临风险。\n（本报马德里电）", "马德里电"),  # a dateline: a place, then 电
        ("伊蕾娜喜欢上了陈式太极拳，并拜师学习。", "陈式"),  # a style named after a family
        ("巨大的投入，换来广大观众高收视率的真情回报。", "高收视"),  # the start of the word 高收视率
        ("何谓“为己”和“为人”？孔子未曾展开讲。", "何谓"),  # 'what is': jieba's dictionary tags it nr
    ],
)
def test_traps_are_not_people(run, text, not_person):
    doc = run(text, institutions=("重庆市徐悲鸿中学",))
    assert not_person not in [p.name for p in doc.people]


@pytest.mark.parametrize(
    "text, name, mentions",
    [
        ("校长李明华介绍了办学经验。他主编的《李明华教育文集》近日出版。", "李明华", 2),  # a found name again
        ("要完整准确地理解“毛泽东思想”的科学内涵。", "毛泽东", 1),  # a doctrine inside a quotation
    ],
)
def test_names_inside_quotations(run, text, name, mentions):
    doc = run(text)
    found = {p.name: p for p in doc.people}
    assert name in found and len(found[name].mentions) == mentions, [p.name for p in doc.people]


@pytest.mark.parametrize(
    "text, not_person",
    [
        ("学院开展“周末读书会”活动，教师向着目标前进。", "周末读"),  # rules stay out of quotations
        ("全校推进“高质量课堂”建设。", "高质量"),
        ("学校组织学生参加“黄金周志愿服务”活动。", "黄金"),
    ],
)
def test_quoted_programs_are_not_people(run, text, not_person):
    doc = run(text)
    assert not_person not in [p.name for p in doc.people], [p.name for p in doc.people]


@pytest.mark.parametrize(
    "text, names",
    [
        ("展厅里陈列着钱学森、华罗庚、茅以升等科学家的手稿。", ["钱学森", "华罗庚", "茅以升"]),  # rare surnames
        ("据介绍，李四光、竺可桢、茅以升都曾在这里讲学。", ["李四光", "竺可桢", "茅以升"]),
    ],
)
def test_list_members_jieba_knows_as_names(run, text, names):
    found = [p.name for p in run(text).people]
    assert all(name in found for name in names), found


@pytest.mark.parametrize(
    "text, names",
    [
        ("他读过莎士比亚、巴尔扎克、托尔斯泰的小说。", {"莎士比亚", "巴尔扎克", "托尔斯泰"}),  # not 巴尔扎
        ("出席会议的有王胜俊、向巴平措、张宝文等。", {"王胜俊", "向巴平措", "张宝文"}),  # not 向巴平
    ],
)
def test_a_list_member_is_the_whole_name_the_segmenter_reads(run, text, names):
    assert {p.name for p in run(text).people} == names


@pytest.mark.parametrize(
    "text, names",
    [
        ("会见了多米尼克外长巴伦、巴巴多斯外长沃尔科特。", {"巴伦", "沃尔科特"}),  # not 巴巴多(斯)
        ("参加磋商的有安提瓜和巴布达、巴哈马国、巴巴多斯、多米尼克国。", set()),  # countries, not people
        ("英国前总检察长多米尼克·格里夫在接受采访时说。", {"多米尼克·格里夫"}),  # a given name may be a country's
    ],
)
def test_small_countries_are_places_not_people(run, text, names):
    assert {p.name for p in run(text).people} == names


def test_a_title_before_a_list_is_every_members_role(run):
    # 栗战书's surname is rare and the CRF doubts him: between two members of the list he is one too,
    # and the list goes on to the end, each with the title written before the first name
    doc = run("党和国家领导人李克强、栗战书、汪洋、王沪宁等出席团拜会。")
    assert [(p.name, p.role) for p in doc.people] == [
        ("李克强", "党和国家领导人"), ("栗战书", "党和国家领导人"), ("汪洋", "党和国家领导人"), ("王沪宁", "党和国家领导人")]


def test_a_head_of_a_places_government_belongs_to_it_where_the_article_names_it(run):
    text = "江西省省长易炼红表示，发展势头好。江西省政府工作报告公布。俄罗斯总统普京致电祝贺。"
    found = {p.name: p.affiliation for p in run(text, institutions=("江西省政府",)).people}
    assert found == {"易炼红": "江西省政府", "普京": ""}


@pytest.mark.parametrize("text, bodies, name, role", [
    # posts joined by 、 before the name are all its role, each with its body (the role the text states)
    ("北京大学阿拉伯语言文学系教授、博导仲跻昆朗诵了自己翻译的诗。", ("北京大学阿拉伯语言文学系",), "仲跻昆",
     "北京大学阿拉伯语言文学系教授、博导"),
    ("天津市委副书记、市长张国清说。", ("天津市委",), "张国清", "天津市委副书记、市长"),
    ("河北雄安新区党工委委员、管委会副主任、规划建设局局长张玉鑫表示。", ("河北雄安新区党工委", "管委会", "规划建设局"),
     "张玉鑫", "河北雄安新区党工委委员、管委会副主任、规划建设局局长"),
    # ... and names listed by 、 are no posts
    ("会见了张三、校长李明。", (), "李明", "校长"),
])
def test_posts_listed_before_a_name_are_its_role(run, text, bodies, name, role):
    assert {p.name: p.role for p in run(text, institutions=bodies).people}.get(name) == role


@pytest.mark.parametrize("text, name", [
    # 会, 年, 站 are seldom in a given name, but the segmenter reads each whole as one name and the CRF is sure
    ("一年来，村党总支书记赵会杰仍很激动。", "赵会杰"),
    ("州市妇儿中心数据中心主任梁会营博士说。", "梁会营"),
    ("洛阳市寇店镇舜帝庙村村民赵和长初二早晨就上班了。", "赵和长"),
])
def test_a_name_word_the_crf_is_sure_of_may_hold_a_rare_character(run, text, name):
    assert name in [p.name for p in run(text).people]


def test_a_full_name_closing_a_list_before_its_etc_is_a_member(run):
    # 冷 is a rare surname (and an adjective); a full name of three after the last 、, closed by 等, is one
    doc = run("莫建成、李贻煌、冷新生等系列腐败案件，充分表明全面从严治党永远在路上。")
    assert [p.name for p in doc.people] == ["莫建成", "李贻煌", "冷新生"]


def test_list_member_that_is_an_everyday_word(run):
    doc = run("院长李明、洪水、干旱等话题被提及。")  # jieba tags 洪水 nr
    assert [p.name for p in doc.people] == ["李明"]


@pytest.mark.parametrize(
    "text, name, is_person",
    [
        # a two-character name the CRF finds beside a common noun in a list is one more thing listed
        ("富饶的棠溪村，不但有李、桃、杨梅、枇杷、柚子、葡萄、青枣。", "杨梅", False),
        ("长安汽车、奥特斯、至信实业、金康、矢崎仪表等7个企业入驻。", "金康", False),
        # beside names it is a name; a full name of three beside a thing stays one
        ("记者刘琳、李蓬春报道。", "刘琳", True),
        ("鲁迅的主张、陈独秀等人的新文学思想影响了一代人。", "陈独秀", True),
    ],
)
def test_a_crf_name_listed_among_things(run, text, name, is_person):
    assert (name in [p.name for p in run(text).people]) is is_person


def test_no_people_in_plain_prose(run):
    doc = run("方向明确以后，和谐发展成为常态，于是万人参与。")
    assert doc.people == []


def test_byline_names_get_reporter_role(run):
    doc = run("教师是立教之本。\n周珣 张骞月\n图片由北碚教师进修学院提供")
    found = {p.name: p.role for p in doc.people}
    assert found.get("周珣") == "记者" and found.get("张骞月") == "记者"


def test_a_bylined_reporter_works_for_the_paper_or_agency_the_byline_names(people, make_doc):
    doc = make_doc("标题\n正文。\n（综合本报记者贺勇、施芳报道）\n（新华社北京2月4日电  执笔记者：丁小溪）",
                   newspaper="人民日报")
    found = {p.name: (p.role, p.affiliation) for p in people(doc).people}
    assert found == {"贺勇": ("记者", "人民日报"), "施芳": ("记者", "人民日报"), "丁小溪": ("记者", "新华社")}


@pytest.mark.parametrize("text, agency, affiliations", [
    # reporters in a dateline's brackets work for the agency that opens it, not for the body after it
    ("新华社华盛顿1月31日电\u00a0\u00a0（记者周效政、胡友松）美国财政部今天表示。", "新华社",
     {"周效政": "新华社", "胡友松": "新华社"}),
    ("本报北京2月11日电  （记者吴秋余、谢卫群）中国银联今天发布最新春节消费数据。", "",
     {"吴秋余": "", "谢卫群": ""}),
    # a body inside the brackets is the bracketed person's
    ("会上（中国银联分析师陈汉主持）发布了数据。", "", {"陈汉": "中国银联"}),
])
def test_a_name_in_brackets_takes_a_body_from_them_or_their_dateline(people, make_doc, text, agency, affiliations):
    doc = make_doc(text)
    for name, kind in ((agency, "media"), ("美国财政部", "government"), ("中国银联", "company")):
        spans = [Span(i, i + len(name)) for i in range(len(doc.text)) if name and doc.text.startswith(name, i)]
        if spans:
            doc.institutions.append(InstitutionFinding(canonical=name, kind=kind, mentions=spans, aliases=[name]))
    found = {p.name: p.affiliation for p in people(doc).people}
    assert {name: found.get(name) for name in affiliations} == affiliations


@pytest.mark.parametrize("text, name, role", [
    ("中国银联数据分析师陈汉分析，消费升级特征显著。", "陈汉", "数据分析师"),
    ("著名歌唱家李谷一演唱了歌曲。", "李谷一", "著名歌唱家"),
    ("国务院副总理、中美全面经济对话中方牵头人刘鹤带领中方团队。", "刘鹤", "牵头人"),
])
def test_occupations_and_roles_before_a_name(run, text, name, role):
    assert {p.name: p.role for p in run(text).people}.get(name) == role


def test_a_graphics_credit_gives_the_maker_that_role(run):
    doc = run("春运期间全国旅客发送量稳步增长。\n本版制图：蔡华伟")
    assert [(p.name, p.role) for p in doc.people] == [("蔡华伟", "制图")]


def test_every_occurrence_is_a_mention(run):
    text = "院长朱福荣介绍了经验。朱福荣说，培训要改善行为。"
    doc = run(text)
    person = next(p for p in doc.people if p.name == "朱福荣")
    assert [(m.start, m.end) for m in person.mentions] == [(2, 5), (11, 14)]


@pytest.mark.parametrize(
    "text, name",
    [
        ("六十年代初，吴先生到了北京。", "吴"),
        ("尽管他早已向吴先生当面请罪。", "吴"),
        ("在检察机关的严密侦查下，陈某罪行暴露。", "陈"),
        ("经人社部门认定，伏某受伤为工伤。", "伏"),  # jieba tags 伏 a verb: 某 still makes it a person
        ("前不久，有游客张某某在湖边拍照。", "张"),
        ("她同情起杀了丈夫的潘氏。", "潘"),
        ("我要去桑拿部找一个姓纪的小姐。", "纪"),
        ("早春时节，老赵找老李请教，采用果树新技术。", "老李"),  # named by the form of address, as written
        ("要坚持以马克思主义为指导。", "马克思"),
        ("会上，郭书记要求各村把帮扶落到实处。", "郭"),  # a surname with a title as address
        ("她始终记得毛主席的嘱托。", "毛"),
        ("老人常对孩子们讲起江总书记来村里的情景。", "江"),
        ("他们坚持自学马列主义著作。", "马"),  # initials: 马列 = 马克思, 列宁
        ("他们坚持自学马列主义著作。", "列"),
        ("高举邓小平理论伟大旗帜。", "邓小平"),
        ("党员要认真学习马克思列宁主义。", "马克思"),  # a name right before the doctrine's name
        ("党员要认真学习马克思列宁主义。", "列宁"),
        ("各级党组织要自觉运用邓小平党建理论指导实践。", "邓小平"),
    ],
)
def test_bare_surnames_and_eponyms_are_people(run, text, name):
    doc = run(text)
    assert name in [p.name for p in doc.people], [p.name for p in doc.people]


@pytest.mark.parametrize(
    "text, not_a_person",
    [
        ("从某种意义上来说，这是好事。", "从"),  # a preposition before 某种
        ("他和某某公司签了合同。", "和"),  # a conjunction before 某某
        ("两国总理实现互访。", "国"),  # a rarer surname before a title ends a word
        ("苏州市长李亚平说，苏州一直重视开放。", "苏州"),  # 苏州|市长: 苏州市 is a place
        ("土耳其爱国党主席佩林切克出席了会议。", "党"),
        ("这些休闲活动均有太太陪伴左右。", "有"),
        ("由教育部长陈至立任总顾问的这部电视片。", "任"),  # 总 begins 总顾问
        ("开展了叉车操作、养老护理员培训。", "养"),  # 养老 is a word, not 养 + 老
        ("这是中华民族古老的传统。", "古"),
        ("坚持社会主义核心价值观。", "社会"),  # 社会 is no name a doctrine is named after
        ("要加强党建理论研究。", "加强"),
        ("他记得上学后老师对他的关心。", "后"),  # 后 after 上学 is 'after', not a surname
        ("学校党委书记和校长参加了座谈。", "委"),  # 党委|书记: the title ends a longer word
        ("任局长以来，他走遍了全县。", "任"),  # 任 is the verb 'to serve as'
        ("一群斑马列队走过草原。", "马"),  # 斑马|列队 is no 马列
    ],
)
def test_bare_surname_traps(run, text, not_a_person):
    doc = run(text)
    assert not_a_person not in [p.name for p in doc.people], [p.name for p in doc.people]


@pytest.mark.parametrize(
    "text, full_name_part",
    [
        ("１９９２年初，由范慕韩先生牵头成立了协会。", "韩"),  # 范慕韩 is one name, 韩 is not its surname
        ("并帮助小张倩找到一位老师。", "张"),  # 小 + 张倩, not 小张 + 倩
    ],
)
def test_bare_surname_is_not_taken_from_a_full_name(run, text, full_name_part):
    doc = run(text)
    assert full_name_part not in [p.name for p in doc.people], [p.name for p in doc.people]


@pytest.mark.parametrize(
    "text, name",
    [
        # the segmenter joins the name's last character to 说 (正说, 文说 are words of its dictionary)
        ("京东集团副总裁龙宝正说，作为一家企业。龙宝正说，京东扶贫。", "龙宝正"),
        ("捐资助学80多万元。肖乾文说，“我们的目标是实现。”", "肖乾文"),
        # 来说, 小说: a word of its own after a whole name
        ("对韩俊来说，今年要干好。", "韩俊"),
        ("孙宏斌最爱读的是金庸小说，反复重温。", "金庸"),
    ],
)
def test_a_name_cut_before_said_is_whole(run, text, name):
    assert name in [p.name for p in run(text).people]


@pytest.mark.parametrize(
    "text, names, mentions",
    [
        # one person of the article bears the surname: the bare surname is a mention of that person
        ("村民蒋春卓介绍自家的厕所。蒋大姐的一席话，说到了心坎上。", ["蒋春卓"], {"蒋春卓": ["蒋春卓", "蒋"]}),
        # two bear it, or none: it stays a person of its own (as MSRA marks it)
        ("王子光说，儿子王天佐毕业了。老王也没有闲着。", ["王子光", "王天佐", "老王"], {"老王": ["老王"]}),
        ("村民赵大爷补充说，厕所好用。", ["赵"], {"赵": ["赵"]}),
    ],
)
def test_a_bare_surname_refers_to_the_one_person_bearing_it(run, text, names, mentions):
    doc = run(text)
    assert sorted(p.name for p in doc.people) == sorted(names)
    for person in doc.people:
        if person.name in mentions:
            assert [doc.text[m.start : m.end] for m in person.mentions] == mentions[person.name]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a person the article names only by 老/小 and the surname is named so, a title before it the role
        ("黑龙江佳木斯市裕德村村民老王一家老小都在围着一个盒子发号施令。老王说，孙子教会了他。",
         [("老王", "裕德村村民", ["老王", "老王"])]),
        ("校长小林告诉我，老校是村民几代人的心血。", [("小林", "校长", ["小林"])]),
        # called otherwise too (郑书记), or named in full: the surname as before
        ("别看手糙，老郑的嘴里新词可不少。郑书记说得没错，前些年种菜确实辛苦。", [("郑", "", ["郑", "郑"])]),
        ("村民郑大明介绍说，老郑的嘴里新词可不少。", [("郑大明", "村民", ["郑大明", "郑"])]),
        # 姓 is no form of address
        ("我要去找一个姓纪的小姐。", [("纪", "", ["纪"])]),
    ],
)
def test_a_person_named_by_a_form_of_address(run, text, expected):
    doc = run(text)
    assert [(p.name, p.role, [doc.text[m.start : m.end] for m in p.mentions]) for p in doc.people] == expected


@pytest.mark.parametrize(
    "text, name, not_person",
    [
        # the would-be third character starts an everyday word the segmenter cuts after the name
        ("基地负责人严春几年前还是贫困户，如今成了致富带头人。", "严春", "严春几"),
        ("财政部预算司负责人郝磊做出说明。", "郝磊", "郝磊做"),
        ("作家宗璞创作的《北归记》出版。", "宗璞", "宗璞创"),
        # ... less often counted, where jieba read the two characters before as a name (田花|举例)
        ("副镇长田花举例说，一个项目要配套。", "田花", "田花举"),
        # ... or a set phrase (成语), whatever the CRF read
        ("北京大学光华管理学院院长刘俏感触良多。", "刘俏", "刘俏感"),
        # traps: a name that keeps its third character
        ("公司总经理王刚说，今年订单增长。", "王刚", "王刚说"),
        ("院长朱福荣介绍，这一模式效果明显。", "朱福荣", "朱福"),
    ],
)
def test_name_ends_before_the_next_word(run, text, name, not_person):
    names = [p.name for p in run(text).people]
    assert name in names and not_person not in names, names


@pytest.mark.parametrize(
    "text, not_person",
    [
        ("中塞双方共同主席出席了开幕式。", "方共同"),    # 双方|共同: no name starts inside 双方
        ("俄罗斯总理梅德韦杰夫应邀到访。", "罗斯"),      # 俄罗斯|总理
        ("美国鹰龙传媒董事长苏彦韬表示欢迎。", "龙传媒"),  # 鹰龙|传媒
        ("她经常组织同学们去敬老院。", "常组织"),        # 同学们: a plural is no title
        ("年画会被广大群众张贴在院门上。", "张贴"),      # 群众 is no one's title
        ("涂抹在一张张沧桑或憨厚的脸上。", "张沧桑"),    # 一张|张: a classifier after a numeral counts
        ("交出了一张张亮丽的脱贫成绩单。", "张亮丽"),
    ],
)
def test_no_name_across_a_word_or_from_a_non_title(run, text, not_person):
    assert not_person not in [p.name for p in run(text).people]


def test_a_surname_after_a_word_tagged_as_a_numeral_without_one_is_a_name(run):
    # jieba tags 少年 m: only a word that begins with a numeral counts what follows
    assert "张少康" in [p.name for p in run("在与歹徒的搏斗中，“00后”少年张少康受伤倒地。").people]


def test_name_right_after_a_word_ending_in_its_surname(run):
    # 副主任|何 is cut 副主|任何 by the segmenter; 何文义 is still a person with his title
    doc = run("产业研究基地副主任何文义认为，体育产业大有可为。")
    assert "何文义" in [p.name for p in doc.people]


@pytest.mark.parametrize(
    "text, not_person, person",
    [
        # a candidate cut right before 村/县/草原/汉墓 is a place, in every occurrence
        ("罗庄打铁花远近闻名。井陉县罗庄村3000多村民都来看。村民王刚说，很热闹。", "罗庄", "王刚"),
        ("她离开祖辈生息的唐古拉草原。牧民扎西说，草场更好了。", "唐古拉", None),
        ("馆藏特色：马王堆汉墓出土文物。馆长李明介绍了展品。", "马王堆", "李明"),
        # trap: 市长 after a name is a title, not 市
        ("金海东市长来到村里。", None, "金海东"),
    ],
)
def test_place_before_a_place_word_is_no_person(run, text, not_person, person):
    names = [p.name for p in run(text).people]
    assert not_person not in names, names
    if person:
        assert person in names, names


@pytest.mark.parametrize(
    "text, name",
    [
        ("各地深入学习邓小平党的建设理论，加强基层组织。", "邓小平"),  # a doctrine named by a person and its field
        ("他们编写了毛泽东教育思想学习读本。", "毛泽东"),
        ("书架上有一套《刘绍棠文集》。", "刘绍棠"),  # a work's title that opens with a full name
        ("他刚读完《毛泽东和他的儿子》这本书。", "毛泽东"),
        ("一到周末，大家就去老傅的茶座喝茶。", "老傅"),  # 老 + a rarer surname, one word only jieba's guess joins
        ("会后，严老担心年轻教师的成长。", "严"),  # 严老|担心: the guessed word ends the address
    ],
)
def test_rules_without_the_crf(run_rules, text, name):
    names = [p.name for p in run_rules(text).people]
    assert name in names, names


@pytest.mark.parametrize(
    "text, not_a_person",
    [
        ("《都柏林协定》规定了难民的安置。", "都柏林"),  # a place opens the title
        ("《白鹿原》是一部长篇小说。", "白鹿原"),  # a title that is only the name: as often a place
        ("重庆市璧山区丁家街道三五村的村民。", "丁"),  # 丁家|街道 is a place
        ("他通过微信视频向家人们介绍家乡。", "向"),  # 向家 is no address
        ("要坚持社会主义核心价值观。", "社会"),  # 社会主义 is one word: no field before 主义
        ("要深入贯彻习近平生态文明思想。", "文明"),  # jieba tags 文明 nr, but it is a listed non-name
        # the end of a longer transliterated name before a title is none of its own
        ("孩子们在谢仁古丽·艾尼瓦尔老师的带领下跳舞。", "尼瓦尔"),
    ],
)
def test_rule_traps_without_the_crf(run_rules, text, not_a_person):
    names = [p.name for p in run_rules(text).people]
    assert not_a_person not in names, names


@pytest.mark.parametrize(
    "text, name, role",
    [
        # a surname the lexicon lacks: a title anchors the name the CRF is sure of and jieba tags a name
        ("泰国国家旅游局局长育塔萨说，中国游客越来越多。", "育塔萨", "局长"),
        ("爱尔兰总统希金斯表示祝贺。", "希金斯", "总统"),
        # ... not a phrase the CRF is less sure of (拉家常, 0.89)
        ("杜忠义边整理摊位上的蔬菜，边和记者拉家常。", "拉家常", None),
        # a given name with a function character (和, 在, 会) that the segmenter reads as a name or a
        # word of its own, right before a speech verb
        ("省发改委主任张和平表示，近年来江西切实担负起使命。", "张和平", "省发改委主任"),
        ("大连市环保志愿者协会副会长唐在林说，“这些年，政府主动作为。”", "唐在林", "志愿者协会副会长"),
        ("黑龙江省农业农村厅厅长王金会说。", "王金会", "农业农村厅厅长"),
        ("中科院院士薛其坤说，在党和国家的支持下。", "薛其坤", "院士"),
        # ... but a speech verb glued on by the segmenter (林永说 nr) is no part of the name
        ("乡党委书记林永说。", "林永说", None),
        ("研究院副院长邓春说，“就拿这个来说。”", "邓春说", None),
        ("主任张在会上说，大家要努力。", "张在会", None),
    ],
)
def test_titles_anchor_names_the_surname_rules_alone_refuse(run, text, name, role):
    people = {p.name: p.role for p in run(text).people}
    assert people.get(name) == role, people


@pytest.mark.parametrize(
    "text, name, part",
    [
        ("请班禅额尔德尼·确吉坚赞副委员长出席会议。", "班禅额尔德尼·确吉坚赞", "吉坚赞"),  # jieba cut 确 off
        ("美国代理国防部长帕特里克·沙纳汉突访阿富汗。沙纳汉说，美国将继续支持和平进程。", "帕特里克·沙纳汉", None),
        ("孟加拉国总理谢赫·哈西娜日前向中国驻孟加拉国大使致信。", "谢赫·哈西娜", "谢赫"),  # after a title
        ("民主党参议员爱德华·马基表示，美国政府的做法不对。", "爱德华·马基", "爱德华"),
        # the segmenter's 奇在试 does not end the name before a word that follows names
        ("尼日利亚联邦交通部长罗蒂米·阿马埃奇在试通车终点说。", "罗蒂米·阿马埃奇", "罗蒂米·阿马埃"),
        # a surname (乌) opens a run that a name dot continues a character later
        ("德国黑森州文化部部长代表乌尔里克·埃丽诺拉感慨：“金树节很好”。", "乌尔里克·埃丽诺拉", "乌尔里"),
    ],
)
def test_a_name_after_a_name_dot_is_the_whole_name(run, text, name, part):
    names = [p.name for p in run(text).people]
    assert name in names and part not in names, names


def test_a_dot_after_a_word_that_is_no_name_joins_nothing(run):
    names = [p.name for p in run("第二单元·王老师讲话：同学们要认真复习。").people]
    assert not any("·" in n for n in names), names


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("他说，从王明主席的讲话中得到了启发。", "王明", "主席"),  # 从 cut as a preposition starts no name
        ("村支书赵宾坦言，今年的收成不错。", "赵宾", "村支书"),
        ("苏立凡研究员是冻结室主任。", "苏立凡", "研究员"),  # an academic title after the name
        ("会上，革命家王若飞听了汇报。", "王若飞", "革命家"),
        ("刚刚荣立三等功的上士李继锐说，我们一定不怕苦。", "李继锐", "上士"),  # military ranks and posts
        ("排长陈凯回乡探亲。", "陈凯", "排长"),
        # a rarer surname, in one name word jieba tags a name
        ("在竣工仪式上，柬埔寨首相洪森宣布电站投产。", "洪森", "首相"),
        ("会上，大臣隋森曾感慨道。", "隋森", "大臣"),
        # a transliterated name with no Chinese surname
        ("俄罗斯总统普京随后宣布暂停履约。", "普京", "总统"),  # one word of two transliteration characters
        ("2月1日，俄外交部发言人扎哈罗娃表示反对。", "扎哈罗娃", "发言人"),  # a run cut at the next word
        ("总统普京明确表示。", "普京", "总统"),  # not 普京明 (明|确 is the next word)
        ("美国总统特朗普去年12月宣布撤军。", "特朗普", "总统"),  # an everyday time word next is no part of it
        ("联合国儿童基金会执行主任福尔去年1月访问南苏丹。", "福尔", "主任"),
        # a transliterated name before a title: one name word (its dotted first part too), not the
        # end of a longer name
        ("我和特朗普总统在阿根廷会晤。", "特朗普", "总统"),
        ("被称为“世界上第一位女司机”的贝瑞塔·本茨女士的口吻讲故事。", "贝瑞塔·本茨", "女士"),
        # one name word of four that jieba's dictionary lists, after a title fused with the country
        ("日本首相安倍晋三为点灯仪式发来视频致辞。", "安倍晋三", "首相"),
        ("美国财政部长姆努钦出席了会谈。", "姆努钦", "财政部长"),  # 钦, 翰, 廉: rarer syllables of the tables
        ("美国作家约翰·奈斯比特在书中写道。", "约翰·奈斯比特", "作家"),
        ("村民艾孜孜·莫依丁感慨地说。", "艾孜孜·莫依丁", "村民"),  # 艾 is a surname too: the dot goes on
        ("他是建档立卡贫困户达吾列提，心里充满感激。", "达吾列提", "贫困户"),
        # a dotted name whose one-character last part the segmenter ran on (特雷莎|·|梅在)
        ("英国首相特雷莎·梅在新年视频致辞中表示祝贺。", "特雷莎·梅", "首相"),
        # sport, space and team titles
        ("首局较量中，中国棋手居文君执白战胜俄罗斯名将拉戈诺。", "居文君", "棋手"),
        ("小将吕昊天在前7局以5∶2领先。", "吕昊天", "小将"),
        ("越野滑雪国家集训队副领队许猛介绍说。", "许猛", "副领队"),
        # occupations of everyday people, and the family role an article gives someone
        ("船长张勇介绍，船上的垃圾分类放在垃圾桶里。", "张勇", "船长"),
        ("香河石材城经营户王助山说，店面变成了室内。", "王助山", "石材城经营户"),
        ("不是件容易的事。”父亲周兴全坦言，在别的地方也一样。", "周兴全", "父亲"),
        ("红艳艳的窗花是列车长马艳伟一个一个剪出来的。", "马艳伟", "列车长"),
        ("电视台台长罗曼评委说：“金树节有意思。”", "罗曼", "电视台台长"),  # the next title ends the name (not 罗曼评)
        ("公司负责人周庐边演示边“显摆”。", "周庐", "公司负责人"),  # a lone adverb after a name word (not 周庐边)
        # a rarer surname in one word the segmenter guessed (tagged a place), named again
        ("服务点的“快递小哥”齐南南刚刚见到了总书记。过年的齐南南说，“我相信。”", "齐南南", "快递小哥"),
        ("国家发改委综合司巡视员刘宇南说，消费潜力很大。", "刘宇南", "巡视员"),
        ("青年二胡演奏家霍晓君与樱美林大学的学生合奏。", "霍晓君", "二胡演奏家"),
        ("累积了有关中国知名社会学家陈翰笙的大量资料。", "陈翰笙", "社会学家"),
    ],
)
def test_titles_anchor_names_without_the_crf(run_rules, text, name, role):
    people = {p.name: p.role for p in run_rules(text).people}
    assert people.get(name) == role, people


@pytest.mark.parametrize(
    "text, name, part",
    [
        ("党史研究专家金冲及时常来这里查阅档案。", "金冲及", "金冲"),  # jieba's dictionary knows 金冲及, 及 and all
        ("与会者有冯友兰、张岱年。", "张岱年", "张岱"),
        ("明末清初著名思想家王夫之曾在此隐居。", "王夫之", None),
        ("董事长罗文说，公司今年将扩大生产。", "罗文", "罗文说"),  # its 罗文说 entry ends in 说 after 罗文
        ("湖南省党史陈列馆副馆长陈寄梅出席。", "陈寄梅", "陈列馆"),  # jieba tags 陈列馆 nr; 馆 is a noun
    ],
)
def test_names_jieba_knows_whole(run, text, name, part):
    names = [p.name for p in run(text).people]
    assert name in names and part not in names, names


def test_a_given_name_alone_after_the_full_name_is_that_person(run):
    text = "作家刘绍棠走了。绍棠曾对友人说，他爱家乡。"
    people = {p.name: [text[m.start : m.end] for m in p.mentions] for p in run(text).people}
    assert people.get("刘绍棠") == ["刘绍棠", "绍棠"], people


@pytest.mark.parametrize(
    "text",
    [
        "王建国同志出席了会议。建国以来，这里变化很大。",  # 建国 is a word of the dictionary
        "抗联英雄赵尚志牺牲在这里。尚志乡的人们一直纪念他。",  # 尚志|乡 is a place
    ],
)
def test_given_name_aliases_that_are_not_the_person(run, text):
    for person in run(text).people:
        assert all(len(m) != 2 for m in person.mentions), (person.name, person.mentions)


class _FixedTagger:
    """Stands in for the CRF: the given PER spans, each with the given confidence."""

    def __init__(self, spans):
        self.spans = spans

    def tag_scored(self, text, windows=None, tokens=None, token_starts=None):
        return [(text.index(name), text.index(name) + len(name), "PER", score) for name, score in self.spans]


@pytest.mark.parametrize(
    "text, name, confidence, is_person",
    [
        ("春节过后，查干湖上的渔工们又开捕了。", "查干湖", 0.6, False),  # 查 is a rare surname: unsure is not enough
        ("春节过后，查干湖上的渔工们又开捕了。", "查干湖", 0.95, True),
        ("记者走访了张海涛的家。", "张海涛", 0.6, True),  # a common surname needs no certainty
    ],
)
def test_an_unsure_crf_name_needs_a_common_surname(resources, make_doc, text, name, confidence, is_person):
    stage = PeopleStage(resources)
    stage.tagger = _FixedTagger([(name, confidence)])
    names = [p.name for p in stage(make_doc(text)).people]
    assert (name in names) == is_person, names


@pytest.mark.parametrize(
    "text, institution, name, role",
    [
        # the title word begins inside the body whose post it is
        ("据介绍，东湖镇党委书记朱建明表示，要发展产业。", "东湖镇党委", "朱建明", "党委书记"),
        ("“价格翻了番！”村党总支书记高长林说。", "村党总支", "高长林", "总支书记"),
        # ... or ends with the body's last character, fused into one word (外交部|长: 部长)
        ("国务委员兼外交部长王毅1月31日在北京会见了来宾。", "外交部", "王毅", "外交部长"),
        ("县公安局长李明介绍了案情。", "县公安局", "李明", "局长"),
    ],
)
def test_a_title_begun_inside_its_body_anchors_the_name(run, text, institution, name, role):
    found = {p.name: p for p in run(text, institutions=(institution,)).people}
    assert name in found, list(found)
    assert (found[name].role, found[name].affiliation) == (role, institution)


@pytest.mark.parametrize("text, names", [
    # a verb after the title, then a full name: the name is the name word, not one begun by the verb
    ("参加座谈的作家有高士奇、钱大昕。", {"高士奇", "钱大昕"}),
    # a surname the segmenter reads as a verb, before a given name, still begins the name
    ("清华大学法学院院长申卫星说，立法要跟上。", {"申卫星"}),
    # a verb right after a name word takes the character a surname and two would run into
    ("由国家一级编剧吴江执笔、京剧导演徐孟珂执导。", {"吴江", "徐孟珂"}),
    # a doubled character after a title is a word, no name
    ("大家牢记总书记殷殷嘱托，干劲十足。", set()),
])
def test_a_verb_after_a_title_begins_no_name(run, text, names):
    assert {p.name for p in run(text).people} == names


def test_a_title_inside_a_body_anchors_nothing(run):
    # 校长 inside 校长办公室 (the body) is no one's title: the name after the body's own title is
    people = {p.name: p.role for p in run("校长办公室主任王建国说。", institutions=("校长办公室",)).people}
    assert people == {"王建国": "主任"}, people


def test_the_role_grows_over_whole_words_only(run):
    # the role's modifiers are whole words of the text: not 校 cut from 学校
    people = {p.name: p.role for p in run("学校校长办公室主任王建国说。").people}
    assert people.get("王建国") == "校长办公室主任", people


@pytest.mark.parametrize(
    "text, name",
    [
        ("美国众议院议长南希·佩洛西表示反对。", "南希·佩洛西"),  # the CRF's name, though 南 is no such character
        ("美国消费技术协会主席加里·夏皮罗曾坦言，加征关税有害。", "加里·夏皮罗"),  # not 夏皮罗曾
    ],
)
def test_a_transliterated_name_the_crf_finds(run, text, name):
    assert name in [p.name for p in run(text).people]


@pytest.mark.parametrize("text, not_person", [
    ("当年捡牛粪的学生扎西东周，如今已是四年级学生。", "扎西"),  # the name may go on into the next word
    ("他还是扎根独龙江的那个老县长。", "扎根"),
    ("引导学生爱班、爱校、爱家乡。", "爱班"),  # two characters jieba guessed as a common noun
])
def test_transliteration_traps(run, text, not_person):
    assert not_person not in [p.name for p in run(text).people]


def test_a_role_held_for_a_place_takes_no_other_body(run):
    # 俄罗斯|总统: the role is held for the country; the body named before is someone else's
    people = {p.name: p for p in run("美国国务院宣布暂停履约后，俄罗斯总统普京随即宣布对等回应。", institutions=("美国国务院",)).people}
    assert (people["普京"].role, people["普京"].affiliation) == ("总统", "")


def test_a_rare_surname_after_a_title_named_again(run_rules):
    # jieba cuts 靳|绥东 (靳 a rarer surname): the article naming it twice supports the name
    text = "国家监委对河南省政协原党组副书记、副主席靳绥东严重违纪违法问题进行了立案审查调查。经查，靳绥东理想信念丧失。"
    assert "靳绥东" in [p.name for p in run_rules(text).people]


@pytest.mark.parametrize("text", ["工作后，在学生鼓励声中她学会了滑雪。", "关爱模范弘扬道德风尚。"])
def test_a_dictionary_word_jieba_tags_as_a_name_is_not_one(run_rules, text):
    # jieba's dictionary tags 滑雪 and 弘扬 nr, and counts them often: words, not names
    assert run_rules(text).people == [], [p.name for p in run_rules(text).people]


@pytest.mark.parametrize("text, not_person", [
    ("物资紧缺的岁月，为年三十张罗一桌丰盛的年夜饭，并非易事。", "张罗"),
    ("上万亩的华山松、马尾松铺山盖岭。", "马尾松"),
    ("利用腾退空间，建村史陈列室、艺术馆。", "陈列室"),
    ("用料：藕小半段，黑木耳1小把，胡萝卜半根，荷兰豆1把。", "胡萝卜"),
])
def test_a_word_jieba_tags_as_a_name_wrongly_is_none(run, text, not_person):
    """jieba's dictionary tags 张罗, 马尾松, 陈列室 and 胡萝卜 nr, and counts them too seldom for the
    everyday-word test of the table above: common_nr.tsv lists them."""
    assert not_person not in [p.name for p in run(text).people]


@pytest.mark.parametrize("text, phrase", [
    ("纷纷来到这片希望的田野上。“戴眼镜”的农民多起来了。", "戴眼镜"),  # 戴 v + 眼镜: wearing glasses
    ("唱的时候务必张嘴巴，务必戴上围巾。", "张嘴巴"),  # 张 q + 嘴巴: open the mouth
    ("有的是高素质青年农民成了致富带头人。", "高素质"),  # 高 a + 素质: high-quality
])
def test_a_polysemous_surname_before_an_everyday_word_is_a_phrase(run, text, phrase):
    assert phrase not in [p.name for p in run(text).people]


@pytest.mark.parametrize("text, name", [
    ("刚刚迈出家门时，杨建立已经冒着寒风出发了。", "杨建立"),  # 杨 nr: a surname first
    ("回顾十年创业历程，杨治国深有感触。", "杨治国"),
])
def test_a_surname_that_is_no_other_word_before_an_everyday_word_is_a_name(run, text, name):
    assert name in [p.name for p in run(text).people]


@pytest.mark.parametrize("text, dish", [
    ("还有鸡，白切鸡、豉油鸡、姜葱鸡，各有各的做法。", "白切鸡"),  # 鸡 (chicken) is in no given name
    ("有的人家还要放上一只完整白切鸡。", "白切鸡"),
])
def test_a_dish_is_no_name(run, text, dish):
    assert dish not in [p.name for p in run(text).people]


def test_a_title_still_anchors_a_name_that_is_also_a_listed_word(run):
    # 万隆 is Bandung in common_nr.tsv, and the name of 双汇's chairman
    assert [(p.name, p.role) for p in run("双汇集团董事长万隆不禁感慨。").people] == [("万隆", "董事长")]


def test_a_three_character_name_met_once_is_the_two_character_one_read_on(run):
    text = "刘宇是滑雪爱好者。去年，刘宇成了志愿者。刘宇说，滑雪让他快乐。"
    people = {p.name: len(p.mentions) for p in run(text).people}
    assert people == {"刘宇": 3}, people


@pytest.mark.parametrize("text, person, glued", [
    ("江西省委采取针对性措施，着力肃清苏荣案毒害。", "苏荣", "苏荣案"),  # the case of 苏荣
    ("魏晋时期，玄学家何晏著《论语集解》，以孔安国之说为基本依据。", "何晏", "何晏著"),  # 何晏 wrote
    ("工业和信息化部副部长罗文带队调研人工智能。罗文说：“人工智能是新引擎。”", "罗文", "罗文说"),
    ("孔子曾说过这句话。", "孔子", "孔子曾"),  # 孔子/nr 曾/d: 曾 follows the name the segmenter cut
    # a Chinese name of three run on into a fourth character the segmenter cuts off
    ("纪念为国牺牲的徐宝珊和徐宝璧、徐宝珍三兄弟而建。", "徐宝珍", "徐宝珍三"),
    ("“春池岸古春流新”，韦应物云：“疏松映岚晚，春池古树新。”", "韦应物", "韦应物云"),
    ("验收组来到新田村刘勋平家，验收脱贫情况。刘勋平说，日子好了。", "刘勋平", "刘勋平家"),  # at his home
])
def test_a_crf_name_run_on_into_a_word_about_the_person_ends_before_it(run, text, person, glued):
    names = {p.name for p in run(text).people}
    assert glued not in names and (person is None or person in names), names


@pytest.mark.parametrize("text, person, not_person", [
    # four characters with a Chinese surname that no Chinese name has: the three where they stand
    # alone elsewhere in the article, else nothing unless the CRF is sure
    ("胡晓春是守松人。因为当天是大年三十，胡晓春特地带了一副春联。", "胡晓春", "胡晓春特"),
    ("马尾松铺山盖岭，林海松涛的无边绿色，让每一个人心旷神怡。", None, "林海松涛"),
    ("努力实现新时代纪检监察工作高质量发展。", None, "纪检监察"),
])
def test_four_characters_with_a_chinese_surname(run, text, person, not_person):
    names = {p.name for p in run(text).people}
    assert not_person not in names and (person is None or person in names), names


@pytest.mark.parametrize("text, person", [
    ("孟子认为，人性本善。", "孟子"),  # the CRF takes no 子 into a name
    ("鲁迅曾写道，世上本没有路。", "鲁迅"),  # jieba counts 鲁迅 1,507 times: an everyday word's frequency
    ("读杜甫的诗，想起了那个时代。", "杜甫"),
    ("大家都要向雷锋同志学习，学习焦裕禄的奉献精神。", "焦裕禄"),
    ("林则徐在虎门销烟，震惊中外。", "林则徐"),
])
def test_a_person_every_reader_knows_is_found_without_a_title(run, text, person):
    assert person in {p.name for p in run(text).people}


@pytest.mark.parametrize("text, not_person", [
    ("去年连续阴天，老郑和小郑大棚里的西红柿都出现了病害。", "郑和"),  # 老郑 and 小郑
    ("周末，他们游览了鲁迅公园。", "鲁迅"),  # the segmenter reads 鲁迅公园 as one word
    ("他在孔子学院教中文。", "孔子"),  # inside an institution's name
    ("电影《孔子》昨日上映。", "孔子"),  # a short title in quotation marks
    ("大年初一，孔子故里曲阜游人如织。", "孔子"),  # a place named after him
    ("他们在杜甫草堂游览。", "杜甫"),
])
def test_a_known_name_that_is_not_the_person_is_left_out(run, text, not_person):
    assert not_person not in {p.name for p in run(text, institutions=("孔子学院",)).people}


def test_a_two_character_name_always_followed_by_the_longer_ones_third_is_cut_short(run):
    text = "“我们居民也是有苦衷的。”贺廷中是璧山区老城区的居民。“夏天确实太臭了。”贺廷中说，厕所很近。"
    people = {p.name: len(p.mentions) for p in run(text).people}
    assert people == {"贺廷中": 2}, people


def test_a_name_that_ends_the_text_is_kept(run):
    """The character after a mention at the very end is "": the name is no cut-short form of itself."""
    people = {p.name for p in run("记者采访了村民王刚").people}
    assert "王刚" in people, people


def test_a_dotted_name_begun_by_a_found_name_is_whole(run):
    # jieba cuts 贡|特尔; the title found 贡特尔, which is the first part of the whole name
    doc = run("彭策尔学院第二任院长贡特尔·科尔斯致力于中医经络按摩疗法的研究。科尔斯说，中医很好。",
              institutions=("彭策尔学院",))
    assert {p.name: (p.role, len(p.mentions)) for p in doc.people} == {"贡特尔·科尔斯": ("院长", 2)}


def test_a_part_of_a_dotted_name_is_a_mention_of_it(run):
    doc = run("创始人威廉·彭策尔为了拯救患病的妻子学习中医。彭策尔后来创办了学院。")
    people = {p.name: len(p.mentions) for p in doc.people}
    assert people == {"威廉·彭策尔": 2}, people


@pytest.mark.parametrize(
    "text, institutions, name, role, affiliation",
    [
        ("李建华是复旦大学的一名教授，他说中国很美。", ("复旦大学",), "李建华", "教授", "复旦大学"),
        ("到社区工作前，王波是一位大学教师。", (), "王波", "教师", ""),
        # a phrase set beside the name after a comma, with the body nearest its title
        ("讲述人：杨惠根，自然资源部中国极地研究中心主任、首任黄河站站长\n\n北极科考与南极有何不同？",
         ("自然资源部", "中国极地研究中心"), "杨惠根", "站长", "中国极地研究中心"),
        ("攻坚战场上的还有：张敏，山东济南市长清区环境执法二中队队长，50岁；", (), "张敏", "队长", ""),
    ],
)
def test_a_role_stated_with_shi_or_beside_the_name(run, text, institutions, name, role, affiliation):
    found = {p.name: (p.role, p.affiliation) for p in run(text, institutions=institutions).people}
    assert found.get(name) == (role, affiliation), found


def test_a_clause_with_shi_that_ends_in_no_title_states_no_role(run):
    found = {p.name: p.role for p in run("到社区工作前，王波是我们的好朋友。").people}
    assert found.get("王波") == "", found


@pytest.mark.parametrize(
    "text, expected",
    [
        # a rare surname jieba cut off alone as a name (栗 nr), its given name a word before a title
        ("栗战书委员长亲自担任执法检查组组长。", {"栗战书": "委员长"}),
        # but not a surname before a verb (让|富|起来|农民)
        ("如何让富起来农民的日子有滋有味。", {}),
        # a list's size right after it, with no 等, before the title they all hold
        ("曹建明、吉炳轩、武维华三位副委员长带队。", {"曹建明": "副委员长", "吉炳轩": "副委员长", "武维华": "副委员长"}),
        ("王建明、李炳轩两位教授带队。", {"王建明": "教授", "李炳轩": "教授"}),
        # 曰, the classical 说, ends a name (孔子|曰)
        ("孔子曰：“学而时习之。”", {"孔子": ""}),
    ],
)
def test_rare_surnames_lists_and_classical_speech(run, text, expected):
    found = {p.name: p.role for p in run(text).people}
    assert found == expected, found


@pytest.mark.parametrize("text, name, cut", [
    ("联合国秘书长古特雷斯2月4日发表新春贺词。", "古特雷斯", "古特雷"),
    ("希腊总理齐普拉斯表示欢迎。", "齐普拉斯", "齐普拉"),
])
def test_a_surnames_reading_ending_inside_a_name_word_runs_to_its_end(run, text, name, cut):
    """古|特雷斯: the segmenter's name word begins after the would-be surname and runs past the
    two characters a given name takes; a name of transliteration characters goes on to its end."""
    names = {p.name for p in run(text).people}
    assert name in names and cut not in names, names

"""Institutions: names found by structure, kinds, spans, aliases, and the traps."""

from __future__ import annotations

import pytest

from pipeline.institutions import InstitutionStage


@pytest.fixture(scope="module")
def stage(resources):
    return InstitutionStage(resources)


@pytest.fixture
def run(stage, make_doc):
    def extract(text: str):
        return stage(make_doc(text)).institutions

    return extract


def by_canonical(findings):
    return {f.canonical: f for f in findings}


# (sentence, canonical, kind, text of the first mention)
NAMES = [
    # seed-like: place prefix + body + head, nested names, relative bodies
    ("北碚区教师进修学院与绵阳市教科所共同建立中小学教师教育联盟。", "绵阳市教科所", "research_institute", "绵阳市教科所"),
    ("北碚区教师进修学院与绵阳市教科所共同建立中小学教师教育联盟。", "中小学教师教育联盟", "other", "中小学教师教育联盟"),
    ("“重庆市开放大学北碚学院”筹建工作正式启航。", "重庆市开放大学北碚学院", "university", "重庆市开放大学北碚学院"),
    ("加强与西南大学教师教育学院合作，打造教师队伍。", "西南大学教师教育学院", "university", "西南大学教师教育学院"),
    ("重庆十八中两江实验中学的学生参加了比赛。", "重庆十八中两江实验中学", "school", "重庆十八中两江实验中学"),
    # a village's or community's body named by the chain of units above it, whose small names jieba cuts wrong
    ("重庆市沙坪坝区石井坡街道团结坝社区党委书记杨春敏说。", "重庆市沙坪坝区石井坡街道团结坝社区党委", "party_org",
     "重庆市沙坪坝区石井坡街道团结坝社区党委"),
    ("贵州省安顺市平坝区乐平镇塘约村党总支组织活动。", "贵州省安顺市平坝区乐平镇塘约村党总支", "party_org",
     "贵州省安顺市平坝区乐平镇塘约村党总支"),
    # heads of bodies the lexicon lacked (兵团, 舞团, 诊所, 展览馆 …)
    ("新疆生产建设兵团开展博物馆调查。", "新疆生产建设兵团", "government", "新疆生产建设兵团"),
    ("演出由柬埔寨王家舞团带来。", "柬埔寨王家舞团", "other", "柬埔寨王家舞团"),
    ("北京冬奥组委发布消息。", "北京冬奥组委", "other", "北京冬奥组委"),  # 组委, the short form of 组委会
    # a company known by its brand, with no head word
    ("故宫博物院和腾讯联合推出“古画会唱歌”。", "腾讯", "company", "腾讯"),
    ("“三一重工董事长梁稳根的话掷地有声。", "三一重工", "company", "三一重工"),
    ("喇叭声咽，激烈交火，红军一举攻克娄山关。", "红军", "other", "红军"),
    ("凭着支付宝流水，潘晓玲顺利通过网商银行的审核。", "支付宝", "company", "支付宝"),
    # a national prefix standing for the place a head needs, in a word jieba's dictionary lists
    ("国家博物馆“新考工记——中法手工艺之美”展览开幕。", "国家博物馆", "other", "国家博物馆"),
    ("重庆市第十八中学打造“砺新党建”品牌。", "重庆市第十八中学", "school", "重庆市第十八中学"),
    ("江北区培新小学校的老师来了。", "江北区培新小学校", "school", "江北区培新小学校"),
    ("北碚区陵江小学教师辛国斌受益于培训。", "北碚区陵江小学", "school", "北碚区陵江小学"),
    ("在区委、区府和区教育工委、区教委的坚强领导下", "区委", "party_org", "区委"),
    ("在区委、区府和区教育工委、区教委的坚强领导下", "区府", "government", "区府"),
    ("在区委、区府和区教育工委、区教委的坚强领导下", "区教委", "government", "区教委"),
    ("荣昌区委、区政府高度重视教育。", "荣昌区委", "party_org", "荣昌区委"),
    ("荣昌区委、区政府高度重视教育。", "区政府", "government", "区政府"),
    ("由潼南一中承办的活动在涪江小学举行。", "潼南一中", "school", "潼南一中"),
    ("大足职业教育中心的教师参加了培训。", "大足职业教育中心", "school", "大足职业教育中心"),
    ("中共中央办公厅印发了意见。", "中共中央办公厅", "party_org", "中共中央办公厅"),
    # People's Daily-like
    ("国务院总理李克强主持召开国务院常务会议。", "国务院", "government", "国务院"),
    ("中共中央、国务院印发《乡村振兴战略规划》。", "中共中央", "party_org", "中共中央"),
    ("外交部发言人华春莹在例行记者会上表示。", "外交部", "government", "外交部"),
    ("人民日报社社长出席了会议。", "人民日报社", "media", "人民日报社"),
    ("北京大学的研究团队发表了论文。", "北京大学", "university", "北京大学"),
    ("福州市国税局稽查局查处了一批案件。", "福州市国税局稽查局", "government", "福州市国税局稽查局"),
    ("第六届全国人大常委会第五次会议在京举行。", "第六届全国人大常委会", "government", "第六届全国人大常委会"),
    # the places a term's body belongs to come before its term
    ("市长在天津市第十七届人民政府第一次全体会议上说。", "天津市第十七届人民政府", "government", "天津市第十七届人民政府"),
    ("江西南丰县第十二届人大常委会第三十次全体会议召开。", "江西南丰县第十二届人大常委会", "government",
     "江西南丰县第十二届人大常委会"),
    ("中国科学院数学研究所的研究员在会上发言。", "中国科学院数学研究所", "research_institute", "中国科学院数学研究所"),
    ("中国银联今天发布最新春节消费数据。", "中国银联", "company", "中国银联"),
    # halls of science, archives and exhibits
    ("极地科普馆位于上海，已对社会免费开放。", "极地科普馆", "other", "极地科普馆"),
    ("档案存放在上海市档案馆。", "上海市档案馆", "other", "上海市档案馆"),
    ("在钱塘江畔万向集团总部的大厅里，摆放着奖杯。", "万向集团", "company", "万向集团"),  # 畔: by the river
]


@pytest.mark.parametrize("sentence, canonical, kind, first", NAMES)
def test_names_by_structure(run, sentence, canonical, kind, first):
    found = by_canonical(run(sentence))
    assert canonical in found, sorted(found)
    finding = found[canonical]
    assert finding.kind == kind
    start = sentence.index(first)
    assert finding.mentions[0].start == start and finding.mentions[0].end == start + len(first)


# (text, canonical, every alias that must be folded into it)
ALIASES = [
    (
        "华东师范大学基础教学改革研究所（以下简称华东师大基教所）派专家指导。华东师大基教所的专家认为课堂要变。",
        "华东师范大学基础教学改革研究所",
        {"华东师大基教所"},
    ),
    (
        "重庆市巴南区教师进修学校是专业机构。巴南区教师进修学校坚持研训合一。在校长看来，进修校是发动机。",
        "重庆市巴南区教师进修学校",
        {"巴南区教师进修学校", "进修校"},
    ),
    (
        "北碚区教师进修学院获奖。北碚教师进修学院组织了培训。",
        "北碚区教师进修学院",
        {"北碚教师进修学院"},
    ),
    (
        "潼南区教师进修学院开展活动。区进修学院的教研员下校指导。",
        "潼南区教师进修学院",
        {"区进修学院"},
    ),
    (
        "大足职业教育中心成立于1986年。大足职教中心的毕业生很受欢迎。",
        "大足职业教育中心",
        {"大足职教中心"},
    ),
    (
        "北碚社区教育学院（北碚社区教育学院与北碚区教师进修学院、北碚电大为“三块牌子，一套班子”），与绵阳社区大学签署了协议。",
        "北碚区教师进修学院",
        {"北碚社区教育学院", "北碚电大"},
    ),
]


@pytest.mark.parametrize("text, canonical, aliases", ALIASES)
def test_aliases_resolve_to_one_record(run, text, canonical, aliases):
    found = by_canonical(run(text))
    assert canonical in found, sorted(found)
    assert aliases <= set(found[canonical].aliases)
    for alias in aliases:
        assert alias not in found  # no second record for a short form


def test_one_body_statement_keeps_partner_apart(run):
    text = ALIASES[-1][0]
    found = by_canonical(run(text))
    assert "绵阳社区大学" in found


def test_bare_head_is_a_mention_of_the_main_institution_not_an_alias(run):
    text = "荣昌区教师进修学校开展培训。学校还组织了教研活动。荣昌区教师进修学校获得表彰。"
    found = by_canonical(run(text))
    assert set(found) == {"荣昌区教师进修学校"}
    inst = found["荣昌区教师进修学校"]
    assert "学校" not in inst.aliases
    bare_at = text.index("学校还")
    assert any(m.start == bare_at and m.end == bare_at + 2 for m in inst.mentions)


TRAPS = [
    "当地警方介入调查。",  # 警方 needs a real place before it
    "全面贯彻党的十九大和十九届二中、三中全会精神。",  # a plenary session of a term, no school (潼南一中)
    "紧扣十九届二中三中全会精神。",
    "目前，全国共有救助管理站1817个。",  # a weak head with a short common body names a kind of body
    "学院充分利用教职工政治学习推进思想政治引领工程。",  # bare 学院 with no main institution
    "学校的教育教学要回归育人本位。",  # bare 学校
    "素有美誉的北碚区，不仅有出众的生态颜值。",  # a place alone
    "重庆是一座山城，江北和巴南都在长江边。",  # places alone
    "院长朱福荣介绍，副院长黄吉元说。",  # persons and titles
    "享受“国务院政府特殊津贴”人员增至5人。",  # a program/title name in quotes
    "北碚区两名美术学科特级教师参加了活动。",  # no head word
    "全区基层学校和各级试点学校都参与了改革。",  # generic schools
    "目前共有干部三百人，全部参加了培训。",  # 干部, 全部 end in a head character
    "在全国中小学校园影视评比中获奖。",  # 中小学 is a class, not a school
    "编辑出版专著13部，发表论文208篇。",  # 13部 is a count
    "全县建设了八大特色学校群。",  # 八大 counts kinds of school, it names none
    "各级宣传文化部门从选题规划抓起。",  # 文化部|门: 部门 is the word, not the ministry
    "该校被确定为重庆市智慧校园建设示范学校。",  # a title conferred on a school, not a school
    "学院充分利用党委理论学习中心组开展学习。",  # 充分利用 ends the name; 中心组 is a study group
    "据一些空调厂预测，今年销量会上升。",  # after a quantity, common nouns + head describe a kind
    "她在一家服装厂当工人。",
    "卖扣子的温州妇女成为一家服装辅料公司的创始人。",
    "按法定程序报批地方人大审核，各级政协也要监督。",
    "今年适当时候总局要对组织收入进行检查。",  # 时候 (n, 'the moment') is the clause's: no 时候总局
    "上海队战胜北京队。",  # 战胜 (tagged n) is the clause's verb: no 上海队战胜北京队  # 地方, 各级 + 人大: the congresses of every level  # 服装辅料, a filler entry, is two common nouns
    "他的软件公司去年上市了。",  # after 的, the same
    "农村有不少家庭工厂。",
    "学校举办了为期一周的教师培训班。",  # a course is no part of a body
    "北碚区城乡教育一体化发展行动基地校增至20所。",  # 基地|校: a bound morpheme after the head
    "构建教师教育新格局。",  # 新格局 is a filler nt of jieba's dictionary ending in the word 格局
    "有些欺诈就是靠“买通”保险公司内部人员得逞的。",  # a quoted verb is no name
    "在“文革”中，他受到冲击。",  # a one-character head (中) after a quotation is not taken
    "她获得2021年四川省小学数学优质课竞赛一等奖。",  # a whole province's primary schools, not one school
    "这提高了党和政府在群众中的威信。",  # 党和政府 is one jieba word tagged nt: a coordination
    # quantities and determiners: a reduplicated classifier, 所在 (where X works), 该 (that …)
    "一座座实验室灯火通明。",
    "张伟所在部队新装备列装。",
    "他所在公司经营良好。",
    "美国中西部许多地区学校停课。",  # 许多 (many) picks out how many
    "上述医院已经建成投用。",  # 上述 (the aforesaid) picks out which
    "乡镇党委要抓好落实，乡镇卫生院要配齐医生。",  # 乡镇 (townships): a class of bodies
    "西港特区是中柬首个签订双边政府协定、建立双边协调机制的经济特区。",  # 双边 (bilateral): a relation
    "原料：黑木耳1小把，姜1小块，鸡蛋2个。",  # 小 before a classifier is a size: no primary school
    # the status a place is to reach, not a body: 中心 here is a hub
    "将香港发展成为亚洲高新技术产业融资中心。",
    "把深圳建设成为全球绿色金融中心。",
    # descriptions: a quality after a common word, a filler phrase that begins with an adjective
    "引进世界一流大学和知名企业。",  # 一流大学 is one filler word: its first part is the quality
    "我们也学人家大公司搞年会。",
    # a class of bodies, not one of them: 上市公司 'listed companies', 利益集团 'interest groups'
    "境内上市公司去年实现营业收入增长。",
    "这背后是美国国内利益集团的推动。",
    "跨国公司纷纷加大在华投资。",
    "打造优质高效廉洁政府。",  # 高效廉洁 (filler, tagged nr) begins with an adjective
    # a one-character head standing alone as a verb before a verb: 办 'to run'
    "要把晚报办出新水平。",
    # a function word between a place and a head belongs to the sentence
    "赵乐际在山东就人大代表工作进行调研。",
    # a personal name jieba guessed has lost its last character to 中心 (刘宝中|心中)
    "刘宝中心中的火从未熄灭。",
    # a post glued to the next word by jieba (总裁兼) is a person's, not a name's
    "他曾任南京集团总裁兼博物馆馆长。",
    # a quoted title after a verb that confers it is an honour, not a body
    "该公司摘得“南亚领军新国际航空公司”的桂冠。",
    # a party congress is a meeting, not an organisation
    "深入学习贯彻党的十九大精神。",
    # 面向 (tagged n) says whom the sentence addresses; 面向政府 is no body
    "这是一场面向政府自身的改革。",
    # 办 after a full personal name is the verb (he runs a festival), not an office
    "路边一个大院子，这是村民刘建辉办的易达液化气站。",
    # directions alone before 部 name a part of a country or a whole (jieba tags 中西部, 内外部 nt)
    "山西、河南等中西部地区餐饮消费涨幅最大。",
    "要统筹内外部资源。",
    # kinds of bank and of communiqué are classes, not bodies; 名称 says what follows is a name
    "逐步从一家专业银行成长为大型上市银行。",
    "双方发表联合新闻公报。",
    "嫦娥四号着陆点的名称天河基地。",
]


@pytest.mark.parametrize("sentence", TRAPS)
def test_traps_give_no_institution(run, sentence):
    assert run(sentence) == []


@pytest.mark.parametrize(
    "sentence, canonical",
    [
        ("１９５６年考入湖北美术学院中国画系，从此开始学画。", "湖北美术学院中国画系"),  # a department jieba knows (nt)
        ("他是西藏地区九个全国人大代表之一。", "全国人大"),  # a count of bodies ends the name
        ("2021年入选教育部“基础教育精品课”16节。", "教育部"),  # a ministry: too short a body for 部 by structure
        ("前不久，水利部组织全国有关专家考察。", "水利部"),
        ("这些草案经第九届人大第一次会议审议通过。", "第九届人大"),  # a numbered term names one body
        ("从1993年到八届人大任期届满。", "八届人大"),
        ("以全国人大民委为主起草。", "全国人大民委"),  # a filler nt whose last two characters are no word
        ("本报与“春蕾计划”组委会联合举办。", "“春蕾计划”组委会"),  # a quoted name before a head
        # a short word jieba does not know, right after a place, is the body's proper name
        ("深圳宏吉工艺品厂的厂房", "深圳宏吉工艺品厂"),
        ("香港豪泰物业集团的同意", "香港豪泰物业集团"),
        # jieba glues a preposition onto the level (由区|纪委) or the title onto the body (市委书记)
        ("区委决定由区纪委牵头查办这个案子。", "区纪委"),
        ("南县人大常委会对县人民法院的执行工作进行了评议。", "县人民法院"),
        ("他到边远的洞井乡任乡党委副书记。", "乡党委"),
        ("潍坊市委书记曹学成自信地说。", "潍坊市委"),
    ],
)
def test_department_and_count_boundaries(run, sentence, canonical):
    assert canonical in [inst.canonical for inst in run(sentence)]


# (sentence, the name, the longer wrong reading it must not take)
LEFT_EDGES = [
    # a national body named in full takes no unknown word before it as its proper name (获批 is the
    # sentence's verb, jieba's HMM guess, right after a place), as 深圳|宏吉|工艺品厂 does
    ("2021年，江北区获批教育部基础教育精品课8节。", "教育部", "江北区获批教育部"),
    # 在京举行 is a frequency-3 filler entry of jieba's dictionary tagged n; it begins with 在
    ("新书首发式在京举行文学报社的编辑介绍了创作经过。", "文学报社", "在京举行文学报社"),
    # 充分发挥 (tagged n) and 郑重宣布 (tagged nr) end in a stop verb: predicates, not name bodies
    ("要充分发挥人大常委会的监督作用。", "人大常委会", "充分发挥人大常委会"),
    ("会上郑重宣布区委、区政府的决定。", "区委", "郑重宣布区委"),
    # verbs and qualifiers of org_stop.tsv: 代表, 使, 行使 (tagged n), 暨; 原, 新一届 (former, new term)
    ("我谨代表中共宜宾市委向大家致谢。", "中共宜宾市委", "代表中共宜宾市委"),
    ("这也使县团委的工作更加扎实。", "县团委", "使县团委"),
    # 战胜, 现任, 声称, 状告, 办理 (tagged n): a clause's verbs, not a name's first word
    ("他现任中国艺术研究院研究员。", "中国艺术研究院", "现任中国艺术研究院"),
    ("冲绳县政府多次状告中央政府。", "中央政府", "冲绳县政府多次状告中央政府"),
    ("由筹备委员会行使市政府职权。", "市政府", "筹备委员会行使市政府"),
    ("由市委宣传部暨市文明办主办。", "市委宣传部", "市委宣传部暨市文明办"),
    ("受到原国家计委的表彰。", "国家计委", "原国家计委"),
    ("新一届市政府成立后", "市政府", "新一届市政府"),
    # a common noun left of a place that has its own body is the sentence's, not the name's
    ("原告河北宏吉建筑公司诉称", "河北宏吉建筑公司", "原告河北宏吉建筑公司"),
    ("这是一届又一届人大努力工作的结果。", "人大", "一届人大"),  # 一届 without 第 is 'a term'
    # a relative prefix before a head, right after a name, begins a second body
    ("由宜宾市委市政府联合主办。", "宜宾市委", "宜宾市委市政府"),
    ("由宜宾市委市政府联合主办。", "市政府", "宜宾市委市政府"),
    # verbs before a name: a verb jieba tags as a noun (会同 n, 部署 generic), a common word left of a whole
    # name (2017年度|清华大学), a filler verb phrase (建立健全, tagged nr)
    ("发展改革委要会同国务院侨办等有关部门落实。", "国务院侨办", "会同国务院侨办"),
    ("国家文物局部署中国文物保护基金会等机构开展排查。", "中国文物保护基金会", "国家文物局部署中国文物保护基金会"),
    ("她是2017年度清华大学优秀毕业生。", "清华大学", "年度清华大学"),
    ("全面建立健全村务监督委员会。", "村务监督委员会", "全面建立健全村务监督委员会"),
    ("湖州市全面启动绿色发展研究院筹建工作。", "绿色发展研究院", "湖州市全面启动绿色发展研究院"),  # 启动 vn
    # a verb right after a place, before a body with a proper name, makes the place the subject
    ("支持杭州建设江南文化研究中心。", "江南文化研究中心", "杭州建设江南文化研究中心"),
    # a county's short form that is also a word (新建) before a larger place is no place of the name
    ("支持新建香港科学博物馆。", "香港科学博物馆", "新建香港科学博物馆"),
    ("召开部分全国人大代表座谈会。", "全国人大", "部分全国人大"),  # 部分 is a determiner
]

# traps of the rules above: names that contain a verb, a post, a class word or a session stay whole
KEPT_WHOLE = [
    ("他在中国建设银行工作，她在市建设局上班。", "中国建设银行"),  # a verb inside a name
    ("他在中国建设银行工作，她在市建设局上班。", "市建设局"),
    ("上海建设交通委员会发布通知。", "上海建设交通委员会"),  # no proper name after the verb
    ("联合国秘书长新闻办公室发表声明。", "联合国秘书长新闻办公室"),  # a post inside a name
    ("毕业于新疆兵团警官高等专科学校。", "新疆兵团警官高等专科学校"),  # a post, and a class word (高等)
    # a session's delegation runs over the session's number, then stands apart from the body in session
    ("他是十三届全国人大一次会议湖南代表团成员。", "湖南代表团"),
    ("中国铁路上海局集团有限公司发布消息。", "中国铁路上海局集团有限公司"),  # a parent's name after a place
    ("王刚是天津站党办工作人员。", "天津站党办"),  # 办 alone (tagged v) before a noun is the head
    ("当地华助中心等机构给予支持。", "华助中心"),  # a guessed name before 中心 that splits no word
    ("江北区培新小学校的老师来了。", "江北区培新小学校"),
    # international bodies whose names a verb splits (复兴|开发) or that end in no head word
    ("欧洲复兴开发银行行长表示支持。", "欧洲复兴开发银行"),
    ("世界经济论坛发布报告。", "世界经济论坛"),
    # a magazine named by a book title before its head, and a paper's 时报 after a place
    ("他在《诗探索》杂志上发表文章。", "《诗探索》杂志"),
    ("《纽约时报》发表文章。", "纽约时报"),
    # a head glued to a member's title (协会|会员, 银行|行长)
    ("他是博白摄影协会会员。", "博白摄影协会"),
    # a department named after a ministry that joins two portfolios with 和
    ("自治区工业和信息化厅副厅长表示。", "自治区工业和信息化厅"),
    ("天津市文化和旅游局发布通知。", "天津市文化和旅游局"),
    # a foreign country before a body China has too names that country's (美国国务院 is one word of jieba's)
    ("美国国务院日前宣布暂停履行条约义务。", "美国国务院"),
    ("美国众议院议长表示反对。", "美国众议院"),
    # a name quoted whole, its head ending the quotation, runs over the verb inside it (种植)
    ("村里还成立“东华苗木种植专业合作社”，带动村民致富。", "东华苗木种植专业合作社"),
    # a prefecture-level city's short form is a place whatever else jieba's word means (大连 d)
    ("对于大连大学附属中山医院产科的医护人员来说，这是一个喜迎宝宝的夜晚。", "大连大学附属中山医院"),
    ("解放军大连陆军学校、河南洛阳市新安师范的代表参加了会议。", "大连陆军学校"),
    # 管理处, 管理站 head a body after a place (a bare 救助管理站 is the kind, see TRAPS)
    ("广州市救助管理站市区分站通过各种方式联系郑某的家人。", "广州市救助管理站"),
    ("西藏自治区罗布林卡管理处宣传接待科的工作人员说。", "西藏自治区罗布林卡管理处"),
    # a country's mission: sender, 驻, host (a country, or 华), 大使馆/使馆/领事馆
    ("应国务院新闻办公室与中国驻埃及大使馆共同邀请。", "中国驻埃及大使馆"),
    ("沈跃跃应邀出席在伊朗驻华大使馆举行的招待会。", "伊朗驻华大使馆"),
    ("我谨代表驻阿联酋使馆向大家问好。", "驻阿联酋使馆"),
    # a one-character head jieba glued to 驻 (局驻), and an occupation before a unit (航天员|大队)
    ("自治区林业和草原局驻阔纳巴扎村第一书记周泽培说。", "自治区林业和草原局"),
    ("2018年1月，中国人民解放军航天员大队迎来20岁生日。", "中国人民解放军航天员大队"),
    # a guessed place-like word right after a punctuation mark begins the name
    ("每年春运，漯阜铁路公司都要抽调500余人。", "漯阜铁路公司"),
    # a guessed noun after a closing quote opens the name when no function word starts it
    ("“政府很支持。”富力地产重庆公司副总经理刘蔚说。", "富力地产重庆公司"),
    # a function word jieba guessed into one word with the name before the head is no part of it
    ("发电量为11.99亿度。据额勒赛项目公司总经理助理介绍。", "额勒赛项目公司"),
    ("剪杈、割草、浇水，在鑫宇煤气化公司园林部工作。", "鑫宇煤气化公司园林部"),
    ("江苏张家港市环保局共接到对富邦公司的投诉。", "富邦公司"),
    # a company known by its brand, named in full with its head
    ("齐齐哈尔的中国一重集团曾为我国工业作出贡献。", "中国一重集团"),
    ("首钢集团有限公司发布年报。", "首钢集团有限公司"),
    # two short words jieba does not know together, right after a place, are the body's proper name
    ("与浙江特立宙动画影视有限公司合作，引进国产动画片。", "浙江特立宙动画影视有限公司"),
    # a place's police (not 当地警方: no place)
    ("据德国柏林警方消息，嫌疑人已被逮捕。", "德国柏林警方"),
]


@pytest.mark.parametrize("sentence, name", KEPT_WHOLE)
def test_names_with_verbs_posts_and_sessions_stay_whole(run, sentence, name):
    assert name in [inst.canonical for inst in run(sentence)]


@pytest.mark.parametrize(
    "sentence, canonical",
    [
        ("我们的四通利方公司很年轻。", "四通利方公司"),  # a word jieba hardly knows is a name, even after 的
        ("这些年，我们的宏达纺织公司发展很快。", "宏达纺织公司"),  # a proper noun in the body
    ],
)
def test_names_after_a_possessive_are_kept(run, sentence, canonical):
    assert canonical in [inst.canonical for inst in run(sentence)]


# (sentence, the part of a body the text names, as it must come out exactly)
UNITS = [
    ("张明是北京大学化学系教授。", "北京大学化学系"),  # a department after its university
    ("上海市第一中学教导处的老师说。", "上海市第一中学教导处"),
    ("市公安局交警支队三大队的民警赶到现场。", "市公安局交警支队三大队"),  # a squad, numbered
    ("中国银行上海分行推出新业务。", "中国银行上海分行"),  # a branch is named by its place
    ("省教育厅党组书记、厅长出席会议。", "省教育厅党组"),  # an office of two characters after a body
    ("记者与县税务局征管科联系后得知。", "县税务局征管科"),  # not …征管科联系: 联系 is a verb
    ("他对人大民委的工作给予关注。", "人大民委"),  # a two-character office word ending in 委
    ("与重庆大学签署合作协议。", "重庆大学"),  # 签署 ends in 署 but is a verb
    # a ministry's department (司), also where jieba tags the lone 司 a name (税政|司 nr)
    ("财政部税政司副司长介绍说。", "财政部税政司"),
    ("国家医疗保障局医药服务管理司司长熊先军介绍。", "国家医疗保障局医药服务管理司"),
    ("县税务局司机小王说。", "县税务局"),  # 司机 = driver
    # an academy's institute by the short head 所, numbered in words
    ("中国环境科学研究院湖泊所研究员说。", "中国环境科学研究院湖泊所"),
    ("中国船舶重工集团公司七六所的工程师介绍。", "中国船舶重工集团公司七六所"),
    ("项目涉及重庆市第一中学40所。", "重庆市第一中学"),  # 40所 counts schools
    ("农业农村部专家所在市县情况较好。", "农业农村部"),  # 所在 = where … are
    # traps: what follows a body but is no part of it
    ("县公安局四处搜寻走失的老人。", "县公安局"),  # 四处 = everywhere
    ("清华大学地处北京西北郊。", "清华大学"),  # 地处 = is located
    ("北京大学系全国重点大学。", "北京大学"),  # 系 = is
    ("群众反映县建筑公司原经理王金科挪用公款。", "县建筑公司"),  # a title, then a name ending in 科
    ("由光明日报理论部浙江华立集团共同主办。", "浙江华立集团"),  # a place begins the next body
    ("由光明日报理论部浙江华立集团共同主办。", "光明日报理论部"),
]


@pytest.mark.parametrize("sentence, name", UNITS)
def test_parts_of_a_body_extend_its_name(run, sentence, name):
    found = by_canonical(run(sentence))
    assert name in found, sorted(found)
    start = sentence.index(name)
    assert (found[name].mentions[0].start, found[name].mentions[0].end) == (start, start + len(name))


@pytest.mark.parametrize("sentence, name, wrong", LEFT_EDGES)
def test_predicate_before_a_name_is_not_part_of_it(run, sentence, name, wrong):
    names = [inst.canonical for inst in run(sentence)]
    assert name in names and wrong not in names, names


# (sentence, a wrong reading that must not be taken)
NOT_TAKEN = [
    ("全面落实村党组织书记县级党委备案管理。", "村党组织书记县级党委"),  # a post before a level ends the name
    ("介绍我国24个海丝联盟城市的风貌。", "个海丝联盟"),  # a guessed word holding the count's classifier
    ("进入５月，北京各大商场的空调销量均有增长。", "北京各大商场"),  # a determiner is no proper name
    ("实际控制人设立或收购了大量公司，但未注入上市主体。", "大量公司"),  # a quantity is no name
    ("交由证券公司根据客户资信确定。", "交由证券公司"),  # a verb is the sentence's
    ("打破西方公司长期垄断的局面。", "西方公司"),
    ("３月份特区政府成立了发展策略小组。", "月份特区政府"),  # a time word is no part of a name
    ("要坚持和完善人民代表大会制度。", "人民代表大会"),  # a system named after a kind of body
    ("调查显示，春节期间参观博物馆的人多了。", "参观博物馆"),  # jieba tags 参观 a noun; it is a verb
    ("他们同时联系医院，陪同就医。", "联系医院"),
    ("寒冷天气也让整个中西部地区的交通陷入困境。", "整个中西部"),  # a determiner
    ("中共中央政治局常委、国务院副总理出席。", "中共中央政治局常委"),  # a post, not the body
    ("从人武部政委，到警备区副政委、军分区政委。", "警备区副政委"),
    # the sentence's verb inside a span the tagger marks (江苏|出台|博物馆…)
    ("吉林实施乡村博物馆建设项目；江苏出台博物馆藏品征集规程；天津成立联盟。", "江苏出台博物馆"),
    ("吉林实施乡村博物馆建设项目；江苏出台博物馆藏品征集规程；天津成立联盟。", "天津成立联盟"),
    ("并掀起新一轮博物馆热潮。", "新一轮博物馆"),  # which round, no name
    ("兵团开展辖区博物馆、纪念馆调查。", "辖区博物馆"),  # the area's museums
    ("居民经常看见王波办公室里亮着灯光。", "王波办公室"),  # whose office, no body
    ("北京市东城区一位街道办事处主任说。", "北京市东城区一位街道办事处"),  # no classifier in a unit's name
    ("电站位于柬西南部的山区。", "柬西南部"),  # 西南部 is a part of the country, no department
    ("台风登陆浙江省东南部沿海。", "浙江省东南部"),
    # a lone 日 after a head ends the name of a day, not the body's
    ("5月18日国际博物馆日当天，博物馆免费开放。", "国际博物馆"),
    ("个别巡视组遇到了阻力。", "个别巡视组"),  # which of them, no name
    ("她被评为2016年度宁夏大学“优秀共青团员”。", "年度宁夏大学"),  # the year's, not the name's
    ("浙江世友木业有限公司生产车间里，工人们正在忙碌。", "浙江世友木业有限公司生产车间"),  # a workshop is a place of work
    ("“原以为巡视组就是开开会。”", "原以为巡视组"),  # jieba tags 原以为 a name
]


@pytest.mark.parametrize("sentence, wrong", NOT_TAKEN)
def test_wrong_readings_are_not_taken(run, sentence, wrong):
    assert wrong not in [inst.canonical for inst in run(sentence)]


def test_a_head_several_bodies_share_is_the_common_noun(run):
    # 博物馆 alone, in an article naming several museums (none its main body), is museums in general
    text = ("故宫博物院推出新展。上海博物馆和苏州博物馆也推出新展。越来越多的人走进博物馆，"
            "博物馆成为生活方式。故宫博物院院长说。")
    found = by_canonical(run(text))
    assert {name: len(inst.mentions) for name, inst in found.items()} == {
        "故宫博物院": 2, "上海博物馆": 1, "苏州博物馆": 1}


@pytest.mark.parametrize(
    "sentence, canonical",
    [
        # a guessed noun after punctuation that begins with a function word (距 is tagged n, but 距镇
        # ends in a level), or holds one (信是), is the sentence's, not the name's
        ("离华容河不过800多米，距镇自来水厂不到300米。", "自来水厂"),
        ("委员们收到了一封信，信是全国政协提案委发出的。", "全国政协"),
        # everyday words, places and head words after a place are no proper name of the body
        ("尼泊尔唯一国有航空公司的飞机。", "航空公司"),
        ("武警云南总队保山医院的医生说。", "武警云南总队保山医院"),
        ("李臻是宁夏中卫市公安局沙坡头分局文昌派出所民警。", "宁夏中卫市公安局沙坡头分局文昌派出所"),
    ],
)
def test_words_after_a_place_or_a_mark_that_are_no_proper_name(run, sentence, canonical):
    assert [inst.canonical for inst in run(sentence)] == [canonical]


@pytest.mark.parametrize("sentence, canonical, kind", [
    # a memorial hall is named after a person, whose name jieba guessed
    ("在黄诚出生地建成了黄诚事迹陈列馆。", "黄诚事迹陈列馆", "other"),
    ("他参观了周恩来纪念馆。", "周恩来纪念馆", "other"),  # a person every reader knows (jieba tags 周恩来 t)
    # a region the place lexicon lists is no guessed word, though jieba's dictionary lacks it
    ("港珠澳大桥管理局总工程师苏权科从手机里拿出照片。", "港珠澳大桥管理局", "government"),
    ("粤港澳大湾区建设领导小组全体会议在北京召开。", "粤港澳大湾区建设领导小组", "other"),
    # a state-level new area is a place (lexicons/src/new_areas.tsv), though jieba tags 雄安 an adjective
    ("河北雄安新区党工委委员张玉鑫说。", "河北雄安新区党工委", "party_org"),
    ("在首个大型城建工程——雄安市民服务中心内，工作人员还在忙碌。", "雄安市民服务中心", "other"),
    # a weak head after a body's own name is a part of that body, of its kind
    ("内蒙古博物院社会教育部教育主管刘弘轩告诉记者。", "内蒙古博物院社会教育部", "other"),
    ("中国气象局人工影响天气中心主任说。", "中国气象局人工影响天气中心", "government"),
    ("苏州大学医学部的专家说。", "苏州大学医学部", "university"),
    # a broadcaster and a weather service are no company and no television station
    ("英国广播公司报道了这一消息。", "英国广播公司", "media"),
    ("中央气象台首席预报员说。", "中央气象台", "government"),
    # a listed body keeps the list's kind where its head would give another (局, 署, 银行)
    ("中央政治局召开会议。", "中央政治局", "party_org"),
    ("世界银行发布报告。", "世界银行", "other"),
])
def test_the_kind_of_a_part_and_of_a_service(run, sentence, canonical, kind):
    assert {inst.canonical: inst.kind for inst in run(sentence)}.get(canonical) == kind


def test_a_name_word_ending_in_a_function_character_is_no_coordination(run):
    # 协和 is a word whose 和 is no conjunction (党和|政府 is two bodies joined, and no name)
    assert [inst.canonical for inst in run("北京协和医院院长张抒扬说，党和政府高度重视。")] == ["北京协和医院"]


@pytest.mark.parametrize("sentence, canonical", [
    # universities named by their short forms, which carry no head (北大, 清华 were listed already)
    ("中国农大营养与食品安全系副教授范志红介绍，节后饮食要清淡。", "中国农大营养与食品安全系"),
    ("年轻的浙大教授胡海岚在《自然》上发表论文。", "浙大"),
    ("他曾组织领导复旦学生到南京请愿。", "复旦"),
    # 现代 (tagged a time word) inside a name
    ("中国现代国际关系研究院世界经济研究所研究员陈凤英说。", "中国现代国际关系研究院世界经济研究所"),
    # an inspection team of the party's centre or a committee
    ("对中央巡视组指出的11名干部进行了处理。", "中央巡视组"),
])
def test_a_university_by_its_short_form(run, sentence, canonical):
    assert canonical in [inst.canonical for inst in run(sentence)]


def test_a_direction_before_a_place_is_part_of_the_name(run):
    # 东部非洲 is East Africa: the direction opens the place, and the name
    found = [inst.canonical for inst in run("东部非洲中国总商会主席韩军从网上观看了直播。")]
    assert found == ["东部非洲中国总商会"]


def test_a_head_fused_with_a_post_still_ends_a_name(run):
    # jieba's dictionary lists 局局长 as one word; the segmenter cuts it, so 规划建设局 ends at its head
    assert [inst.canonical for inst in run("河北雄安新区规划建设局局长张玉鑫表示。")] == ["河北雄安新区规划建设局"]


def test_a_place_word_keeps_its_first_character(run):
    """经开区 (经济技术开发区) is a place whose 经 is no preposition: no body named 开区管委会."""
    assert "开区管委会" not in [inst.canonical for inst in run("北京经开区管委会主任梁胜说。")]


DELEGATIONS = [
    ("2017年3月10日，习近平总书记参加十二届全国人大五次会议新疆代表团审议。", ["全国人大", "新疆代表团"]),
    ("他参加十三届全国人大二次会议解放军代表团全体会议。", ["全国人大", "解放军代表团"]),
]


LOCAL_COMMISSIONS = [
    # commissions a province, city or county has as well as the state: the level or place before them is theirs
    ("江西省发改委主任说，项目进展顺利。", ["江西省发改委"]),
    ("据省发改委介绍，项目进展顺利。", ["省发改委"]),
    ("湖南省卫健委发布通知。", ["湖南省卫健委"]),
    # a local commission for discipline and its supervisory commission share one office
    ("省纪委监委相关负责人表示。", ["省纪委监委"]),
    # the state's two, known apart, are two bodies; the Politburo is its party's organ, one body
    ("中央纪委国家监委网站发布消息。", ["中央纪委", "国家监委"]),
    ("中共中央政治局召开会议。", ["中共中央政治局"]),
]


LOCAL_DEPARTMENTS = [
    # a local department known by the short form of its portfolio, with its level or place before it
    ("县发改局局长王力说，项目进展顺利。", ["县发改局"]),
    ("市人社局、区住建局联合发文。", ["市人社局", "区住建局"]),
    ("市金融办负责协调。", ["市金融办"]),
    ("甘肃省扶贫办发布通知。", ["甘肃省扶贫办"]),
    ("中央编办和全国扫黑办负责人出席。", ["中央编办", "全国扫黑办"]),
    # standing alone, the short form is the office in charge
    ("仔鸡由扶贫办分发给贫困户。", ["扶贫办"]),
    ("发改局也派人参加了。", ["发改局"]),
    # two known short forms written as one word (jieba's 中办国办 nt) are two bodies
    ("中办国办印发《意见》。", ["中办", "国办"]),
    ("中办、国办出台意见。", ["中办", "国办"]),
    # a longer known name before another qualifies it: one body each
    ("国务院国资委发布数据。", ["国务院国资委"]),
    ("他在中共中央党校学习。", ["中共中央党校"]),
    # 和县 is a county, but right after a body's name it joins two bodies (和|县)
    ("市卫健委和县教育局都派人来了。", ["市卫健委", "县教育局"]),
    ("安徽省和县教育局派人来了。", ["安徽省和县教育局"]),
]


TRADE_NAMES = [
    # a registered company's trade name, which jieba cut into pieces it tagged as anything, stays in its name
    ("记者驱车来到新疆贝肯能源工程股份有限公司。", ["新疆贝肯能源工程股份有限公司"]),
    ("作为原告的达索系统股份有限公司提出诉讼。", ["达索系统股份有限公司"]),
    ("2014年注册成立天津港首农食品进出口贸易有限公司。", ["天津港首农食品进出口贸易有限公司"]),
    ("对外传播。”北京华韵尚德国际文化传播有限公司董事长说。", ["北京华韵尚德国际文化传播有限公司"]),
    ("让长春合心机械制造有限公司董事长犯了难。", ["长春合心机械制造有限公司"]),
    ("记者来到中石油东方地球物理勘探有限责任公司。", ["中石油东方地球物理勘探有限责任公司"]),
    ("浩丰（青岛）食品有限公司董事长说。", ["浩丰（青岛）食品有限公司"]),
    # the trade name ends at the sentence's word (的, 了, 是, a common verb) or at a body before it
    ("小区附近的富邦印刷科技有限公司有没有排污。", ["富邦印刷科技有限公司"]),
    ("这里就是一飞智控（天津）科技有限公司。", ["一飞智控（天津）科技有限公司"]),
    ("中国航天科技集团有限公司第一研究院首都航天机械有限公司的焊工。",
     ["中国航天科技集团有限公司第一研究院", "首都航天机械有限公司"]),
    # a name that holds a place or a proper name already is whole; after a determiner the company is unnamed
    ("昨天，浙江华达新型材料股份有限公司发布公告。", ["浙江华达新型材料股份有限公司"]),
    ("在湖南省浏阳市一家重工机械有限责任公司的车间里。", []),
    ("江西省高安市某机械有限公司，工人正在加班。", []),
]


HEAD_VERBS_CAMPUSES_RARE_CHARACTERS = [
    # 承办, 举办 end in the head 办 but are verbs: the office ends before them
    ("2018年，国务院扶贫办承办全国政协委员提案209件。", ["国务院扶贫办", "全国政协"]),
    # 报告 (a noun to jieba) is the verb of a report to a session, not part of a body
    ("武维华向十三届全国人大常委会第九次会议报告常委会专题调研工作情况。", ["十三届全国人大常委会"]),
    # a university's campus in brackets is part of its name
    ("他毕业于中国地质大学（武汉）海洋科学专业。", ["中国地质大学（武汉）"]),
    # a rare character jieba leaves as a morpheme (涠 g) is part of the name
    ("这些年涠洲岛旅游区管委会一直在加强污水处理。", ["涠洲岛旅游区管委会"]),
]


ACADEMY_INSTITUTES = [
    # a body whose name begins with a place, right after a known academy or university, is its institute
    ("图片由中科院国家天文台副研究员提供。", ["中科院国家天文台"]),
    ("中科院包头稀土研发中心主任说。", ["中科院包头稀土研发中心"]),
    ("北京大学国家发展研究院教授说。", ["北京大学国家发展研究院"]),
    # ... and so is a known company's branch
    ("南方电网贵州电网公司员工赶到现场。", ["南方电网贵州电网公司"]),
    ("国家电网天津滨海供电公司的抢修队出发了。", ["国家电网天津滨海供电公司"]),
    # not after a government body: 国务院 and 国家发展改革委 are two
    ("国务院、国家发展改革委发布通知。", ["国务院", "国家发展改革委"]),
]


KNOWN_BODIES = [
    # international bodies, news agencies and state-owned groups known without a head word
    ("尼泊尔是国际民航组织成员国，也参加了中非合作论坛。", ["国际民航组织", "中非合作论坛"]),
    ("据路透社报道，美联储宣布维持利率不变。", ["路透社", "美联储"]),
    ("据报道，路透社援引该集团公司总裁的话说。", ["路透社"]),  # (该集团公司 is no name)
    ("富士康和国家电网都在名单上。", ["富士康", "国家电网"]),
    # 称 with no brackets or quotes is a verb of speech, not a short name's definition
    ("路透社称这一安排将使其更好应对。", ["路透社"]),
    # a word jieba tags nt but that ends in no head (国际化) is no unit after a known name
    ("中远海运国际化的管理制度让她获益。", ["中远海运"]),
    ("新华社联合国2月1日电 联合国秘书长发表声明。", ["新华社", "联合国"]),
    # China's democratic parties and their central committees; not 党中央 inside 致公党中央
    ("民盟中央常委、北京市农林科学院院长李成贵说。", ["民盟中央", "北京市农林科学院"]),
    ("致公党中央主席万钢出席。", ["致公党中央"]),
    # a two-character short name only as a word of its own (人民|进行 holds no 民进)
    ("人民进行了伟大斗争，民进党却在选举中失利。", ["民进党"]),
    # the central government's liaison offices, known by their short forms (中|联办 to jieba)
    ("香港中联办副主任出席，澳门中联办也派员参加。", ["香港中联办", "澳门中联办"]),
    # a national prefix before a known name is the name as written; not a noun's countries
    ("近期，国家工信部公布名单，中国证监会发布公告。", ["国家工信部", "中国证监会"]),
    ("亚洲基础设施投资银行和金砖国家新开发银行。", ["亚洲基础设施投资银行", "金砖国家", "新开发银行"]),
]


COMMUNITIES = [
    # an urban community named down from a known place through its street or town is a body
    ("江西省高安市筠阳街道筠泉社区的居民李明说。", ["江西省高安市筠阳街道筠泉社区"]),
    ("湖北麻城市乘马岗镇红星社区，一派热闹祥和。", ["湖北麻城市乘马岗镇红星社区"]),
    # ... and one followed by its party body's head is that body
    ("江西省高安市筠阳街道筠泉社区党委书记王芳说。", ["江西省高安市筠阳街道筠泉社区党委"]),
    # no chain, no community: a street and community with no known place, or 社区 as a common noun
    ("他刚到璧泉街道观音社区工作。", []),
    ("要加强城乡社区治理。", []),
]


ASSOCIATIONS_EXCHANGES_ZOOS = [
    # heads of associations, exchanges, academies of painting and forest farms
    ("由中国钓鱼协会、厦门市体育总会与厦门亚太经济文化促进会联合举办。",
     ["中国钓鱼协会", "厦门市体育总会", "厦门亚太经济文化促进会"]),
    ("淄博书画院院长曾先国说。", ["淄博书画院"]),
    ("企业在上海证券交易所上市。", ["上海证券交易所"]),
    ("河北塞罕坝林场的职工植树造林。", ["河北塞罕坝林场"]),
    ("他是静安白领井冈山联谊会的成员。", ["静安白领井冈山联谊会"]),
    # ... each also a common word: 总会 "will always", a kind of exchange or of forest farm
    ("母亲总会说起。消费数据的波动总会有的。", []),
    ("建设创新型期货交易所，成立首家大数据交易所。", []),
    ("推进股份制林场和国有林场改革。", []),
    # zoos and botanical gardens, but not a kind of one
    ("大熊猫将抵达哥本哈根动物园。", ["哥本哈根动物园"]),
    ("中科院西双版纳热带植物园的研究员说。", ["中科院西双版纳热带植物园"]),
    ("如今生态植物园游人如织。", []),
    # 各界 (a pronoun to jieba) inside a body named after a place; 社会各界 and 各界人士 name no body
    ("香港各界扶贫促进会主席苏长荣表示。", ["香港各界扶贫促进会"]),
    ("北京各界联合会成立，社会各界人士纷纷参与。", ["北京各界联合会"]),
]


STATIONS = [
    # field and service posts of a body, named by their place or body
    ("北京市大兴区礼贤公安检查站的民警说。", ["北京市大兴区礼贤公安检查站"]),
    ("安徽省当涂县太白镇综合文化站开展活动。", ["安徽省当涂县太白镇综合文化站"]),
    # China's polar stations by full name, with the national prefix written before them
    ("中国北极黄河站落成于2004年。", ["中国北极黄河站"]),
    ("2月26日，南极中山站迎来30岁生日。", ["南极中山站"]),
    # ... but a kind of station, a railway station and a service post name no body
    ("目前，全国共有救助管理站1817个，我国第一座南极科考站建成。", []),
    ("八达岭长城站初露雏形，社区养老服务站和院士工作站相继建成。", []),
]


FIELDS_JOINED = [
    # 与 joins two fields inside the name of a body under a university, an academy or a place
    ("中国社会科学院世界经济与政治研究所研究员张明说。", ["中国社会科学院世界经济与政治研究所"]),
    ("北京师范大学艺术与传媒学院院长胡智锋表示。", ["北京师范大学艺术与传媒学院"]),
    ("西北大学信息科学与技术学院2015级学生。", ["西北大学信息科学与技术学院"]),  # jieba: 信息科学/nt
    ("美国战略与国际问题研究中心高级顾问说。", ["美国战略与国际问题研究中心"]),
    # ... and in the name of a part of a body
    ("北京大学公共卫生学院卫生政策与管理系教授吴明说。", ["北京大学公共卫生学院卫生政策与管理系"]),
    ("美国波士顿大学地球与环境系教授说。", ["美国波士顿大学地球与环境系"]),
    # ... never a name to a name, nor two bodies, nor fields no body or place holds
    ("公司与清华大学研究所合作。", ["清华大学研究所"]),
    ("厦门大学经济学院与王亚南经济研究院院长说。", ["厦门大学经济学院", "王亚南经济研究院"]),
    ("将幼儿园与幼师学院建设统一起来。", ["幼师学院"]),
    ("北京大学中文系与历史系的学生。", ["北京大学中文系"]),
]


# Each table above holds sentences and the bodies found in them, in order; one test reads them all.
BODIES_IN_ORDER = {
    "a_delegation_to_a_session_is_apart_from_the_body_in_session": DELEGATIONS,
    "local_commissions_and_bodies_sharing_an_office": LOCAL_COMMISSIONS,
    "local_departments_by_short_form": LOCAL_DEPARTMENTS,
    "registered_companies_keep_their_trade_name": TRADE_NAMES,
    "verbs_ending_in_a_head_campuses_and_rare_characters": HEAD_VERBS_CAMPUSES_RARE_CHARACTERS,
    "an_academys_institute_is_named_after_it": ACADEMY_INSTITUTES,
    "known_bodies_and_what_follows_them": KNOWN_BODIES,
    "communities_named_by_their_chain": COMMUNITIES,
    "heads_of_associations_and_exchanges": ASSOCIATIONS_EXCHANGES_ZOOS,
    "stations_of_a_body_and_polar_stations": STATIONS,
    "two_fields_joined_in_one_name": FIELDS_JOINED,
}


@pytest.mark.parametrize("sentence, bodies", [
    pytest.param(sentence, bodies, id=f"{group}-{i}")
    for group, cases in BODIES_IN_ORDER.items() for i, (sentence, bodies) in enumerate(cases)
])
def test_bodies_found_in_order(run, sentence, bodies):
    assert [inst.canonical for inst in run(sentence)] == bodies

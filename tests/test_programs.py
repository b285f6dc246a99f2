"""Named programs: real sentences (seed-like and People's Daily) with the programs they name, and traps."""

from __future__ import annotations

import pytest

from pipeline.document import InstitutionFinding, Span
from pipeline.programs import ProgramStage


@pytest.fixture(scope="module")
def programs(resources, make_doc):
    stage = ProgramStage(resources)

    def run(text: str, institutions: list[InstitutionFinding] | None = None):
        doc = make_doc(text)
        doc.institutions = institutions or []
        return stage(doc)

    return run


FOUND = [
    # quoted name headed by a program noun
    ("巴南区教师进修学校形成了独树一帜的师资培训“12345”模式。", [("12345", "model")]),
    ("潼南区教师进修学院还创新构建研训工作“13568”总体思路。", [("13568", "strategy")]),
    ("通过开展“红烛红心,同研同行”党建品牌创建活动,深化研训一体。", [("红烛红心,同研同行", "brand")]),
    ("稳步推进“平安故宫”工程，开放面积逐年扩大。", [("平安故宫", "project")]),
    ("这支文艺队参加溧河乡“文化进万家”合唱比赛，得了第二名。", [("文化进万家", "activity")]),
    # named exhibitions, fairs and festivals: a quoted name before an event noun
    ("故宫博物院“贺岁迎祥——紫禁城里过大年”展览吸引了众多观众。", [("贺岁迎祥——紫禁城里过大年", "activity")]),
    ("“丹青宝筏：董其昌书画艺术大展”在上海开幕。", [("丹青宝筏：董其昌书画艺术大展", "activity")]),
    ("春节期间还将举办“汉字之美”中国书法家作品展。", [("汉字之美", "activity")]),
    # an event named by its edition or year, up to its event noun
    ("1月26日，第五届京津冀中华大庙会在天津开幕。", [("第五届京津冀中华大庙会", "activity")]),
    ("2019年春节团拜会在北京人民大会堂举行。", [("2019年春节团拜会", "activity")]),
    ("首届中国国际进口博览会在上海举办。", [("首届中国国际进口博览会", "activity")]),
    # an event held or attended, named by a proper word and an event noun
    ("他代表合作社到香港参加亚洲农产品展。", [("亚洲农产品展", "activity")]),
    ("当地将召开世界VR产业大会。", [("世界VR产业大会", "activity")]),
    # a quoted name that ends in its own program noun
    ("以“五有课堂”开启中小学课堂教学改革。", [("五有课堂", "model")]),
    ("香港“青年内地交流资助计划”等重点项目。", [("青年内地交流资助计划", "plan")]),
    # codes and numeric slogans
    ("大足职教中心实施“1+X”课证融通人才培养模式。", [("1+X", "model")]),
    ("荣昌区教师进修学校提炼出了“B-PDCA”培训模式。", [("B-PDCA", "model")]),
    ("该企业发布了智能汽车开放平台“D++”。", [("D++", "model")]),
    # exercises named by a quoted word before 演习, or with their year after a dash
    ("空军组织“红剑”演习。", [("红剑", "activity")]),
    ("从“和平使命—2018”到“海上联演—2018”，演习场次之多前所未有。",
     [("和平使命—2018", "activity"), ("海上联演—2018", "activity")]),
    ("这是学院围绕“党建+服务”，发挥示范引领作用的创新实践。", [("党建+服务", "model")]),
    ("勤研力训真抓实干，助力“双减”减负不减质。", [("双减", "policy")]),
    ("确保党对学院“三重一大”的决策部署落实。", [("三重一大", "policy")]),
    ("这是在践行“两个维护”，担实“两个责任”。", [("两个维护", "policy"), ("两个责任", "policy")]),
    # lists of quoted names share the head noun after them
    ("打造了“线描画”“泥塑”“剪纸”等优秀课程。", [("线描画", "course"), ("泥塑", "course"), ("剪纸", "course")]),
    ("全面实行“河长制”“湖长制”“林长制”，严格落实责任。", [("河长制", "policy"), ("湖长制", "policy"), ("林长制", "policy")]),
    # book titles that name a plan or policy
    ("《新时代基础教育强师计划》提出要深化精准培训改革。", [("新时代基础教育强师计划", "plan")]),
    ("国务院办公厅印发《关于深入推进审批服务便民化的指导意见》。", [("关于深入推进审批服务便民化的指导意见", "policy")]),
    # ... treaties, conventions and regulations are named policies too
    ("美国政府宣布启动退出《中导条约》程序。", [("中导条约", "policy")]),
    ("1月18日，《黑龙江省优化营商环境条例》出台。", [("黑龙江省优化营商环境条例", "policy")]),
    ("各方应落实《巴黎协定》的承诺。", [("巴黎协定", "policy")]),
    # a declaration and a set of measures are named in 《》 only (想办法 is no program)
    ("会议通过了《阿斯塔纳宣言》。", [("阿斯塔纳宣言", "policy")]),
    # a lantern fair and a garden party are events a quoted name may head
    ("2月19日，“福满京城，春贺神州”元宵节灯会在北京全市铺展。", [("福满京城，春贺神州", "activity")]),
    ("昌江县举行的“木棉花民族音乐汇”游园会，吸引了众多游客。", [("木棉花民族音乐汇", "activity")]),
    # the theme an event is held under (以“…”为主题), a slogan of two parallel parts
    ("今年春节期间，北京市以“福满京城，春贺神州”为主题，推出系列活动。", [("福满京城，春贺神州", "activity")]),
    ("工信部印发《绿色工厂评价办法》，我们要想办法落实。", [("绿色工厂评价办法", "policy")]),
    # a quoted name heading a performance
    ("“盛世皇城”系列大型实景演出以互动为亮点。", [("盛世皇城", "activity")]),
    # unquoted names after a launch verb, ending in a strong program noun
    ("夯实实施乡村振兴战略的基础。", [("乡村振兴战略", "strategy")]),
    ("潼南区教师进修学院依托国培计划，全面促进融合创新发展。", [("国培计划", "plan")]),
    ("深入实施乡村教师支持计划、银龄讲学计划。", [("乡村教师支持计划", "plan"), ("银龄讲学计划", "plan")]),
    # the verb's complement (实施好) is no part of the first item
    ("实施好农村安居和游牧民定居工程、城镇保障性安居工程。",
     [("农村安居和游牧民定居工程", "project"), ("城镇保障性安居工程", "project")]),
    # enumerations whose items share a program noun
    ("教研方面，提出了“五路并举”工作思路，包括菜单式服务制、兼职教研员制、师徒结对制。",
     [("五路并举", "strategy"), ("菜单式服务制", "policy"), ("兼职教研员制", "policy"), ("师徒结对制", "policy")]),
    # a short quoted name that is all the object of a verb launching or upholding it
    ("潼南区教师进修学校坚持“研训合一”，教研质量稳步提升。", [("研训合一", "other")]),
    # ... or a motto of a few short parallel parts
    ("九江市坚持“生态优先、绿色发展”，努力实现总量质量提升。", [("生态优先、绿色发展", "other")]),
    ("各地要结合实际，推进“厕所革命”。", [("厕所革命", "other")]),
    ("欧洲推出“欧洲脑１０年”，日本也有类似计划。", [("欧洲脑１０年", "other")]),
    #   or of one noun saying what sort of thing it is
    ("大多数商场甚至推出“无搬动服务”，即商品到家到位。", [("无搬动服务", "other")]),
    ("本版推出“春节返乡看新风”系列报道，呈现返乡见闻。", [("春节返乡看新风", "other")]),
    #   a launch verb the segmenter kept whole with its adverb (联合推出)
    ("故宫博物院和腾讯联合推出“古画会唱歌”，由故宫精选出经典名画。", [("古画会唱歌", "other")]),
    # a campaign fought (打好, 打赢) is launched; not one referred back to (这场…攻坚战)
    ("坚决打赢脱贫攻坚战，打好污染防治攻坚战。", [("脱贫攻坚战", "campaign"), ("污染防治攻坚战", "campaign")]),
    ("打赢这场村容整治攻坚战。", []),
    # ... and so is a battle (保卫战); a verb after the launch verb is no part of the name (推动|打好)
    ("坚决打赢蓝天保卫战，扎实推进净土保卫战。", [("蓝天保卫战", "campaign"), ("净土保卫战", "campaign")]),
    ("依法推动打好污染防治攻坚战。", [("污染防治攻坚战", "campaign")]),
    ("推进实施乡村振兴战略。", [("乡村振兴战略", "strategy")]),
    # quoted speech (a stretch holding a sentence's end) is prose: a launch verb in it is read
    ("“港珠澳大桥正式竣工，是中国实施创新驱动发展战略的体现。”", [("港珠澳大桥", "project"), ("创新驱动发展战略", "strategy")]),
    ("他说：“去年是国家实施乡村振兴战略的第一年。我们要推动乡村振兴。”", [("乡村振兴战略", "strategy")]),
    # a strategy or a battle held to (贯彻, 践行) is a program, as one launched
    ("贯彻京津冀协同发展战略，推动高质量发展。", [("京津冀协同发展战略", "strategy")]),
    ("积极践行电商精准扶贫战略，从产业扶贫入手。", [("电商精准扶贫战略", "strategy")]),
    # ... and a set of campaigns named by its count; not a set of anything else (三大工程)
    ("协同打好三大攻坚战。", [("三大攻坚战", "campaign")]),
    ("实施三大工程。", []),
    ("那曲植树重大科技攻关项目启动。", []),
    # a quoted title after the noun that says what sort of program it is
    ("在宣传海丝文化知识的展览“海丝路·聆花语”，吸引了大量游客。", [("海丝路·聆花语", "activity")]),
    ("基地联合研发体验式课程“红军的一天”。", [("红军的一天", "course")]),
    ("他是非物质文化遗产项目“海上书法”代表性传承人。", [("海上书法", "project")]),
    ("谢翰文负责举办的“抗大成绩展览会”，共陈列出300多件展品。", [("抗大成绩展览会", "activity")]),
    # names that start with an administrative area
    ("今年6月,潼南区2023年教育信息化编程教育教师培训开班仪式在区教师进修学院举行。",
     [("潼南区2023年教育信息化编程教育教师培训", "activity")]),
    # a project named after a place or proper name, with no launch verb (from the first proper word)
    ("苏丹政府决定在尼罗河上游兴建麦洛维大坝项目，由三峡中水电牵头。", [("麦洛维大坝项目", "project")]),
    ("2016年，他进入北京城市副中心综合管廊工程六标项目部。", [("北京城市副中心综合管廊工程", "project")]),
    ("三峡工程是世界上最大的水电站。", [("三峡工程", "project")]),
    ("秦山核电二期工程是我国目前在建的三个核电项目之一。", [("秦山核电二期工程", "project")]),
    # ... and so is an exhibition, a person's too; 发展, 办展 end in 展 without being one
    ("现场还有景德镇陶瓷民俗文化展、瓷乐表演等。", [("景德镇陶瓷民俗文化展", "activity")]),
    ("南京博物院推出韩美林生肖艺术展。", [("韩美林生肖艺术展", "activity")]),
    # the names joined to a launched one are objects of the same verb
    ("实施乡村振兴战略和京津冀协同发展战略。", [("乡村振兴战略", "strategy"), ("京津冀协同发展战略", "strategy")]),
    ("实施乡村振兴战略和加强基层建设。", [("乡村振兴战略", "strategy")]),  # (a joined clause names none)
    # a competition named after a place or a proper word, and what keeps it as the name's topic (冠军)
    ("她获得深圳网球公开赛冠军，并拿下WTA巡回赛首胜。", [("深圳网球公开赛", "activity"), ("WTA巡回赛", "activity")]),
    # games and fairs named after their host city: two characters name them (北京冬奥会), a year before
    # is no count of them, and a body before the city is no part of the name
    ("他们将全力以赴备战北京冬奥会。", [("北京冬奥会", "activity")]),
    ("2018年平昌冬奥会，他们获得银牌。", [("平昌冬奥会", "activity")]),
    ("中国国际进口博览会将于11月举行。", [("中国国际进口博览会", "activity")]),
    ("中国科技馆二期工程开工。", [("中国科技馆二期工程", "project")]),
    ("消除对“一国两制”的政策会不会变的担心。", [("一国两制", "policy")]),  # (a set phrase, no idiom)
    # days the calendar keeps: to a lone 日 or 节, or to one word ending in it; quoted or not
    ("5月18日国际博物馆日当天，博物馆免费开放。", [("国际博物馆日", "activity")]),
    ("2016年4月24日首个“中国航天日”到来之际。", [("中国航天日", "activity")]),
    ("世界读书日和全民国家安全教育日，还有中国农民丰收节。",
     [("世界读书日", "activity"), ("全民国家安全教育日", "activity"), ("中国农民丰收节", "activity")]),
    ("今年全国助残日的主题是自强。", [("全国助残日", "activity")]),
    ("中国·哈尔滨国际冰雪节开幕。", [("哈尔滨国际冰雪节", "activity")]),
    # a quoted name before APP or 客户端 is an app's brand
    ("村民下载“智慧阜南”APP，足不出户办事。", [("智慧阜南", "brand")]),
    ("他打开“海客”客户端看新闻。", [("海客", "brand")]),
    # the national programs papers name with no cue at all (program_names.tsv)
    ("坚持新发展理念，推动构建人类命运共同体。", [("新发展理念", "other"), ("人类命运共同体", "other")]),
    ("深化供给侧结构性改革，确保打赢三大攻坚战。", [("供给侧结构性改革", "policy"), ("三大攻坚战", "campaign")]),
    ("继续实施积极的财政政策和稳健的货币政策。", [("积极的财政政策", "policy"), ("稳健的货币政策", "policy")]),
    ("全面建立河长制，让河流长治久清。", [("河长制", "policy")]),
    ("港珠澳大桥、广深港高铁建成通车。", [("港珠澳大桥", "project"), ("广深港高铁", "project")]),  # major projects
    # a numeric slogan that counts words, not events
    ("坚持“九个必须坚持”，增强“四个意识”。", [("九个必须坚持", "policy"), ("四个意识", "policy")]),
    # its short form beside the longer name is that program, not another
    ("乡村振兴是大事，乡村振兴战略是总抓手。", [("乡村振兴战略", "strategy")]),
    # the numbered members of a national series (program_series.tsv), with a variant letter or by 号 alone
    ("嫦娥四号着陆器与玉兔二号巡视器分离。", [("嫦娥四号", "project"), ("玉兔二号", "project")]),
    ("长征二号丁运载火箭发射风云四号A星，神舟十一号返回。",
     [("长征二号丁", "project"), ("风云四号A", "project"), ("神舟十一号", "project")]),
    ("蛟龙号和雪龙2号完成科考。", [("蛟龙号", "project"), ("雪龙2号", "project")]),
    # a meeting named after a proper word, and a meeting or a match opened by a word of reach; a count
    # inside a place's own name is no count of it
    ("宣言于2018年10月在全球初级卫生保健会议上通过。", [("全球初级卫生保健会议", "activity")]),
    ("去年中央经济工作会议，再次作出部署。", [("中央经济工作会议", "activity")]),
    ("2018年年底的全国锦标赛是他们复出后的首次亮相。", [("全国锦标赛", "activity")]),
    ("2019年四大洲花样滑冰锦标赛结束了双人滑比赛的争夺。", [("四大洲花样滑冰锦标赛", "activity")]),
    # a motto upheld with 的 and its sort (its parts may end on a rank), and a framework named in quotes
    ("天津要牢固树立“产业第一、企业家老大”的理念，以敬畏之心对待企业家。", [("产业第一、企业家老大", "other")]),
    ("建立“双支柱”调控框架，避免房价大起大落。", [("双支柱", "policy")]),
    # a quote right after a verb that holds an event or organises a program, and 的
    ("包括故宫博物院举办的“紫禁城上元之夜”在内，19处景点开放。", [("紫禁城上元之夜", "activity")]),
    ("这是服务大厅推出的“预约服务”；读者不必排队。", [("预约服务", "other")]),
    # a quoted short form of a program the article names in full: its title without the subtitle,
    # a series without the member's number
    ("举行的“创想汽车城——开往幸福的节日专车”主题系列活动。环节是，“创想汽车城”中设置了站点。",
     [("创想汽车城——开往幸福的节日专车", "activity"), ("创想汽车城", "activity")]),
    ("“嫦娥”探月。嫦娥四号着陆器成功着陆。", [("嫦娥", "project"), ("嫦娥四号", "project")]),
    # a guideline named by how many characters it has
    ("中央经济工作会议的八字方针在金融领域已有作为。", [("中央经济工作会议", "activity"), ("八字方针", "policy")]),
    ("坚持十六字方针。", [("十六字方针", "policy")]),
    # a prize named in quotation marks
    ("2011年，仲跻昆获得“翻译文化终身成就奖”，这是我国翻译界的最高荣誉。", [("翻译文化终身成就奖", "other")]),
    ("他获得阿联酋“谢赫扎耶德图书奖之年度文化人物奖”。", [("谢赫扎耶德图书奖之年度文化人物奖", "other")]),
]


@pytest.mark.parametrize("text,expected", FOUND)
def test_programs_found(programs, text, expected):
    doc = programs(text)
    assert sorted((p.text, p.kind) for p in doc.programs) == sorted(expected)


TRAPS = [
    # a counted word of the dictionary that is an idiom or a plain noun is no slogan (一国两制 is)
    "要避免“一刀切”，也要防止“一言堂”。",
    "两岸是“一家人”，要建好“两翼”。",
    "社会实践活动以“红色”为主题，引导大学生走进中小学校园。",  # a theme of one phrase describes the event
    "杨柳青的大型元宵灯会以“祝福祖国”为主题，吸引了众多游客。",
    # an app named by its kind, unquoted, is no brand
    "学校排查学习类APP，手机APP也要管。",
    # honour titles
    "成功培养出“全国先进工作者”刘琳、李蓬春,“全国优秀教师”周恒等一批先进典型教师代表。",
    "先后获得“重庆市继续教育先进单位”“重庆市教育科研先进单位”等荣誉称号。",
    # quoted speech
    "“推进学科育人的实践中，教师变成了学者。”学院副院长黄吉元说。",
    "他表示：“要把刹住歪风作为重要途径。”",
    # mottos, goals and qualities in quotes
    "瞄准“提质量、达优秀、创学院”目标，学校正展现更多作为。",
    "秉承“低调、务实、高效、廉洁、安全”的工作作风。",
    # quoted institution names and people described by a slogan
    "随着学院筹建的“北碚教育博物馆”的正式对外开放。",
    "按“四有”好教师的标准，专注于提升干部和教师的综合素质。",
    # numeric words for a domain or a class of things, quoted like slogans but naming no initiative
    "以服务“三农”为己任，坚决纠正“四风”。",
    "严厉打击“三股势力”。",
    # scare quotes around ordinary words
    "进修校是交流教育思想的“集散地”、驱动成长的“发动机”。",
    # book titles of publications and agreements
    "正式出版涵盖3个学段的《小学生学习力提升》读本。",
    "与绵阳社区大学签署了《社区教育协同发展战略合作框架协议》。",
    # generic nouns after a launch verb, and a back-reference to a title
    "制定考核制度，完善队伍激励机制。",
    # a count of actions launched is a figure, not a name
    "执法机构和公安机关发起数十起查处行动。",
    "全年召开17次警示教育大会。",
    # after a verb that upholds, a name is a strategy's or a battle's; a way of working is a phrase
    "要尽职责，坚持依法行动，严守政策纪律。",
    "一直坚持手工缝制、量体裁衣。",
    "各地要认真落实《规划》要求。",
    # a name does not run left over a hosting verb, whatever jieba tags it (参观 n)
    "习主席来到中国空间技术研究院参观空间技术成就展览。",
    # a quoted object of a verb that neither launches nor upholds, or one the clause goes on past
    "球队实现“开门红”。",
    "坚持“房子是用来住的、不是用来炒的”定位。",
    # 展 ends 发展 and 铺展 as well as an exhibition
    "促进学生“德、智、体、美、劳”全面发展。",
    "一幅“河畅、水清、堤固、岸绿、湖美”的田园画卷徐徐铺展。",
    # an event noun after a hosting verb with no proper word before it, or inside a word (展|演)
    "教师参加市级以上业务竞赛获奖。",
    "景区举办苗族歌舞展演、跳芦笙等活动。",
    # a counted or generic project, a sport's event, and one word of jieba's whose first part is no name
    "参加过全部三座大坝项目工程的老员工。",
    "9个玉米燃料乙醇项目在黑龙江布局。",
    "中国扶贫项目取得成效。",
    "坚持推进党的建设新的伟大工程。",
    "推动中国经济高质量发展。",
    "批准了9个内地团组赴澳门招商办展。",
    "他是清华大学电机工程与应用电子技术系教授。",
    # a word tagged a place that is an everyday word (城市, 高山), and a university's field of study
    "例如高山滑雪项目，运动员常常要在零下20摄氏度训练。",
    "全市城市轨道交通项目建设进展顺利。",
    "他毕业于大连海事大学轮机工程专业。",
    # an ordinal event name is not a slogan code
    "在“第一硬件”提档升级中走在前列。",
    # a noun before a quote that is no title: the quote is what it does or undergoes, or speech
    "关键的资源平台“扶一把”也同样重要。",
    "实现省级涉企行政事业性收费项目“清零”。",
    "故宫“亮”了！",
    "巴基斯坦环境友好型工程“中国朋友帮我们建设现代化水电站”。",
    "在距离英国原计划“脱欧”大限不到50天。",
    # an idiom in quotation marks before 的 describes, it does not name
    "中国向世界奉献了一届“无与伦比”的夏季奥运会。",
    # a two-character name before a short noun
    "上海展正式开幕。",
    # no day: a word that ends in 日 or 节, a holiday of its own, a count, Japan, a generic day
    "中国人的节日，世界各地春节。",
    "中国建设者夜以继日地工作。",
    "中国驻朝大使馆共庆元宵节。",
    "东南亚国家输往日韩、北美等地。",
    "今年是国家法定节假日最多的一年。",
    "中国传统节日受到欢迎。",
    # a quoted clause after 坚持 that is a speaker's words, not a motto
    "他坚持“我们要把这件事情做好、做实、做细、做到群众心坎上”，干部们都很认同。",
    # a count said inside the would-be name: a clause about how many there are
    "民族打跳等活动；红河哈尼族彝族自治州建水县有近百项文化旅游活动，游客还可到建水紫陶。",
    # a quoted count of events of a sort (a list of them, or one) is no name, by either route
    "大会由“六个专题研讨会”“一个主题报告会”和“三个分组论坛”构成。",
    "春节期间全市推出“十大庙会”和“五十项展览”。",
    # a national program's name inside a longer word is none of it
    "他说自己的中国梦想是开一家书店。",
    "这是一条河长制度化管理的经验。",
    # a series that is an everyday word, or one that names no craft by 号 alone, needs its number
    "在实践中锻炼，长征号列车开行，海洋号渔船靠岸。",
    # a series inside a longer word is none of it
    "他是全场最高分一号选手。",
    # a verb read with the meeting as one word, a show a word of reach opens,
    # a conjunction tagged as a body, and the quoted verb of an occasion's noun name no event
    "汪洋主持会议。杨振武出席会议。",
    "在全国巡展的同时，它的石榴打进了国际博览会。",
    "丁薛祥在中央和国家机关党的工作暨纪检工作会议强调。",
    "欧洲主要国家仍然不同程度地“冷处理”本次会议。",
    # a quoted park or square is a place, however it opens (九榕: nine banyans)
    "村民不但修建了“九榕公园”，还建成一千余米的木栈道。",
    # what is built or drawn up is no named program
    "乘务人员将孕妇转移到在车厢搭建的“临时产房”中。",
    "在她看来，欧洲在各领域制定的“条条框框”已经限制了经济发展。",
    # an ordinal inside a quote, or a rank standing alone, names nothing
    "他说这是“第一”。参加“第十六届”评选。",
    # how many programs of a sort, after a launch verb: no one program's name
    "前海将逐步推出更多试点项目及开放措施。",
    "各地实施一些大型基建项目。",
    # one character quoted is a word talked about
    "君子的内在修养，“质”指的是本心，“文”指的是文采。",
    "中国航船行得“稳”，百姓日子过得“进”。",
    # a prize after a quote is the quoted work's, not its head; honours named together are no programs
    "“莫高窟161窟起甲壁画修复”荣获文化部科技成果一等奖。",
    "作品多次荣获全国中小学校园影视“影视教学”类一等奖。",
    "学校先后获得“重庆市教育科研先进单位”“重庆市政府教学成果奖”等荣誉称号。",
]


@pytest.mark.parametrize("text", TRAPS)
def test_not_programs(programs, text):
    assert [p.text for p in programs(text).programs] == []


def test_a_quoted_everyday_word_is_no_short_form(programs):
    """“设计” begins 设计·责任 and “形象” 形象工程, but a two-character word before a subtitle or a
    program noun is a scare-quoted word, not the program's short form."""
    doc = programs("“设计”越来越多地与社会相连。展览“设计·责任”开幕。“形象”要紧，不搞“形象工程”。")
    assert sorted(p.text for p in doc.programs) == ["形象工程", "设计·责任"]


def test_definition_expands_the_name(programs):
    text = "“三为”即“为学而教，为学而建，为学而评”，基本理念是坚持“为促进学而教”。"
    doc = programs(text)
    (three,) = [p for p in doc.programs if p.text == "三为"]
    assert doc.slice(three.definition) == "即“为学而教，为学而建，为学而评”"


def test_owner_is_the_institution_of_the_sentence(programs):
    text = "荣昌区教师进修学校提炼出了“B-PDCA”培训模式。"
    school = InstitutionFinding("荣昌区教师进修学校", "training_institute", [Span(0, 9)], ["荣昌区教师进修学校"])
    doc = programs(text, [school])
    assert [(p.text, p.owner, p.mentions) for p in doc.programs] == [("B-PDCA", "荣昌区教师进修学校", [Span(14, 20)])]


def test_national_policy_has_no_owner(programs):
    doc = programs("勤研力训真抓实干，助力“双减”减负不减质。")
    assert [(p.text, p.owner) for p in doc.programs] == [("双减", "")]


def test_a_bodys_session_is_no_event(programs):
    text = "第十三届全国人民代表大会第二次会议开幕。"
    start = text.index("全国人民代表大会")
    body = InstitutionFinding(canonical="全国人民代表大会", kind="government",
                              mentions=[Span(start, start + 8)], aliases=["全国人民代表大会"])
    assert [p.text for p in programs(text, institutions=[body]).programs] == []


def test_a_bodys_own_meeting_is_its_session(programs):
    text = "国际雪联会议和江西省政府常务会议都研究了这件事。"
    assert [p.text for p in programs(text, _bodies(text, "国际雪联", "江西省政府")).programs] == []


def _bodies(text: str, *names: str) -> list[InstitutionFinding]:
    return [InstitutionFinding(name, "other", [Span(text.index(name), text.index(name) + len(name))], [name])
            for name in names]


def test_an_event_name_starts_after_a_body(programs):
    text = "国际奥委会北京冬奥会，中国科技馆二期工程。"
    found = programs(text, institutions=_bodies(text, "国际奥委会", "中国科技馆")).programs
    assert [p.text for p in found] == ["北京冬奥会", "中国科技馆二期工程"]  # (a project may be named after its body)


def test_an_event_inside_a_bodys_name_is_none(programs):
    text = "北京冬奥会协调委员会召开会议。"
    assert programs(text, institutions=_bodies(text, "北京冬奥会协调委员会")).programs == []


def test_a_national_program_inside_a_bodys_name_is_none(programs):
    text = "全国扫黑除恶专项斗争领导小组办公室通报案件。"
    assert programs(text, institutions=_bodies(text, "全国扫黑除恶专项斗争领导小组办公室")).programs == []


@pytest.mark.parametrize("text, expected", [
    # a document's title without book-title marks, from 关于 to its kind
    ("中共中央、国务院印发关于打赢脱贫攻坚战三年行动的指导意见，进一步完善政策。",
     ["关于打赢脱贫攻坚战三年行动的指导意见"]),
    ("会议审议通过了关于全面加强生态环境保护依法推动打好污染防治攻坚战的决议。",
     ["关于全面加强生态环境保护依法推动打好污染防治攻坚战的决议"]),
    # inside 《》 it is step 2's, found once; a 关于 that reaches no document's kind in the clause is none
    ("印发《关于加强农产品品牌建设的意见》。", ["关于加强农产品品牌建设的意见"]),
    ("他谈了关于教育改革的想法，提出意见。", []),
])
def test_a_documents_title_without_book_title_marks(programs, text, expected):
    assert [p.text for p in programs(text).programs if p.text.startswith("关于")] == expected

"""Article metadata: container hints win; otherwise read from the page head and foot."""

from __future__ import annotations

import pytest

from pipeline.metadata import iso_date

PAGE_HEAD = ("党建统领 研训一体 铸就教师发展硬实力\n第019版:落实“双减”在行动\n上一版 下一版 \n重庆日报 | 重庆科技报\n"
             "2023 年 12 月 01 日 星期 放大 缩小 默认 \n潼南区教师进修学院\n"
             "作为区域性的教师研训机构，潼南区教师进修学院肩负着历史使命。\n")


def test_page_metadata(make_doc):
    doc = make_doc(PAGE_HEAD + "学院获奖165人次。\n  谭茭 陈锐 图片由潼南区教师进修学院提供\n")
    meta = doc.meta
    assert meta.title == "党建统领 研训一体 铸就教师发展硬实力"
    assert (meta.date, meta.newspaper, meta.page) == ("2023-12-01", "重庆日报", "第019版")
    assert meta.authors == ["谭茭", "陈锐"]
    assert meta.photo_credit == "潼南区教师进修学院"
    assert [doc.slice(s) for s in meta.author_spans] == ["谭茭", "陈锐"]


def test_hints_win(make_doc):
    doc = make_doc("正文第一段，没有标题。", title="给定标题", date="2019-02-01", newspaper="人民日报", page="1")
    assert (doc.meta.title, doc.meta.date, doc.meta.newspaper, doc.meta.page) == ("给定标题", "2019-02-01", "人民日报", "1")


@pytest.mark.parametrize(
    "text, authors",
    [
        ("本报北京1月31日电 （记者杜一菲）国家主席习近平31日在人民大会堂同卡塔尔埃米尔举行会谈。", ["杜一菲"]),
        ("学校获评示范校。\n姚兰 何霜 胡忠英\n图片由巴南区教师进修学校提供", ["姚兰", "何霜", "胡忠英"]),
        # a signature under a quoted speech is a single name, not a byline
        ("为全区教育事业发展提供智力支撑。\n——重庆市巴南区教师进修学校校长\n何远疆", []),
        ("学校开展科技活动。\n教学质量 稳步提升", []),
        # a round-up's byline closes it, and may list a dozen reporters
        ("标题\n第一段。\n第二段。\n第三段。\n各地春运平稳有序。（本报记者贺勇、曹玲娟、李茂颖、黄晓慧、史自强、罗艾桦、郑少忠、"
         "任江华、程远州、方圆、王锦涛、沈文敏）",
         ["贺勇", "曹玲娟", "李茂颖", "黄晓慧", "史自强", "罗艾桦", "郑少忠", "任江华", "程远州", "方圆", "王锦涛", "沈文敏"]),
        # a graphics credit names its maker
        ("学校获评示范校。\n本版制图：蔡华伟", ["蔡华伟"]),
        # a two-character name set with a space, to line up with three-character names, is one name
        ("学校获评示范校。\n制图：郭 祥", ["郭祥"]),
        ("标题\n正文。\n本报记者 张 炜 崔 佳\n正文。", ["张炜", "崔佳"]),
        ("标题\n正文。\n本报驻埃及记者 曲翔宇 刘 慧\n除夕。", ["曲翔宇", "刘慧"]),
        ("标题\n正文。\n本报赴柬埔寨特派记者 丁 子 赵益普\n除夕。", ["丁子", "赵益普"]),
        # ... and a byline may close with what the reporters did
        ("标题\n正文说了很多话。\n（本报记者 胡 果 朱 虹采访整理）", ["胡果", "朱虹"]),
        ("标题\n正文说了很多话。\n（本报记者 张 文整理）", ["张文"]),
        # lone characters that are no surname, or one left over, make no name
        ("标题\n正文。\n——编 者", []),
        ("标题\n正文。\n本报记者 张 炜 崔", []),
        # a news agency's dateline may open the brackets, and titled lists share them
        ("标题\n正文。\n（新华社北京2月4日电  执笔记者：丁小溪、姜潇；参与记者：吴晶、史竞男）",
         ["丁小溪", "姜潇", "吴晶", "史竞男"]),
        # a round-up compiled from the paper's reporters
        ("标题\n正文。\n（综合本报记者贺勇、施芳、王昊男报道）", ["贺勇", "施芳", "王昊男"]),
        # a reporter's source is no byline
        ("标题\n第一段。\n第二段。\n第三段。\n（记者从教育部获悉）", []),
    ],
)
def test_bylines(make_doc, text, authors):
    assert make_doc(text).meta.authors == authors


@pytest.mark.parametrize(
    "text, iso",
    [("2023 年 12 月 01 日 星期五", "2023-12-01"), ("2019-02-01", "2019-02-01"), ("２０１９年２月１日", "2019-02-01"),
     ("2019年13月1日", None), ("no date", None)],
)
def test_iso_date(text, iso):
    assert iso_date(text) == iso


@pytest.mark.parametrize(
    "line, authors",
    [("文秀月 许珊 黄丹", ["文秀月", "许珊", "黄丹"]), ("文/王晓光 李明", ["王晓光", "李明"]),
     ("本报记者 王晓光 李明", ["王晓光", "李明"])],
)
def test_byline_role_words_need_a_separator(make_doc, line, authors):
    assert make_doc(f"学校获评示范校。\n{line}").meta.authors == authors


def test_a_spaced_name_is_found_where_it_is_written(make_doc):
    doc = make_doc("标题\n正文说了很多话。\n（本报记者 胡 果 朱 虹采访整理）")
    assert [doc.slice(span) for span in doc.meta.author_spans] == ["胡 果", "朱 虹"]


@pytest.mark.parametrize("text, roles", [
    ("学校获评示范校。\n本版制图：蔡华伟", {"蔡华伟": "制图"}),
    # the page's other credits: layout, editing (a web page's closing brackets)
    ("学校获评示范校。\n版式设计：沈亦伶", {"沈亦伶": "版式设计"}),
    ("学校获评示范校。\n（责编：王瑾、王珂园）", {"王瑾": "责编", "王珂园": "责编"}),
    # a label in running text, or before what is no name, credits no one
    ("学校获评示范校。\n统筹：各部门分工协作", {}),
    ("版式设计：蔡华伟负责本版的全部设计工作。", {}),
])
def test_a_credit_gives_its_role(make_doc, text, roles):
    assert make_doc(text).meta.author_roles == roles


@pytest.mark.parametrize("text, hints, bodies", [
    # 本报 is the paper the container names; an agency's dateline names the agency, for every list after it
    ("标题\n正文。\n（综合本报记者贺勇、施芳报道）", {"newspaper": "人民日报"}, {"贺勇": "人民日报", "施芳": "人民日报"}),
    ("标题\n正文。\n（据新华社北京2月4日电  执笔记者：丁小溪；参与记者：吴晶）", {},
     {"丁小溪": "新华社", "吴晶": "新华社"}),
    # ... no paper known, or no 本报, names no body
    ("标题\n正文。\n（本报记者贺勇、施芳）", {}, {}),
    ("标题\n正文。\n（记者贺勇、施芳）", {"newspaper": "人民日报"}, {}),
])
def test_a_byline_names_the_reporters_body(make_doc, text, hints, bodies):
    assert make_doc(text, **hints).meta.author_bodies == bodies


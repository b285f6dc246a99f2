"""Military units (military.py), as the institutions stage reports them, and a person's unit."""

from __future__ import annotations

import pytest

from pipeline.institutions import InstitutionStage
from pipeline.people import PeopleStage


@pytest.fixture(scope="module")
def institutions(resources):
    return InstitutionStage(resources)


@pytest.fixture(scope="module")
def run(institutions, make_doc):
    return lambda text: [f.canonical for f in institutions(make_doc(text)).institutions]


# (sentence, the unit it names)
UNITS = [
    # a service and an anonymised echelon, after the theatre command (two words: 中部|战区)
    ("中部战区陆军某师营长郭强说。", "中部战区陆军某师"),
    ("他所在的空降兵某军组织新兵训练。", "空降兵某军"),
    ("火箭军某部政委田明表示。", "火箭军某部"),
    # words of speciality between the service and 某, or between 某 and the echelon
    ("西部战区空军雷达某旅的雷达站。", "西部战区空军雷达某旅"),
    ("海军某舰载战斗机团飞行员张超。", "海军某舰载战斗机团"),
    # an ordinal and its formation, with the service before it and the unit after it
    ("陆军第83集团军某旅副参谋长王明说。", "陆军第83集团军某旅"),
    ("习近平来到第71集团军某旅看望官兵。", "第71集团军某旅"),
    ("谢翰文任红5军第4纵队政治部主任。", "红5军第4纵队"),
    ("率工农革命军第一师攻占县城。", "工农革命军第一师"),
    ("率领红一军团侦察连出发。", "红一军团"),
    ("他在新疆生产建设兵团第六师工作。", "新疆生产建设兵团第六师"),
    # a command over an area, named by its place, and a squad after it (org_heads' units)
    ("武警新疆总队某部特勤中队完成任务。", "武警新疆总队某部特勤中队"),
]


@pytest.mark.parametrize("sentence, unit", UNITS)
def test_a_unit_is_named_from_its_service_to_its_echelon(run, sentence, unit):
    assert unit in run(sentence)


@pytest.mark.parametrize("sentence, wrong", [
    ("尹某军仗着村干部的身份。", "尹某军"),  # an anonymised person
    ("这是某部电影的片段。", "某部"),  # 部 the classifier, with no service before it
    ("该师某团开展训练。", "该师某团"),  # 该师 points back; no service is written
    ("第一旅游公司开业。", "第一旅"),  # the ordinal's formation is inside a word
    ("他考入第二师范学院。", "第二师"),
])
def test_no_unit_without_a_service_or_a_whole_formation(run, sentence, wrong):
    assert wrong not in run(sentence)


def test_a_person_belongs_to_the_unit_before_the_title(resources, make_doc, institutions):
    doc = institutions(make_doc("中部战区陆军某师营长郭强说，训练很扎实。"))
    person = next(p for p in PeopleStage(resources)(doc).people if p.name == "郭强")
    assert (person.role, person.affiliation) == ("营长", "中部战区陆军某师")

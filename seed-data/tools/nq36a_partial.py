#!/usr/bin/env python3
"""Generates seed-data/plans/vn-36a-partial.json once: the partial parent for 36a/NQ-CP. Its full text
is not at hand; the Vĩnh Phúc plan (seeds/004, section II.2 'Các chỉ tiêu cụ thể') restates its
2016-2017 targets, and this parent holds those items in the plan's own words, targets and deadlines
included, marked partial. Nothing is paraphrased or added."""
import json
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent
ITEMS = ['II.2.a-2', 'II.2.a-3', 'II.2.b-1', 'II.2.b-2', 'II.2.c-1', 'II.2.c-2+1', 'II.2.c-2+2', 'II.2.c-3',
         'II.2.c-4', 'II.2.c-6', 'II.2.c-9', 'II.2.c-10', 'II.2.c-11']
vp = json.loads((SEEDS / 'plans' / 'vinh-phuc-36a.json').read_text(encoding='utf-8'))
found = {}
def walk(tasks):
    for t in tasks:
        found[t['code']] = t
        walk(t.get('children', []))
walk(vp['tasks'])
children = []
for i, code in enumerate(ITEMS, 1):
    t = found[code]
    child = {'code': f'{i}', 'title': t['title']}
    if 'description' in t: child['description'] = t['description']
    child.update({'isGroup': False, 'lead': 'vn/cac-bo-nganh-dia-phuong', 'coordinating': [], 'deadline': t['deadline']})
    if 'expectedOutput' in t: child['expectedOutput'] = t['expectedOutput']
    child['targets'] = t.get('targets', [])
    children.append(child)
plan = {
    'document': {
        'key': 'nq-36a-cp-2015', 'number': '36a/NQ-CP', 'kind': 'Resolution', 'issuer': 'Chính phủ', 'province': None,
        'issuedOn': '2015-10-14', 'signer': 'Nguyễn Tấn Dũng', 'title': 'Về Chính phủ điện tử', 'implements': [],
    },
    'plan': {'key': 'vn/nq-36a-cp-2015-partial', 'title': 'Nghị quyết 36a/NQ-CP về Chính phủ điện tử (một phần: các chỉ tiêu 2016-2017 do kế hoạch của tỉnh nêu lại)'},
    'partial': 'Toàn văn Nghị quyết 36a/NQ-CP không có trong dữ liệu; các mục dưới đây là các chỉ tiêu 2016-2017 của Nghị quyết '
               'được Kế hoạch thực hiện Nghị quyết 36a/NQ-CP của UBND tỉnh Vĩnh Phúc nêu lại (mục II.2), giữ nguyên lời văn của kế hoạch đó.',
    'tasks': [{'code': 'I', 'title': 'Các chỉ tiêu năm 2016-2017 (theo lời văn Kế hoạch của UBND tỉnh Vĩnh Phúc, mục II.2)', 'isGroup': True, 'children': children}],
}
(SEEDS / 'plans' / 'vn-36a-partial.json').write_text(json.dumps(plan, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
print(len(children), 'items')

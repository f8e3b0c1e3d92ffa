#!/usr/bin/env python3
"""Generates seed-data/plans/vn-03-nq-cp-2025.json and seed-data/agencies/national.json from
appendix II of 03/NQ-CP (shared corpus file 09), once. The output is committed and reviewed; run
again only to regenerate after fixing this script. Text is copied verbatim; leads are the agencies
the 'Cơ quan chủ trì' cell names (the first is the lead, any other co-lead joins the coordinating
agencies), coordinating agencies those the 'Cơ quan phối hợp' cell names."""
import json, re, sys, calendar, unicodedata
from pathlib import Path

SRC = Path(sys.argv[1] if len(sys.argv) > 1 else '/work/shared/corpus/09_nq03-cp-2025-ctr-hanh-dong-nq57.txt')
OUT = Path(__file__).resolve().parent.parent

# (key, name, shortName, kind, pattern). Order matters: longer collective phrases first, a span taken once.
AGENCIES = [
    ('vn/cac-bo-nganh-dia-phuong', 'Các bộ, ngành, địa phương', None, 'Other', r'(?:[Cc]ác )?[Bb]ộ, ngành,? (?:và )?địa phương(?: (?:liên quan|là chủ quản CSDLQG, CSDL chuyên ngành))?'),
    ('vn/cac-bo-nganh', 'Các bộ, ngành', None, 'Other', r'(?:[Cc]ác )?[Bb]ộ, ngành(?: (?:có )?liên quan)?'),
    ('vn/cac-dia-phuong', 'Các địa phương', None, 'Other', r'(?:[Cc]ác )?[Đđ]ịa phương(?: được lựa chọn| liên quan| Bắc Ninh, Bình Dương, An Giang)?|Các tỉnh, thành phố trực thuộc TW|Các thành phố trực thuộc Trung ương và một số tỉnh đủ điều kiện'),
    ('vn/doanh-nghiep-cong-nghe-so', 'Các tập đoàn, doanh nghiệp công nghệ số', None, 'Enterprise', r'Tập đoàn, doanh nghiệp công nghệ số|doanh nghiệp (?:công nghệ số|liên quan)'),
    ('vn/co-quan-dai-dien', 'Các cơ quan đại diện Việt Nam ở nước ngoài', None, 'Other', r'các cơ quan đại diện Việt Nam ở nước ngoài'),
    ('vn/co-quan-dang-quoc-hoi', 'Các cơ quan Đảng, Quốc hội', None, 'Other', r'Các cơ quan Đảng, Quốc hội'),
    ('vn/bo-tttt', 'Bộ Thông tin và Truyền thông', 'Bộ TT&TT', 'CentralBody', r'Bộ Thông tin và Truyền thông'),
    ('vn/bo-khcn', 'Bộ Khoa học và Công nghệ', 'Bộ KH&CN', 'CentralBody', r'Bộ Khoa học(?:,| và) [Cc]ông nghệ'),
    ('vn/bo-gddt', 'Bộ Giáo dục và Đào tạo', 'Bộ GD&ĐT', 'CentralBody', r'Bộ Giáo dục và Đào tạo'),
    ('vn/bo-cong-an', 'Bộ Công an', None, 'CentralBody', r'Bộ Công [Aa]n'),
    ('vn/bo-khdt', 'Bộ Kế hoạch và Đầu tư', 'Bộ KH&ĐT', 'CentralBody', r'Bộ Kế hoạch và Đầu tư'),
    ('vn/bo-noi-vu', 'Bộ Nội vụ', None, 'CentralBody', r'Bộ Nội vụ'),
    ('vn/bo-tai-chinh', 'Bộ Tài chính', None, 'CentralBody', r'Bộ Tài chính'),
    ('vn/bo-ngoai-giao', 'Bộ Ngoại giao', None, 'CentralBody', r'Bộ Ngoại giao'),
    ('vn/bo-tnmt', 'Bộ Tài nguyên và Môi trường', 'Bộ TN&MT', 'CentralBody', r'Bộ Tài nguyên và [Mm]ôi trường'),
    ('vn/bo-quoc-phong', 'Bộ Quốc phòng', None, 'CentralBody', r'Bộ Quốc phòng'),
    ('vn/bo-cong-thuong', 'Bộ Công Thương', None, 'CentralBody', r'Bộ Công Thương'),
    ('vn/vpcp', 'Văn phòng Chính phủ', 'VPCP', 'Office', r'Văn phòng Chính phủ'),
    ('vn/bo-vhttdl', 'Bộ Văn hóa, Thể thao và Du lịch', 'Bộ VHTT&DL', 'CentralBody', r'Bộ Văn hóa, Thể thao và Du lịch'),
    ('vn/bo-y-te', 'Bộ Y tế', None, 'CentralBody', r'Bộ Y tế'),
    ('vn/bo-gtvt', 'Bộ Giao thông vận tải', 'Bộ GTVT', 'CentralBody', r'Bộ Giao thông vận tải'),
    ('vn/bo-xay-dung', 'Bộ Xây dựng', None, 'CentralBody', r'Bộ Xây dựng'),
    ('vn/bo-tu-phap', 'Bộ Tư pháp', None, 'CentralBody', r'Bộ Tư pháp'),
    ('vn/bo-ldtbxh', 'Bộ Lao động - Thương binh và Xã hội', 'Bộ LĐ-TB&XH', 'CentralBody', r'Bộ Lao động - Thương binh và Xã hội'),
    ('vn/bo-nnptnt', 'Bộ Nông nghiệp và Phát triển nông thôn', 'Bộ NN&PTNT', 'CentralBody', r'Bộ Nông\s*nghiệp và [Pp]hát triển nông thôn'),
    ('vn/nhnn', 'Ngân hàng Nhà nước Việt Nam', 'NHNN', 'CentralBody', r'Ngân hàng [Nn]hà nước Việt Nam'),
    ('vn/bhxh', 'Bảo hiểm xã hội Việt Nam', 'BHXH Việt Nam', 'CentralBody', r'Bảo hiểm [Xx]ã hội Việt Nam'),
    ('vn/thanh-tra-cp', 'Thanh tra Chính phủ', None, 'CentralBody', r'Thanh tra Chính phủ'),
    ('vn/ban-tuyen-giao-tw', 'Ban Tuyên giáo Trung ương', None, 'PartyBody', r'Ban Tuyên giáo Trung ương'),
    ('vn/vtv', 'Đài Truyền hình Việt Nam', 'VTV', 'PublicService', r'\bVTV\b'),
    ('vn/vov', 'Đài Tiếng nói Việt Nam', 'VOV', 'PublicService', r'\bVOV\b'),
    ('vn/ttxvn', 'Thông tấn xã Việt Nam', 'TTXVN', 'PublicService', r'\bTTXVN\b'),
    ('vn/vien-han-lam-khcn', 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam', None, 'CentralBody', r'Viện Hàn lâm Khoa học và Công nghệ(?: Việt Nam)?'),
    ('vn/vien-han-lam-khxh', 'Viện Hàn lâm Khoa học xã hội Việt Nam', None, 'CentralBody', r'Viện Hàn lâm Khoa học [Xx]ã hội Việt Nam'),
    ('vn/tand-toi-cao', 'Tòa án nhân dân tối cao', None, 'CentralBody', r'Tòa án nhân dân tối cao'),
    ('vn/vks-toi-cao', 'Viện Kiểm sát nhân dân tối cao', None, 'CentralBody', r'Viện Kiểm sát nhân dân tối cao'),
]

def agencies_in(cell):
    cell = re.sub(r'\s+', ' ', cell)
    taken, found = [], []
    for key, _, _, _, pattern in AGENCIES:
        for m in re.finditer(pattern, cell):
            if any(m.start() < e and s < m.end() for s, e in taken): continue
            taken.append((m.start(), m.end())); found.append((m.start(), key))
    return [k for _, k in sorted(found)]

def last_day(y, m): return f'{y}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}'

def deadline(text):
    t = text.strip().strip('-').strip()
    low = t.lower()
    if m := re.fullmatch(r'(?:tháng )?(\d{1,2})/(\d{4})', low):
        mo, y = int(m[1]), int(m[2])
        return {'text': t, 'kind': 'Month', 'startOn': f'{y}-{mo:02d}-01', 'dueOn': last_day(y, mo)}
    if m := re.fullmatch(r'(\d{4})', low):
        return {'text': t, 'kind': 'Year', 'startOn': f'{m[1]}-01-01', 'dueOn': f'{m[1]}-12-31'}
    if m := re.fullmatch(r'(\d{4})\s*-\s*(\d{4})', low):
        return {'text': t, 'kind': 'Period', 'startOn': f'{m[1]}-01-01', 'dueOn': f'{m[2]}-12-31'}
    if m := re.fullmatch(r'quý ii/(\d{4})', low):
        return {'text': t, 'kind': 'Quarter', 'startOn': f'{m[1]}-04-01', 'dueOn': f'{m[1]}-06-30'}
    if low in ('thường xuyên', 'nhiệm vụ thường xuyên'):
        return {'text': t, 'kind': 'Continuous'}
    if low == 'hằng năm':
        return {'text': t, 'kind': 'RecurringYearly'}
    if m := re.fullmatch(r'(\d{4}) và những năm tiếp theo', low):
        return {'text': t, 'kind': 'RecurringYearly', 'startOn': f'{m[1]}-01-01'}
    # "năm tiếp theo" or nothing at all: the table gives no date to judge the task by.
    return {'text': t, 'kind': 'Unspecified'}

ROMAN = re.compile(r'^\*\*([IVX]+)\.\*\*$')
rows = []
lines = SRC.read_text(encoding='utf-8').split('\n')
start = next(i for i, l in enumerate(lines) if l.strip() == 'PHỤ LỤC II')
for line in lines[start:]:
    if not line.startswith('|'): continue
    cells = [c.strip() for c in line.strip().strip('|').split('|')]
    if cells[0] in ('TT', '---'): continue
    if cells[0] == '' and rows:  # a row the transcription broke: its cells continue the previous row's
        rows[-1] = [(a + ' ' + b).strip() if b else a for a, b in zip(rows[-1], cells)]
        continue
    rows.append(cells)

sections, used = [], set()
for cells in rows:
    no, title, lead, coord, output, when = (re.sub(r'\s+', ' ', c).strip() for c in cells)
    if m := ROMAN.match(no):
        sections.append({'code': m[1], 'title': title, 'isGroup': True, 'children': []})
        continue
    n = int(no.rstrip('.'))
    leads = agencies_in(lead)
    if not leads: raise SystemExit(f'task {n}: no agency in lead cell {lead!r}')
    coordinating = [k for k in leads[1:] + agencies_in(coord) if k != leads[0]]
    coordinating = list(dict.fromkeys(coordinating))
    used.update(leads); used.update(coordinating)
    short = title if len(title) <= 300 else title[:300].rsplit(' ', 1)[0]
    task = {'code': f"{sections[-1]['code']}.{n}", 'title': short}
    if short != title: task['description'] = title
    task.update({'isGroup': False, 'lead': leads[0], 'coordinating': coordinating, 'deadline': deadline(when)})
    if output and output != '---': task['expectedOutput'] = output
    sections[-1]['children'].append(task)

count = sum(len(s['children']) for s in sections)
assert count == 140, count
plan = {
    'document': {
        'key': 'nq-03-cp-2025', 'number': '03/NQ-CP', 'kind': 'Resolution', 'issuer': 'Chính phủ', 'province': None,
        'issuedOn': '2025-01-09', 'signer': 'Nguyễn Hòa Bình',
        'title': 'Ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
        'implements': ['nq-57-tw-2024'], 'sourceFile': '09_nq03-cp-2025-ctr-hanh-dong-nq57.txt',
    },
    'referencedDocuments': [{
        'key': 'nq-57-tw-2024', 'number': '57-NQ/TW', 'kind': 'Resolution', 'issuer': 'Bộ Chính trị', 'province': None,
        'issuedOn': '2024-12-22', 'signer': None,
        'title': 'Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia', 'implements': [],
    }],
    'plan': {'key': 'vn/ctr-03-nq-cp-2025', 'title': 'Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW (Phụ lục II: danh mục nhiệm vụ)'},
    'tasks': sections,
}
(OUT / 'plans' / 'vn-03-nq-cp-2025.json').write_text(json.dumps(plan, ensure_ascii=False, indent=1) + '\n', encoding='utf-8')
national = {'province': {'key': 'vn', 'name': 'Trung ương'}, 'central': True, 'agencies': [
    {'key': k, 'name': name, 'shortName': short, 'level': 'Central', 'kind': kind, 'parent': None, 'aliases': []}
    for k, name, short, kind, _ in AGENCIES if k in used]}
(OUT / 'agencies' / 'national.json').write_text(json.dumps(national, ensure_ascii=False, indent=1) + '\n', encoding='utf-8')
print(f'{count} tasks, {len(national["agencies"])} agencies')

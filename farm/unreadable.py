"""Section pages of the unreadable-content faults (farm/faults.py UNREADABLE): everything a person needs is on the
page, in markup that none of the crawler's readers knows.

- Q&A: each question and its answer in plain cards (`div`s): no table with headers, no `<dl>`, no JSON resource.
- Schedule: "08:00 — task" cards under date boxes that show only "02 / tháng 12/2026": no weekday header, no
  "từ ngày … đến ngày …" week range, no table.
- News: entries are clickable `div`s (`onclick`, `data-href`) with a title, a date and a summary: no `<a href>`.

What each page shows is chosen by faults.shown_* (the truth reads the same); an empty one says so, as any page would.
"""
from __future__ import annotations

from farm.chrome import page
from farm.formats import dmy, esc
from farm.model import PortalModel, Section
from farm import faults

PORTLET = "noidung_WAR_customportlet"  # a portlet of the unit's own, unknown to any reader


def _frame(m: PortalModel, sec: Section, port: int, inner: str) -> str:
    body = (f'<div class="portlet-boundary portlet-static" id="p_p_id_{PORTLET}_"><div class="portlet-body">'
            f'<h2 class="portlet-title"><span class="portlet-title-text">{esc(sec.label)}</span></h2>{inner}'
            "</div></div>")
    return page(m, port, sec.label, body, trail=[(sec.href, sec.label)])


def qa(m: PortalModel, sec: Section, port: int) -> str:
    cards = []
    for q in faults.shown_questions(m):
        answered = q.answered is not None and q.answered <= m.now.date()
        answer = (f'<div class="hd-dap"><div class="hd-coquan">{esc(q.organization)} · {dmy(q.answered)}</div>'
                  f'<div class="hd-noidung">{esc(q.answer)}</div></div>' if answered
                  else '<div class="hd-cho">Chưa trả lời</div>')
        cards.append(f'<div class="hd-the" id="cau-hoi-{q.id}"><div class="hd-hoi">'
                     f'<div class="hd-tieude">{esc(q.title)}</div>'
                     f'<div class="hd-nguoi">{esc(q.citizen)} — {esc(q.address)} · {dmy(q.asked)}</div>'
                     f'<div class="hd-noidung">{esc(q.content)}</div></div>{answer}</div>')
    inner = ('<div class="hd-danh-sach">' + "".join(cards) + "</div>" if cards
             else "<p>Chưa có câu hỏi.</p>")
    return _frame(m, sec, port, inner)


def schedule(m: PortalModel, sec: Section, port: int) -> str:
    days: dict = {}
    for day, hh, task, row in faults.shown_schedule(m):
        name, position = m.leaders[row]
        days.setdefault(day, []).append(f'<div class="lct-viec"><span class="gio">{hh}</span> — {esc(task)} '
                                        f'<span class="chu-tri">({esc(name)}, {esc(position)})</span></div>')
    boxes = [f'<div class="lct-nhom"><div class="lct-o-ngay"><span class="so">{day.day:02d}</span>'
             f'<span class="thang">tháng {day.month}/{day.year}</span></div>'
             f'<div class="lct-cac-viec">{"".join(entries)}</div></div>' for day, entries in days.items()]
    inner = ('<div class="lct-lich">' + "".join(boxes) + "</div>" if boxes
             else "<p>Chưa có lịch công tác.</p>")
    return _frame(m, sec, port, inner)


def news(m: PortalModel, sec: Section, port: int) -> str:
    cards = []
    for it in faults.shown_news(m):
        d = it.published
        cards.append(f'<div class="tin-the" role="link" tabindex="0" data-href="{esc(it.path)}" '
                     "onclick=\"window.location.href=this.getAttribute('data-href')\">"
                     f'<div class="tin-tieude">{esc(it.title)}</div>'
                     f'<div class="tin-ngay">{dmy(d)} {d.hour:02d}:{d.minute:02d}</div>'
                     f'<div class="tin-tomtat">{esc(it.summary)}</div></div>')
    inner = ('<div class="tin-luoi">' + "".join(cards) + "</div>"
             '<button type="button" class="xem-them" onclick="taiThem()">Xem thêm</button>' if cards
             else "<p>Chưa có tin bài.</p>")
    return _frame(m, sec, port, inner)


RENDERERS = {"unreadable-qa": qa, "unreadable-schedule": schedule, "unreadable-news": news}

"""Building the dated activity of a portal model besides listings: citizen questions and the leaders' schedule."""
from __future__ import annotations

import calendar
import random
from datetime import date, timedelta

from farm import vocab
from farm.model import (PortalModel, Question, add_working_days, fill, monday_of, months_between, person,
                        rng_for)


def _questions_for_month(mode: str, r: random.Random) -> list[str]:
    """Outcome per question: on-time, late (answered late), open (never answered)."""
    if mode == "good":
        return ["on-time"] * r.randint(1, 4)
    if mode == "mostly":
        n = r.randint(5, 8)
        return ["on-time"] * (n - 1) + [r.choice(["late", "open"])]
    if mode == "half":
        n, k = r.choice([(2, 1), (4, 2), (4, 3), (3, 2), (6, 4)])
        return ["on-time"] * k + [r.choice(["late", "open"]) for _ in range(n - k)]
    if mode == "poor":
        n = r.randint(3, 5)
        return ["on-time"] + ["late"] + [r.choice(["late", "open"]) for _ in range(n - 2)]
    if mode == "ignored":
        return ["open"] * r.randint(1, 3)
    return []


def _deadline_class(m: PortalModel, qid: int, outcome: str, k: int) -> tuple[int, str]:
    """Some answers say they needed inter-agency coordination (7 working days) or are a special case with a set reply
    date (10), answered past 5 days but within theirs when on time, past theirs when late (QĐ 96 Điều 13). Only where
    the answer's text is shown (Liferay's answer JSON; the other CMSs' tables show only dates). A draw of its own, so
    the other questions' dates stay as they were."""
    if m.platform != "liferay":
        return k, ""
    rc = rng_for(m.seed, m.portal.id, "qa-class", str(qid))
    roll = rc.random()
    if roll < 0.2:
        days = rc.choice([6, 7]) if outcome == "on-time" else rc.choice([8, 9, 12])
        return days, rc.choice(vocab.ANSWER_COORDINATION)
    if roll < 0.3:
        days = rc.choice([8, 9, 10]) if outcome == "on-time" else rc.choice([11, 14])
        return days, rc.choice(vocab.ANSWER_SPECIAL)
    return k, ""


def build_questions(m: PortalModel) -> None:
    mode = m.features["pakn"]
    if mode in ("absent", "quiet"):
        return
    qid = 1000 + rng_for(m.seed, m.portal.id, "qa").randrange(1000, 9000) * 10
    qs: list[Question] = []
    where = m.portal.name if m.portal.is_commune else "tỉnh Bắc Ninh"
    for y, mo in months_between(m.history_start, m.now.date()):
        r = rng_for(m.seed, m.portal.id, "qa", f"{y:04d}-{mo:02d}")
        outcomes = _questions_for_month(mode, r)
        r.shuffle(outcomes)
        last = calendar.monthrange(y, mo)[1]
        for outcome in outcomes:
            asked = date(y, mo, r.randint(1, last))
            # Drawn even when asked after `now`: a later `now` then only adds questions, never redraws old ones.
            qid += 1
            tmpl = r.choice(vocab.QUESTION_TEMPLATES)
            title = vocab.nfc(fill(tmpl, r, m.org, y))
            citizen = person(r)
            q = Question(qid, title, f"Kính gửi {m.org}. {title}. Đề nghị quý cơ quan xem xét, trả lời.",
                         citizen, f"{r.choice(vocab.VILLAGES)}, {where}",
                         asked)
            if outcome != "open":
                # Answer k working days after the question: 5 is exactly the deadline, 6 the first late day.
                k = r.choice([0, 1, 2, 2, 3, 4, 5]) if outcome == "on-time" else r.choice([6, 7, 9, 12, 20])
                q.answer_id = qid * 10 + 1
                answer = fill(r.choice(vocab.ANSWER_TEMPLATES), r, m.org, y)
                k, opening = _deadline_class(m, qid, outcome, k)
                q.answered = add_working_days(asked, k)
                q.answer = vocab.nfc(opening.replace("{org}", m.org) + answer)
                q.organization = m.org if m.portal.kind != "department" else m.portal.name
            if asked <= m.now.date():
                qs.append(q)
    qs.sort(key=lambda q: (q.asked, q.id), reverse=True)
    m.questions = qs


def build_schedule(m: PortalModel, rng: random.Random) -> None:
    state = m.features["schedule"]
    if state in ("absent", "empty"):
        m.schedule_until = None
        return
    if state == "stopped":
        m.schedule_until = m.now.date() - timedelta(days=30 * (7 + rng.randrange(5)))
    else:
        # Schedules are published for the whole current week.
        m.schedule_until = monday_of(m.now.date()) + timedelta(days=4)

"""Hand-made stored facts for a Phụ lục 1 portal whose score is known: 80/100 by default (the default gate)."""
from audit.registry import Portal

PORTALS = [
    Portal("so-a", "Sở A", "department", "http://127.0.0.1:8002/so-a", "phu-luc-1"),
    Portal("so-b", "Sở B", "department", "http://127.0.0.1:8003/so-b", "phu-luc-1"),
    Portal("xa-c", "Xã C", "commune", "http://127.0.0.1:8004/", "phu-luc-2"),
]
ONE_ITEM_SECTIONS = ("chien-luoc-quy-hoach", "du-an-dau-tu", "tai-chinh-ngan-sach", "thong-ke", "lay-y-kien",
                     "khen-thuong-xu-phat")


def department_facts(base: str, month: str = "2026-10", news: int = 10, confidence: float = 1.0,
                     flags=()) -> list[tuple[str, dict]]:
    """80 points in Phụ lục 1 for `month` with 10 news items (2: 10 points; 5–9 news: 5; 1–4: 3; 0: 0).
    The tin-tuc section is read with `confidence`; its items carry `flags`."""
    base = base.rstrip("/")
    out = [("section", {"key": "tin-tuc", "url": f"{base}/tin-tuc", "label": "Tin tức", "confidence": confidence})]
    out += [("item", {"section": "tin-tuc", "url": f"{base}/tin/{i}", "title": f"Tin {i}",
                      "published_at": f"{month}-{i + 1:02d}T08:00:00", "flags": list(flags)}) for i in range(news)]
    out.append(("section", {"key": "pho-bien-phap-luat", "url": f"{base}/pbpl", "label": "Phổ biến pháp luật"}))
    out += [("item", {"section": "pho-bien-phap-luat", "url": f"{base}/pbpl/{i}", "title": f"PBPL {i}",
                      "published_at": f"{month}-{i + 1:02d}T08:00:00"}) for i in range(5)]
    for key in ONE_ITEM_SECTIONS:
        out.append(("section", {"key": key, "url": f"{base}/{key}", "label": key}))
        out.append(("item", {"section": key, "url": f"{base}/{key}/1", "title": key, "published_at": None}))
    out.append(("section", {"key": "hoi-dap", "url": f"{base}/hoi-dap", "label": "Hỏi đáp"}))
    out.append(("section", {"key": "thu-tuc-hanh-chinh", "url": f"{base}/tthc", "label": "Thủ tục hành chính"}))
    out.append(("link", {"url": "https://dichvucong.bacninh.gov.vn/", "label": "Dịch vụ công"}))
    for key in ("co-cau-to-chuc", "chuc-nang-nhiem-vu", "don-vi-truc-thuoc", "qua-trinh-hinh-thanh"):
        out.append(("element", {"key": key, "url": f"{base}/gioi-thieu", "label": key}))
    out.append(("contact", {"url": base, "address": "Số 1", "phone": "0222", "fax": "0223", "email": "a@b.vn"}))
    out.append(("schedule", {"url": f"{base}/lich", "dates": [f"{month}-05"]}))
    return out

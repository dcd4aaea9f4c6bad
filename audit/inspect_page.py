"""`portal-audit inspect`: print how one page is understood (human-readable or JSON)."""
from __future__ import annotations

import json
import sys

from crawler import vocab
from crawler.understand import load, understand


def inspect_target(target: str, as_json: bool = False, section_hint: str | None = None,
                   title_hint: str | None = None, page_url: str | None = None) -> int:
    body, url = load(target)
    info = understand(body, page_url or url, section_hint, title_hint=title_hint)
    if as_json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    sec = info["section"]
    out = [f"Trang: {info['url']}",
           f"Chuyên mục: {sec['key']} ({vocab.section_titles().get(sec['key'], sec['key'])}) — căn cứ {sec['evidence']}, "
           f"độ tin cậy {sec['confidence']:.2f}",
           f"Tiêu đề: {info['title'] or '(không có)'}",
           f"Ngày đăng: {info['published_at'] or '(không tìm thấy)'}"
           + (f" — cách tìm: {info['date_method']}" if info["date_method"] else "")]
    facts = info["facts"]
    if facts["contact"]:
        out.append("Thông tin liên hệ: " + "; ".join(f"{k}={v}" for k, v in facts["contact"].items()))
    if facts["elements"]:
        out.append("Thành phần: " + ", ".join(f"{e['key']} ({e['label']})" for e in facts["elements"]))
    if facts["directory"] is not None:
        out.append(f"Danh bạ: {len(facts['directory'])} người")
    if facts["directory"]:
        for e in facts["directory"][:10]:
            out.append("  - " + "; ".join(f"{k}={v}" for k, v in e.items() if v))
    if facts["documents"] is not None:
        fields = sorted({f for r in facts["documents"] for f in r["fields"]})
        no_file = sum(1 for r in facts["documents"] if not r["has_file"])
        out.append(f"Văn bản: {len(facts['documents'])} dòng; cột: {', '.join(fields) or '(không có)'}; "
                   f"{no_file} dòng không có tệp; tìm kiếm văn bản: {'có' if facts['document_search'] else 'không'}")
    if facts["questions"] is not None:
        answered = sum(1 for q in facts["questions"] if q["answered"])
        out.append(f"Hỏi đáp: {len(facts['questions'])} câu hỏi, {answered} đã trả lời")
    if facts["schedule_dates"]:
        out.append("Lịch công tác: " + ", ".join(facts["schedule_dates"]))
    if facts.get("listing_resources"):
        out.append("Nguồn danh sách (AJAX): " + ", ".join(facts["listing_resources"]))
    if facts.get("inline_listing_items"):
        out.append(f"Tin trong dữ liệu nhúng: {facts['inline_listing_items']}")
    layout = info["layout"]
    if layout["breadcrumb"]:
        out.append("Đường dẫn (breadcrumb): " + " › ".join(layout["breadcrumb"]))
    out.append(f"Vùng nội dung chính: {layout['main']}"
               + (f"; cột phụ: {', '.join(layout['side_columns'])}" if layout["side_columns"] else ""))
    if info["items"]:
        out.append(f"Tin, bài trong danh sách của trang: {len(info['items'])}")
        for item in info["items"][:20]:
            out.append(f"  - {item['published_at'][:10] if item['published_at'] else '(không ngày)'} "
                       f"{item['title']} — {item['url']}")
    for item in info["items"]:
        if item["suspected_section"]:
            out.append(f"Nghi đăng sai chuyên mục: «{item['title']}» — có lẽ thuộc {item['suspected_section']}")
    if info["unread"]:
        out.append(f"Không đọc được ({info['unread']}): trang có {info['content']} — cần người kiểm tra")
    if info["date_check"]:
        out.append(f"Ngày đăng không khớp: {info['date_check']}")
    out.append(f"Chức năng in: {'có' if facts['has_print'] else 'không'}")
    out.append(f"Ô tìm kiếm: {facts['search_form']['action'] if facts['search_form'] else 'không'}")
    out.append(f"Liên kết ra ngoài: {len(facts['outbound_links'])}")
    sys.stdout.write("\n".join(out) + "\n")
    return 0

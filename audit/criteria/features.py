"""Site features: search that finds a known article, a print function on article pages."""
from __future__ import annotations

from audit.criteria.base import NEEDS_REVIEW, Context, Known, Outcome, allowed, ev


def search_works(ctx: Context, crit) -> Outcome:
    s = ctx.facts.search
    if s is None or not s.present:
        return Outcome(0, "Không tìm thấy chức năng tìm kiếm trên cổng")
    probe = f"“{s.probe}”" if s.probe else "tiêu đề một bài viết"
    evidence = [ev(s.url, s.probe, note="trang kết quả tìm kiếm")] if s.url else []
    if s.works:
        return Outcome(crit.max_points, f"Tìm kiếm {probe} trả về đúng bài viết", evidence)
    if s.works is None:
        # A box was seen and no answer could be read (a box only the page's script sends, a results page that
        # could not be read): never a silent 0, a person tries it.
        return Outcome(0, "Có ô tìm kiếm nhưng không kiểm tra được kết quả tìm kiếm (ô do mã trang gửi đi, hoặc "
                          "trang kết quả không đọc được): cần kiểm tra trực tiếp",
                       evidence or [ev(s.url, None, note="ô tìm kiếm")], NEEDS_REVIEW)
    return Outcome(0, f"Tìm kiếm {probe} không trả về bài viết đó", evidence)


def check_search_works(params, max_points, known: Known) -> set[int]:
    allowed(params)
    return {0, max_points}


def print_majority(ctx: Context, crit) -> Outcome:
    pages: dict[str, bool] = {}
    for a in sorted(ctx.facts.articles, key=lambda a: a.url):
        pages.setdefault(a.url, a.has_print)
    if not pages:
        return Outcome(0, "Không có trang bài viết nào để kiểm tra chức năng in")
    with_print = sum(pages.values())
    # Pages without print first: they are what the portal has to fix.
    evidence = [ev(u, None, note="có chức năng in" if ok else "không có chức năng in")
                for u, ok in sorted(pages.items(), key=lambda kv: (kv[1], kv[0]))]
    text = f"{with_print}/{len(pages)} trang bài viết được kiểm tra có chức năng in"
    if 2 * with_print > len(pages):
        return Outcome(crit.max_points, text, evidence)
    return Outcome(0, text + " (cần hơn một nửa)", evidence)


def check_print_majority(params, max_points, known: Known) -> set[int]:
    allowed(params)
    return {0, max_points}

"""Writing the pre-filled QĐ 96 report forms: one printable HTML page per portal and one XLSX workbook (a summary
sheet of part 2, then a sheet per portal laid out as the form the unit signs: Quốc hiệu, two-level headers, "Nơi
nhận", signer; A4 portrait), written into the staged report folder that audit/publish.py puts in place at once."""
from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from audit.official_form import load_frame
from audit.report import _environment, safe_href

FORM_DIR = "bao-cao-qd96"
WORKBOOK = "bao-cao-qd96.xlsx"
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
# Administrative documents are set in Times New Roman (Nghị định 30/2020/NĐ-CP); 12 pt in tables.
_FONT = "Times New Roman"
# Seven columns: part 2 has seven (STT, name, received, 2 answered, 2 unanswered); part 1's "Ghi chú" spans F:G.
_WIDTHS = (6, 46, 10, 10, 10, 12, 14)
_LAST = get_column_letter(len(_WIDTHS))
_LINE_PT = 15.75  # one line of 12 pt text
# Where part 1's header starts on a portal sheet; its two rows repeat on every printed page.
_HEAD_ROW = 10
_QUESTION_ORDER = ("title", "asked_on", "deadline", "deadline_note", "answered_on", "delay_working_days", "verdict")
# Machine fields of a question that its deadline_note already says in words (the class, its days, where it came from).
_QUESTION_SAID = {"deadline_class", "deadline_working_days", "class_source"}
UNREACHABLE = "không truy cập được cổng"


def _vn(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y")


def _frame(form: dict) -> dict:
    """The form's fixed text for this portal (rules/report_form.yaml `frame`), placeholders filled."""
    f = load_frame()
    place = (f.get("place_by_kind") or {}).get(form.get("kind"), f.get("place_blank", "......"))
    return {**f, "date_line": f["date_line"].format(place=place), "subtitle": f["subtitle"].format(unit=form["unit"]),
            "period": f["period"].format(start=_vn(form["period"]["from"]), end=_vn(form["period"]["to"])),
            "unit_upper": form["unit"].upper()}


def pakn_blank(form: dict) -> str | None:
    """Why part 2 has no numbers for this portal (None when it has): never 0 for what was not read."""
    if form["pakn"] is None:
        return UNREACHABLE
    if (why := form.get("pakn_unread")):
        why = why[0].lower() + why[1:]
        return why if why.startswith("không đọc được") else f"không đọc được — {why}"
    return None


def timed_note(form: dict) -> str:
    """Which rows of part 1 have "Đúng hạn / Quá hạn" filled in (the others are the unit's to fill)."""
    timed = [r["stt"] or r["content"][:40] for r in form["rows"] if r["on_time"] is not None or r["late"] is not None]
    if not timed:
        return ("Cột “Đúng hạn / Quá hạn” của phần 1 để trống vì không xác định được thời điểm phát sinh thông tin "
                "từ nội dung công khai.")
    return (f"Cột “Đúng hạn / Quá hạn” của phần 1 điền sẵn cho dòng {', '.join(timed)}; các dòng khác để trống vì "
            f"không xác định được thời điểm phát sinh thông tin từ nội dung công khai.")


def _short(blank: str | None) -> str:
    """The few words of a blank part 2 for a table cell: "không đọc được" or "không truy cập được cổng"."""
    if not blank:
        return ""
    return "không đọc được" if blank.startswith("không đọc được") else blank


def write_forms(forms: list[dict], out_dir: Path, deadline_days: int) -> tuple[Path, Path]:
    folder = out_dir / FORM_DIR
    folder.mkdir(parents=True, exist_ok=True)
    template = _environment().get_template("official_form.html")
    for form in forms:
        view = {**form, "period_from_vn": _vn(form["period"]["from"]), "period_to_vn": _vn(form["period"]["to"]),
                "as_of_vn": _vn(form["as_of"]), "href": safe_href(form["url"]), "pakn_blank": pakn_blank(form),
                "pakn_short": _short(pakn_blank(form)), "timed_note": timed_note(form),
                "questions": _question_table(form)}
        (folder / f"{form['portal_id']}.html").write_text(
            template.render(form=view, frame=_frame(form), deadline_days=deadline_days), encoding="utf-8")
    book = out_dir / WORKBOOK
    _workbook(book, forms, deadline_days)
    return folder, book


def _question_table(form: dict) -> tuple[list[str], list[list]]:
    """The PAKN questions as a table: known fields first, then any other field a question carries (e.g. a deadline
    class), labelled from rules/report_form.yaml `frame.question_fields`, else by its key."""
    questions = (form["pakn"] or {}).get("questions") or []
    labels = load_frame().get("question_fields") or {}
    keys = [k for k in _QUESTION_ORDER if any(k in q for q in questions)]
    keys += sorted({k for q in questions for k in q} - set(keys) - _QUESTION_SAID - {"url"})
    keys += ["url"] if any("url" in q for q in questions) else []
    rows = []
    for q in questions:
        values = []
        for k in keys:
            v = q.get(k)
            if isinstance(v, str) and k in ("asked_on", "deadline", "answered_on"):
                v = _vn(v)
            values.append("" if v is None else v)
        rows.append(values)
    return [str(labels.get(k, k)) for k in keys], rows


# --- the workbook ---------------------------------------------------------------------------------------------------

def _workbook(path: Path, forms: list[dict], deadline_days: int) -> None:
    wb = Workbook()
    summary = wb.active
    summary.title = "Tổng hợp PAKN"
    _summary_sheet(summary, forms)
    used = {summary.title}
    for form in forms:
        _form_sheet(wb.create_sheet(_sheet_name(form["portal_id"], used)), form, deadline_days)
    wb.save(path)


def _clean(value):
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _put(ws, row: int, col: int, value, *, bold=False, italic=False, underline=None, size=12, align="left",
         valign="top", last_col: int | None = None, box=False):
    """Write text that came from registries and portals: characters XLSX cannot hold are dropped, and a value that
    starts like a formula (`=HYPERLINK(…)`) stays text, as in summary.csv, instead of a live formula. `last_col`
    merges the cell across to that column."""
    cell = ws.cell(row=row, column=col, value=_clean(value))
    if cell.data_type == "f":
        cell.data_type = "s"
    cell.font = Font(name=_FONT, size=size, bold=bold, italic=italic, underline=underline)
    cell.alignment = Alignment(horizontal=align, vertical=valign, wrap_text=True)
    end = last_col or col
    if end > col:
        ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=end)
    if box:
        for c in range(col, end + 1):
            ws.cell(row=row, column=c).border = _BOX
    return cell


def _fit_height(ws, row: int, texts_and_widths, size: int = 12) -> None:
    """Row height for wrapped text: Excel does not grow a row holding merged cells by itself."""
    lines = 1
    for text, width in texts_and_widths:
        if text not in (None, ""):
            per_line = max(1, int(width * 1.1 * 12 / size))
            lines = max(lines, sum(math.ceil(max(1, len(part)) / per_line) for part in str(text).split("\n")))
    ws.row_dimensions[row].height = lines * _LINE_PT * size / 12 + 2


def _width(ws, first: int, last: int) -> float:
    return sum(ws.column_dimensions[get_column_letter(c)].width or 13 for c in range(first, last + 1))


def _set_widths(ws, widths) -> None:
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _header(ws, top: int, cells) -> None:
    """A two-level header: (text, first col, last col, rows) with rows 2 for a cell spanning both levels."""
    for text, first, last, rows, level in cells:
        row = top + level
        _put(ws, row, first, text, bold=True, align="center", valign="center", box=True)
        if rows == 2 or last > first:
            ws.merge_cells(start_row=row, start_column=first, end_row=row + rows - 1, end_column=last)
        for r in range(row, row + rows):
            for c in range(first, last + 1):
                ws.cell(row=r, column=c).border = _BOX
    for r in (top, top + 1):
        _fit_height(ws, r, [(t, _width(ws, f, la)) for t, f, la, rows, level in cells
                            if level == r - top and rows == 1])
    # A cell spanning both rows (e.g. "Tổng số PAKN đã tiếp nhận" in a narrow column) may need more than the two.
    probe = top + 1
    for text, first, last, rows, _ in cells:
        if rows == 2:
            below = ws.row_dimensions[probe].height
            _fit_height(ws, probe, [(text, _width(ws, first, last))])
            need = ws.row_dimensions[probe].height
            ws.row_dimensions[probe].height = below
            ws.row_dimensions[top].height = max(ws.row_dimensions[top].height, need - below)


_PART2_HEADER = [("STT", 1, 1, 2, 0), ("Tên cơ quan, đơn vị tiếp nhận PAKN", 2, 2, 2, 0),
                 ("Tổng số PAKN đã tiếp nhận", 3, 3, 2, 0), ("Số PAKN đã trả lời", 4, 5, 1, 0),
                 ("Số PAKN chưa trả lời", 6, 7, 1, 0), ("Đúng hạn", 4, 4, 1, 1), ("Quá hạn", 5, 5, 1, 1),
                 ("Chưa đến hạn", 6, 6, 1, 1), ("Đã quá hạn", 7, 7, 1, 1)]
_PAKN_KEYS = ("received", "answered_on_time", "answered_late", "unanswered_not_due", "unanswered_overdue")


def _pakn_line(ws, row: int, stt, name, form: dict, *, bold=False, short=False) -> None:
    _put(ws, row, 1, stt, bold=bold, align="center", box=True)
    _put(ws, row, 2, name, bold=bold, box=True)
    blank = _short(pakn_blank(form)) if short else pakn_blank(form)
    if blank:
        _put(ws, row, 3, blank, italic=True, last_col=7, box=True)
    else:
        for col, key in enumerate(_PAKN_KEYS, 3):
            _put(ws, row, col, form["pakn"][key], bold=bold, align="center", box=True)
    _fit_height(ws, row, [(name, _width(ws, 2, 2)), (blank, _width(ws, 3, 7))])


def _page_setup(ws, last_row: int, title_rows: str, last_col: str = _LAST) -> None:
    ws.print_area = f"A1:{last_col}{last_row}"
    ws.print_title_rows = title_rows
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    # Nghị định 30/2020: top and bottom 2 cm, left 3 cm, right 1.5 cm (in inches).
    ws.page_margins = PageMargins(left=1.18, right=0.59, top=0.79, bottom=0.79, header=0.3, footer=0.3)


def _form_sheet(ws, form: dict, deadline_days: int) -> None:
    fr = _frame(form)
    _set_widths(ws, _WIDTHS)
    _put(ws, 1, 1, fr["unit_upper"], bold=True, align="center", last_col=2)
    _put(ws, 1, 3, fr["national_name"], bold=True, align="center", last_col=7)
    _put(ws, 2, 1, fr["number"], align="center", last_col=2)
    _put(ws, 2, 3, fr["motto"], bold=True, underline="single", align="center", last_col=7)
    _put(ws, 3, 3, fr["date_line"], italic=True, align="center", last_col=7)
    _fit_height(ws, 1, [(fr["unit_upper"], _width(ws, 1, 2))])
    _put(ws, 5, 1, fr["heading"], bold=True, size=14, align="center", last_col=7)
    _put(ws, 6, 1, fr["subtitle"], bold=True, align="center", last_col=7)
    _fit_height(ws, 6, [(fr["subtitle"], _width(ws, 1, 7))])
    _put(ws, 7, 1, fr["period"], italic=True, align="center", last_col=7)
    _put(ws, 9, 1, fr["part1"], bold=True, last_col=7)
    _header(ws, _HEAD_ROW, [("STT", 1, 1, 2, 0), ("Nội dung thông tin", 2, 2, 2, 0), ("Thời gian cập nhật", 3, 4, 1, 0),
                            ("Số lượng", 5, 5, 2, 0), ("Ghi chú", 6, 7, 2, 0), ("Đúng hạn", 3, 3, 1, 1),
                            ("Quá hạn", 4, 4, 1, 1)])
    r = _HEAD_ROW + 2
    for row in form["rows"]:
        bold = row["heading"]
        _put(ws, r, 1, row["stt"], bold=bold, align="center", box=True)
        _put(ws, r, 2, row["content"], bold=bold, box=True)
        for col, key in ((3, "on_time"), (4, "late"), (5, "count")):
            _put(ws, r, col, row[key], align="center", box=True)
        note = _note(row)
        _put(ws, r, 6, note, size=11, last_col=7, box=True)
        _fit_height(ws, r, [(row["content"], _width(ws, 2, 2)), (note, _width(ws, 6, 7) * 12 / 11)])
        r += 1
    r += 1
    _put(ws, r, 1, fr["part2"], bold=True, last_col=7)
    r += 1
    _header(ws, r, _PART2_HEADER)
    r += 2
    _pakn_line(ws, r, 1, form["unit"], form)
    _pakn_line(ws, r + 1, "", "Tổng cộng", form, bold=True, short=True)
    if form.get("pakn_note"):
        _put(ws, r + 2, 1, form["pakn_note"], italic=True, size=11, last_col=7)
    r += 3
    _put(ws, r, 1, fr["part3"], bold=True, last_col=7)
    _put(ws, r + 1, 1, "." * 150, last_col=7)
    r += 3
    _put(ws, r, 1, fr["recipients_title"], bold=True, italic=True, last_col=2)
    _put(ws, r, 4, fr["signer"], bold=True, align="center", last_col=7)
    _put(ws, r + 1, 4, fr["signer_note"], italic=True, align="center", last_col=7)
    for i, line in enumerate(fr["recipients"], 1):
        _put(ws, r + i, 1, line, size=11, last_col=2)
    last = r + max(len(fr["recipients"]), 5)  # room for the signature and the seal
    _page_setup(ws, last, f"{_HEAD_ROW}:{_HEAD_ROW + 1}")
    # After the print area: how the numbers were made, and the questions behind part 2 (not part of the signed form).
    r = last + 3
    note = (f"Số liệu điền sẵn từ dữ liệu thu thập tự động ngày {_vn(form['as_of'])} tại {form['url']}. "
            f"{timed_note(form)} Phần 2 tính {_pakn_rule(form, deadline_days)} (Điều 13 Quy chế ban hành kèm "
            f"theo Quyết định số 96/QĐ-UBND). Đơn vị rà soát, bổ sung trước khi ký. "
            f"Phần dưới đây không in cùng báo cáo.")
    _put(ws, r, 1, note, italic=True, size=11, last_col=7)
    _fit_height(ws, r, [(note, _width(ws, 1, 7) * 12 / 11)])
    labels, rows = _question_table(form)
    if rows:
        r += 2
        _put(ws, r, 1, "Danh sách PAKN trong kỳ", bold=True, last_col=7)
        r += 1
        for col, label in enumerate(["STT", *labels], 1):
            _put(ws, r, col, label, bold=True, align="center", valign="center", box=True)
            if col > len(_WIDTHS):
                ws.column_dimensions[get_column_letter(col)].width = 40 if label == labels[-1] else 14
        for i, values in enumerate(rows, 1):
            for col, v in enumerate([i, *values], 1):
                _put(ws, r + i, col, v, align="left" if col == 2 else "center", box=True)
            _fit_height(ws, r + i, [(values[0], _width(ws, 2, 2))])


def _summary_sheet(ws, forms: list[dict]) -> None:
    """Part 2 of every portal in one table (the province's consolidation), with the form's Tổng cộng."""
    _set_widths(ws, (*_WIDTHS, 26))
    _put(ws, 1, 1, "TỔNG HỢP CÔNG TÁC TIẾP NHẬN, TRẢ LỜI TRÊN CHUYÊN MỤC HỎI – ĐÁP", bold=True, size=13,
         align="center", last_col=8)
    if forms:
        _put(ws, 2, 1, _frame(forms[0])["period"], italic=True, align="center", last_col=8)
    _header(ws, 4, [*_PART2_HEADER, ("Ghi chú", 8, 8, 2, 0)])
    r = 6
    totals = [0] * len(_PAKN_KEYS)
    blanks = 0
    for i, form in enumerate(forms, 1):
        _pakn_line(ws, r, i, form["unit"], form)
        blank = pakn_blank(form)
        _put(ws, r, 8, "; ".join(x for x in (_short(blank), form.get("pakn_note") or "") if x), size=11, box=True)
        if blank:
            blanks += 1
        else:
            totals = [t + form["pakn"][k] for t, k in zip(totals, _PAKN_KEYS)]
        r += 1
    _put(ws, r, 1, "", box=True)
    _put(ws, r, 2, "Tổng cộng", bold=True, box=True)
    for col, total in enumerate(totals, 3):
        _put(ws, r, col, total, bold=True, align="center", box=True)
    _put(ws, r, 8, f"không gồm {blanks} cổng không có số liệu" if blanks else "", size=11, box=True)
    _page_setup(ws, r, "4:5", "H")


def _pakn_rule(form: dict, deadline_days: int) -> str:
    pakn = form.get("pakn") or {}
    rule = pakn.get("rule") or f"hạn trả lời {deadline_days} ngày làm việc"
    excluded = len(pakn.get("excluded") or ())
    return rule + (f"; {excluded} PAKN không đủ điều kiện tiếp nhận không tính" if excluded else "")


def _note(row: dict) -> str:
    # The form has no column for the legal basis; it goes on its own line of the note (HTML: under the content).
    ref = f"Căn cứ: {row['legal_ref']}" if row.get("legal_ref") else ""
    return "\n".join(x for x in (row["note"], ref) if x)


def _sheet_name(portal_id: str, used: set[str]) -> str:
    # Excel: at most 31 characters, unique, none of []:*?/\
    base = _SHEET_BAD.sub("-", portal_id)[:31]
    name, k = base, 2
    while name in used:
        suffix = f"~{k}"
        name, k = base[:31 - len(suffix)] + suffix, k + 1
    used.add(name)
    return name

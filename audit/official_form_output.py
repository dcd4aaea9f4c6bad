"""Writing the pre-filled QĐ 96 report forms: one printable HTML page per portal and one XLSX workbook (a sheet per
portal plus a summary sheet), written into the staged report folder that audit/publish.py puts in place at once."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side

from audit.report import _environment, safe_href

FORM_DIR = "bao-cao-qd96"
WORKBOOK = "bao-cao-qd96.xlsx"
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _vn(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y")


def write_forms(forms: list[dict], out_dir: Path, deadline_days: int) -> tuple[Path, Path]:
    folder = out_dir / FORM_DIR
    folder.mkdir(parents=True, exist_ok=True)
    template = _environment().get_template("official_form.html")
    for form in forms:
        view = {**form, "period_from_vn": _vn(form["period"]["from"]), "period_to_vn": _vn(form["period"]["to"]),
                "as_of_vn": _vn(form["as_of"]), "href": safe_href(form["url"])}
        (folder / f"{form['portal_id']}.html").write_text(template.render(form=view, deadline_days=deadline_days),
                                                       encoding="utf-8")
    book = out_dir / WORKBOOK
    _workbook(book, forms)
    return folder, book


def _workbook(path: Path, forms: list[dict]) -> None:
    wb = Workbook()
    summary = wb.active
    summary.title = "Tổng hợp PAKN"
    _append(summary, ["STT", "Tên cơ quan, đơn vị tiếp nhận PAKN", "Tổng số PAKN đã tiếp nhận", "Đã trả lời đúng hạn",
                    "Đã trả lời quá hạn", "Chưa trả lời - chưa đến hạn", "Chưa trả lời - đã quá hạn", "Ghi chú"])
    for i, form in enumerate(forms, 1):
        p = form["pakn"]
        if p:
            _append(summary, [i, form["unit"], p["received"], p["answered_on_time"], p["answered_late"],
                            p["unanswered_not_due"], p["unanswered_overdue"], form.get("pakn_note") or ""])
        else:
            _append(summary, [i, form["unit"], None, None, None, None, None, "không truy cập được cổng"])
    _style(summary, widths=(6, 48, 14, 14, 14, 16, 16, 28))
    used = {summary.title}
    for form in forms:
        ws = wb.create_sheet(_sheet_name(form["portal_id"], used))
        _append(ws, [form["unit"]])
        _append(ws, [f"Báo cáo kết quả cung cấp thông tin trên Cổng TTĐT (kỳ báo cáo: {_vn(form['period']['from'])} – "
                   f"{_vn(form['period']['to'])})"])
        _append(ws, ["STT", "Nội dung thông tin", "Đúng hạn", "Quá hạn", "Số lượng", "Ghi chú"])
        first = ws.max_row
        for row in form["rows"]:
            _append(ws, [row["stt"], row["content"], row["on_time"], row["late"], row["count"], _note(row)])
            if row["heading"]:
                for cell in ws[ws.max_row]:
                    cell.font = Font(bold=True)
        _style(ws, widths=(7, 70, 10, 10, 10, 30), header_row=first)
    wb.save(path)


def _note(row: dict) -> str:
    # The form has no column for the legal basis; it goes on its own line of the note (HTML: under the content).
    ref = f"Căn cứ: {row['legal_ref']}" if row.get("legal_ref") else ""
    return "\n".join(x for x in (row["note"], ref) if x)


def _append(ws, values: list) -> None:
    """Append a row of text that came from registries and portals: characters XLSX cannot hold are dropped, and a
    value that starts like a formula (`=HYPERLINK(…)`) stays text, as in summary.csv, instead of a live formula."""
    ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def _sheet_name(portal_id: str, used: set[str]) -> str:
    # Excel: at most 31 characters, unique, none of []:*?/\
    base = _SHEET_BAD.sub("-", portal_id)[:31]
    name, k = base, 2
    while name in used:
        suffix = f"~{k}"
        name, k = base[:31 - len(suffix)] + suffix, k + 1
    used.add(name)
    return name


def _style(ws, widths, header_row: int = 1) -> None:
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = w
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in ws.iter_rows(min_row=header_row, max_row=ws.max_row, max_col=len(widths)):
        for cell in row:
            cell.border = _BOX
            if cell.row > header_row:
                cell.alignment = Alignment(vertical="top", wrap_text=True)

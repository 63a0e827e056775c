#!/usr/bin/env python3
"""Fills the blank Word template officers circulate with a draft's figures and prose, the way
an officer fills it by hand, to make a realistic .docx for the importer's tests.

    python3 scripts/fill-word-template.py TEMPLATE.docx DRAFT.toml OUT.docx

Needs python-docx (pip install python-docx) and Python 3.11+ (tomllib). The rows and labels come
from assets/templates/<format>.toml, not from this script. A blank cell is written as U+3000, as
Word users leave it; totals are written as computed, as the template asks.
"""
import sys
import tomllib
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent


def norm(text):
    return "".join(text.split()).replace("\u3000", "")


def unique_cells(row):
    seen, out = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append(cell)
    return out


def fmt(value):
    if value is None:
        return "\u3000"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def main(template_path, draft_path, out_path):
    draft = tomllib.loads(Path(draft_path).read_text("utf-8"))
    fmt_def = tomllib.loads((ROOT / "assets" / "templates" / f"{draft['template']}.toml").read_text("utf-8"))
    tables = {t["key"]: t for t in fmt_def["tables"]}
    document = docx.Document(template_path)
    report = draft["report"]

    # Title and preamble.
    paragraphs = document.paragraphs
    paragraphs[0].text = f"{report['agency']}{report['year']}年政府信息公开工作年度报告"
    preamble = (
        f"本报告根据《中华人民共和国政府信息公开条例》编制。所列数据的统计期限自{report['year']}年1月1日起至"
        f"{report['year']}年12月31日止。如对本报告有疑问，请与{report['agency']}{report['contact_office']}联系"
        f"（地址：{report['address']}；邮编：{report['postcode']}；电话：{report['phone']}）。"
    )
    paragraphs[1].insert_paragraph_before(preamble)

    # Prose: the 「（文字描述）」 placeholder under each prose heading.
    text = draft.get("text", {})
    fees = draft.get("fees", {})
    prose = {
        "overview": text.get("overview", ""),
        "problems": text.get("problems", ""),
        "other": text.get("other", ""),
    }
    if fees:
        labels = {f["key"]: (f["label"], f["unit"]) for f in fmt_def.get("fees", [])}
        parts = [f"{labels[k][0]}为{fmt(v)}{labels[k][1]}" for k, v in fees.items()]
        prose["other"] += "\n本年度收取政府信息公开信息处理费情况：" + "，".join(parts) + "。"
    headings = {s["key"]: norm(s["heading"]) for s in fmt_def["sections"] if s["kind"] == "prose"}
    current = None
    for p in list(document.paragraphs):
        key = next((k for k, h in headings.items() if norm(p.text) == h), None)
        if key:
            current = key
            continue
        if current and p.text.startswith("（文字描述"):
            lines = [line for line in prose[current].split("\n") if line.strip()]
            p.text = lines[0] if lines else ""
            for line in reversed(lines[1:]):
                p._p.addnext(document.add_paragraph(line)._p)
            current = None

    # Table 二: rows found by label.
    proactive = [(r, b) for b in tables["proactive"]["blocks"] for r in b["rows"]]
    requests = [r for b in tables["requests"]["blocks"] for r in b["rows"]]
    parents = {g["key"]: g.get("parent") for g in tables["requests"].get("groups", [])}

    def in_groups(group, wanted):
        while group:
            if group in wanted:
                return True
            group = parents.get(group)
        return False

    req_columns = tables["requests"]["blocks"][0]["columns"]
    appeals = tables["appeals"]["blocks"][0]
    word_tables = document.tables
    for row in word_tables[0].rows:
        cs = unique_cells(row)
        for r, block in proactive:
            if norm(cs[0].text) == norm(r["label"]):
                values = draft["proactive"].get(r["key"], {})
                for cell, column in zip(cs[1:], block["columns"]):
                    cell.text = fmt(values.get(column["key"]))

    # Table 三: data rows in the format's order, after the header rows.
    data_rows = word_tables[1].rows[len(word_tables[1].rows) - len(requests):]
    requests_values = draft["requests"]
    for row, r in zip(data_rows, requests):
        cs = unique_cells(row)[-len(req_columns):]
        if r.get("sum"):
            members = [x for x in requests if not x.get("sum") and in_groups(x.get("group"), r["sum"])]
            values = {c["key"]: sum(requests_values.get(m["key"], {}).get(c["key"], 0) for m in members) for c in req_columns if not c.get("sum")}
        else:
            values = dict(requests_values.get(r["key"], {}))
        for cell, column in zip(cs, req_columns):
            if column.get("sum"):
                cell.text = fmt(sum(values.get(k, 0) for k in column["sum"]))
            else:
                cell.text = fmt(values.get(column["key"]))

    # Table 四: one row of 15 figures.
    last = unique_cells(word_tables[2].rows[-1])
    figures = []
    for r in appeals["rows"]:
        values = draft["appeals"].get(r["key"], {})
        for column in appeals["columns"]:
            if column.get("sum"):
                figures.append(sum(values.get(k, 0) for k in column["sum"]))
            else:
                figures.append(values.get(column["key"]))
    for cell, value in zip(last, figures):
        cell.text = fmt(value)
    document.save(out_path)


if __name__ == "__main__":
    main(*sys.argv[1:4])

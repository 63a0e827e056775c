#!/usr/bin/env python3
"""Turns gongkai's HTML export into what a portal CMS publishes after an officer pastes the
report from Word or WPS: every paragraph and cell wrapped in MSO-styled <p><span> markup, labels
broken over lines, the article inside the portal's layout table between navigation and footer,
and the page saved in the encoding asked for.

    python3 scripts/portal-page.py EXPORT.html OUT.html [utf-8|gbk|gbk-undeclared] [--total ROW,COL,VALUE]

--total changes one printed figure of the last table (table 四), to make a published report
whose totals disagree with their parts: ROW is the table row counted from 0, COL the cell.
"""
import re
import sys


def span(text, font="仿宋_GB2312", size="16.0pt"):
    # Word splits runs at digits and Latin letters, each with lang=EN-US.
    parts = re.split(r"([0-9A-Za-z.%]+)", text)
    out = []
    for p in parts:
        if not p:
            continue
        if re.fullmatch(r"[0-9A-Za-z.%]+", p):
            out.append(f"<span lang=EN-US style='font-size:{size};font-family:\"Times New Roman\"'>{p}</span>")
        else:
            out.append(f"<span style='font-size:{size};font-family:{font};mso-ascii-font-family:\"Times New Roman\"'>{p}</span>")
    return "".join(out)


def wrap_label(text):
    # A long label wrapped by the editor keeps a line break (a space once rendered).
    if len(text) > 12 and not re.search(r"<", text):
        mid = len(text) // 2
        return text[:mid] + "\n" + text[mid:]
    return text


def cell(match):
    tag, attrs, text = match.group(1), match.group(2), match.group(3)
    attrs = re.sub(r'\s*(class|scope|style)="[^"]*"', "", attrs)
    body = span(wrap_label(text), size="10.5pt")
    return (f"<td{attrs} valign=middle style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>"
            f"<p class=MsoNormal align=center style='text-align:center'>{body}</p></td>")


def main(src, out, encoding="utf-8", *rest):
    html = open(src, encoding="utf-8").read()
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    html = re.sub(r'<meta name="generator"[^>]*>\n?', "", html)
    html = re.sub(r'<div class="draft-mark"[^>]*>.*?</div>', "", html)
    html = html.replace("（草稿）", "")
    body = re.search(r"<article[^>]*>(.*)</article>", html, flags=re.S).group(1)
    title = re.search(r"<h1>(.*?)</h1>", body).group(1)
    body = re.sub(r"<h1>(.*?)</h1>", lambda m: f"<p class=MsoNormal align=center style='text-align:center'><b>{span(m.group(1), '方正小标宋简体', '22.0pt')}</b></p>", body)
    body = re.sub(r"<h2>(.*?)</h2>", lambda m: f"<p class=MsoNormal style='text-indent:32.0pt'><b>{span(m.group(1), '黑体')}</b></p>", body)
    body = re.sub(r"<h3>(.*?)</h3>", lambda m: f"<p class=MsoNormal style='text-indent:32.0pt'>{span(m.group(1), '楷体_GB2312')}</p>", body)
    body = re.sub(r"<p>(.*?)</p>", lambda m: f"<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'>{span(m.group(1))}<o:p></o:p></p>", body)
    body = re.sub(r"<(th|td)([^>]*)>(.*?)</\1>", cell, body)
    body = re.sub(r"</?(thead|tbody|colgroup)>|<col [^>]*>", "", body)
    body = body.replace('<table border="1"', "<table class=MsoNormalTable border=1")
    for arg in rest:
        if arg.startswith("--total="):
            row, col, value = (int(x) for x in arg.split("=", 1)[1].split(","))
            tables = list(re.finditer(r"<table.*?</table>", body, flags=re.S))
            last = tables[-1]
            rows = list(re.finditer(r"<tr>.*?</tr>", last.group(0), flags=re.S))
            tr = rows[row].group(0)
            cells = list(re.finditer(r"(<td[^>]*><p[^>]*>)(.*?)(</p></td>)", tr, flags=re.S))
            c = cells[col]
            new_tr = tr[: c.start()] + c.group(1) + span(str(value), size="10.5pt") + c.group(3) + tr[c.end():]
            new_table = last.group(0).replace(tr, new_tr)
            body = body[: last.start()] + new_table + body[last.end():]
    charset = {"utf-8": '<meta charset="utf-8">', "gbk": '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "gbk-undeclared": ""}[encoding]
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>{charset}
<title>{title}_政府信息公开年报_某某市人民政府</title>
<script>var _hmt = _hmt || [];</script></head>
<body><div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a></div>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<table width="1000" align="center"><tr><td>
<div class="info">发布时间：2021-01-28 信息来源：本站 浏览次数：<span id="hits">1024</span></div>
<div class="TRS_Editor">{body}</div>
<div class="fj">相关附件：无</div>
</td></tr></table>
<div class="foot">【打印本页】【关闭窗口】<br>版权所有：某某市人民政府 主办单位：某某市人民政府办公室 网站标识码：0000000000 某ICP备00000000号</div>
</body></html>
"""
    data = page.encode("gb18030" if encoding.startswith("gbk") else "utf-8")
    open(out, "wb").write(data)


if __name__ == "__main__":
    main(*sys.argv[1:])

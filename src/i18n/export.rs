//! Words of the exported report and messages of `gongkai export`.
//!
//! The exported report is an official Chinese document: its title, preamble, fee sentence and
//! draft mark are Chinese whatever `--lang` says. Only what the command tells the person running
//! it (refusals, files written, errors) follows `--lang`.

use super::Lang;
use std::path::Path;

/// The mark on a draft export, next to the title and at the top of every page.
pub const DRAFT_MARK: &str = "草稿";

/// What a `--draft` export prints in a blank cell, so a reviewer sees what is unfinished.
pub const BLANK_MARK: &str = "□";

/// The footnote under a draft's table that has blank cells.
pub fn blank_cell_note() -> String {
    format!("注：{BLANK_MARK}为尚未填写的单元格（草稿）。")
}

/// The report's title: 「`<agency><year>`年政府信息公开工作年度报告」.
pub fn report_title(agency: &str, year: i32) -> String {
    format!("{agency}{year}年政府信息公开工作年度报告")
}

/// The title with the draft mark.
pub fn draft_title(title: &str) -> String {
    format!("{title}（{DRAFT_MARK}）")
}

/// What the preamble is made from: the report's metadata and the format in force.
pub struct PreambleFacts<'a> {
    pub agency: &'a str,
    pub year: i32,
    /// The format's official name, without book-title marks.
    pub format_name: &'a str,
    /// The document that issued the format, e.g. 国办公开办函〔2019〕60号.
    pub format_issued_by: &'a str,
    pub website: &'a str,
    pub contact_office: &'a str,
    pub address: &'a str,
    pub postcode: &'a str,
    pub phone: &'a str,
    pub email: &'a str,
}

/// The unnumbered opening paragraph: legal basis, statistics period, where the report is
/// published, whom to contact. Parts of the contact left empty in the draft are left out.
pub fn preamble(f: &PreambleFacts) -> String {
    let PreambleFacts { agency, year, .. } = *f;
    let mut out = format!(
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《{}》（{}）要求编制，\
         总结{agency}{year}年政府信息公开工作情况。\
         本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        f.format_name, f.format_issued_by
    );
    if f.website.trim().is_empty() {
        out.push_str(&format!("本报告电子版可在{agency}门户网站查阅或下载。"));
    } else {
        out.push_str(&format!(
            "本报告电子版可在{agency}门户网站（{}）查阅或下载。",
            f.website.trim()
        ));
    }
    let office = f.contact_office.trim();
    let parts: Vec<String> = [
        ("地址", f.address),
        ("邮编", f.postcode),
        ("电话", f.phone),
        ("电子邮箱", f.email),
    ]
    .iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| format!("{k}：{}", v.trim()))
    .collect();
    // An office written in full (「某某县人民政府办公室」), or one that names an organisation of its
    // own (「县交通运输局办公室」, 「市政府办公室」), already says whose it is; only a bare part
    // (「办公室」, 「政策法规科」, 「政府信息公开办公室」) takes the agency's name before it.
    // A name must stand before the organisation word (「局办公室」 names none), and the words
    // of 政府信息公开 and 政务公开 are the office's subject, not an organisation.
    let subject = office.replace("政府信息公开", "").replace("政务公开", "");
    let names_an_organisation = ["局", "委", "厅", "政府", "署", "中心", "院"]
        .iter()
        .any(|word| subject.find(word).is_some_and(|at| at > 0));
    let office = if office.starts_with(agency) || names_an_organisation {
        office.to_string()
    } else {
        // 「局办公室」 of 某某局 is 某某局办公室, not 某某局局办公室.
        let shared = agency
            .chars()
            .last()
            .filter(|c| "局委厅院署".contains(*c) && office.starts_with(*c));
        match shared {
            Some(c) => format!("{agency}{}", &office[c.len_utf8()..]),
            None => format!("{agency}{office}"),
        }
    };
    out.push_str(&format!("如对本报告有疑问，请与{office}联系"));
    if !parts.is_empty() {
        out.push_str(&format!("（{}）", parts.join("；")));
    }
    out.push('。');
    out
}

/// One stated 信息处理费 figure: its label, value and unit as the template names them.
pub struct FeeFigure<'a> {
    pub label: &'a str,
    pub value: String,
    pub unit: &'a str,
}

/// The sentence of 六 stating the 信息处理费 figures (gip-2021), e.g.
/// 「本年度收取政府信息公开信息处理费情况：发出收费通知的件数为0件，……。」
pub fn fee_sentence(figures: &[FeeFigure]) -> String {
    let parts: Vec<String> = figures
        .iter()
        .map(|f| format!("{}为{}{}", f.label, f.value, f.unit))
        .collect();
    format!(
        "本年度收取政府信息公开信息处理费情况：{}。",
        parts.join("，")
    )
}

/// What stops a finished export, before the list of blockers.
pub fn export_refused(lang: Lang, file: &Path, count: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "{}：还有 {count} 处问题未解决，不能导出正式文本（请修改，或对警告说明理由；\
             仅供内部审阅可加 --draft 导出草稿）：",
            file.display()
        ),
        Lang::En => format!(
            "{}: {count} problems remain, so the finished report cannot be exported \
             (fix them or answer the warnings with a reason; add --draft for a draft to review):",
            file.display()
        ),
    }
}

/// A file written; `replaced` when an older file of that name was replaced.
pub fn exported(lang: Lang, path: &Path, replaced: bool, draft: bool) -> String {
    let what = match (lang, draft) {
        (Lang::Zh, true) => "草稿",
        (Lang::Zh, false) => "报告",
        (Lang::En, true) => "draft",
        (Lang::En, false) => "report",
    };
    match (lang, replaced) {
        (Lang::Zh, false) => format!("已导出{what}：{}", path.display()),
        (Lang::Zh, true) => format!("已导出{what}：{}（替换了原有文件）", path.display()),
        (Lang::En, false) => format!("exported the {what}: {}", path.display()),
        (Lang::En, true) => format!(
            "exported the {what}: {} (replaced the file that was there)",
            path.display()
        ),
    }
}

/// The output would overwrite the draft being exported.
pub fn output_is_a_draft(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Zh => format!(
            "{}：这是一份报告草稿（或正在编辑器中打开），导出不会覆盖它；请换一个文件名",
            path.display()
        ),
        Lang::En => format!(
            "{}: this is a report draft (or open in an editor); an export never replaces it — choose another file",
            path.display()
        ),
    }
}

pub fn output_is_input(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Zh => format!(
            "{}：这是报告草稿本身，不能用导出文件覆盖它（请换一个文件）",
            path.display()
        ),
        Lang::En => format!(
            "{}: this is the draft itself and would be overwritten (choose another file with -o)",
            path.display()
        ),
    }
}

/// Two formats asked for would be written to the same file.
pub fn same_output(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Zh => format!(
            "{}：多个 --to 格式会写入同一个文件（请去掉重复的格式）",
            path.display()
        ),
        Lang::En => format!(
            "{}: several --to formats would write the same file (drop the repeated one)",
            path.display()
        ),
    }
}

/// A format could not be produced.
pub fn render_failed(lang: Lang, format: &str, e: &crate::export::ExportError) -> String {
    use crate::export::ExportError;
    match (e, lang) {
        (ExportError::Blocked { count }, Lang::Zh) => {
            format!("{format}：还有 {count} 处问题未解决，不能导出正式文本")
        }
        (ExportError::Blocked { count }, Lang::En) => {
            format!("{format}: {count} problems remain; the finished report cannot be exported")
        }
        // Only gongkai's own mistake can stop the package (it is built in memory).
        (ExportError::Package(m), Lang::Zh) => {
            format!("{format}：无法生成 Word 文件，这是 gongkai 的内部错误，请报告（{m}）")
        }
        (ExportError::Package(m), Lang::En) => format!(
            "{format}: could not build the Word file; this is a fault in gongkai, please report it ({m})"
        ),
        (ExportError::Pdf(e), _) => format!("{format}：{}", pdf_error(lang, e)),
    }
}

/// What went wrong making a PDF.
pub fn pdf_error(lang: Lang, e: &crate::export::pdf::PdfError) -> String {
    use crate::export::pdf::{PdfError, TIMEOUT};
    match (e, lang) {
        (PdfError::NotInstalled, _) => pdf_unavailable(lang),
        (PdfError::TimedOut, Lang::Zh) => format!(
            "LibreOffice 在 {} 秒内未完成转换，已停止（可先导出 .docx，再用 WPS 或 Word 另存为 PDF）",
            TIMEOUT.as_secs()
        ),
        (PdfError::TimedOut, Lang::En) => format!(
            "LibreOffice did not finish within {} s and was stopped (export .docx and save it as PDF from WPS or Word)",
            TIMEOUT.as_secs()
        ),
        (PdfError::Io(f), Lang::Zh) => format!(
            "LibreOffice 未能转换为 PDF：{}",
            super::io_fault(lang, f)
        ),
        (PdfError::Io(f), Lang::En) => format!(
            "LibreOffice could not make the PDF: {}",
            super::io_fault(lang, f)
        ),
        (PdfError::NotAPdf, Lang::Zh) => {
            "LibreOffice 未能转换为 PDF：它写出的文件不是 PDF（可先导出 .docx，再用 WPS 或 Word 另存为 PDF）".into()
        }
        (PdfError::NotAPdf, Lang::En) => {
            "LibreOffice could not make the PDF: what it wrote is not a PDF (export .docx and save it as PDF from WPS or Word)".into()
        }
        (PdfError::NoOutput(status), Lang::Zh) => format!(
            "LibreOffice 未能转换为 PDF，没有写出文件（{status}）。可先导出 .docx，再用 WPS 或 Word 另存为 PDF"
        ),
        (PdfError::NoOutput(status), Lang::En) => format!(
            "LibreOffice wrote no PDF ({status}): export .docx and save it as PDF from WPS or Word"
        ),
    }
}

/// `--to pdf` where LibreOffice is not installed: how to get a PDF anyway.
pub fn pdf_unavailable(lang: Lang) -> String {
    match lang {
        Lang::Zh => concat!(
            "导出 PDF 需要 LibreOffice（找不到 soffice 或 libreoffice），未写入任何文件：",
            "请安装 LibreOffice（如 sudo apt install libreoffice-writer），",
            "或导出 .docx 后在 WPS 中“另存为 PDF”。"
        )
        .to_string(),
        Lang::En => concat!(
            "PDF export needs LibreOffice (no soffice or libreoffice on the PATH), so nothing ",
            "was written: install it (e.g. sudo apt install libreoffice-writer), or export ",
            ".docx and save it as PDF from WPS."
        )
        .to_string(),
    }
}

/// A file could not be written.
pub fn write_failed(lang: Lang, path: &Path, e: &std::io::Error) -> String {
    match lang {
        Lang::Zh => format!("{}：无法写入：{}", path.display(), super::io_error(lang, e)),
        Lang::En => format!(
            "{}: cannot write: {}",
            path.display(),
            super::io_error(lang, e)
        ),
    }
}

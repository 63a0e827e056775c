//! Sentences of the importer: why a file cannot be read, the import summary, and the notes
//! `check` writes about the files of a folder it skips.

use super::Lang;
use crate::import::{BlankReason, Deviation, ImportError, MAX_FILE_BYTES, Summary};
use crate::template::Template;
use std::path::Path;

/// Why a published file could not be imported, naming the file.
pub fn import_error(lang: Lang, file: &Path, e: &ImportError) -> String {
    let what = match (e, lang) {
        (ImportError::Io(io), _) => super::io_error(lang, io),
        (ImportError::NotAFile, _) => lang
            .pick("不是普通文件（是文件夹、管道或设备）", "not a regular file (a folder, pipe or device)")
            .into(),
        (ImportError::TooLarge { bytes }, Lang::Zh) => format!(
            "文件过大（{} MB），超过 {} MB 的文件不予读取",
            bytes / 1024 / 1024,
            MAX_FILE_BYTES / 1024 / 1024
        ),
        (ImportError::TooLarge { bytes }, Lang::En) => format!(
            "file too large ({} MB): files over {} MB are not read",
            bytes / 1024 / 1024,
            MAX_FILE_BYTES / 1024 / 1024
        ),
        (ImportError::Empty, _) => lang.pick("文件是空的", "the file is empty").into(),
        (ImportError::PdfEncrypted, _) => lang
            .pick(
                "PDF 已加密，无法读取其中的文字：请向发布单位索取未加密的文件，或改用网页、Word 版本",
                "the PDF is encrypted and its text cannot be read: ask for an unencrypted file, or use the page or the Word version",
            )
            .into(),
        (ImportError::PdfScanned, _) => lang
            .pick(
                "PDF 没有文字层（是扫描件或图片），无法读取：请改用网页、Word 或可复制文字的 PDF",
                "the PDF has no text layer (a scan or images) and cannot be read: use the page, the Word file or a PDF with text",
            )
            .into(),
        (ImportError::PdfUndecodable { font }, Lang::Zh) => format!(
            "PDF 中字体“{font}”的文字无法解码（缺少 ToUnicode 对照表），读出来会是错字，因此不予导入：请改用网页或 Word 版本"
        ),
        (ImportError::PdfUndecodable { font }, Lang::En) => format!(
            "the text of font “{font}” in the PDF cannot be decoded (no ToUnicode map) and would come out as wrong characters, so it is not imported: use the page or the Word version"
        ),
        (ImportError::OldWord, _) => lang
            .pick(
                "这是旧版 Word 文件（.doc），请在 Word 或 WPS 中另存为 .docx 后再导入",
                "an old Word file (.doc): save it as .docx in Word or WPS, then import that",
            )
            .into(),
        (ImportError::UnknownFormat, _) => lang
            .pick(
                "无法识别的文件格式：应为网页（.html）、Word 文件（.docx）、PDF（.pdf）或文本（.txt）",
                "unknown file format: expected a web page (.html), a Word file (.docx), a PDF (.pdf) or text (.txt)",
            )
            .into(),
        (ImportError::Encoding, _) => lang
            .pick(
                "文字编码无法识别：既不是 UTF-8，也不是 GB18030/GBK",
                "the text is in an unknown encoding: neither UTF-8 nor GB18030/GBK",
            )
            .into(),
        (ImportError::Damaged, _) => lang
            .pick(
                "文件已损坏或不完整（可能下载未完成）",
                "the file is damaged or truncated (an unfinished download?)",
            )
            .into(),
        (ImportError::NotWord, _) => lang
            .pick("这是压缩文件，但不是 Word 文档（缺少 word/document.xml）", "a zip file but not a Word document (no word/document.xml)")
            .into(),
        (ImportError::ZipBomb, Lang::Zh) => format!(
            "Word 文件解压后超过 {} MB，不予读取（可能是恶意构造的压缩包）",
            crate::import::docx::MAX_PART_BYTES / 1024 / 1024
        ),
        (ImportError::ZipBomb, Lang::En) => format!(
            "the Word file inflates beyond {} MB and is not read (a zip bomb?)",
            crate::import::docx::MAX_PART_BYTES / 1024 / 1024
        ),
        (ImportError::TooDeep { depth }, Lang::Zh) => format!(
            "网页标签嵌套过深（{depth} 层，超过 {} 层），不像是一篇报告，不予读取",
            crate::import::html::MAX_DEPTH
        ),
        (ImportError::TooDeep { depth }, Lang::En) => format!(
            "the page's tags nest {depth} deep (more than {}): not an article, not read",
            crate::import::html::MAX_DEPTH
        ),
        (ImportError::NotAReport, _) => lang
            .pick(
                "不是政府信息公开工作年度报告：找不到含年度的报告标题（如“某某局2023年政府信息公开工作年度报告”）或报告的表格",
                "not an annual report on government information disclosure: no title with a year (such as 某某局2023年政府信息公开工作年度报告) or report tables found",
            )
            .into(),
        (ImportError::NoTables, _) => lang
            .pick(
                "找到了报告的标题和章节，但读不出其中的表格（表格是图片？PDF 转出的文本请用 pdftotext -layout 转换，使各行数字留在同一行）",
                "the report's title and headings are there but no table can be read (tables as images? convert a PDF with pdftotext -layout, which keeps each row's figures on one line)",
            )
            .into(),
        (ImportError::NoFormat { year }, Lang::Zh) => {
            format!("报告年度 {year} 没有对应的报告格式（2019 年起）")
        }
        (ImportError::NoFormat { year }, Lang::En) => {
            format!("no report format applies to the year {year} (formats start in 2019)")
        }
        (ImportError::Incomplete { missing }, Lang::Zh) => {
            format!("文件不完整：找不到“{missing}”的表格（文件可能被截断）")
        }
        (ImportError::Incomplete { missing }, Lang::En) => {
            format!("the file is incomplete: the table of “{missing}” is missing (truncated?)")
        }
    };
    format!("{}{}{what}", file.display(), lang.pick("：", ": "))
}

/// A cell key as a person reads it: 「三 · （七）总计 · 自然人」.
pub fn cell_label(template: &Template, key: &str) -> String {
    match template.cell(key) {
        Some(c) => format!(
            "{} · {}",
            c.table.row_path(c.row).join(" · "),
            c.column.header
        ),
        None => key.to_string(),
    }
}

fn row_label(template: &Template, key: &str) -> String {
    let Some((table, row)) = crate::template::split_row_key(key) else {
        return key.to_string();
    };
    let Some(table) = template.table(table) else {
        return key.to_string();
    };
    match table.row(row) {
        Some((_, r)) => table.row_path(r).join(" · "),
        None => table
            .group(row)
            .map_or(key.to_string(), |g| g.label.clone()),
    }
}

fn blank_reason(lang: Lang, reason: &BlankReason) -> String {
    match (reason, lang) {
        (BlankReason::Empty, _) => lang.pick("原文空白", "blank in the file").into(),
        (BlankReason::Mark { written }, Lang::Zh) => format!("原文为“{written}”"),
        (BlankReason::Mark { written }, Lang::En) => format!("printed as “{written}”"),
        (BlankReason::Unreadable { written }, Lang::Zh) => {
            format!("原文“{written}”不是此栏应填的数")
        }
        (BlankReason::Unreadable { written }, Lang::En) => {
            format!("“{written}” is not a figure this cell takes")
        }
        (BlankReason::Ambiguous { written }, Lang::Zh) => format!(
            "本行数字“{}”可有多种对应方式，合计也无法确定，未填",
            written.join(" ")
        ),
        (BlankReason::Ambiguous { written }, Lang::En) => format!(
            "the row's figures “{}” can be aligned more than one way and the totals do not settle it",
            written.join(" ")
        ),
        (BlankReason::RowMissing, _) => lang
            .pick("原文中找不到此行", "row not found in the file")
            .into(),
        (BlankReason::GroupAsOneRow, _) => lang
            .pick(
                "原文将此组印为一行，无法分到各项",
                "the file prints this group as one row; its parts cannot be told",
            )
            .into(),
    }
}

fn deviation(lang: Lang, template: &Template, d: &Deviation) -> String {
    match (d, lang) {
        (Deviation::GroupAsOneRow { group, resolved }, Lang::Zh) => format!(
            "“{}”印为一行（不合本年度格式）{}",
            row_label(template, group),
            if *resolved {
                "；其各项均为 0，已按 0 填入"
            } else {
                "；各项未填"
            }
        ),
        (Deviation::GroupAsOneRow { group, resolved }, Lang::En) => format!(
            "“{}” is printed as one row (not this year's format){}",
            row_label(template, group),
            if *resolved {
                "; all 0, so each of its rows is 0"
            } else {
                "; its rows are left blank"
            }
        ),
        (
            Deviation::Figures {
                row,
                printed,
                expected,
                settled,
            },
            Lang::Zh,
        ) => format!(
            "“{}”印有 {printed} 个数字，格式应为 {expected} 个；{}",
            row_label(template, row),
            if *settled {
                "印出的合计只留下一种读法，已按此读入"
            } else {
                "合计无法确定读法，未填"
            }
        ),
        (
            Deviation::Figures {
                row,
                printed,
                expected,
                settled,
            },
            Lang::En,
        ) => format!(
            "“{}” has {printed} figures where the format has {expected}; {}",
            row_label(template, row),
            if *settled {
                "the printed totals leave one reading, which was taken"
            } else {
                "the totals do not settle it: left blank"
            }
        ),
        (Deviation::Label { row, printed }, Lang::Zh) => {
            format!("标签“{printed}”按“{}”读取", row_label(template, row))
        }
        (Deviation::Label { row, printed }, Lang::En) => {
            format!("label “{printed}” read as “{}”", row_label(template, row))
        }
    }
}

/// The human import summary, one line each.
pub fn import_summary(lang: Lang, template: &Template, s: &Summary) -> Vec<String> {
    let mut lines = Vec::new();
    lines.push(match lang {
        Lang::Zh => format!(
            "  {} {}年 · {} · {}",
            s.agency,
            s.year,
            s.template,
            what_was_read(lang, s)
        ),
        Lang::En => format!(
            "  {} {} · {} · {}",
            s.agency,
            s.year,
            s.template,
            what_was_read(lang, s)
        ),
    });
    let heading = |key: &String| {
        template
            .section(key)
            .map_or(key.clone(), |s| s.heading.clone())
    };
    if !s.prose_missing.is_empty() {
        let names: Vec<String> = s.prose_missing.iter().map(heading).collect();
        lines.push(match lang {
            Lang::Zh => format!("  未找到正文：{}", lang.list(&names)),
            Lang::En => format!("  prose not found: {}", lang.list(&names)),
        });
    }
    if !s.fees_missing.is_empty() {
        let names: Vec<String> = s
            .fees_missing
            .iter()
            .map(|k| template.fee(k).map_or(k.clone(), |f| f.label.clone()))
            .collect();
        lines.push(match lang {
            Lang::Zh => format!("  正文未写明信息处理费：{}", lang.list(&names)),
            Lang::En => format!("  信息处理费 not stated: {}", lang.list(&names)),
        });
    }
    for d in &s.deviations {
        lines.push(format!(
            "  {}{}",
            lang.pick("格式差异：", "deviation: "),
            deviation(lang, template, d)
        ));
    }
    for text in &s.not_understood {
        lines.push(match lang {
            Lang::Zh => format!("  未能识别的行：{text}"),
            Lang::En => format!("  row not understood: {text}"),
        });
    }
    if !s.left_blank.is_empty() {
        lines.push(match lang {
            Lang::Zh => format!("  留空 {} 格：", s.left_blank.len()),
            Lang::En => format!("  {} cells left blank:", s.left_blank.len()),
        });
        for b in &s.left_blank {
            lines.push(format!(
                "    {}{}{}",
                cell_label(template, &b.cell),
                lang.pick("：", ": "),
                blank_reason(lang, &b.reason)
            ));
        }
    }
    lines
}

/// The line `check` prints under a published file's heading: what its import read.
pub fn read_from_published(lang: Lang, summary: &Summary) -> String {
    match lang {
        Lang::Zh => format!("  （公开文本，导入后检查）{}", what_was_read(lang, summary)),
        Lang::En => format!(
            "  (published file, imported to check) {}",
            what_was_read(lang, summary)
        ),
    }
}

/// How much an import read: cells, and printed totals checked.
fn what_was_read(lang: Lang, s: &Summary) -> String {
    match lang {
        Lang::Zh => format!(
            "读入 {}/{} 格；核对印出的合计 {} 处，不符 {} 处",
            s.cells_read, s.cells_total, s.totals_checked, s.totals_disagreeing
        ),
        Lang::En => format!(
            "{}/{} cells read; {} printed totals checked, {} disagree",
            s.cells_read, s.cells_total, s.totals_checked, s.totals_disagreeing
        ),
    }
}

/// The line for a draft written from a published file.
pub fn imported(lang: Lang, source: &Path, written: &Path) -> String {
    match lang {
        Lang::Zh => format!("已导入：{} → {}", source.display(), written.display()),
        Lang::En => format!("imported: {} → {}", source.display(), written.display()),
    }
}

/// `-o` with several files.
pub fn import_one_output(lang: Lang) -> String {
    lang.pick(
        "-o 只能用于一个文件；导入多个文件请用 --dir 文件夹",
        "-o takes one file only; to import several, use --dir FOLDER",
    )
    .into()
}

/// Why `check FOLDER` skipped a file.
pub enum Skipped<'a> {
    OwnExport,
    NotAReport,
    DraftPresent { draft: &'a Path },
}

pub fn skipped(lang: Lang, file: &Path, why: &Skipped) -> String {
    let f = file.display();
    match (why, lang) {
        (Skipped::OwnExport, Lang::Zh) => {
            format!("{f}：跳过（gongkai 导出的文件，其草稿另行检查）")
        }
        (Skipped::OwnExport, Lang::En) => {
            format!("{f}: skipped (exported by gongkai; its draft is checked instead)")
        }
        (Skipped::NotAReport, Lang::Zh) => format!("{f}：跳过（不是年度报告）"),
        (Skipped::NotAReport, Lang::En) => format!("{f}: skipped (not an annual report)"),
        (Skipped::DraftPresent { draft }, Lang::Zh) => format!(
            "{f}：跳过（同一单位同一年度的报告 {} 已在此文件夹中）",
            draft.display()
        ),
        (Skipped::DraftPresent { draft }, Lang::En) => format!(
            "{f}: skipped (a report of the same agency and year, {}, is in this folder)",
            draft.display()
        ),
    }
}

/// A report file that could not be read, as a draft or as a published report.
pub fn open_error(lang: Lang, e: &crate::library::OpenError) -> String {
    match e {
        crate::library::OpenError::Draft(e) => super::load_error(lang, e),
        crate::library::OpenError::Published(file, e) => import_error(lang, file, e),
    }
}

/// A published report that could not be made a draft of its own.
pub fn import_into_error(lang: Lang, source: &Path, e: &crate::library::ImportIntoError) -> String {
    match e {
        crate::library::ImportIntoError::Import(e) => import_error(lang, source, e),
        crate::library::ImportIntoError::Write(path, e) => {
            format!(
                "{}: {}",
                path.display(),
                super::write_refused(lang, e, false)
            )
        }
    }
}

/// A draft imported before from the same report is used again.
pub fn import_reused(lang: Lang, source: &Path, draft: &Path) -> String {
    match lang {
        Lang::Zh => format!(
            "{} 已导入过，沿用已有的草稿 {}（未覆盖）",
            source.display(),
            draft.display()
        ),
        Lang::En => format!(
            "{} was imported before: the draft {} is used as it is (not overwritten)",
            source.display(),
            draft.display()
        ),
    }
}

/// `merge`: a published report skipped because its unit's draft is in the folder too.
pub fn merge_published_skipped(lang: Lang, file: &Path) -> String {
    match lang {
        Lang::Zh => format!(
            "跳过 {}：同一单位同一年度的草稿也在此处，按草稿汇总",
            file.display()
        ),
        Lang::En => format!(
            "skipped {}: the same unit's draft for that year is here too, and is summed",
            file.display()
        ),
    }
}

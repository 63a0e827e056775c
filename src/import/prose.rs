//! The headings of the six sections (tolerant of the variants real reports print), the prose
//! of 一, 五 and 六 between them with hard line-wraps and page breaks joined, and the
//! 信息处理费 figures stated in the prose.

use super::document::{Block, Document};
use super::labels::{normalize, split_numbering};
use super::summary::Summary;
use super::text::{ends_sentence, join_wrapped, looks_like_heading};
use crate::report::{Draft, Number};
use crate::template::{Kind, SectionKind, Template};
use rust_decimal::Decimal;
use std::str::FromStr;

/// The document's paragraphs with their place among its blocks (tables end a section's prose).
pub struct Paragraphs<'d> {
    pub items: Vec<(usize, &'d str)>,
    /// Block indices of the tables.
    pub tables: Vec<usize>,
}

impl<'d> Paragraphs<'d> {
    pub fn of(document: &'d Document) -> Paragraphs<'d> {
        let mut items = Vec::new();
        let mut tables = Vec::new();
        for (i, block) in document.blocks.iter().enumerate() {
            match block {
                Block::Paragraph(p) => items.push((i, p.as_str())),
                Block::Table(_) => tables.push(i),
            }
        }
        Paragraphs { items, tables }
    }
}

/// A section heading found: the section's key and the paragraph's position in `items`.
#[derive(Debug, Clone)]
pub struct Heading {
    pub key: String,
    pub item: usize,
    pub block: usize,
}

/// How many of the official heading's characters the printed one has, over the longer length.
fn likeness(printed: &str, official: &str) -> f32 {
    let mut pool: Vec<char> = printed.chars().collect();
    let mut common = 0;
    for c in official.chars() {
        if let Some(i) = pool.iter().position(|p| *p == c) {
            pool.swap_remove(i);
            common += 1;
        }
    }
    let longest = printed.chars().count().max(official.chars().count()).max(1);
    common as f32 / longest as f32
}

pub(super) fn is_heading_of(text: &str, official: &str) -> bool {
    if text.chars().count() > 40 || ends_sentence(text) && text.ends_with('。') {
        return false;
    }
    let (numeral, rest) = split_numbering(text);
    let (official_numeral, official_rest) = split_numbering(official);
    let (printed, wanted) = (normalize(rest), normalize(official_rest));
    let printed = printed.trim_end_matches([':', '：']);
    match numeral {
        Some(n) if Some(&n) == official_numeral.as_ref() => likeness(printed, &wanted) >= 0.5,
        Some(_) => false,
        None => likeness(printed, &wanted) >= 0.75,
    }
}

/// Finds each section's heading, in order, after the title.
pub fn find_headings(template: &Template, paragraphs: &Paragraphs, title: usize) -> Vec<Heading> {
    let mut found: Vec<Heading> = Vec::new();
    let mut next_section = 0;
    for (item, (block, text)) in paragraphs.items.iter().enumerate().skip(title + 1) {
        for (s, section) in template.sections.iter().enumerate().skip(next_section) {
            if is_heading_of(text, &section.heading) {
                found.push(Heading {
                    key: section.key.clone(),
                    item,
                    block: *block,
                });
                next_section = s + 1;
                break;
            }
        }
    }
    found
}

/// Words of a portal page's frame after the article, where the last section's prose ends.
const PAGE_FRAME: [&str; 12] = [
    "打印本页",
    "关闭窗口",
    "【打印】",
    "【关闭】",
    "扫一扫",
    "版权所有",
    "网站地图",
    "ICP备",
    "主办单位",
    "相关附件",
    "分享到",
    "网站标识码",
];

fn is_page_frame(text: &str, agency: &str) -> bool {
    let t = text.trim();
    PAGE_FRAME.iter().any(|w| t.contains(w))
        || t == agency
        || (t.chars().count() <= 14 && t.ends_with('日') && t.contains('年') && t.contains('月'))
}

/// Reads 一, 五 and 六 (every prose section of the template) under their headings.
pub fn read_prose(
    template: &Template,
    paragraphs: &Paragraphs,
    headings: &[Heading],
    own_export: bool,
    agency: &str,
    draft: &mut Draft,
    summary: &mut Summary,
) {
    let mut fee_texts: Vec<String> = Vec::new();
    for section in template
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Prose)
    {
        let Some(at) = headings.iter().position(|h| h.key == section.key) else {
            summary.prose_missing.push(section.key.clone());
            continue;
        };
        let heading = &headings[at];
        let end_block = headings.get(at + 1).map(|h| h.block).unwrap_or(usize::MAX);
        // A table ends prose too (a section's tables follow its heading).
        let end_block = paragraphs
            .tables
            .iter()
            .copied()
            .find(|&t| t > heading.block)
            .map_or(end_block, |t| t.min(end_block));
        let mut pieces: Vec<&str> = Vec::new();
        for (block, text) in paragraphs.items.iter().skip(heading.item + 1) {
            if *block >= end_block || is_page_frame(text, agency) {
                break;
            }
            pieces.push(text);
        }
        let mut text = join_paragraphs(&pieces, own_export);
        if own_export {
            // The fee figures are read from the sentence before it is taken out.
            fee_texts.push(text.clone());
            text = without_generated_fee_sentence(&text);
        }
        if text.is_empty() {
            summary.prose_missing.push(section.key.clone());
        } else {
            summary.prose_found.push(section.key.clone());
            draft.text.insert(section.key.clone(), text);
        }
    }
    read_fees(template, draft, &fee_texts, summary);
}

/// Paragraphs joined by blank lines; in a file not made by gongkai, a paragraph cut by a page
/// break (it ends mid-sentence and the next is not a heading) is joined to the next.
fn join_paragraphs(pieces: &[&str], own_export: bool) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    for piece in pieces {
        match paragraphs.last_mut() {
            Some(last)
                if !own_export
                    && !ends_sentence(last)
                    && !looks_like_heading(last)
                    && !looks_like_heading(piece)
                    && last.chars().count() > 40 =>
            {
                join_wrapped(last, piece)
            }
            _ => paragraphs.push(piece.trim().to_string()),
        }
    }
    paragraphs.join("\n\n")
}

/// gongkai's export adds 「本年度收取政府信息公开信息处理费情况：…。」 to 六 when the draft's 六
/// does not mention the fees, as one of its numbered items: after the officer's items, in
/// their numbering; where the officer numbered nothing, as item （一）, each of their paragraphs
/// then numbered after it. Reading our own export back, that item is not prose, and the numbers
/// it made are taken off again.
fn without_generated_fee_sentence(text: &str) -> String {
    const OPENING: &str = "本年度收取政府信息公开信息处理费情况：";
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let Some(at) = paragraphs
        .iter()
        .position(|p| strip_item_number(p).0.starts_with(OPENING))
    else {
        return text.to_string();
    };
    let (_, number) = strip_item_number(paragraphs[at]);
    let numbered_by_export = at == 0 && number == Some("（一）");
    let rest = paragraphs
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .map(|(_, p)| {
            if numbered_by_export {
                strip_item_number(p).0
            } else {
                p
            }
        })
        .collect::<Vec<_>>();
    rest.join("\n\n").trim_start_matches('\n').to_string()
}

/// A paragraph without the item number it starts with (「（二）」, 「2.」, 「二、」), and that number.
fn strip_item_number(text: &str) -> (&str, Option<&str>) {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    if let Some(rest) = text.strip_prefix('（')
        && let Some(close) = rest.find('）')
        && close > 0
        && rest[..close].chars().all(numeral)
    {
        let end = '（'.len_utf8() + close + '）'.len_utf8();
        return (&text[end..], Some(&text[..end]));
    }
    let digits = text.chars().take_while(|c| numeral(*c)).count();
    if digits > 0 {
        let head: String = text.chars().take(digits).collect();
        let after = &text[head.len()..];
        for mark in ['.', '、', '．'] {
            if let Some(rest) = after.strip_prefix(mark) {
                let end = text.len() - rest.len();
                return (rest, Some(&text[..end]));
            }
        }
    }
    (text, None)
}

/// The 信息处理费 figures as the prose states them (「发出收费通知的件数为0件」), by the
/// template's fee labels, from 六 first, else from anywhere in the prose.
fn read_fees(template: &Template, draft: &mut Draft, extra: &[String], summary: &mut Summary) {
    if !template.has_fees {
        return;
    }
    let mut sources: Vec<String> = ["other", "overview", "problems"]
        .iter()
        .map(|k| draft.text(k).to_string())
        .collect();
    sources.extend(extra.iter().cloned());
    for fee in &template.fees {
        let found = sources.iter().find_map(|s| figure_after(s, &fee.label));
        let places = crate::report::number::max_places(Some(fee.unit.as_str()));
        match found.and_then(|d| number_of(d, fee.kind, places)) {
            Some(n) => {
                draft.fees.insert(fee.key.clone(), n);
            }
            None => summary.fees_missing.push(fee.key.clone()),
        }
    }
}

/// The first figure within a few characters after a label.
pub fn figure_after(text: &str, label: &str) -> Option<Decimal> {
    let at = text.find(label)? + label.len();
    let rest: String = text[at..].chars().take(12).collect();
    let start = rest.find(|c: char| c.is_ascii_digit())?;
    // Only linking words may stand between the label and the figure.
    if rest[..start]
        .chars()
        .any(|c| !matches!(c, '为' | '是' | ':' | '：' | ' ' | '共' | '计'))
    {
        return None;
    }
    let digits: String = rest[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    Decimal::from_str(digits.trim_end_matches('.')).ok()
}

/// A figure as a number of the kind a cell wants, if it is one (an amount with at most `places`
/// decimals: its unit's).
pub fn number_of(value: Decimal, kind: Kind, places: u32) -> Option<Number> {
    let n = match kind {
        Kind::Count => value
            .is_integer()
            .then(|| u64::try_from(value).ok())
            .flatten()
            .map(Number::Count)?,
        Kind::Signed => value
            .is_integer()
            .then(|| i64::try_from(value).ok())
            .flatten()
            .map(Number::Signed)?,
        Kind::Amount => Number::Amount(value.normalize()),
    };
    n.problem(kind, places).is_none().then_some(n)
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_fee_item_our_export_adds_is_taken_out_with_the_numbers_it_made() {
        let fee = "本年度收取政府信息公开信息处理费情况：发出收费通知的件数为1件。";
        // The officer numbered nothing: the export made the fee item （一） and numbered theirs.
        let exported = format!("（一）{fee}\n\n（二）无其他需要报告的事项。\n\n（三）第二段。");
        assert_eq!(
            without_generated_fee_sentence(&exported),
            "无其他需要报告的事项。\n\n第二段。"
        );
        // The officer numbered their items: the fee item came last, theirs stay as written.
        let exported = format!("一、建议提案。\n\n二、{fee}");
        assert_eq!(without_generated_fee_sentence(&exported), "一、建议提案。");
        // An officer's own sentence about the fees stays.
        let own = "（一）本年度未收取信息处理费。";
        assert_eq!(without_generated_fee_sentence(own), own);
    }

    use super::*;

    #[test]
    fn heading_variants_are_recognised() {
        for printed in [
            "五、存在的主要问题及改进情况",
            "五、存在的问题及改进情况",
            "五、存在的主要问题及整改措施",
            "存在的主要问题及改进情况",
            "五、 存在的主要问题及改进情况：",
        ] {
            assert!(
                is_heading_of(printed, "五、存在的主要问题及改进情况"),
                "{printed}"
            );
        }
        assert!(!is_heading_of("一、加强组织领导", "一、总体情况"));
        assert!(!is_heading_of(
            "五、其他需要报告的事项",
            "五、存在的主要问题及改进情况"
        ));
    }

    #[test]
    fn a_paragraph_cut_by_a_page_break_is_joined() {
        let long = "二是加强政务信息管理。及时系统梳理、集中统一对外公开本部门制发的现行有效的行政规范性文件，对照“放";
        assert_eq!(
            join_paragraphs(&[long, "管服”改革要求。", "（二）下一节"], false),
            format!("{long}管服”改革要求。\n\n（二）下一节")
        );
    }

    #[test]
    fn fees_are_read_from_the_prose() {
        let text = "本年度收取政府信息公开信息处理费情况：发出收费通知的件数为0件，收费通知总金额为12.5元。";
        assert_eq!(
            figure_after(text, "收费通知总金额"),
            Decimal::from_str("12.5").ok()
        );
        assert_eq!(
            figure_after(text, "发出收费通知的件数"),
            Some(Decimal::ZERO)
        );
    }
}

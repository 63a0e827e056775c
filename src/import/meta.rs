//! The title (agency and year, hence the format), the kind of agency, and the contact block
//! of the preamble.

use super::prose::{Heading, Paragraphs};
use crate::report::{AgencyKind, Meta};

/// The report's title as found.
#[derive(Debug, Clone)]
pub struct Title {
    /// Position in `Paragraphs::items`.
    pub index: usize,
    pub agency: String,
    pub year: i32,
}

/// The year a title names: four digits from 2000 followed by 年.
fn year_in(text: &str) -> Option<(usize, usize, i32)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in 0..chars.len().saturating_sub(3) {
        let digits: String = chars[w..w + 4].iter().map(|(_, c)| *c).collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) || !digits.starts_with("20") {
            continue;
        }
        let after = chars[w + 4..].iter().find(|(_, c)| !c.is_whitespace());
        if after.is_some_and(|(_, c)| *c == '年') {
            let end = after.map_or(text.len(), |(i, c)| i + c.len_utf8());
            return Some((chars[w].0, end, digits.parse().ok()?));
        }
    }
    None
}

/// The first paragraph that reads as the title of an annual report.
/// The report's title: of the paragraphs that read as one, the last before the heading
/// 「一、总体情况」 (a portal lists other reports in its navigation before the article, and
/// repeats the title in `<title>`), else the first.
pub fn find_title(paragraphs: &Paragraphs) -> Option<Title> {
    let first_heading = paragraphs
        .items
        .iter()
        .position(|(_, text)| super::prose::is_heading_of(text, FIRST_HEADING))
        .unwrap_or(paragraphs.items.len());
    let candidates: Vec<Title> = title_candidates(paragraphs).collect();
    candidates
        .iter()
        .rev()
        .find(|t| t.index < first_heading)
        .or(candidates.first())
        .cloned()
}

/// The heading of section 一, the same in every format.
const FIRST_HEADING: &str = "一、总体情况";

fn title_candidates<'p>(paragraphs: &'p Paragraphs) -> impl Iterator<Item = Title> + 'p {
    paragraphs
        .items
        .iter()
        .enumerate()
        .filter_map(|(index, (_, text))| {
            let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            // 「…年度报告」, 「…工作报告」, 「关于…政府信息公开情况的报告」; not prose, not a
            // link to another report (上一篇, 下一篇, 相关).
            if compact.chars().count() > 90
                || ["上一篇", "下一篇", "相关"]
                    .iter()
                    .any(|w| compact.starts_with(w))
                || !compact.contains("政府信息公开")
                || !compact.contains("报告")
                || compact.contains('。')
                || compact.contains("如下")
            {
                return None;
            }
            let (start, end, year) = year_in(text)?;
            let before = text[..start].trim();
            let agency = if before.is_empty() {
                // 「2020年度某某局政府信息公开工作年度报告」
                let after = text[end..].trim_start_matches('度').trim();
                after
                    .split("政府信息公开")
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_string()
            } else {
                // 「某局政府信息公开工作2022年度报告」
                before
                    .split("政府信息公开")
                    .next()
                    .unwrap_or("")
                    .to_string()
            };
            let agency = agency
                .trim_start_matches("关于")
                .trim_end_matches(['-', '_', '|', ' '])
                .trim()
                .to_string();
            // A title printed on two lines (「洪泽区人民政府」 over 「2023 年政府信息公开工作年度报告」)
            // names the agency on the line above.
            let agency = if agency.is_empty() && index > 0 {
                let above = paragraphs.items[index - 1].1.trim();
                let plain =
                    above.chars().count() <= 30 && !above.contains(['。', '，', '：', ':', '、']);
                if plain { above.to_string() } else { agency }
            } else {
                agency
            };
            (!agency.is_empty()).then_some(Title {
                index,
                agency,
                year,
            })
        })
}

/// A people's government (人民政府) or an administrative committee (管委会) reports for its area.
pub fn kind_of(agency: &str) -> AgencyKind {
    if agency.ends_with("人民政府") || agency.contains("管委会") || agency.contains("管理委员会")
    {
        AgencyKind::Government
    } else {
        AgencyKind::Department
    }
}

/// Text after a label such as 「地址」, up to the next separator.
fn field_after<'t>(text: &'t str, labels: &[&str], stop: &[char]) -> Option<&'t str> {
    labels.iter().find_map(|label| {
        let at = text.find(label)? + label.len();
        let rest = text[at..].trim_start_matches([':', '：', ' ', '为']);
        let end = rest.find(stop).unwrap_or(rest.len());
        let value = rest[..end].trim();
        (!value.is_empty()).then_some(value)
    })
}

/// The contact block of the preamble (the paragraphs between the title and 一).
pub fn read_contact(paragraphs: &Paragraphs, title: &Title, headings: &[Heading], meta: &mut Meta) {
    let end = headings.first().map_or(paragraphs.items.len(), |h| h.item);
    let preamble: String = paragraphs
        .items
        .iter()
        .take(end)
        .skip(title.index + 1)
        .map(|(_, t)| *t)
        .collect::<Vec<_>>()
        .join("");
    let preamble = without_justification_spaces(&preamble);
    let stops = ['，', '；', '。', '）', ')', ',', ';'];
    if let Some(v) = field_after(&preamble, &["地址"], &stops) {
        meta.address = v.to_string();
    }
    if let Some(v) = field_after(&preamble, &["邮政编码", "邮编"], &stops) {
        meta.postcode = v.chars().filter(char::is_ascii_digit).collect();
    }
    if let Some(v) = field_after(&preamble, &["联系电话", "电话", "联系方式"], &stops) {
        meta.phone = v.to_string();
    }
    if let Some(v) = field_after(&preamble, &["电子邮箱", "电子信箱", "邮箱"], &stops) {
        meta.email = v.to_string();
    }
    if let Some(at) = preamble.find("门户网站（") {
        let rest = &preamble[at + "门户网站（".len()..];
        if let Some(end) = rest.find('）')
            && rest[..end].contains('.')
        {
            meta.website = rest[..end].trim().to_string();
        }
    }
    if let Some(at) = preamble.rfind("请与") {
        let rest = &preamble[at + "请与".len()..];
        if let Some(end) = rest.find("联系") {
            let office = rest[..end].trim();
            // 「淮安市洪泽区人民政府办公室」 for 洪泽区人民政府: the office after the agency's name.
            let office = office
                .find(title.agency.as_str())
                .map_or(office, |at| &office[at + title.agency.len()..]);
            meta.contact_office = office.trim().to_string();
        }
    }
}

/// Justified text from a PDF spreads characters apart (「邮 编 ： 223100 ， 电 话」): a space
/// between two Chinese characters, or beside Chinese punctuation, is not the writer's.
fn without_justification_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let chinese =
        |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) || "，。：；、（）“”《》".contains(c);
    let punctuation = |c: char| "，。：；、（）".contains(c);
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = chars[..i].iter().rev().find(|c| **c != ' ').copied();
            let after = chars[i + 1..].iter().find(|c| **c != ' ').copied();
            let drop = match (before, after) {
                (Some(b), Some(a)) => {
                    (chinese(b) && chinese(a)) || punctuation(b) || punctuation(a)
                }
                _ => true,
            };
            if drop {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_found_with_or_without_spaces() {
        assert_eq!(year_in("某局 2020 年政府信息公开").map(|y| y.2), Some(2020));
        assert_eq!(year_in("某局2021年度").map(|y| y.2), Some(2021));
        assert_eq!(year_in("第 711 号"), None);
    }

    fn title(text: &str) -> Option<(String, i32)> {
        let document = crate::import::Document {
            blocks: vec![crate::import::Block::Paragraph(text.into())],
            own_export: false,
        };
        find_title(&Paragraphs::of(&document)).map(|t| (t.agency, t.year))
    }

    #[test]
    fn titles_in_the_forms_reports_use() {
        let agency = |a: &str, y| Some((a.to_string(), y));
        assert_eq!(
            title("厦门市人力资源和社会保障局 2020 年政府信息公开工作年度报告"),
            agency("厦门市人力资源和社会保障局", 2020)
        );
        assert_eq!(
            title("某区外事办公室政府信息公开工作2022年度报告"),
            agency("某区外事办公室", 2022)
        );
        assert_eq!(
            title("2021年度某某县人民政府政府信息公开工作年度报告"),
            agency("某某县人民政府", 2021)
        );
        assert_eq!(
            title("关于某某局2022年度政府信息公开情况的报告"),
            agency("某某局", 2022)
        );
        assert_eq!(title("现将我办2022年度政府信息公开情况报告如下："), None);
    }

    #[test]
    fn the_title_is_the_last_candidate_before_section_one() {
        let paragraphs: Vec<&str> = vec![
            "某局2023年政府信息公开工作年度报告_某市人民政府",
            "某局2021年政府信息公开工作年度报告",
            "某局2023年政府信息公开工作年度报告",
            "一、总体情况",
            "下一篇：某局2022年政府信息公开工作年度报告",
        ];
        let document = crate::import::Document {
            blocks: paragraphs
                .iter()
                .map(|p| crate::import::Block::Paragraph(p.to_string()))
                .collect(),
            own_export: false,
        };
        let title = find_title(&Paragraphs::of(&document)).expect("a title");
        assert_eq!((title.index, title.year), (2, 2023));
    }

    #[test]
    fn justification_spaces_are_dropped_but_not_those_around_numbers() {
        assert_eq!(
            without_justification_spaces("洪泽湖大道 90号 ， 邮 编 ： 223100 ， 电 话 ： 0517-1"),
            "洪泽湖大道 90号，邮编：223100，电话：0517-1"
        );
    }

    #[test]
    fn a_government_reports_for_its_area() {
        assert_eq!(kind_of("某某县人民政府"), AgencyKind::Government);
        assert_eq!(kind_of("某某经济开发区管委会"), AgencyKind::Government);
        assert_eq!(kind_of("某某县人民政府办公室"), AgencyKind::Department);
    }
}

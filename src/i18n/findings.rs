//! Sentences for the findings of the checks.

use super::Lang;
use crate::check::{Detail, Finding, LastYearSource, Severity};
use crate::report::Number;
use crate::report::number::{InputError, MAX_WHOLE};

pub fn severity(lang: Lang, s: Severity) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "警告",
        (Severity::Hint, Lang::Zh) => "提示",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Hint, Lang::En) => "hint",
    }
}

pub fn input_problem(lang: Lang, p: InputError) -> String {
    match p {
        InputError::Empty => lang.pick("空白", "blank").into(),
        InputError::NotANumber => lang.pick("不是数字", "not a number").into(),
        InputError::Negative => lang.pick("不能为负数", "cannot be negative").into(),
        InputError::NotWhole => lang.pick("应为整数", "must be a whole number").into(),
        InputError::TooManyPlaces(places) => at_most_places(lang, places),
        InputError::TooLarge => match lang {
            Lang::Zh => format!("数值过大（最大 {MAX_WHOLE}）"),
            Lang::En => format!("too large (at most {MAX_WHOLE})"),
        },
    }
}

fn contact_labels(lang: Lang, keys: &[String]) -> Vec<String> {
    keys.iter()
        .map(|k| super::tui::form_label(lang, k).to_string())
        .collect()
}

/// 「最多四位小数」 / 「最多六位小数」: an amount's limit depends on its unit (元 / 万元).
pub fn at_most_places(lang: Lang, places: u32) -> String {
    const ZH: [&str; 7] = ["零", "一", "两", "三", "四", "五", "六"];
    const EN: [&str; 7] = ["no", "one", "two", "three", "four", "five", "six"];
    let i = places as usize;
    match lang {
        Lang::Zh => match ZH.get(i) {
            Some(n) => format!("最多{n}位小数"),
            None => format!("最多{places}位小数"),
        },
        Lang::En => match EN.get(i) {
            Some(n) => format!("at most {n} decimal places"),
            None => format!("at most {places} decimal places"),
        },
    }
}

fn numbers(lang: Lang, values: &[Number]) -> String {
    lang.list(&values.iter().map(Number::to_string).collect::<Vec<_>>())
}

/// A column of 三 out of balance, said the way round an officer fixes it: which side is larger,
/// by how much, and which rows to look at.
fn balance(lang: Lang, column: &str, left: Number, right: Number) -> String {
    let difference = right.as_decimal() - left.as_decimal();
    let by = difference.abs();
    let more = difference.is_sign_positive();
    match lang {
        Lang::Zh => format!(
            "{column}列不平：办理结果与结转下年度共 {right} 件，比本年新收与上年结转的申请（共 {left} 件）{} {by} 件；请核对该列“三、本年度办理结果”各行和“四、结转下年度继续办理”",
            if more { "多" } else { "少" }
        ),
        Lang::En => format!(
            "column {column} does not balance: results and applications carried over to next year come to {right}, {by} {} than the {left} received this year and carried from last year; check the column's rows under 三 (results) and 四 (carried over)",
            if more { "more" } else { "fewer" }
        ),
    }
}

/// The sentence for a finding.
pub fn finding(lang: Lang, f: &Finding) -> String {
    use Lang::*;
    match (&f.detail, lang) {
        (
            Detail::Balance {
                column,
                left,
                right,
            },
            _,
        ) => balance(lang, column, *left, *right),
        (Detail::Blank { label }, Zh) => format!("{label}：空白（没有的请填 0）"),
        (Detail::Blank { label }, En) => format!("{label}: blank (enter 0 if there were none)"),
        (Detail::Value { label, problem }, _) => {
            format!(
                "{label}{}{}",
                lang.pick("：", ": "),
                input_problem(lang, *problem)
            )
        }
        (Detail::Overflow { label }, Zh) => format!("{label}：合计超出可计算的范围"),
        (Detail::Overflow { label }, En) => format!("{label}: the sum is too large to compute"),
        (Detail::UnitMissing { label, units }, Zh) => {
            format!("{label}：请注明金额单位（{}）", lang.list(units))
        }
        (Detail::UnitMissing { label, units }, En) => {
            format!(
                "{label}: record the unit of the amount ({})",
                lang.list(units)
            )
        }
        (
            Detail::TemplateYear {
                template,
                year,
                expected: Some(e),
            },
            Zh,
        ) => {
            format!("{year}年的报告应使用 {e} 格式，当前为 {template}")
        }
        (
            Detail::TemplateYear {
                template,
                year,
                expected: Some(e),
            },
            En,
        ) => {
            format!("a {year} report uses the {e} format, not {template}")
        }
        (Detail::TemplateYear { year, .. }, Zh) => format!("{year}年没有适用的年度报告格式"),
        (Detail::TemplateYear { year, .. }, En) => format!("no report format applies to {year}"),
        (Detail::TextEmpty { heading }, Zh) => format!("{heading}：内容为空"),
        (Detail::TextEmpty { heading }, En) => format!("{heading}: empty"),
        (
            Detail::TextTooShort {
                heading,
                chars,
                min_chars,
            },
            Zh,
        ) => format!("{heading}：只有 {chars} 字，至少写 {min_chars} 字，说明本年度工作情况"),
        (
            Detail::TextTooShort {
                heading,
                chars,
                min_chars,
            },
            En,
        ) => format!(
            "{heading}: only {chars} characters; write at least {min_chars} on the year's work"
        ),
        (
            Detail::TopicsWithoutText {
                heading,
                topics,
                min_chars,
            },
            Zh,
        ) => format!(
            "{heading}：以下标题下没有正文（每个标题下至少写 {min_chars} 字）：{}",
            lang.list(topics)
        ),
        (
            Detail::TopicsWithoutText {
                heading,
                topics,
                min_chars,
            },
            En,
        ) => format!(
            "{heading}: no text under {} (at least {min_chars} characters under each heading)",
            lang.list(topics)
        ),
        (Detail::OverviewLength { chars, max }, Zh) => {
            format!("总体情况共 {chars} 字，超过 {max} 字的篇幅要求")
        }
        (Detail::OverviewLength { chars, max }, En) => {
            format!("the overview is {chars} characters long, over the {max} asked for")
        }
        (Detail::Contact { missing }, Zh) => format!(
            "未填写{}（报告开头要印出联系方式）",
            lang.list(&contact_labels(lang, missing))
        ),
        (Detail::Contact { missing }, En) => format!(
            "empty: {} (the preamble prints the contact)",
            lang.list(&contact_labels(lang, missing))
        ),
        (Detail::Topics { missing }, Zh) => {
            format!(
                "总体情况未提到：{}（格式要求写明五个方面）",
                lang.list(missing)
            )
        }
        (Detail::Topics { missing }, En) => format!(
            "the overview does not mention: {} (the format asks for five topics)",
            lang.list(missing)
        ),
        (Detail::Accountability { missing }, Zh) => format!(
            "人民政府的报告应在总体情况中写明工作考核、社会评议和责任追究结果情况，未提到：{}",
            lang.list(missing)
        ),
        (Detail::Accountability { missing }, En) => format!(
            "a people's government's overview must cover 工作考核、社会评议、责任追究; missing: {}",
            lang.list(missing)
        ),
        (Detail::FeesNotStated { missing }, Zh) => format!(
            "未说明信息处理费：{}（自2021年起即使为 0 也须说明）",
            lang.list(missing)
        ),
        (Detail::FeesNotStated { missing }, En) => format!(
            "信息处理费 not stated: {} (required from 2021, even when 0)",
            lang.list(missing)
        ),
        (Detail::FeesUnpaid { unpaid, notices }, Zh) => {
            format!("因逾期未缴费不再处理的申请有 {unpaid} 件，但本年只发出收费通知 {notices} 件")
        }
        (Detail::FeesUnpaid { unpaid, notices }, En) => format!(
            "{unpaid} requests were closed for unpaid fees, but only {notices} fee notices were sent"
        ),
        (
            Detail::Narrative {
                quote,
                found,
                candidates,
                label,
            },
            Zh,
        ) => {
            if candidates.len() == 1 {
                format!(
                    "正文「{quote}」写的是 {found}，表中{label}为 {}",
                    candidates[0]
                )
            } else {
                format!(
                    "正文「{quote}」写的是 {found}，与表中可能对应的数字（{}）都不符",
                    numbers(lang, candidates)
                )
            }
        }
        (
            Detail::Narrative {
                quote,
                found,
                candidates,
                label,
            },
            En,
        ) => {
            if candidates.len() == 1 {
                format!(
                    "the text 「{quote}」 says {found}, the table has {} ({label})",
                    candidates[0]
                )
            } else {
                format!(
                    "the text 「{quote}」 says {found}, which matches none of the table's figures ({})",
                    numbers(lang, candidates)
                )
            }
        }
        (
            Detail::UpheldAll {
                quote,
                contradicting,
            },
            _,
        ) => {
            let parts: Vec<String> = contradicting
                .iter()
                .map(|(header, n)| match lang {
                    Zh => format!("{header} {n} 件"),
                    En => format!("{header} {n}"),
                })
                .collect();
            match lang {
                Zh => format!("正文「{quote}」，但表四中{}", lang.list(&parts)),
                En => format!(
                    "the text says 「{quote}」 but table 四 shows {}",
                    lang.list(&parts)
                ),
            }
        }
        (Detail::Carry { column, last, this }, Zh) => {
            format!("{column}列：上年结转填 {this}，上年报告的结转下年度为 {last}")
        }
        (Detail::Carry { column, last, this }, En) => format!(
            "column {column}: carried over is {this}, last year's report carried forward {last}"
        ),
        (
            Detail::InForce {
                row,
                last,
                issued,
                repealed,
                expected,
                actual,
            },
            Zh,
        ) => format!(
            "{row}现行有效件数应为 {last}（上年）+{issued}（制发）−{repealed}（废止）={expected}，填的是 {actual}"
        ),
        (
            Detail::InForce {
                row,
                last,
                issued,
                repealed,
                expected,
                actual,
            },
            En,
        ) => format!(
            "{row}: in force should be {last} (last year) + {issued} issued − {repealed} repealed = {expected}, not {actual}"
        ),
        (Detail::Same { last_year }, Zh) => match last_year {
            Some(y) => format!("所有数字与{y}年报告完全相同，是否沿用了上年报告？"),
            None => "所有数字与上年报告完全相同，是否沿用了上年报告？".into(),
        },
        (Detail::Same { .. }, En) => {
            "every figure equals last year's: was last year's report copied?".into()
        }
        (Detail::OtherYear { source, of, report }, Zh) => {
            let before = report.saturating_sub(1);
            match source {
                LastYearSource::Draft => format!(
                    "上年报告是{of}年度的，而本报告是{report}年度（上年应为{before}年度），未与上年比较；请核对报告年度或上年报告文件"
                ),
                LastYearSource::Previous => format!(
                    "草稿中的上年数据（[previous]）是{of}年度的，而本报告是{report}年度（上年应为{before}年度），未与上年比较；请核对报告年度"
                ),
            }
        }
        (Detail::OtherYear { source, of, report }, En) => {
            let before = report.saturating_sub(1);
            match source {
                LastYearSource::Draft => format!(
                    "last year's report is for {of}, but this report is for {report} (last year is {before}): nothing was compared with last year; check the report year or last year's report file"
                ),
                LastYearSource::Previous => format!(
                    "the draft's last-year figures ([previous]) are for {of}, but this report is for {report} (last year is {before}): nothing was compared with last year; check the report year"
                ),
            }
        }
        (Detail::Jump { label, last, this }, Zh) => {
            format!("{label}：上年 {last}，今年 {this}，变化超过一倍，请核实")
        }
        (Detail::Jump { label, last, this }, En) => {
            format!("{label}: {last} last year, {this} this year — more than doubled or halved")
        }
        (Detail::LedgerStale { file, differing }, Zh) => {
            format!("表三与台账“{file}”现在的统计不一致（{differing} 处），可重新从台账导入")
        }
        (Detail::LedgerStale { file, differing }, En) => {
            format!(
                "table 三 no longer equals the ledger “{file}” ({differing} figures differ): import it again"
            )
        }
        (Detail::LedgerGone { file, unreadable }, Zh) => match unreadable {
            false => format!("表三来自的台账“{file}”已不存在"),
            true => format!("表三来自的台账“{file}”现在无法统计（有不能读取的行或列）"),
        },
        (Detail::LedgerGone { file, unreadable }, En) => match unreadable {
            false => format!("the ledger table 三 came from, “{file}”, is gone"),
            true => format!("the ledger table 三 came from, “{file}”, can no longer be counted"),
        },
        (Detail::PreviousText { heading, percent }, Zh) => {
            format!("{heading}有 {percent}% 的文字与上年报告相同（格式要求避免内容雷同）")
        }
        (Detail::PreviousText { heading, percent }, En) => {
            format!("{heading}: {percent}% of the text is the same as last year's")
        }
        (
            Detail::PrintedTotal {
                label,
                printed,
                sum,
            },
            Zh,
        ) => format!("{label}：公开文本印为 {printed}，其各项之和为 {sum}（原报告合计有误）"),
        (
            Detail::PrintedTotal {
                label,
                printed,
                sum,
            },
            En,
        ) => format!(
            "{label}: the published report prints {printed}, but its parts add up to {sum} (an error in the published report)"
        ),
        (
            Detail::Deadline {
                year,
                month,
                day,
                days_left,
            },
            Zh,
        ) => {
            if *days_left >= 0 {
                format!("距法定公开期限（{year}年{month}月{day}日）还有 {days_left} 天")
            } else {
                format!(
                    "已超过法定公开期限（{year}年{month}月{day}日）{} 天",
                    -days_left
                )
            }
        }
        (
            Detail::Deadline {
                year,
                month,
                day,
                days_left,
            },
            En,
        ) => {
            if *days_left >= 0 {
                format!(
                    "{days_left} days left to the statutory deadline ({year}-{month:02}-{day:02})"
                )
            } else {
                format!(
                    "{} days past the statutory deadline ({year}-{month:02}-{day:02})",
                    -days_left
                )
            }
        }
    }
}

/// The name of a section for grouping findings (`report` is 基本信息).
pub fn section_name(lang: Lang, template: &crate::template::Template, key: &str) -> String {
    if key == "report" {
        return lang.pick("基本信息", "Report details").to_string();
    }
    template
        .section(key)
        .map_or(key.to_string(), |s| s.heading.clone())
}

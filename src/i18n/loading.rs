//! Sentences for drafts that cannot be read.

use super::Lang;
use crate::report::number::MAX_WHOLE;
use crate::report::{LoadError, Problem, load::Expected};

fn expected_kind(lang: Lang, e: Expected) -> &'static str {
    match e {
        Expected::Text => lang.pick("加引号的文字", "text in quotes"),
        Expected::Integer => lang.pick("整数", "a whole number"),
        Expected::Table => lang.pick("表（{ … } 或 [节]）", "a table ({ … } or [section])"),
        Expected::List => lang.pick("列表", "a list"),
    }
}

/// A key as it is quoted back: a key of megabytes is shown by its start.
fn shortened(key: &str) -> std::borrow::Cow<'_, str> {
    const SHOWN: usize = 40;
    match key.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("{}…", &key[..end]).into(),
        None => key.into(),
    }
}

fn suggestion(lang: Lang, key: &str, expected: &[String]) -> String {
    // Comparing a long key with every expected one would take long for nothing.
    if key.len() > 64 {
        return String::new();
    }
    let best = expected
        .iter()
        .map(|e| (strsim::levenshtein(key, e), e))
        .filter(|(d, e)| *d <= 2 && *d < e.len())
        .min_by_key(|(d, _)| *d);
    match best {
        Some((_, e)) => match lang {
            Lang::Zh => format!("是不是“{e}”？"),
            Lang::En => format!("did you mean “{e}”? "),
        },
        None => String::new(),
    }
}

/// What the TOML parser's (English) message means, in Chinese, when it is one it knows:
/// 「unclosed table, expected `]`」 is 「[节] 缺少结尾的 ]」.
fn syntax_sentence(message: &str) -> Option<&'static str> {
    let what = message.split(", expected").next().unwrap_or(message);
    let has = |s: &str| what.contains(s);
    let sentence = if has("unclosed array table") {
        "[[…]] 缺少结尾的 ]]"
    } else if has("unclosed inline table") {
        "{ … } 缺少结尾的 }"
    } else if has("unclosed table") {
        "[节] 缺少结尾的 ]"
    } else if has("unclosed array") {
        "列表 [ … ] 缺少结尾的 ]"
    } else if has("key with no value") || has("missing assignment") {
        "键后面缺少 = 和值"
    } else if has("string values must be quoted") {
        "文字要加引号（或此处的值写错了）"
    } else if has("missing escaped value") || has("escape") {
        "反斜杠 \\ 后的转义写法有误（要写反斜杠本身，请写两个：\\\\）"
    } else if has("string") || has("missing opening quote") {
        "文字的引号不成对（可能缺少结尾的引号）"
    } else if has("duplicate key") {
        "同一个键写了两次"
    } else if has("number")
        || has("integer")
        || has("float")
        || has("mantissa")
        || has("fraction")
        || has("exponent")
        || has("leading zero")
        || has("unexpected sign")
    {
        "数字写法有误"
    } else if has("boolean") {
        "应为 true 或 false"
    } else if has("date-time") {
        "日期时间写法有误"
    } else if has("missing comma") {
        "缺少逗号"
    } else if has("extra comma") {
        "多了一个逗号"
    } else if has("extra `=`") || has("extra assignment") {
        "多了一个 ="
    } else if has("missing value") {
        "缺少值"
    } else if has("key") {
        "键的写法有误"
    } else if has("unexpected end") || has("eof") {
        "文件意外结束"
    } else if has("unexpected") {
        "此处有多余的内容"
    } else if has("table") {
        "表的写法有误"
    } else {
        return None;
    };
    Some(sentence)
}

pub fn problem(lang: Lang, p: &Problem) -> String {
    use Lang::*;
    match (p, lang) {
        (Problem::Io(f), Zh) => format!("无法读取：{}", super::io_fault(lang, f)),
        (Problem::Io(f), En) => format!("cannot read: {}", super::io_fault(lang, f)),
        (Problem::NotAFile, _) => lang
            .pick(
                "不是普通文件（是文件夹、管道或设备）",
                "not a regular file (a folder, pipe or device)",
            )
            .into(),
        (Problem::NotUtf8, _) => lang
            .pick(
                "此处起不是 UTF-8 文字，请将文件另存为 UTF-8 编码",
                "not UTF-8 text from here on: save the file as UTF-8",
            )
            .into(),
        (Problem::Syntax(m), Zh) => match syntax_sentence(m) {
            Some(what) => format!("TOML 语法错误：{what}（{m}）"),
            None => format!("TOML 语法错误（{m}）"),
        },
        (Problem::Syntax(m), En) => format!("TOML syntax error: {m}"),
        (Problem::UnknownKey { key, expected }, Zh) => format!(
            "未知的键“{}”。{}此处可用：{}",
            shortened(key),
            suggestion(lang, key, expected),
            lang.list(expected)
        ),
        (Problem::UnknownKey { key, expected }, En) => format!(
            "unknown key “{}”. {}Expected one of: {}",
            shortened(key),
            suggestion(lang, key, expected),
            lang.list(expected)
        ),
        (Problem::Missing { key }, Zh) => format!("缺少“{key}”"),
        (Problem::Missing { key }, En) => format!("“{key}” is missing"),
        (Problem::WrongType { key, expected }, Zh) => {
            format!("“{key}”应为{}", expected_kind(lang, *expected))
        }
        (Problem::WrongType { key, expected }, En) => {
            format!("“{key}” should be {}", expected_kind(lang, *expected))
        }
        (Problem::Negative { key }, Zh) => format!("“{key}”不能为负数"),
        (Problem::Negative { key }, En) => format!("“{key}” cannot be negative"),
        (Problem::NotWhole { key }, Zh) => format!("“{key}”应为整数"),
        (Problem::NotWhole { key }, En) => format!("“{key}” must be a whole number"),
        (Problem::NotANumber { key }, Zh) => {
            format!("“{key}”应为数字（不加引号，例如 12）")
        }
        (Problem::NotANumber { key }, En) => {
            format!("“{key}” should be a number (without quotes, e.g. 12)")
        }
        (Problem::TooLarge { key }, Zh) => format!("“{key}”数值过大（最大 {MAX_WHOLE}）"),
        (Problem::TooLarge { key }, En) => format!("“{key}” is too large (at most {MAX_WHOLE})"),
        (Problem::TooManyPlaces { key }, Zh) => format!("“{key}”最多四位小数"),
        (Problem::TooManyPlaces { key }, En) => {
            format!("“{key}” takes at most four decimal places")
        }
        (Problem::Computed { key, label }, Zh) => {
            format!("“{key}”（{label}）由程序自动计算，不能填写")
        }
        (Problem::Computed { key, label }, En) => {
            format!("“{key}” ({label}) is computed and cannot be typed")
        }
        (Problem::UnknownTemplate { id, known }, Zh) => {
            format!("未知的报告格式“{id}”，可用：{}", lang.list(known))
        }
        (Problem::UnknownTemplate { id, known }, En) => {
            format!("unknown report format “{id}”; known: {}", lang.list(known))
        }
        // A number below 1 was never written by any gongkai: no newer one reads it either.
        (Problem::SchemaTooNew { found }, Zh) if *found < 1 => format!(
            "文件格式版本 schema = {found} 无效：gongkai 写的草稿 schema 从 1 起（本程序读 {}），请改为 {}",
            crate::report::SCHEMA,
            crate::report::SCHEMA
        ),
        (Problem::SchemaTooNew { found }, En) if *found < 1 => format!(
            "schema = {found} is not valid: gongkai's drafts start at schema 1 (this program reads {}); write {}",
            crate::report::SCHEMA,
            crate::report::SCHEMA
        ),
        (Problem::SchemaTooNew { found }, Zh) => format!(
            "文件格式版本 schema = {found} 不是本程序能读的版本（{}），请使用新版 gongkai",
            crate::report::SCHEMA
        ),
        (Problem::SchemaTooNew { found }, En) => format!(
            "schema = {found} is not a version this program reads ({}); use a newer gongkai",
            crate::report::SCHEMA
        ),
        (Problem::BadYear { found }, Zh) => {
            format!("{found} 不是报告年度（应为 1949 到 2200 之间的四位年份，如 2024）")
        }
        (Problem::BadYear { found }, En) => {
            format!("{found} is not a report year (a year from 1949 to 2200, such as 2024)")
        }
        (Problem::NotFinite { key }, Zh) => {
            format!("“{key}”不是一个确定的数（nan、inf 或超出范围），请写出数字，例如 12.5")
        }
        (Problem::NotFinite { key }, En) => format!(
            "“{key}” is not a definite number (nan, inf or out of range): write the figure, e.g. 12.5"
        ),
        (Problem::TooBig { limit_mb }, Zh) => {
            format!("文件超过 {limit_mb} MB，不是草稿（草稿通常不到 1 MB），未读取")
        }
        (Problem::TooBig { limit_mb }, En) => format!(
            "the file is larger than {limit_mb} MB and cannot be a draft (drafts are usually under 1 MB); not read"
        ),
        (Problem::BadChoice { key, expected }, Zh) => {
            format!("“{key}”应为以下之一：{}", lang.list(expected))
        }
        (Problem::BadChoice { key, expected }, En) => {
            format!("“{key}” should be one of: {}", lang.list(expected))
        }
        (Problem::NoFees { template }, Zh) => format!(
            "{template} 格式没有信息处理费（[fees]），信息处理费自 2021 年（gip-2021）起才填报"
        ),
        (Problem::NoFees { template }, En) => format!(
            "the {template} format has no 信息处理费 ([fees]); they are reported from 2021 (gip-2021)"
        ),
    }
}

/// `file:line:column: problem`, the way compilers say it.
pub fn load_error(lang: Lang, e: &LoadError) -> String {
    let file = e
        .file
        .as_ref()
        .map_or_else(|| "<input>".to_string(), |p| p.display().to_string());
    if e.line == 0 {
        format!("{file}: {}", problem(lang, &e.problem))
    } else {
        format!(
            "{file}:{}:{}: {}",
            e.line,
            e.column,
            problem(lang, &e.problem)
        )
    }
}

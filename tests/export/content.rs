//! What every format says: the title, the generated preamble, the six canonical headings, the
//! prose paragraphs, the computed totals, the 信息处理费 sentence; and how the plain text and
//! Markdown formats lay tables out.

use crate::support::{acknowledged_sample_text, gip_2021_text, render_text};
use gongkai::export::Format;
use unicode_width::UnicodeWidthStr;

const TEXT_FORMATS: [Format; 4] = [Format::Html, Format::Txt, Format::Md, Format::Json];

#[test]
fn every_format_has_the_title_and_the_six_canonical_headings() {
    let headings_2019 = [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ];
    for format in TEXT_FORMATS {
        let out = render_text(&acknowledged_sample_text(), format, false);
        assert!(
            out.contains("厦门市人力资源和社会保障局2020年政府信息公开工作年度报告"),
            "{format:?}"
        );
        let mut at = 0;
        for heading in headings_2019 {
            let found = out[at..]
                .find(heading)
                .unwrap_or_else(|| panic!("{format:?}: {heading} in order"));
            at += found + heading.len();
        }
        assert!(
            !out.contains("草稿"),
            "{format:?}: a finished report has no draft mark"
        );
    }
}

#[test]
fn preamble_states_basis_period_publication_and_contact() {
    for format in TEXT_FORMATS {
        let out = render_text(&acknowledged_sample_text(), format, false);
        // Plain text wraps lines: read it without line breaks.
        let out = out.replace('\n', "");
        for part in [
            "《中华人民共和国政府信息公开条例》",
            "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）",
            "自2020年1月1日起至2020年12月31日止",
            "本报告电子版可在厦门市人力资源和社会保障局门户网站查阅",
            "厦门市人力资源和社会保障局办公室联系",
            "地址：厦门市思明区长青路 191 号",
            "邮编：361012",
            "电话：5327743",
        ] {
            assert!(out.contains(part), "{format:?}: {part}");
        }
    }
    let out = render_text(&gip_2021_text(), Format::Md, false);
    assert!(
        out.contains("《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）")
    );
    assert!(out.contains(
        "本报告电子版可在某某市某某局门户网站（<https://www.example.gov.cn/zwgk/>）查阅"
    ));
    assert!(out.contains("电子邮箱：gongkai@example.gov.cn"));
}

#[test]
fn prose_paragraphs_are_kept() {
    let out = render_text(&acknowledged_sample_text(), Format::Md, false);
    assert!(out.contains("\n### （一）聚焦权力配置运行，进一步加强用权公开\n"));
    assert!(out.contains("\n一是加强权力配置信息公开。"));
    assert!(out.contains("\n存在问题：由于政府信息公开工作"));
    assert!(out.contains("\n改进情况：一是在全局范围内"));
    let html = render_text(&acknowledged_sample_text(), Format::Html, false);
    assert!(html.contains("<h3>（一）聚焦权力配置运行，进一步加强用权公开</h3>"));
    assert!(html.contains("<p>改进情况：一是在全局范围内"));
}

#[test]
fn computed_totals_are_filled_in() {
    let md = render_text(&acknowledged_sample_text(), Format::Md, false);
    // 一 total 32, （七）总计 32 over its columns, 四 total 1, 未经复议直接起诉 total 5.
    assert!(md.contains("| 一、本年新收政府信息公开申请数量 | 31 | 1 | 0 | 0 | 0 | 0 | 32 |"));
    assert!(md.contains("| 三、本年度办理结果 · （七）总计 | 32 | 0 | 0 | 0 | 0 | 0 | 32 |"));
    assert!(md.contains("| 四、结转下年度继续办理 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |"));
    assert!(md.contains("| 0 | 0 | 0 | 0 | 0 | 3 | 2 | 0 | 0 | 5 | 0 | 0 | 0 | 0 | 0 |"));
    let json: serde_json::Value = serde_json::from_str(&render_text(
        &acknowledged_sample_text(),
        Format::Json,
        false,
    ))
    .unwrap();
    let requests = &json["sections"][2]["table"]["blocks"][0]["rows"];
    let total_handled = requests
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "total_handled")
        .unwrap();
    assert_eq!(total_handled["values"]["total"], 32);
    assert_eq!(total_handled["computed"], true);
}

#[test]
fn markdown_joins_group_labels() {
    let md = render_text(&gip_2021_text(), Format::Md, false);
    assert!(md.contains("| 三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密 |"));
    assert!(md.contains("| 三、本年度办理结果 · （六）其他处理 · 3.其他 |"));
    assert!(md.contains("| 申请人情况 · 法人或其他组织 · 商业企业 |"));
    assert!(md.contains("**第二十条第（一）项**"));
}

#[test]
fn fee_sentence_is_added_to_six_when_the_prose_does_not_state_the_fees() {
    let sentence = "本年度收取政府信息公开信息处理费情况：发出收费通知的件数为1件，收费通知总金额为100元，实际收取的总金额为100元。";
    for format in TEXT_FORMATS {
        let out = render_text(&gip_2021_text(), format, false).replace('\n', "");
        let six = out.find("六、其他需要报告的事项").expect("六");
        assert!(out[six..].contains(sentence), "{format:?}");
    }
    // Prose that already states them in figures gets no second statement.
    let stated = gip_2021_text().replace(
        "other = \"无其他需要报告的事项。\"",
        "other = \"本年度发出收费通知1件，收取信息处理费100元。\"",
    );
    let out = render_text(&stated, Format::Md, false);
    assert!(out.contains("本年度发出收费通知1件，收取信息处理费100元。"));
    assert!(!out.contains("本年度收取政府信息公开信息处理费情况"));
    // Naming the fees without figures states nothing: the sentence is added.
    let named = gip_2021_text().replace(
        "other = \"无其他需要报告的事项。\"",
        "other = \"严格执行信息处理费管理办法。\"",
    );
    let out = render_text(&named, Format::Md, false).replace('\n', "");
    assert!(out.contains(sentence));
    // gip-2019 has no fees to state.
    let out = render_text(&acknowledged_sample_text(), Format::Md, false);
    assert!(!out.contains("信息处理费情况"));
}

#[test]
fn unit_of_an_amount_the_format_prints_without_one_goes_with_the_figure() {
    let md = render_text(&acknowledged_sample_text(), Format::Md, false);
    assert!(md.contains("| 政府集中采购 | 44 | 240000元 |"));
    assert!(md.contains("| 信息内容 | 采购项目数量 | 采购总金额 |"));
}

#[test]
fn plain_text_tables_line_up_by_display_width() {
    // Widths as a Chinese terminal draws them: “” take two columns.
    let txt = render_text(&gip_2021_text(), Format::Txt, false);
    let mut table: Vec<&str> = Vec::new();
    let mut tables = 0;
    for line in txt.lines().chain(std::iter::once("")) {
        if line.starts_with('+') || line.starts_with('|') {
            table.push(line);
        } else if !table.is_empty() {
            let width = table[0].width_cjk();
            for l in &table {
                assert_eq!(l.width_cjk(), width, "{l}");
                assert!(l.ends_with('+') || l.ends_with('|'), "{l}");
            }
            tables += 1;
            table.clear();
        }
    }
    assert_eq!(tables, 3);
    // Prose lines fit a terminal.
    for line in txt.lines().filter(|l| !l.starts_with(['+', '|'])) {
        assert!(line.width_cjk() <= 76, "{line}");
    }
}

#[test]
fn plain_text_merges_cells_without_rules_inside() {
    let txt = render_text(&acknowledged_sample_text(), Format::Txt, false);
    // 三、本年度办理结果 spans twenty rows: its column has no rule from its first row to
    // （七）总计, so the label's lines stand in an unbroken column of `|        |`.
    let lines: Vec<&str> = txt.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.contains("（一）予以公开"))
        .unwrap();
    let last = lines.iter().position(|l| l.contains("（七）总计")).unwrap();
    for line in &lines[first..=last] {
        assert!(line.starts_with('|'), "{line}");
        assert_ne!(line.chars().nth(1), Some('-'), "{line}");
    }
}

#[test]
fn draft_export_marks_blank_cells_and_says_what_the_mark_means() {
    let text = gip_2021_text().replace("licensing = { decisions = 120 }", "licensing = {}");
    let md = render_text(&text, Format::Md, true);
    assert!(md.starts_with("> **草稿**"));
    assert!(md.contains("年度报告（草稿）"));
    assert!(md.contains("| 行政许可 | □ |"));
    assert!(md.contains("注：□为尚未填写的单元格（草稿）。"));
    let json: serde_json::Value =
        serde_json::from_str(&render_text(&text, Format::Json, true)).unwrap();
    assert_eq!(json["draft"], true);
    assert_eq!(json["finished"], false);
    assert_eq!(
        json["sections"][1]["table"]["blocks"][1]["rows"][0]["values"]["decisions"],
        serde_json::Value::Null
    );
}

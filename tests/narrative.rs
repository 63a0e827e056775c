//! `narrative.mismatch`: a figure in the prose that contradicts the tables is flagged; every
//! figure it cannot tie to a cell is left alone.

mod common;

use common::*;
use gongkai::check::codes;
use gongkai::report::Draft;

/// The sample's figures with other prose in 一.
fn sample_saying(overview: &str) -> Draft {
    let mut d = sample();
    d.text.insert("overview".into(), overview.into());
    d
}

fn mismatches(d: &Draft) -> Vec<String> {
    messages(&run(d), codes::NARRATIVE)
}

#[test]
fn the_sample_gives_exactly_the_1217_warning() {
    let o = run(&sample());
    let found = with_code(&o, codes::NARRATIVE);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].cell.as_deref(),
        Some("proactive.licensing.decisions")
    );
    assert_eq!(found[0].section, "overview");
    assert_eq!(
        mismatches(&sample()),
        ["正文「年内共办结行政许可1217件」写的是 1217，表中行政许可 · 处理决定数量为 1037"]
    );
}

#[test]
fn a_matching_figure_is_quiet() {
    for text in [
        "年内共办结行政许可1037件。",
        "按要求受理信息公开申请 32 件。",
        "共收到政府信息公开申请32件。",
        "本年度办结政府信息公开申请32件。",
        "收办政府信息公开申请 33 件（含上年结转 1 件）。",
        "结转下年度继续办理申请1件。",
        "作出行政处罚决定 1 件。",
        "涉及政府信息公开的行政诉讼案件5件。",
        "行政复议、行政诉讼案件共5件。",
        "予以公开11件，部分公开1件，无法提供12件。",
        "不予公开8件。",
        "制发规范性文件11份。",
        "自然人申请31件，法人或其他组织申请1件。",
        "共收到申请３２件。",
    ] {
        assert!(mismatches(&sample_saying(text)).is_empty(), "{text}");
    }
}

#[test]
fn a_contradicting_figure_is_flagged() {
    for (text, cell) in [
        (
            "按要求受理信息公开申请 35 件。",
            "requests.new_received.total",
        ),
        ("作出行政处罚决定 3 件。", "proactive.penalty.decisions"),
        ("行政复议案件134件。", "appeals.review.total"),
        ("予以公开 12 件。", "requests.granted.total"),
        ("自然人申请30件。", "requests.new_received.natural_person"),
        (
            "涉及政府信息公开的行政诉讼案件 7 件。",
            "appeals.litigation_direct.total",
        ),
        ("全年受理申请 1,032 件。", "requests.new_received.total"),
    ] {
        let d = sample_saying(text);
        let o = run(&d);
        let found = with_code(&o, codes::NARRATIVE);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].cell.as_deref(), Some(cell), "{text}");
    }
}

#[test]
fn figures_that_name_nothing_in_the_tables_are_left_alone() {
    for text in [
        // percentages, dates, article and document numbers
        "行政许可事项办结率 100%。",
        "2020年3月17日印发行政许可相关通知。",
        "依据《条例》第14条不予公开。",
        "印发《关于规范行政许可工作的通知》（厦人社办〔2020〕25号）。",
        // counts of other things
        "发布行政许可相关微信 293 条。",
        "开展政府信息公开培训 120 人次。",
        "公开行政许可事项清单6项。",
        // approximate numbers
        "受理申请近 40 件。",
        "受理申请约 40 件。",
        // a breakdown after 其中
        "受理信息公开申请 32 件，其中网上申请 18 件，当面申请 14 件。",
        "受理信息公开申请32件（其中网上申请18件）。",
        // a figure inside a document title
        "学习《行政许可法》等30份文件。",
        // the term is too far from the number
        "对照法律法规规章全面梳理行政许可事项，更新完善权责清单并按要求公开，累计发布信息 2908 条。",
        // a decimal is not a count
        "行政许可平均办理时间 1.5 次。",
        // a word narrowing the term makes the figure a part of it
        "受理信息公开申请32件，网上申请18件，当面申请14件。",
        "涉及劳动保障的申请3件。",
        "通过信函提交的申请5件。",
        "申请公开规范性文件3件。",
        // gip-2019 counts nothing repealed
        "废止规范性文件 5 件。",
    ] {
        assert!(
            mismatches(&sample_saying(text)).is_empty(),
            "{text}: {:?}",
            mismatches(&sample_saying(text))
        );
    }
}

#[test]
fn a_term_in_another_clause_is_not_tied_to_the_number() {
    let text = "2020 年我局印发的规范性文件均已在我局官网公开，年内共发布 99 份。";
    assert!(mismatches(&sample_saying(text)).is_empty());
}

#[test]
fn nothing_is_said_while_the_cells_are_blank() {
    let mut d = sample_saying("年内共办结行政许可1217件。");
    d.cells.remove("proactive.licensing.decisions");
    assert!(mismatches(&d).is_empty());
}

#[test]
fn upheld_all_with_a_correction_is_flagged() {
    // The sample has 2 行政诉讼 cases with 结果纠正.
    let d = sample_saying("政府信息公开行政诉讼案件5件，均获维持。");
    let found = mismatches(&d);
    assert_eq!(found, ["正文「均获维持」，但表四中结果纠正 2 件"]);
    // 行政复议 has no correction: quiet.
    let d = sample_saying("政府信息公开行政复议案件0件，均获维持。");
    assert!(mismatches(&d).is_empty());

    let mut d = quiet_2021();
    d.text
        .insert("other".into(), "行政复议案件均获维持。".into());
    set(&mut d, "appeals.review.upheld", 3);
    assert!(mismatches(&d).is_empty());
    set(&mut d, "appeals.review.pending", 1);
    assert_eq!(
        mismatches(&d),
        ["正文「行政复议案件均获维持」，但表四中尚未审结 1 件"]
    );
}

#[test]
fn mismatches_in_five_and_six_are_found_too() {
    let mut d = sample();
    d.text.insert(
        "problems".into(),
        "本年度共受理申请 40 件，存在答复不规范问题。".into(),
    );
    let o = run(&d);
    let found = with_code(&o, codes::NARRATIVE);
    assert_eq!(found.len(), 2);
    assert_eq!(found[1].section, "problems");
}

#[test]
fn english_messages_say_the_same() {
    let o = run(&sample());
    let f = with_code(&o, codes::NARRATIVE)[0];
    assert_eq!(
        gongkai::i18n::finding(gongkai::i18n::Lang::En, f),
        "the text 「年内共办结行政许可1217件」 says 1217, the table has 1037 (行政许可 · 处理决定数量)"
    );
}

#[test]
fn the_verb_before_a_term_picks_its_column() {
    let mut d = quiet_2021();
    set(&mut d, "proactive.normative_documents.issued", 3);
    set(&mut d, "proactive.normative_documents.repealed", 1);
    set(&mut d, "proactive.normative_documents.in_force", 25);
    for (text, flagged) in [
        ("本年制发行政规范性文件3件。", false),
        ("废止行政规范性文件1件。", false),
        ("现行有效行政规范性文件25件。", false),
        ("废止行政规范性文件3件。", true),
        ("印发规范性文件2件。", true),
    ] {
        d.text.insert("other".into(), text.into());
        assert_eq!(
            !mismatches(&d).is_empty(),
            flagged,
            "{text}: {:?}",
            mismatches(&d)
        );
    }
}

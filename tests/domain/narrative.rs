//! `narrative.mismatch`: a figure in the prose that contradicts the tables is flagged; every
//! figure it cannot tie to a cell is left alone.

use crate::common::*;
use gongkai::check::codes;
use gongkai::report::{AgencyKind, Draft};

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
fn a_figure_of_a_group_is_named_as_the_group_not_its_first_row() {
    // 不予公开 is the sum of its rows (8 in the sample); 法人或其他组织 of its columns (1).
    assert_eq!(
        mismatches(&sample_saying("全年不予公开10件。")),
        ["正文「全年不予公开10件」写的是 10，表中三、本年度办理结果 · （三）不予公开 · 总计为 8"]
    );
    assert_eq!(
        mismatches(&sample_saying("收到法人或其他组织申请5件。")),
        [
            "正文「收到法人或其他组织申请5件」写的是 5，表中一、本年新收政府信息公开申请数量 · 法人或其他组织为 1"
        ]
    );
    // A single cell is named as before.
    let one = mismatches(&sample_saying("年内共办结行政许可1000件。"));
    assert_eq!(
        one,
        ["正文「年内共办结行政许可1000件」写的是 1000，表中行政许可 · 处理决定数量为 1037"]
    );
}

#[test]
fn a_clause_inherits_the_term_its_verb_speaks_of() {
    // 发布 is said of 规范性文件, the sentence's subject: 11 were published, not 99.
    let text = "2020 年我局印发的规范性文件均已在我局官网公开，年内共发布 99 份。";
    assert_eq!(mismatches(&sample_saying(text)).len(), 1);
    let text = "2020 年我局印发的规范性文件均已在我局官网公开，年内共发布 11 份。";
    assert!(mismatches(&sample_saying(text)).is_empty());
    // A clause naming a thing of its own (信息) inherits nothing.
    let text = "2020 年我局印发的规范性文件均已在我局官网公开，年内共发布信息 99 条。";
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

/// The gip-2021 tables the corpus is written against (see its header).
fn corpus_2021(kind: AgencyKind) -> Draft {
    let mut d = quiet_2021();
    // The corpus writes of 2023 as this year (结转至2024年 is next year's).
    d.report.year = 2023;
    d.report.kind = kind;
    d.report.agency = match kind {
        AgencyKind::Department => "某某市人力资源和社会保障局".into(),
        AgencyKind::Government => "某某县人民政府".into(),
    };
    for (key, n) in [
        ("proactive.regulations.issued", 2),
        ("proactive.regulations.repealed", 1),
        ("proactive.regulations.in_force", 15),
        ("proactive.normative_documents.issued", 6),
        ("proactive.normative_documents.repealed", 3),
        ("proactive.normative_documents.in_force", 42),
        ("proactive.licensing.decisions", 356),
        ("proactive.penalty.decisions", 48),
        ("proactive.coercion.decisions", 7),
        ("requests.new_received.natural_person", 120),
        ("requests.new_received.business", 14),
        ("requests.new_received.research", 1),
        ("requests.new_received.nonprofit", 2),
        ("requests.new_received.legal_service", 3),
        ("requests.new_received.other_org", 4),
        ("requests.carried_over.natural_person", 5),
        ("requests.carried_over.business", 1),
        ("requests.granted.natural_person", 50),
        ("requests.granted.business", 6),
        ("requests.partly_granted.natural_person", 9),
        ("requests.refused_state_secret.natural_person", 1),
        ("requests.refused_third_party.natural_person", 4),
        ("requests.refused_internal_affairs.natural_person", 2),
        ("requests.refused_process_info.natural_person", 3),
        ("requests.refused_enforcement_files.natural_person", 1),
        ("requests.refused_query_matters.natural_person", 2),
        ("requests.unavailable_not_held.natural_person", 27),
        ("requests.unavailable_not_held.business", 3),
        ("requests.unavailable_needs_creation.natural_person", 5),
        ("requests.unavailable_unclear.natural_person", 4),
        ("requests.not_handled_petition.natural_person", 8),
        ("requests.not_handled_repeated.natural_person", 3),
        ("requests.not_handled_publication.natural_person", 1),
        ("requests.not_handled_confirmation.natural_person", 2),
        ("requests.other_no_correction.natural_person", 6),
        ("requests.other_misc.natural_person", 2),
        ("requests.carried_forward.natural_person", 9),
        ("requests.carried_forward.business", 2),
        ("appeals.review.upheld", 5),
        ("appeals.review.corrected", 2),
        ("appeals.review.other", 1),
        ("appeals.review.pending", 1),
        ("appeals.litigation_direct.upheld", 3),
        ("appeals.litigation_direct.corrected", 1),
        ("appeals.litigation_direct.pending", 2),
        ("appeals.litigation_after_review.upheld", 4),
    ] {
        set(&mut d, key, n);
    }
    d
}

#[derive(serde::Deserialize)]
struct Corpus {
    group: Vec<Group>,
}

#[derive(serde::Deserialize)]
struct Group {
    about: String,
    format: String,
    kind: String,
    #[serde(default)]
    flag: Vec<String>,
    #[serde(default)]
    quiet: Vec<String>,
}

#[test]
fn the_corpus_is_read_as_a_reviewer_reads_it() {
    let text = include_str!("../fixtures/prose_corpus.toml");
    let corpus: Corpus = toml::from_str(text).expect("the corpus reads");
    let (mut flagged, mut must_flag, mut false_alarms, mut must_stay_quiet) = (0, 0, 0, 0);
    let mut missed = Vec::new();
    let mut alarms = Vec::new();
    for group in &corpus.group {
        let kind = AgencyKind::parse(&group.kind).expect("a kind");
        let base = match group.format.as_str() {
            "gip-2019" => sample(),
            "gip-2021" => corpus_2021(kind),
            other => panic!("unknown format {other}"),
        };
        assert_eq!(base.report.kind, kind, "{}", group.about);
        let read = |sentence: &str| {
            let mut d = base.clone();
            d.text.insert("overview".into(), sentence.into());
            d.text
                .insert("problems".into(), "存在问题和改进措施。".into());
            d.text
                .insert("other".into(), "无其他需要报告的事项。".into());
            mismatches(&d)
        };
        for sentence in &group.flag {
            must_flag += 1;
            if read(sentence).is_empty() {
                missed.push(format!("{}: {sentence}", group.about));
            } else {
                flagged += 1;
            }
        }
        for sentence in &group.quiet {
            must_stay_quiet += 1;
            let found = read(sentence);
            if !found.is_empty() {
                false_alarms += 1;
                alarms.push(format!("{}: {sentence} → {found:?}", group.about));
            }
        }
    }
    for m in &missed {
        println!("missed: {m}");
    }
    let recall = flagged as f64 / must_flag as f64;
    println!(
        "prose corpus: {} sentences ({must_flag} must flag, {must_stay_quiet} must stay quiet); \
         recall {flagged}/{must_flag} = {:.1}%, false alarms {false_alarms}",
        must_flag + must_stay_quiet,
        recall * 100.0
    );
    assert!(must_flag + must_stay_quiet >= 150);
    assert!(recall >= 0.95, "missed: {missed:#?}");
    assert_eq!(false_alarms, 0, "false alarms: {alarms:#?}");
}

//! Every check of FORMAT.md §5 (but the prose reader, in narrative.rs): one test that makes it
//! fire and one that keeps it quiet.

use crate::common::{self, *};
use gongkai::check::{Options, Severity, codes};
use gongkai::report::{AgencyKind, Number, Previous, load};

#[test]
fn quiet_drafts_have_no_findings() {
    assert!(run(&quiet_2021()).findings.is_empty());
    let sample = run(&sample());
    let codes: Vec<&str> = sample.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, [codes::NARRATIVE]);
}

#[test]
fn balance_error_names_column() {
    let mut d = sample();
    set(&mut d, "requests.carried_forward.business", 2);
    let o = run(&d);
    let found = with_code(&o, codes::BALANCE);
    // The 商业企业 column and the 总计 column are both out of balance.
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(
        found[0].cell.as_deref(),
        Some("requests.carried_forward.business")
    );
    assert_eq!(found[0].expected, Some(Number::Count(1)));
    assert_eq!(found[0].actual, Some(Number::Count(2)));
    assert_eq!(
        messages(&o, codes::BALANCE)[0],
        "商业企业列不平：办理结果与结转下年度共 2 件，比本年新收与上年结转的申请（共 1 件）多 1 件；请核对该列“三、本年度办理结果”各行和“四、结转下年度继续办理”"
    );
    assert_eq!(
        found[1].cell.as_deref(),
        Some("requests.carried_forward.total")
    );
    // On screen the 总计 column only repeats the 商业企业 one.
    let t = gongkai::template::Template::builtin(&d.template).unwrap();
    assert!(!gongkai::check::repeats_another(t, &o.findings, found[0]));
    assert!(gongkai::check::repeats_another(t, &o.findings, found[1]));
}

#[test]
fn balance_says_which_side_is_short() {
    let mut d = sample();
    set(&mut d, "requests.carried_forward.business", 0);
    let o = run(&d);
    let said = &messages(&o, codes::BALANCE)[0];
    assert!(said.contains("（共 1 件）少 1 件"), "{said}");
}

#[test]
fn a_total_column_out_of_balance_alone_is_no_repeat() {
    let mut d = sample();
    set(&mut d, "requests.carried_forward.business", 2);
    let o = run(&d);
    let t = gongkai::template::Template::builtin(&d.template).unwrap();
    let total = with_code(&o, codes::BALANCE)[1].clone();
    // Without the 商业企业 finding beside it, 总计's is the only word of the imbalance.
    assert!(!gongkai::check::repeats_another(
        t,
        std::slice::from_ref(&total),
        &total
    ));
}

#[test]
fn balance_waits_for_a_column_to_be_filled() {
    let mut d = sample();
    d.cells.remove("requests.granted.natural_person");
    let o = run(&d);
    assert!(with_code(&o, codes::BALANCE).is_empty());
    assert_eq!(with_code(&o, codes::BLANK).len(), 1);
}

#[test]
fn blank_cell_is_not_zero() {
    let mut d = quiet_2021();
    d.cells.remove("appeals.review.pending");
    let o = run(&d);
    let blank = with_code(&o, codes::BLANK);
    assert_eq!(blank.len(), 1);
    assert_eq!(blank[0].cell.as_deref(), Some("appeals.review.pending"));
    assert_eq!(blank[0].severity, Severity::Warning);
    assert!(blank[0].blocks_export(), "a blank blocks a finished export");
    assert!(!blank[0].can_acknowledge());
    assert_eq!(o.summary().blank, 1);
    // The total over a blank is partial, not a number.
    assert_eq!(o.totals.get("appeals.review.total").unwrap().blanks, 1);
}

#[test]
fn value_takes_six_places_in_wan_yuan_and_four_in_yuan() {
    // 行政事业性收费 in 万元 to the fen: 12345.678912 万元 is 123,456,789.12 元.
    let mut d = quiet_2021();
    let fen: rust_decimal::Decimal = "12345.678912".parse().unwrap();
    d.cells
        .insert("proactive.fees.amount".into(), Number::Amount(fen));
    assert!(with_code(&run(&d), codes::VALUE).is_empty());
    let too_fine: rust_decimal::Decimal = "1.1234567".parse().unwrap();
    d.cells
        .insert("proactive.fees.amount".into(), Number::Amount(too_fine));
    assert_eq!(
        messages(&run(&d), codes::VALUE),
        ["行政事业性收费 · 本年收费金额（单位：万元）：最多六位小数"]
    );
    // The 信息处理费 figures are in 元: four places.
    let mut d = quiet_2021();
    d.fees
        .insert("billed".into(), Number::Amount("1.12345".parse().unwrap()));
    assert_eq!(
        messages(&run(&d), codes::VALUE),
        ["收费通知总金额：最多四位小数"]
    );
    // 采购总金额 follows the unit the draft records.
    let text = common::SAMPLE
        .replace("amount = 240000.0", "amount = 24.123456")
        .replace("amount_unit = \"元\"", "amount_unit = \"万元\"");
    assert!(text.contains("万元"));
    let d = load::load_str(&text).unwrap();
    assert!(with_code(&run(&d), codes::VALUE).is_empty());
}

#[test]
fn value_fires_for_an_amount_with_five_places_and_a_negative_count() {
    let text = common::SAMPLE.replace("amount = 240000.0", "amount = 240000.12345");
    let d = load::load_str(&text).unwrap();
    let o = run(&d);
    let found = messages(&o, codes::VALUE);
    assert_eq!(found, ["政府集中采购 · 采购总金额：最多四位小数"]);

    let mut d = sample();
    d.cells
        .insert("requests.granted.business".into(), Number::Signed(-1));
    let o = run(&d);
    assert_eq!(with_code(&o, codes::VALUE).len(), 1);
    assert_eq!(with_code(&o, codes::VALUE)[0].severity, Severity::Error);
}

#[test]
fn value_stays_quiet_for_four_places() {
    let text = common::SAMPLE.replace("amount = 240000.0", "amount = 240000.1234");
    let o = run(&load::load_str(&text).unwrap());
    assert!(with_code(&o, codes::VALUE).is_empty());
}

#[test]
fn an_amount_without_its_unit_is_an_error() {
    let mut d = sample();
    d.units.clear();
    let o = run(&d);
    assert_eq!(
        messages(&o, codes::VALUE),
        ["政府集中采购 · 采购总金额：请注明金额单位（元、万元）"]
    );
    // A zero amount needs no unit.
    d.cells.insert(
        "proactive.procurement.amount".into(),
        Number::zero(gongkai::template::Kind::Amount),
    );
    assert!(with_code(&run(&d), codes::VALUE).is_empty());
}

#[test]
fn template_year_fires_when_the_format_does_not_fit_the_year() {
    let mut d = sample();
    d.report.year = 2021;
    let o = run(&d);
    assert_eq!(
        messages(&o, codes::TEMPLATE_YEAR),
        ["2021年的报告应使用 gip-2021 格式，当前为 gip-2019"]
    );
    d.report.year = 2019;
    assert!(with_code(&run(&d), codes::TEMPLATE_YEAR).is_empty());
}

#[test]
fn text_empty_fires_for_each_empty_prose_section() {
    let mut d = quiet_2021();
    d.text.insert("problems".into(), "  \n ".into());
    d.text.remove("other");
    let o = run(&d);
    let found = with_code(&o, codes::TEXT_EMPTY);
    let cells: Vec<&str> = found.iter().filter_map(|f| f.cell.as_deref()).collect();
    assert_eq!(cells, ["problems", "other"]);
    assert!(found.iter().all(|f| f.severity == Severity::Error));
    assert!(with_code(&run(&quiet_2021()), codes::TEXT_EMPTY).is_empty());
}

#[test]
fn an_overview_of_a_word_or_two_without_headings_is_not_an_account() {
    let mut d = quiet_2021();
    for scrap in ["0", "略", "见附件。", "本年度工作正常开展。"] {
        d.text.insert("overview".into(), scrap.into());
        let o = run(&d);
        let found = with_code(&o, codes::TEXT_EMPTY);
        assert_eq!(found.len(), 1, "{scrap}");
        assert_eq!(found[0].cell.as_deref(), Some("overview"));
        assert!(
            messages(&o, codes::TEXT_EMPTY)[0].contains("至少写 20 字"),
            "{scrap}"
        );
    }
    // Twenty characters of text without headings is an account, if a short one.
    d.text.insert(
        "overview".into(),
        "本机关全年主动公开各类政府信息一百余条，依法按时答复全部申请。".into(),
    );
    assert!(with_code(&run(&d), codes::TEXT_EMPTY).is_empty());
    // 五 and 六 may rightly say only 「无。」.
    d.text.insert("other".into(), "无。".into());
    assert!(with_code(&run(&d), codes::TEXT_EMPTY).is_empty());
}

#[test]
fn text_empty_names_the_headings_with_no_text_beneath_them() {
    let mut d = quiet_2021();
    // The outline alone (Ctrl-T), as inserted.
    d.text.insert(
        "overview".into(),
        "（一）主动公开\n\n（二）依申请公开\n\n（三）政府信息管理\n\n（四）政府信息公开平台建设\n\n（五）监督保障\n"
            .into(),
    );
    let o = run(&d);
    let found = with_code(&o, codes::TEXT_EMPTY);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found[0].cell.as_deref(), Some("overview"));
    assert!(messages(&o, codes::TEXT_EMPTY)[0].contains("（一）主动公开、（二）依申请公开"));
    // Under 20 characters beneath one heading: that heading is named.
    let overview = quiet_2021().text("overview").replace(
        "本机关严格按照条例规定的程序和时限受理、办理政府信息公开申请。",
        "按规定办理。",
    );
    d.text.insert("overview".into(), overview);
    let o = run(&d);
    let message = &messages(&o, codes::TEXT_EMPTY)[0];
    assert!(message.contains("（二）依申请公开"), "{message}");
    assert!(!message.contains("（一）"), "{message}");
    // Headings with their text on the same line, and a reference to 第（一）项, are quiet.
    d.text.insert(
        "overview".into(),
        "（一）主动公开。本机关依据条例第二十条第（一）项公开规章和行政规范性文件，及时更新。（二）依申请公开。本机关全年按时答复全部申请，无逾期答复的情况发生，申请人满意。"
            .into(),
    );
    assert!(with_code(&run(&d), codes::TEXT_EMPTY).is_empty());
    // The sample, headed and written, is quiet.
    assert!(with_code(&run(&sample()), codes::TEXT_EMPTY).is_empty());
}

#[test]
fn report_contact_warns_of_an_empty_office_phone_or_address() {
    let mut d = quiet_2021();
    d.report.phone = " ".into();
    d.report.address.clear();
    let o = run(&d);
    let found = with_code(&o, codes::REPORT_CONTACT);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[0].section, "report");
    assert_eq!(
        messages(&o, codes::REPORT_CONTACT),
        ["未填写电话、地址（报告开头要印出联系方式）"]
    );
    assert!(with_code(&run(&quiet_2021()), codes::REPORT_CONTACT).is_empty());
    assert!(with_code(&run(&sample()), codes::REPORT_CONTACT).is_empty());
}

#[test]
fn overview_length_hints_only_when_the_template_sets_a_cap() {
    let mut d = quiet_2021();
    let long = "本机关扎实推进政务公开工作。".repeat(80);
    d.text
        .insert("overview".into(), format!("{}{long}", d.text("overview")));
    // Off by default.
    assert!(with_code(&run(&d), codes::OVERVIEW_LENGTH).is_empty());
    let mut capped = gongkai::template::Template::builtin("gip-2021")
        .unwrap()
        .clone();
    capped.checks.overview_max_chars = Some(1000);
    let o = gongkai::check::check(&capped, &d, &Options::default());
    let found = with_code(&o, codes::OVERVIEW_LENGTH);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Hint);
    let o = gongkai::check::check(&capped, &quiet_2021(), &Options::default());
    assert!(with_code(&o, codes::OVERVIEW_LENGTH).is_empty());
}

#[test]
fn overview_topics_accepts_the_words_reports_use() {
    let mut d = quiet_2021();
    d.text.insert(
        "overview".into(),
        "本机关做好主动公开和依申请公开工作，规范政府信息资源管理，加强平台载体建设，强化监督考核。".into(),
    );
    assert!(with_code(&run(&d), codes::OVERVIEW_TOPICS).is_empty());
}

#[test]
fn overview_topics_hint_lists_what_is_missing() {
    let mut d = quiet_2021();
    d.text
        .insert("overview".into(), "主动公开和依申请公开工作。".into());
    let o = run(&d);
    assert_eq!(
        messages(&o, codes::OVERVIEW_TOPICS),
        ["总体情况未提到：政府信息管理、政府信息公开平台建设、监督保障（格式要求写明五个方面）"]
    );
    assert_eq!(
        with_code(&o, codes::OVERVIEW_TOPICS)[0].severity,
        Severity::Hint
    );
    // gip-2019 asks for no topics.
    assert!(with_code(&run(&sample()), codes::OVERVIEW_TOPICS).is_empty());
}

#[test]
fn accountability_is_asked_of_governments_only() {
    let mut d = quiet_2021();
    d.report.kind = AgencyKind::Government;
    let o = run(&d);
    assert_eq!(with_code(&o, codes::ACCOUNTABILITY).len(), 1);
    assert!(messages(&o, codes::ACCOUNTABILITY)[0].contains("工作考核、社会评议、责任追究"));

    let overview = format!(
        "{}工作考核、社会评议和责任追究结果情况如下。",
        d.text("overview")
    );
    d.text.insert("overview".into(), overview);
    assert!(with_code(&run(&d), codes::ACCOUNTABILITY).is_empty());

    let department = quiet_2021();
    assert!(with_code(&run(&department), codes::ACCOUNTABILITY).is_empty());
}

#[test]
fn fees_stated_fires_when_the_figures_are_missing() {
    let mut d = quiet_2021();
    d.fees.clear();
    let o = run(&d);
    let found = with_code(&o, codes::FEES_STATED);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].cell.as_deref(), Some("fees.notices"));
    assert_eq!(found[0].section, "other");
    // Naming the fees states no figures, nor does a year beside them.
    for vague in [
        "我局严格执行信息处理费管理办法。",
        "2023年，本机关信息处理费相关工作情况良好。",
        "依据《政府信息公开信息处理费管理办法》第3条规范收费行为。",
    ] {
        d.text.insert("other".into(), vague.into());
        assert_eq!(with_code(&run(&d), codes::FEES_STATED).len(), 1, "{vague}");
    }
    // Stated in figures, or as an explicit none, in 六: quiet.
    for stated in [
        "本年度发出收费通知0件，收取信息处理费0元。",
        "本年度未收取信息处理费。",
        "本年度未发生收费信息处理费的情况。",
        "信息处理费：无。",
        "本机关2023年度收取信息公开处理费0元。",
        "发出收费通知的件数为0件，收费通知总金额0元，实际收取总金额0元。",
    ] {
        d.text.insert("other".into(), stated.into());
        assert!(
            with_code(&run(&d), codes::FEES_STATED).is_empty(),
            "{stated}"
        );
    }
    // gip-2019 has no fees.
    assert!(with_code(&run(&sample()), codes::FEES_STATED).is_empty());
}

#[test]
fn fees_unpaid_fires_when_fewer_notices_than_unpaid_requests() {
    let mut d = quiet_2021();
    set(&mut d, "requests.new_received.natural_person", 2);
    set(&mut d, "requests.other_unpaid_fee.natural_person", 2);
    d.fees.insert("notices".into(), Number::Count(1));
    let o = run(&d);
    assert_eq!(
        messages(&o, codes::FEES_UNPAID),
        ["因逾期未缴费不再处理的申请有 2 件，但本年只发出收费通知 1 件"]
    );
    // In the JSON the cell named holds `actual`; `expected` is the most it may hold.
    let f = with_code(&o, codes::FEES_UNPAID)[0];
    assert_eq!(f.cell.as_deref(), Some("requests.other_unpaid_fee.total"));
    assert_eq!(
        (f.expected, f.actual),
        (Some(Number::Count(1)), Some(Number::Count(2)))
    );
    d.fees.insert("notices".into(), Number::Count(2));
    assert!(run(&d).findings.is_empty());
}

#[test]
fn deadline_hint_counts_the_days_left() {
    let d = sample();
    let at = |date: &str| Options {
        last_year: None,
        today: Some(date.parse().unwrap()),
        ledger: None,
    };
    let o = run_with(&d, &at("2021-01-20"));
    assert_eq!(
        messages(&o, codes::DEADLINE),
        ["距法定公开期限（2021年1月31日）还有 11 天"]
    );
    let o = run_with(&d, &at("2021-02-02"));
    assert_eq!(
        messages(&o, codes::DEADLINE),
        ["已超过法定公开期限（2021年1月31日）2 天"]
    );
    // A people's government has until 31 March.
    let mut gov = d.clone();
    gov.report.kind = AgencyKind::Government;
    let o = run_with(&gov, &at("2021-03-01"));
    assert_eq!(
        messages(&o, codes::DEADLINE),
        ["距法定公开期限（2021年3月31日）还有 30 天"]
    );
    // Long past or long before: nothing to say.
    assert!(with_code(&run_with(&d, &at("2026-11-28")), codes::DEADLINE).is_empty());
    assert!(with_code(&run_with(&d, &at("2020-06-01")), codes::DEADLINE).is_empty());
}

fn previous(carried_forward: &[(&str, u64)], in_force: &[(&str, u64)]) -> Previous {
    Previous {
        year: Some(2023),
        file: None,
        carried_forward: carried_forward
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect(),
        in_force: in_force.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
    }
}

#[test]
fn previous_carry_fires_when_carried_over_differs_from_last_year() {
    let mut d = quiet_2021();
    d.previous = Some(previous(&[("business", 1), ("natural_person", 0)], &[]));
    let o = run(&d);
    let found = with_code(&o, codes::PREVIOUS_CARRY);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].cell.as_deref(),
        Some("requests.carried_over.business")
    );
    assert_eq!(
        messages(&o, codes::PREVIOUS_CARRY),
        ["商业企业列：上年结转填 0，上年报告的结转下年度为 1"]
    );

    set(&mut d, "requests.carried_over.business", 1);
    set(&mut d, "requests.carried_forward.business", 1);
    assert!(run(&d).findings.is_empty());
}

#[test]
fn previous_in_force_follows_issued_and_repealed() {
    let mut d = quiet_2021();
    d.previous = Some(previous(&[], &[("normative_documents", 23)]));
    set(&mut d, "proactive.normative_documents.issued", 2);
    set(&mut d, "proactive.normative_documents.repealed", 1);
    set(&mut d, "proactive.normative_documents.in_force", 25);
    let o = run(&d);
    assert_eq!(
        messages(&o, codes::PREVIOUS_IN_FORCE),
        ["行政规范性文件现行有效件数应为 23（上年）+2（制发）−1（废止）=24，填的是 25"]
    );
    set(&mut d, "proactive.normative_documents.in_force", 24);
    assert!(run(&d).findings.is_empty());
}

#[test]
fn previous_same_fires_for_a_copied_report() {
    let mut last = quiet_2021();
    last.report.year = 2023;
    set(&mut last, "proactive.licensing.decisions", 40);
    let mut this = last.clone();
    this.report.year = 2024;
    let o = run_against(&this, &last);
    assert_eq!(
        messages(&o, codes::PREVIOUS_SAME),
        ["所有数字与2023年报告完全相同，是否沿用了上年报告？"]
    );
    set(&mut this, "proactive.licensing.decisions", 41);
    assert!(with_code(&run_against(&this, &last), codes::PREVIOUS_SAME).is_empty());
}

#[test]
fn previous_same_is_quiet_for_an_agency_with_nothing_to_report() {
    let mut last = quiet_2021();
    last.report.year = 2023;
    let this = quiet_2021();
    assert!(with_code(&run_against(&this, &last), codes::PREVIOUS_SAME).is_empty());
}

#[test]
fn previous_year_sets_aside_last_years_draft_of_another_year() {
    // The 2024 report checked against a 2022 draft given as last year's.
    let mut last = quiet_2021();
    last.report.year = 2022;
    set(&mut last, "requests.carried_forward.business", 3);
    set(&mut last, "proactive.licensing.decisions", 40);
    let mut this = last.clone();
    this.report.year = 2024;
    let o = run_against(&this, &last);
    assert_eq!(
        messages(&o, codes::PREVIOUS_YEAR),
        [
            "上年报告是2022年度的，而本报告是2024年度（上年应为2023年度），未与上年比较；请核对报告年度或上年报告文件"
        ]
    );
    let found = with_code(&o, codes::PREVIOUS_YEAR);
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[0].section, "report");
    // Nothing else is said of last year: not a copy of it, nor a carry that differs from it.
    for code in [codes::PREVIOUS_SAME, codes::PREVIOUS_CARRY] {
        assert!(with_code(&o, code).is_empty(), "{code}");
    }

    // Of the year before: compared, and nothing said of its year.
    last.report.year = 2023;
    let o = run_against(&this, &last);
    assert!(with_code(&o, codes::PREVIOUS_YEAR).is_empty());
    assert_eq!(with_code(&o, codes::PREVIOUS_SAME).len(), 1);
    assert_eq!(with_code(&o, codes::PREVIOUS_CARRY).len(), 1);
}

#[test]
fn previous_year_sets_aside_the_drafts_own_figures_of_another_year() {
    let mut d = quiet_2021();
    let mut own = previous(&[("business", 1)], &[]);
    own.year = Some(2022);
    d.previous = Some(own.clone());
    let o = run(&d);
    assert_eq!(
        messages(&o, codes::PREVIOUS_YEAR),
        [
            "草稿中的上年数据（[previous]）是2022年度的，而本报告是2024年度（上年应为2023年度），未与上年比较；请核对报告年度"
        ]
    );
    assert!(with_code(&o, codes::PREVIOUS_CARRY).is_empty());

    // Figures that say no year (typed by hand) are taken as last year's.
    own.year = None;
    d.previous = Some(own.clone());
    let o = run(&d);
    assert!(with_code(&o, codes::PREVIOUS_YEAR).is_empty());
    assert_eq!(with_code(&o, codes::PREVIOUS_CARRY).len(), 1);

    // A right draft given as last year's stands in: the stale [previous] is not spoken of.
    own.year = Some(2022);
    d.previous = Some(own);
    let mut last = quiet_2021();
    last.report.year = 2023;
    assert!(with_code(&run_against(&d, &last), codes::PREVIOUS_YEAR).is_empty());
}

#[test]
fn previous_jump_hints_at_a_total_more_than_doubled() {
    let mut last = quiet_2021();
    last.report.year = 2023;
    set(&mut last, "proactive.licensing.decisions", 1037);
    let mut this = quiet_2021();
    set(&mut this, "proactive.licensing.decisions", 3000);
    let o = run_against(&this, &last);
    let found = with_code(&o, codes::PREVIOUS_JUMP);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Hint);
    assert_eq!(
        found[0].cell.as_deref(),
        Some("proactive.licensing.decisions")
    );
    set(&mut this, "proactive.licensing.decisions", 1500);
    assert!(with_code(&run_against(&this, &last), codes::PREVIOUS_JUMP).is_empty());
    set(&mut this, "proactive.licensing.decisions", 400);
    assert_eq!(
        with_code(&run_against(&this, &last), codes::PREVIOUS_JUMP).len(),
        1
    );
}

#[test]
fn previous_text_hints_at_a_copied_overview() {
    let last = sample();
    let mut this = sample();
    this.report.year = 2021;
    this.template = "gip-2021".into();
    let o = run_against(&this, &last);
    let found = messages(&o, codes::PREVIOUS_TEXT);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("一、总体情况有 100% 的文字与上年报告相同"));

    this.text.insert(
        "overview".into(),
        "今年全新撰写的总体情况，内容与上年完全不同。".into(),
    );
    this.text.insert(
        "problems".into(),
        "今年的问题与改进措施另有说明，不再重复。".into(),
    );
    assert!(with_code(&run_against(&this, &last), codes::PREVIOUS_TEXT).is_empty());
}

#[test]
fn an_acknowledged_warning_no_longer_blocks_export() {
    let mut d = sample();
    let o = run(&d);
    assert!(!o.is_finished());
    d.acknowledged.push(gongkai::report::Acknowledgement {
        code: codes::NARRATIVE.into(),
        cell: Some("proactive.licensing.decisions".into()),
        quote: None,
        reason: "正文1217件为办结件数，含非许可事项".into(),
    });
    let o = run(&d);
    assert!(o.is_finished());
    assert_eq!(o.summary().warnings, 0);
    assert_eq!(o.summary().acknowledged, 1);
    assert_eq!(
        o.findings[0].acknowledged.as_deref(),
        Some("正文1217件为办结件数，含非许可事项")
    );
}

#[test]
fn errors_cannot_be_acknowledged() {
    let mut d = sample();
    set(&mut d, "requests.carried_forward.business", 2);
    d.acknowledged.push(gongkai::report::Acknowledgement {
        code: codes::BALANCE.into(),
        cell: Some("requests.carried_forward.business".into()),
        quote: None,
        reason: "不想改".into(),
    });
    let o = run(&d);
    assert!(
        with_code(&o, codes::BALANCE)
            .iter()
            .all(|f| f.acknowledged.is_none())
    );
    assert!(!o.is_finished());
}

#[test]
fn totals_are_exact_and_overflow_is_an_error() {
    let o = run(&sample());
    let total = |k: &str| o.totals.get(k).unwrap().complete();
    assert_eq!(
        total("requests.new_received.total"),
        Some(Number::Count(32))
    );
    assert_eq!(
        total("requests.total_handled.total"),
        Some(Number::Count(32))
    );
    assert_eq!(
        total("requests.total_handled.natural_person"),
        Some(Number::Count(32))
    );
    assert_eq!(
        total("appeals.litigation_direct.total"),
        Some(Number::Count(5))
    );

    let mut d = quiet_2021();
    set(
        &mut d,
        "requests.new_received.natural_person",
        999_999_999_999,
    );
    set(&mut d, "requests.new_received.business", 999_999_999_999);
    // Within u64: a total of two maximal counts is still computed exactly.
    let o = run(&d);
    assert_eq!(
        o.totals
            .get("requests.new_received.total")
            .unwrap()
            .complete(),
        Some(Number::Count(1_999_999_999_998))
    );
    d.cells.insert(
        "requests.new_received.research".into(),
        Number::Count(u64::MAX),
    );
    let o = run(&d);
    assert!(
        with_code(&o, codes::VALUE)
            .iter()
            .any(|f| f.cell.as_deref() == Some("requests.new_received.total"))
    );
}

#[test]
fn an_acknowledgement_answers_the_words_it_was_given_for_and_no_later_ones() {
    let mut d = sample();
    let o = run(&d);
    let warning = with_code(&o, codes::NARRATIVE)[0].clone();
    d.acknowledged
        .push(warning.acknowledge("1217件为办结件数".into()));
    assert!(run(&d).is_finished());
    // A second contradiction of the same cell, elsewhere in the prose, is a new warning.
    d.text
        .insert("problems".into(), "本年度作出行政许可5件。".into());
    let o = run(&d);
    let found = with_code(&o, codes::NARRATIVE);
    assert_eq!(found.len(), 2);
    assert!(found[0].acknowledged.is_some());
    assert!(found[1].acknowledged.is_none());
    assert!(!o.is_finished());
    // So is the first one once its words change.
    let mut d = sample();
    d.acknowledged.push(warning.acknowledge("已核实".into()));
    let overview = d.text("overview").replace("1217件", "1218件");
    d.text.insert("overview".into(), overview);
    assert!(!run(&d).is_finished());
}

#[test]
fn blank_fee_figures_count_as_blank_unless_six_states_the_fees() {
    let mut d = quiet_2021();
    let t = gongkai::template::Template::builtin(&d.template).unwrap();
    let inputs = t.compiled().inputs.len();
    let full = gongkai::library::progress_of(t, &d, &run(&d));
    assert_eq!((full.filled, full.cells), (inputs + 3, inputs + 3));
    d.fees.clear();
    d.text
        .insert("other".into(), "我局严格执行信息处理费管理办法。".into());
    let blank = gongkai::library::progress_of(t, &d, &run(&d));
    assert_eq!((blank.filled, blank.cells), (inputs, inputs + 3));
    assert_eq!(gongkai::check::fees_left_blank(t, &d).len(), 3);
    d.text
        .insert("other".into(), "本年度未收取信息处理费。".into());
    let stated = gongkai::library::progress_of(t, &d, &run(&d));
    assert_eq!(
        stated.filled,
        inputs + 3,
        "stated in 六: nothing left to fill"
    );
    assert!(gongkai::check::fees_left_blank(t, &d).is_empty());
}

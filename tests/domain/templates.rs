//! The built-in templates against FORMAT.md: every key, every label character for character,
//! the row counts, the computed cells. The expected text below is copied from FORMAT.md, not
//! from the templates, so a typo in either shows up here.

use gongkai::template::{Kind, Layout, SectionKind, Template};

const SECTIONS: [(&str, &str, SectionKind); 6] = [
    ("overview", "一、总体情况", SectionKind::Prose),
    ("proactive", "二、主动公开政府信息情况", SectionKind::Table),
    (
        "requests",
        "三、收到和处理政府信息公开申请情况",
        SectionKind::Table,
    ),
    (
        "appeals",
        "四、政府信息公开行政复议、行政诉讼情况",
        SectionKind::Table,
    ),
    (
        "problems",
        "五、存在的主要问题及改进情况",
        SectionKind::Prose,
    ),
    ("other", "六、其他需要报告的事项", SectionKind::Prose),
];

/// Table 三's rows common to both formats, before （六）其他处理.
const REQUEST_ROWS_HEAD: [(&str, &str); 20] = [
    ("new_received", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "二、上年结转政府信息公开申请数量"),
    ("granted", "（一）予以公开"),
    (
        "partly_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ),
    ("refused_state_secret", "1.属于国家秘密"),
    ("refused_prohibited_by_law", "2.其他法律行政法规禁止公开"),
    ("refused_security_stability", "3.危及“三安全一稳定”"),
    ("refused_third_party", "4.保护第三方合法权益"),
    ("refused_internal_affairs", "5.属于三类内部事务信息"),
    ("refused_process_info", "6.属于四类过程性信息"),
    ("refused_enforcement_files", "7.属于行政执法案卷"),
    ("refused_query_matters", "8.属于行政查询事项"),
    ("unavailable_not_held", "1.本机关不掌握相关政府信息"),
    ("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
    ("unavailable_unclear", "3.补正后申请内容仍不明确"),
    ("not_handled_petition", "1.信访举报投诉类申请"),
    ("not_handled_repeated", "2.重复申请"),
    ("not_handled_publication", "3.要求提供公开出版物"),
    ("not_handled_excessive", "4.无正当理由大量反复申请"),
    (
        "not_handled_confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
    ),
];

const REQUEST_ROWS_2021_OTHER: [(&str, &str); 3] = [
    (
        "other_no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "other_unpaid_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    ("other_misc", "3.其他"),
];

const REQUEST_COLUMNS: [(&str, &str); 7] = [
    ("natural_person", "自然人"),
    ("business", "商业企业"),
    ("research", "科研机构"),
    ("nonprofit", "社会公益组织"),
    ("legal_service", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
];

fn expected_request_rows(id: &str) -> Vec<(&'static str, &'static str)> {
    let mut rows = REQUEST_ROWS_HEAD.to_vec();
    if id == "gip-2019" {
        rows.push(("other_handling", "（六）其他处理"));
    } else {
        rows.extend(REQUEST_ROWS_2021_OTHER);
    }
    rows.push(("total_handled", "（七）总计"));
    rows.push(("carried_forward", "四、结转下年度继续办理"));
    rows
}

fn template(id: &str) -> &'static Template {
    Template::builtin(id).expect("built-in template")
}

#[test]
fn both_formats_have_the_six_sections_with_canonical_headings() {
    for id in ["gip-2019", "gip-2021"] {
        let t = template(id);
        let got: Vec<(&str, &str, SectionKind)> = t
            .sections
            .iter()
            .map(|s| (s.key.as_str(), s.heading.as_str(), s.kind))
            .collect();
        assert_eq!(got, SECTIONS.to_vec(), "{id}");
    }
}

#[test]
fn formats_follow_the_report_year() {
    assert_eq!(Template::for_year(2019).unwrap().id, "gip-2019");
    assert_eq!(Template::for_year(2020).unwrap().id, "gip-2019");
    assert_eq!(Template::for_year(2021).unwrap().id, "gip-2021");
    assert_eq!(Template::for_year(2030).unwrap().id, "gip-2021");
    assert!(Template::for_year(2018).is_none());
    assert_eq!(template("gip-2019").issued_by, "国办公开办函〔2019〕60号");
    assert_eq!(template("gip-2021").issued_by, "国办公开办函〔2021〕30号");
}

#[test]
fn table_three_rows_and_labels_match_format_md() {
    for (id, count, results) in [("gip-2019", 23, 20), ("gip-2021", 25, 22)] {
        let table = template(id).table("requests").unwrap();
        assert_eq!(table.layout, Layout::Matrix);
        let rows: Vec<(&str, &str)> = table
            .rows()
            .map(|(_, r)| (r.key.as_str(), r.label.as_str()))
            .collect();
        assert_eq!(rows, expected_request_rows(id), "{id}");
        assert_eq!(rows.len(), count, "{id}: numeric rows");
        let in_results = table
            .rows()
            .filter(|(_, r)| table.row_path(r)[0] == "三、本年度办理结果")
            .count();
        assert_eq!(in_results, results, "{id}: rows under 三、本年度办理结果");
        let columns: Vec<(&str, &str)> = table.blocks[0]
            .columns
            .iter()
            .map(|c| (c.key.as_str(), c.header.as_str()))
            .collect();
        assert_eq!(columns, REQUEST_COLUMNS.to_vec(), "{id}");
        assert_eq!(
            table.corner.as_deref(),
            Some("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
        );
    }
}

#[test]
fn table_three_groups_match_format_md() {
    let table = template("gip-2021").table("requests").unwrap();
    let path = |key: &str| table.row_path(table.row(key).unwrap().1).join("/");
    assert_eq!(path("granted"), "三、本年度办理结果/（一）予以公开");
    assert_eq!(
        path("refused_state_secret"),
        "三、本年度办理结果/（三）不予公开/1.属于国家秘密"
    );
    assert_eq!(
        path("unavailable_unclear"),
        "三、本年度办理结果/（四）无法提供/3.补正后申请内容仍不明确"
    );
    assert_eq!(
        path("not_handled_repeated"),
        "三、本年度办理结果/（五）不予处理/2.重复申请"
    );
    assert_eq!(
        path("other_misc"),
        "三、本年度办理结果/（六）其他处理/3.其他"
    );
    assert_eq!(path("total_handled"), "三、本年度办理结果/（七）总计");
    let column = |key: &str| {
        let c = table.blocks[0]
            .columns
            .iter()
            .find(|c| c.key == key)
            .unwrap();
        table.column_path(c).join("/")
    };
    assert_eq!(column("natural_person"), "申请人情况/自然人");
    assert_eq!(column("business"), "申请人情况/法人或其他组织/商业企业");
    assert_eq!(column("total"), "申请人情况/总计");
    let old = template("gip-2019").table("requests").unwrap();
    let (_, other) = old.row("other_handling").unwrap();
    assert_eq!(
        old.row_path(other).join("/"),
        "三、本年度办理结果/（六）其他处理"
    );
}

#[test]
fn computed_cells_are_the_totals_of_format_md() {
    for id in ["gip-2019", "gip-2021"] {
        let t = template(id);
        let computed: Vec<String> = t
            .tables
            .iter()
            .flat_map(|tb| tb.cells())
            .filter(|c| c.is_computed())
            .map(|c| c.key())
            .collect();
        // 总计 column of every row of 三, （七）总计 across every column, each 总计 of 四.
        let requests = t.table("requests").unwrap();
        let mut expected: Vec<String> = requests
            .rows()
            .flat_map(|(_, r)| {
                let all_columns = r.key == "total_handled";
                REQUEST_COLUMNS
                    .iter()
                    .filter(move |(c, _)| all_columns || *c == "total")
                    .map(move |(c, _)| format!("requests.{}.{c}", r.key))
            })
            .collect();
        for group in ["review", "litigation_direct", "litigation_after_review"] {
            expected.push(format!("appeals.{group}.total"));
        }
        assert_eq!(computed, expected, "{id}");
    }
}

#[test]
fn table_two_blocks_match_format_md() {
    let blocks = |id: &str| -> Vec<(String, Vec<String>, Vec<String>)> {
        template(id)
            .table("proactive")
            .unwrap()
            .blocks
            .iter()
            .map(|b| {
                (
                    b.caption.clone().unwrap_or_default(),
                    b.rows
                        .iter()
                        .map(|r| format!("{}:{}", r.key, r.label))
                        .collect(),
                    b.columns
                        .iter()
                        .map(|c| format!("{}:{}", c.key, c.header))
                        .collect(),
                )
            })
            .collect()
    };
    let v = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        blocks("gip-2021"),
        vec![
            (
                "第二十条第（一）项".into(),
                v(&["regulations:规章", "normative_documents:行政规范性文件"]),
                v(&[
                    "issued:本年制发件数",
                    "repealed:本年废止件数",
                    "in_force:现行有效件数"
                ]),
            ),
            (
                "第二十条第（五）项".into(),
                v(&["licensing:行政许可"]),
                v(&["decisions:本年处理决定数量"]),
            ),
            (
                "第二十条第（六）项".into(),
                v(&["penalty:行政处罚", "coercion:行政强制"]),
                v(&["decisions:本年处理决定数量"]),
            ),
            (
                "第二十条第（八）项".into(),
                v(&["fees:行政事业性收费"]),
                v(&["amount:本年收费金额（单位：万元）"]),
            ),
        ]
    );
    let services = v(&[
        "last_year:上一年项目数量",
        "change:本年增/减",
        "decisions:处理决定数量",
    ]);
    assert_eq!(
        blocks("gip-2019"),
        vec![
            (
                "第二十条第（一）项".into(),
                v(&["regulations:规章", "normative_documents:规范性文件"]),
                v(&[
                    "made:本年新制作数量",
                    "published:本年新公开数量",
                    "public_total:对外公开总数量"
                ]),
            ),
            (
                "第二十条第（五）项".into(),
                v(&["licensing:行政许可", "other_services:其他对外管理服务事项"]),
                services.clone(),
            ),
            (
                "第二十条第（六）项".into(),
                v(&["penalty:行政处罚", "coercion:行政强制"]),
                services,
            ),
            (
                "第二十条第（八）项".into(),
                v(&["fees:行政事业性收费"]),
                v(&["last_year:上一年项目数量", "change:本年增/减"]),
            ),
            (
                "第二十条第（九）项".into(),
                v(&["procurement:政府集中采购"]),
                v(&["projects:采购项目数量", "amount:采购总金额"]),
            ),
        ]
    );
}

#[test]
fn column_kinds_are_count_signed_and_amount() {
    let kind = |id: &str, key: &str| template(id).cell(key).unwrap().column.kind;
    assert_eq!(kind("gip-2019", "proactive.licensing.change"), Kind::Signed);
    assert_eq!(
        kind("gip-2019", "proactive.procurement.amount"),
        Kind::Amount
    );
    assert_eq!(
        template("gip-2019")
            .cell("proactive.procurement.amount")
            .unwrap()
            .column
            .units,
        vec!["元", "万元"]
    );
    assert_eq!(kind("gip-2021", "proactive.fees.amount"), Kind::Amount);
    assert_eq!(
        kind("gip-2021", "requests.new_received.business"),
        Kind::Count
    );
}

#[test]
fn table_four_matches_format_md() {
    for id in ["gip-2019", "gip-2021"] {
        let table = template(id).table("appeals").unwrap();
        assert_eq!(table.layout, Layout::Across);
        let headers: Vec<Vec<&str>> = table
            .rows()
            .flat_map(|(b, r)| {
                b.columns.iter().map(move |c| {
                    let mut p = table.row_path(r);
                    p.push(&c.header);
                    p
                })
            })
            .collect();
        assert_eq!(headers.len(), 15);
        assert_eq!(headers[0], ["行政复议", "结果维持"]);
        assert_eq!(headers[4], ["行政复议", "总计"]);
        assert_eq!(headers[5], ["行政诉讼", "未经复议直接起诉", "结果维持"]);
        assert_eq!(headers[13], ["行政诉讼", "复议后起诉", "尚未审结"]);
        let keys: Vec<String> = table.cells().map(|c| c.key()).collect();
        assert_eq!(keys[1], "appeals.review.corrected");
        assert_eq!(keys[7], "appeals.litigation_direct.other");
        assert_eq!(keys[14], "appeals.litigation_after_review.total");
    }
}

#[test]
fn fees_are_in_gip_2021_only() {
    assert!(!template("gip-2019").has_fees);
    let fees: Vec<&str> = template("gip-2021")
        .fees
        .iter()
        .map(|f| f.key.as_str())
        .collect();
    assert_eq!(fees, ["notices", "billed", "collected"]);
}

#[test]
fn every_row_has_help_text() {
    for t in Template::all() {
        for table in &t.tables {
            for (_, row) in table.rows() {
                assert!(!row.help.trim().is_empty(), "{}: {}", t.id, row.key);
            }
        }
    }
}

#[test]
fn the_2021_overview_outline_lists_the_five_topics() {
    let outline = &template("gip-2021").section("overview").unwrap().outline;
    assert_eq!(outline.len(), 5);
    assert!(outline[4].contains("监督保障"));
    assert!(
        template("gip-2019")
            .section("overview")
            .unwrap()
            .outline
            .is_empty()
    );
}

#[test]
fn a_broken_template_is_refused_with_a_reason_not_a_panic() {
    let text = include_str!("../../assets/templates/gip-2021.toml");
    let broken = text.replace("group = \"refused\"", "group = \"refusedd\"");
    let err = Template::parse(&broken).unwrap_err();
    assert!(err.to_string().contains("refusedd"), "{err}");
    assert!(Template::parse("id = ").is_err());
    assert!(Template::parse("").is_err());
}

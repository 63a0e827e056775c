//! The official printed grid of each table, checked cell by cell against FORMAT.md for both
//! formats: every merged cell's position, spans, role and label, in order. The labels below are
//! copied from FORMAT.md, not from the templates, so a renamed row in a template fails here.

use gongkai::template::Template;
use gongkai::template::grid::{Content, Grid, Role, Slot};

fn grid(template: &str, table: &str) -> Grid {
    Template::builtin(template)
        .and_then(|t| t.table(table))
        .map(|t| t.grid())
        .expect("a built-in table")
}

/// One line per origin cell, in reading order: `row,column rows×columns role text`.
fn labels(grid: &Grid) -> Vec<String> {
    let mut out = Vec::new();
    for r in 0..grid.height() {
        for (c, cell) in grid.row_origins(r) {
            if let Content::Text(text) = &cell.content {
                out.push(format!(
                    "{r},{c} {}×{} {:?} {text}",
                    cell.row_span, cell.col_span, cell.role
                ));
            }
        }
    }
    out
}

/// Every slot is an origin or covered by an origin whose span reaches it, and every origin's
/// span covers only slots pointing back at it.
fn assert_consistent(grid: &Grid) {
    let width = grid.width();
    for row in &grid.slots {
        assert_eq!(row.len(), width, "rows of one width");
    }
    for (r, row) in grid.slots.iter().enumerate() {
        for (c, slot) in row.iter().enumerate() {
            match slot {
                Slot::Origin(cell) => {
                    for rr in r..r + cell.row_span {
                        for cc in c..c + cell.col_span {
                            if (rr, cc) != (r, c) {
                                assert_eq!(grid.slots[rr][cc], Slot::Covered(r, c), "({rr},{cc})");
                            }
                        }
                    }
                }
                Slot::Covered(or, oc) => {
                    let origin = grid.origin(*or, *oc).expect("covered by an origin");
                    assert!(r < or + origin.row_span && c < oc + origin.col_span);
                }
            }
        }
    }
}

const CORNER: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// Table 三's header, the same in both formats (FORMAT.md §3).
fn requests_header() -> Vec<String> {
    vec![
        format!("0,0 3×3 Corner {CORNER}"),
        "0,3 1×7 ColumnHeader 申请人情况".into(),
        "1,3 2×1 ColumnHeader 自然人".into(),
        "1,4 1×5 ColumnHeader 法人或其他组织".into(),
        "1,9 2×1 ColumnHeader 总计".into(),
        "2,4 1×1 ColumnHeader 商业企业".into(),
        "2,5 1×1 ColumnHeader 科研机构".into(),
        "2,6 1×1 ColumnHeader 社会公益组织".into(),
        "2,7 1×1 ColumnHeader 法律服务机构".into(),
        "2,8 1×1 ColumnHeader 其他".into(),
    ]
}

/// The row labels of table 三 through （五）不予处理 (rows 3 to 22), the same in both formats;
/// `results` is how many rows 三、本年度办理结果 spans.
fn requests_rows_to_not_handled(results: usize) -> Vec<String> {
    let mut out: Vec<String> = vec![
        "3,0 1×3 RowHeader 一、本年新收政府信息公开申请数量".into(),
        "4,0 1×3 RowHeader 二、上年结转政府信息公开申请数量".into(),
        format!("5,0 {results}×1 RowHeader 三、本年度办理结果"),
        "5,1 1×2 RowHeader （一）予以公开".into(),
        "6,1 1×2 RowHeader （二）部分公开（区分处理的，只计这一情形，不计其他情形）".into(),
        "7,1 8×1 RowHeader （三）不予公开".into(),
    ];
    let refused = [
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
    ];
    for (i, label) in refused.iter().enumerate() {
        out.push(format!("{},2 1×1 RowHeader {label}", 7 + i));
    }
    out.push("15,1 3×1 RowHeader （四）无法提供".into());
    let unavailable = [
        "1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
    ];
    for (i, label) in unavailable.iter().enumerate() {
        out.push(format!("{},2 1×1 RowHeader {label}", 15 + i));
    }
    out.push("18,1 5×1 RowHeader （五）不予处理".into());
    let not_handled = [
        "1.信访举报投诉类申请",
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
    ];
    for (i, label) in not_handled.iter().enumerate() {
        out.push(format!("{},2 1×1 RowHeader {label}", 18 + i));
    }
    out
}

/// The number cells of table 三: each data row has the seven columns, 总计 computed, and
/// （七）总计 computed throughout.
fn assert_requests_values(grid: &Grid, row_keys: &[&str]) {
    let columns = [
        "natural_person",
        "business",
        "research",
        "nonprofit",
        "legal_service",
        "other_org",
        "total",
    ];
    assert_eq!(grid.height(), 3 + row_keys.len());
    for (i, row) in row_keys.iter().enumerate() {
        for (j, column) in columns.iter().enumerate() {
            let cell = grid.origin(3 + i, 3 + j).expect("a number cell");
            assert_eq!((cell.row_span, cell.col_span), (1, 1));
            assert_eq!(
                cell.content,
                Content::Value(format!("requests.{row}.{column}"))
            );
            let computed = *column == "total" || *row == "total_handled";
            let role = if computed {
                Role::Computed
            } else {
                Role::Input
            };
            assert_eq!(cell.role, role, "{row}.{column}");
        }
    }
}

const REQUEST_ROWS_BEFORE_OTHER: [&str; 20] = [
    "new_received",
    "carried_over",
    "granted",
    "partly_granted",
    "refused_state_secret",
    "refused_prohibited_by_law",
    "refused_security_stability",
    "refused_third_party",
    "refused_internal_affairs",
    "refused_process_info",
    "refused_enforcement_files",
    "refused_query_matters",
    "unavailable_not_held",
    "unavailable_needs_creation",
    "unavailable_unclear",
    "not_handled_petition",
    "not_handled_repeated",
    "not_handled_publication",
    "not_handled_excessive",
    "not_handled_confirmation",
];

#[test]
fn requests_grid_of_gip_2019_is_the_official_one() {
    let grid = grid("gip-2019", "requests");
    assert_consistent(&grid);
    assert_eq!((grid.header_rows, grid.width()), (3, 10));
    let mut expected = requests_header();
    expected.extend(requests_rows_to_not_handled(20));
    expected.extend([
        "23,1 1×2 RowHeader （六）其他处理".to_string(),
        "24,1 1×2 RowHeader （七）总计".into(),
        "25,0 1×3 RowHeader 四、结转下年度继续办理".into(),
    ]);
    assert_eq!(labels(&grid), expected);
    let mut rows = REQUEST_ROWS_BEFORE_OTHER.to_vec();
    rows.extend(["other_handling", "total_handled", "carried_forward"]);
    assert_requests_values(&grid, &rows);
}

#[test]
fn requests_grid_of_gip_2021_is_the_official_one() {
    let grid = grid("gip-2021", "requests");
    assert_consistent(&grid);
    assert_eq!((grid.header_rows, grid.width()), (3, 10));
    let mut expected = requests_header();
    expected.extend(requests_rows_to_not_handled(22));
    expected.extend([
        "23,1 3×1 RowHeader （六）其他处理".to_string(),
        "23,2 1×1 RowHeader 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请".into(),
        "24,2 1×1 RowHeader 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请".into(),
        "25,2 1×1 RowHeader 3.其他".into(),
        "26,1 1×2 RowHeader （七）总计".into(),
        "27,0 1×3 RowHeader 四、结转下年度继续办理".into(),
    ]);
    assert_eq!(labels(&grid), expected);
    let mut rows = REQUEST_ROWS_BEFORE_OTHER.to_vec();
    rows.extend([
        "other_no_correction",
        "other_unpaid_fee",
        "other_misc",
        "total_handled",
        "carried_forward",
    ]);
    assert_requests_values(&grid, &rows);
}

#[test]
fn appeals_grid_is_the_official_one_in_both_formats() {
    let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    for template in ["gip-2019", "gip-2021"] {
        let grid = grid(template, "appeals");
        assert_consistent(&grid);
        assert_eq!((grid.header_rows, grid.width(), grid.height()), (3, 15, 4));
        let mut expected = vec![
            "0,0 1×5 ColumnHeader 行政复议".to_string(),
            "0,5 1×10 ColumnHeader 行政诉讼".into(),
        ];
        for (j, h) in heads.iter().enumerate() {
            expected.push(format!("1,{j} 2×1 ColumnHeader {h}"));
        }
        expected.push("1,5 1×5 ColumnHeader 未经复议直接起诉".into());
        expected.push("1,10 1×5 ColumnHeader 复议后起诉".into());
        for group in 0..2 {
            for (j, h) in heads.iter().enumerate() {
                expected.push(format!("2,{} 1×1 ColumnHeader {h}", 5 + 5 * group + j));
            }
        }
        assert_eq!(labels(&grid), expected, "{template}");
        let groups = ["review", "litigation_direct", "litigation_after_review"];
        let columns = ["upheld", "corrected", "other", "pending", "total"];
        for (g, group) in groups.iter().enumerate() {
            for (j, column) in columns.iter().enumerate() {
                let cell = grid.origin(3, 5 * g + j).expect("a number cell");
                assert_eq!(
                    cell.content,
                    Content::Value(format!("appeals.{group}.{column}"))
                );
                assert_eq!(cell.role == Role::Computed, *column == "total");
            }
        }
    }
}

#[test]
fn proactive_grid_of_gip_2021_has_one_block_per_item() {
    let grid = grid("gip-2021", "proactive");
    assert_consistent(&grid);
    assert_eq!((grid.header_rows, grid.width()), (0, 4));
    let expected = [
        "0,0 1×4 Caption 第二十条第（一）项",
        "1,0 1×1 ColumnHeader 信息内容",
        "1,1 1×1 ColumnHeader 本年制发件数",
        "1,2 1×1 ColumnHeader 本年废止件数",
        "1,3 1×1 ColumnHeader 现行有效件数",
        "2,0 1×1 RowHeader 规章",
        "3,0 1×1 RowHeader 行政规范性文件",
        "4,0 1×4 Caption 第二十条第（五）项",
        "5,0 1×1 ColumnHeader 信息内容",
        "5,1 1×3 ColumnHeader 本年处理决定数量",
        "6,0 1×1 RowHeader 行政许可",
        "7,0 1×4 Caption 第二十条第（六）项",
        "8,0 1×1 ColumnHeader 信息内容",
        "8,1 1×3 ColumnHeader 本年处理决定数量",
        "9,0 1×1 RowHeader 行政处罚",
        "10,0 1×1 RowHeader 行政强制",
        "11,0 1×4 Caption 第二十条第（八）项",
        "12,0 1×1 ColumnHeader 信息内容",
        "12,1 1×3 ColumnHeader 本年收费金额（单位：万元）",
        "13,0 1×1 RowHeader 行政事业性收费",
    ];
    assert_eq!(labels(&grid), expected);
    // A single figure spans the three value columns under its header.
    let licensing = grid.origin(6, 1).expect("the licensing figure");
    assert_eq!(licensing.col_span, 3);
    assert_eq!(
        licensing.content,
        Content::Value("proactive.licensing.decisions".into())
    );
}

#[test]
fn proactive_grid_of_gip_2019_has_five_blocks() {
    let grid = grid("gip-2019", "proactive");
    assert_consistent(&grid);
    let captions: Vec<String> = labels(&grid)
        .into_iter()
        .filter(|l| l.contains("Caption"))
        .collect();
    assert_eq!(
        captions,
        [
            "0,0 1×4 Caption 第二十条第（一）项",
            "4,0 1×4 Caption 第二十条第（五）项",
            "8,0 1×4 Caption 第二十条第（六）项",
            "12,0 1×4 Caption 第二十条第（八）项",
            "15,0 1×4 Caption 第二十条第（九）项",
        ]
    );
    let headers: Vec<String> = labels(&grid)
        .into_iter()
        .filter(|l| l.starts_with("16,"))
        .collect();
    assert_eq!(
        headers,
        [
            "16,0 1×1 ColumnHeader 信息内容",
            "16,1 1×1 ColumnHeader 采购项目数量",
            "16,2 1×2 ColumnHeader 采购总金额",
        ]
    );
}

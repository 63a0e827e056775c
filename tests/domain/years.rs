//! Year over year and many agencies: a draft started from last year's, and drafts of many
//! units summed into one.

use crate::common::*;
use gongkai::check::codes;
use gongkai::report::carry::{self, NotCarried};
use gongkai::report::merge::{self, Unit};
use gongkai::report::{AgencyKind, Draft, Number, load, save};
use gongkai::template::Template;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn next(last: &Draft) -> carry::CarriedOver {
    carry::next_year(template(last), last, Some("last.toml".into())).unwrap()
}

#[test]
fn carry_2019_to_2019_carries_items_and_carried_over() {
    let mut last = sample();
    last.report.year = 2019;
    let c = next(&last);
    let d = &c.draft;
    assert_eq!(d.template, "gip-2019");
    assert_eq!(d.report.year, 2020);
    assert_eq!(d.report.agency, last.report.agency);
    assert_eq!(d.report.address, last.report.address);
    assert!(d.text.is_empty(), "prose is not copied");
    // 二、上年结转 = last year's 四、结转下年度, per column.
    assert_eq!(
        d.cell("requests.carried_over.business"),
        Some(Number::Count(1))
    );
    assert_eq!(
        d.cell("requests.carried_over.natural_person"),
        Some(Number::Count(0))
    );
    // 上一年项目数量 = last year's 上一年项目数量 + 本年增/减 (行政许可 28 + 3).
    assert_eq!(
        d.cell("proactive.licensing.last_year"),
        Some(Number::Count(31))
    );
    assert_eq!(
        d.cell("proactive.penalty.last_year"),
        Some(Number::Count(62))
    );
    assert_eq!(
        d.cell("proactive.licensing.decisions"),
        None,
        "this year's figures start blank"
    );
    let p = d.previous.as_ref().unwrap();
    assert_eq!(p.year, Some(2019));
    assert_eq!(p.file.as_deref(), Some("last.toml"));
    assert_eq!(p.carried_forward.get("business"), Some(&1));
    assert!(c.not_carried.is_empty(), "{:?}", c.not_carried);
}

#[test]
fn carry_2019_to_2021_says_what_could_not_be_carried() {
    let c = next(&sample());
    let d = &c.draft;
    assert_eq!(d.template, "gip-2021");
    assert_eq!(d.report.year, 2021);
    assert_eq!(
        d.cell("requests.carried_over.business"),
        Some(Number::Count(1))
    );
    assert!(d.previous.as_ref().unwrap().in_force.is_empty());
    let in_force: Vec<&NotCarried> = c
        .not_carried
        .iter()
        .filter(|n| matches!(n, NotCarried::InForce { .. }))
        .collect();
    assert_eq!(in_force.len(), 2);
    assert!(
        c.not_carried
            .iter()
            .any(|n| matches!(n, NotCarried::Note(t) if t.contains("对外公开总数量")))
    );
    // The new draft checks: 二 is already filled and agrees with last year's 四.
    let o = run(d);
    assert!(with_code(&o, codes::PREVIOUS_CARRY).is_empty());
    assert!(
        !with_code(&o, codes::BLANK)
            .iter()
            .any(|f| f.cell.as_deref() == Some("requests.carried_over.business"))
    );
}

#[test]
fn carry_2021_to_2021_carries_in_force_for_the_check() {
    let mut last = quiet_2021();
    last.report.year = 2023;
    set(&mut last, "proactive.normative_documents.in_force", 23);
    set(&mut last, "requests.carried_forward.natural_person", 4);
    let c = next(&last);
    assert!(c.not_carried.is_empty(), "{:?}", c.not_carried);
    let mut d = c.draft;
    assert_eq!(d.report.year, 2024);
    assert_eq!(
        d.previous
            .as_ref()
            .unwrap()
            .in_force
            .get("normative_documents"),
        Some(&23)
    );
    assert_eq!(
        d.cell("requests.carried_over.natural_person"),
        Some(Number::Count(4))
    );
    // Filled in as the year went, 现行有效 must follow: 23 + 2 − 0 = 25.
    let filled = quiet_2021();
    for (k, v) in &filled.cells {
        d.cells.entry(k.clone()).or_insert(*v);
    }
    d.text = filled.text.clone();
    d.fees = filled.fees.clone();
    set(&mut d, "requests.new_received.natural_person", 0);
    set(&mut d, "requests.carried_forward.natural_person", 4);
    set(&mut d, "proactive.normative_documents.issued", 2);
    set(&mut d, "proactive.normative_documents.in_force", 24);
    assert_eq!(with_code(&run(&d), codes::PREVIOUS_IN_FORCE).len(), 1);
    set(&mut d, "proactive.normative_documents.in_force", 25);
    assert!(run(&d).findings.is_empty(), "{:?}", run(&d).findings);
}

#[test]
fn a_carried_draft_survives_saving() {
    let d = next(&sample()).draft;
    let text = save::to_toml(template(&d), &d);
    assert!(text.contains("[previous]\nyear = 2020\nfile = \"last.toml\"\ncarried_forward = { natural_person = 0, business = 1,"));
    assert_eq!(load::load_str(&text).unwrap(), d);
}

// ------------------------------------------------------------------ merge

fn unit(name: &str, edit: impl FnOnce(&mut Draft)) -> Unit {
    let mut d = sample();
    d.report.agency = name.into();
    edit(&mut d);
    Unit::from_draft(template(&d), &d)
}

fn merged(units: &[Unit]) -> merge::Merged {
    let t = Template::builtin("gip-2019").unwrap();
    merge::merge(t, "厦门市", AgencyKind::Government, units)
}

#[test]
fn merge_sums_cell_by_cell_against_hand_computed_figures() {
    let a = unit("甲局", |_| {});
    let b = unit("乙局", |d| set(d, "requests.new_received.business", 5));
    let c = unit("丙局", |d| set(d, "proactive.licensing.decisions", 3));
    let m = merged(&[a, b, c]);
    let d = &m.draft;
    assert_eq!(
        d.cell("requests.new_received.natural_person"),
        Some(Number::Count(93))
    );
    assert_eq!(
        d.cell("requests.new_received.business"),
        Some(Number::Count(1 + 5 + 1))
    );
    assert_eq!(
        d.cell("proactive.licensing.decisions"),
        Some(Number::Count(1037 + 1037 + 3))
    );
    assert_eq!(
        d.cell("appeals.litigation_direct.corrected"),
        Some(Number::Count(6))
    );
    assert_eq!(d.sources, ["丙局", "乙局", "甲局"]);
    assert_eq!(d.report.agency, "厦门市");
    assert_eq!(d.report.kind, AgencyKind::Government);
    assert!(
        d.text.is_empty(),
        "the summary's prose is the officer's to write"
    );
    assert!(m.blanks.is_empty() && m.overflow.is_empty());
}

#[test]
fn merge_keeps_a_blank_visible_naming_the_unit() {
    let a = unit("甲局", |_| {});
    let b = unit("乙局", |d| {
        d.cells.remove("requests.granted.research");
    });
    let m = merged(&[a, b]);
    assert_eq!(
        m.draft.cell("requests.granted.research"),
        None,
        "a blank is not summed as 0"
    );
    assert_eq!(
        m.blanks,
        [(
            "requests.granted.research".to_string(),
            vec!["乙局".to_string()]
        )]
    );
    assert_eq!(with_code(&run(&m.draft), codes::BLANK).len(), 1);
}

#[test]
fn merge_adds_amounts_exactly_across_units() {
    let a = unit("甲局", |d| {
        d.cells.insert(
            "proactive.procurement.amount".into(),
            Number::Amount(Decimal::new(12345, 4)),
        );
        d.units
            .insert("proactive.procurement.amount".into(), "万元".into());
    });
    let b = unit("乙局", |d| {
        d.cells.insert(
            "proactive.procurement.amount".into(),
            Number::Amount(Decimal::new(10001, 4)),
        );
        d.units
            .insert("proactive.procurement.amount".into(), "万元".into());
    });
    let m = merged(&[a.clone(), b]);
    assert_eq!(
        m.draft.cell("proactive.procurement.amount"),
        Some(Number::Amount(Decimal::new(22346, 4)))
    );
    assert_eq!(
        m.draft
            .units
            .get("proactive.procurement.amount")
            .map(String::as_str),
        Some("万元")
    );
    // Mixed units are added in 元: 1.2345 万元 + 240000 元 = 252345 元.
    let c = unit("丙局", |_| {});
    let m = merged(&[a, c]);
    assert_eq!(
        m.draft
            .cell("proactive.procurement.amount")
            .map(|n| n.as_decimal()),
        Some(Decimal::from(252_345))
    );
    assert_eq!(
        m.draft
            .units
            .get("proactive.procurement.amount")
            .map(String::as_str),
        Some("元")
    );
}

#[test]
fn merge_picks_the_year_most_units_report() {
    let units = [
        ("gip-2019".to_string(), 2020),
        ("gip-2021".to_string(), 2021),
        ("gip-2019".to_string(), 2020),
    ];
    assert_eq!(
        merge::majority(&units),
        Some(("gip-2019".to_string(), 2020))
    );
    let tie = [
        ("gip-2019".to_string(), 2020),
        ("gip-2021".to_string(), 2021),
    ];
    assert_eq!(merge::majority(&tie), Some(("gip-2021".to_string(), 2021)));
}

fn arbitrary_unit() -> impl Strategy<Value = Unit> {
    let t = Template::builtin("gip-2019").unwrap();
    let n = t.compiled().inputs.len();
    (
        "[甲乙丙丁戊]{1,3}",
        prop::collection::vec(prop::option::weighted(0.95, 0u64..1000), n),
        0i64..10_000_000,
    )
        .prop_map(move |(name, counts, amount)| {
            let mut d = sample();
            d.report.agency = name;
            for (cell, v) in t.compiled().inputs.iter().zip(counts) {
                let value = v.map(|v| match cell.kind {
                    gongkai::template::Kind::Count => Number::Count(v),
                    gongkai::template::Kind::Signed => Number::Signed(v as i64 - 500),
                    gongkai::template::Kind::Amount => Number::Amount(Decimal::new(amount, 4)),
                });
                match value {
                    Some(n) => d.cells.insert(cell.key.clone(), n),
                    None => d.cells.remove(&cell.key),
                };
            }
            Unit::from_draft(t, &d)
        })
}

proptest! {
    #![proptest_config(crate::common::proptest_config(64))]

    #[test]
    fn merging_does_not_depend_on_the_order(units in prop::collection::vec(arbitrary_unit(), 1..6), seed in any::<u64>()) {
        let mut shuffled = units.clone();
        // A deterministic shuffle from the seed.
        let len = shuffled.len();
        for i in (1..len).rev() {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        prop_assert_eq!(merged(&units), merged(&shuffled));
    }

    #[test]
    fn merging_one_draft_gives_its_figures(u in arbitrary_unit()) {
        let m = merged(std::slice::from_ref(&u));
        let t = Template::builtin("gip-2019").unwrap();
        for (i, cell) in t.compiled().inputs.iter().enumerate() {
            prop_assert_eq!(m.draft.cell(&cell.key), u.values[i], "{}", cell.key);
        }
    }
}

#[test]
fn a_blank_in_last_years_draft_is_named_as_blank_not_missing() {
    let mut last = sample();
    last.report.year = 2019;
    last.cells.remove("requests.carried_forward.business");
    let c = next(&last);
    assert_eq!(c.draft.cell("requests.carried_over.business"), None);
    assert!(c.not_carried.iter().any(|n| matches!(
        n,
        NotCarried::Blank { label } if label.contains("商业企业")
    )));
}

#[test]
fn a_carried_sum_a_count_cannot_hold_is_named_with_its_sum() {
    use gongkai::i18n::{Lang, not_carried};
    let mut last = sample();
    last.report.year = 2019;
    last.cells
        .insert("proactive.licensing.last_year".into(), Number::Count(5));
    last.cells
        .insert("proactive.licensing.change".into(), Number::Signed(-7));
    let c = next(&last);
    assert_eq!(c.draft.cell("proactive.licensing.last_year"), None);
    let unfit: Vec<String> = c
        .not_carried
        .iter()
        .filter(|n| matches!(n, NotCarried::Unfit { .. }))
        .map(|n| not_carried(Lang::Zh, n))
        .collect();
    assert_eq!(
        unfit,
        [
            "未结转：行政许可 · 上一年项目数量（上年报告中的数字相加得 -2，不能作为这一项，请核对后直接填写）"
        ]
    );
    // Figures that add up to a count carry, and nothing is said of them.
    last.cells
        .insert("proactive.licensing.change".into(), Number::Signed(-5));
    let c = next(&last);
    assert_eq!(
        c.draft.cell("proactive.licensing.last_year"),
        Some(Number::Count(0))
    );
    assert!(
        !c.not_carried
            .iter()
            .any(|n| matches!(n, NotCarried::Unfit { .. } | NotCarried::Blank { .. }))
    );
}

#[test]
fn a_blank_in_force_figure_is_named_as_blank_not_missing_from_the_format() {
    use gongkai::i18n::{Lang, not_carried};
    let mut last = quiet_2021();
    last.report.year = 2023;
    last.cells.remove("proactive.normative_documents.in_force");
    let c = next(&last);
    let [item] = &c.not_carried[..] else {
        panic!("one item not carried: {:?}", c.not_carried);
    };
    assert!(matches!(item, NotCarried::InForce { blank: true, .. }));
    let said = not_carried(Lang::Zh, item);
    assert!(said.contains("上年报告中这一项空白"), "{said}");
    // From a format without the figure, the words say so instead.
    let from_2019 = next(&sample());
    let item = from_2019
        .not_carried
        .iter()
        .find(|n| matches!(n, NotCarried::InForce { .. }))
        .unwrap();
    assert!(matches!(item, NotCarried::InForce { blank: false, .. }));
    assert!(not_carried(Lang::Zh, item).contains("中没有这一项"));
}

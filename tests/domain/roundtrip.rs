//! Load → save → load gives the same draft, for the sample and for arbitrary drafts; the checks
//! never panic on a draft the loader accepts; saving writes atomically and reads well.

use crate::common::*;
use gongkai::check::{self, Options};
use gongkai::report::{Acknowledgement, AgencyKind, Draft, Number, Previous, load, save};
use gongkai::template::{Kind, Template};
use proptest::prelude::*;
use rust_decimal::Decimal;

#[test]
fn the_sample_survives_a_round_trip() {
    let d = sample();
    let text = save::to_toml(template(&d), &d);
    assert_eq!(load::load_str(&text).unwrap(), d);
    // Saving what was loaded from a saved file changes nothing: the format is stable.
    let again = save::to_toml(template(&d), &load::load_str(&text).unwrap());
    assert_eq!(again, text);
}

#[test]
fn a_saved_draft_reads_well() {
    let d = sample();
    let text = save::to_toml(template(&d), &d);
    assert!(text.starts_with("schema = 1\ntemplate = \"gip-2019\"\n"));
    assert!(text.contains("overview = '''\n（一）聚焦权力配置运行"));
    assert!(text.contains("# 三、本年度办理结果 · （三）不予公开 · 4.保护第三方合法权益\nrefused_third_party = { natural_person = 3, business = 0"));
    assert!(
        text.contains("procurement = { projects = 44, amount = 240000.0, amount_unit = \"元\" }")
    );
    // Rows follow the template's order.
    let new = text.find("new_received =").unwrap();
    let carried = text.find("carried_over =").unwrap();
    let forward = text.find("carried_forward =").unwrap();
    assert!(new < carried && carried < forward);
}

#[test]
fn saving_replaces_the_file_whole_keeps_a_backup_and_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.toml");
    std::fs::write(&path, "old").unwrap();
    let d = sample();
    save::save(&path, template(&d), &d).unwrap();
    assert_eq!(load::load_file(&path).unwrap(), d);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("d.toml.bak")).unwrap(),
        "old"
    );
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["d.toml", "d.toml.bak"]);
    // Saving the same draft again leaves the backup of the version before.
    save::save(&path, template(&d), &d).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("d.toml.bak")).unwrap(),
        "old"
    );
}

#[cfg(unix)]
#[test]
fn saving_through_a_symlink_replaces_the_file_it_points_to() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.toml");
    let link = dir.path().join("link.toml");
    std::fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let d = sample();
    save::save(&link, template(&d), &d).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(load::load_file(&real).unwrap(), d);
}

#[test]
fn saving_into_a_folder_that_is_not_there_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = sample();
    let err = save::save(&dir.path().join("missing/d.toml"), template(&d), &d);
    assert!(err.is_err());
    assert!(
        save::save(dir.path(), template(&d), &d).is_err(),
        "a folder is not a file"
    );
}

// ------------------------------------------------------------------ arbitrary drafts

fn text() -> impl Strategy<Value = String> {
    // Chinese, quotes, backslashes, triple quotes, line breaks, tabs, control characters.
    prop::collection::vec(
        prop_oneof![
            Just("一、总体情况".to_string()),
            Just("\"".to_string()),
            Just("\"\"\"".to_string()),
            Just("\\".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\t".to_string()),
            Just("\u{1}".to_string()),
            Just("'''".to_string()),
            Just("受理申请 32 件".to_string()),
            "[a-z ]{0,8}",
            "\\PC{0,6}",
        ],
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

fn number(kind: Kind) -> BoxedStrategy<Number> {
    match kind {
        Kind::Count => (0u64..=999_999_999_999).prop_map(Number::Count).boxed(),
        Kind::Signed => (-999_999_999_999i64..=999_999_999_999)
            .prop_map(Number::Signed)
            .boxed(),
        Kind::Amount => (0i64..=99_999_999_999, 0u32..=4)
            .prop_map(|(n, scale)| Number::Amount(Decimal::new(n, scale)))
            .boxed(),
    }
}

fn draft() -> impl Strategy<Value = Draft> {
    let template = prop_oneof![Just("gip-2019"), Just("gip-2021")];
    template.prop_flat_map(|id| {
        let t = Template::builtin(id).unwrap();
        let cells: Vec<BoxedStrategy<Option<(String, Number)>>> = t
            .input_cells()
            .map(|c| {
                let key = c.key();
                prop::option::of(number(c.column.kind).prop_map(move |n| (key.clone(), n))).boxed()
            })
            .collect();
        let fees: Vec<BoxedStrategy<Option<(String, Number)>>> = t
            .fees
            .iter()
            .map(|f| {
                let key = f.key.clone();
                prop::option::of(number(f.kind).prop_map(move |n| (key.clone(), n))).boxed()
            })
            .collect();
        (
            cells,
            fees,
            prop::collection::vec(text(), 3),
            text(),
            2019i32..2030,
            any::<bool>(),
            prop::option::of((0u64..100, 0u64..100)),
            prop::collection::vec(
                (
                    text(),
                    prop::option::of(text()),
                    prop::option::of(text()),
                    text(),
                ),
                0..3,
            ),
            prop::collection::vec(text(), 0..3),
            prop::option::of(prop_oneof![Just("元"), Just("万元")]),
        )
            .prop_map(
                move |(
                    cells,
                    fees,
                    prose,
                    agency,
                    year,
                    government,
                    previous,
                    acks,
                    sources,
                    unit,
                )| {
                    let mut d = Draft::new(
                        id,
                        &agency,
                        year,
                        if government {
                            AgencyKind::Government
                        } else {
                            AgencyKind::Department
                        },
                    );
                    d.report.address = prose[0].clone();
                    d.cells = cells.into_iter().flatten().collect();
                    d.fees = fees.into_iter().flatten().collect();
                    for (key, text) in ["overview", "problems", "other"].iter().zip(prose) {
                        d.text.insert(key.to_string(), text);
                    }
                    if id == "gip-2019"
                        && let Some(unit) = unit
                    {
                        d.units
                            .insert("proactive.procurement.amount".into(), unit.into());
                    }
                    d.previous = previous.map(|(a, b)| Previous {
                        year: Some(year - 1),
                        file: None,
                        carried_forward: [("business".to_string(), a)].into(),
                        in_force: if id == "gip-2021" {
                            [("regulations".to_string(), b)].into()
                        } else {
                            Default::default()
                        },
                    });
                    d.acknowledged = acks
                        .into_iter()
                        .map(|(code, cell, quote, reason)| Acknowledgement {
                            code,
                            cell,
                            quote,
                            reason,
                        })
                        .collect();
                    d.sources = sources;
                    d
                },
            )
    })
}

proptest! {
    #![proptest_config(crate::common::proptest_config(200))]

    /// The same draft, but for the control characters no report holds, which loading drops.
    #[test]
    fn load_save_load_gives_the_same_draft(d in draft()) {
        let t = template(&d);
        let text = save::to_toml(t, &d);
        let back = load::load_str(&text).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        let mut expected = d.clone();
        gongkai::report::text::clean_draft(&mut expected);
        prop_assert_eq!(&back, &expected);
        // And once clean, exactly the same.
        let again = load::load_str(&save::to_toml(t, &back)).unwrap();
        prop_assert_eq!(again, back);
    }

    #[test]
    fn a_draft_switched_to_the_other_format_survives_a_round_trip(mut d in draft()) {
        let other = if d.template == "gip-2019" { "gip-2021" } else { "gip-2019" };
        let t = Template::builtin(other).unwrap();
        d.switch_template(t);
        gongkai::report::text::clean_draft(&mut d);
        let text = save::to_toml(t, &d);
        let back = load::load_str(&text).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(back, d);
    }

    #[test]
    fn checks_never_panic_on_a_loaded_draft(d in draft(), today in prop::option::of(0i16..3000)) {
        let t = template(&d);
        let loaded = load::load_str(&save::to_toml(t, &d)).unwrap();
        let options = Options {
            last_year: Some(check::LastYear::from_draft(t, &d)),
            today: today.and_then(|y| jiff::civil::Date::new(y.max(1), 1, 31).ok()),
            ledger: None,
        };
        let outcome = check::check(t, &loaded, &options);
        for f in &outcome.findings {
            let _ = gongkai::i18n::finding(gongkai::i18n::Lang::Zh, f);
            let _ = gongkai::i18n::finding(gongkai::i18n::Lang::En, f);
        }
    }

    #[test]
    fn the_loader_never_panics_on_a_mangled_sample(cut in 0usize..SAMPLE.len(), insert in "\\PC{0,4}") {
        let mut text = SAMPLE.to_string();
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        text.insert_str(at, &insert);
        if let Ok(d) = load::load_str(&text) {
            let _ = check::check(template(&d), &d, &Options::default());
        }
    }
}

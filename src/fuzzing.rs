//! What the fuzz targets (`fuzz/`) and their regression tests
//! (`tests/domain/fuzz_regressions.rs`) run on one input: the same code, so a crash the fuzzer
//! found is replayed exactly.

use crate::check::{self, LastYear, Options};
use crate::report::{Draft, Number, load, save};
use crate::template::Template;

/// Loads the bytes as a draft; if they load, checks, saves, reloads, writes every message and
/// exports it in every format.
pub fn draft(bytes: &[u8]) {
    let Ok(draft) = load::load_bytes(bytes) else {
        return;
    };
    let Some(template) = Template::builtin(&draft.template) else {
        panic!("the loader accepted an unknown template");
    };
    let options = Options {
        last_year: Some(LastYear::from_draft(template, &draft)),
        today: jiff::civil::Date::new(draft.report.year.clamp(1, 9998) as i16 + 1, 1, 20).ok(),
        ledger: None,
    };
    let outcome = check::check(template, &draft, &options);
    for f in &outcome.findings {
        let _ = crate::i18n::finding(crate::i18n::Lang::Zh, f);
        let _ = crate::i18n::finding(crate::i18n::Lang::En, f);
    }
    let text = save::to_toml(template, &draft);
    match load::load_str(&text) {
        Ok(again) => assert_eq!(again, draft, "a saved draft reads back differently"),
        Err(e) => panic!("a saved draft does not load: {e:?}\n{text}"),
    }
    for table in &template.tables {
        let _ = table.grid();
    }
    let options = crate::export::ExportOptions {
        draft_mark: true,
        lang: crate::i18n::Lang::Zh,
        made: jiff::Timestamp::UNIX_EPOCH,
    };
    // PDF runs LibreOffice: what it converts is the Word file, checked here already.
    for format in crate::export::Format::ALL
        .into_iter()
        .filter(|&f| f != crate::export::Format::Pdf)
    {
        match crate::export::render(format, template, &draft, &outcome, &options) {
            Ok(bytes) if format == crate::export::Format::Docx => assert_well_formed_docx(&bytes),
            Ok(_) => {}
            Err(e) => panic!("{format:?} export of a loaded draft failed: {e:?}"),
        }
    }
    // The same bytes as raw text (controls and all, as a paste or a program might put them in
    // a draft built in memory): the Word file must still be XML every reader opens.
    let raw = String::from_utf8_lossy(bytes).into_owned();
    if crate::report::text::clean(&raw).0 == raw.as_str() {
        return;
    }
    let mut hostile = draft.clone();
    hostile.report.agency = raw.chars().take(64).collect();
    hostile.text.insert("other".into(), raw);
    let outcome = check::check(template, &hostile, &Options::default());
    match crate::export::render(
        crate::export::Format::Docx,
        template,
        &hostile,
        &outcome,
        &options,
    ) {
        Ok(bytes) => assert_well_formed_docx(&bytes),
        Err(e) => panic!("Docx export of raw text failed: {e:?}"),
    }
}

/// Every XML part of a .docx parses to its end, and holds only characters XML 1.0 allows.
pub fn assert_well_formed_docx(bytes: &[u8]) {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx is a zip");
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("a zip entry");
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        if !name.ends_with(".xml") && !name.ends_with(".rels") {
            continue;
        }
        let mut xml = String::new();
        part.read_to_string(&mut xml)
            .unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"));
        if let Some(c) = xml.chars().find(|&c| !crate::report::text::is_allowed(c)) {
            panic!(
                "{name} holds U+{:04X}, which XML 1.0 does not allow",
                u32::from(c)
            );
        }
        let mut reader = quick_xml::Reader::from_str(&xml);
        reader.config_mut().check_end_names = true;
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name} is not well-formed XML: {e}"),
            }
        }
    }
}

/// Parses the bytes as a template; if they parse, lays out, compiles and checks with it.
pub fn template(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(template) = Template::parse(text) else {
        return;
    };
    for table in &template.tables {
        let grid = table.grid();
        assert!(grid.height() > 0 && grid.width() > 0);
    }
    let compiled = template.compiled();
    let mut draft = Draft::new(
        &template.id,
        "单位",
        template.first_year,
        Default::default(),
    );
    draft.text.insert(
        "overview".into(),
        "收到申请 3 件，其中自然人 2 件；行政复议均获维持。".into(),
    );
    let _ = check::check(&template, &draft, &Options::default());
    for (i, cell) in compiled.inputs.iter().enumerate() {
        draft
            .cells
            .insert(cell.key.clone(), Number::zero(cell.kind));
        if i % 3 == 0 {
            draft
                .cells
                .insert(cell.key.clone(), Number::Count(i as u64));
        }
    }
    let outcome = check::check(&template, &draft, &Options::default());
    for f in &outcome.findings {
        let _ = crate::i18n::finding(crate::i18n::Lang::Zh, f);
    }
    let _ = save::to_toml(&template, &draft);
}

/// Imports the bytes as a published report (each format's front end in turn); an import that
/// succeeds must save as a draft that loads back the same, and every message of its summary
/// and findings must be writable.
pub fn import(bytes: &[u8]) {
    for extension in [None, Some("html"), Some("docx"), Some("txt")] {
        let Ok(imported) = crate::import::import_bytes(bytes, extension) else {
            continue;
        };
        let text = save::to_toml(imported.template, &imported.draft);
        match load::load_str(&text) {
            Ok(again) => assert_eq!(
                again, imported.draft,
                "an imported draft reads back differently"
            ),
            Err(e) => panic!("an imported draft does not load: {e:?}\n{text}"),
        }
        for lang in [crate::i18n::Lang::Zh, crate::i18n::Lang::En] {
            let _ = crate::i18n::import_summary(lang, imported.template, &imported.summary);
            for f in &imported.printed_totals {
                let _ = crate::i18n::finding(lang, f);
            }
        }
    }
}

/// Reads the bytes as a PDF (the PDF front end alone, whatever the bytes begin with), then as a
/// report when they read.
pub fn pdf(bytes: &[u8]) {
    if let Ok(document) = crate::import::pdf::read(bytes) {
        let _ = crate::import::read_report(&document, crate::import::SourceFormat::Pdf);
    }
}

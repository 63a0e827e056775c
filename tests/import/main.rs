//! Reading what officers already have, in one test binary: published reports in every format
//! read cell by cell and checked (`published`), PDFs as WPS, Word and LibreOffice export them
//! (`pdf`), and case ledgers counted into table 三 (`ledger`).

#[path = "../common/mod.rs"]
mod common;

mod ledger;
mod pdf;
mod published;

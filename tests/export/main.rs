//! The exports, in one test binary: what every format says, the Word and HTML files rebuilt as
//! grids, the golden files, the `export` command, and what an officer publishes unchanged.

mod support;

mod cli;
mod content;
mod docx;
mod golden;
mod html;
mod publish;

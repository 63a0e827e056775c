//! One page's content stream walked into what the layout needs: every character with its place
//! and size, and every ruling line a table's borders are drawn with.
//!
//! Coordinates are the page's default space (points, y up), after the content's own
//! transformations (`cm`, `Tm`), so a page drawn upside down (as WPS does, `1 0 0 -1 0 842`)
//! reads like any other.

use super::fonts::Font;
use lopdf::content::Operation;
use lopdf::{Document, Object, ObjectId};
use std::collections::HashMap;

/// A character on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Char {
    pub text: String,
    /// The baseline's start.
    pub x: f64,
    pub y: f64,
    /// Its advance along the line, and its size (the font size as drawn).
    pub width: f64,
    pub size: f64,
}

/// A ruling line, horizontal or vertical.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment {
    /// At height `y`, from `x0` to `x1`.
    Horizontal { y: f64, x0: f64, x1: f64 },
    /// At `x`, from `y0` to `y1`.
    Vertical { x: f64, y0: f64, y1: f64 },
}

/// What a page holds.
#[derive(Debug, Default)]
pub struct Page {
    pub chars: Vec<Char>,
    pub segments: Vec<Segment>,
    pub width: f64,
    pub height: f64,
    /// Whether the page draws an image (a scan has images and no text).
    pub images: bool,
    /// Fonts whose text cannot be decoded, by name, that the page shows text in.
    pub undecodable: Vec<String>,
}

type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b`.
fn multiply(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn num(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        _ => 0.0,
    }
}

fn nums(op: &Operation) -> Vec<f64> {
    op.operands.iter().map(num).collect()
}

/// The state `q` saves and `Q` restores.
#[derive(Clone)]
struct Graphics {
    ctm: Matrix,
    font: Option<String>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
    /// How light the fill and stroke colours are (0 black, 1 white): a white fill is a
    /// background behind text (WPS paints one behind every line), never a ruling.
    fill_light: f64,
    stroke_light: f64,
}

/// How light a colour given by its components is: grey, RGB or CMYK.
fn lightness(components: &[f64]) -> f64 {
    match components {
        [g] => *g,
        [r, g, b] => 0.3 * r + 0.59 * g + 0.11 * b,
        [c, m, y, k] => (1.0 - k) * (1.0 - (0.3 * c + 0.59 * m + 0.11 * y)),
        _ => 0.0,
    }
}

/// The path being built, in page space: its straight pieces and rectangles.
#[derive(Default)]
struct Path {
    lines: Vec<((f64, f64), (f64, f64))>,
    rects: Vec<[(f64, f64); 4]>,
    current: Option<(f64, f64)>,
    start: Option<(f64, f64)>,
}

/// How far a form may nest inside forms: a file looping forms into each other ends here.
const MAX_FORM_DEPTH: usize = 8;

/// Walks a page.
pub fn read(doc: &Document, page_id: ObjectId) -> Page {
    let mut page = Page::default();
    let (width, height) = media_box(doc, page_id);
    page.width = width;
    page.height = height;
    let fonts = page_fonts(doc, page_id);
    let Ok(content) = doc.get_and_decode_page_content(page_id) else {
        return page;
    };
    let resources = doc.get_page_resources(page_id).ok();
    let xobjects = resources
        .and_then(|(own, _)| own)
        .and_then(|r| r.get(b"XObject").ok())
        .and_then(|x| match x {
            Object::Reference(id) => doc.get_dictionary(*id).ok(),
            Object::Dictionary(d) => Some(d),
            _ => None,
        })
        .cloned();
    let mut walker = Walker {
        doc,
        fonts: &fonts,
        xobjects,
        page: &mut page,
    };
    walker.walk(&content.operations, IDENTITY, 0);
    page
}

fn media_box(doc: &Document, page_id: ObjectId) -> (f64, f64) {
    let dict = doc.get_dictionary(page_id).ok();
    let mut current = dict;
    // MediaBox may be inherited from the page tree.
    for _ in 0..16 {
        let Some(d) = current else { break };
        if let Ok(b) = d.get(b"MediaBox").and_then(|b| match b {
            Object::Reference(id) => doc.get_object(*id).and_then(Object::as_array),
            other => other.as_array(),
        }) && b.len() == 4
        {
            return (
                (num(&b[2]) - num(&b[0])).abs(),
                (num(&b[3]) - num(&b[1])).abs(),
            );
        }
        current = d
            .get(b"Parent")
            .ok()
            .and_then(|p| p.as_reference().ok())
            .and_then(|id| doc.get_dictionary(id).ok());
    }
    (595.0, 842.0)
}

fn page_fonts(doc: &Document, page_id: ObjectId) -> HashMap<String, Font> {
    doc.get_page_fonts(page_id)
        .unwrap_or_default()
        .into_iter()
        .map(|(name, dict)| {
            let name = String::from_utf8_lossy(&name).into_owned();
            let font = Font::read(doc, &name, dict);
            (name, font)
        })
        .collect()
}

struct Walker<'a> {
    doc: &'a Document,
    fonts: &'a HashMap<String, Font>,
    xobjects: Option<lopdf::Dictionary>,
    page: &'a mut Page,
}

impl Walker<'_> {
    fn walk(&mut self, operations: &[Operation], base: Matrix, depth: usize) {
        let mut g = Graphics {
            ctm: base,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            fill_light: 0.0,
            stroke_light: 0.0,
        };
        let mut stack: Vec<Graphics> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        let mut path = Path::default();
        for op in operations {
            let n = nums(op);
            match op.operator.as_str() {
                "q" => stack.push(g.clone()),
                "Q" => {
                    if let Some(saved) = stack.pop() {
                        g = saved;
                    }
                }
                "cm" if n.len() == 6 => {
                    g.ctm = multiply(&[n[0], n[1], n[2], n[3], n[4], n[5]], &g.ctm);
                }
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    g.font = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .map(|n| String::from_utf8_lossy(n).into_owned());
                    g.size = n.get(1).copied().unwrap_or(0.0);
                }
                "Tc" => g.char_spacing = n.first().copied().unwrap_or(0.0),
                "Tw" => g.word_spacing = n.first().copied().unwrap_or(0.0),
                "Tz" => g.scale = n.first().copied().unwrap_or(100.0) / 100.0,
                "TL" => g.leading = n.first().copied().unwrap_or(0.0),
                "Ts" => g.rise = n.first().copied().unwrap_or(0.0),
                "Td" | "TD" if n.len() == 2 => {
                    if op.operator == "TD" {
                        g.leading = -n[1];
                    }
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, n[0], n[1]], &tlm);
                    tm = tlm;
                }
                "Tm" if n.len() == 6 => {
                    tlm = [n[0], n[1], n[2], n[3], n[4], n[5]];
                    tm = tlm;
                }
                "T*" => {
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -g.leading], &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op.operator != "Tj" && op.operator != "TJ" {
                        tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -g.leading], &tlm);
                        tm = tlm;
                        if op.operator == "\"" && n.len() >= 2 {
                            g.word_spacing = n[0];
                            g.char_spacing = n[1];
                        }
                    }
                    for operand in &op.operands {
                        match operand {
                            Object::String(bytes, _) => self.show(bytes, &g, &mut tm),
                            Object::Array(items) => {
                                for item in items {
                                    match item {
                                        Object::String(bytes, _) => self.show(bytes, &g, &mut tm),
                                        other => {
                                            let adjust = -num(other) / 1000.0 * g.size * g.scale;
                                            tm = multiply(&[1.0, 0.0, 0.0, 1.0, adjust, 0.0], &tm);
                                        }
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                "m" if n.len() == 2 => {
                    let p = apply(&g.ctm, n[0], n[1]);
                    path.current = Some(p);
                    path.start = Some(p);
                }
                "l" if n.len() == 2 => {
                    let p = apply(&g.ctm, n[0], n[1]);
                    if let Some(from) = path.current {
                        path.lines.push((from, p));
                    }
                    path.current = Some(p);
                }
                "h" => {
                    if let (Some(from), Some(to)) = (path.current, path.start) {
                        path.lines.push((from, to));
                    }
                    path.current = path.start;
                }
                "re" if n.len() == 4 => {
                    let (x, y, w, h) = (n[0], n[1], n[2], n[3]);
                    path.rects.push([
                        apply(&g.ctm, x, y),
                        apply(&g.ctm, x + w, y),
                        apply(&g.ctm, x + w, y + h),
                        apply(&g.ctm, x, y + h),
                    ]);
                }
                "g" | "rg" | "k" | "sc" | "scn" => g.fill_light = lightness(&n),
                "G" | "RG" | "K" | "SC" | "SCN" => g.stroke_light = lightness(&n),
                "S" | "s" => {
                    if g.stroke_light < 0.9 {
                        self.rule(&path);
                    }
                    path = Path::default();
                }
                "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                    let light = if op.operator.starts_with('B') || op.operator.starts_with('b') {
                        g.fill_light.min(g.stroke_light)
                    } else {
                        g.fill_light
                    };
                    if light < 0.9 {
                        self.rule(&path);
                    }
                    path = Path::default();
                }
                // A clip or an unpainted path draws nothing.
                "n" => path = Path::default(),
                "Do" => self.form_or_image(op, &g, depth),
                "BI" | "ID" | "EI" => self.page.images = true,
                _ => {}
            }
        }
    }

    /// Shows a string: each code becomes a character at its place, and the text matrix moves on.
    fn show(&mut self, bytes: &[u8], g: &Graphics, tm: &mut Matrix) {
        let Some(font) = g.font.as_ref().and_then(|f| self.fonts.get(f)) else {
            return;
        };
        if !font.decodable() && !self.page.undecodable.contains(&font.name) {
            self.page.undecodable.push(font.name.clone());
        }
        for glyph in font.glyphs(bytes) {
            let trm = multiply(
                &multiply(&[g.size * g.scale, 0.0, 0.0, g.size, 0.0, g.rise], tm),
                &g.ctm,
            );
            let (x, y) = apply(&trm, 0.0, 0.0);
            // The drawn size: how long one unit of text space is on the page, upright.
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            let advance = glyph.width / 1000.0 * g.size
                + g.char_spacing
                + if glyph.is_space { g.word_spacing } else { 0.0 };
            let (tx, ty) = if font.vertical {
                (0.0, -advance)
            } else {
                (advance * g.scale, 0.0)
            };
            let along = (trm[0] * trm[0] + trm[1] * trm[1]).sqrt() / (g.size * g.scale).max(1e-9);
            if !glyph.text.is_empty() && !glyph.text.chars().all(char::is_control) {
                self.page.chars.push(Char {
                    text: glyph.text,
                    x,
                    y,
                    width: (glyph.width / 1000.0 * g.size * along)
                        .abs()
                        .max(size * 0.3),
                    size,
                });
            }
            *tm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, ty], tm);
        }
    }

    /// A painted path: its axis-parallel pieces as ruling lines. A thin rectangle is a line
    /// along its length; a wide one gives its four edges (a cell's frame or its shading).
    fn rule(&mut self, path: &Path) {
        const THIN: f64 = 2.5;
        const STRAIGHT: f64 = 0.5;
        for &((x0, y0), (x1, y1)) in &path.lines {
            if (y0 - y1).abs() < STRAIGHT && (x0 - x1).abs() > STRAIGHT {
                self.page.segments.push(Segment::Horizontal {
                    y: (y0 + y1) / 2.0,
                    x0: x0.min(x1),
                    x1: x0.max(x1),
                });
            } else if (x0 - x1).abs() < STRAIGHT && (y0 - y1).abs() > STRAIGHT {
                self.page.segments.push(Segment::Vertical {
                    x: (x0 + x1) / 2.0,
                    y0: y0.min(y1),
                    y1: y0.max(y1),
                });
            }
        }
        for corners in &path.rects {
            let xs = corners.iter().map(|p| p.0);
            let ys = corners.iter().map(|p| p.1);
            let (left, right) = (
                xs.clone().fold(f64::MAX, f64::min),
                xs.fold(f64::MIN, f64::max),
            );
            let (bottom, top) = (
                ys.clone().fold(f64::MAX, f64::min),
                ys.fold(f64::MIN, f64::max),
            );
            let (w, h) = (right - left, top - bottom);
            // The whole page (a background) is no ruling.
            if w >= self.page.width * 0.95 && h >= self.page.height * 0.95 {
                continue;
            }
            if h < THIN && w >= THIN {
                let y = (top + bottom) / 2.0;
                self.page.segments.push(Segment::Horizontal {
                    y,
                    x0: left,
                    x1: right,
                });
            } else if w < THIN && h >= THIN {
                let x = (left + right) / 2.0;
                self.page.segments.push(Segment::Vertical {
                    x,
                    y0: bottom,
                    y1: top,
                });
            } else if w >= THIN && h >= THIN {
                for y in [bottom, top] {
                    self.page.segments.push(Segment::Horizontal {
                        y,
                        x0: left,
                        x1: right,
                    });
                }
                for x in [left, right] {
                    self.page.segments.push(Segment::Vertical {
                        x,
                        y0: bottom,
                        y1: top,
                    });
                }
            }
        }
    }

    /// `Do`: a form's content is walked in place (tables are sometimes drawn in one); an image
    /// is noted.
    fn form_or_image(&mut self, op: &Operation, g: &Graphics, depth: usize) {
        let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
            return;
        };
        let Some(xobject) = self
            .xobjects
            .as_ref()
            .and_then(|x| x.get(name).ok())
            .and_then(|o| o.as_reference().ok())
            .and_then(|id| self.doc.get_object(id).ok())
            .and_then(|o| o.as_stream().ok())
        else {
            return;
        };
        match xobject
            .dict
            .get(b"Subtype")
            .ok()
            .and_then(|s| s.as_name().ok())
        {
            Some(b"Image") => self.page.images = true,
            Some(b"Form") if depth < MAX_FORM_DEPTH => {
                let matrix = xobject
                    .dict
                    .get(b"Matrix")
                    .ok()
                    .and_then(|m| m.as_array().ok())
                    .filter(|m| m.len() == 6)
                    .map_or(IDENTITY, |m| {
                        [
                            num(&m[0]),
                            num(&m[1]),
                            num(&m[2]),
                            num(&m[3]),
                            num(&m[4]),
                            num(&m[5]),
                        ]
                    });
                let content = xobject
                    .decompressed_content()
                    .unwrap_or_else(|_| xobject.content.clone());
                if let Ok(parsed) = lopdf::content::Content::decode(&content) {
                    self.walk(&parsed.operations, multiply(&matrix, &g.ctm), depth + 1);
                }
            }
            _ => {}
        }
    }
}

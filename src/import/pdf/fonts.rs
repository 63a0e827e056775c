//! A page's fonts as the text walker needs them: how a shown string splits into character
//! codes, what each code means in Unicode, and how far it advances.
//!
//! Official PDFs use Type0 (CID) fonts: WPS and Word write `Identity-H` with a `ToUnicode` map;
//! older tools write the predefined CJK CMaps `UniGB-UCS2-H` (codes are UCS-2) and `GBK-EUC-H`
//! (codes are GBK). A CID font with neither a `ToUnicode` map nor such a CMap cannot be
//! decoded: its codes are glyph numbers of one embedded font, and reading them as anything
//! would give wrong characters without a sign. Such a font is marked, and text shown in it
//! refuses the file.

use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// How a font's codes become text.
enum Decoder {
    /// A `ToUnicode` map: code → text.
    Map(HashMap<u32, String>),
    /// UCS-2 / UTF-16 codes (the `UniGB-UCS2-H` and `UniGB-UTF16-H` CMaps).
    Ucs2,
    /// GBK codes, one byte below 0x80 and two above (`GBK-EUC-H` and its kin).
    Gbk,
    /// A simple (one-byte) font's own encoding, as lopdf reads it.
    Simple(Vec<Option<String>>),
    /// Nothing says what the codes are.
    Unknown,
}

/// One font of a page.
pub struct Font {
    /// The font's name, for a message.
    pub name: String,
    decoder: Decoder,
    /// Two-byte codes (CID fonts) rather than one-byte.
    two_byte: bool,
    /// Widths in thousandths of the font size, by code.
    widths: std::collections::HashMap<u32, f64>,
    default_width: f64,
    /// Whether the font writes vertically (`Identity-V`): glyphs then advance down.
    pub vertical: bool,
}

/// One character code of a shown string.
pub struct Glyph {
    pub text: String,
    /// Advance in thousandths of the font size.
    pub width: f64,
    /// The one-byte code 32, which word spacing applies to.
    pub is_space: bool,
}

fn name_of(object: Option<&Object>) -> Option<String> {
    object
        .and_then(|o| o.as_name().ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
}

fn number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(object),
        other => other,
    }
}

fn dictionary<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    resolve(doc, object).as_dict().ok()
}

fn to_unicode(doc: &Document, font: &Dictionary) -> Option<HashMap<u32, String>> {
    let stream = resolve(doc, font.get(b"ToUnicode").ok()?)
        .as_stream()
        .ok()?;
    let content = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    Some(parse_to_unicode(&content))
}

/// The tokens of a CMap that matter: hex strings, brackets and the section keywords.
#[derive(Debug, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(String),
}

fn tokens(text: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'<' => {
                let end = text[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(text.len(), |p| i + p);
                let digits: Vec<u8> = text[i + 1..end]
                    .iter()
                    .filter(|b| b.is_ascii_hexdigit())
                    .copied()
                    .collect();
                let value = |d: u8| (d as char).to_digit(16).unwrap_or(0) as u8;
                let bytes = digits
                    .chunks(2)
                    .map(|pair| value(pair[0]) << 4 | pair.get(1).map_or(0, |&d| value(d)))
                    .collect();
                out.push(Token::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b'%' => {
                while i < text.len() && text[i] != b'\n' {
                    i += 1;
                }
            }
            b if b.is_ascii_alphabetic() => {
                let start = i;
                while i < text.len() && text[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                out.push(Token::Word(
                    String::from_utf8_lossy(&text[start..i]).into_owned(),
                ));
            }
            _ => i += 1,
        }
    }
    out
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |c, &b| (c << 8) | u32::from(b))
}

fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| u16::from(p[0]) << 8 | u16::from(*p.get(1).unwrap_or(&0)))
        .collect();
    String::from_utf16_lossy(&units)
}

/// The most codes one range may give: a real font has at most 65,536 glyphs.
const MAX_RANGE: u32 = 65_536;

/// Reads a `ToUnicode` CMap's `bfchar` and `bfrange` sections.
fn parse_to_unicode(text: &[u8]) -> HashMap<u32, String> {
    let tokens = tokens(text);
    let mut map = HashMap::new();
    let mut i = 0;
    let mut section = "";
    while i < tokens.len() {
        match (&tokens[i], section) {
            (Token::Word(w), _) if w == "beginbfchar" => section = "char",
            (Token::Word(w), _) if w == "beginbfrange" => section = "range",
            (Token::Word(w), _) if w.starts_with("end") => section = "",
            (Token::Hex(src), "char") => {
                if let Some(Token::Hex(dst)) = tokens.get(i + 1) {
                    map.insert(code_of(src), utf16(dst));
                    i += 1;
                }
            }
            (Token::Hex(lo), "range") => {
                let (lo, hi) = match tokens.get(i + 1) {
                    Some(Token::Hex(hi)) => (code_of(lo), code_of(hi)),
                    _ => break,
                };
                let hi = hi.min(lo.saturating_add(MAX_RANGE));
                match tokens.get(i + 2) {
                    Some(Token::Hex(dst)) => {
                        // Consecutive codes, the last UTF-16 unit counting up.
                        let mut units: Vec<u16> = dst
                            .chunks(2)
                            .map(|p| u16::from(p[0]) << 8 | u16::from(*p.get(1).unwrap_or(&0)))
                            .collect();
                        for code in lo..=hi {
                            map.insert(code, String::from_utf16_lossy(&units));
                            if let Some(last) = units.last_mut() {
                                *last = last.wrapping_add(1);
                            }
                        }
                        i += 2;
                    }
                    Some(Token::Open) => {
                        let mut k = i + 3;
                        let mut code = lo;
                        while let Some(Token::Hex(dst)) = tokens.get(k) {
                            if code <= hi {
                                map.insert(code, utf16(dst));
                            }
                            code += 1;
                            k += 1;
                        }
                        i = k;
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    map
}

impl Font {
    /// Reads a font dictionary.
    pub fn read(doc: &Document, name: &str, font: &Dictionary) -> Font {
        let subtype = name_of(font.get(b"Subtype").ok()).unwrap_or_default();
        let encoding = font.get(b"Encoding").ok().map(|e| resolve(doc, e));
        let encoding_name = name_of(encoding);
        let base = name_of(font.get(b"BaseFont").ok()).unwrap_or_else(|| name.to_string());
        let map = to_unicode(doc, font);
        if subtype == "Type0" {
            let cmap = encoding_name.unwrap_or_default();
            let decoder = match map {
                Some(m) => Decoder::Map(m),
                None if cmap.starts_with("UniGB-UCS2") || cmap.starts_with("UniGB-UTF16") => {
                    Decoder::Ucs2
                }
                None if cmap.starts_with("GBK")
                    || cmap.starts_with("GB-EUC")
                    || cmap.starts_with("GBpc-EUC")
                    || cmap.starts_with("GBT-EUC") =>
                {
                    Decoder::Gbk
                }
                None => Decoder::Unknown,
            };
            let two_byte = !matches!(decoder, Decoder::Gbk);
            let (widths, default_width) = cid_widths(doc, font);
            return Font {
                name: base,
                decoder,
                two_byte,
                widths,
                default_width,
                vertical: cmap.ends_with("-V"),
            };
        }
        // A simple font: one byte a code.
        let decoder = match map {
            Some(m) => Decoder::Map(m),
            None => match font.get_font_encoding(doc) {
                Ok(encoding) => Decoder::Simple(
                    (0u8..=255)
                        .map(|b| {
                            encoding
                                .bytes_to_string(&[b])
                                .ok()
                                .filter(|s| !s.is_empty())
                        })
                        .collect(),
                ),
                Err(_) => Decoder::Unknown,
            },
        };
        let first = font.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
        let mut widths = std::collections::HashMap::new();
        if let Some(list) = font
            .get(b"Widths")
            .ok()
            .and_then(|w| resolve(doc, w).as_array().ok())
        {
            for (i, w) in list.iter().enumerate() {
                if let Some(w) = number(resolve(doc, w)) {
                    widths.insert(first + i as u32, w);
                }
            }
        }
        let missing = font
            .get(b"FontDescriptor")
            .ok()
            .and_then(|d| dictionary(doc, d))
            .and_then(|d| d.get(b"MissingWidth").ok())
            .and_then(number)
            .unwrap_or(500.0);
        Font {
            name: base,
            decoder,
            two_byte: false,
            widths,
            default_width: missing,
            vertical: false,
        }
    }

    /// Whether the font's codes can be read as text at all.
    pub fn decodable(&self) -> bool {
        !matches!(self.decoder, Decoder::Unknown)
    }

    /// Splits a shown string into its codes, each with its text and advance.
    pub fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let len = match self.decoder {
                Decoder::Gbk if bytes[i] >= 0x81 && i + 1 < bytes.len() => 2,
                _ if self.two_byte && i + 1 < bytes.len() => 2,
                _ => 1,
            };
            let code_bytes = &bytes[i..i + len];
            let code = code_bytes
                .iter()
                .fold(0u32, |c, &b| (c << 8) | u32::from(b));
            i += len;
            let text = match &self.decoder {
                Decoder::Map(map) => map.get(&code).cloned().unwrap_or_default(),
                Decoder::Ucs2 => char::from_u32(code).map(String::from).unwrap_or_default(),
                Decoder::Gbk => encoding_rs::GBK
                    .decode_without_bom_handling(code_bytes)
                    .0
                    .into_owned(),
                Decoder::Simple(table) => table
                    .get(code as usize)
                    .cloned()
                    .flatten()
                    .unwrap_or_default(),
                Decoder::Unknown => String::new(),
            };
            out.push(Glyph {
                text,
                width: self
                    .widths
                    .get(&code)
                    .copied()
                    .unwrap_or(self.default_width),
                is_space: len == 1 && code == 32,
            });
        }
        out
    }
}

/// A CID font's widths: its descendant's `W` array and `DW`.
fn cid_widths(doc: &Document, font: &Dictionary) -> (std::collections::HashMap<u32, f64>, f64) {
    let mut widths = std::collections::HashMap::new();
    let descendant = font
        .get(b"DescendantFonts")
        .ok()
        .and_then(|d| resolve(doc, d).as_array().ok())
        .and_then(|a| a.first())
        .and_then(|d| dictionary(doc, d));
    let Some(descendant) = descendant else {
        return (widths, 1000.0);
    };
    let default = descendant
        .get(b"DW")
        .ok()
        .and_then(number)
        .unwrap_or(1000.0);
    let Some(list) = descendant
        .get(b"W")
        .ok()
        .and_then(|w| resolve(doc, w).as_array().ok())
    else {
        return (widths, default);
    };
    // `c [w1 w2 …]` gives widths from c on; `c1 c2 w` one width for a range.
    let mut i = 0;
    while i < list.len() {
        let Some(first) = number(resolve(doc, &list[i])) else {
            break;
        };
        match list.get(i + 1).map(|o| resolve(doc, o)) {
            Some(Object::Array(each)) => {
                for (k, w) in each.iter().enumerate() {
                    if let Some(w) = number(resolve(doc, w)) {
                        widths.insert(first as u32 + k as u32, w);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(w)) = (
                    number(last),
                    list.get(i + 2).map(|o| resolve(doc, o)).and_then(number),
                ) else {
                    break;
                };
                // A range beyond any real font is a damaged file: keep it small.
                let last = last.min(first + 65_536.0);
                for code in first as u32..=last as u32 {
                    widths.insert(code, w);
                }
                i += 3;
            }
            None => break,
        }
    }
    (widths, default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_to_unicode_map_reads_chars_ranges_and_lists() {
        let cmap = b"/CIDInit /ProcSet findresource begin\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
2 beginbfchar <0611> <653F> <169f> <5E9C> endbfchar\n\
2 beginbfrange <0010> <0012> <0030> <0020> <0021> [<4E00> <4E8C>] endbfrange\nendcmap";
        let map = parse_to_unicode(cmap);
        assert_eq!(map[&0x0611], "政");
        assert_eq!(map[&0x169f], "府");
        assert_eq!(map[&0x0010], "0");
        assert_eq!(map[&0x0012], "2");
        assert_eq!(map[&0x0021], "二");
    }
}

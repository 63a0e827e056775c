//! A number in a cell: a count, a signed change, or an exact decimal amount.
//!
//! Amounts are `rust_decimal::Decimal`, so sums of money never drift as binary floats do.
//! Arithmetic is checked: an overflow is reported, never wrapped.
//!
//! Below both `template` (a cell's [`Kind`], an amount's places) and `report` (the typed
//! figures), so neither has to reach into the other for them.

#![warn(missing_docs)]

use rust_decimal::Decimal;
use serde::Deserialize;
use std::fmt;

/// The largest whole number a cell may hold (just under a trillion).
pub const MAX_WHOLE: u64 = 999_999_999_999;
/// The most decimal places an amount in 元 (or of no stated unit) may have.
pub const MAX_PLACES: u32 = 4;
/// The most decimal places an amount in 万元 may have: to the fen (12345.678912 万元 is
/// 123,456,789.12 元), as real reports print 行政事业性收费.
pub const MAX_PLACES_WAN: u32 = 6;

/// What a number cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A whole number ≥ 0.
    Count,
    /// A whole number that may be negative (本年增/减).
    Signed,
    /// A decimal ≥ 0 with at most four places in 元, six in 万元.
    Amount,
}

/// The decimal places an amount in `unit` may have (FORMAT.md `value`): 6 in 万元, 4 in 元.
pub fn max_places(unit: Option<&str>) -> u32 {
    match unit {
        Some("万元") => MAX_PLACES_WAN,
        _ => MAX_PLACES,
    }
}

/// A typed or computed figure, of the kind its column holds (see [`Kind`]).
///
/// Equality compares kind and value: `Count(0)` is not `Amount(0)`; compare
/// [`as_decimal`](Number::as_decimal) across kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    /// A count of cases, documents, requests (件, 条 …).
    Count(u64),
    /// A change that may be negative (本年增/减).
    Signed(i64),
    /// A sum of money, exact, in the unit its column or the draft records (元 or 万元).
    Amount(Decimal),
}

/// Why typed text is not a number of the wanted kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputError {
    /// Nothing but spaces and separators: the cell is blank.
    Empty,
    /// Something other than digits, one sign and one decimal point (「十二」, 「约5」).
    NotANumber,
    /// Below 0 in a count or an amount: only a change (本年增/减) may be negative.
    Negative,
    /// A fraction in a count or a change.
    NotWhole,
    /// More decimal places than the amount's unit allows (the number allowed).
    TooManyPlaces(u32),
    /// Larger than [`MAX_WHOLE`] (a change: in size).
    TooLarge,
}

impl Number {
    /// Zero of a kind: where a total of cells of that kind starts.
    pub fn zero(kind: Kind) -> Number {
        match kind {
            Kind::Count => Number::Count(0),
            Kind::Signed => Number::Signed(0),
            Kind::Amount => Number::Amount(Decimal::ZERO),
        }
    }

    /// The exact value, for comparing numbers of different kinds.
    pub fn as_decimal(self) -> Decimal {
        match self {
            Number::Count(n) => Decimal::from(n),
            Number::Signed(n) => Decimal::from(n),
            Number::Amount(d) => d,
        }
    }

    /// Whether it is 0, whatever its kind (0, 0.00 万元).
    pub fn is_zero(self) -> bool {
        self.as_decimal().is_zero()
    }

    /// Adds two numbers; counts stay counts, anything with an amount becomes an amount.
    /// `None` on overflow.
    pub fn checked_add(self, other: Number) -> Option<Number> {
        match (self, other) {
            (Number::Count(a), Number::Count(b)) => a.checked_add(b).map(Number::Count),
            (Number::Amount(_), _) | (_, Number::Amount(_)) => self
                .as_decimal()
                .checked_add(other.as_decimal())
                .map(Number::Amount),
            _ => {
                let a = i64::try_from(self.as_decimal()).ok()?;
                let b = i64::try_from(other.as_decimal()).ok()?;
                a.checked_add(b).map(Number::Signed)
            }
        }
    }

    /// Whether the number keeps the rules of its kind (FORMAT.md `value`); an amount may have
    /// `places` decimal places (see [`max_places`]).
    pub fn problem(self, kind: Kind, places: u32) -> Option<InputError> {
        match (kind, self) {
            (Kind::Count, Number::Count(n)) | (Kind::Signed, Number::Count(n)) => {
                (n > MAX_WHOLE).then_some(InputError::TooLarge)
            }
            (Kind::Signed, Number::Signed(n)) => {
                (n.unsigned_abs() > MAX_WHOLE).then_some(InputError::TooLarge)
            }
            // A signed figure of 0 or more is a whole number a count may hold.
            (Kind::Count, Number::Signed(n)) => {
                if n < 0 {
                    Some(InputError::Negative)
                } else {
                    (n.unsigned_abs() > MAX_WHOLE).then_some(InputError::TooLarge)
                }
            }
            (Kind::Count | Kind::Signed, Number::Amount(_)) => Some(InputError::NotWhole),
            (Kind::Amount, n) => {
                let d = n.as_decimal();
                if d.is_sign_negative() && !d.is_zero() {
                    Some(InputError::Negative)
                } else if d.normalize().scale() > places {
                    Some(InputError::TooManyPlaces(places))
                } else if d > Decimal::from(MAX_WHOLE) {
                    Some(InputError::TooLarge)
                } else {
                    None
                }
            }
        }
    }

    /// Reads what a person typed: full-width digits (０–９), thousands separators (`,` `，`),
    /// and for signed numbers a `+` or `−`, are accepted and normalised. An amount may have
    /// `places` decimal places.
    pub fn parse_input(text: &str, kind: Kind, places: u32) -> Result<Number, InputError> {
        let normal = normalize(text);
        if normal.is_empty() {
            return Err(InputError::Empty);
        }
        let (negative, digits) = match normal.as_bytes()[0] {
            b'-' => (true, &normal[1..]),
            b'+' => (false, &normal[1..]),
            _ => (false, normal.as_str()),
        };
        let (whole, fraction) = match digits.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (digits, None),
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(whole) || fraction.is_some_and(|f| !all_digits(f)) {
            return Err(InputError::NotANumber);
        }
        if negative && kind != Kind::Signed {
            return Err(InputError::Negative);
        }
        match kind {
            Kind::Count | Kind::Signed => {
                if fraction.is_some() {
                    return Err(InputError::NotWhole);
                }
                let n: u64 = whole.parse().map_err(|_| InputError::TooLarge)?;
                if n > MAX_WHOLE {
                    return Err(InputError::TooLarge);
                }
                Ok(if kind == Kind::Count {
                    Number::Count(n)
                } else {
                    // MAX_WHOLE fits in i64, so the cast cannot wrap.
                    let n = n as i64;
                    Number::Signed(if negative { -n } else { n })
                })
            }
            Kind::Amount => {
                if fraction.is_some_and(|f| f.len() > places as usize) {
                    return Err(InputError::TooManyPlaces(places));
                }
                if whole.trim_start_matches('0').len() > 12 {
                    return Err(InputError::TooLarge);
                }
                let d: Decimal = digits.parse().map_err(|_| InputError::NotANumber)?;
                if d > Decimal::from(MAX_WHOLE) {
                    return Err(InputError::TooLarge);
                }
                Ok(Number::Amount(d))
            }
        }
    }
}

/// Maps one typed character to its ASCII form: full-width digits and signs, the minus sign
/// (−), the full-width point. Thousands separators map to `None` (they are dropped).
pub fn normalize_char(c: char) -> Option<char> {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        '＋' => Some('+'),
        '－' | '−' | '—' => Some('-'),
        '．' | '。' => Some('.'),
        ',' | '，' | '_' | ' ' | '\u{3000}' => None,
        other => Some(other),
    }
}

fn normalize(text: &str) -> String {
    text.trim().chars().filter_map(normalize_char).collect()
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Count(n) => write!(f, "{n}"),
            Number::Signed(n) => write!(f, "{n}"),
            Number::Amount(d) => write!(f, "{}", d.normalize()),
        }
    }
}

/// Counts become JSON integers; amounts become strings, so no digit is lost to a float.
impl serde::Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Number::Count(n) => s.serialize_u64(*n),
            Number::Signed(n) => s.serialize_i64(*n),
            Number::Amount(d) => s.serialize_str(&d.normalize().to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_separators_are_normalised() {
        assert_eq!(
            Number::parse_input("１，２３４", Kind::Count, MAX_PLACES),
            Ok(Number::Count(1234))
        );
        assert_eq!(
            Number::parse_input("1,037", Kind::Count, MAX_PLACES),
            Ok(Number::Count(1037))
        );
    }

    #[test]
    fn a_signed_figure_in_a_count_is_wrong_only_when_below_zero() {
        assert_eq!(Number::Signed(3).problem(Kind::Count, 0), None);
        assert_eq!(
            Number::Signed(-3).problem(Kind::Count, 0),
            Some(InputError::Negative)
        );
        assert_eq!(
            Number::Signed(i64::MAX).problem(Kind::Count, 0),
            Some(InputError::TooLarge)
        );
    }

    #[test]
    fn signed_takes_either_minus() {
        assert_eq!(
            Number::parse_input("−3", Kind::Signed, MAX_PLACES),
            Ok(Number::Signed(-3))
        );
        assert_eq!(
            Number::parse_input("+3", Kind::Signed, MAX_PLACES),
            Ok(Number::Signed(3))
        );
        assert_eq!(
            Number::parse_input("-3", Kind::Count, MAX_PLACES),
            Err(InputError::Negative)
        );
    }

    #[test]
    fn amounts_in_yuan_take_up_to_four_places() {
        assert_eq!(
            Number::parse_input("1.2345", Kind::Amount, max_places(Some("元"))),
            Ok(Number::Amount("1.2345".parse().unwrap()))
        );
        assert_eq!(
            Number::parse_input("1.23456", Kind::Amount, max_places(Some("元"))),
            Err(InputError::TooManyPlaces(4))
        );
        assert_eq!(
            Number::parse_input("1.5", Kind::Count, MAX_PLACES),
            Err(InputError::NotWhole)
        );
    }

    #[test]
    fn amounts_in_wan_yuan_take_up_to_six_places() {
        let places = max_places(Some("万元"));
        assert_eq!(
            Number::parse_input("12345.678912", Kind::Amount, places),
            Ok(Number::Amount("12345.678912".parse().unwrap()))
        );
        assert_eq!(
            Number::parse_input("1.1234567", Kind::Amount, places),
            Err(InputError::TooManyPlaces(6))
        );
        let fen = Number::Amount("12345.678912".parse().unwrap());
        assert_eq!(fen.problem(Kind::Amount, places), None);
        assert_eq!(
            fen.problem(Kind::Amount, MAX_PLACES),
            Some(InputError::TooManyPlaces(4))
        );
    }

    #[test]
    fn words_and_huge_numbers_are_refused() {
        assert_eq!(
            Number::parse_input("十二", Kind::Count, MAX_PLACES),
            Err(InputError::NotANumber)
        );
        assert_eq!(
            Number::parse_input("1000000000000", Kind::Count, MAX_PLACES),
            Err(InputError::TooLarge)
        );
        assert_eq!(
            Number::parse_input("  ", Kind::Count, MAX_PLACES),
            Err(InputError::Empty)
        );
    }

    #[test]
    fn amount_sums_are_exact() {
        let tenth = Number::Amount("0.1".parse().unwrap());
        let mut sum = Number::Amount(Decimal::ZERO);
        for _ in 0..10 {
            sum = sum.checked_add(tenth).unwrap();
        }
        assert_eq!(sum.as_decimal(), Decimal::ONE);
    }

    #[test]
    fn count_overflow_is_reported() {
        assert_eq!(Number::Count(u64::MAX).checked_add(Number::Count(1)), None);
    }
}

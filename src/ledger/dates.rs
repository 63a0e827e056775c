//! Dates as ledgers hold them: date cells, Excel serial numbers, and text written as
//! 2024-03-05, 2024/3/5, 2024.3.5 or 2024年3月5日 (a time after the date is ignored).

use jiff::civil::Date;

/// Years outside this range are taken for a mistake (a year typed into a date cell reads as a
/// serial number of 1905): the 条例 dates from 2008.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i16> = 2000..=2199;

/// The day an Excel serial number stands for (1900 date system; whole days, time dropped).
pub fn from_serial(serial: f64) -> Option<Date> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    // Excel counts 1900-02-29, which never was: from serial 61 on, day 0 is 1899-12-30.
    let epoch = if days >= 61 {
        jiff::civil::date(1899, 12, 30)
    } else {
        jiff::civil::date(1899, 12, 31)
    };
    epoch.checked_add(jiff::Span::new().days(days)).ok()
}

/// A date written as text, or `None` when it is not one (or names a day that does not exist).
pub fn parse(text: &str) -> Option<Date> {
    let text = super::text::half_width_text(text.trim());
    // A time may follow the date: after 日, or after a space or a T.
    let date_part = match text.find('日') {
        Some(i) => &text[..i],
        None => text
            .split(|c: char| c.is_whitespace() || c == 'T')
            .next()
            .unwrap_or_default(),
    };
    let date_part: String = date_part.chars().filter(|c| !c.is_whitespace()).collect();
    let only_date = text.find('日').is_none() && date_part.len() == text.len();
    let parts: Vec<&str> = date_part
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    let (y, m, d) = match parts.as_slice() {
        // 20240305: eight ASCII digits (slicing anything else could cut a character).
        [whole] if whole.len() == 8 && whole.bytes().all(|b| b.is_ascii_digit()) => {
            (&whole[..4], &whole[4..6], &whole[6..])
        }
        [whole] if (1..=7).contains(&whole.len()) && only_date => {
            return from_serial(whole.parse::<f64>().ok()?);
        }
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => (*y, *m, *d),
        _ => return None,
    };
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    Date::new(y, m, d).ok()
}

/// Whether a date is one a ledger can mean.
pub fn plausible(date: Date) -> bool {
    PLAUSIBLE_YEARS.contains(&date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn text_of_eight_bytes_that_is_not_eight_digits_is_no_date() {
        // A serial number with a byte-order mark behind it: eight bytes, not eight digits.
        assert_eq!(parse("45356\u{feff}"), None);
        assert_eq!(parse("二〇二四0305"), None);
    }

    #[test]
    fn every_notation_offices_use_reads_as_the_same_day() {
        for text in [
            "2024-03-05",
            "2024/3/5",
            "2024.3.5",
            "2024年3月5日",
            "2024 年 3 月 5 日",
            "２０２４－０３－０５",
            "2024-03-05 10:30:00",
            "2024-03-05T00:00:00",
            "20240305",
            "45356",
        ] {
            assert_eq!(parse(text), Some(date(2024, 3, 5)), "{text}");
        }
    }

    #[test]
    fn days_that_do_not_exist_are_refused() {
        for text in [
            "2023-02-29",
            "2024-13-01",
            "2024/4/31",
            "下周",
            "2024-03",
            "",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn excel_serials_count_from_the_excel_epoch() {
        assert_eq!(from_serial(45356.0), Some(date(2024, 3, 5)));
        assert_eq!(from_serial(45356.75), Some(date(2024, 3, 5)));
        assert_eq!(from_serial(-1.0), None);
    }
}

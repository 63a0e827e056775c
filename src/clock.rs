//! Today's date: the deadline hint counts from it, and it bounds the years a new report may be
//! for. `GONGKAI_TODAY=YYYY-MM-DD` fixes it (for tests, or to check as of a day).

/// Today, or the date `GONGKAI_TODAY` gives.
pub fn today() -> jiff::civil::Date {
    std::env::var("GONGKAI_TODAY")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or_else(|| jiff::ZonedDateTime::now().date())
}

pub fn this_year() -> i32 {
    i32::from(today().year())
}

/// Now, as an instant: what an export records as the time its document was made.
/// `GONGKAI_NOW=2025-01-20T09:00:00Z` fixes it; otherwise `GONGKAI_TODAY` (midnight UTC of that
/// day) does, so a test that fixes the day gets the same file every run.
pub fn now() -> jiff::Timestamp {
    if let Some(at) = std::env::var("GONGKAI_NOW")
        .ok()
        .and_then(|text| text.parse().ok())
    {
        return at;
    }
    std::env::var("GONGKAI_TODAY")
        .ok()
        .and_then(|text| text.parse::<jiff::civil::Date>().ok())
        .and_then(|day| day.to_zoned_datetime(jiff::tz::TimeZone::UTC).ok())
        .map_or_else(jiff::Timestamp::now, |z| z.timestamp())
}

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

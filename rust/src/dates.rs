//! Dates written in a line of text, found in four forms, in this order: year first ("2024-03-05",
//! and as Japanese, Chinese, Korean and Hungarian pages write it: "2024/03/05", "2024. 3. 5.",
//! "2024年3月5日", "2024년 3월 5일"), a month name with a day and a year ("March 5, 2024",
//! "5. März 2024", "5 de marzo de 2024", and year first as Hungarian writes it: "2024. március
//! 5."), dotted ("05.03.2024") and slashed ("05/03/2024"). The first form found in the text
//! decides; turning its numbers into a date (and refusing an ambiguous slashed one) is the caller's.
//!
//! Digits are Unicode decimal digits; a date is not part of a longer run of digits, and a month
//! name not part of a longer word. The regex crate has no look-around: a match whose start has
//! a digit (or letter) before it is skipped and the search goes on from the next character,
//! and what may not follow a match is matched too (`(?:\D|$)`) and left out of it, which gives
//! the same matches as the look-around patterns of a backtracking engine.

use regex::{Captures, Regex};

use crate::charclass::{in_class, Class};

/// Which form a date was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// groups: year, month, day (year first: ISO, or `/`, `.`, 年月日 or 년월일 between them)
    Iso = 0,
    /// groups: month name, day, year (the month's name first, the day's or the year's)
    MonthName = 1,
    /// groups: day, month, year
    Dotted = 2,
    /// groups: first number, second number, year
    Slashed = 3,
}

/// The date patterns, with the month names of every language.
#[derive(Debug, Clone)]
pub struct Dates {
    iso: Regex,
    month_name: Option<Regex>,
    dotted: Regex,
    slashed: Regex,
}

/// A found date: its form and its three groups, as text.
pub type Found<'t> = (Form, &'t str, &'t str, &'t str);

impl Dates {
    /// The patterns for `month_names` (case-folded, as the text will be).
    pub fn new<'a>(month_names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut names: Vec<&str> = month_names.into_iter().filter(|n| !n.is_empty()).collect();
        // longest first: where one name begins another, the longer is tried first
        names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
        names.dedup();
        let month_name = (!names.is_empty()).then(|| {
            let alt = names.iter().map(|n| regex::escape(n)).collect::<Vec<_>>().join("|");
            compile(&format!(
                r"(?:(?P<m1>{alt})\.?\s{{1,3}}(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s{{1,3}}(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})\.?\s{{1,3}}(?:de\s)?(?P<m2>{alt})\.?,?\s{{1,3}}(?:de\s)?(?P<y2>\d{{4}})|(?P<y3>\d{{4}})\.?\s{{1,3}}(?P<m3>{alt})\.?\s{{1,3}}(?P<d3>\d{{1,2}})\.?)(?:[^\p{{L}}\d]|$)"
            ))
        });
        Dates {
            // one separator all through: a backreference the regex crate has not, so one branch each
            iso: compile(concat!(
                r"(\d{4})(?:-(\d{1,2})-(\d{1,2})(?:\D|$)|/(\d{1,2})/(\d{1,2})(?:\D|$)",
                r"|\.\s?(\d{1,2})\.\s?(\d{1,2})(?:\D|$)|\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日",
                r"|\s?년\s?(\d{1,2})\s?월\s?(\d{1,2})\s?일)"
            )),
            month_name,
            dotted: compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:\D|$)"),
            slashed: compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\D|$)"),
        }
    }

    /// The first form that has a date in `text`, with its groups.
    pub fn find<'t>(&self, text: &'t str) -> Option<Found<'t>> {
        if let Some(c) = first(&self.iso, text, is_digit) {
            // the month and day of the branch that matched
            let k = (2..=10).step_by(2).find(|&k| c.get(k).is_some()).unwrap_or(2);
            return Some((Form::Iso, group(&c, 1), group(&c, k), group(&c, k + 1)));
        }
        if let Some(c) = self.month_name.as_ref().and_then(|p| first(p, text, is_letter)) {
            return Some(match (c.name("m1"), c.name("m2")) {
                (Some(m1), _) => (Form::MonthName, m1.as_str(), named(&c, "d1"), named(&c, "y1")),
                (None, Some(m2)) => (Form::MonthName, m2.as_str(), named(&c, "d2"), named(&c, "y2")),
                (None, None) => (Form::MonthName, named(&c, "m3"), named(&c, "d3"), named(&c, "y3")),
            });
        }
        if let Some(c) = first(&self.dotted, text, is_digit) {
            return Some((Form::Dotted, group(&c, 1), group(&c, 2), group(&c, 3)));
        }
        first(&self.slashed, text, is_digit).map(|c| (Form::Slashed, group(&c, 1), group(&c, 2), group(&c, 3)))
    }
}

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("date pattern compiles")
}

fn group<'t>(c: &Captures<'t>, i: usize) -> &'t str {
    c.get(i).map_or("", |m| m.as_str())
}

fn named<'t>(c: &Captures<'t>, name: &str) -> &'t str {
    c.name(name).map_or("", |m| m.as_str())
}

/// The leftmost match of `pattern` whose start does not follow a character `before_excluded`.
fn first<'t>(pattern: &Regex, text: &'t str, before_excluded: fn(char) -> bool) -> Option<Captures<'t>> {
    let mut from = 0;
    while let Some(c) = pattern.captures_at(text, from) {
        let start = c.get(0).map_or(from, |m| m.start());
        match text[..start].chars().next_back() {
            Some(prev) if before_excluded(prev) => {
                from = start + text[start..].chars().next().map_or(1, char::len_utf8);
            }
            _ => return Some(c),
        }
    }
    None
}

/// `\d`: a decimal digit of any script.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_class(c, Class::Digit))
}

/// `\p{L}`: a letter.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && in_class(c, Class::Letter))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates() -> Dates {
        Dates::new(["march", "mar", "märz", "marzo", "jan.", "március"])
    }

    #[test]
    fn the_first_form_found_decides() {
        let d = dates();
        assert_eq!(d.find("on 2024-03-05, or 5 march 2024"), Some((Form::Iso, "2024", "03", "05")));
        assert_eq!(d.find("john doe | 2025/12/24"), Some((Form::Iso, "2025", "12", "24")));
        assert_eq!(d.find("2025. 3. 30. 12:00"), Some((Form::Iso, "2025", "3", "30")));
        assert_eq!(d.find("2025年3月30日12時"), Some((Form::Iso, "2025", "3", "30")));
        assert_eq!(d.find("2025년 3월 30일 오후"), Some((Form::Iso, "2025", "3", "30")));
        assert_eq!(d.find("2025/03-30"), None);
        assert_eq!(d.find("march 5th, 2024"), Some((Form::MonthName, "march", "5", "2024")));
        assert_eq!(d.find("5. märz 2024"), Some((Form::MonthName, "märz", "5", "2024")));
        assert_eq!(d.find("5 de marzo de 2024"), Some((Form::MonthName, "marzo", "5", "2024")));
        assert_eq!(d.find("2025. március 30., vasárnap"), Some((Form::MonthName, "március", "30", "2025")));
        assert_eq!(d.find("05.03.2024"), Some((Form::Dotted, "05", "03", "2024")));
        assert_eq!(d.find("12/31/2024"), Some((Form::Slashed, "12", "31", "2024")));
    }

    #[test]
    fn dates_inside_longer_numbers_or_words_are_not_dates() {
        let d = dates();
        assert_eq!(d.find("12024-03-05"), None);
        assert_eq!(d.find("2024-03-055"), None);
        assert_eq!(d.find("summar 5 2024"), None);
        assert_eq!(d.find("march 5 20245"), None);
        assert_eq!(d.find("2025. március 305"), None);
        assert_eq!(d.find("١٢/٣١/٢٠٢٤"), Some((Form::Slashed, "١٢", "٣١", "٢٠٢٤")));
        // Arabic-Indic digits
    }

    #[test]
    fn a_skipped_start_lets_a_later_one_match() {
        assert_eq!(dates().find("x12024-03-05 2023-01-02"), Some((Form::Iso, "2023", "01", "02")));
    }
}

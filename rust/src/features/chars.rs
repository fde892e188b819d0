//! The character facts the line features read: named properties and the lower-case mapping of
//! every code point, as data.
//!
//! The Python package builds the table from the interpreter's own Unicode database
//! (`str.isupper`, `str.lower`, ... in `newsclean/cleaners/boilerplate/chars.py`): the core then
//! counts exactly what Python's string methods say, whichever Unicode version the interpreter
//! and Rust's `std` carry (CPython 3.11 has Unicode 14; `char::is_uppercase` knows later
//! letters). A code point the table does not list has no property and lower-cases to itself.

use rustc_hash::FxHashMap;

/// A property a code point has or not (the names are those the Python table is built with).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Property {
    /// `str.isupper()`
    Upper,
    /// `str.isalpha()`
    Alpha,
    /// a letter with distinct upper- and lower-case forms
    Cased,
    /// `str.isalnum()`
    Alnum,
    /// `str.isspace()`: what `str.split()` splits on
    Space,
    /// a script written without spaces (Han, kana, Hangul, Thai ...)
    NoSpace,
    /// an ASCII digit
    Digit,
    /// a menu or breadcrumb separator (`|`, `•`, `»` ...)
    Separator,
    /// `\w` of Python's `re` (`str.isalnum()` or `_`)
    Word,
    /// `\d` of Python's `re` (`str.isdecimal()`)
    Decimal,
    /// stripped from a token's ends before its stoplist look-up
    Strip,
    /// stripped from a line's end before its last character is read (closing quotes, brackets)
    Closer,
    /// a line ending in it ends like a sentence
    EndSentence,
    /// a colon
    EndColon,
    /// another continuation mark (`,`, `-`, `|` ...)
    EndOther,
    /// skipped by `str.lower()` when it looks around a capital sigma (Unicode Case_Ignorable)
    CaseIgnorable,
    /// read by `str.lower()` around a capital sigma (Unicode Cased)
    UnicodeCased,
}

impl Property {
    /// Every property, in bit order.
    pub const ALL: [Property; 17] = [
        Property::Upper,
        Property::Alpha,
        Property::Cased,
        Property::Alnum,
        Property::Space,
        Property::NoSpace,
        Property::Digit,
        Property::Separator,
        Property::Word,
        Property::Decimal,
        Property::Strip,
        Property::Closer,
        Property::EndSentence,
        Property::EndColon,
        Property::EndOther,
        Property::CaseIgnorable,
        Property::UnicodeCased,
    ];

    /// The property's name in the Python table.
    pub fn name(self) -> &'static str {
        match self {
            Property::Upper => "upper",
            Property::Alpha => "alpha",
            Property::Cased => "cased",
            Property::Alnum => "alnum",
            Property::Space => "space",
            Property::NoSpace => "nospace",
            Property::Digit => "digit",
            Property::Separator => "separator",
            Property::Word => "word",
            Property::Decimal => "decimal",
            Property::Strip => "strip",
            Property::Closer => "closer",
            Property::EndSentence => "end_sentence",
            Property::EndColon => "end_colon",
            Property::EndOther => "end_other",
            Property::CaseIgnorable => "case_ignorable",
            Property::UnicodeCased => "unicode_cased",
        }
    }

    /// The property called `name`.
    pub fn named(name: &str) -> Option<Property> {
        Property::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The property's bit in a class bitfield.
    pub const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// The code point lower-cases to itself.
const SAME: u32 = u32::MAX;
/// The code point lower-cases to another number of code points than one (`İ` to `i̇`).
const LONGER: u32 = u32::MAX - 1;
const CAPITAL_SIGMA: u32 = 0x3A3;
const SMALL_SIGMA: u32 = 0x3C3;
const FINAL_SIGMA: u32 = 0x3C2;
/// The code points below this are found by index, the others by hash.
const DENSE: usize = 0x10000;

#[derive(Debug, Clone, Copy)]
struct Entry {
    bits: u32,
    lower: u32,
}

impl Default for Entry {
    fn default() -> Self {
        Entry { bits: 0, lower: SAME }
    }
}

/// The properties and lower-case mapping of a set of code points.
#[derive(Debug, Clone, Default)]
pub struct CharTable {
    dense: Vec<Entry>,
    sparse: FxHashMap<u32, Entry>,
    longer: FxHashMap<u32, Vec<u32>>,
}

impl CharTable {
    /// The table of `cps`: for each property, whether each code point has it; `lower` holds the
    /// lower-case forms of the code points end to end, `lower_lens` how long each is.
    pub fn new(
        cps: &[u32],
        properties: &[(Property, &[bool])],
        lower: &[u32],
        lower_lens: &[usize],
    ) -> Result<Self, String> {
        for p in Property::ALL {
            match properties.iter().filter(|(q, _)| *q == p).count() {
                1 => {}
                0 => return Err(format!("the character table lacks the property {:?}", p.name())),
                _ => return Err(format!("the character table has the property {:?} twice", p.name())),
            }
        }
        if properties.iter().any(|(_, has)| has.len() != cps.len()) || lower_lens.len() != cps.len() {
            return Err("the character table's arrays differ in length".to_string());
        }
        let total = lower_lens.iter().try_fold(0usize, |sum, &n| sum.checked_add(n));
        if total != Some(lower.len()) {
            return Err("the lower-case forms do not add up to their lengths".to_string());
        }
        let mut table = CharTable {
            dense: if cps.iter().any(|&cp| (cp as usize) < DENSE) { vec![Entry::default(); DENSE] } else { Vec::new() },
            ..CharTable::default()
        };
        let mut at = 0;
        for (i, &cp) in cps.iter().enumerate() {
            let bits = properties.iter().filter(|(_, has)| has[i]).fold(0, |bits, (p, _)| bits | p.bit());
            let mapped = &lower[at..at + lower_lens[i]];
            at += lower_lens[i];
            let lower = match *mapped {
                [one] if one == cp => SAME,
                [one] if one < LONGER => one,
                _ => {
                    table.longer.insert(cp, mapped.to_vec());
                    LONGER
                }
            };
            match table.dense.get_mut(cp as usize) {
                Some(entry) => *entry = Entry { bits, lower },
                None => {
                    table.sparse.insert(cp, Entry { bits, lower });
                }
            }
        }
        Ok(table)
    }

    fn get(&self, cp: u32) -> Option<Entry> {
        self.dense.get(cp as usize).or_else(|| self.sparse.get(&cp)).copied()
    }
}

/// What a page reads its characters with: the process's table and, for the code points outside
/// it (other planes), the page's own.
#[derive(Debug, Clone, Copy)]
pub struct Chars<'a> {
    table: &'a CharTable,
    page: Option<&'a CharTable>,
}

impl<'a> Chars<'a> {
    /// `table`, with `page` consulted first when given.
    pub fn new(table: &'a CharTable, page: Option<&'a CharTable>) -> Self {
        Chars { table, page }
    }

    fn find(&self, cp: u32) -> (Entry, &'a CharTable) {
        if let Some(page) = self.page {
            if let Some(entry) = page.get(cp) {
                return (entry, page);
            }
        }
        (self.table.get(cp).unwrap_or_default(), self.table)
    }

    /// The class bitfield of `cp` (`Property::bit`s).
    pub fn bits(&self, cp: u32) -> u32 {
        self.find(cp).0.bits
    }

    /// The class bitfield of each of `cps`.
    pub fn classes(&self, cps: &[u32]) -> Vec<u32> {
        cps.iter().map(|&cp| self.bits(cp)).collect()
    }

    /// Append `line` lower-cased as CPython's `str.lower()` does (`bits`: its classes): each
    /// code point's lower-case form, and a capital sigma final (`ς`) when a cased letter
    /// precedes it and none follows (case-ignorable characters skipped both ways).
    pub fn lower_into(&self, line: &[u32], bits: &[u32], out: &mut Vec<u32>) {
        for (i, &cp) in line.iter().enumerate() {
            if cp == CAPITAL_SIGMA {
                out.push(if final_sigma(bits, i) { FINAL_SIGMA } else { SMALL_SIGMA });
                continue;
            }
            let (entry, table) = self.find(cp);
            match entry.lower {
                SAME => out.push(cp),
                LONGER => out.extend_from_slice(table.longer.get(&cp).map_or(&[][..], Vec::as_slice)),
                one => out.push(one),
            }
        }
    }
}

/// CPython's Final_Sigma test for the capital sigma at `i` of a line of classes `bits`.
fn final_sigma(bits: &[u32], i: usize) -> bool {
    let (ignorable, cased) = (Property::CaseIgnorable.bit(), Property::UnicodeCased.bit());
    let before = bits[..i].iter().rev().find(|&&b| b & ignorable == 0);
    if before.is_none_or(|&b| b & cased == 0) {
        return false;
    }
    let after = bits.get(i + 1..).unwrap_or_default().iter().find(|&&b| b & ignorable == 0);
    after.is_none_or(|&b| b & cased == 0)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    type Test = fn(char) -> bool;

    /// A table from Rust's own Unicode data, for the tests (the package's comes from Python).
    pub(crate) fn std_table(cps: impl IntoIterator<Item = u32>) -> CharTable {
        let chars: Vec<char> = cps.into_iter().filter_map(char::from_u32).collect();
        let tests: [(Property, Test); 17] = [
            (Property::Upper, char::is_uppercase),
            (Property::Alpha, char::is_alphabetic),
            (Property::Cased, |c| c.is_alphabetic() && c.to_uppercase().ne(c.to_lowercase())),
            (Property::Alnum, char::is_alphanumeric),
            (Property::Space, char::is_whitespace),
            (Property::NoSpace, |c| c as u32 >= 0x2E80 || (0xE00..=0xE7F).contains(&(c as u32))),
            (Property::Digit, |c| c.is_ascii_digit()),
            (Property::Separator, |c| "|•·»›/→«‹►▶".contains(c)),
            (Property::Word, |c| c.is_alphanumeric() || c == '_'),
            (Property::Decimal, |c| c.is_ascii_digit()),
            (Property::Strip, |c| ".,;:!?\"'“”‘’«»()[]{}<>*_-–—/|…·•¿¡".contains(c)),
            (Property::Closer, |c| "\"'”’»)]*_ ".contains(c)),
            (Property::EndSentence, |c| ".!?…。！？؟।۔։;".contains(c)),
            (Property::EndColon, |c| ":：".contains(c)),
            (Property::EndOther, |c| ",-|>»›/–—+".contains(c)),
            (Property::CaseIgnorable, |c| "'.:^`\u{AD}\u{301}".contains(c)),
            (Property::UnicodeCased, |c| c.is_lowercase() || c.is_uppercase()),
        ];
        let columns: Vec<(Property, Vec<bool>)> =
            tests.iter().map(|&(p, test)| (p, chars.iter().map(|&c| test(c)).collect())).collect();
        let properties: Vec<(Property, &[bool])> = columns.iter().map(|(p, v)| (*p, v.as_slice())).collect();
        let lowered: Vec<Vec<u32>> = chars.iter().map(|c| c.to_lowercase().map(u32::from).collect()).collect();
        let cps: Vec<u32> = chars.iter().map(|&c| u32::from(c)).collect();
        CharTable::new(&cps, &properties, &lowered.concat(), &lowered.iter().map(Vec::len).collect::<Vec<_>>())
            .expect("a complete table")
    }

    pub(crate) fn cps(text: &str) -> Vec<u32> {
        text.chars().map(u32::from).collect()
    }

    fn lowered(chars: &Chars<'_>, text: &str) -> String {
        let line = cps(text);
        let mut out = Vec::new();
        chars.lower_into(&line, &chars.classes(&line), &mut out);
        out.into_iter().filter_map(char::from_u32).collect()
    }

    #[test]
    fn a_capital_sigma_is_final_after_a_letter_and_before_none() {
        let table = std_table(0..0x800);
        let chars = Chars::new(&table, None);
        assert_eq!(lowered(&chars, "ΟΔΟΣ"), "οδος");
        assert_eq!(lowered(&chars, "ΟΔΟΣ."), "οδος.");
        assert_eq!(lowered(&chars, "Σ ΟΔΟΣ'Α"), "σ οδοσ'α"); // a letter after the quote: not final
        assert_eq!(lowered(&chars, "ΟΔΟΣ'"), "οδος'");
    }

    #[test]
    fn lower_case_forms_may_be_longer() {
        let table = std_table(0..0x800);
        assert_eq!(lowered(&Chars::new(&table, None), "İstanbul"), "i\u{307}stanbul");
    }

    #[test]
    fn the_pages_table_comes_first_and_unlisted_code_points_have_nothing() {
        let table = std_table(0..0x80);
        let page = std_table([0x1D400]); // MATHEMATICAL BOLD CAPITAL A
        let chars = Chars::new(&table, Some(&page));
        assert_ne!(chars.bits(0x1D400) & Property::Upper.bit(), 0);
        assert_eq!(Chars::new(&table, None).bits(0x1D400), 0);
        assert_eq!(chars.bits(0xD800), 0); // a lone surrogate: listed nowhere
        assert_eq!(lowered(&chars, "A\u{10400}"), "a\u{10400}"); // Deseret: not in either table
    }

    #[test]
    fn an_incomplete_table_is_refused() {
        let err = CharTable::new(&[65], &[(Property::Upper, &[true])], &[97], &[1]).unwrap_err();
        assert!(err.contains("lacks"), "{err}");
    }
}

//! The n-gram language scorer: naive Bayes over character 1-, 2- and 3-grams, every language of
//! one script at once, in integers.
//!
//! A text (in NFC) is read as langdetect reads it ([`words`]): words of two or more capitals
//! (acronyms, `\b\p{Lu}\p{Lu}+\b`) dropped, every character normalised by langdetect's table,
//! split on white space. Each word is padded with one space either side, and each of its 1-, 2-
//! and 3-grams that the [`Model`] holds adds one to the count of grams found and its cost to each
//! language's sum. What a text gets is `[grams found, cost of language 0, cost of language 1, ...]`;
//! the costs (quantised `-log p(gram | language)`) are Python's, computed from the profiles.
//!
//! The character tables are Python's too, handed in as data ([`Reader`]): langdetect's
//! normalisation, and the word characters and capitals of the `regex` module, so that the core
//! reads every string as the pure-Python scorer did, whatever Unicode version this crate's
//! dependencies would have brought.
//!
//! Text is a slice of code points (`u32`), not of `char`: a Python `str` may hold lone
//! surrogates, and each stays one character that no gram holds (U+FFFD would not do: the Hindi,
//! Marathi, Nepali and Urdu profiles hold it).

use crate::charclass::range_containing;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// Why a reader or a model was refused.
#[derive(Debug)]
pub struct SpecError(pub String);

const SPACE: u32 = 0x20;
const BMP: usize = 0x1_0000;
const MAX_CODE_POINT: u32 = 0x10_FFFF;

/// Python's `str.isspace()` (what `str.split()` splits on).
pub fn is_python_space(cp: u32) -> bool {
    matches!(cp, 0x09..=0x0D | 0x1C..=0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029
        | 0x202F | 0x205F | 0x3000)
}

const WORD: u8 = 1;
const UPPER: u8 = 2;

/// How the scorer reads characters: langdetect's per-character normalisation
/// (`NGram.normalize`, of the BMP; code points beyond it are left as they are), and which code
/// points are word characters (`\w`) and capitals (`\p{Lu}`), for the acronym rule.
pub struct Reader {
    normalised: Vec<u32>,
    /// [`WORD`] and [`UPPER`] bits per BMP code point; the ranges for those beyond.
    classes: Vec<u8>,
    word: Vec<(u32, u32)>,
    upper: Vec<(u32, u32)>,
}

impl Reader {
    /// A reader that normalises as `changes` say (BMP code point, what it becomes; the others
    /// stay), with the word characters and capitals of the inclusive ranges `word` and `upper`.
    pub fn new(
        changes: impl IntoIterator<Item = (u32, u32)>,
        mut word: Vec<(u32, u32)>,
        mut upper: Vec<(u32, u32)>,
    ) -> Result<Self, SpecError> {
        let mut normalised: Vec<u32> = (0..BMP as u32).collect();
        for (from, to) in changes {
            if from as usize >= BMP || to > MAX_CODE_POINT {
                return Err(SpecError(format!(
                    "the normaliser maps BMP code points to code points, not {from:#x} to {to:#x}"
                )));
            }
            normalised[from as usize] = to;
        }
        let mut classes = vec![0u8; BMP];
        for (ranges, bit) in [(&mut word, WORD), (&mut upper, UPPER)] {
            if let Some(&(first, last)) = ranges.iter().find(|r| r.0 > r.1 || r.1 > MAX_CODE_POINT) {
                return Err(SpecError(format!("{first:#x}..={last:#x} is not a range of code points")));
            }
            ranges.sort_unstable();
            for &(first, last) in ranges.iter().filter(|r| (r.0 as usize) < BMP) {
                classes[first as usize..=(last as usize).min(BMP - 1)].iter_mut().for_each(|b| *b |= bit);
            }
        }
        Ok(Reader { normalised, classes, word, upper })
    }

    /// What `cp` is normalised to.
    pub fn normalise(&self, cp: u32) -> u32 {
        self.normalised.get(cp as usize).copied().unwrap_or(cp)
    }

    fn has_class(&self, cp: u32, bit: u8) -> bool {
        match self.classes.get(cp as usize) {
            Some(bits) => bits & bit != 0,
            None => {
                let ranges = if bit == WORD { &self.word } else { &self.upper };
                range_containing(ranges, cp, |&r| r).is_some()
            }
        }
    }

    fn is_word(&self, cp: u32) -> bool {
        self.has_class(cp, WORD)
    }

    fn is_upper(&self, cp: u32) -> bool {
        self.has_class(cp, UPPER)
    }

    /// `text` with every acronym (a run of two or more capitals between non-word characters,
    /// `\b\p{Lu}\p{Lu}+\b`) turned into spaces: what langdetect's normalisation then reads.
    /// That pattern matches exactly the maximal runs of two or more capitals with no word
    /// character either side (a capital is a word character, so no match starts or ends inside
    /// a run).
    pub fn gram_text(&self, text: &[u32]) -> Vec<u32> {
        let mut out = text.to_vec();
        let mut i = 0;
        while i < out.len() {
            if !self.is_upper(out[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < out.len() && self.is_upper(out[i]) {
                i += 1;
            }
            let open = start == 0 || !self.is_word(out[start - 1]);
            let closed = i == out.len() || !self.is_word(out[i]);
            if i - start >= 2 && open && closed {
                out[start..i].fill(SPACE);
            }
        }
        out
    }
}

/// The words of `text` (in NFC) in langdetect's sense: [`Reader::gram_text`], each character
/// normalised, split on white space.
pub fn words(text: &[u32], reader: &Reader) -> Vec<Vec<u32>> {
    let mut out = Vec::new();
    let mut word = Vec::new();
    for cp in reader.gram_text(text).into_iter().map(|cp| reader.normalise(cp)) {
        if is_python_space(cp) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        } else {
            word.push(cp);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

// ---- the model

/// FxHash's step (rotate, xor, multiply) per 8 bytes, then murmur3's 64-bit finaliser: the gram
/// keys differ in their high bits as often as in their low.
#[derive(Default)]
struct Mix(u64);

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ (x >> 33)
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

type Mixed = BuildHasherDefault<Mix>;

/// A white-space character in [`Model::index`].
const SEPARATOR: u32 = u32::MAX;

/// The languages of one script: each gram's cost for every language.
pub struct Model {
    n_langs: usize,
    reader: Arc<Reader>,
    /// BMP code point -> 1 + the alphabet index of what it normalises to (0: in no gram), or
    /// [`SEPARATOR`] when that is white space.
    index: Vec<u32>,
    /// The same beyond the BMP (not normalised, never white space; absent: in no gram).
    astral: HashMap<u32, u32>,
    /// The alphabet index of the space that pads every word (0: in no gram).
    space: u32,
    /// Alphabet index -> 1 + the row of that character's unigram (0: none).
    unigrams: Vec<u32>,
    /// Bigram and trigram key ([`key`] of their characters' indices) -> row.
    rows: HashMap<u64, u32, Mixed>,
    /// `n_langs` costs per row.
    costs: Vec<u16>,
}

/// The key of a gram of alphabet indices `a`, `b`, `c` (0 for a position past its end). Indices
/// are below 2**21: an alphabet has at most one entry per code point.
fn key(a: u32, b: u32, c: u32) -> u64 {
    u64::from(a) | u64::from(b) << 21 | u64::from(c) << 42
}

impl Model {
    /// The model of `table`: every gram (1 to 3 code points) with its cost for each of the
    /// `n_langs` languages (0 to 65 535). `reader` is how texts are read.
    pub fn new(reader: Arc<Reader>, n_langs: usize, table: Vec<(Vec<u32>, Vec<i64>)>) -> Result<Self, SpecError> {
        let mut alphabet: HashMap<u32, u32> = HashMap::new();
        let mut unigrams = vec![0u32];
        let mut rows = HashMap::with_capacity_and_hasher(table.len(), Mixed::default());
        let mut costs = Vec::with_capacity(table.len() * n_langs);
        for (row, (gram, gram_costs)) in (0u32..).zip(table) {
            if !(1..=3).contains(&gram.len()) || gram.iter().any(|&cp| cp > MAX_CODE_POINT) {
                return Err(SpecError(format!("a gram is 1 to 3 code points, not {gram:x?}")));
            }
            if gram_costs.len() != n_langs {
                return Err(SpecError(format!(
                    "gram {gram:x?} has {} costs for {n_langs} languages",
                    gram_costs.len()
                )));
            }
            let mut at = [0u32; 3];
            for (slot, &cp) in at.iter_mut().zip(&gram) {
                let next = alphabet.len() as u32 + 1;
                *slot = *alphabet.entry(cp).or_insert(next);
            }
            unigrams.resize(alphabet.len() + 1, 0);
            let twice = if gram.len() == 1 {
                std::mem::replace(&mut unigrams[at[0] as usize], row + 1) != 0
            } else {
                rows.insert(key(at[0], at[1], at[2]), row).is_some()
            };
            if twice {
                return Err(SpecError(format!("gram {gram:x?} is given twice")));
            }
            for cost in gram_costs {
                costs.push(u16::try_from(cost).map_err(|_| SpecError(format!("cost {cost} is out of range")))?);
            }
        }
        let index = (0..BMP as u32)
            .map(|cp| match reader.normalise(cp) {
                norm if is_python_space(norm) => SEPARATOR,
                norm => alphabet.get(&norm).copied().unwrap_or(0),
            })
            .collect();
        let space = alphabet.get(&SPACE).copied().unwrap_or(0);
        alphabet.retain(|&cp, _| cp as usize >= BMP);
        Ok(Model { n_langs, reader, index, astral: alphabet, space, unigrams, rows, costs })
    }

    /// How many languages the model scores.
    pub fn n_langs(&self) -> usize {
        self.n_langs
    }

    /// For each of `texts` (in NFC), `[grams found, cost of language 0, cost of language 1, ...]`:
    /// the sums over the n-grams of its [`words`], each padded with a space either side.
    pub fn fields<T: AsRef<[u32]>>(&self, texts: &[T]) -> Vec<Vec<i64>> {
        let mut rows = Vec::new();
        texts
            .iter()
            .map(|text| {
                rows.clear();
                self.find_rows(text.as_ref(), &mut rows);
                self.sum_rows(&rows)
            })
            .collect()
    }

    /// Push the row of every gram of `text`'s padded words that the model holds.
    fn find_rows(&self, text: &[u32], rows: &mut Vec<u32>) {
        let mut padded = vec![self.space]; // the word being read, after its opening space
        for cp in self.reader.gram_text(text) {
            let at = match self.index.get(cp as usize) {
                Some(&at) => at,
                None => self.astral.get(&cp).copied().unwrap_or(0),
            };
            if at != SEPARATOR {
                padded.push(at);
            } else if padded.len() > 1 {
                padded.push(self.space);
                self.find_word_rows(&padded, rows);
                padded.truncate(1);
            }
        }
        if padded.len() > 1 {
            padded.push(self.space);
            self.find_word_rows(&padded, rows);
        }
    }

    /// Push the row of every 1-, 2- and 3-gram of `padded` (alphabet indices) that the model holds.
    fn find_word_rows(&self, padded: &[u32], rows: &mut Vec<u32>) {
        for (i, &a) in padded.iter().enumerate() {
            if a == 0 {
                continue; // (no gram holds this character)
            }
            if let Some(row) = self.unigrams.get(a as usize).and_then(|&row| row.checked_sub(1)) {
                rows.push(row);
            }
            let Some(&b) = padded.get(i + 1).filter(|&&b| b != 0) else { continue };
            rows.extend(self.rows.get(&key(a, b, 0)));
            if let Some(&c) = padded.get(i + 2).filter(|&&c| c != 0) {
                rows.extend(self.rows.get(&key(a, b, c)));
            }
        }
    }

    /// `[rows.len(), sum of language 0's costs over rows, ...]`: added up in 32 bits, 65 536 rows
    /// at a time (65 536 costs below 2**16 sum below 2**32), and in 64 bits from there.
    fn sum_rows(&self, rows: &[u32]) -> Vec<i64> {
        let n = self.n_langs;
        let mut sums = vec![0i64; 1 + n];
        sums[0] = rows.len() as i64;
        let mut part = vec![0u32; n];
        for chunk in rows.chunks(1 << 16) {
            for &row in chunk {
                let costs = &self.costs[row as usize * n..(row as usize + 1) * n];
                part.iter_mut().zip(costs).for_each(|(sum, &cost)| *sum += u32::from(cost));
            }
            for (sum, part) in sums[1..].iter_mut().zip(&mut part) {
                *sum += i64::from(std::mem::take(part));
            }
        }
        sums
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(text: &str) -> Vec<u32> {
        text.chars().map(u32::from).collect()
    }

    fn strings(words: Vec<Vec<u32>>) -> Vec<String> {
        words.iter().map(|w| w.iter().map(|&cp| char::from_u32(cp).unwrap_or('?')).collect()).collect()
    }

    fn ranges(test: impl Fn(char) -> bool) -> Vec<(u32, u32)> {
        (0..0x2_0000).filter(|&cp| char::from_u32(cp).is_some_and(&test)).map(|cp| (cp, cp)).collect()
    }

    /// langdetect's rule for ASCII (every character but a letter becomes a space), U+3000
    /// (ideographic space) a space and s-comma s-cedilla, as the Python table has them; Rust's
    /// letters and digits as word characters, its upper-case letters as capitals.
    fn reader() -> Arc<Reader> {
        let ascii = (0..0x80u32).filter(|&cp| !char::from_u32(cp).is_some_and(|c| c.is_ascii_alphabetic()));
        let changes = ascii.map(|cp| (cp, SPACE)).chain([(0x3000, SPACE), (0x0219, 0x015F)]);
        let word = ranges(|c| c.is_alphanumeric() || c == '_');
        let upper = ranges(char::is_uppercase);
        Arc::new(Reader::new(changes, word, upper).unwrap())
    }

    fn words_of(text: &str) -> Vec<String> {
        strings(words(&cps(text), &reader()))
    }

    #[test]
    fn acronyms_are_runs_of_two_capitals_or_more_between_non_word_characters() {
        assert_eq!(
            words_of("NATO's AB1 _AB AB_ xAB ABx AB-CD A B the EU"),
            ["s", "AB", "AB", "AB", "xAB", "ABx", "A", "B", "the"]
        );
        assert_eq!(words_of("ÉTAT DE L'ÉTÉ été"), ["L", "été"]); // any capitals, not only ASCII
        assert_eq!(words_of("ΑΘΗΝΑ Αθήνα"), ["Αθήνα"]);
        assert_eq!(words_of("\u{10400}\u{10401} \u{10400}\u{10428}"), ["\u{10400}\u{10428}"]);
        // beyond the BMP
    }

    #[test]
    fn characters_are_normalised_and_words_split_on_any_white_space() {
        assert_eq!(words_of("a,b\u{3000}c\u{2003}d ș"), ["a", "b", "c", "d", "ş"]);
    }

    #[test]
    fn a_lone_surrogate_stays_itself_and_splits_nothing() {
        let text = [0x61, 0xD800, 0x62, 0x20, 0xDFFF, 0x41, 0x42];
        assert_eq!(words(&text, &reader()), vec![vec![0x61, 0xD800, 0x62], vec![0xDFFF]]);
    }

    /// Two languages; "a" and " a" known to both, "ab" to the first only (the second: unseen, 9).
    fn model() -> Model {
        let table = vec![
            (cps("a"), vec![1, 2]),
            (cps(" a"), vec![3, 4]),
            (cps("ab"), vec![5, 9]),
            (cps("b "), vec![7, 8]),
            (cps("\u{fffd}"), vec![1, 1]),
            (cps("\u{1d400}"), vec![2, 2]),
        ];
        Model::new(reader(), 2, table).unwrap()
    }

    impl Model {
        fn one(&self, text: &[u32]) -> Vec<i64> {
            self.fields(&[text]).remove(0)
        }
    }

    #[test]
    fn a_text_sums_the_grams_of_its_padded_words_that_the_model_holds() {
        // " ab ": " ", "a", "b", " " | " a", "ab", "b " | " ab", "ab "
        assert_eq!(model().one(&cps("ab")), vec![4, 1 + 3 + 5 + 7, 2 + 4 + 9 + 8]);
        assert_eq!(model().one(&cps("AB, ab; ab!")), model().one(&cps("ab ab")));
        assert_eq!(model().one(&cps("ab ab")), vec![8, 32, 46]);
        assert_eq!(model().one(&cps("   ,,, ")), vec![0, 0, 0]);
        assert_eq!(model().one(&[]), vec![0, 0, 0]);
    }

    #[test]
    fn a_text_of_a_batch_sums_as_alone() {
        let (a, b) = (cps("ab ba ab"), cps("ba, ab"));
        let none: Vec<u32> = vec![];
        assert_eq!(
            model().fields(&[&a, &b, &a, &none]),
            [model().one(&a), model().one(&b), model().one(&a), vec![0; 3]]
        );
    }

    #[test]
    fn astral_characters_are_read_as_they_are() {
        assert_eq!(model().one(&cps("\u{1d400}")), vec![1, 2, 2]);
    }

    #[test]
    fn a_lone_surrogate_is_in_no_gram_where_u_fffd_may_be() {
        assert_eq!(model().one(&[0xFFFD]), vec![1, 1, 1]);
        assert_eq!(model().one(&[0xD800]), vec![0, 0, 0]);
        // (as any character no gram holds: here an unassigned one)
        assert_eq!(model().one(&[0x61, 0xD800, 0x62]), model().one(&[0x61, 0x378, 0x62]));
        assert_eq!(model().one(&[0x61, 0xD800, 0x62]), vec![3, 1 + 3 + 7, 2 + 4 + 8]);
    }

    #[test]
    fn a_model_refuses_grams_of_other_lengths_and_costs_of_other_counts() {
        assert!(Model::new(reader(), 1, vec![(cps("abcd"), vec![1])]).is_err());
        assert!(Model::new(reader(), 1, vec![(vec![], vec![1])]).is_err());
        assert!(Model::new(reader(), 2, vec![(cps("a"), vec![1])]).is_err());
        assert!(Model::new(reader(), 1, vec![(cps("a"), vec![1]), (cps("a"), vec![2])]).is_err());
        assert!(Model::new(reader(), 1, vec![(cps("a"), vec![1 << 16])]).is_err());
        assert!(Model::new(reader(), 1, vec![(cps("a"), vec![-1])]).is_err());
    }

    #[test]
    fn a_reader_refuses_what_is_not_a_code_point() {
        assert!(Reader::new([(0x10000, 0x20)], vec![], vec![]).is_err());
        assert!(Reader::new([(0x41, 0x110000)], vec![], vec![]).is_err());
        assert!(Reader::new([], vec![(0x42, 0x41)], vec![]).is_err());
        assert!(Reader::new([], vec![], vec![(0x41, 0x110000)]).is_err());
    }
}

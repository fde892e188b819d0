//! A page's columns end to end, with Rust's logarithms and a table from Rust's Unicode data.

use super::chars::tests::{cps, std_table};
use super::*;

fn page(texts: &[&str], lines: &mut [Line]) -> Vec<u32> {
    for (line, text) in lines.iter_mut().zip(texts) {
        line.len = text.chars().count();
    }
    texts.iter().flat_map(|t| cps(t)).collect()
}

fn columns(texts: &[&str], lines: &mut [Line], units: i64, stop: &Stoplist) -> Columns {
    let page_cps = page(texts, lines);
    let table = std_table(0..0x3000);
    let page = Page::new(&page_cps, lines, units).unwrap();
    let mut pending = prepare(&Chars::new(&table, None), &page, stop);
    let (log1p, ln) = pending.arguments();
    std_logarithms(log1p, ln);
    pending.columns()
}

fn lines(words: &[i64]) -> Vec<Line> {
    words.iter().enumerate().map(|(k, &w)| Line { words: w, index: k as i64, ..Line::default() }).collect()
}

fn log1p(values: &[f64]) -> Vec<f64> {
    values.iter().map(|v| v.ln_1p()).collect()
}

#[test]
fn place_counts_copies_positions_and_the_lines_dropped_between() {
    let mut ls = lines(&[1, 4, 1]);
    for (l, index) in ls.iter_mut().zip([0, 2, 5]) {
        l.index = index;
    }
    let cols = columns(&["Home", "Story one two three.", "Home"], &mut ls, 6, &Stoplist::default());
    assert_eq!(cols.get(Col::Rep), [2f64.ln(), 0.0, 2f64.ln()]);
    assert_eq!(cols.get(Col::Pos), [0.0, 2.0 / 6.0, 5.0 / 6.0]);
    assert_eq!(cols.get(Col::DropBefore), log1p(&[0.0, 1.0, 2.0]));
    assert_eq!(cols.get(Col::DropAfter), log1p(&[1.0, 2.0, 0.0]));
}

#[test]
fn a_block_is_the_lines_of_one_block_number() {
    let mut ls = lines(&[2, 4, 9]);
    ls[2].block = 1;
    let cols = columns(&["a b", "c d e f", "g"], &mut ls, 3, &Stoplist::default());
    assert_eq!(cols.get(Col::BlockN), log1p(&[2.0, 2.0, 1.0]));
    assert_eq!(cols.get(Col::BlockW), log1p(&[6.0, 6.0, 9.0]));
    assert_eq!(cols.get(Col::BlockAvg), [3f64.ln_1p(), 3f64.ln_1p(), 4.0_f64.min(9f64.ln_1p())]);
}

#[test]
fn running_text_is_long_ends_like_a_sentence_and_has_stopwords() {
    let sentence = "The council voted on the budget and the mayor said that it would pass.";
    let stop = Stoplist::new(["the", "and", "on", "that", "it"].iter().map(|w| cps(w)).collect(), false);
    let mut ls = lines(&[14, 2, 2, 14]);
    ls[3].link_chars = 60; // all links
    let cols = columns(&[sentence, "Home", "News", sentence], &mut ls, 4, &stop);
    assert_eq!(cols.get(Col::Bodyish), [1.0, 0.0, 0.0, 0.0]);
    assert_eq!(cols.get(Col::DistBodyPrev), log1p(&[50.0, 1.0, 2.0, 3.0]));
    assert_eq!(cols.get(Col::DistBodyNext), log1p(&[50.0, 50.0, 50.0, 50.0]));
    assert_eq!(cols.get(Col::WordsNear), log1p(&[18.0, 30.0, 30.0, 18.0]));
    assert_eq!(cols.get(Col::PrevLw), [0.0, 14f64.ln_1p(), 2f64.ln_1p(), 2f64.ln_1p()]);
}

#[test]
fn signature_lines_are_counted_around_each_line() {
    let mut ls = lines(&[1, 3, 1, 3, 1]);
    ls[1].signature = true;
    ls[3].signature = true;
    let cols = columns(&["a", "Ann | 1 May", "b", "Bob | 2 May", "c"], &mut ls, 5, &Stoplist::default());
    assert_eq!(cols.get(Col::HdrBefore), log1p(&[0.0, 0.0, 1.0, 1.0, 2.0]));
    assert_eq!(cols.get(Col::HdrAfter), log1p(&[2.0, 1.0, 1.0, 0.0, 0.0]));
    assert_eq!(cols.get(Col::HdrDist), log1p(&[50.0, 50.0, 1.0, 2.0, 1.0]));
    assert_eq!(cols.get(Col::HdrTotal), [2f64.ln_1p(); 5]);
    assert_eq!(cols.get(Col::ShapeRep), [3f64.ln(), 2f64.ln(), 3f64.ln(), 2f64.ln(), 3f64.ln()]);
    assert_eq!(cols.get(Col::ShapeNear), [3f64.ln(); 5]);
}

#[test]
fn any_code_point_is_read_and_every_value_is_finite() {
    let raw = [0x0, 0xD800, 0xDFFF, 0x1F600, 0x10FFFF, 0x110000, u32::MAX, 0x3A3, 0x20, 0x41];
    let mut ls = lines(&[3, 0, 1]);
    ls[0].len = 6;
    ls[2].len = 4;
    let layout =
        Layout::new(&Col::ALL.iter().map(|c| c.name()).chain(["lw_w1", "caps_w8"]).collect::<Vec<_>>()).unwrap();
    let table = std_table(0..0x3000);
    let page = Page::new(&raw, &ls, 3).unwrap();
    let rows = rows(&Chars::new(&table, None), &page, &Stoplist::new(vec![vec![0xD800]], true), &layout);
    assert_eq!(rows.len(), 3 * layout.width());
    assert!(rows.iter().all(|v| v.is_finite()));
}

#[test]
fn a_page_whose_lengths_do_not_add_up_is_refused() {
    let ls = lines(&[1]);
    assert!(Page::new(&[0x41], &ls, 1).is_err()); // the line's length is 0
    assert!(Page::new(&[], &[], 0).is_err());
    assert!(Page::new(&[], &[], 1).is_ok());
}

//! Deciding a page's lines as a sequence. Body and boilerplate come in runs: a two-state
//! Viterbi decode weighs each line's own evidence against a cost for every change between
//! the two along the page, so a weak line inside a run of body stays and a short run of
//! body-like lines inside a menu goes.

/// The labelling (`true`: body) that maximises the sum of `evidence` over the lines labelled
/// body, minus `switch` for each change of label from one line to the next. A line with
/// `fixed[k]` set is body whatever its neighbours. Ties go to body. `switch <= 0` keeps
/// exactly the lines with non-negative evidence and the fixed ones.
///
/// Linear in the number of lines: one pass forward, one back.
pub fn decode(evidence: &[f64], fixed: &[bool], switch: f64) -> Vec<bool> {
    assert_eq!(evidence.len(), fixed.len(), "one fixed flag per line");
    let n = evidence.len();
    if n == 0 {
        return Vec::new();
    }
    let switch = switch.max(0.0);
    let barred = |k: usize, noise: f64| if fixed[k] { f64::NEG_INFINITY } else { noise };
    // the best score of a labelling of the lines so far that ends in body, in boilerplate
    let (mut body, mut noise) = (evidence[0], barred(0, 0.0));
    // for each line after the first: whether the best path into its body (boilerplate) label
    // comes from body on the line before
    let mut body_from_body = Vec::with_capacity(n - 1);
    let mut noise_from_body = Vec::with_capacity(n - 1);
    for (k, &e) in evidence.iter().enumerate().skip(1) {
        let (stay, cross) = (body, noise - switch);
        body_from_body.push(stay >= cross);
        let next_body = stay.max(cross) + e;
        let (stay, cross) = (noise, body - switch);
        noise_from_body.push(cross >= stay);
        noise = barred(k, stay.max(cross));
        body = next_body;
    }
    let mut labels = vec![false; n];
    let mut state = body >= noise;
    labels[n - 1] = state;
    for k in (0..n - 1).rev() {
        state = if state { body_from_body[k] } else { noise_from_body[k] };
        labels[k] = state;
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::decode;

    fn free(evidence: &[f64], switch: f64) -> Vec<bool> {
        decode(evidence, &vec![false; evidence.len()], switch)
    }

    #[test]
    fn without_a_switch_cost_each_line_keeps_its_own_sign() {
        assert_eq!(free(&[1.0, -1.0, 0.0, -0.5], 0.0), vec![true, false, true, false]);
    }

    #[test]
    fn a_weak_line_between_two_runs_of_body_stays() {
        assert_eq!(free(&[3.0, 3.0, -1.0, 3.0, 3.0], 1.0), vec![true; 5]);
        // a strong one does not: leaving and coming back costs 2, keeping it 5
        assert_eq!(free(&[3.0, 3.0, -5.0, 3.0, 3.0], 1.0), vec![true, true, false, true, true]);
    }

    #[test]
    fn a_short_island_of_body_inside_boilerplate_goes() {
        assert_eq!(free(&[-3.0, -3.0, 1.5, -3.0, -3.0], 1.0), vec![false; 5]);
        assert_eq!(free(&[-3.0, -3.0, 2.5, -3.0, -3.0], 1.0), vec![false, false, true, false, false]);
    }

    #[test]
    fn a_fixed_line_stays_body_and_holds_a_weak_line_between_it_and_body() {
        let evidence = [-3.0, 4.0, -0.5, -10.0, -3.0];
        let fixed = [false, false, false, true, false];
        assert_eq!(decode(&evidence, &fixed, 1.0), vec![false, true, true, true, false]);
        assert_eq!(decode(&[-10.0], &[true], 1.0), vec![true]);
    }

    #[test]
    fn ties_go_to_body_and_an_empty_page_has_no_labels() {
        assert_eq!(free(&[0.0, 0.0], 1.0), vec![true, true]);
        assert!(free(&[], 1.0).is_empty());
    }
}

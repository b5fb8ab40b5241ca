//! The Council page's sentences: why a tally has or lacks a qualified majority, and what
//! each group of states could change. Written from the tally's data (English for now).

use crate::council::{population_ok, round2, Flip, Tally};

use super::{english::country_name, Vocabulary};

impl Vocabulary {
    /// One or two sentences saying whether there is a qualified majority and which
    /// condition decides it, plus a note on missing population figures if any.
    pub fn tally_explanation(&self, t: &Tally) -> String {
        let mut explanation = explain(t);
        if !t.missing_population.is_empty() {
            explanation.push_str(&format!(
                " The {} population figures give no share for {}, counted as 0% of the population.",
                t.year,
                join_names(&t.missing_population)
            ));
        }
        explanation
    }

    /// What switching `f`'s states would do to `t`'s outcome, and why.
    pub fn flip_description(&self, t: &Tally, f: &Flip) -> String {
        describe_flip(t, f)
    }
}

/// One or two sentences saying whether there is a qualified majority and which condition
/// decides it, with the numbers a reader can check against the Council's calculator.
fn explain(o: &Tally) -> String {
    let support = round2(o.support_population_raw);
    let against = round2(o.not_supporting_population_raw);
    let share_rule = format!(
        "{}% of {} {}",
        o.basis.states_percent(),
        o.states_total,
        states_word(o.states_total)
    );
    if o.qualified_majority && o.population_condition {
        format!(
            "Qualified majority: {} supporting {} (at least {} needed, {}) represent {:.2}% of \
             the EU population (at least 65% needed).",
            o.support_states,
            states_word(o.support_states),
            o.states_needed,
            share_rule,
            support
        )
    } else if o.qualified_majority {
        format!(
            "Qualified majority deemed reached: the {} supporting {} represent only {:.2}% of \
             the EU population, short of 65%, but the {} {} not supporting ({:.2}%) are fewer \
             than the four needed for a blocking minority.",
            o.support_states,
            states_word(o.support_states),
            support,
            o.not_supporting_states,
            states_word(o.not_supporting_states),
            against
        )
    } else if o.support_states == 0 {
        format!(
            "No qualified majority: no state supports; {} are needed ({}) representing at \
             least 65% of the EU population.",
            o.states_needed, share_rule
        )
    } else if !o.states_condition {
        let population = if o.population_condition {
            format!("they represent {support:.2}% of the EU population, which would be enough")
        } else {
            format!("they represent {support:.2}% of the EU population, also short of 65%")
        };
        format!(
            "No qualified majority: {} {} {}, short of the {} needed ({}); {}.",
            o.support_states,
            states_word(o.support_states),
            if o.support_states == 1 {
                "supports"
            } else {
                "support"
            },
            o.states_needed,
            share_rule,
            population
        )
    } else {
        let blocking = if o.blocking_minority {
            format!(
                "; {} {} with {:.2}% form a blocking minority",
                o.not_supporting_states,
                states_word(o.not_supporting_states),
                against
            )
        } else {
            String::new()
        };
        format!(
            "No qualified majority: the {} supporting {} represent {:.2}% of the EU \
             population, short of 65%{}.",
            o.support_states,
            states_word(o.support_states),
            support,
            blocking
        )
    }
}

/// "If Germany switched to support, there would be a qualified majority: ...", with the
/// reason, since the reader cannot otherwise tell which condition the switch satisfies.
fn describe_flip(t: &Tally, f: &Flip) -> String {
    let names = join_names(&f.countries);
    let after = &f.after;
    let (support_states, support_population, not_supporting_states, not_supporting_population) = (
        after.support_states,
        after.support_population,
        after.not_supporting_states,
        after.not_supporting_population,
    );
    let mut description = if t.qualified_majority {
        let reason = if support_states < t.states_needed {
            format!(
                "only {} {} would support, {} are needed",
                support_states,
                states_word(support_states),
                t.states_needed
            )
        } else {
            format!(
                "{} {} with {:.2}% of the EU population would form a blocking minority",
                not_supporting_states,
                states_word(not_supporting_states),
                round2(not_supporting_population)
            )
        };
        format!("If {names} stopped supporting, there would be no qualified majority: {reason}.")
    } else {
        let reason = if population_ok(support_population) {
            format!(
                "{} {} representing {:.2}% of the EU population would support",
                support_states,
                states_word(support_states),
                round2(support_population)
            )
        } else {
            format!(
                "{} {} would support, and only {} would remain not supporting, fewer than the \
                 four needed for a blocking minority",
                support_states,
                states_word(support_states),
                not_supporting_states
            )
        };
        format!("If {names} switched to support, there would be a qualified majority: {reason}.")
    };
    if let Some(cap) = f.search_stopped_after {
        let k = f.countries.len();
        description.push_str(&format!(
            " (The search stopped after {cap} combinations of {k} states; other \
             groups of {k} may also flip the result.)"
        ));
    }
    description
}

fn name_of(code: &str) -> &str {
    country_name(code).unwrap_or(code)
}

/// "Germany", "Germany and Poland", "Germany, France and Poland".
fn join_names(codes: &[String]) -> String {
    let names: Vec<&str> = codes.iter().map(|c| name_of(c)).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} and {}", rest.join(", "), last),
    }
}

fn states_word(n: usize) -> &'static str {
    if n == 1 {
        "state"
    } else {
        "states"
    }
}

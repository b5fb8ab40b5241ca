//! The Council page's sentences: why a tally has or lacks a qualified majority, and what
//! each group of states could change. Written from the tally's data (English for now).

use crate::council::{population_ok, round2, Decided, Flip, Tally};

use super::{english::country_name, Phrase, Vocabulary};

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

/// [`Phrase::RecordedStances`]: the recorded stances by kind, then the unknown states.
pub(super) fn recorded_stances(phrase: &Phrase) -> String {
    let Phrase::RecordedStances {
        support,
        oppose,
        abstain,
        undecided,
        unknown,
        total,
        on_text,
    } = phrase
    else {
        return String::new();
    };
    let parts: Vec<String> = [
        (*support, "in favour"),
        (*oppose, "against"),
        (*abstain, "abstaining"),
        (*undecided, "undecided"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    let scope = if *on_text {
        "Recorded stances on this text"
    } else {
        "Recorded stances"
    };
    let known = if parts.is_empty() {
        "none".to_string()
    } else {
        join_words(&parts)
    };
    let missing = match unknown {
        0 => format!("every one of the {total} states is recorded."),
        n if n == total => format!("no recorded position for any of the {total} states."),
        n => format!(
            "no recorded position for {n} of the {total} {}.",
            states_word(*total)
        ),
    };
    format!("{scope}: {known}; {missing}")
}

/// [`Phrase::RangeVerdict`]: whether the recorded stances decide the outcome whatever the
/// unknown states do, and why, with the numbers a reader can check.
pub(super) fn range_verdict(phrase: &Phrase) -> String {
    let Phrase::RangeVerdict {
        decided,
        unknown,
        against_states,
        against_population,
        best_states,
        best_population,
        needed,
        on_text,
    } = phrase
    else {
        return String::new();
    };
    let no_position = if *on_text {
        "no recorded position on this text"
    } else {
        "no recorded position"
    };
    let unknown_states = format!("{unknown} {} with {no_position}", states_word(*unknown));
    match decided {
        Decided::Passes if *unknown == 0 => {
            "The recorded stances give a qualified majority.".to_string()
        }
        Decided::Passes => format!(
            "The recorded stances alone give a qualified majority, even if none of the \
             {unknown_states} supported."
        ),
        Decided::Fails if *unknown == 0 => {
            "The recorded stances give no qualified majority.".to_string()
        }
        Decided::Fails if best_states < needed => format!(
            "The recorded stances alone rule out a qualified majority: {against_states} \
             {} recorded as not supporting, so at most {best_states} could support, fewer \
             than the {needed} needed.",
            if *against_states == 1 {
                "state is"
            } else {
                "states are"
            }
        ),
        Decided::Fails => format!(
            "The recorded stances alone rule out a qualified majority: the {against_states} \
             {} recorded as not supporting have {against_population:.2}% of the EU \
             population, so even with the {unknown_states} the supporters would have at most \
             {best_population:.2}%, short of 65%.",
            states_word(*against_states)
        ),
        Decided::Open => format!(
            "The recorded stances alone cannot decide it: it depends on the {unknown_states}. \
             The {against_states} {} recorded as not supporting have {against_population:.2}% \
             of the EU population, {} to block it.",
            states_word(*against_states),
            if *against_states < 4 {
                "too few states"
            } else {
                "too little"
            }
        ),
    }
}

/// "a, b and c".
fn join_words(parts: &[String]) -> String {
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {}", rest.join(", "), last),
    }
}

//! The Council page's sentences: why a tally has or lacks a qualified majority, and what
//! each group of states could change. Written from the tally's data, in the vocabulary's
//! language (the `council-*` and `flip-*` messages), and the arguments of the messages
//! that say what the recorded stances alone decide (`recorded-stances`, `range-verdict`).

use fluent_bundle::{FluentArgs, FluentValue};

use crate::council::{population_ok, round2, Decided, Flip, Tally};

use super::phrases::count;
use super::{Phrase, Vocabulary};

impl Vocabulary {
    /// One or two sentences saying whether there is a qualified majority and which
    /// condition decides it, plus a note on missing population figures if any.
    pub fn tally_explanation(&self, t: &Tally) -> String {
        let mut explanation = self.explain(t);
        if !t.missing_population.is_empty() {
            let mut args = FluentArgs::new();
            args.set("year", t.year.to_string());
            args.set("names", self.join_names(&t.missing_population));
            explanation.push(' ');
            explanation.push_str(&self.message("council-missing-population", Some(&args)));
        }
        explanation
    }

    /// What switching `f`'s states would do to `t`'s outcome, and why.
    pub fn flip_description(&self, t: &Tally, f: &Flip) -> String {
        let after = &f.after;
        let mut args = FluentArgs::new();
        args.set("names", self.join_names(&f.countries));
        number(&mut args, "support", after.support_states);
        number(&mut args, "against", after.not_supporting_states);
        number(&mut args, "needed", t.states_needed);
        self.percent(&mut args, "population", after.support_population);
        self.percent(
            &mut args,
            "against_population",
            after.not_supporting_population,
        );
        let id = if t.qualified_majority {
            if after.support_states < t.states_needed {
                "flip-stop-too-few"
            } else {
                "flip-stop-blocking"
            }
        } else if population_ok(after.support_population) {
            "flip-switch-population"
        } else {
            "flip-switch-no-blocking"
        };
        let mut description = self.message(id, Some(&args));
        if let Some(cap) = f.search_stopped_after {
            let mut args = FluentArgs::new();
            number(&mut args, "cap", cap);
            number(&mut args, "k", f.countries.len());
            description.push(' ');
            description.push_str(&self.message("flip-search-stopped", Some(&args)));
        }
        description
    }

    /// One or two sentences saying whether there is a qualified majority and which
    /// condition decides it, with the numbers a reader can check against the Council's
    /// calculator.
    fn explain(&self, o: &Tally) -> String {
        let mut args = FluentArgs::new();
        let mut rule = FluentArgs::new();
        number(&mut rule, "percent", o.basis.states_percent());
        number(&mut rule, "total", o.states_total);
        args.set("rule", self.message("council-rule", Some(&rule)));
        number(&mut args, "support", o.support_states);
        number(&mut args, "against", o.not_supporting_states);
        number(&mut args, "needed", o.states_needed);
        self.percent(&mut args, "population", o.support_population_raw);
        self.percent(
            &mut args,
            "against_population",
            o.not_supporting_population_raw,
        );
        args.set("enough", if o.population_condition { "yes" } else { "no" });
        let id = if o.qualified_majority && o.population_condition {
            "council-qualified-majority"
        } else if o.qualified_majority {
            "council-deemed-reached"
        } else if o.support_states == 0 {
            "council-no-support"
        } else if !o.states_condition {
            "council-too-few-states"
        } else if o.blocking_minority {
            "council-population-short-blocking"
        } else {
            "council-population-short"
        };
        self.message(id, Some(&args))
    }

    /// A share of the population, rounded to two decimals as the Council's calculator
    /// shows it, with the language's decimal mark.
    fn percent(&self, args: &mut FluentArgs<'static>, name: &'static str, share: f64) {
        args.set(name, self.language().decimal2(round2(share)));
    }

    /// "Germany", "Germany and Poland", "Germany, France and Poland".
    fn join_names(&self, codes: &[String]) -> String {
        let names: Vec<&str> = codes
            .iter()
            .map(|c| self.country(c).unwrap_or(c.as_str()))
            .collect();
        self.list(&names)
    }
}

/// A count, as a Fluent number (so that messages can choose the plural).
fn number(args: &mut FluentArgs<'static>, name: &'static str, n: usize) {
    // Counts of states and combinations are far below 2^53: f64 holds them exactly.
    args.set(name, FluentValue::from(n as f64));
}

/// [`Phrase::RecordedStances`]'s arguments: `$known`, the recorded stances by kind as a
/// list ("3 against and 1 abstaining", or the language's "none"); `$missing`, whether
/// `none`, `some` or `all` of the `$total` states lack one (`$unknown` of them); `$scope`,
/// `text` when the stances counted are those on a meeting's text.
pub(super) fn recorded_stances_args(
    words: &Vocabulary,
    phrase: &Phrase,
    args: &mut FluentArgs<'static>,
) {
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
        return;
    };
    let parts: Vec<String> = [
        (*support, "support"),
        (*oppose, "oppose"),
        (*abstain, "abstain"),
        (*undecided, "undecided"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, kind)| {
        let mut part = FluentArgs::new();
        count(&mut part, "count", *n);
        part.set("kind", *kind);
        words.message("recorded-stance-count", Some(&part))
    })
    .collect();
    let known = if parts.is_empty() {
        words.name("recorded-stances-none").to_string()
    } else {
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        words.list(&parts)
    };
    args.set("known", known);
    args.set("scope", if *on_text { "text" } else { "all" });
    args.set(
        "missing",
        match unknown {
            0 => "none",
            n if n == total => "all",
            _ => "some",
        },
    );
    count(args, "unknown", *unknown);
    count(args, "total", *total);
}

/// [`Phrase::RangeVerdict`]'s arguments: `$case`, which of the verdict's sentences applies
/// (`passes-all`, `passes`, `fails-all`, `fails-states`, `fails-population`, `open`), the
/// counts and shares it cites, and `$unknown_states`, the states without a recorded
/// position as a phrase ("16 states with no recorded position on this text").
pub(super) fn range_verdict_args(
    words: &Vocabulary,
    phrase: &Phrase,
    args: &mut FluentArgs<'static>,
) {
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
        return;
    };
    let case = match decided {
        Decided::Passes if *unknown == 0 => "passes-all",
        Decided::Passes => "passes",
        Decided::Fails if *unknown == 0 => "fails-all",
        Decided::Fails if best_states < needed => "fails-states",
        Decided::Fails => "fails-population",
        Decided::Open => "open",
    };
    let mut states = FluentArgs::new();
    count(&mut states, "count", *unknown);
    states.set("scope", if *on_text { "text" } else { "all" });
    args.set(
        "unknown_states",
        words.message("unknown-states", Some(&states)),
    );
    args.set("case", case);
    count(args, "against", *against_states);
    count(args, "best", *best_states);
    count(args, "needed", *needed);
    args.set("few", if *against_states < 4 { "yes" } else { "no" });
    let decimals = words.language();
    args.set("against_population", decimals.decimal2(*against_population));
    args.set("best_population", decimals.decimal2(*best_population));
}

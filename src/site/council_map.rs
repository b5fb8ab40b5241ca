//! The Council page's map: the EU27 in their real outlines (Natural Earth, see
//! [`super::eu_map_data`]), each coloured by its stance and labelled with its code, as
//! inline SVG that needs no script and no external asset.
//!
//! Readers must tell five states apart at a glance, in colour and without it: the fills
//! differ in hue and lightness, "no recorded position" is hatched rather than another grey,
//! every state carries its code, and a `<title>` names it with its stance. Malta and
//! Luxembourg, too small to see at this scale, and Cyprus, a sliver at the map's edge, get a
//! ringed marker.

use std::collections::BTreeMap;

use super::eu_map_data::{StateShape, HEIGHT, NEIGHBOURS, STATES, WIDTH};
use crate::model::Stance;
use crate::render::html::escaped as escape;
use crate::vocabulary::{Vocabulary, EU27_NAMES};

/// The CSS class of a stance, shared by the map and any legend or table a page draws.
pub fn stance_class(s: Option<Stance>) -> &'static str {
    match s {
        Some(Stance::Support) => "stance-support",
        Some(Stance::Oppose) => "stance-oppose",
        Some(Stance::Undecided) => "stance-undecided",
        Some(Stance::Abstain) => "stance-abstain",
        None => "stance-unknown",
    }
}

/// Default fills, so that the map renders without the site's CSS (in a feed reader, or
/// saved on its own); the classes let the stylesheet override them. Green and red differ
/// in lightness too, amber and violet in hue from both.
fn stance_fill(s: Option<Stance>, hatch: &str) -> String {
    match s {
        Some(Stance::Support) => "#1a7f4b".into(),
        Some(Stance::Oppose) => "#b42318".into(),
        Some(Stance::Abstain) => "#e3a21a".into(),
        Some(Stance::Undecided) => "#7a5cb8".into(),
        None => format!("url(#{hatch})"),
    }
}

/// Extra room below the outlines, for Malta's marker.
const MARGIN: u32 = 12;

/// An SVG map of the EU27 coloured by stance, for inline use in an HTML5 page.
///
/// `id` prefixes the ids of the title, description and hatch pattern, so several maps can
/// share a page; `title` is the accessible name (escaped, as is everything emitted). The
/// `<desc>` lists the states by stance, since `role="img"` hides the shapes from screen
/// readers. The output depends on nothing but the arguments. States absent from `stances`
/// have no recorded position.
pub fn map_svg(
    words: &Vocabulary,
    stances: &BTreeMap<String, Option<Stance>>,
    id: &str,
    title: &str,
) -> String {
    let id = escape(id);
    let hatch = format!("{id}-unknown");
    let stance_of = |code: &str| stances.get(code).copied().flatten();
    let height = HEIGHT + MARGIN;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" \
         role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" \
         class=\"eu-map\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n\
         <defs><pattern id=\"{hatch}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f4f5f7\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8c959f\" stroke-width=\"2\"/></pattern></defs>\n\
         <rect class=\"sea\" width=\"{WIDTH}\" height=\"{height}\" fill=\"#eaf2f8\"/>\n\
         <path class=\"neighbours\" d=\"{NEIGHBOURS}\" fill=\"#dcdfe3\" stroke=\"#ffffff\" stroke-width=\"0.8\"/>\n",
        escape(title),
        escape(&description(words, &stance_of)),
    );
    for shape in &STATES {
        let stance = stance_of(shape.code);
        out.push_str(&format!(
            "<g class=\"state {}\"><title>{}: {}</title><path d=\"{}\" fill=\"{}\" \
             stroke=\"#ffffff\" stroke-width=\"0.8\"/></g>\n",
            stance_class(stance),
            escape(words.country(shape.code).unwrap_or(name_of(shape.code))),
            words.stance(stance),
            shape.path,
            stance_fill(stance, &hatch),
        ));
    }
    for shape in &STATES {
        out.push_str(&label(shape, stance_of(shape.code), &hatch));
    }
    out.push_str("</svg>\n");
    out
}

/// A state's code on the map: dark text with a white halo, legible on every fill. A state
/// too small to see gets a ringed marker in its stance's colour, its code beside it.
fn label(shape: &StateShape, stance: Option<Stance>, hatch: &str) -> String {
    let (x, y) = shape.label;
    // The halo is a white-stroked copy under the text (`paint-order` would do it in one
    // element, but is not an SVG attribute the HTML checker accepts).
    let text = |tx: i32, anchor: &str| {
        let at = format!(
            "x=\"{tx}\" y=\"{y}\" text-anchor=\"{anchor}\" dominant-baseline=\"central\" \
             font-family=\"sans-serif\" font-size=\"14\" font-weight=\"700\""
        );
        let code = escape(shape.code);
        format!(
            "<text {at} class=\"state-halo\" fill=\"#ffffff\" stroke=\"#ffffff\" stroke-width=\"3\">{code}</text>\n\
             <text {at} class=\"state-label\" fill=\"#1b1f24\">{code}</text>\n"
        )
    };
    if shape.small {
        // The code beside the marker, on the side where the map has room for it.
        let code = if x + 40 > WIDTH as i32 {
            text(x - 9, "end")
        } else {
            text(x + 9, "start")
        };
        format!(
            "<circle class=\"small-state {}\" cx=\"{x}\" cy=\"{y}\" r=\"6\" fill=\"{}\" \
             stroke=\"#1b1f24\" stroke-width=\"1.2\"/>\n{code}",
            stance_class(stance),
            stance_fill(stance, hatch),
        )
    } else {
        text(x, "middle")
    }
}

fn name_of(code: &str) -> &'static str {
    EU27_NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("", |(_, n)| *n)
}

/// "Supports: Ireland, Sweden. Opposes: Germany. ..." for the map's `<desc>`.
fn description(words: &Vocabulary, stance_of: &dyn Fn(&str) -> Option<Stance>) -> String {
    let groups = [
        Some(Stance::Support),
        Some(Stance::Oppose),
        Some(Stance::Abstain),
        Some(Stance::Undecided),
        None,
    ];
    let parts: Vec<String> = groups
        .iter()
        .filter_map(|group| {
            let names: Vec<&str> = EU27_NAMES
                .iter()
                .filter(|(code, _)| stance_of(code) == *group)
                .map(|(code, name)| words.country(code).unwrap_or(name))
                .collect();
            (!names.is_empty()).then(|| {
                format!(
                    "{}: {}.",
                    capitalise(words.stance(*group)),
                    names.join(", ")
                )
            })
        })
        .collect();
    parts.join(" ")
}

/// "no known position" -> "No known position", for the start of a sentence.
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EU27;

    /// Everyone supports except `codes`, which oppose.
    fn opposed_by(codes: &[&str]) -> BTreeMap<String, Option<Stance>> {
        EU27.iter()
            .map(|c| {
                let stance = if codes.contains(c) {
                    Stance::Oppose
                } else {
                    Stance::Support
                };
                (c.to_string(), Some(stance))
            })
            .collect()
    }

    #[test]
    fn the_outlines_cover_every_state_once() {
        let mut codes: Vec<&str> = STATES.iter().map(|s| s.code).collect();
        assert_eq!(codes, EU27.to_vec(), "protocol order");
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 27);
        for s in &STATES {
            assert!(
                s.path.starts_with('M') && s.path.ends_with('Z'),
                "{}",
                s.code
            );
            let (x, y) = s.label;
            assert!((0..WIDTH as i32).contains(&x) && (0..HEIGHT as i32).contains(&y));
        }
        // Malta, Luxembourg and Cyprus cannot be seen without their marker.
        let small: Vec<&str> = STATES.iter().filter(|s| s.small).map(|s| s.code).collect();
        assert_eq!(small, ["CY", "LU", "MT"]);
    }

    #[test]
    fn the_map_draws_every_state_and_escapes() {
        let s = opposed_by(&["DE"]);
        let title = "Council <script>alert(\"x\")</script> & 'co'";
        let words = Vocabulary::english();
        let svg = map_svg(&words, &s, "map\"1", title);
        assert_eq!(svg.matches("<g class=\"state ").count(), 27);
        assert_eq!(svg.matches("class=\"state-label\"").count(), 27);
        assert!(!svg.contains("<script"));
        assert!(svg.contains(
            "<title id=\"map&quot;1-title\">Council &lt;script&gt;alert(&quot;x&quot;)\
             &lt;/script&gt; &amp; &#39;co&#39;</title>"
        ));
        assert!(svg.contains("<title>Germany: opposes</title>"));
        assert_eq!(
            svg.matches("<g class=\"state stance-support\">").count(),
            26
        );
        assert_eq!(svg, map_svg(&words, &s, "map\"1", title));
    }

    #[test]
    fn unknown_states_are_hatched_not_grey() {
        let svg = map_svg(&Vocabulary::english(), &BTreeMap::new(), "m", "t");
        assert_eq!(
            svg.matches("<g class=\"state stance-unknown\">").count(),
            27
        );
        // Every state, and the markers of Cyprus, Luxembourg and Malta.
        assert_eq!(svg.matches("fill=\"url(#m-unknown)\"").count(), 27 + 3);
        assert!(svg.contains("<pattern id=\"m-unknown\""));
        assert!(svg.contains("<title>Malta: no known position</title>"));
        assert!(svg.contains("<desc id=\"m-desc\">No known position: Belgium,"));
        let one = opposed_by(&[]);
        let mut abstaining = one.clone();
        abstaining.insert("IT".into(), Some(Stance::Abstain));
        let svg = map_svg(&Vocabulary::english(), &abstaining, "m", "t");
        assert!(svg.contains("<g class=\"state stance-abstain\"><title>Italy: abstains</title>"));
    }

    #[test]
    fn labels_and_classes() {
        let words = Vocabulary::english();
        assert_eq!(words.stance(Some(Stance::Abstain)), "abstains");
        assert_eq!(words.stance(None), "no known position");
        assert_eq!(stance_class(Some(Stance::Undecided)), "stance-undecided");
        assert_eq!(stance_class(None), "stance-unknown");
    }
}

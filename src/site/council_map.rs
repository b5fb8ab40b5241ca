//! The Council page's map: the EU27 as a tile grid coloured by stance, as inline SVG that
//! needs no script and no external asset.

use std::collections::BTreeMap;

use crate::model::Stance;
use crate::render::html::escaped as escape;
use crate::vocabulary::{Vocabulary, EU27_NAMES};

/// The CSS class of a stance, shared by the tile map and any legend or table a page draws.
pub fn stance_class(s: Option<Stance>) -> &'static str {
    match s {
        Some(Stance::Support) => "stance-support",
        Some(Stance::Oppose) => "stance-oppose",
        Some(Stance::Undecided) => "stance-undecided",
        Some(Stance::Abstain) => "stance-abstain",
        None => "stance-unknown",
    }
}

/// Default tile colour, so that the map renders without the site's CSS (in a feed reader,
/// or saved on its own); the classes let the stylesheet override it.
fn stance_fill(s: Option<Stance>) -> &'static str {
    match s {
        Some(Stance::Support) => "#1f7a4d",
        Some(Stance::Oppose) => "#b42318",
        Some(Stance::Undecided) => "#b08600",
        Some(Stance::Abstain) => "#6b7280",
        None => "#d0d7de",
    }
}

/// Label colour with enough contrast on the tile: white on the dark fills, near-black on
/// the ochre of "undecided" (6:1 against 3.4:1 for white) and the light grey of "unknown".
fn label_fill(s: Option<Stance>) -> &'static str {
    match s {
        Some(Stance::Support) | Some(Stance::Oppose) | Some(Stance::Abstain) => "#ffffff",
        Some(Stance::Undecided) | None => "#1f2328",
    }
}

/// Grid cell (column, row) of each EU27 state: a rough picture of Europe, 8 columns by
/// 7 rows, west to east and north to south, with neighbours kept next to each other
/// where the grid allows.
///
/// ```text
///      0   1   2   3   4   5   6   7
///  0   .   .   .   .   .   SE  FI  .
///  1   IE  .   .   .   DK  .   EE  .
///  2   .   .   NL  DE  PL  LT  LV  .
///  3   .   BE  LU  CZ  SK  .   .   .
///  4   .   FR  .   AT  HU  RO  .   .
///  5   PT  ES  IT  SI  HR  BG  .   .
///  6   .   .   MT  .   .   EL  .   CY
/// ```
const TILE_GRID: [(&str, u8, u8); 27] = [
    ("SE", 5, 0),
    ("FI", 6, 0),
    ("IE", 0, 1),
    ("DK", 4, 1),
    ("EE", 6, 1),
    ("NL", 2, 2),
    ("DE", 3, 2),
    ("PL", 4, 2),
    ("LT", 5, 2),
    ("LV", 6, 2),
    ("BE", 1, 3),
    ("LU", 2, 3),
    ("CZ", 3, 3),
    ("SK", 4, 3),
    ("FR", 1, 4),
    ("AT", 3, 4),
    ("HU", 4, 4),
    ("RO", 5, 4),
    ("PT", 0, 5),
    ("ES", 1, 5),
    ("IT", 2, 5),
    ("SI", 3, 5),
    ("HR", 4, 5),
    ("BG", 5, 5),
    ("MT", 2, 6),
    ("EL", 5, 6),
    ("CY", 7, 6),
];

const GRID_COLUMNS: u32 = 8;
const GRID_ROWS: u32 = 7;
/// Tile side and gap, in SVG user units; the map scales with its container.
const TILE: u32 = 40;
const GAP: u32 = 4;

/// An SVG tile map of the EU27 coloured by stance, for inline use in an HTML5 page.
///
/// `id` prefixes the ids of the title and description, so several maps can share a page;
/// `title` is the accessible name (it may come from contributor data and is escaped, as is
/// everything emitted). Each tile carries a `<title>` ("Germany: opposes") for a tooltip;
/// the `<desc>` lists the states by stance, since `role="img"` hides the tiles from screen
/// readers. Tiles are emitted in protocol order and the output depends on nothing but the
/// arguments, so the same input gives the same bytes. States absent from `stances` have
/// no known position.
pub fn tile_map_svg(
    words: &Vocabulary,
    stances: &BTreeMap<String, Option<Stance>>,
    id: &str,
    title: &str,
) -> String {
    let id = escape(id);
    let width = GRID_COLUMNS * (TILE + GAP) - GAP;
    let height = GRID_ROWS * (TILE + GAP) - GAP;
    let stance_of = |code: &str| stances.get(code).copied().flatten();

    let groups = [
        Some(Stance::Support),
        Some(Stance::Oppose),
        Some(Stance::Abstain),
        Some(Stance::Undecided),
        None,
    ];
    let desc: Vec<String> = groups
        .iter()
        .filter_map(|group| {
            let names: Vec<&str> = EU27_NAMES
                .iter()
                .filter(|(code, _)| stance_of(code) == *group)
                .map(|(code, name)| words.country(code).unwrap_or(name))
                .collect();
            if names.is_empty() {
                None
            } else {
                Some(format!(
                    "{}: {}.",
                    capitalise(words.stance(*group)),
                    names.join(", ")
                ))
            }
        })
        .collect();

    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" \
         class=\"tile-map\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(title),
        escape(&desc.join(" "))
    );
    for (code, name) in EU27_NAMES.iter() {
        let Some((_, col, row)) = TILE_GRID.iter().find(|(c, _, _)| c == code) else {
            continue;
        };
        let stance = stance_of(code);
        let x = u32::from(*col) * (TILE + GAP);
        let y = u32::from(*row) * (TILE + GAP);
        let class = stance_class(stance);
        out.push_str(&format!(
            "<g class=\"tile\"><title>{}: {}</title>\
             <rect x=\"{x}\" y=\"{y}\" width=\"{TILE}\" height=\"{TILE}\" rx=\"4\" \
             class=\"{class}\" fill=\"{}\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" dominant-baseline=\"central\" \
             font-family=\"sans-serif\" font-size=\"13\" font-weight=\"600\" fill=\"{}\">{}</text></g>\n",
            escape(words.country(code).unwrap_or(name)),
            words.stance(stance),
            stance_fill(stance),
            x + TILE / 2,
            y + TILE / 2,
            label_fill(stance),
            escape(code)
        ));
    }
    out.push_str("</svg>\n");
    out
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
    fn tile_grid_has_27_distinct_cells_inside_the_grid() {
        let mut cells: Vec<(u8, u8)> = TILE_GRID.iter().map(|(_, c, r)| (*c, *r)).collect();
        assert!(cells
            .iter()
            .all(|(c, r)| u32::from(*c) < GRID_COLUMNS && u32::from(*r) < GRID_ROWS));
        cells.sort();
        cells.dedup();
        assert_eq!(cells.len(), 27);
        for code in EU27 {
            assert!(
                TILE_GRID.iter().any(|(c, _, _)| *c == code),
                "{code} has no tile"
            );
        }
    }

    #[test]
    fn tile_map_draws_every_state_and_escapes() {
        let s = opposed_by(&["DE"]);
        let title = "Council <script>alert(\"x\")</script> & 'co'";
        let words = Vocabulary::english();
        let svg = tile_map_svg(&words, &s, "map\"1", title);
        assert_eq!(svg.matches("<rect").count(), 27);
        assert_eq!(svg.matches("<g class=\"tile\">").count(), 27);
        assert!(!svg.contains("<script"));
        assert!(svg.contains(
            "<title id=\"map&quot;1-title\">Council &lt;script&gt;alert(&quot;x&quot;)\
             &lt;/script&gt; &amp; &#39;co&#39;</title>"
        ));
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 348 304\" role=\"img\" aria-labelledby=\"map&quot;1-title\""));
        assert!(svg.contains("<title>Germany: opposes</title>"));
        assert!(svg.contains("class=\"stance-oppose\" fill=\"#b42318\""));
        assert_eq!(
            svg.matches("class=\"stance-support\" fill=\"#1f7a4d\"")
                .count(),
            26
        );
        assert_eq!(svg, tile_map_svg(&words, &s, "map\"1", title));
    }

    #[test]
    fn tile_map_shows_unknown_states() {
        let svg = tile_map_svg(&Vocabulary::english(), &BTreeMap::new(), "m", "t");
        assert_eq!(svg.matches("stance-unknown").count(), 27);
        assert!(svg.contains("<title>Malta: no known position</title>"));
        assert!(svg.contains("<desc id=\"m-desc\">No known position: Belgium,"));
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

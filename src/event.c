/*
 * event.c - the CAMEO code table and the event output formats
 *
 * A leaf module: it knows every CAMEO event code (label, Goldstein value,
 * QuadClass, PLOVER type) and prints events as JSONL records
 * (doc/records.md) or GDELT 2.0 event rows.  It reads no files and keeps
 * no state; everything here is static and safe to share between threads.
 *
 * The Goldstein values are GDELT's lookup table for CAMEO; the PLOVER types
 * follow the 2021 CAMEO-to-PLOVER conversion table, which gives none for
 * roots 01 and 02 (their PLOVER type is "").  Codes 1213 and 1214 are in
 * the PLOVER table but not the Goldstein one; they take the value of their
 * parent 121.  The labels are our own short paraphrases.
 *
 * SPDX-License-Identifier: MIT
 */
#include "casus/event.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "event_priv.h"
#include "utf8.h"

/* ------------------------------------------------------------------ */
/* The code table                                                      */
/* ------------------------------------------------------------------ */

/* Sorted by code in strcmp order, so a root ("14") sorts just before its
 * children ("140" .. "1454").  tests/unit/event/table.c checks the order. */
static const casus_cameo cameo_table[] = {
    { "01", "public statement", 0.0, 1, "" },
    { "010", "statement, not specified", 0.0, 1, "" },
    { "011", "refuse to comment", -0.1, 1, "" },
    { "012", "voice pessimism", -0.4, 1, "" },
    { "013", "voice optimism", 0.4, 1, "" },
    { "014", "weigh a policy option", 0.0, 1, "" },
    { "015", "admit or claim responsibility", 0.0, 1, "" },
    { "016", "reject responsibility", -2.0, 1, "" },
    { "017", "symbolic gesture", 0.0, 1, "" },
    { "018", "voice sympathy", 3.4, 1, "" },
    { "019", "voice agreement", 3.4, 1, "" },
    { "02", "appeal", 3.0, 1, "" },
    { "020", "appeal, not specified", 3.0, 1, "" },
    { "021", "call for material cooperation", 3.4, 1, "" },
    { "0211", "call for economic cooperation", 3.4, 1, "" },
    { "0212", "call for military cooperation", 3.4, 1, "" },
    { "0213", "call for judicial cooperation", 3.4, 1, "" },
    { "0214", "call for intelligence sharing", 3.4, 1, "" },
    { "022", "call for diplomatic cooperation", 3.2, 1, "" },
    { "023", "call for aid", 3.4, 1, "" },
    { "0231", "call for economic aid", 3.4, 1, "" },
    { "0232", "call for military aid", 3.4, 1, "" },
    { "0233", "call for humanitarian aid", 3.4, 1, "" },
    { "0234", "call for protection or peacekeepers", 3.4, 1, "" },
    { "024", "call for political reform", -0.3, 1, "" },
    { "0241", "call for new leadership", -0.3, 1, "" },
    { "0242", "call for a policy change", -0.3, 1, "" },
    { "0243", "call for rights", -0.3, 1, "" },
    { "0244", "call for institutional change", -0.3, 1, "" },
    { "025", "call on target to give way", -0.3, 1, "" },
    { "0251", "call for easing administrative sanctions", -0.3, 1, "" },
    { "0252", "call for easing of dissent", -0.3, 1, "" },
    { "0253", "call for release of people or property", -0.3, 1, "" },
    { "0254", "call for easing economic sanctions", -0.3, 1, "" },
    { "0255", "call for allowing outside involvement", -0.3, 1, "" },
    { "0256", "call for military de-escalation", -0.3, 1, "" },
    { "026", "urge others to meet or negotiate", 4.0, 1, "" },
    { "027", "urge others to settle a dispute", 4.0, 1, "" },
    { "028", "urge others to use mediation", 4.0, 1, "" },
    { "03", "intent to cooperate", 4.0, 1, "AGREE" },
    { "030", "state intent to cooperate", 4.0, 1, "AGREE" },
    { "031", "state intent of material cooperation", 5.2, 1, "AGREE" },
    { "0311", "state intent of economic cooperation", 5.2, 1, "AGREE" },
    { "0312", "state intent of military cooperation", 5.2, 1, "AGREE" },
    { "0313", "state intent of judicial cooperation", 5.2, 1, "AGREE" },
    { "0314", "state intent to share intelligence", 5.2, 1, "AGREE" },
    { "032", "state intent of diplomatic cooperation", 4.5, 1, "AGREE" },
    { "033", "state intent to give aid", 5.2, 1, "AGREE" },
    { "0331", "state intent to give economic aid", 5.2, 1, "AGREE" },
    { "0332", "state intent to give military aid", 5.2, 1, "AGREE" },
    { "0333", "state intent to give humanitarian aid", 5.2, 1, "AGREE" },
    { "0334", "state intent to give protection", 6.0, 1, "AGREE" },
    { "034", "state intent to reform politically", 7.0, 1, "AGREE" },
    { "0341", "state intent to change leadership", 7.0, 1, "AGREE" },
    { "0342", "state intent to change policy", 7.0, 1, "AGREE" },
    { "0343", "state intent to grant rights", 7.0, 1, "AGREE" },
    { "0344", "state intent to change institutions", 7.0, 1, "AGREE" },
    { "035", "state intent to give way", 7.0, 1, "AGREE" },
    { "0351", "state intent to ease admin sanctions", 7.0, 1, "AGREE" },
    { "0352", "state intent to ease dissent", 7.0, 1, "AGREE" },
    { "0353", "state intent to release people or property", 7.0, 1, "AGREE" },
    { "0354", "state intent to ease economic sanctions", 7.0, 1, "AGREE" },
    { "0355", "state intent to allow outside involvement", 7.0, 1, "AGREE" },
    { "0356", "state intent to de-escalate militarily", 7.0, 1, "AGREE" },
    { "036", "state intent to meet or negotiate", 4.0, 1, "AGREE" },
    { "037", "state intent to settle a dispute", 5.0, 1, "AGREE" },
    { "038", "state intent to accept mediation", 7.0, 1, "AGREE" },
    { "039", "state intent to mediate", 5.0, 1, "AGREE" },
    { "04", "consult", 1.0, 1, "CONSULT" },
    { "040", "consult, not specified", 1.0, 1, "CONSULT" },
    { "041", "talk by phone", 1.0, 1, "CONSULT" },
    { "042", "go on a visit", 1.9, 1, "CONSULT" },
    { "043", "receive a visit", 2.8, 1, "CONSULT" },
    { "044", "meet at a third place", 2.5, 1, "CONSULT" },
    { "045", "mediate", 5.0, 1, "CONSULT" },
    { "046", "negotiate", 7.0, 1, "CONSULT" },
    { "05", "diplomatic cooperation", 3.5, 1, "SUPPORT" },
    { "050", "diplomatic cooperation, not specified", 3.5, 1, "SUPPORT" },
    { "051", "praise or endorse", 3.4, 1, "SUPPORT" },
    { "052", "defend in words", 3.5, 1, "SUPPORT" },
    { "053", "rally support for", 3.8, 1, "SUPPORT" },
    { "054", "recognise diplomatically", 6.0, 1, "SUPPORT" },
    { "055", "apologise", 7.0, 1, "SUPPORT" },
    { "056", "forgive", 7.0, 1, "SUPPORT" },
    { "057", "sign an agreement", 8.0, 1, "SUPPORT" },
    { "06", "material cooperation", 6.0, 2, "COOPERATE" },
    { "060", "material cooperation, not specified", 6.0, 2, "COOPERATE" },
    { "061", "cooperate economically", 6.4, 2, "COOPERATE" },
    { "062", "cooperate militarily", 7.4, 2, "COOPERATE" },
    { "063", "cooperate judicially", 7.4, 2, "COOPERATE" },
    { "064", "share intelligence", 7.0, 2, "COOPERATE" },
    { "07", "aid", 7.0, 2, "AID" },
    { "070", "give aid, not specified", 7.0, 2, "AID" },
    { "071", "give economic aid", 7.4, 2, "AID" },
    { "072", "give military aid", 8.3, 2, "AID" },
    { "073", "give humanitarian aid", 7.4, 2, "AID" },
    { "074", "give protection or peacekeepers", 8.5, 2, "AID" },
    { "075", "give asylum", 7.0, 2, "AID" },
    { "08", "yield", 5.0, 2, "CONCEDE" },
    { "080", "yield, not specified", 5.0, 2, "CONCEDE" },
    { "081", "ease administrative sanctions", 5.0, 2, "CONCEDE" },
    { "0811", "relax limits on political freedoms", 5.0, 2, "CONCEDE" },
    { "0812", "lift a ban on parties or politicians", 5.0, 2, "CONCEDE" },
    { "0813", "lift a curfew", 5.0, 2, "RETREAT" },
    { "0814", "lift emergency rule or martial law", 5.0, 2, "RETREAT" },
    { "082", "ease dissent", 5.0, 2, "CONCEDE" },
    { "083", "accept demands for political reform", 5.0, 2, "CONCEDE" },
    { "0831", "accept demands for new leadership", 5.0, 2, "CONCEDE" },
    { "0832", "accept demands for a policy change", 5.0, 2, "CONCEDE" },
    { "0833", "accept demands for rights", 5.0, 2, "CONCEDE" },
    { "0834", "accept demands for institutional change", 5.0, 2, "CONCEDE" },
    { "084", "return or release", 7.0, 2, "RETREAT" },
    { "0841", "release people", 7.0, 2, "RETREAT" },
    { "0842", "return property", 7.0, 2, "RETREAT" },
    { "085", "ease economic sanctions", 7.0, 2, "RETREAT" },
    { "086", "allow outside involvement", 9.0, 2, "RETREAT" },
    { "0861", "accept peacekeepers", 9.0, 2, "RETREAT" },
    { "0862", "accept inspectors", 9.0, 2, "RETREAT" },
    { "0863", "let humanitarian aid through", 9.0, 2, "RETREAT" },
    { "087", "de-escalate militarily", 9.0, 2, "RETREAT" },
    { "0871", "declare a truce or ceasefire", 9.0, 2, "RETREAT" },
    { "0872", "ease a military blockade", 9.0, 2, "RETREAT" },
    { "0873", "demobilise forces", 9.0, 2, "RETREAT" },
    { "0874", "retreat or surrender", 10.0, 2, "RETREAT" },
    { "09", "investigate", -2.0, 3, "ACCUSE" },
    { "090", "investigate, not specified", -2.0, 3, "ACCUSE" },
    { "091", "investigate crime or corruption", -2.0, 3, "ACCUSE" },
    { "092", "investigate human rights abuses", -2.0, 3, "ACCUSE" },
    { "093", "investigate military action", -2.0, 3, "ACCUSE" },
    { "094", "investigate war crimes", -2.0, 3, "ACCUSE" },
    { "10", "demand", -5.0, 3, "REQUEST" },
    { "100", "demand, not specified", -5.0, 3, "REQUEST" },
    { "101", "demand material cooperation", -5.0, 3, "REQUEST" },
    { "1011", "demand economic cooperation", -5.0, 3, "REQUEST" },
    { "1012", "demand military cooperation", -5.0, 3, "REQUEST" },
    { "1013", "demand judicial cooperation", -5.0, 3, "REQUEST" },
    { "1014", "demand intelligence sharing", -5.0, 3, "REQUEST" },
    { "102", "demand diplomatic cooperation", -5.0, 3, "REQUEST" },
    { "103", "demand aid", -5.0, 3, "REQUEST" },
    { "1031", "demand economic aid", -5.0, 3, "REQUEST" },
    { "1032", "demand military aid", -5.0, 3, "REQUEST" },
    { "1033", "demand humanitarian aid", -5.0, 3, "REQUEST" },
    { "1034", "demand protection or peacekeepers", -5.0, 3, "REQUEST" },
    { "104", "demand political reform", -5.0, 3, "REQUEST" },
    { "1041", "demand new leadership", -5.0, 3, "REQUEST" },
    { "1042", "demand a policy change", -5.0, 3, "REQUEST" },
    { "1043", "demand rights", -5.0, 3, "REQUEST" },
    { "1044", "demand institutional change", -5.0, 3, "REQUEST" },
    { "105", "demand that target give way", -5.0, 3, "REQUEST" },
    { "1051", "demand easing administrative sanctions", -5.0, 3, "REQUEST" },
    { "1052", "demand easing of dissent", -5.0, 3, "REQUEST" },
    { "1053", "demand release of people or property", -5.0, 3, "REQUEST" },
    { "1054", "demand easing economic sanctions", -5.0, 3, "REQUEST" },
    { "1055", "demand outside involvement be allowed", -5.0, 3, "REQUEST" },
    { "1056", "demand military de-escalation", -5.0, 3, "REQUEST" },
    { "106", "demand a meeting or talks", -5.0, 3, "REQUEST" },
    { "107", "demand settlement of a dispute", -5.0, 3, "REQUEST" },
    { "108", "demand mediation", -5.0, 3, "REQUEST" },
    { "11", "disapprove", -2.0, 3, "ACCUSE" },
    { "110", "disapprove, not specified", -2.0, 3, "ACCUSE" },
    { "111", "criticise or denounce", -2.0, 3, "ACCUSE" },
    { "112", "accuse, not specified", -2.0, 3, "ACCUSE" },
    { "1121", "accuse of crime or corruption", -2.0, 3, "ACCUSE" },
    { "1122", "accuse of human rights abuses", -2.0, 3, "ACCUSE" },
    { "1123", "accuse of aggression", -2.0, 3, "ACCUSE" },
    { "1124", "accuse of war crimes", -2.0, 3, "ACCUSE" },
    { "1125", "accuse of spying or treason", -2.0, 3, "ACCUSE" },
    { "113", "rally opposition against", -2.0, 3, "ACCUSE" },
    { "114", "complain officially", -2.0, 3, "ACCUSE" },
    { "115", "sue", -2.0, 3, "ACCUSE" },
    { "116", "find guilty or liable", -2.0, 3, "ACCUSE" },
    { "12", "reject", -4.0, 3, "REJECT" },
    { "120", "reject, not specified", -4.0, 3, "REJECT" },
    { "121", "reject material cooperation", -4.0, 3, "REJECT" },
    { "1211", "reject economic cooperation", -4.0, 3, "REJECT" },
    { "1212", "reject military cooperation", -4.0, 3, "REJECT" },
    { "1213", "reject judicial cooperation", -4.0, 3, "REJECT" },
    { "1214", "reject intelligence sharing", -4.0, 3, "REJECT" },
    { "122", "refuse a request for aid", -4.0, 3, "REJECT" },
    { "1221", "refuse economic aid", -4.0, 3, "REJECT" },
    { "1222", "refuse military aid", -4.0, 3, "REJECT" },
    { "1223", "refuse humanitarian aid", -4.0, 3, "REJECT" },
    { "1224", "refuse protection or peacekeepers", -4.0, 3, "REJECT" },
    { "123", "refuse political reform", -4.0, 3, "REJECT" },
    { "1231", "refuse new leadership", -4.0, 3, "REJECT" },
    { "1232", "refuse a policy change", -4.0, 3, "REJECT" },
    { "1233", "refuse rights", -4.0, 3, "REJECT" },
    { "1234", "refuse institutional change", -4.0, 3, "REJECT" },
    { "124", "refuse to give way", -4.0, 3, "REJECT" },
    { "1241", "refuse to ease administrative sanctions", -4.0, 3, "REJECT" },
    { "1242", "refuse to ease dissent", -4.0, 3, "REJECT" },
    { "1243", "refuse to release people or property", -4.0, 3, "REJECT" },
    { "1244", "refuse to ease economic sanctions", -4.0, 3, "REJECT" },
    { "1245", "refuse outside involvement", -4.0, 3, "REJECT" },
    { "1246", "refuse to de-escalate militarily", -4.0, 3, "REJECT" },
    { "125", "refuse to meet or negotiate", -5.0, 3, "REJECT" },
    { "126", "refuse mediation", -5.0, 3, "REJECT" },
    { "127", "refuse a settlement plan", -5.0, 3, "REJECT" },
    { "128", "defy norms or law", -5.0, 3, "REJECT" },
    { "129", "veto", -5.0, 3, "REJECT" },
    { "13", "threaten", -6.0, 3, "THREATEN" },
    { "130", "threaten, not specified", -4.4, 3, "THREATEN" },
    { "131", "threaten without force", -5.8, 3, "THREATEN" },
    { "1311", "threaten to cut aid", -5.8, 3, "THREATEN" },
    { "1312", "threaten sanctions, boycott or embargo", -5.8, 3, "THREATEN" },
    { "1313", "threaten to cut relations", -5.8, 3, "THREATEN" },
    { "132", "threaten administrative sanctions", -5.8, 3, "THREATEN" },
    { "1321", "threaten limits on free speech", -5.8, 3, "THREATEN" },
    { "1322", "threaten to ban parties or politicians", -5.8, 3, "THREATEN" },
    { "1323", "threaten a curfew", -5.8, 3, "THREATEN" },
    { "1324", "threaten emergency rule or martial law", -5.8, 3, "THREATEN" },
    { "133", "threaten protest or dissent", -5.8, 3, "THREATEN" },
    { "134", "threaten to end negotiations", -5.8, 3, "THREATEN" },
    { "135", "threaten to end mediation", -5.8, 3, "THREATEN" },
    { "136", "threaten to expel or withdraw", -7.0, 3, "THREATEN" },
    { "137", "threaten violent repression", -7.0, 3, "THREATEN" },
    { "138", "threaten military force", -7.0, 3, "THREATEN" },
    { "1381", "threaten a blockade", -7.0, 3, "THREATEN" },
    { "1382", "threaten occupation", -7.0, 3, "THREATEN" },
    { "1383", "threaten unconventional violence", -7.0, 3, "THREATEN" },
    { "1384", "threaten conventional attack", -7.0, 3, "THREATEN" },
    { "1385", "threaten weapons of mass destruction", -7.0, 3, "THREATEN" },
    { "139", "issue an ultimatum", -7.0, 3, "THREATEN" },
    { "14", "protest", -6.5, 4, "PROTEST" },
    { "140", "dissent, not specified", -6.5, 4, "PROTEST" },
    { "141", "demonstrate or rally", -6.5, 4, "PROTEST" },
    { "1411", "demonstrate for new leadership", -6.5, 4, "PROTEST" },
    { "1412", "demonstrate for a policy change", -6.5, 4, "PROTEST" },
    { "1413", "demonstrate for rights", -6.5, 4, "PROTEST" },
    { "1414", "demonstrate for institutional change", -6.5, 4, "PROTEST" },
    { "142", "hunger strike", -6.5, 4, "PROTEST" },
    { "1421", "hunger strike for new leadership", -6.5, 4, "PROTEST" },
    { "1422", "hunger strike for a policy change", -6.5, 4, "PROTEST" },
    { "1423", "hunger strike for rights", -6.5, 4, "PROTEST" },
    { "1424", "hunger strike for institutional change", -6.5, 4, "PROTEST" },
    { "143", "strike or boycott", -6.5, 4, "PROTEST" },
    { "1431", "strike or boycott for new leadership", -6.5, 4, "PROTEST" },
    { "1432", "strike or boycott for a policy change", -6.5, 4, "PROTEST" },
    { "1433", "strike or boycott for rights", -6.5, 4, "PROTEST" },
    { "1434", "strike or boycott for new institutions", -6.5, 4, "PROTEST" },
    { "144", "block passage", -7.5, 4, "PROTEST" },
    { "1441", "blockade for new leadership", -7.5, 4, "PROTEST" },
    { "1442", "blockade for a policy change", -7.5, 4, "PROTEST" },
    { "1443", "blockade for rights", -7.5, 4, "PROTEST" },
    { "1444", "blockade for institutional change", -7.5, 4, "PROTEST" },
    { "145", "riot", -7.5, 4, "PROTEST" },
    { "1451", "riot for new leadership", -7.5, 4, "PROTEST" },
    { "1452", "riot for a policy change", -7.5, 4, "PROTEST" },
    { "1453", "riot for rights", -7.5, 4, "PROTEST" },
    { "1454", "riot for institutional change", -7.5, 4, "PROTEST" },
    { "15", "show of force", -7.2, 4, "MOBILIZE" },
    { "150", "show of force, not specified", -7.2, 4, "MOBILIZE" },
    { "151", "raise police alert", -7.2, 4, "MOBILIZE" },
    { "152", "raise military alert", -7.2, 4, "MOBILIZE" },
    { "153", "mobilise police", -7.2, 4, "MOBILIZE" },
    { "154", "mobilise armed forces", -7.2, 4, "MOBILIZE" },
    { "16", "reduce relations", -4.0, 4, "SANCTION" },
    { "160", "reduce relations, not specified", -4.0, 4, "SANCTION" },
    { "161", "cut or break diplomatic ties", -4.0, 4, "SANCTION" },
    { "162", "cut aid", -5.6, 4, "SANCTION" },
    { "1621", "cut economic aid", -5.6, 4, "SANCTION" },
    { "1622", "cut military aid", -5.6, 4, "SANCTION" },
    { "1623", "cut humanitarian aid", -5.6, 4, "SANCTION" },
    { "163", "impose sanctions, boycott or embargo", -8.0, 4, "COERCE" },
    { "164", "break off negotiations", -7.0, 4, "SANCTION" },
    { "165", "break off mediation", -6.5, 4, "SANCTION" },
    { "166", "expel or withdraw", -7.0, 4, "SANCTION" },
    { "1661", "expel peacekeepers", -7.0, 4, "SANCTION" },
    { "1662", "expel inspectors or observers", -7.0, 4, "SANCTION" },
    { "1663", "expel aid agencies", -7.0, 4, "SANCTION" },
    { "17", "coerce", -7.0, 4, "COERCE" },
    { "170", "coerce, not specified", -7.0, 4, "COERCE" },
    { "171", "seize or damage property", -9.2, 4, "COERCE" },
    { "1711", "confiscate property", -9.2, 4, "COERCE" },
    { "1712", "destroy property", -9.2, 4, "ASSAULT" },
    { "172", "administrative sanctions", -5.0, 4, "COERCE" },
    { "1721", "restrict free speech", -5.0, 4, "COERCE" },
    { "1722", "ban parties or politicians", -5.0, 4, "COERCE" },
    { "1723", "impose a curfew", -5.0, 4, "COERCE" },
    { "1724", "impose emergency rule or martial law", -5.0, 4, "COERCE" },
    { "173", "arrest, detain or charge", -5.0, 4, "COERCE" },
    { "174", "deport or expel people", -5.0, 4, "COERCE" },
    { "175", "violent repression", -9.0, 4, "ASSAULT" },
    { "18", "assault", -9.0, 4, "ASSAULT" },
    { "180", "unconventional violence, not specified", -9.0, 4, "ASSAULT" },
    { "181", "abduct or hijack", -9.0, 4, "ASSAULT" },
    { "182", "physical assault", -9.5, 4, "ASSAULT" },
    { "1821", "sexual assault", -9.0, 4, "ASSAULT" },
    { "1822", "torture", -9.0, 4, "ASSAULT" },
    { "1823", "killing by assault", -10.0, 4, "ASSAULT" },
    { "183", "non-military bombing", -10.0, 4, "ASSAULT" },
    { "1831", "suicide bombing", -10.0, 4, "ASSAULT" },
    { "1832", "car bombing", -10.0, 4, "ASSAULT" },
    { "1833", "roadside bombing", -10.0, 4, "ASSAULT" },
    { "184", "use human shields", -8.0, 4, "ASSAULT" },
    { "185", "attempted assassination", -8.0, 4, "ASSAULT" },
    { "186", "assassination", -10.0, 4, "ASSAULT" },
    { "19", "fight", -10.0, 4, "ASSAULT" },
    { "190", "conventional force, not specified", -10.0, 4, "ASSAULT" },
    { "191", "blockade or restrict movement", -9.5, 4, "COERCE" },
    { "192", "occupy territory", -9.5, 4, "COERCE" },
    { "193", "fight with small arms", -10.0, 4, "ASSAULT" },
    { "194", "fight with artillery or tanks", -10.0, 4, "ASSAULT" },
    { "195", "air strike", -10.0, 4, "ASSAULT" },
    { "196", "break a ceasefire", -9.5, 4, "ASSAULT" },
    { "20", "mass violence", -10.0, 4, "ASSAULT" },
    { "200", "mass violence, not specified", -10.0, 4, "ASSAULT" },
    { "201", "mass expulsion", -9.5, 4, "ASSAULT" },
    { "202", "mass killing", -10.0, 4, "ASSAULT" },
    { "203", "ethnic cleansing", -10.0, 4, "ASSAULT" },
    { "204", "weapons of mass destruction", -10.0, 4, "ASSAULT" },
    { "2041", "chemical, biological or radiological use", -10.0, 4, "ASSAULT" },
    { "2042", "nuclear detonation", -10.0, 4, "ASSAULT" },
};

#define N_CAMEO (sizeof(cameo_table) / sizeof(cameo_table[0]))

static int cmp_code(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const casus_cameo *)elem)->code);
}

const casus_cameo *casus_cameo_lookup(const char *code)
{
    if (code == NULL)
        return NULL;
    return bsearch(code, cameo_table, N_CAMEO, sizeof(cameo_table[0]),
                   cmp_code);
}

const casus_cameo *event_table(size_t *count_out)
{
    *count_out = N_CAMEO;
    return cameo_table;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

void event_facts_get(const char *code, event_facts *out)
{
    *out = (event_facts){ .plover = "", .name = "" };
    if (code == NULL || !is_digit(code[0]) || !is_digit(code[1]))
        return;
    out->root[0] = code[0];
    out->root[1] = code[1];
    out->root[2] = '\0';

    const int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root >= 1 && root <= 5)
        out->quad = 1;
    else if (root >= 6 && root <= 8)
        out->quad = 2;
    else if (root >= 9 && root <= 13)
        out->quad = 3;
    else if (root >= 14 && root <= 20)
        out->quad = 4;

    const casus_cameo *c = casus_cameo_lookup(code);
    if (c != NULL) {
        out->goldstein = c->goldstein;
        out->plover = c->plover;
        out->name = c->name;
    }
}

/* ------------------------------------------------------------------ */
/* Output sink with snprintf semantics                                 */
/* ------------------------------------------------------------------ */

/* Writes what fits into buf and counts everything, so the caller learns
 * the full length and can retry with a larger buffer. */
typedef struct sink {
    char *buf;  /* may be NULL when cap is 0 */
    size_t cap; /* bytes available in buf */
    size_t len; /* bytes the record needs so far */
} sink;

static void put(sink *s, const char *p, size_t n)
{
    if (s->len < s->cap) {
        size_t room = s->cap - s->len;
        memcpy(s->buf + s->len, p, n < room ? n : room);
    }
    s->len += n;
}

static void puts_(sink *s, const char *p)
{
    put(s, p, strlen(p));
}

/* Digits of v, without printf: these run for every number of every
 * record. */
static void put_uint(sink *s, unsigned long long v)
{
    char tmp[24];
    size_t i = sizeof(tmp);
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    put(s, tmp + i, sizeof(tmp) - i);
}

static void putl(sink *s, long long v)
{
    if (v < 0) {
        put(s, "-", 1);
        put_uint(s, 0ull - (unsigned long long)v);
    } else {
        put_uint(s, (unsigned long long)v);
    }
}

/* v with `places` decimals (1..9), as "%.*f" writes it.  v * 10^places
 * is off by far less than 1e-5 below 1e9, so rounding it gives printf's
 * digits unless it lies that near a half; such values, large ones and
 * non-finite ones go to snprintf.  (Goldstein values and gazetteer
 * points never do: they are whole tenths and 1e-5 degrees.) */
static void put_fixed(sink *s, double v, int places)
{
    static const double scale[10] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
                                      1e7, 1e8, 1e9 };
    const double x = v * scale[places];
    if (!(x > -1e9 && x < 1e9) ||
        fabs(fabs(x - trunc(x)) - 0.5) < 1e-5) {
        char tmp[400];
        int n = snprintf(tmp, sizeof(tmp), "%.*f", places, v);
        if (n > 0)
            put(s, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
        return;
    }
    const long long q = llround(x);
    const unsigned long long a = q < 0 ? 0ull - (unsigned long long)q
                                       : (unsigned long long)q;
    const unsigned long long unit = (unsigned long long)scale[places];
    if (q < 0 || (q == 0 && signbit(v)))
        put(s, "-", 1);         /* printf keeps the sign of -0.00001 */
    put_uint(s, a / unit);
    char frac[10];
    unsigned long long f = a % unit;
    for (int i = places; i-- > 0; f /= 10)
        frac[i] = (char)('0' + f % 10);
    put(s, ".", 1);
    put(s, frac, (size_t)places);
}

/* Goldstein values have one decimal. */
static void put_goldstein(sink *s, double v)
{
    put_fixed(s, v, 1);
}

/* Coordinates: five decimals, about a metre. */
static void put_coord(sink *s, double v)
{
    put_fixed(s, v, 5);
}

static size_t finish(sink *s)
{
    if (s->cap > 0)
        s->buf[s->len < s->cap ? s->len : s->cap - 1] = '\0';
    return s->len;
}

/* A JSON string literal.  Bytes that are not valid UTF-8 (an actor's words
 * cut mid-character, say) become U+FFFD, so every record is valid JSON. */
static void put_json_str(sink *s, const char *str)
{
    static const char hex[] = "0123456789abcdef";
    const size_t n = strlen(str);

    put(s, "\"", 1);
    size_t i = 0;
    while (i < n) {
        const unsigned char c = (unsigned char)str[i];
        if (c == '"' || c == '\\') {
            const char esc[2] = { '\\', (char)c };
            put(s, esc, 2);
        } else if (c == '\n') {
            put(s, "\\n", 2);
        } else if (c == '\t') {
            put(s, "\\t", 2);
        } else if (c == '\r') {
            put(s, "\\r", 2);
        } else if (c < 0x20 || c == 0x7f) {
            const char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4],
                                  hex[c & 15] };
            put(s, esc, 6);
        } else if (c >= 0x80) {
            size_t len = utf8_seq_len(str + i, n - i);
            if (len == 0) {
                put(s, "\\ufffd", 6);
                len = 1;
            } else {
                put(s, str + i, len);
            }
            i += len;
            continue;
        } else {
            /* a run of bytes that need no escape, put at once */
            size_t j = i + 1;
            while (j < n && (unsigned char)str[j] >= 0x20 &&
                   (unsigned char)str[j] < 0x7f && str[j] != '"' &&
                   str[j] != '\\')
                j++;
            put(s, str + i, j - i);
            i = j;
            continue;
        }
        i++;
    }
    put(s, "\"", 1);
}

/* A TSV field: tabs and line breaks would split the row, so they become
 * spaces. */
static void put_tsv_str(sink *s, const char *str, size_t n)
{
    for (size_t i = 0; i < n && str[i]; i++) {
        char c = str[i];
        if (c == '\t' || c == '\n' || c == '\r')
            c = ' ';
        put(s, &c, 1);
    }
}

/* ------------------------------------------------------------------ */
/* JSONL                                                               */
/* ------------------------------------------------------------------ */

/* A JSON string, or null for an empty one. */
static void put_json_opt(sink *s, const char *str)
{
    if (str[0] != '\0')
        put_json_str(s, str);
    else
        puts_(s, "null");
}

static void put_json_location(sink *s, const casus_location *loc)
{
    if (loc->name[0] == '\0') {
        puts_(s, "null");
        return;
    }
    puts_(s, "{\"name\":");
    put_json_str(s, loc->name);
    puts_(s, ",\"country\":");
    put_json_opt(s, loc->country);
    puts_(s, ",\"adm1\":");
    put_json_opt(s, loc->adm1);
    puts_(s, ",\"lat\":");
    put_coord(s, loc->lat);
    puts_(s, ",\"lon\":");
    put_coord(s, loc->lon);
    puts_(s, ",\"geonames\":");
    if (loc->geonames)
        putl(s, (long long)loc->geonames);
    else
        puts_(s, "null");
    puts_(s, "}");
}

static void format_jsonl(sink *s, const casus_event *ev)
{
    event_facts f;
    event_facts_get(ev->code, &f);

    puts_(s, "{\"doc\":");
    put_json_str(s, ev->doc ? ev->doc : "");
    puts_(s, ",\"sentence\":");
    putl(s, ev->sentence);
    puts_(s, ",\"date\":");
    put_json_opt(s, ev->date);
    puts_(s, ",\"source\":");
    put_json_str(s, ev->source);
    puts_(s, ",\"target\":");
    put_json_str(s, ev->target);
    puts_(s, ",\"source_text\":");
    put_json_str(s, ev->source_text);
    puts_(s, ",\"target_text\":");
    put_json_str(s, ev->target_text);
    puts_(s, ",\"code\":");
    put_json_str(s, ev->code);
    puts_(s, ",\"root\":");
    put_json_str(s, f.root);
    puts_(s, ",\"quad\":");
    putl(s, f.quad);
    puts_(s, ",\"goldstein\":");
    put_goldstein(s, f.goldstein);
    puts_(s, ",\"plover\":");
    put_json_str(s, f.plover);
    puts_(s, ",\"location\":");
    put_json_location(s, &ev->location);
    puts_(s, ",\"counts\":{");
    static const char *const names[5] = { "killed", "wounded", "arrested",
                                          "displaced", "crowd" };
    const unsigned vals[5] = { ev->killed, ev->wounded, ev->arrested,
                               ev->displaced, ev->crowd };
    bool first = true;
    for (int i = 0; i < 5; i++) {
        if (vals[i] == 0)
            continue;
        puts_(s, first ? "\"" : ",\"");
        puts_(s, names[i]);
        puts_(s, "\":");
        putl(s, vals[i]);
        first = false;
    }
    puts_(s, "},\"negated\":");
    puts_(s, ev->negated ? "true" : "false");
    puts_(s, "}\n");
}

/* ------------------------------------------------------------------ */
/* GDELT 2.0 TSV                                                       */
/* ------------------------------------------------------------------ */

static const char tsv_header[] =
    "GLOBALEVENTID\tSQLDATE\tMonthYear\tYear\tFractionDate\t"
    "Actor1Code\tActor1Name\tActor1CountryCode\tActor1KnownGroupCode\t"
    "Actor1EthnicCode\tActor1Religion1Code\tActor1Religion2Code\t"
    "Actor1Type1Code\tActor1Type2Code\tActor1Type3Code\t"
    "Actor2Code\tActor2Name\tActor2CountryCode\tActor2KnownGroupCode\t"
    "Actor2EthnicCode\tActor2Religion1Code\tActor2Religion2Code\t"
    "Actor2Type1Code\tActor2Type2Code\tActor2Type3Code\t"
    "IsRootEvent\tEventCode\tEventBaseCode\tEventRootCode\tQuadClass\t"
    "GoldsteinScale\tNumMentions\tNumSources\tNumArticles\tAvgTone\t"
    "Actor1Geo_Type\tActor1Geo_FullName\tActor1Geo_CountryCode\t"
    "Actor1Geo_ADM1Code\tActor1Geo_ADM2Code\tActor1Geo_Lat\t"
    "Actor1Geo_Long\tActor1Geo_FeatureID\t"
    "Actor2Geo_Type\tActor2Geo_FullName\tActor2Geo_CountryCode\t"
    "Actor2Geo_ADM1Code\tActor2Geo_ADM2Code\tActor2Geo_Lat\t"
    "Actor2Geo_Long\tActor2Geo_FeatureID\t"
    "ActionGeo_Type\tActionGeo_FullName\tActionGeo_CountryCode\t"
    "ActionGeo_ADM1Code\tActionGeo_ADM2Code\tActionGeo_Lat\t"
    "ActionGeo_Long\tActionGeo_FeatureID\t"
    "DATEADDED\tSOURCEURL\n";

const char *casus_event_tsv_header(void)
{
    return tsv_header;
}

/* Country and region codes that may open a CAMEO actor code: ISO 3166-1
 * alpha-3 (current and withdrawn), CAMEO's regions, and the few codes
 * CAMEO spells its own way (KSV, ROM, TMP, ZAR).  Sorted. */
static const char country_codes[][4] = {
    "ABW", "AFG", "AFI", "AFR", "AGO", "AIA", "ALA", "ALB", "AND", "ANT",
    "ARE", "ARG", "ARM", "ASA", "ASM", "ATA", "ATB", "ATF", "ATG", "ATN",
    "AUS", "AUT", "AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR",
    "BHR", "BHS", "BIH", "BLK", "BLM", "BLR", "BLZ", "BMU", "BOL", "BRA",
    "BRB", "BRN", "BTN", "BUR", "BVT", "BWA", "BYS", "CAF", "CAN", "CAS",
    "CAU", "CCK", "CFR", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG",
    "COK", "COL", "COM", "CPV", "CRB", "CRI", "CSK", "CTE", "CUB", "CUW",
    "CXR", "CYM", "CYP", "CZE", "DDR", "DEU", "DHY", "DJI", "DMA", "DNK",
    "DOM", "DZA", "EAF", "ECU", "EEU", "EGY", "EIN", "ERI", "ESH", "ESP",
    "EST", "ETH", "EUR", "FIN", "FJI", "FLK", "FRA", "FRO", "FSM", "FXX",
    "GAB", "GBR", "GEL", "GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB",
    "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF", "GUM", "GUY", "HKG",
    "HMD", "HND", "HRV", "HTI", "HUN", "HVO", "IDN", "IMN", "IND", "IOT",
    "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA", "JAM", "JEY", "JOR", "JPN",
    "JTN", "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KSV", "KWT",
    "LAM", "LAO", "LBN", "LBR", "LBY", "LCA", "LIE", "LKA", "LSO", "LTU",
    "LUX", "LVA", "MAC", "MAF", "MAR", "MCO", "MDA", "MDG", "MDT", "MDV",
    "MEA", "MEX", "MHL", "MID", "MKD", "MLI", "MLT", "MMR", "MNE", "MNG",
    "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS", "MWI", "MYS", "MYT", "NAF",
    "NAM", "NCL", "NER", "NFK", "NGA", "NHB", "NIC", "NIU", "NLD", "NMR",
    "NOR", "NPL", "NRU", "NTZ", "NZL", "OMN", "PAK", "PAN", "PCI", "PCN",
    "PCZ", "PER", "PGS", "PHL", "PLW", "PNG", "POL", "PRI", "PRK", "PRT",
    "PRY", "PSE", "PUS", "PYF", "QAT", "REU", "RHO", "ROM", "ROU", "RUS",
    "RWA", "SAF", "SAM", "SAS", "SAU", "SCG", "SCN", "SDN", "SEA", "SEN",
    "SGP", "SGS", "SHN", "SJM", "SKM", "SLB", "SLE", "SLV", "SMR", "SOM",
    "SPM", "SRB", "SSD", "STP", "SUN", "SUR", "SVK", "SVN", "SWE", "SWZ",
    "SXM", "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK", "TKL", "TKM",
    "TLS", "TMP", "TON", "TTO", "TUN", "TUR", "TUV", "TWN", "TZA", "UGA",
    "UKR", "UMI", "URY", "USA", "UZB", "VAT", "VCT", "VDR", "VEN", "VGB",
    "VIR", "VNM", "VUT", "WAF", "WAK", "WLF", "WSM", "WST", "YEM", "YMD",
    "YUG", "ZAF", "ZAR", "ZMB", "ZWE",
};

static int cmp_country(const void *key, const void *elem)
{
    return memcmp(key, elem, 3);
}

static int is_country(const char *code)
{
    for (int i = 0; i < 3; i++)
        if (code[i] < 'A' || code[i] > 'Z')
            return 0;
    return bsearch(code, country_codes,
                   sizeof(country_codes) / sizeof(country_codes[0]),
                   sizeof(country_codes[0]), cmp_country) != NULL;
}

/* Actor columns: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
 * Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code.  When the
 * code opens with a country, the 3-letter groups after it are its types. */
static void put_tsv_actor(sink *s, const char *code, const char *text)
{
    const size_t len = strlen(code);
    const int country = len >= 3 && is_country(code);

    put_tsv_str(s, code, len);
    put(s, "\t", 1);
    put_tsv_str(s, text, strlen(text));
    put(s, "\t", 1);
    if (country)
        put(s, code, 3);
    puts_(s, "\t\t\t\t\t");
    for (size_t t = 0; t < 3; t++) {
        const size_t at = 3 + 3 * t;
        if (country && len >= at + 3)
            put_tsv_str(s, code + at, 3);
        put(s, "\t", 1);
    }
}

static void put_tsv_dates(sink *s, const char *date)
{
    int y, m, d;
    if (!date_parse(date, &y, &m, &d) || date[10] != '\0') {
        puts_(s, "\t\t\t\t");
        return;
    }
    char tmp[64];
    /* FractionDate: the share of the year gone by at the start of the
     * day, 0 .. 0.9973, so the value never reaches the next year. */
    const double frac = (date_day_of_year(y, m, d) - 1) /
                        (date_is_leap(y) ? 366.0 : 365.0);
    snprintf(tmp, sizeof(tmp), "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t",
             y, m, d, y, m, y, y + frac);
    puts_(s, tmp);
}

/* GDELT's geographic resolution: 1 country, 2 US state, 3 US city,
 * 4 other city, 5 other first-level division. */
static int geo_type(const casus_location *loc)
{
    const bool us = strcmp(loc->iso2, "US") == 0;
    if (strncmp(loc->feature, "PCL", 3) == 0 ||
        strncmp(loc->feature, "CONT", 4) == 0)
        return 1;
    if (strncmp(loc->feature, "ADM", 3) == 0)
        return us ? 2 : 5;
    return us ? 3 : 4;
}

/* The eight ActionGeo columns, each followed by a tab.  Ours differ from
 * GDELT's in two ways (doc/records.md): CountryCode is ISO alpha-2, not
 * FIPS 10-4, and ADM1Code joins it to the GeoNames admin1 code. */
static void put_tsv_geo(sink *s, const casus_location *loc)
{
    if (loc->name[0] == '\0') {
        for (int i = 0; i < 8; i++)
            put(s, "\t", 1);
        return;
    }
    putl(s, geo_type(loc));
    put(s, "\t", 1);
    put_tsv_str(s, loc->name, strlen(loc->name));
    put(s, "\t", 1);
    puts_(s, loc->iso2);
    put(s, "\t", 1);
    if (loc->adm1[0]) {
        const char *dot = strchr(loc->adm1, '.');
        puts_(s, loc->iso2);
        put_tsv_str(s, dot ? dot + 1 : loc->adm1, strlen(dot ? dot + 1
                                                               : loc->adm1));
    }
    puts_(s, "\t\t");
    put_coord(s, loc->lat);
    put(s, "\t", 1);
    put_coord(s, loc->lon);
    put(s, "\t", 1);
    if (loc->geonames)
        putl(s, (long long)loc->geonames);
    else
        puts_(s, loc->iso2);
    put(s, "\t", 1);
}

static void format_tsv(sink *s, const casus_event *ev, unsigned long long seq)
{
    event_facts f;
    event_facts_get(ev->code, &f);

    put_uint(s, seq);
    put(s, "\t", 1);
    put_tsv_dates(s, ev->date);
    put_tsv_actor(s, ev->source, ev->source_text);
    put_tsv_actor(s, ev->target, ev->target_text);

    /* IsRootEvent: GDELT marks events of the lead paragraph; ours is the
     * first sentence. */
    puts_(s, ev->sentence == 0 ? "1\t" : "0\t");
    put_tsv_str(s, ev->code, strlen(ev->code));
    put(s, "\t", 1);
    put_tsv_str(s, ev->code, 3);
    put(s, "\t", 1);
    puts_(s, f.root);
    put(s, "\t", 1);
    if (f.quad)
        putl(s, f.quad);
    put(s, "\t", 1);
    put_goldstein(s, f.goldstein);
    /* One mention in one article; AvgTone is not measured; nor are the
     * places of the two actors. */
    puts_(s, "\t1\t1\t1\t\t");
    for (int i = 0; i < 16; i++)
        put(s, "\t", 1);
    put_tsv_geo(s, &ev->location);
    /* DATEADDED: not known. */
    put(s, "\t", 1);
    /* SOURCEURL carries the document id, the link back to the input. */
    put_tsv_str(s, ev->doc ? ev->doc : "", ev->doc ? strlen(ev->doc) : 0);
    put(s, "\n", 1);
}

/* ------------------------------------------------------------------ */
/* API                                                                 */
/* ------------------------------------------------------------------ */

size_t casus_event_format(char *buf, size_t cap, const casus_event *ev,
                          casus_format fmt, unsigned long long seq)
{
    sink s = { buf, cap, 0 };
    if (fmt == CASUS_FORMAT_TSV)
        format_tsv(&s, ev, seq);
    else
        format_jsonl(&s, ev);
    return finish(&s);
}

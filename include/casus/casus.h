/*
 * casus.h - umbrella header of the casus library
 *
 * casus codes news text into CAMEO political events.  Typical use:
 * load a casus_dict, create one casus_coder per thread, read casus_doc
 * records with a casus_reader, code them, and write the events with
 * casus_event_format() or into a casus_store.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_CASUS_H
#define CASUS_CASUS_H

#include "common.h"
#include "doc.h"
#include "event.h"
#include "dict.h"
#include "coder.h"
#include "store.h"
#include "validate.h"
#include "places.h"

#endif

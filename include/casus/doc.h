/*
 * doc.h - input documents and the reader that yields them
 *
 * A reader turns a stream of JSONL lines, or one plain-text file, into
 * documents as described in doc/records.md.  A bad record is reported
 * through casus_diag and skipped; the reader stays usable, so a caller
 * simply keeps calling casus_reader_next() until CASUS_EOF.
 *
 * A reader is used by one thread at a time.  It never holds more than one
 * document (at most `max_doc` bytes) in memory.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_DOC_H
#define CASUS_DOC_H

#include <stdio.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One input document.  All strings are UTF-8 and NUL-terminated. */
typedef struct casus_doc {
    const char *id;     /**< never NULL */
    const char *text;   /**< never NULL */
    size_t text_len;    /**< bytes in text */
    char date[11];      /**< "YYYY-MM-DD" or "" when not given */
    const char *title;  /**< NULL when absent; likewise source and url */
    const char *source;
    const char *url;
} casus_doc;

typedef struct casus_reader casus_reader;

typedef enum casus_input_kind {
    CASUS_INPUT_AUTO = 0, /**< JSONL unless the name ends in .txt */
    CASUS_INPUT_JSONL = 1,
    CASUS_INPUT_TEXT = 2  /**< the whole stream is one document */
} casus_input_kind;

/** Default largest accepted document, in bytes (JSON line or text file). */
#define CASUS_MAX_DOC_DEFAULT (16u * 1024 * 1024)

/**
 * Start reading documents from an open stream.
 *
 * @param[out] out  new reader; free with casus_reader_free().  NULL on error.
 * @param fp        stream to read; borrowed, not closed by the reader
 * @param name      input name used in messages and as the id of a text
 *                  document; copied
 * @param kind      how to parse the stream
 * @param max_doc   largest document in bytes; 0 means CASUS_MAX_DOC_DEFAULT
 * @return 0 or CASUS_ENOMEM
 */
CASUS_API int casus_reader_new(casus_reader **out, FILE *fp, const char *name,
                               casus_input_kind kind, size_t max_doc);

/**
 * Read the next document.
 *
 * @param r     the reader
 * @param[out] out  filled on success; its strings are owned by the reader
 *              and live until the next call to casus_reader_next() or
 *              casus_reader_free()
 * @param diag  optional; on a rejected record receives the input name, the
 *              line and a one-line reason
 * @return 0 for a document; CASUS_EOF at the end of input; CASUS_EPARSE
 *         (bad JSON, missing id or text, invalid UTF-8) or CASUS_ETOOBIG
 *         for a rejected record, after which reading may go on;
 *         CASUS_EIO or CASUS_ENOMEM, after which it may not.
 */
CASUS_API int casus_reader_next(casus_reader *r, casus_doc *out,
                                casus_diag *diag);

/** Number of records rejected so far. */
CASUS_API size_t casus_reader_rejects(const casus_reader *r);

/**
 * One record as read, before it is parsed: a JSONL line (blank lines and
 * a leading byte order mark already dropped), or the whole text of a
 * plain-text input.
 */
typedef struct casus_record {
    const char *data;       /**< its bytes; NUL-terminated */
    size_t len;             /**< bytes in data */
    const char *name;       /**< the input's name */
    long line;              /**< its line in the input; 0 for a text
                                 document */
    casus_input_kind kind;  /**< CASUS_INPUT_JSONL or CASUS_INPUT_TEXT */
} casus_record;

/**
 * Read the next record without parsing it, so that parsing can happen
 * elsewhere (on another thread, with casus_parser_parse()).
 * casus_reader_next() is this followed by casus_parser_parse().
 *
 * @param[out] out  its data lives until the reader's next call; its name
 *              as long as the reader
 * @return 0; CASUS_EOF; CASUS_ETOOBIG for a record over the reader's
 *         limit (diag filled, counted as rejected), after which reading
 *         may go on; CASUS_EIO or CASUS_ENOMEM, after which it may not
 */
CASUS_API int casus_reader_next_record(casus_reader *r, casus_record *out,
                                       casus_diag *diag);

/** Parses records into documents; holds the last one parsed. */
typedef struct casus_parser casus_parser;

/** @return 0 or CASUS_ENOMEM */
CASUS_API int casus_parser_new(casus_parser **out);

/** casus_parser_free(NULL) is a harmless no-op. */
CASUS_API void casus_parser_free(casus_parser *p);

/**
 * Parse one record into a document, checking it as casus_reader_next()
 * does.  A parser is used by one thread at a time; give each thread its
 * own.
 *
 * @param[out] out  its strings live until p's next parse or free, and
 *              (for a text document) as long as rec's data and name
 * @param diag  optional; for a rejected record, the input name, line and
 *              a one-line reason
 * @return 0, CASUS_EPARSE for a rejected record, or CASUS_ENOMEM
 */
CASUS_API int casus_parser_parse(casus_parser *p, const casus_record *rec,
                                 casus_doc *out, casus_diag *diag);

/** casus_reader_free(NULL) is a harmless no-op. */
CASUS_API void casus_reader_free(casus_reader *r);

#ifdef __cplusplus
}
#endif
#endif

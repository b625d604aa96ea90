/*
 * common.h - shared definitions of the casus public API
 *
 * Export macro, version numbers, error codes, the diagnostic record that
 * parsers fill, and the allocator hook.  Every other public header includes
 * this one; it includes nothing of casus.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef CASUS_COMMON_H
#define CASUS_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
#define CASUS_API __attribute__((visibility("default")))
#else
#define CASUS_API
#endif

#define CASUS_VERSION_MAJOR 0
#define CASUS_VERSION_MINOR 1
#define CASUS_VERSION_PATCH 0
#define CASUS_VERSION_NUMBER \
    (CASUS_VERSION_MAJOR * 10000 + CASUS_VERSION_MINOR * 100 + \
     CASUS_VERSION_PATCH)
#define CASUS_VERSION_STRING "0.1.0"

/** Error codes.  Numbers are fixed and never reused. */
enum {
    CASUS_OK = 0,
    CASUS_ERROR = -1,     /**< anything not listed below */
    CASUS_ENOTFOUND = -2, /**< a file or record does not exist */
    CASUS_EEXISTS = -3,   /**< the thing already exists */
    CASUS_EPARSE = -4,    /**< input does not follow its format */
    CASUS_EINVAL = -5,    /**< invalid argument */
    CASUS_ENOMEM = -6,    /**< out of memory */
    CASUS_EIO = -7,       /**< read or write failed */
    CASUS_ESTORE = -8,    /**< the database refused an operation */
    CASUS_ETOOBIG = -9,   /**< input larger than the configured limit */
    CASUS_EOF = -10       /**< no more input (not an error for readers) */
};

/** @return the run-time version, CASUS_VERSION_NUMBER of the library. */
CASUS_API int casus_version_number(void);

/** @return static text for an error code; never NULL. */
CASUS_API const char *casus_strerror(int code);

/**
 * Where a parser found a problem.  Filled by functions that take a
 * `casus_diag *`; a NULL diag is allowed everywhere.
 *
 * `file` is borrowed from the caller's path argument and lives as long as
 * that argument; `msg` is owned by the struct.
 */
typedef struct casus_diag {
    const char *file; /**< input name as given, or "<stdin>" */
    long line;        /**< 1-based line, 0 when not known */
    long column;      /**< 1-based column in bytes, 0 when not known */
    char msg[256];    /**< one plain line, NUL-terminated */
} casus_diag;

#define CASUS_DIAG_INIT { NULL, 0, 0, { 0 } }

/**
 * Replace the allocator used by the whole library.  Call it before any
 * other casus function, from one thread.  Passing NULLs restores the C
 * library's malloc, realloc and free.  `realloc_fn(p, 0)` is never called.
 */
typedef struct casus_allocator {
    void *(*malloc_fn)(size_t size, void *payload);
    void *(*realloc_fn)(void *ptr, size_t size, void *payload);
    void (*free_fn)(void *ptr, void *payload);
    void *payload;
} casus_allocator;

CASUS_API void casus_set_allocator(const casus_allocator *alloc);

#ifdef __cplusplus
}
#endif
#endif

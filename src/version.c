/*
 * version.c - version number and error strings
 *
 * SPDX-License-Identifier: MIT
 */
#include "casus/common.h"

int casus_version_number(void)
{
    return CASUS_VERSION_NUMBER;
}

const char *casus_strerror(int code)
{
    switch (code) {
    case CASUS_OK: return "success";
    case CASUS_ENOTFOUND: return "not found";
    case CASUS_EEXISTS: return "already exists";
    case CASUS_EPARSE: return "parse error";
    case CASUS_EINVAL: return "invalid argument";
    case CASUS_ENOMEM: return "out of memory";
    case CASUS_EIO: return "input/output error";
    case CASUS_ESTORE: return "database error";
    case CASUS_ETOOBIG: return "input too large";
    case CASUS_EOF: return "end of input";
    default: return "error";
    }
}

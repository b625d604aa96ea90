/*
 * cpus.c - how many CPUs the program may run on
 *
 * `casus code -j 0` starts one thread per CPU available to the process.
 * On Linux that is the process's affinity mask (a container or taskset
 * may allow fewer CPUs than the machine has), read with the GNU
 * extension sched_getaffinity(); this file alone asks for _GNU_SOURCE.
 * Elsewhere, or when that fails, the count of online CPUs.
 *
 * SPDX-License-Identifier: MIT
 */
#if defined(__linux__)
#define _GNU_SOURCE 1
#include <sched.h>
#endif
#include <unistd.h>

#include "cli.h"

unsigned cli_cpu_count(void)
{
#if defined(__linux__) && defined(CPU_COUNT)
    cpu_set_t set;
    CPU_ZERO(&set);
    /* Fails (EINVAL) on machines with more than CPU_SETSIZE CPUs. */
    if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0)
        return (unsigned)CPU_COUNT(&set);
#endif
#if defined(_SC_NPROCESSORS_ONLN)
    const long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n > 0)
        return (unsigned)n;
#endif
    return 1;
}

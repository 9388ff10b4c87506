#ifndef MOOTUI_MALLOC_COUNT_H
#define MOOTUI_MALLOC_COUNT_H
#include <stdint.h>

/// Heap allocations (malloc, calloc, realloc, memalign family) made by the calling thread so far.
uint64_t mootui_thread_allocations(void);
/// Heap allocations made by every thread so far.
uint64_t mootui_process_allocations(void);

#endif

// Counts heap allocations for the benchmarks by interposing the allocator entry points in the
// executable (they take precedence over libc's for every library in the process) and passing
// each call to glibc's own implementation.
#include "MallocCount.h"
#include <stddef.h>
#include <errno.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);

static __thread uint64_t thread_count;
static uint64_t process_count;

static inline void count(void) {
    thread_count++;
    __atomic_fetch_add(&process_count, 1, __ATOMIC_RELAXED);
}

uint64_t mootui_thread_allocations(void) { return thread_count; }
uint64_t mootui_process_allocations(void) { return __atomic_load_n(&process_count, __ATOMIC_RELAXED); }

void *malloc(size_t size) { count(); return __libc_malloc(size); }
void *calloc(size_t n, size_t size) { count(); return __libc_calloc(n, size); }
void *realloc(void *p, size_t size) { count(); return __libc_realloc(p, size); }
void free(void *p) { __libc_free(p); }
void *memalign(size_t alignment, size_t size) { count(); return __libc_memalign(alignment, size); }
void *aligned_alloc(size_t alignment, size_t size) { count(); return __libc_memalign(alignment, size); }
int posix_memalign(void **out, size_t alignment, size_t size) {
    count();
    void *p = __libc_memalign(alignment, size);
    if (p == NULL && size != 0) return ENOMEM;
    *out = p;
    return 0;
}

// Runs before every shared library's initialiser (an executable's .preinit_array), so the Swift
// runtime, whose backtracer reads SWIFT_BACKTRACE once while libswiftCore initialises, already
// sees the terminal UI's settings: no interactive prompt, no colour, output to stderr (which the
// UI points at its log file). Set from Swift the variable comes too late, which cost the UI a
// second exec of itself at every start. A value the user set is kept.
#include <stdlib.h>

#include "CStartup.h"

static int hook_ran = 0;

static void mootui_set_backtrace_settings(int argc, char **argv, char **envp) {
    (void)argc; (void)argv; (void)envp;
    setenv("SWIFT_BACKTRACE", MOOTUI_BACKTRACE_SETTINGS, 0);
    hook_ran = 1;
}

__attribute__((section(".preinit_array"), used))
static void (*const mootui_preinit)(int, char **, char **) = mootui_set_backtrace_settings;

int mootui_backtrace_preset(void) { return hook_ran; }

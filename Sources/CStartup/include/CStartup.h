#ifndef MOOTUI_CSTARTUP_H
#define MOOTUI_CSTARTUP_H

/// The backtracer settings the terminal UI runs with unless the user set SWIFT_BACKTRACE.
#define MOOTUI_BACKTRACE_SETTINGS "enable=yes,interactive=no,color=no,output-to=stderr"

/// 1 when the start-up hook ran before the Swift runtime initialised (SWIFT_BACKTRACE was then
/// set, unless the user had set it, before the runtime read it).
int mootui_backtrace_preset(void);

#endif

/* pyrt_core.h: extra runtime declarations owned by the core area (see pyrt.h for the conventions). */
#ifndef PYRT_CORE_H
#define PYRT_CORE_H
#endif

/* pyrt_str.h: extra runtime declarations owned by the str area (see pyrt.h for the conventions). */
#ifndef PYRT_STR_H
#define PYRT_STR_H
#endif

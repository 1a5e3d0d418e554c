/* pyrt_num.h: extra runtime declarations owned by the num area (see pyrt.h for the conventions). */
#ifndef PYRT_NUM_H
#define PYRT_NUM_H
#endif

/* pyrt_containers.h: extra runtime declarations owned by the containers area (see pyrt.h for the conventions). */
#ifndef PYRT_CONTAINERS_H
#define PYRT_CONTAINERS_H
#endif

#ifndef NEWSCONV_CZLIB_SHIM_H
#define NEWSCONV_CZLIB_SHIM_H
#include <zlib.h>
#endif

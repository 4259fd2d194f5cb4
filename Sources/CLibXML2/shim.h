#ifndef NEWSCONV_CLIBXML2_SHIM_H
#define NEWSCONV_CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU, and its encoding.h then includes the system's ICU headers,
 * whose types clash with the ICU copy inside Swift's Foundation when both are imported into one
 * module. newsconv never touches libxml2's ICU converter fields, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xmlsave.h>
#include <libxml/entities.h>
#endif

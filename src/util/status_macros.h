// Early return of a failed Status, for code that chains many checks.
#pragma once

#include "strata/status.h"

#define STRATA_RETURN_IF_ERROR(expr) \
  do {                               \
    ::strata::Status _st = (expr);   \
    if (!_st.ok()) return _st;       \
  } while (0)

// The installed FreeDict dictionaries (both directions) as one Lexicon, loaded once per test or
// benchmark program: loading takes milliseconds that many cases would otherwise repeat.
#pragma once

#include "tm/lexicon.h"

namespace tandem::testing {

inline const Lexicon& freedict_lexicon() {
  static const Lexicon lexicon = [] {
    Lexicon l;
    l.load_installed_freedict();
    return l;
  }();
  return lexicon;
}

}  // namespace tandem::testing

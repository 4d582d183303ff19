// A per-user cache of parsed FreeDict dictionaries, so that a command reading FreeDict
// (align-files, mine, glossary) does not inflate the whole .dict.dz and parse every article on each
// run.
//
// On first use the articles of a dictd pair (tm/freedict_reader.h) are parsed once, all of them,
// and written in a compact binary form to the cache directory: $TANDEM_CACHE_DIR if set, else
// $XDG_CACHE_HOME/tandem, else $HOME/.cache/tandem. The cache file records a format version and
// the size and modification time of both source files; a file that does not match (or is
// truncated or corrupt) is rebuilt. It is written to a temporary file and renamed into place, so
// concurrent runs never see half a file. The cache is an optimisation only: when the directory
// cannot be created or written, the dictionary is parsed as without it and nothing fails.
//
// Thread-safety: free functions without shared state; several threads or processes may read and
// rebuild the same cache at once (the last rename wins, every version is complete).
#pragma once

#include <filesystem>
#include <vector>

#include "tm/freedict_reader.h"

namespace tandem {

// The directory holding the cache files (see above); empty when no variable names one.
std::filesystem::path freedict_cache_directory();

// The cache file for this dictionary pair inside freedict_cache_directory().
std::filesystem::path freedict_cache_file(const FreeDictFiles& files);

// Same result as read_freedict(files.index, files.dict_dz, keep), from the cache when it is up to
// date (creating or refreshing it otherwise). Errors are read_freedict's.
std::vector<DictEntry> read_freedict_cached(const FreeDictFiles& files,
                                            const HeadwordFilter& keep = {});

}  // namespace tandem

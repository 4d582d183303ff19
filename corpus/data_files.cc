#include "corpus/data_files.h"

#include <cstdlib>

namespace tandem {

std::string data_dir() {
  if (const char* env = std::getenv("TANDEM_DATA_DIR"); env && *env) return env;
  return TANDEM_DATA_DIR;
}

std::string data_path(std::string_view relative) {
  std::string path = data_dir();
  path += '/';
  path += relative;
  return path;
}

}  // namespace tandem

#include "corpus/error.h"

#include <fmt/format.h>

namespace tandem {

std::string Location::to_string() const {
  if (file.empty() && line == 0 && !byte_offset) return {};
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    out += fmt::format(":{}", line);
    if (column > 0) out += fmt::format(":{}", column);
  } else if (byte_offset) {
    out += fmt::format(": byte {}", *byte_offset);
  }
  return out;
}

std::string Error::describe() const {
  std::string place = where_.to_string();
  return place.empty() ? std::string(what()) : place + ": " + what();
}

}  // namespace tandem

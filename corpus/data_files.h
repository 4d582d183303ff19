// Where Tandem's bundled data files are (general-language frequencies, the termhood model, the
// core fr↔en tables): $TANDEM_DATA_DIR when set, else the data/ folder the build was configured
// with (the TANDEM_DATA_DIR compile definition).
#pragma once

#include <string>
#include <string_view>

namespace tandem {

std::string data_dir();
// data_dir() + "/" + relative, e.g. data_path("termhood/weights.tsv").
std::string data_path(std::string_view relative);

}  // namespace tandem

#include "glossary/general_frequencies.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>
#include <fstream>

#include "corpus/data_files.h"
#include "corpus/error.h"
#include "corpus/tokenizer.h"

namespace tandem {

GeneralFrequencies GeneralFrequencies::load(const std::string& path, Lang lang) {
  std::ifstream in(path);
  if (!in) throw Error(Location::in_file(path), "cannot open the general-language frequencies");
  GeneralFrequencies table;
  Tokenizer tokenizer(lang);
  std::string line;
  std::uint64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    // lemma::POS::count — the lemma itself may contain ':' so split from the right.
    auto last = line.rfind("::");
    auto middle =
        last == std::string::npos || last == 0 ? std::string::npos : line.rfind("::", last - 1);
    std::uint64_t count = 0;
    auto count_text =
        last == std::string::npos ? std::string_view{} : std::string_view(line).substr(last + 2);
    auto [ptr, ec] =
        std::from_chars(count_text.data(), count_text.data() + count_text.size(), count);
    if (middle == std::string::npos || ec != std::errc{} ||
        ptr != count_text.data() + count_text.size()) {
      throw Error(Location::at(path, line_no, 1), "expected lemma::POS::count");
    }
    std::string_view lemma = std::string_view(line).substr(0, middle);
    if (lemma == "__NB_CORPUS_WORDS__") {
      table.corpus_words_ = std::max<std::uint64_t>(count, 1);
      continue;
    }
    std::string stems;
    std::vector<Token> words = tokenizer.words(lemma);
    for (const Token& t : words) {
      if (!stems.empty()) stems += ' ';
      stems += t.stem;
    }
    if (stems.empty()) continue;
    if (words.size() == 1) table.letters_.add_word(words[0].key);
    table.counts_[stems] += count;
    std::string_view pos = std::string_view(line).substr(middle + 2, last - middle - 2);
    table.parts_of_speech_[stems] |= pos == "N" ? 1u : 2u;
  }
  return table;
}

GeneralFrequencies GeneralFrequencies::load_bundled(Lang lang) {
  const char* name = lang == Lang::fr ? "french" : "english";
  GeneralFrequencies table =
      load(data_path(fmt::format("general-language/{}-general-language.txt", name)), lang);
  // About the frequency of an ordinary noun of the table (its median is ~100 per 28M words).
  const std::uint64_t assumed = table.corpus_words_ / 100000;
  table.add_dictionary_headwords(lang == Lang::fr ? "/usr/share/dictd/freedict-fra-eng.index"
                                                  : "/usr/share/dictd/freedict-eng-fra.index",
                                 lang, assumed);
  return table;
}

bool GeneralFrequencies::add_dictionary_headwords(const std::string& index_path, Lang lang,
                                                  std::uint64_t assumed_count) {
  std::ifstream in(index_path);
  if (!in) return false;
  Tokenizer tokenizer(lang);
  std::string line;
  while (std::getline(in, line)) {
    auto tab = line.find('\t');
    if (tab == std::string::npos || line.starts_with("00database")) continue;
    std::string stems;
    std::vector<Token> words = tokenizer.words(std::string_view(line).substr(0, tab));
    for (const Token& t : words) {
      if (!stems.empty()) stems += ' ';
      stems += t.stem;
    }
    if (stems.empty()) continue;
    if (counts_.try_emplace(stems, assumed_count).second && words.size() == 1)
      letters_.add_word(words[0].key);
  }
  return true;
}

bool GeneralFrequencies::is_noun(std::string_view stem) const {
  auto it = parts_of_speech_.find(std::string(stem));
  return it != parts_of_speech_.end() && (it->second & 1u);
}

bool GeneralFrequencies::only_modifier(std::string_view stem) const {
  auto it = parts_of_speech_.find(std::string(stem));
  return it != parts_of_speech_.end() && it->second == 2u;
}

void GeneralFrequencies::add(std::string_view stems, std::uint64_t count) {
  counts_[std::string(stems)] += count;
}

std::uint64_t GeneralFrequencies::count(std::string_view stems) const {
  auto it = counts_.find(std::string(stems));
  return it == counts_.end() ? 0 : it->second;
}

}  // namespace tandem

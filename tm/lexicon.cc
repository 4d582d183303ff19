#include "tm/lexicon.h"

#include <fstream>

#include "corpus/error.h"
#include "corpus/tokenizer.h"
#include "tm/freedict_cache.h"
#include "tm/freedict_reader.h"
#include "tm/parallel.h"

namespace tandem {
namespace {

const std::vector<Translation>& no_translations() {
  static const std::vector<Translation> empty;
  return empty;
}

// Adds `to` to the list, or raises its weight; returns whether it was new.
bool merge_into(std::vector<Translation>& list, std::string_view to, float weight) {
  for (Translation& t : list) {
    if (t.word == to) {
      if (weight > t.weight) t.weight = weight;
      return false;
    }
  }
  list.push_back({std::string(to), weight});
  return true;
}

// The list for `key`, created empty if needed; looks up before allocating a key string.
template <typename Map>
std::vector<Translation>& slot(Map& map, std::string_view key) {
  auto it = map.find(key);
  if (it != map.end()) return it->second;
  return map.emplace(std::string(key), std::vector<Translation>{}).first->second;
}

}  // namespace

void Lexicon::add(std::string_view fr, std::string_view en, float weight) {
  add_folded(fold_key(fr), fold_key(en), weight);
}

void Lexicon::add_folded(std::string_view f, std::string_view e, float weight) {
  if (f.empty() || e.empty()) return;
  if (weight > 1.0f) weight = 1.0f;
  if (merge_into(slot(fr_to_en_, f), e, weight)) ++entries_;
  merge_into(slot(en_to_fr_, e), f, weight);
}

const std::vector<Translation>& Lexicon::translations(Lang from, std::string_view key) const {
  const auto& map = from == Lang::en ? en_to_fr_ : fr_to_en_;
  auto it = map.find(key);
  return it == map.end() ? no_translations() : it->second;
}

void Lexicon::for_each(const std::function<void(std::string_view fr, std::string_view en,
                                                float weight)>& visit) const {
  for (const auto& [fr, list] : fr_to_en_)
    for (const Translation& t : list) visit(fr, t.word, t.weight);
}

void Lexicon::load_freedict(const std::string& index_path, const std::string& dict_dz_path,
                            Lang source, const EntryFilter& keep) {
  add_freedict(read_freedict(index_path, dict_dz_path), source, keep);
}

void Lexicon::add_freedict(std::span<const DictEntry> entries, Lang source,
                           const EntryFilter& keep) {
  for (const DictEntry& entry : entries) {
    std::string head = fold_key(entry.headword);
    for (const std::string& equivalent : entry.equivalents) {
      std::string other = fold_key(equivalent);
      const std::string& fr = source == Lang::en ? other : head;
      const std::string& en = source == Lang::en ? head : other;
      if (!keep || keep(fr, en)) add(fr, en);
    }
  }
}

void Lexicon::add_freedict(const FoldedFreeDict& dict, Lang source,
                           const HeadwordPrefixFilter& articles, const EntryFilter& keep) {
  const std::vector<KeyPair> pairs[] = {select_freedict(dict, source, articles, keep)};
  add_pairs(pairs);
}

std::vector<Lexicon::KeyPair> Lexicon::select_freedict(const FoldedFreeDict& dict, Lang source,
                                                       const HeadwordPrefixFilter& articles,
                                                       const EntryFilter& keep) {
  std::vector<KeyPair> out;
  dict.for_each(articles, [&](const FoldedArticle& a) {
    for (const FoldedArticle::Equivalent& e : a.equivalents) {
      // The filter sees the keys add_freedict(entries) passes it; the lexicon stores what add()
      // makes of them (the same unless folding a key changes it again).
      const bool en_head = source == Lang::en;
      if (keep && !keep(en_head ? e.key : a.key, en_head ? a.key : e.key)) continue;
      out.push_back(
          {en_head ? e.lexicon_key : a.lexicon_key, en_head ? a.lexicon_key : e.lexicon_key});
    }
  });
  return out;
}

void Lexicon::add_pairs(std::span<const std::vector<KeyPair>> lists, bool parallel) {
  // add_folded() one pair at a time, one table per thread.
  std::size_t added = 0;
  run_both(
      parallel,
      [&] {
        for (const auto& list : lists)
          for (const KeyPair& p : list)
            if (!p.fr.empty() && !p.en.empty()) merge_into(slot(en_to_fr_, p.en), p.fr, 1.0f);
      },
      [&] {
        for (const auto& list : lists)
          for (const KeyPair& p : list)
            if (!p.fr.empty() && !p.en.empty() && merge_into(slot(fr_to_en_, p.fr), p.en, 1.0f))
              ++added;
      });
  entries_ += added;
}

void Lexicon::load_installed_freedict(const EntryFilter& keep) {
  FreeDictFiles fr_en = installed_freedict(true);
  FreeDictFiles en_fr = installed_freedict(false);
  if (!keep) {
    // Both dictionaries hold some 17,000 pairs; sizing the tables once avoids rehashing.
    fr_to_en_.reserve(fr_to_en_.size() + 20000);
    en_to_fr_.reserve(en_to_fr_.size() + 20000);
  }
  // The installed dictionaries change only with their packages: read them through the cache.
  add_freedict(FoldedFreeDict::load(fr_en), Lang::fr, {}, keep);
  add_freedict(FoldedFreeDict::load(en_fr), Lang::en, {}, keep);
}

void Lexicon::load_tsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Location::in_file(path), "cannot open the dictionary");
  std::string line;
  std::uint64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab1 = line.find('\t');
    if (tab1 == std::string::npos || tab1 == 0 || tab1 + 1 == line.size())
      throw Error(Location::at(path, line_no), "expected fr<TAB>en[<TAB>weight]");
    std::size_t tab2 = line.find('\t', tab1 + 1);
    std::string_view fr = std::string_view(line).substr(0, tab1);
    std::string_view en = std::string_view(line).substr(
        tab1 + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab1 - 1);
    float weight = 1.0f;
    if (tab2 != std::string::npos) {
      std::string w = line.substr(tab2 + 1);
      std::size_t used = 0;
      try {
        weight = std::stof(w, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != w.size() || !(weight > 0.0f) || weight > 1.0f)
        throw Error(Location::at(path, line_no, tab2 + 2),
                    "the weight must be a number in (0, 1], not \"" + w + "\"");
    }
    add(fr, en, weight);
  }
}

}  // namespace tandem

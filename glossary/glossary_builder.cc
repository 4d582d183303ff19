#include "glossary/glossary_builder.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <unordered_map>

#include "glossary/candidate_extractor.h"
#include "glossary/general_frequencies.h"
#include "glossary/term_base.h"
#include "glossary/term_pairer.h"
#include "glossary/termhood.h"
#include "tm/tm_store.h"

namespace tandem {
namespace {

struct Ranked {
  CandidateExtractor extractor;
  std::vector<ScoredTerm> terms;
  std::unordered_map<std::string, double> score_of;
};

Ranked rank_language(Database& db, Lang lang) {
  Ranked r{CandidateExtractor(lang), {}, {}};
  Statement s(db,
              "SELECT s.id, s.document_id, s.text FROM sentences s "
              "WHERE s.lang = ? ORDER BY s.document_id, s.position");
  s.bind(1, to_tag(lang));
  while (s.step()) r.extractor.add_sentence(s.column_text(2), s.column_int(1), s.column_int(0));
  if (r.extractor.candidates().empty()) return r;
  r.terms = rank_terms(r.extractor, GeneralFrequencies::load_bundled(lang));
  for (const ScoredTerm& t : r.terms) r.score_of.emplace(t.term, t.score);
  return r;
}

TermEntry term_from(const TermCandidate& c, Lang lang,
                    const std::map<std::int64_t, std::string>& paths) {
  TermEntry t;
  t.lang = lang;
  t.text = c.display();
  t.context = c.example_text;
  t.frequency = c.frequency;
  if (c.example_document >= 0) {
    t.document_id = c.example_document;
    if (auto it = paths.find(c.example_document); it != paths.end()) t.source = it->second;
  }
  return t;
}

}  // namespace

ExtractReport extract_glossary(Database& db, const Lexicon* lexicon,
                               const ExtractOptions& options) {
  ExtractReport report;
  std::map<std::int64_t, std::string> paths;
  {
    Statement docs(db, "SELECT id, path FROM documents");
    while (docs.step()) paths.emplace(docs.column_int(0), docs.column_string(1));
  }
  Ranked fr = rank_language(db, Lang::fr);
  Ranked en = rank_language(db, Lang::en);
  report.fr_terms = fr.terms.size();
  report.en_terms = en.terms.size();

  // Translation units, their texts kept alive for the pairer's views.
  std::vector<std::pair<std::string, std::string>> texts;
  std::vector<std::int64_t> unit_ids;
  TranslationMemory tm(db);
  UnitFilter filter;
  filter.statuses = {UnitStatus::draft, UnitStatus::confirmed};
  tm.for_each(
      filter,
      [&](const Unit& u) {
        texts.emplace_back(u.fr, u.en);
        unit_ids.push_back(u.id);
        return true;
      },
      false);
  report.units = texts.size();
  std::vector<AlignedUnit> units;
  for (std::size_t i = 0; i < texts.size(); ++i)
    units.push_back({texts[i].first, texts[i].second, unit_ids[i]});
  PairerOptions pairer_options;
  pairer_options.min_score = options.min_pair_score;
  std::vector<TermPair> pairs = TermPairer(lexicon, pairer_options).pair(units);

  Transaction tx(db);
  TermBase base(db);
  report.removed = static_cast<std::size_t>(base.remove_extracted_proposals());
  std::set<std::string> paired_fr, paired_en;
  for (const TermPair& p : pairs) {
    // Two single words neither corpus ranks as a term ("février" ↔ "february") are ordinary
    // vocabulary, not glossary material.
    bool single = p.fr.find(' ') == std::string::npos && p.en.find(' ') == std::string::npos;
    if (single && !fr.score_of.count(p.fr) && !en.score_of.count(p.en)) continue;
    Concept c;
    c.status = EntryStatus::proposed;
    c.origin = EntryOrigin::extracted;
    c.score = p.score;
    c.frequency = p.frequency;
    TermEntry f, e;
    f.lang = Lang::fr;
    f.text = p.fr_display.empty() ? p.fr : p.fr_display;
    e.lang = Lang::en;
    e.text = p.en_display.empty() ? p.en : p.en_display;
    // The same name on both sides is written the same way, capitals included.
    if (p.fr == p.en && f.text != e.text) f.text = e.text = (f.text != p.fr ? f.text : e.text);
    if (!p.examples.empty()) {
      const auto& first = texts[p.examples.front()];
      f.context = first.first;
      e.context = first.second;
      f.source = e.source = fmt::format("tm:{}", unit_ids[p.examples.front()]);
    }
    f.frequency = e.frequency = p.frequency;
    c.terms = {f, e};
    for (std::size_t u : p.examples)
      c.examples.push_back({unit_ids[u], texts[u].first, texts[u].second});
    base.add(c);
    paired_fr.insert(p.fr);
    paired_en.insert(p.en);
    ++report.pairs;
  }
  for (auto* ranked : {&fr, &en}) {
    Lang lang = ranked->extractor.lang();
    const auto& paired = lang == Lang::fr ? paired_fr : paired_en;
    std::size_t added = 0;
    for (const ScoredTerm& t : ranked->terms) {
      if (added >= options.max_monolingual) break;
      if (paired.count(t.term)) continue;
      Concept c;
      c.status = EntryStatus::proposed;
      c.origin = EntryOrigin::extracted;
      c.score = t.score;
      const TermCandidate& cand = ranked->extractor.candidates()[t.candidate];
      c.frequency = cand.frequency;
      c.terms = {term_from(cand, lang, paths)};
      base.add(c);
      ++added;
    }
    report.monolingual += added;
  }
  tx.commit();
  return report;
}

}  // namespace tandem

#include "glossary/glossary_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "glossary/candidate_extractor.h"
#include "glossary/context_vectors.h"
#include "glossary/general_frequencies.h"
#include "glossary/term_base.h"
#include "glossary/term_pairer.h"
#include "glossary/termhood.h"
#include "tm/tm_store.h"

namespace tandem {
namespace {

struct Ranked {
  CandidateExtractor extractor;
  GeneralFrequencies general;
  CorpusContexts contexts;        // the same sentences, for distributional evidence
  std::vector<ScoredTerm> terms;  // above the termhood cut, best first
  std::vector<ScoredTerm> all;    // every candidate, best first
  // The candidates a translation unit can vouch for: twice as many as the cut keeps, since a
  // word translated in aligned text is evidence the monolingual ranking did not have.
  std::set<std::string> vouchable;
};

Ranked rank_language(Database& db, Lang lang) {
  Ranked r{CandidateExtractor(lang),
           GeneralFrequencies::load_bundled(lang),
           CorpusContexts(lang),
           {},
           {},
           {}};
  Statement s(db,
              "SELECT s.id, s.document_id, s.text FROM sentences s "
              "WHERE s.lang = ? ORDER BY s.document_id, s.position");
  s.bind(1, to_tag(lang));
  while (s.step()) {
    r.extractor.add_sentence(s.column_text(2), s.column_int(1), s.column_int(0));
    r.contexts.add_sentence(s.column_text(2));
  }
  if (r.extractor.candidates().empty()) return r;
  TermhoodOptions all;
  all.threshold = -1e9;
  r.all = rank_terms(r.extractor, r.general, all);
  r.terms.assign(r.all.begin(),
                 r.all.begin() + static_cast<std::ptrdiff_t>(f1_optimal_count(r.all)));
  for (std::size_t i = 0; i < r.all.size() && i < 2 * r.terms.size(); ++i)
    r.vouchable.insert(r.all[i].term);
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

// The candidates of one document, best first, as the comparable pairer takes them. All of them,
// not just those above the termhood cut: a term seen once in a news article rarely passes the
// cut, and being translated word for word in the paired document is evidence of its own.
std::vector<MonolingualTerm> terms_of_document(const Ranked& r, std::int64_t document) {
  std::vector<MonolingualTerm> terms;
  for (const ScoredTerm& t : r.all) {
    const TermCandidate& c = r.extractor.candidates()[t.candidate];
    if (std::find(c.documents.begin(), c.documents.end(), document) == c.documents.end()) continue;
    terms.push_back({c.term, c.words, c.stems, t.score, c.keys, c.frequency});
  }
  return terms;
}

// Whether a candidate reads as a noun phrase: its head (first word in French, last in English,
// first before "of") is a noun of the general-language table or a name, and a French term does
// not end in an infinitive after de/à ("Wagner de chercher"). Pairs found across comparable
// documents have no aligned sentence to vouch for them, so they must pass this.
bool is_noun_phrase(const TermCandidate& c, const GeneralFrequencies& general, Lang lang) {
  if (c.stems.empty()) return false;
  // A name is capitalised word by word ("Maison Blanche"), linking words apart.
  bool name = !c.cased.empty() && 2 * c.capitalised_inside >= c.frequency;
  std::size_t start = 0;
  while (name && start < c.cased.size()) {
    std::size_t end = std::min(c.cased.find(' ', start), c.cased.size());
    std::string_view word = std::string_view(c.cased).substr(start, end - start);
    if (!is_linking_word(lang, lower_case(word)) && word == lower_case(word)) name = false;
    start = end + 1;
  }
  const bool of = std::find(c.keys.begin(), c.keys.end(), "of") != c.keys.end();
  const std::string& head = lang == Lang::fr || of ? c.stems.front() : c.stems.back();
  if (!name && !general.is_noun(head)) return false;
  if (lang == Lang::fr && c.keys.size() >= 2) {
    const std::string& before = c.keys[c.keys.size() - 2];
    const std::string& last = c.keys.back();
    if ((before == "de" || before == "a" || before == "d'") &&
        (last.ends_with("er") || last.ends_with("ir") || last.ends_with("re")))
      return false;
  }
  return true;
}

// Best French term of each English term among `pairs`, to keep only mutual best pairs.
std::unordered_map<std::string, double> best_score_by_en(const std::vector<TermPair>& pairs) {
  std::unordered_map<std::string, double> best;
  for (const TermPair& p : pairs) {
    auto [it, inserted] = best.try_emplace(p.en, p.score);
    if (!inserted) it->second = std::max(it->second, p.score);
  }
  return best;
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
    // Two single words neither corpus ranks near its terms ("février" ↔ "february") are
    // ordinary vocabulary, not glossary material.
    bool single = p.fr.find(' ') == std::string::npos && p.en.find(' ') == std::string::npos;
    if (single && !fr.vouchable.count(p.fr) && !en.vouchable.count(p.en)) continue;
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
  // Term pairs across documents on the same events, for what the TM does not show.
  std::map<std::string, const TermCandidate*> fr_by_term, en_by_term;
  for (const auto& c : fr.extractor.candidates()) fr_by_term.emplace(c.term, &c);
  for (const auto& c : en.extractor.candidates()) en_by_term.emplace(c.term, &c);
  TermPairer comparable_pairer(lexicon);
  Statement document_pairs(db,
                           "SELECT fr_document, en_document FROM document_pairs "
                           "WHERE kind != 'unrelated' ORDER BY score DESC");
  while (document_pairs.step()) {
    auto fr_terms = terms_of_document(fr, document_pairs.column_int(0));
    auto en_terms = terms_of_document(en, document_pairs.column_int(1));
    std::vector<TermPair> found =
        comparable_pairer.pair_comparable(fr_terms, en_terms, 1, {&fr.contexts, &en.contexts});
    auto best_en = best_score_by_en(found);
    for (const TermPair& p : found) {
      bool multiword = p.fr.find(' ') != std::string::npos && p.en.find(' ') != std::string::npos;
      if (!multiword || p.score < options.min_document_pair_score || p.score < best_en[p.en] ||
          paired_fr.count(p.fr) || paired_en.count(p.en))
        continue;
      const TermCandidate& fr_term = *fr_by_term.at(p.fr);
      const TermCandidate& en_term = *en_by_term.at(p.en);
      if (!is_noun_phrase(fr_term, fr.general, Lang::fr) ||
          !is_noun_phrase(en_term, en.general, Lang::en))
        continue;
      Concept c;
      c.status = EntryStatus::proposed;
      c.origin = EntryOrigin::extracted;
      c.score = p.score;
      c.note = "paired across comparable documents";
      c.terms = {term_from(fr_term, Lang::fr, paths), term_from(en_term, Lang::en, paths)};
      base.add(c);
      paired_fr.insert(p.fr);
      paired_en.insert(p.en);
      ++report.pairs;
      ++report.document_pairs;
    }
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

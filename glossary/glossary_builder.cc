#include "glossary/glossary_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "corpus/tokenizer.h"
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

// Best score of each English term among `pairs`, to keep only mutual best pairs.
std::unordered_map<std::string, double> best_score_by_en(const std::vector<TermPair>& pairs) {
  std::unordered_map<std::string, double> best;
  for (const TermPair& p : pairs) {
    auto [it, inserted] = best.try_emplace(p.en, p.score);
    if (!inserted) it->second = std::max(it->second, p.score);
  }
  return best;
}

// Candidates of the given documents, best first, at most kMaxComparableTerms.
constexpr std::size_t kMaxComparableTerms = 20000;
std::vector<const TermCandidate*> candidates_in(const Ranked& r,
                                                const std::set<std::int64_t>& documents) {
  std::vector<const TermCandidate*> out;
  for (const ScoredTerm& t : r.all) {
    if (out.size() >= kMaxComparableTerms) break;
    const TermCandidate& c = r.extractor.candidates()[t.candidate];
    if (std::any_of(c.documents.begin(), c.documents.end(),
                    [&](std::int64_t d) { return documents.count(d) > 0; }))
      out.push_back(&c);
  }
  return out;
}

// Term pairs between documents on the same events (document_pairs), for what the TM does not
// show ("matériel militaire" ↔ "military equipment" in loosely translated sentences). One
// comparable pairing of the paired documents' candidates (the distributional model is built
// once); a pair is kept when both are multi-word noun phrases, each is the other's best, their
// words explain each other one by one (coverage, not contexts alone), they occur in one
// document pair and the sentences around them correspond.
struct ComparablePair {
  TermPair pair;
  const TermCandidate* fr = nullptr;
  const TermCandidate* en = nullptr;
};
// Whether the sentences two terms were first seen in say the same thing around them: at least
// two other words of the French sentence find a translation (same spelling, lexicon, cognate) in
// the English one — names, places, numbers. Without it, word-level evidence alone pairs
// "murs tendus" with "broken wall" across two novels.
bool contexts_correspond(const TermCandidate& f, const TermCandidate& e, TermPairer& pairer,
                         Tokenizer& fr_tokenizer, Tokenizer& en_tokenizer) {
  auto content = [](std::vector<Token> tokens, Lang lang, const TermCandidate& term) {
    std::vector<Token> out;
    for (Token& t : tokens)
      if (t.key.size() >= 3 && !is_function_word(lang, t.key) &&
          std::find(term.words.begin(), term.words.end(), t.key) == term.words.end())
        out.push_back(std::move(t));
    return out;
  };
  auto fr_words = content(fr_tokenizer.words(f.example_text), Lang::fr, f);
  auto en_words = content(en_tokenizer.words(e.example_text), Lang::en, e);
  std::set<std::string> matched;
  for (const Token& a : fr_words)
    for (const Token& b : en_words)
      if (!matched.count(a.key) && pairer.word_evidence(a.key, a.stem, b.key, b.stem) >= 0.9)
        matched.insert(a.key);
  return matched.size() >= 2;
}

std::vector<ComparablePair> comparable_document_pairs(Database& db, const Ranked& fr,
                                                      const Ranked& en, const Lexicon* lexicon,
                                                      double min_score) {
  constexpr double kMinCoverage = 0.75;
  std::set<std::pair<std::int64_t, std::int64_t>> document_pairs;
  std::set<std::int64_t> fr_documents, en_documents;
  Statement s(db, "SELECT fr_document, en_document FROM document_pairs WHERE kind = 'comparable'");
  while (s.step()) {
    document_pairs.emplace(s.column_int(0), s.column_int(1));
    fr_documents.insert(s.column_int(0));
    en_documents.insert(s.column_int(1));
  }
  if (document_pairs.empty()) return {};
  std::vector<const TermCandidate*> fr_candidates = candidates_in(fr, fr_documents);
  std::vector<const TermCandidate*> en_candidates = candidates_in(en, en_documents);
  auto as_terms = [](const std::vector<const TermCandidate*>& candidates) {
    std::vector<MonolingualTerm> terms;
    double weight = static_cast<double>(candidates.size());
    for (const TermCandidate* c : candidates)
      terms.push_back({c->term, c->words, c->stems, weight--, c->keys, c->frequency});
    return terms;
  };
  std::vector<MonolingualTerm> fr_terms = as_terms(fr_candidates);
  std::vector<MonolingualTerm> en_terms = as_terms(en_candidates);
  TermPairer pairer(lexicon);
  std::vector<TermPair> found =
      pairer.pair_comparable(fr_terms, en_terms, 1, {&fr.contexts, &en.contexts});
  Tokenizer fr_tokenizer(Lang::fr), en_tokenizer(Lang::en);
  std::unordered_map<std::string, const TermCandidate*> fr_by_term, en_by_term;
  for (const TermCandidate* c : fr_candidates) fr_by_term.emplace(c->term, c);
  for (const TermCandidate* c : en_candidates) en_by_term.emplace(c->term, c);
  auto best_en = best_score_by_en(found);
  auto share_a_document_pair = [&](const TermCandidate& f, const TermCandidate& e) {
    for (std::int64_t a : f.documents)
      for (std::int64_t b : e.documents)
        if (document_pairs.count({a, b})) return true;
    return false;
  };
  std::vector<ComparablePair> kept;
  for (const TermPair& p : found) {
    const TermCandidate& f = *fr_by_term.at(p.fr);
    const TermCandidate& e = *en_by_term.at(p.en);
    bool multiword = f.stems.size() > 1 && e.stems.size() > 1;
    if (!multiword || p.score < min_score || p.coverage < kMinCoverage || p.score < best_en[p.en] ||
        !is_noun_phrase(f, fr.general, Lang::fr) || !is_noun_phrase(e, en.general, Lang::en) ||
        !share_a_document_pair(f, e) ||
        !contexts_correspond(f, e, pairer, fr_tokenizer, en_tokenizer))
      continue;
    kept.push_back({p, &f, &e});
  }
  return kept;
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
  for (const ComparablePair& found :
       comparable_document_pairs(db, fr, en, lexicon, options.min_document_pair_score)) {
    const TermPair& p = found.pair;
    if (paired_fr.count(p.fr) || paired_en.count(p.en)) continue;
    Concept c;
    c.status = EntryStatus::proposed;
    c.origin = EntryOrigin::extracted;
    c.score = p.score;
    c.note = "paired across comparable documents";
    c.terms = {term_from(*found.fr, Lang::fr, paths), term_from(*found.en, Lang::en, paths)};
    base.add(c);
    paired_fr.insert(p.fr);
    paired_en.insert(p.en);
    ++report.pairs;
    ++report.document_pairs;
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

#include "glossary/term_list.h"

#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "corpus/text_reader.h"

namespace tandem {

namespace {

// Candidates identified by the stems of their content words, in order: inflections and
// lemmas of one term share it.
std::string stem_signature(const std::vector<std::string>& stems) {
  std::string out;
  for (const std::string& s : stems) (out += s) += '\x1f';
  return out;
}

// The listed term's own candidate, read by `extractor` as a sentence of its own: the one
// spanning the whole term, else the longest (a list may hold a term the extractor would cut,
// e.g. one ending in a function word).
const TermCandidate* describe(CandidateExtractor& extractor, const std::string& term) {
  const TermCandidate* best = nullptr;
  for (std::size_t i : extractor.add_sentence(term, 0)) {
    const TermCandidate& c = extractor.candidates()[i];
    if (c.term == term) return &c;
    if (!best || c.token_count > best->token_count) best = &c;
  }
  return best;
}

}  // namespace

std::vector<std::string> read_term_list(const std::string& path) {
  DecodedText text = read_text_file(path);
  std::vector<std::string> terms;
  std::unordered_set<std::string> seen;
  std::string_view rest = text.utf8;
  while (!rest.empty()) {
    std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    std::string term = term_form(line.substr(0, line.find('\t')));
    if (term.empty() || term.front() == '#') continue;
    if (seen.insert(term).second) terms.push_back(std::move(term));
  }
  return terms;
}

std::vector<MonolingualTerm> resolve_term_list(Lang lang, std::span<const std::string> terms,
                                               const CandidateExtractor& corpus,
                                               std::span<const ScoredTerm> ranking) {
  constexpr double kUnranked = -std::numeric_limits<double>::infinity();
  const auto& candidates = corpus.candidates();
  std::vector<double> score(candidates.size(), kUnranked);
  for (const ScoredTerm& t : ranking) score.at(t.candidate) = t.score;
  std::unordered_map<std::string, std::vector<std::size_t>> by_stems;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    by_stems[stem_signature(candidates[i].stems)].push_back(i);

  CandidateOptions long_terms;
  long_terms.max_tokens = 12;  // a listed term is taken whole, however long
  CandidateExtractor own(lang, long_terms);
  std::vector<MonolingualTerm> out;
  out.reserve(terms.size());
  for (const std::string& term : terms) {
    const TermCandidate* self = describe(own, term);
    MonolingualTerm m;
    m.term = term;
    m.weight = kUnranked;
    if (self) {
      m.words = self->words;
      m.stems = self->stems;
      m.keys = self->keys;
      auto found = by_stems.find(stem_signature(self->stems));
      if (found != by_stems.end()) {
        // The best-ranked variant speaks for the term; all of them count.
        std::size_t best = found->second.front();
        for (std::size_t i : found->second) {
          m.frequency += candidates[i].frequency;
          if (score[i] > score[best]) best = i;
        }
        m.words = candidates[best].words;
        m.keys = candidates[best].keys;
        m.weight = score[best];
      }
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace tandem

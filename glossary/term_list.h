// A person's own list of terms, for pairing: a terminologist who already has the French terms
// of a domain (from a client, an earlier extraction, a standard) wants their English
// equivalents found in an English corpus, or two such lists matched with each other.
//
// The file has one term per line; anything after a tab is ignored, so `tandem terms` output
// (TERM<TAB>SCORE) and two-column glossaries read as they are; empty lines and lines starting
// with '#' are skipped. Listed terms may be lemmas ("énergie éolien") or any inflection: each is
// found among a corpus's candidates by the stems of its content words in order, so "énergie
// éolien" takes the occurrences, contexts and frequency of "énergie éolienne" and "énergies
// éoliennes" together. A term the corpus never uses is still kept, described from its own words
// (frequency 0): compositional evidence still translates it.
//
// Thread-safety: pure functions (resolve_term_list builds its own extractor).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "glossary/candidate_extractor.h"
#include "glossary/term_pairer.h"
#include "glossary/termhood.h"

namespace tandem {

// The terms of a list file, in file order, each once, in term_form() (lower case, single
// spaces). Errors (unreadable file, bad encoding) name the file, and the byte for bad encoding.
std::vector<std::string> read_term_list(const std::string& path);

// The listed terms as the pairer takes them, in list order. `corpus` holds the candidates of
// the corpus the terms come from; `ranking` their termhood (rank_terms), whose score becomes the
// weight that breaks ties between translations. The term text stays as listed.
std::vector<MonolingualTerm> resolve_term_list(Lang lang, std::span<const std::string> terms,
                                               const CandidateExtractor& corpus,
                                               std::span<const ScoredTerm> ranking);

}  // namespace tandem

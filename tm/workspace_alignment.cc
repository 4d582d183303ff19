#include "tm/workspace_alignment.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "corpus/error.h"
#include "tm/learned_lexicon_store.h"
#include "tm/mining_lexicon_learner.h"
#include "tm/related.h"
#include "tm/sentence_aligner.h"
#include "tm/tm_store.h"

namespace tandem {
namespace {

std::string evidence_json(const DocumentPairEvidence& e) {
  nlohmann::json terms = nlohmann::json::array();
  for (const TermMatch& t : e.terms) terms.push_back({{"fr", t.fr}, {"en", t.en}});
  return nlohmann::json{{"entities", e.entities},
                        {"numbers", e.numbers},
                        {"terms", terms},
                        {"overlap", e.overlap},
                        {"date_factor", e.date_factor}}
      .dump();
}

std::string join_range(const std::vector<std::string>& sentences, std::uint32_t begin,
                       std::uint32_t count) {
  std::string out;
  for (std::uint32_t i = begin; i < begin + count; ++i)
    out += (out.empty() ? "" : " ") + sentences[i];
  return out;
}

}  // namespace

double mined_unit_score(float margin, float threshold) {
  return margin > 0 ? margin / (margin + threshold) : 0.0;
}

WorkspaceAlignResult align_workspace(Database& db, Lexicon& lexicon,
                                     const WorkspaceAlignOptions& options) {
  LearnedLexiconStore store(db);
  store.load_into(lexicon);
  WorkspaceDocuments ws = load_workspace_documents(db);
  std::map<std::int64_t, std::size_t> index_of;
  for (std::size_t i = 0; i < ws.documents.size(); ++i) index_of[ws.documents[i].id] = i;
  for (const auto& [fr, en] : options.pairs) {
    for (std::int64_t id : {fr, en})
      if (!index_of.count(id))
        throw Error(fmt::format("no French or English document with id {} in the workspace", id));
    if (ws.documents[index_of[fr]].lang != Lang::fr || ws.documents[index_of[en]].lang != Lang::en)
      throw Error(
          fmt::format("--pair {} {}: the first document must be French and the second "
                      "English",
                      fr, en));
  }

  DocumentPairer pairer(lexicon, options.pairing);
  std::vector<DocumentPair> pairs = pairer.pair(ws.documents);
  std::vector<const DocumentPair*> chosen;
  if (options.pairs.empty()) {
    for (const DocumentPair& p : pairs)
      if (p.kind != PairKind::unrelated && p.score >= options.min_score) chosen.push_back(&p);
  } else {
    for (const auto& [fr, en] : options.pairs) {
      auto it = std::find_if(pairs.begin(), pairs.end(), [&](const DocumentPair& p) {
        return p.fr == index_of[fr] && p.en == index_of[en];
      });
      if (it != pairs.end()) chosen.push_back(&*it);
    }
  }

  WorkspaceAlignResult result;
  std::vector<NewUnit> units;
  std::vector<StoredDocumentPair> stored;
  const float threshold = options.pairing.link_threshold;
  for (const DocumentPair* p : chosen) {
    const PairingDocument& fr = ws.documents[p->fr];
    const PairingDocument& en = ws.documents[p->en];
    const auto& fr_ids = ws.sentence_ids[p->fr];
    const auto& en_ids = ws.sentence_ids[p->en];
    std::size_t before = units.size();
    if (p->kind == PairKind::translation) {
      for (const Bead& b : align_sentences(fr.sentences, en.sentences, &lexicon).beads) {
        if (b.fr_count == 0 || b.en_count == 0) continue;
        NewUnit u;
        u.fr = join_range(fr.sentences, b.fr_begin, b.fr_count);
        u.en = join_range(en.sentences, b.en_begin, b.en_count);
        u.origin = Origin::aligned;
        u.score = std::clamp(b.score, 0.0, 1.0);
        for (std::uint32_t i = b.fr_begin; i < b.fr_begin + b.fr_count; ++i)
          u.fr_sentences.push_back({fr.id, fr_ids[i]});
        for (std::uint32_t i = b.en_begin; i < b.en_begin + b.en_count; ++i)
          u.en_sentences.push_back({en.id, en_ids[i]});
        units.push_back(std::move(u));
      }
    } else {
      for (const ScoredPair& link : p->links) {
        if (fr.sentences[link.fr].empty() || en.sentences[link.en].empty()) continue;
        NewUnit u;
        u.fr = fr.sentences[link.fr];
        u.en = en.sentences[link.en];
        u.origin = Origin::mined;
        u.score = mined_unit_score(link.margin, threshold);
        u.fr_sentences.push_back({fr.id, fr_ids[link.fr]});
        u.en_sentences.push_back({en.id, en_ids[link.en]});
        units.push_back(std::move(u));
      }
      // The lexicon grows with the user's material: learn from the confident mined pairs.
      std::vector<ScoredPair> confident;
      for (const ScoredPair& link : p->links)
        if (link.margin >= options.pairing.miner.learn_margin) confident.push_back(link);
      result.learned += learn_translations(pairer.keys(), pairer.side(p->fr), pairer.side(p->en),
                                           confident, options.pairing.miner.similarity, {});
    }
    result.pairs.push_back({fr.id, en.id, p->kind, p->score, units.size() - before});
    stored.push_back({fr.id, en.id, p->score, std::string(to_string(p->kind)),
                      static_cast<std::int64_t>(units.size() - before),
                      evidence_json(p->evidence)});
  }

  std::vector<LearnedEntry> learned;
  for (const auto& [fr, en] : pairer.keys().learned()) learned.push_back({fr, en, 0.5f, "mined"});

  Transaction tx(db);
  if (!units.empty()) result.units_inserted = TranslationMemory(db).add_units(units).inserted;
  store.save_pairs(stored);
  store.save(learned);
  tx.commit();
  return result;
}

}  // namespace tandem

#include "tm/related.h"

#include "corpus/corpus_store.h"

namespace tandem {

WorkspaceDocuments load_workspace_documents(Database& db) {
  WorkspaceDocuments out;
  CorpusStore store(db);
  for (const DocumentSummary& summary : store.list()) {
    if (summary.lang != Lang::fr && summary.lang != Lang::en) continue;
    PairingDocument doc{summary.id, summary.lang, {}, summary.date};
    std::vector<std::int64_t> ids;
    for (StoredSentence& s : store.sentences(summary.id)) {
      doc.sentences.push_back(std::move(s.text));
      ids.push_back(s.id);
    }
    out.documents.push_back(std::move(doc));
    out.paths.push_back(summary.path);
    out.sentence_ids.push_back(std::move(ids));
  }
  return out;
}

std::vector<RelatedDocument> find_related(DocumentPairer& pairer,
                                          std::span<const PairingDocument> documents,
                                          std::size_t query, std::size_t top) {
  std::vector<RelatedDocument> out;
  for (DocumentPair& p : pairer.pair(documents, query)) {
    if (p.kind == PairKind::unrelated) continue;
    if (out.size() == top) break;
    out.push_back(
        {p.fr == query ? p.en : p.fr, p.score, p.kind, std::move(p.evidence), std::move(p.links)});
  }
  return out;
}

}  // namespace tandem

// tandem related FILE | --doc ID [--top N] [--json] — the documents and passages in the other
// language that cover the same facts, with the evidence.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "corpus/document.h"
#include "corpus/error.h"
#include "tm/bitext_miner.h"
#include "tm/related.h"
#include "tools/cli.h"

namespace tandem::cli {
namespace {

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

}  // namespace

void add_related_command(CLI::App& app, Context& context) {
  struct Args {
    std::string file;
    std::optional<std::int64_t> doc;
    std::size_t top = 5;
    std::size_t passages = 5;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "related", "Documents and passages in the other language that cover the same facts");
  auto* file = cmd->add_option("FILE", args->file, "A text file (not added to the workspace)")
                   ->check(CLI::ExistingFile);
  auto* doc = cmd->add_option("--doc", args->doc, "A workspace document id");
  file->excludes(doc);
  cmd->add_option("--top", args->top, "How many documents");
  cmd->add_option("--passages", args->passages, "How many passages per document");
  cmd->add_flag("--json", args->json, "JSON array of related documents");
  cmd->callback([args, &context] {
    if (args->file.empty() && !args->doc) throw CLI::RequiredError("FILE or --doc");
    Workspace workspace = context.open_workspace();
    WorkspaceDocuments ws = load_workspace_documents(workspace.db());
    std::size_t query = ws.documents.size();
    if (args->doc) {
      for (std::size_t i = 0; i < ws.documents.size(); ++i)
        if (ws.documents[i].id == *args->doc) query = i;
      if (query == ws.documents.size())
        throw Error(fmt::format("no French or English document with id {}", *args->doc));
    } else {
      Document parsed = DocumentParser().parse_file(args->file);
      if (parsed.lang != Lang::fr && parsed.lang != Lang::en)
        throw Error(Location::in_file(args->file), "neither French nor English");
      PairingDocument d{0, parsed.lang, {}, parsed.date};
      for (Sentence& s : parsed.sentences) d.sentences.push_back(std::move(s.text));
      ws.documents.push_back(std::move(d));
      ws.paths.push_back(args->file);
      ws.sentence_ids.emplace_back();
    }
    Lexicon lexicon;
    load_mining_lexicon(lexicon);
    DocumentPairer pairer(lexicon);
    auto related = find_related(pairer, ws.documents, query, args->top);
    const PairingDocument& q = ws.documents[query];
    auto texts = [&](const RelatedDocument& r, const ScoredPair& p) {
      const PairingDocument& other = ws.documents[r.document];
      const PairingDocument& fr = q.lang == Lang::fr ? q : other;
      const PairingDocument& en = q.lang == Lang::fr ? other : q;
      return std::pair<const std::string&, const std::string&>(fr.sentences[p.fr],
                                                               en.sentences[p.en]);
    };
    nlohmann::json out = nlohmann::json::array();
    for (const RelatedDocument& r : related) {
      const PairingDocument& other = ws.documents[r.document];
      if (args->json) {
        nlohmann::json passages = nlohmann::json::array(), terms = nlohmann::json::array();
        for (std::size_t i = 0; i < r.passages.size() && i < args->passages; ++i) {
          auto [fr, en] = texts(r, r.passages[i]);
          passages.push_back({{"fr", fr}, {"en", en}, {"score", r.passages[i].margin}});
        }
        for (const TermMatch& t : r.evidence.terms) terms.push_back({{"fr", t.fr}, {"en", t.en}});
        out.push_back({{"id", other.id},
                       {"path", ws.paths[r.document]},
                       {"lang", to_tag(other.lang)},
                       {"score", r.score},
                       {"kind", to_string(r.kind)},
                       {"entities", r.evidence.entities},
                       {"numbers", r.evidence.numbers},
                       {"terms", terms},
                       {"passages", passages}});
        continue;
      }
      fmt::print("{}\t{}\t{:.3f}\t{}\t{}\n", other.id, to_tag(other.lang), r.score,
                 to_string(r.kind), ws.paths[r.document]);
      if (!r.evidence.entities.empty()) fmt::print("  entities: {}\n", join(r.evidence.entities));
      if (!r.evidence.numbers.empty()) fmt::print("  numbers: {}\n", join(r.evidence.numbers));
      if (!r.evidence.terms.empty()) {
        std::vector<std::string> terms;
        for (const TermMatch& t : r.evidence.terms) terms.push_back(t.fr + "=" + t.en);
        fmt::print("  terms: {}\n", join(terms));
      }
      for (std::size_t i = 0; i < r.passages.size() && i < args->passages; ++i) {
        auto [fr, en] = texts(r, r.passages[i]);
        fmt::print("  passage\t{:.3f}\t{}\t{}\n", r.passages[i].margin, fr, en);
      }
    }
    if (args->json) fmt::print("{}\n", out.dump(2));
    if (related.empty()) context.warn("no related document in the workspace");
  });
}

}  // namespace tandem::cli

// tandem corpus add|list|show|remove — the documents of the workspace.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "corpus/corpus_store.h"
#include "corpus/document.h"
#include "corpus/error.h"
#include "tools/cli.h"
#include "tools/options.h"

namespace tandem::cli {
namespace {

nlohmann::json summary_json(const DocumentSummary& d) {
  return {{"id", d.id},
          {"path", d.path},
          {"lang", to_tag(d.lang)},
          {"lang_confidence", d.lang_confidence},
          {"encoding", d.encoding},
          {"date", d.date ? nlohmann::json(*d.date) : nlohmann::json()},
          {"added_at", d.added_at},
          {"sentences", d.sentences},
          {"boilerplate", d.boilerplate}};
}

void add_add(CLI::App& corpus, Context& context) {
  struct Args {
    std::vector<std::string> files;
    std::string lang = "auto";
    bool replace_invalid = false;
    bool skip_bad = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = corpus.add_subcommand("add", "Add documents (language detected unless --lang)");
  cmd->add_option("FILE", args->files, "Text files")->required();
  cmd->add_option("--lang", args->lang, "Language of every file")
      ->check(CLI::IsMember({"fr", "en", "auto"}));
  cmd->add_flag("--replace-invalid", args->replace_invalid,
                "Replace invalid UTF-8 byte sequences instead of refusing the file");
  cmd->add_flag("--skip-bad", args->skip_bad,
                "Add the good files when some fail (default: a failure adds nothing)");
  cmd->callback([args, &context] {
    ParseOptions options{parse_lang_option(args->lang), args->replace_invalid};
    DocumentParser parser;
    std::vector<Document> documents;
    int failures = 0;
    for (const std::string& file : args->files) {
      try {
        documents.push_back(parser.parse_file(file, options));
      } catch (const Error& e) {
        if (!args->skip_bad) throw;
        fmt::print(stderr, "tandem: error: {}\n", e.describe());
        ++failures;
      }
    }
    Workspace workspace = context.open_workspace();
    CorpusStore store(workspace.db());
    auto results = store.add_all(documents);
    for (std::size_t i = 0; i < documents.size(); ++i) {
      const Document& doc = documents[i];
      for (const std::string& warning : doc.warnings)
        context.warn(fmt::format("{}: {}", doc.path, warning));
      if (results[i].added) {
        fmt::print("added\t{}\t{}\t{}\t{} sentences\t{} boilerplate\n", results[i].id,
                   to_tag(doc.lang), doc.path, doc.sentences.size(), doc.boilerplate.size());
      } else {
        fmt::print("unchanged\t{}\t{}\t{}\t(same content already in the workspace)\n",
                   results[i].id, to_tag(doc.lang), doc.path);
      }
    }
    if (failures > 0) context.exit_code = 1;
  });
}

void add_list(CLI::App& corpus, Context& context) {
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = corpus.add_subcommand("list", "List the documents");
  cmd->add_flag("--json", *json, "JSON array of objects (id, path, lang, sentences, ...)");
  cmd->callback([json, &context] {
    Workspace workspace = context.open_workspace();
    auto documents = CorpusStore(workspace.db()).list();
    if (*json) {
      nlohmann::json array = nlohmann::json::array();
      for (const auto& d : documents) array.push_back(summary_json(d));
      fmt::print("{}\n", array.dump(2));
      return;
    }
    for (const auto& d : documents) {
      fmt::print("{}\t{}\t{:.2f}\t{}\t{}\n", d.id, to_tag(d.lang), d.lang_confidence, d.sentences,
                 d.path);
    }
  });
}

void add_show(CLI::App& corpus, Context& context) {
  struct Args {
    std::int64_t id = 0;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd =
      corpus.add_subcommand("show", "Show a document: metadata, sentences, boilerplate");
  cmd->add_option("ID", args->id, "Document id (see corpus list)")->required();
  cmd->add_flag("--json", args->json, "JSON output");
  cmd->callback([args, &context] {
    Workspace workspace = context.open_workspace();
    auto details = CorpusStore(workspace.db()).get(args->id);
    if (!details) throw Error(fmt::format("no document with id {}", args->id));
    if (args->json) {
      nlohmann::json out = summary_json(details->summary);
      out["metadata"] = nlohmann::json::object();
      for (const auto& m : details->metadata) out["metadata"][m.key] = m.value;
      out["sentence_list"] = nlohmann::json::array();
      for (const auto& s : details->sentences)
        out["sentence_list"].push_back({{"position", s.position},
                                        {"paragraph", s.paragraph},
                                        {"lang", to_tag(s.lang)},
                                        {"text", s.text}});
      out["boilerplate_list"] = nlohmann::json::array();
      for (const auto& b : details->boilerplate)
        out["boilerplate_list"].push_back(
            {{"paragraph", b.paragraph}, {"reason", b.reason}, {"text", b.text}});
      fmt::print("{}\n", out.dump(2));
      return;
    }
    const auto& s = details->summary;
    fmt::print("# document {}: {}\n# lang {} ({:.2f}), encoding {}, added {}\n", s.id, s.path,
               to_tag(s.lang), s.lang_confidence, s.encoding, s.added_at);
    for (const auto& m : details->metadata) fmt::print("# {}: {}\n", m.key, m.value);
    for (const auto& sentence : details->sentences)
      fmt::print("{}\t{}\n", sentence.position, sentence.text);
    for (const auto& b : details->boilerplate) fmt::print("# dropped ({}): {}\n", b.reason, b.text);
  });
}

void add_remove(CLI::App& corpus, Context& context) {
  auto id = std::make_shared<std::int64_t>(0);
  CLI::App* cmd = corpus.add_subcommand("remove", "Remove a document and its sentences");
  cmd->add_option("ID", *id, "Document id")->required();
  cmd->callback([id, &context] {
    Workspace workspace = context.open_workspace();
    if (!CorpusStore(workspace.db()).remove(*id))
      throw Error(fmt::format("no document with id {}", *id));
    fmt::print("removed\t{}\n", *id);
  });
}

}  // namespace

void add_corpus_command(CLI::App& app, Context& context) {
  CLI::App* corpus = app.add_subcommand("corpus", "Manage the documents of the workspace");
  corpus->require_subcommand(1);
  add_add(*corpus, context);
  add_list(*corpus, context);
  add_show(*corpus, context);
  add_remove(*corpus, context);
}

}  // namespace tandem::cli

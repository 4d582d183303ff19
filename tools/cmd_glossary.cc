// tandem glossary extract|add|edit|remove|list|approve|lookup|export|import — the term base.
#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "corpus/error.h"
#include "corpus/segmenter.h"
#include "corpus/text_reader.h"
#include "glossary/candidate_extractor.h"
#include "glossary/context_vectors.h"
#include "glossary/csv.h"
#include "glossary/general_frequencies.h"
#include "glossary/glossary_builder.h"
#include "glossary/tbx_reader.h"
#include "glossary/tbx_writer.h"
#include "glossary/term_base.h"
#include "glossary/term_list.h"
#include "glossary/term_lookup.h"
#include "glossary/term_pairer.h"
#include "glossary/termhood.h"
#include "tools/cli.h"

namespace tandem::cli {
namespace {

nlohmann::json term_json(const TermEntry& t) {
  nlohmann::json j = {{"lang", to_tag(t.lang)},      {"term", t.text},
                      {"usage", to_string(t.usage)}, {"part_of_speech", t.part_of_speech},
                      {"context", t.context},        {"source", t.source},
                      {"frequency", t.frequency}};
  j["document_id"] = t.document_id ? nlohmann::json(*t.document_id) : nlohmann::json();
  return j;
}

nlohmann::json concept_json(const Concept& c) {
  nlohmann::json terms = nlohmann::json::array();
  for (const TermEntry& t : c.terms) terms.push_back(term_json(t));
  nlohmann::json examples = nlohmann::json::array();
  for (const PairExample& e : c.examples)
    examples.push_back({{"unit_id", e.unit_id ? nlohmann::json(*e.unit_id) : nlohmann::json()},
                        {"fr", e.fr},
                        {"en", e.en}});
  return {{"id", c.id},
          {"status", to_string(c.status)},
          {"origin", to_string(c.origin)},
          {"score", c.score},
          {"frequency", c.frequency},
          {"subject_field", c.subject_field},
          {"definition", c.definition},
          {"note", c.note},
          {"terms", terms},
          {"examples", examples}};
}

std::string side(const Concept& c, Lang lang) {
  std::string out;
  for (const TermEntry& t : c.terms) {
    if (t.lang != lang) continue;
    if (!out.empty()) out += " | ";
    out += t.text;
    if (t.usage != UsageStatus::admitted) out += fmt::format(" ({})", to_string(t.usage));
  }
  return out.empty() ? "-" : out;
}

void print_concept_line(const Concept& c) {
  fmt::print("{}\t{}\t{}\t{}\t{:.3f}\n", c.id, to_string(c.status), side(c, Lang::fr),
             side(c, Lang::en), c.score);
}

std::optional<UsageStatus> parse_usage(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto u = usage_status_from_string(text);
  if (!u) throw CLI::ValidationError("--usage", "preferred, admitted or deprecated");
  return u;
}

struct TermOptions {
  std::vector<std::string> fr, en;
  std::string pos, usage;
  std::string subject, definition, note, context;
};

void add_term_options(CLI::App* cmd, TermOptions& o) {
  cmd->add_option("--fr", o.fr, "French term (repeatable; the first is preferred)");
  cmd->add_option("--en", o.en, "English term (repeatable; the first is preferred)");
  cmd->add_option("--pos", o.pos, "Part of speech of the terms")
      ->check(CLI::IsMember({"noun", "verb", "adjective", "adverb", "other"}));
  cmd->add_option("--usage", o.usage, "Usage status of the given terms")
      ->check(CLI::IsMember({"preferred", "admitted", "deprecated"}));
  cmd->add_option("--subject", o.subject, "Subject field");
  cmd->add_option("--definition", o.definition, "Definition");
  cmd->add_option("--note", o.note, "Note");
  cmd->add_option("--context", o.context, "Example sentence for the terms");
}

std::vector<TermEntry> terms_from(const TermOptions& o) {
  std::vector<TermEntry> terms;
  for (Lang lang : {Lang::fr, Lang::en}) {
    const auto& texts = lang == Lang::fr ? o.fr : o.en;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      TermEntry t;
      t.lang = lang;
      t.text = texts[i];
      t.part_of_speech = o.pos;
      t.context = o.context;
      t.usage = parse_usage(o.usage).value_or(i == 0 && texts.size() > 1 ? UsageStatus::preferred
                                                                         : UsageStatus::admitted);
      terms.push_back(std::move(t));
    }
  }
  return terms;
}

Concept require_concept(TermBase& base, std::int64_t id) {
  auto c = base.get(id);
  if (!c) throw Error(fmt::format("no glossary entry {}", id));
  return *c;
}

void add_extract(CLI::App& parent, Context& context) {
  auto options = std::make_shared<ExtractOptions>();
  auto no_dictionary = std::make_shared<bool>(false);
  CLI::App* cmd = parent.add_subcommand("extract", "Propose entries from the corpus and the TM");
  cmd->add_option("--max-monolingual", options->max_monolingual,
                  "One-language proposals kept per language");
  cmd->add_option("--min-pair-score", options->min_pair_score, "Pairs scoring less are dropped")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--no-dictionary", *no_dictionary, "Do not use the FreeDict dictionaries");
  cmd->callback([options, no_dictionary, &context] {
    Workspace ws = context.open_workspace();
    Lexicon lexicon;
    bool have_lexicon = false;
    if (!*no_dictionary) {
      try {
        lexicon.load_installed_freedict();
        have_lexicon = true;
      } catch (const Error& e) {
        context.warn(fmt::format("pairing without a dictionary: {}", e.describe()));
      }
    }
    ExtractReport r = extract_glossary(ws.db(), have_lexicon ? &lexicon : nullptr, *options);
    context.info(fmt::format(
        "{} French and {} English terms ranked, {} units read; proposed {} pairs ({} across "
        "comparable documents) and {} one-language entries (replacing {} earlier proposals)",
        r.fr_terms, r.en_terms, r.units, r.pairs, r.document_pairs, r.monolingual, r.removed));
  });
}

void add_add(CLI::App& parent, Context& context) {
  auto o = std::make_shared<TermOptions>();
  auto approved = std::make_shared<bool>(false);
  CLI::App* cmd = parent.add_subcommand("add", "Add an entry (printed: its id)");
  add_term_options(cmd, *o);
  cmd->add_flag("--approved", *approved, "Add it approved rather than proposed");
  cmd->callback([o, approved, &context] {
    if (o->fr.empty() && o->en.empty()) throw CLI::ValidationError("add", "give --fr and/or --en");
    Workspace ws = context.open_workspace();
    TermBase base(ws.db());
    Concept c;
    c.subject_field = o->subject;
    c.definition = o->definition;
    c.note = o->note;
    c.status = *approved ? EntryStatus::approved : EntryStatus::proposed;
    c.terms = terms_from(*o);
    fmt::print("{}\n", base.add(c));
  });
}

void add_edit(CLI::App& parent, Context& context) {
  auto o = std::make_shared<TermOptions>();
  auto id = std::make_shared<std::int64_t>(0);
  auto status = std::make_shared<std::string>();
  CLI::App* cmd = parent.add_subcommand(
      "edit", "Change an entry: given fields replace, --fr/--en replace that language's terms");
  cmd->add_option("id", *id, "Entry id")->required();
  add_term_options(cmd, *o);
  cmd->add_option("--status", *status, "Entry status")
      ->check(CLI::IsMember({"proposed", "approved"}));
  cmd->callback([o, id, status, &context] {
    Workspace ws = context.open_workspace();
    TermBase base(ws.db());
    Concept c = require_concept(base, *id);
    auto set = [](std::string& field, const std::string& value) {
      if (!value.empty()) field = value;
    };
    set(c.subject_field, o->subject);
    set(c.definition, o->definition);
    set(c.note, o->note);
    if (!status->empty()) c.status = *entry_status_from_string(*status);
    std::vector<TermEntry> given = terms_from(*o);
    for (Lang lang : {Lang::fr, Lang::en}) {
      if ((lang == Lang::fr ? o->fr : o->en).empty()) continue;
      std::erase_if(c.terms, [&](const TermEntry& t) { return t.lang == lang; });
    }
    c.terms.insert(c.terms.end(), given.begin(), given.end());
    // Options that describe terms apply to all of them when no new terms were given.
    if (given.empty()) {
      for (TermEntry& t : c.terms) {
        if (!o->pos.empty()) t.part_of_speech = o->pos;
        if (auto u = parse_usage(o->usage)) t.usage = *u;
        if (!o->context.empty()) t.context = o->context;
      }
    }
    base.update(c);
  });
}

void add_remove(CLI::App& parent, Context& context) {
  auto ids = std::make_shared<std::vector<std::int64_t>>();
  CLI::App* cmd = parent.add_subcommand("remove", "Remove entries");
  cmd->add_option("ids", *ids, "Entry ids")->required();
  cmd->callback([ids, &context] {
    Workspace ws = context.open_workspace();
    TermBase base(ws.db());
    for (std::int64_t id : *ids) {
      if (!base.remove(id)) {
        context.warn(fmt::format("no glossary entry {}", id));
        context.exit_code = 1;
      }
    }
  });
}

void add_approve(CLI::App& parent, Context& context) {
  auto ids = std::make_shared<std::vector<std::int64_t>>();
  auto all = std::make_shared<bool>(false);
  CLI::App* cmd = parent.add_subcommand("approve", "Mark entries approved");
  cmd->add_option("ids", *ids, "Entry ids");
  cmd->add_flag("--all", *all, "Every proposed entry");
  cmd->callback([ids, all, &context] {
    if (ids->empty() && !*all) throw CLI::ValidationError("approve", "give ids or --all");
    Workspace ws = context.open_workspace();
    TermBase base(ws.db());
    if (*all)
      for (const Concept& c : base.list(EntryStatus::proposed)) ids->push_back(c.id);
    for (std::int64_t id : *ids) {
      if (!base.set_status(id, EntryStatus::approved)) {
        context.warn(fmt::format("no glossary entry {}", id));
        context.exit_code = 1;
      }
    }
  });
}

void add_list(CLI::App& parent, Context& context) {
  auto status = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd =
      parent.add_subcommand("list", "Entries: ID<TAB>STATUS<TAB>FRENCH<TAB>ENGLISH<TAB>SCORE");
  cmd->add_option("--status", *status, "Only entries with this status")
      ->check(CLI::IsMember({"proposed", "approved"}));
  cmd->add_flag("--json", *json, "JSON array of entries with all their fields");
  cmd->callback([status, json, &context] {
    Workspace ws = context.open_workspace();
    TermBase base(ws.db());
    auto concepts = base.list(status->empty() ? std::nullopt : entry_status_from_string(*status));
    if (*json) {
      nlohmann::json out = nlohmann::json::array();
      for (const Concept& c : concepts) out.push_back(concept_json(c));
      fmt::print("{}\n", out.dump(2));
      return;
    }
    for (const Concept& c : concepts) print_concept_line(c);
  });
}

void add_lookup(CLI::App& parent, Context& context) {
  auto text = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto limit = std::make_shared<std::size_t>(10);
  CLI::App* cmd = parent.add_subcommand(
      "lookup", "Find a word or phrase in either language (case, accents, inflection, typos)");
  cmd->add_option("text", *text, "What to look up")->required();
  cmd->add_option("--limit", *limit, "At most this many entries");
  cmd->add_flag("--json", *json, "JSON array of {match, matched_term, entry}");
  cmd->callback([text, json, limit, &context] {
    Workspace ws = context.open_workspace();
    TermBase base(ws.db());
    auto hits = lookup_terms(base, *text, *limit);
    if (*json) {
      nlohmann::json out = nlohmann::json::array();
      for (const LookupHit& h : hits)
        out.push_back({{"match", to_string(h.kind)},
                       {"distance", h.distance},
                       {"matched_term", h.entry.terms[h.term].text},
                       {"entry", concept_json(h.entry)}});
      fmt::print("{}\n", out.dump(2));
    } else {
      for (const LookupHit& h : hits) {
        const TermEntry& m = h.entry.terms[h.term];
        Lang other = other_lang(m.lang);
        fmt::print("{} [{}] {} → {}  (#{} {}, {} match)\n", m.text, to_tag(m.lang),
                   h.entry.term_in(other) ? h.entry.term_in(other)->text : "-", to_tag(other),
                   h.entry.id, to_string(h.entry.status), to_string(h.kind));
        for (const TermEntry& t : h.entry.terms) {
          if (t.context.empty()) continue;
          fmt::print("    {}: {}{}\n", to_tag(t.lang), t.context,
                     t.source.empty() ? "" : fmt::format("  [{}]", t.source));
        }
      }
    }
    if (hits.empty()) {
      context.info(fmt::format("nothing found for \"{}\"", *text));
      context.exit_code = 1;
    }
  });
}

void add_export(CLI::App& parent, Context& context) {
  struct Args {
    std::string format = "tbx";
    std::string output;
    std::string status;
    std::string source = "fr";
  };
  auto a = std::make_shared<Args>();
  CLI::App* cmd = parent.add_subcommand("export", "Write the term base to a file");
  cmd->add_option("--format", a->format,
                  "tbx (TBX v3, TBX-Basic), tbx2 (TBX-Basic v2 for OmegaT), csv, tsv")
      ->check(CLI::IsMember({"tbx", "tbx2", "csv", "tsv"}));
  cmd->add_option("-o,--output", a->output, "Output file")->required();
  cmd->add_option("--status", a->status, "Only entries with this status")
      ->check(CLI::IsMember({"proposed", "approved"}));
  cmd->add_option("--source", a->source, "Source language, written first in TBX")
      ->check(CLI::IsMember({"fr", "en"}));
  cmd->callback([a, &context] {
    Workspace ws = context.open_workspace();
    TermBase base(ws.db());
    auto concepts =
        base.list(a->status.empty() ? std::nullopt : entry_status_from_string(a->status));
    std::size_t written = concepts.size();
    if (a->format == "tbx" || a->format == "tbx2") {
      Lang source = *lang_from_tag(a->source);
      written = write_tbx_file(a->output, concepts,
                               {a->format == "tbx" ? TbxVersion::v3 : TbxVersion::v2, source});
      if (written < concepts.size())
        context.warn(fmt::format(
            "{} entries without a {} term left out (CAT tools would read them backwards)",
            concepts.size() - written, to_tag(source)));
    } else {
      std::ofstream out(a->output, std::ios::binary);
      if (!out) throw Error(Location::in_file(a->output), "cannot create the file");
      if (a->format == "csv")
        write_csv(out, concepts);
      else
        write_tsv(out, concepts);
      out.close();
      if (!out) throw Error(Location::in_file(a->output), "cannot write the file");
    }
    context.info(fmt::format("{} entries written to {}", written, a->output));
  });
}

void add_import(CLI::App& parent, Context& context) {
  auto file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("auto");
  CLI::App* cmd = parent.add_subcommand("import", "Add the entries of a TBX (v2/v3) or CSV file");
  cmd->add_option("file", *file, "TBX or CSV file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--format", *format, "auto (by extension), tbx or csv")
      ->check(CLI::IsMember({"auto", "tbx", "csv"}));
  cmd->callback([file, format, &context] {
    std::string kind = *format;
    if (kind == "auto") kind = file->ends_with(".csv") ? "csv" : "tbx";
    std::vector<Concept> concepts;
    if (kind == "csv") {
      concepts = read_csv_file(*file);
    } else {
      TbxReadResult r = read_tbx_file(*file);
      if (r.skipped_terms)
        context.warn(
            fmt::format("{} terms in other languages than fr/en skipped", r.skipped_terms));
      concepts = std::move(r.concepts);
    }
    Workspace ws = context.open_workspace();
    TermBase base(ws.db());
    Transaction tx(ws.db());
    for (const Concept& c : concepts) base.add(c);
    tx.commit();
    context.info(fmt::format("{} entries imported from {}", concepts.size(), *file));
  });
}

// The terms of one side of pair-files and the corpus contexts (`contexts` reads the same
// sentences): the listed terms when `list` names a file, else the best-ranked candidates. Files
// are cut into sentences first: web text may hold a whole page on one line.
std::vector<MonolingualTerm> side_terms(Lang lang, const std::vector<std::string>& files,
                                        const std::string& list, std::size_t limit,
                                        CorpusContexts& contexts) {
  CandidateExtractor extractor(lang);
  Segmenter segmenter(lang);
  std::int64_t document = 0;
  for (const std::string& path : files) {
    DecodedText decoded = read_text_file(path);
    segmenter.for_each_sentence(decoded.utf8, [&](std::string_view sentence) {
      extractor.add_sentence(sentence, document);
      contexts.add_sentence(sentence);
    });
    ++document;
  }
  TermhoodOptions all;
  all.threshold = -1e9;
  std::vector<ScoredTerm> ranking =
      rank_terms(extractor, GeneralFrequencies::load_bundled(lang), all);
  if (!list.empty()) return resolve_term_list(lang, read_term_list(list), extractor, ranking);
  std::vector<MonolingualTerm> terms;
  for (const ScoredTerm& t : ranking) {
    if (terms.size() >= limit) break;
    const TermCandidate& c = extractor.candidates()[t.candidate];
    terms.push_back({c.term, c.words, c.stems, t.score, c.keys, c.frequency});
  }
  return terms;
}

void add_pair_files(CLI::App& parent, Context& context) {
  struct Args {
    std::vector<std::string> fr, en;
    std::string fr_terms, en_terms;
    std::size_t per_term = 5;
    std::size_t max_terms = 50000;
    bool no_dictionary = false;
    bool no_contexts = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* cmd = parent.add_subcommand(
      "pair-files",
      "Term translations between comparable French and English files: FR<TAB>EN<TAB>SCORE");
  cmd->add_option("--fr", a->fr, "French text files")->required()->check(CLI::ExistingFile);
  cmd->add_option("--en", a->en, "English text files")->required()->check(CLI::ExistingFile);
  cmd->add_option("--fr-terms", a->fr_terms,
                  "Pair these French terms (one a line; lemmas or any inflection) instead of "
                  "extracting them")
      ->check(CLI::ExistingFile);
  cmd->add_option("--en-terms", a->en_terms,
                  "Choose the translations among these English terms instead of extracted ones")
      ->check(CLI::ExistingFile);
  cmd->add_option("--per-term", a->per_term, "English candidates per French term");
  cmd->add_option("--max-terms", a->max_terms, "Best-ranked candidates kept per language");
  cmd->add_flag("--no-dictionary", a->no_dictionary, "Do not use the FreeDict dictionaries");
  cmd->add_flag("--no-contexts", a->no_contexts,
                "Compositional evidence only: no context vectors (distributional similarity)");
  cmd->callback([a, &context] {
    Lexicon lexicon;
    bool have_lexicon = false;
    if (!a->no_dictionary) {
      try {
        lexicon.load_installed_freedict();
        have_lexicon = true;
      } catch (const Error& e) {
        context.warn(fmt::format("pairing without a dictionary: {}", e.describe()));
      }
    }
    CorpusContexts fr_contexts(Lang::fr), en_contexts(Lang::en);
    auto fr = side_terms(Lang::fr, a->fr, a->fr_terms, a->max_terms, fr_contexts);
    auto en = side_terms(Lang::en, a->en, a->en_terms, a->max_terms, en_contexts);
    for (const auto& [list, terms] : {std::pair{&a->fr_terms, &fr}, std::pair{&a->en_terms, &en}}) {
      if (list->empty()) continue;
      auto unseen = std::count_if(terms->begin(), terms->end(),
                                  [](const MonolingualTerm& t) { return t.frequency == 0; });
      if (unseen)
        context.info(
            fmt::format("{} of the {} terms of {} do not occur in the texts (paired on "
                        "their words alone)",
                        unseen, terms->size(), *list));
    }
    TermPairer pairer(have_lexicon ? &lexicon : nullptr);
    ComparableContexts contexts;
    if (!a->no_contexts) contexts = {&fr_contexts, &en_contexts};
    for (const TermPair& p : pairer.pair_comparable(fr, en, a->per_term, contexts))
      fmt::print("{}\t{}\t{:.4f}\n", p.fr, p.en, p.score);
  });
}

}  // namespace

void add_glossary_command(CLI::App& app, Context& context) {
  CLI::App* glossary =
      app.add_subcommand("glossary", "The term base: extract, edit, look up, export");
  glossary->require_subcommand(1);
  add_extract(*glossary, context);
  add_add(*glossary, context);
  add_edit(*glossary, context);
  add_remove(*glossary, context);
  add_approve(*glossary, context);
  add_list(*glossary, context);
  add_lookup(*glossary, context);
  add_export(*glossary, context);
  add_import(*glossary, context);
  add_pair_files(*glossary, context);
}

}  // namespace tandem::cli

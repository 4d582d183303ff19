// tandem tm add|import|export|lookup|concordance|stats — the translation memory.
#include <fmt/format.h>
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "corpus/error.h"
#include "tm/concordance.h"
#include "tm/fuzzy_lookup.h"
#include "tm/tm_export.h"
#include "tm/tm_store.h"
#include "tm/tmx_import.h"
#include "tools/cli.h"

namespace tandem::cli {
namespace {

Lang lang_option(const std::string& value) { return value == "en" ? Lang::en : Lang::fr; }

// Microseconds spent in `work`, measured inside the process (batch modes report it per query).
template <typename Work>
std::int64_t micros(Work&& work) {
  auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                               start)
      .count();
}

// Numeric tuids in numeric order, others after them in byte order.
bool tuid_less(const std::string& a, const std::string& b) {
  auto numeric = [](const std::string& s) {
    return !s.empty() && s.size() < 19 && s.find_first_not_of("0123456789") == std::string::npos;
  };
  bool na = numeric(a), nb = numeric(b);
  if (na != nb) return na;
  if (na) return std::stoll(a) < std::stoll(b);
  return a < b;
}

std::string format_score(double score) { return fmt::format("{:.1f}", score); }

void add_add(CLI::App& tm, Context& context) {
  struct Args {
    std::string fr, en, src = "fr", status = "confirmed";
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = tm.add_subcommand("add", "Add a unit by hand (origin manual)");
  cmd->add_option("FR", args->fr, "French text")->required();
  cmd->add_option("EN", args->en, "English text")->required();
  cmd->add_option("--src", args->src, "Source language")->check(CLI::IsMember({"fr", "en"}));
  cmd->add_option("--status", args->status, "Status")
      ->check(CLI::IsMember({"draft", "confirmed", "rejected"}));
  cmd->callback([args, &context] {
    Workspace workspace = context.open_workspace();
    TranslationMemory memory(workspace.db());
    NewUnit unit;
    unit.fr = args->fr;
    unit.en = args->en;
    unit.src = lang_option(args->src);
    unit.origin = Origin::manual;
    unit.status = *status_from_string(args->status);
    AddResult result = memory.add_units({&unit, 1});
    fmt::print("{}\t{}\n", result.inserted ? "added" : "merged", result.ids.front());
  });
}

void add_import(CLI::App& tm, Context& context) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = tm.add_subcommand("import", "Import TMX files (1.1–1.4b, UTF-8 or UTF-16)");
  cmd->add_option("FILE", *files, "TMX files; each is imported whole or not at all")->required();
  cmd->callback([files, &context] {
    // A long import allocates and frees SQLite pages and parser nodes in waves; glibc's default
    // trimming then returns memory to the kernel and faults it back in (a third of the run time
    // in system calls). Keeping freed memory in the process costs nothing here.
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    Workspace workspace = context.open_workspace();
    TranslationMemory memory(workspace.db());
    for (const std::string& file : *files) {
      TmxImportStats stats = import_tmx(memory, file);
      if (stats.missing_srclang) {
        context.warn(
            fmt::format("{}: no srclang in the header; each unit's first French or "
                        "English variant taken as its source",
                        file));
      }
      if (stats.skipped_no_pair > 0) {
        context.warn(fmt::format("{}: {} units skipped (no French or no English text)", file,
                                 stats.skipped_no_pair));
      }
      if (stats.ignored_variants > 0) {
        context.warn(fmt::format("{}: {} variants in other languages (or repeated) ignored", file,
                                 stats.ignored_variants));
      }
      fmt::print("imported\t{}\t{} units\t{} new\t{} already present\t{} skipped\n", file,
                 stats.tus, stats.inserted, stats.merged, stats.skipped_no_pair);
    }
  });
}

void add_export(CLI::App& tm, Context& context) {
  struct Args {
    std::string output, src = "fr", format;
    std::optional<double> min_score;
    std::vector<std::string> origins, statuses;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = tm.add_subcommand("export", "Export as TMX 1.4b (or TSV)");
  cmd->add_option("-o,--output", args->output, "Output file (.tmx or .tsv)")->required();
  cmd->add_option("--src", args->src, "Source language")->check(CLI::IsMember({"fr", "en"}));
  cmd->add_option("--min-score", args->min_score, "Only units with a score ≥ S (0–1)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--origin", args->origins, "Only these origins")
      ->check(CLI::IsMember({"aligned", "mined", "imported", "manual"}));
  cmd->add_option("--status", args->statuses, "Only these statuses")
      ->check(CLI::IsMember({"draft", "confirmed", "rejected"}));
  cmd->add_option("--format", args->format, "tmx or tsv (default: from the extension, else tmx)")
      ->check(CLI::IsMember({"tmx", "tsv"}));
  cmd->callback([args, &context] {
    ExportOptions options;
    options.src = lang_option(args->src);
    bool tsv = args->format == "tsv" || (args->format.empty() && args->output.ends_with(".tsv"));
    options.format = tsv ? ExportFormat::tsv : ExportFormat::tmx;
    options.filter.min_score = args->min_score;
    for (const auto& o : args->origins) options.filter.origins.push_back(*origin_from_string(o));
    for (const auto& s : args->statuses) options.filter.statuses.push_back(*status_from_string(s));
    Workspace workspace = context.open_workspace();
    TranslationMemory memory(workspace.db());
    std::int64_t written = export_tm(memory, args->output, options);
    if (written == 0) context.warn("no unit matched: the file holds no translation unit");
    fmt::print("exported\t{}\t{} units\n", args->output, written);
  });
}

nlohmann::json match_json(const FuzzyMatch& match) {
  nlohmann::json differences = nlohmann::json::array();
  for (const auto& d : match.differences) {
    differences.push_back({{"op", d.op == MatchDifference::Op::replace  ? "replace"
                                  : d.op == MatchDifference::Op::insert ? "insert"
                                                                        : "delete"},
                           {"query", d.query},
                           {"unit", d.unit}});
  }
  return {{"id", match.unit.id},
          {"tuid", match.unit.display_tuid()},
          {"score", match.score},
          {"similarity", match.similarity},
          {"exact", match.exact},
          {"numbers_differ", match.numbers_differ},
          {"punctuation_differs", match.punctuation_differs},
          {"case_differs", match.case_differs},
          {"fr", match.unit.fr},
          {"en", match.unit.en},
          {"origin", to_string(match.unit.origin)},
          {"status", to_string(match.unit.status)},
          {"differences", differences}};
}

void print_match(const FuzzyMatch& match, Lang src) {
  std::vector<std::string> notes;
  if (match.exact) notes.push_back("exact");
  if (match.numbers_differ) notes.push_back("numbers differ");
  if (match.punctuation_differs) notes.push_back("punctuation differs");
  if (match.case_differs) notes.push_back("case/accents differ");
  fmt::print("{}%\t{}\t{}\n", format_score(match.score), match.unit.display_tuid(),
             fmt::join(notes, ", "));
  fmt::print("  {}: {}\n  {}: {}\n", to_tag(src), match.unit.text(src), to_tag(other_lang(src)),
             match.unit.text(other_lang(src)));
  for (const auto& d : match.differences) {
    switch (d.op) {
      case MatchDifference::Op::replace:
        fmt::print("  ~ {} → {}\n", d.query, d.unit);
        break;
      case MatchDifference::Op::insert:
        fmt::print("  + {}\n", d.unit);
        break;
      case MatchDifference::Op::remove:
        fmt::print("  - {}\n", d.query);
        break;
    }
  }
}

void add_lookup(CLI::App& tm, Context& context) {
  struct Args {
    std::string text, src = "fr";
    double min = 70;
    std::size_t top = 5;
    bool json = false, batch = false, exhaustive = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = tm.add_subcommand("lookup", "Fuzzy matches for a sentence");
  cmd->add_flag("--exhaustive", args->exhaustive,
                "Scan every unit instead of using the index (reference for benchmarks)");
  cmd->add_option("TEXT", args->text, "The sentence to translate");
  cmd->add_option("--min", args->min, "Minimum score in percent")->check(CLI::Range(1.0, 100.0));
  cmd->add_option("--top", args->top, "Number of matches");
  cmd->add_option("--src", args->src, "Language of the text")->check(CLI::IsMember({"fr", "en"}));
  cmd->add_flag("--json", args->json, "JSON output");
  cmd->add_flag("--batch", args->batch,
                "Queries from stdin, one per line: LINE<TAB>TUID<TAB>SCORE<TAB>MICROS");
  cmd->callback([args, &context] {
    if (args->batch == !args->text.empty()) {
      throw CLI::ValidationError("give either TEXT or --batch");
    }
    Workspace workspace = context.open_workspace();
    TranslationMemory memory(workspace.db());
    Lang src = lang_option(args->src);
    FuzzyLookup lookup(memory, src, fuzzy_index_path(context.db_path, src));
    if (lookup.ensure_index()) context.info("fuzzy index rebuilt");
    if (args->batch) {
      std::string line;
      for (std::int64_t number = 1; std::getline(std::cin, line); ++number) {
        std::vector<FuzzyMatch> matches;
        auto spent = micros([&] { matches = lookup.lookup(line, args->min, 1, args->exhaustive); });
        if (matches.empty()) {
          fmt::print("{}\t\t\t{}\n", number, spent);
        } else {
          fmt::print("{}\t{}\t{}\t{}\n", number, matches[0].unit.display_tuid(),
                     format_score(matches[0].score), spent);
        }
      }
      return;
    }
    auto matches = lookup.lookup(args->text, args->min, args->top, args->exhaustive);
    if (args->json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& match : matches) out.push_back(match_json(match));
      fmt::print("{}\n", out.dump(2));
      return;
    }
    if (matches.empty()) context.info(fmt::format("no match at {}% or more", args->min));
    for (const auto& match : matches) print_match(match, src);
  });
}

void add_concordance(CLI::App& tm, Context& context) {
  struct Args {
    std::string words;
    std::size_t limit = 20;
    bool json = false, batch = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = tm.add_subcommand("concordance", "Units containing words or a phrase");
  cmd->add_option("WORDS", args->words, "A phrase; \"quoted phrases\" and words combine");
  cmd->add_option("--limit", args->limit, "Number of units shown");
  cmd->add_flag("--json", args->json, "JSON output");
  cmd->add_flag("--batch", args->batch,
                "Queries from stdin: LINE<TAB>N_HITS<TAB>first 20 TUIDs<TAB>MICROS");
  cmd->callback([args, &context] {
    if (args->batch == !args->words.empty()) {
      throw CLI::ValidationError("give either WORDS or --batch");
    }
    Workspace workspace = context.open_workspace();
    TranslationMemory memory(workspace.db());
    Concordance concordance(memory);
    if (args->batch) {
      std::string line;
      for (std::int64_t number = 1; std::getline(std::cin, line); ++number) {
        std::int64_t hits = 0;
        std::vector<std::string> tuids;
        auto spent = micros([&] {
          hits = concordance.count(line);
          tuids = concordance.first_tuids(line, 20);
          std::sort(tuids.begin(), tuids.end(), tuid_less);
        });
        fmt::print("{}\t{}\t{}\t{}\n", number, hits, fmt::join(tuids, ","), spent);
      }
      return;
    }
    bool tty = !args->json && isatty(STDOUT_FILENO);
    auto hits =
        concordance.search(args->words, args->limit, tty ? "\033[1m" : "[", tty ? "\033[0m" : "]");
    if (args->json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& hit : hits) {
        out.push_back({{"id", hit.unit_id}, {"tuid", hit.tuid}, {"fr", hit.fr}, {"en", hit.en}});
      }
      fmt::print("{}\n", out.dump(2));
      return;
    }
    std::int64_t total = concordance.count(args->words);
    for (const auto& hit : hits) {
      fmt::print("{}\n  fr: {}\n  en: {}\n", hit.tuid, hit.fr, hit.en);
    }
    context.info(fmt::format("{} units match{}", total,
                             total > static_cast<std::int64_t>(hits.size())
                                 ? fmt::format(" ({} shown; --limit for more)", hits.size())
                                 : ""));
  });
}

void add_stats(CLI::App& tm, Context& context) {
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = tm.add_subcommand("stats", "Counts by origin, status and direction");
  cmd->add_flag("--json", *json, "JSON output");
  cmd->callback([json, &context] {
    Workspace workspace = context.open_workspace();
    TranslationMemory memory(workspace.db());
    TmCounts counts = memory.counts();
    nlohmann::json by_origin = nlohmann::json::object(), by_status = nlohmann::json::object();
    for (Origin o : {Origin::aligned, Origin::mined, Origin::imported, Origin::manual}) {
      by_origin[std::string(to_string(o))] = counts.by_origin[o];
    }
    for (UnitStatus s : {UnitStatus::draft, UnitStatus::confirmed, UnitStatus::rejected}) {
      by_status[std::string(to_string(s))] = counts.by_status[s];
    }
    nlohmann::json by_direction = {{"fr-en", counts.by_source[Lang::fr]},
                                   {"en-fr", counts.by_source[Lang::en]}};
    if (*json) {
      fmt::print("{}\n", nlohmann::json{{"units", counts.units},
                                        {"origin", by_origin},
                                        {"status", by_status},
                                        {"direction", by_direction}}
                             .dump(2));
      return;
    }
    fmt::print("units\t{}\n", counts.units);
    for (auto& [group, values] :
         {std::pair{"origin", by_origin}, {"status", by_status}, {"direction", by_direction}}) {
      for (auto& [key, value] : values.items())
        fmt::print("{}\t{}\t{}\n", group, key, value.get<std::int64_t>());
    }
  });
}

}  // namespace

void add_tm_command(CLI::App& app, Context& context) {
  CLI::App* tm =
      app.add_subcommand("tm", "Translation memory: import, export, lookup, concordance");
  tm->require_subcommand(1);
  add_add(*tm, context);
  add_import(*tm, context);
  add_export(*tm, context);
  add_lookup(*tm, context);
  add_concordance(*tm, context);
  add_stats(*tm, context);
}

}  // namespace tandem::cli

#include "corpus/boilerplate.h"

#include <unicode/normalizer2.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <utility>

#include <fmt/format.h>

#include "corpus/error.h"
#include "corpus/normalizer.h"

namespace tandem {
namespace {

// ---------------------------------------------------------------------------------------------
// Text prepared for ICU regular expressions, remembering where each UTF-16 unit came from so
// matches map back to byte offsets in the UTF-8 original.

struct Indexed {
  icu::UnicodeString text;
  std::vector<std::size_t> origin;  // byte offset of each unit's source character; then size()

  std::size_t byte_at(int64_t unit) const { return origin[static_cast<std::size_t>(unit)]; }
};

void append_indexed(Indexed& out, UChar32 c, std::size_t source_offset) {
  int32_t before = out.text.length();
  out.text.append(c);
  out.origin.insert(out.origin.end(), out.text.length() - before, source_offset);
}

// The paragraph as written.
Indexed index_raw(std::string_view s) {
  Indexed out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, s.size(), c);
    append_indexed(out, c < 0 ? 0xFFFD : c, start);
  }
  out.origin.push_back(s.size());
  return out;
}

// The paragraph folded for rules: typography folded (’ → ', « » → ", … → ...), lower case,
// accents removed, so one ASCII pattern covers "À LIRE AUSSI", "A lire aussi" and "à lire aussi".
Indexed index_folded(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw Error(std::string("ICU NFD unavailable: ") + u_errorName(status));
  Indexed out;
  icu::UnicodeString decomposition;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, s.size(), c);
    if (c < 0) c = 0xFFFD;
    if (c < 0x80) {
      append_indexed(out, u_tolower(c), start);
    } else if (auto folded = fold_typography_char(static_cast<char32_t>(c))) {
      for (char ch : *folded) append_indexed(out, ch, start);
    } else if (nfd->getDecomposition(c, decomposition)) {
      for (int32_t k = 0; k < decomposition.length();) {
        UChar32 part = decomposition.char32At(k);
        k += U16_LENGTH(part);
        if (u_charType(part) != U_NON_SPACING_MARK) {
          append_indexed(out, u_foldCase(part, U_FOLD_CASE_DEFAULT), start);
        }
      }
    } else {
      append_indexed(out, u_foldCase(c, U_FOLD_CASE_DEFAULT), start);
    }
  }
  out.origin.push_back(s.size());
  return out;
}

std::unique_ptr<icu::RegexPattern> compile(const std::string& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError where;
  std::unique_ptr<icu::RegexPattern> compiled(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, where, status));
  if (U_FAILURE(status)) {
    throw Error(fmt::format("bad built-in pattern (offset {}): {}: {}", where.offset,
                            u_errorName(status), pattern));
  }
  return compiled;
}

std::unique_ptr<icu::RegexMatcher> matcher_for(const icu::RegexPattern& pattern,
                                               const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern.matcher(text, status));
  if (U_FAILURE(status)) throw Error(std::string("ICU regex: ") + u_errorName(status));
  return m;
}

// ---------------------------------------------------------------------------------------------
// Small facts about a paragraph.

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

// Words: space-separated tokens with at least one letter or digit (non-ASCII bytes count as
// letters, which is close enough for length limits).
int count_words(std::string_view s) {
  int words = 0;
  bool in_word = false, has_content = false;
  for (char ch : s) {
    if (is_ascii_space(ch)) {
      words += in_word && has_content;
      in_word = has_content = false;
      continue;
    }
    in_word = true;
    auto u = static_cast<unsigned char>(ch);
    if (u >= 0x80 || std::isalnum(u)) has_content = true;
  }
  return words + (in_word && has_content);
}

// The length of a closing quote or bracket at the start of `tail` (with the space French puts
// before »), or 0.
std::size_t closer_length(std::string_view tail) {
  for (std::string_view closer : {" »", "»", "”", "\"", ")", "]", "’", "'"}) {
    if (tail.starts_with(closer)) return closer.size();
  }
  return 0;
}

// Strips closing quotes and brackets (and spaces) from the end: « … fin. » → « … fin.
std::string_view strip_closers(std::string_view s) {
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    for (std::string_view closer : {" ", "»", "”", "\"", ")", "]", "’", "'"}) {
      if (s.ends_with(closer)) {
        s.remove_suffix(closer.size());
        changed = true;
      }
    }
  }
  return s;
}

bool ends_sentence(std::string_view s) {
  s = strip_closers(trim(s));
  return s.ends_with('.') || s.ends_with('!') || s.ends_with('?') || s.ends_with("…");
}

// A paragraph of article prose: long enough and finished like a sentence.
bool is_prose(std::string_view s) { return count_words(s) >= 8 && ends_sentence(s); }

// Where text cut before a marker ("<text> [...] Lire la suite") really ends: all of it when it
// finishes a sentence and was not truncated; otherwise just after its last complete sentence
// (closing quotes included). npos when no complete sentence is left.
std::size_t last_sentence_end(std::string_view s, bool truncated) {
  if (!truncated && ends_sentence(s)) return s.size();
  std::size_t best = std::string_view::npos;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '.' && s[i] != '!' && s[i] != '?') continue;
    std::size_t end = i + 1;
    while (std::size_t n = closer_length(s.substr(end))) end += n;
    if (end == s.size() || s[end] == ' ') best = end;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Dates, for metadata and for date-only lines.

constexpr const char* kMonth =
    "janvier|janv|january|jan|fevrier|fevr|fev|february|feb|mars|march|mar|avril|avr|april|apr|"
    "mai|may|juin|june|jun|juillet|juil|july|jul|aout|august|aug|septembre|september|sept|sep|"
    "octobre|october|oct|novembre|november|nov|decembre|december|dec";
constexpr const char* kWeekday =
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|"
    "friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun";

int month_number(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, int>, 14> kPrefixes = {{{"juin", 6},
                                                                                  {"jun", 6},
                                                                                  {"juil", 7},
                                                                                  {"jul", 7},
                                                                                  {"jan", 1},
                                                                                  {"fe", 2},
                                                                                  {"mar", 3},
                                                                                  {"av", 4},
                                                                                  {"ap", 4},
                                                                                  {"ma", 5},
                                                                                  {"au", 8},
                                                                                  {"se", 9},
                                                                                  {"oc", 10},
                                                                                  {"no", 11}}};
  if (name.starts_with("de")) return 12;
  for (auto [prefix, number] : kPrefixes) {
    if (name.starts_with(prefix)) return number;
  }
  return 0;
}

// One way of writing a date, with the capture groups holding year, month and day (0 = absent).
struct DateForm {
  std::string pattern;
  int year, month, day;
  bool month_named;
};

struct CompiledDateForm {
  DateForm form;
  std::unique_ptr<icu::RegexPattern> pattern;
};

const std::vector<CompiledDateForm>& date_forms() {
  static const std::vector<CompiledDateForm> forms = [] {
    std::string weekday = fmt::format("(?:(?:{})\\.?,?\\s+)?", kWeekday);
    std::string month = fmt::format("({})\\.?", kMonth);
    // A time after the date belongs to it: "à 10h05", "at 2:05 pm", "14:05 UTC".
    std::string time =
        R"((?:\s*(?:,|a|at|-|\||@)?\s*\d{1,2}\s*(?:h|:)\s*\d{0,2}(?:\s*(?:am|pm))?(?:\s*(?:utc|gmt|cet|cest|edt|est)(?:[+-]\d{1,2})?)?)?)";
    std::vector<DateForm> raw = {
        {R"((\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:t\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?)?)",
         1, 2, 3, false},
        {R"((\d{4})/(\d{1,2})/(\d{1,2}))", 1, 2, 3, false},
        {R"((\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))", 3, 2, 1, false},
        {weekday + R"((\d{1,2})(?:er|st|nd|rd|th)?\s+)" + month + R"(,?\s+(\d{4}))", 3, 2, 1, true},
        {weekday + month + R"(\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))", 3, 1, 2, true},
        {month + R"(\s+(\d{4}))", 2, 1, 0, true},
        {R"(((?:19|20)\d{2}))", 1, 0, 0, false},
    };
    std::vector<CompiledDateForm> out;
    for (DateForm& form : raw) {
      // No digit or letter may follow: "2023-05" but not "2023-0512" or "mai 20234".
      std::string full = form.pattern + time + R"((?![\p{L}\p{N}]))";
      auto pattern = compile(full);
      out.push_back({std::move(form), std::move(pattern)});
    }
    return out;
  }();
  return forms;
}

struct DateMatch {
  int64_t end = 0;  // UTF-16 index in the folded text just after the date
  std::string normalized;
};

std::string group_text(icu::RegexMatcher& m, int group) {
  UErrorCode status = U_ZERO_ERROR;
  if (group == 0 || m.start(group, status) < 0) return {};
  std::string out;
  m.group(group, status).toUTF8String(out);
  return out;
}

// A date starting exactly at `start` in the folded text.
std::optional<DateMatch> date_at(const icu::UnicodeString& folded, int64_t start) {
  for (const CompiledDateForm& form : date_forms()) {
    auto m = matcher_for(*form.pattern, folded);
    UErrorCode status = U_ZERO_ERROR;
    if (!m->lookingAt(start, status)) continue;
    int year = std::stoi(group_text(*m, form.form.year));
    std::string month_text = group_text(*m, form.form.month);
    std::string day_text = group_text(*m, form.form.day);
    int month = month_text.empty()      ? 0
                : form.form.month_named ? month_number(month_text)
                                        : std::stoi(month_text);
    int day = day_text.empty() ? 0 : std::stoi(day_text);
    // Day first is the default reading of 05/06/2023; 05/22/2023 can only be month first.
    if (!form.form.month_named && month > 12 && day >= 1 && day <= 12) std::swap(month, day);
    if (year < 1900 || year > 2100 || month > 12 || day > 31) continue;
    std::string normalized = fmt::format("{:04d}", year);
    if (month > 0) normalized += fmt::format("-{:02d}", month);
    if (month > 0 && day > 0) normalized += fmt::format("-{:02d}", day);
    return DateMatch{m->end(status), std::move(normalized)};
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Metadata keys.

struct MetadataKey {
  const char* pattern;  // on folded text, at the start of the line
  const char* key;
  bool is_date;
  int max_value_words;  // for labelled fields (0 = any)
};

constexpr MetadataKey kMetadataKeys[] = {
    {R"(date(?:\s+de\s+publication)?|dated|publie(?:e)?(?:\s+le)?|mis(?:e)?\s+en\s+ligne(?:\s+le)?|published(?:\s+on)?|posted(?:\s+on)?|date\s+published)",
     "date", true, 0},
    {R"((?:derniere\s+)?mis(?:e)?\s+a\s+jour(?:\s+le)?|(?:last\s+)?updated(?:\s+on)?|modifie(?:e)?\s+le)",
     "updated", true, 0},
    {R"(auteur(?:e|s)?|authors?|by|written\s+by|ecrit\s+par|par|signe)", "author", false, 10},
    {R"(sources?)", "source", false, 15},
    {R"(titre|title|headline)", "title", false, 40},
    {R"(url|lien|link|permalink|adresse)", "url", false, 3},
    {R"(langue|language|lang)", "language", false, 3},
    {R"(rubrique|section|categorie|category)", "section", false, 8},
};

struct CompiledKey {
  const MetadataKey* key;
  std::unique_ptr<icu::RegexPattern> with_colon;   // "Key : value" (labelled field)
  std::unique_ptr<icu::RegexPattern> before_date;  // "Key[:] <date>" (date keys only)
};

const std::vector<CompiledKey>& metadata_keys() {
  static const std::vector<CompiledKey> keys = [] {
    std::vector<CompiledKey> out;
    for (const MetadataKey& key : kMetadataKeys) {
      auto with_colon = compile(fmt::format(R"(\s*(?:{})\s*:\s*(?=\S))", key.pattern));
      auto before_date =
          key.is_date ? compile(fmt::format(R"(\s*(?:{})\s*:?\s*(?:the\s+|on\s+)?)", key.pattern))
                      : nullptr;
      out.push_back({&key, std::move(with_colon), std::move(before_date)});
    }
    return out;
  }();
  return keys;
}

// Spaces and separators between metadata and the text after it.
std::size_t skip_separators(std::string_view line, std::size_t pos) {
  while (pos < line.size()) {
    char c = line[pos];
    if (is_ascii_space(c) || c == ',' || c == ';' || c == '|' || c == '-') {
      ++pos;
    } else if (line.substr(pos).starts_with("·")) {
      pos += 2;
    } else {
      break;
    }
  }
  return pos;
}

// ---------------------------------------------------------------------------------------------
// The boilerplate rules.

enum class Scope {
  Whole,   // the pattern must match the whole paragraph: drop it
  Teaser,  // the pattern starts the paragraph, which is a teaser for another article: drop it
  Prefix,  // the pattern starts the paragraph: drop that part, keep the rest (if any)
  Suffix,  // the pattern ends the paragraph: drop it and any truncated sentence before it
};
enum class Form { Folded, Raw };

struct Rule {
  const char* reason;
  Scope scope;
  Form form;
  int max_words;  // the rule only applies to paragraphs this short (0 = any length)
  std::string pattern;
  // Cheap prefilter for costly patterns: one of these '|'-separated strings must occur in the
  // folded paragraph (empty = no prefilter).
  std::string needs = {};
};

// Words that make up share bars ("Partager : Facebook Twitter E-mail").
constexpr const char* kShareWords =
    "partager|partagez|partage|share|shares|sharing|share\\s+this(?:\\s+(?:article|story|post|"
    "page))?|partager\\s+(?:cet|l')\\s*article|partager\\s+sur|share\\s+on|tweet|tweeter|"
    "facebook|twitter|x|linkedin|whatsapp|telegram|messenger|e-?mail|courriel|envoyer(?:\\s+par"
    "\\s+(?:e-?mail|courriel))?|imprimer|print|pinterest|reddit|copy\\s+link|copier\\s+(?:le\\s+)?"
    "lien|lien\\s+copie|flipboard|bluesky|threads|sms|instagram|youtube|tiktok";
// Words that make up rows of site links in headers and footers.
constexpr const char* kSiteLinkWords =
    "contact|contactez-nous|contact\\s+us|nous\\s+contacter|a\\s+propos|qui\\s+sommes-nous|"
    "about(?:\\s+us)?|mentions\\s+legales|legal\\s+notice|politique\\s+de\\s+confidentialite|"
    "privacy(?:\\s+policy)?|conditions\\s+generales(?:\\s+d'utilisation)?|cgu|cgv|"
    "terms(?:\\s+(?:of\\s+(?:use|service)|and\\s+conditions))?|plan\\s+du\\s+site|sitemap|"
    "site\\s+map|faq|aide|help|accessibilite|accessibility|gestion\\s+des\\s+cookies|"
    "cookie\\s+(?:settings|policy)|publicite|advertise|annonceurs|carrieres|careers|jobs|rss|"
    "archives|newsletter|newsletters|abonnement|s'abonner|subscribe|accueil|home";

// One word of `words`, then more separated by spaces or | · • / , - :
std::string word_row(const char* words) {
  return fmt::format(R"((?:{0})(?:\s*[|·•/,:-]?\s*(?:{0}|\d+))*\s*[.:]?)", words);
}

std::vector<Rule> make_rules() {
  const std::string name = R"(\p{Lu}[\p{L}\p{M}'’.-]*)";
  const std::string full_name = fmt::format(
      R"({0}(?:\s+(?:(?:de|du|des|van|von|der|da|di|le|la|al|el|ben|bin|ibn)\s+)?{0}){{0,3}})",
      name);
  // The first rule that matches gives the reason.
  return {
      {"no-text", Scope::Whole, Form::Raw, 0, R"([^\p{L}\p{N}]*)"},
      {"url", Scope::Whole, Form::Raw, 3, R"(\s*(?:https?://|www\.)\S+\s*)"},
      {"reading-time", Scope::Whole, Form::Folded, 8,
       R"([\s·•|-]*(?:\d+\s*(?:min|mins|minutes?|mn)\.?\s*(?:de\s+lecture|read|reading|de\s+temps\s+de\s+lecture)|(?:temps\s+de\s+lecture|reading\s+time|lecture)\s*:?\s*\d+\s*(?:min|mins|minutes?|mn)\.?)[\s·•|.-]*)"},
      {"reading-time", Scope::Prefix, Form::Folded, 0,
       R"([\s·•|-]*\d+\s*(?:min|mn)\.?\s*(?:de\s+lecture|read)[\s·•|.-]+)"},
      {"teaser", Scope::Teaser, Form::Folded, 150,
       R"(\s*(?:a\s+lire\s+(?:aussi|egalement|absolument)|a\s+voir\s+(?:aussi|egalement)|articles?\s+similaires?|articles?\s+lies|articles?\s+en\s+relation|sur\s+le\s+meme\s+sujet|dans\s+la\s+meme\s+rubrique|lire\s+(?:aussi|egalement)|voir\s+aussi\s*:|read\s+also|also\s+read|you\s+(?:may|might)\s+also\s+like|vous\s+aimerez\s+aussi|recommended(?:\s+for\s+you)?\s*:|related(?:\s+(?:articles?|stories|posts?|content|reading|news|coverage))?\s*:|related\s+(?:articles?|stories|posts?)|see\s+also\s*:|read\s+more\s*:|more\s+on\s+this\s+(?:story|topic)|plus\s+d'articles|en\s+savoir\s+plus\s*:))"},
      {"read-more", Scope::Suffix, Form::Folded, 0,
       R"(\s*(\[\s*\.\.\.\s*\]|\(\s*\.\.\.\s*\)|\.\.\.)?\s*(?:lire\s+la\s+suite(?:\s+de\s+l'article)?|lire\s+plus|read\s+more|continue\s+reading|continuer\s+(?:la\s+lecture|a\s+lire)|keep\s+reading|voir\s+plus|see\s+more|en\s+savoir\s+plus|learn\s+more)\s*(?:\.\.\.|>>|"|→|›|>)?\s*$)",
       "suite|more|reading|lire|voir plus|savoir plus"},
      {"copyright", Scope::Whole, Form::Folded, 30,
       R"(.*(?:all\s+rights\s+reserved|tous\s+droits\s+reserves|tous\s+droits\s+de\s+reproduction|droits\s+de\s+reproduction\s+reserves|copyright\s*(?:©|\(c\))|copyright\s+(?:19|20)\d\d|(?:©|\(c\))\s*(?:19|20)\d\d).*)",
       "right|droits|©|(c)"},
      {"byline", Scope::Whole, Form::Raw, 14,
       fmt::format(
           R"(\s*(?:[Bb]y|BY|[Pp]ar|PAR|[Ww]ritten by|[ÉéEe]crit par|[Pp]osted by|[Pp]ublié par|[Rr]édigé par|[Rr]eporting by|[Tt]exte|[Pp]ropos recueillis par)\s*:?\s+{0}(?:\s*(?:,|and|et|&)\s*{0})*(?:\s*[,|–—-]\s*[^.!?]{{0,80}})?)",
           full_name)},
      {"byline", Scope::Whole, Form::Folded, 6,
       R"((?:photo|picture|image|avatar|portrait)\s+(?:of|de)\s+(?:the\s+)?(?:author|l'auteure?|l'auteur\(e\))|(?:author|auteur)\s+(?:photo|avatar|image)|avatar)"},
      {"image", Scope::Whole, Form::Folded, 2,
       R"((?:image|images|photo|photos|illustration|video|graphique|infographie|caption|legende|diaporama|galerie|gallery|slideshow)\s*:?)"},
      {"photo-credit", Scope::Whole, Form::Folded, 14,
       R"((?:photos?|images?|illustration|credits?|credits?\s+photos?|photo\s+credits?|source\s+photo|copyright\s+photo|video|legende|caption)\s*:\s*\S.*|(?:©|\(c\))\s*\S.{0,80})"},
      {"credit", Scope::Whole, Form::Folded, 6,
       R"(\(?\s*(?:avec|with|source\s*:?)\s+(?:l')?(?:afp|reuters|ap|agences?|ats|belga|aps|mapa?|dpa|ansa)(?:\s+et\s+\S+)?\s*\)?\s*\.?)"},
      {"advertisement", Scope::Whole, Form::Folded, 8,
       R"((?:publicite|advertisement|advertising|annonce|pub|ad|ads|sponsored(?:\s+content)?|contenu\s+sponsorise|sponsorise|paid\s+content|contenu\s+partenaire|scroll\s+to\s+continue(?:\s+with\s+content)?|la\s+suite\s+apres\s+(?:cette\s+)?(?:la\s+)?publicite|(?:article|story)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?)\s*[.:-]?)"},
      {"share", Scope::Whole, Form::Folded, 15, word_row(kShareWords)},
      {"follow", Scope::Whole, Form::Folded, 15,
       R"((?:suivez(?:-|\s)nous|follow\s+us|retrouvez(?:-|\s)nous|rejoignez(?:-|\s)nous|join\s+us|like\s+us)\b.*)"},
      {"navigation", Scope::Whole, Form::Folded, 40,
       R"(\s*(?:vous\s+etes\s+ici|you\s+are\s+here)\s*:?.*)"},
      {"navigation", Scope::Whole, Form::Raw, 40,
       R"(\s*(?:[^«»>›|/]{1,60}?\s(?:»|>>|>|›|\||/)\s){2,}[^«»>›|/]{1,200})"},
      {"navigation", Scope::Whole, Form::Folded, 4,
       R"((?:accueil|home|menu|rechercher|recherche|search|se\s+connecter|connexion|log\s*in|sign\s+in|mon\s+compte|my\s+account|fermer|close|suivant|precedent|next|previous|page\s+suivante|page\s+precedente|next\s+page|sommaire|skip\s+to\s+(?:main\s+)?content|aller\s+au\s+contenu(?:\s+principal)?)\s*[.:>"]?)"},
      {"navigation", Scope::Whole, Form::Folded, 20, word_row(kSiteLinkWords)},
      {"back-to-top", Scope::Whole, Form::Folded, 8,
       R"((?:retour\s+(?:en\s+haut(?:\s+de\s+(?:la\s+)?page)?|au\s+debut|a\s+l'accueil|au\s+sommaire|vers\s+le\s+haut)|haut\s+de\s+(?:la\s+)?page|back\s+to\s+(?:top|home)|scroll\s+to\s+top|top\s+of\s+page|remonter)\s*[.↑^]?)"},
      {"subscribe", Scope::Whole, Form::Folded, 40,
       R"((?:abonnez-vous|inscrivez-vous|je\s+m'abonne|s'abonner|s'inscrire|subscribe|sign\s+up|recevez|get\s+(?:our|the)\s+(?:latest|newsletter|best|daily|weekly|app)|join\s+our)\b.*|(?=.*\b(?:newsletters?|lettres?\s+d'(?:information|info)|infolettres?|alertes?\s+e-?mail)\b)(?=.*(?:abonn|inscri|subscri|sign\s+up|recev|receive|inbox|e-?mail|courriel|gratuite?|free)).*)"},
      {"paywall", Scope::Whole, Form::Folded, 40,
       R"(.*\b(?:reserve(?:e|s)?\s+aux\s+abonnes|deja\s+abonne|already\s+a\s+subscriber|subscribers?\s+only|for\s+subscribers|abonnez-vous\s+pour\s+lire|subscribe\s+to\s+(?:read|continue)|pour\s+lire\s+la\s+suite)\b.*)",
       "abonn|subscri|lire la suite"},
      {"cookies", Scope::Whole, Form::Folded, 80,
       R"((?=.*\bcookies?\b)(?=.*\b(?:accept|consent|utilis|use[sd]?\b|using|parametr|setting|preferen|politique|policy|navig|brows|experience|partenaires|partners))(?=.*\b(?:nous|notre|nos|vous|votre|vos|we|our|you|your|ce\s+site|this\s+(?:site|website))\b).*)",
       "cookie"},
      {"dateline", Scope::Whole, Form::Folded, 16,
       R"((?:publie(?:e)?|mis(?:e)?\s+a\s+jour|modifie(?:e)?|updated|published|posted|last\s+updated|derniere\s+mise\s+a\s+jour|mis(?:e)?\s+en\s+ligne)(?:\s+(?:le|on|at|a|:))?\s*:?\s*[^.!?]*\d[^.!?]*)"},
      {"comments", Scope::Whole, Form::Folded, 120,
       R"((?=.*\b(?:commentaires?|comments?)\b)(?=.*\b(?:nous|we)\b)(?=.*\b(?:suspend|desactiv|ferm|modere|moderat|clos|disabl|charte|guidelines|policy|politique|regles)).*)",
       "comment"},
      {"comments", Scope::Whole, Form::Folded, 8,
       R"((?:\d+\s+)?(?:commentaires?|comments?|reactions?|reagir|reagissez|laisser\s+un\s+commentaire|laissez\s+un\s+commentaire|ajouter\s+un\s+commentaire|poster\s+un\s+commentaire|leave\s+a\s+(?:comment|reply)|add\s+a\s+comment|post\s+a\s+comment|voir\s+les\s+commentaires|view\s+comments|show\s+comments|les\s+commentaires\s+sont\s+(?:fermes|desactives|clos)|comments\s+are\s+(?:closed|disabled))\s*[.:()\d]*)"},
      {"tags", Scope::Whole, Form::Folded, 30,
       R"((?:tags?|mots?-cles?|mots?\s+cles?|themes?|sujets?|topics?|etiquettes?|categories?|rubriques?|filed\s+under|in\s+this\s+article)\s*:\s*.*)"},
      {"promo", Scope::Whole, Form::Folded, 25,
       R"(.*\b(?:telechargez\s+(?:l'|notre\s+)appli(?:cation)?|download\s+(?:the|our)\s+app|disponible\s+sur\s+(?:l'app\s+store|google\s+play)|available\s+on\s+(?:the\s+app\s+store|google\s+play))\b.*)"},
      {"audio-player", Scope::Whole,
       Form::Folded, 8, R"((?:ecouter(?:\s+(?:cet|l')\s*article)?|listen(?:\s+to\s+(?:this\s+)?(?:article|story))?|lecture\s+audio|audio)\s*(?:\d+\s*:\s*\d+|\d+\s*min\.?)?\s*)"},
  };
}

struct CompiledRule {
  Rule rule;
  std::unique_ptr<icu::RegexPattern> pattern;
  std::vector<icu::UnicodeString> needs;
};

// How far from the end (UTF-16 units) a Suffix rule's marker may start.
constexpr int32_t kSuffixWindow = 120;

// The rule's prefilter: one of its needles occurs in the text (for a Suffix rule, in its tail).
bool passes_prefilter(const CompiledRule& rule, const icu::UnicodeString& text) {
  if (rule.needs.empty()) return true;
  int32_t from = rule.rule.scope == Scope::Suffix ? std::max(0, text.length() - kSuffixWindow) : 0;
  return std::any_of(rule.needs.begin(), rule.needs.end(), [&](const icu::UnicodeString& needle) {
    return text.indexOf(needle, from) >= 0;
  });
}

const std::vector<CompiledRule>& rules() {
  static const std::vector<CompiledRule> compiled = [] {
    std::vector<CompiledRule> out;
    for (Rule& rule : make_rules()) {
      auto pattern = compile(rule.pattern);
      std::vector<icu::UnicodeString> needs;
      for (std::size_t begin = 0; begin < rule.needs.size();) {
        std::size_t end = std::min(rule.needs.find('|', begin), rule.needs.size());
        needs.push_back(icu::UnicodeString::fromUTF8(rule.needs.substr(begin, end - begin)));
        begin = end + 1;
      }
      out.push_back({std::move(rule), std::move(pattern), std::move(needs)});
    }
    return out;
  }();
  return compiled;
}

BoilerplateVerdict drop(std::string reason) { return {true, std::move(reason), 0, 0}; }

// Applies one rule; nullopt when it does not match.
std::optional<BoilerplateVerdict> apply(const CompiledRule& rule, std::string_view paragraph,
                                        const Indexed& text) {
  auto m = matcher_for(*rule.pattern, text.text);
  UErrorCode status = U_ZERO_ERROR;
  const char* reason = rule.rule.reason;
  switch (rule.rule.scope) {
    case Scope::Whole:
      if (!m->matches(status)) return std::nullopt;
      return drop(reason);
    case Scope::Teaser:
      if (!m->lookingAt(status)) return std::nullopt;
      return drop(reason);
    case Scope::Prefix: {
      if (!m->lookingAt(status)) return std::nullopt;
      std::size_t begin = text.byte_at(m->end(status));
      if (count_words(paragraph.substr(begin)) == 0) return drop(reason);
      return BoilerplateVerdict{true, reason, begin, paragraph.size()};
    }
    case Scope::Suffix: {
      // Only the end can match: search the tail, not every position of a long paragraph.
      int32_t length = text.text.length();
      m->region(std::max(0, length - kSuffixWindow), length, status);
      if (!m->find(status)) return std::nullopt;
      std::string_view before = paragraph.substr(0, text.byte_at(m->start(status)));
      bool truncated = m->start(1, status) >= 0;  // "[...]" or "…" before the marker
      std::size_t begin = before.find_first_not_of(' ');
      if (begin == std::string_view::npos) return drop(reason);
      std::string_view body = trim(before.substr(begin));
      std::size_t end = last_sentence_end(body, truncated);
      if (end == std::string_view::npos || count_words(body.substr(0, end)) < 3) {
        return drop(reason);
      }
      return BoilerplateVerdict{true, reason, begin, begin + end};
    }
  }
  return std::nullopt;
}

// What makes two paragraphs "the same" for repeat detection: folded letters and digits.
std::string repeat_key(const Indexed& folded) {
  std::string key;
  bool space = false;
  for (int32_t i = 0; i < folded.text.length();) {
    UChar32 c = folded.text.char32At(i);
    i += U16_LENGTH(c);
    if (!u_isalnum(c)) {
      space = true;
      continue;
    }
    if (space && !key.empty()) key += ' ';
    space = false;
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    key.append(buffer, length);
  }
  return key;
}

// "Saliou Cissé", "Jean-Paul de La Tour": two to four capitalised words and nothing else.
bool is_name_only(std::string_view s) {
  static const auto pattern = compile(
      R"(\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:de|du|des|van|von|da|di|le|la|al|el|ben|bin)\s+)?\p{Lu}[\p{L}\p{M}'’.-]*){1,3})");
  Indexed raw = index_raw(trim(s));
  UErrorCode status = U_ZERO_ERROR;
  return matcher_for(*pattern, raw.text)->matches(status);
}

}  // namespace

std::optional<MetadataMatch> parse_metadata_prefix(std::string_view line) {
  Indexed folded = index_folded(line);
  UErrorCode status = U_ZERO_ERROR;
  for (const CompiledKey& key : metadata_keys()) {
    if (key.before_date) {
      auto m = matcher_for(*key.before_date, folded.text);
      if (m->lookingAt(status)) {
        if (auto date = date_at(folded.text, m->end(status))) {
          std::size_t value_begin = folded.byte_at(m->end(status));
          std::size_t value_end = folded.byte_at(date->end);
          return MetadataMatch{
              MetadataField{key.key->key,
                            std::string(trim(line.substr(value_begin, value_end - value_begin))),
                            std::move(date->normalized)},
              skip_separators(line, value_end)};
        }
      }
    }
    auto m = matcher_for(*key.with_colon, folded.text);
    if (m->lookingAt(status)) {
      std::string_view value = trim(line.substr(folded.byte_at(m->end(status))));
      int words = count_words(value);
      int limit = key.key->max_value_words;
      if (words == 0 || (limit > 0 && words > limit)) continue;
      return MetadataMatch{MetadataField{key.key->key, std::string(value), {}}, line.size()};
    }
  }
  return std::nullopt;
}

BoilerplateVerdict BoilerplateDetector::judge(std::string_view paragraph, Lang /*lang*/) {
  Indexed folded = index_folded(paragraph);
  std::string key = repeat_key(folded);
  bool repeated = !key.empty() && !seen_.insert(key).second;

  bool caption_expected = std::exchange(caption_expected_, false);
  int words = count_words(paragraph);
  if (caption_expected && words > 0 && words <= 25 && !ends_sentence(paragraph)) {
    return drop("caption");
  }

  std::optional<Indexed> raw;
  for (const CompiledRule& rule : rules()) {
    if (rule.rule.max_words > 0 && words > rule.rule.max_words) continue;
    if (!passes_prefilter(rule, folded.text)) continue;
    const Indexed* text = &folded;
    if (rule.rule.form == Form::Raw) {
      if (!raw) raw = index_raw(paragraph);
      text = &*raw;
    }
    if (auto verdict = apply(rule, paragraph, *text)) {
      if (verdict->reason == "image") caption_expected_ = true;
      return *verdict;
    }
  }
  // A line that is nothing but a date ("Lundi 22 mai 2023", "22/05/2023 à 10h05").
  if (words <= 8) {
    int64_t start = 0;
    while (start < folded.text.length() && u_isUWhiteSpace(folded.text.charAt(start))) ++start;
    if (auto date = date_at(folded.text, start)) {
      if (count_words(paragraph.substr(folded.byte_at(date->end))) == 0) return drop("dateline");
    }
  }
  if (repeated) return drop("repeat");
  return {};
}

std::vector<BoilerplateVerdict> BoilerplateDetector::judge_document(
    std::span<const std::string_view> paragraphs, Lang lang) {
  seen_.clear();
  caption_expected_ = false;
  std::vector<BoilerplateVerdict> verdicts;
  verdicts.reserve(paragraphs.size());
  for (std::string_view p : paragraphs) verdicts.push_back(judge(p, lang));

  // The footer: everything after the last paragraph of prose that was kept.
  std::size_t footer = paragraphs.size();
  for (std::size_t i = paragraphs.size(); i-- > 0;) {
    if (!verdicts[i].drops_all() && is_prose(verdicts[i].kept(paragraphs[i]))) {
      footer = i + 1;
      break;
    }
  }
  for (std::size_t i = footer; i < paragraphs.size(); ++i) {
    std::string_view p = paragraphs[i];
    if (verdicts[i].is_boilerplate || count_words(p) > 12 || ends_sentence(p)) continue;
    if (is_name_only(p)) {
      verdicts[i] = drop("signature");
      continue;
    }
    bool boilerplate_follows =
        std::any_of(verdicts.begin() + static_cast<std::ptrdiff_t>(i) + 1, verdicts.end(),
                    [](const BoilerplateVerdict& v) { return v.drops_all(); });
    if (boilerplate_follows) verdicts[i] = drop("footer");
  }
  return verdicts;
}

}  // namespace tandem

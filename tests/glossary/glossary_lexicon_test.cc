#include "glossary/glossary_lexicon.h"

#include <gtest/gtest.h>

#include "corpus/workspace.h"

namespace tandem {
namespace {

Concept pair_concept(const std::string& fr, const std::string& en, EntryStatus status) {
  Concept c;
  c.status = status;
  TermEntry fr_term;
  fr_term.lang = Lang::fr;
  fr_term.text = fr;
  TermEntry en_term;
  en_term.lang = Lang::en;
  en_term.text = en;
  c.terms = {fr_term, en_term};
  return c;
}

float weight_of(const Lexicon& lexicon, std::string_view fr, std::string_view en) {
  for (const Translation& t : lexicon.translations(Lang::fr, fold_key(fr)))
    if (t.word == fold_key(en)) return t.weight;
  return 0.0f;
}

TEST(GlossaryLexicon, SingleWordPairsBecomeEntriesWeightedByStatus) {
  Workspace ws(":memory:");
  TermBase base(ws.db());
  base.add(pair_concept("Éolienne", "turbine", EntryStatus::approved));
  base.add(pair_concept("pale", "blade", EntryStatus::proposed));
  base.add(pair_concept("mât de mesure", "met mast", EntryStatus::approved));  // multi-word

  Lexicon lexicon;
  EXPECT_EQ(add_glossary_to_lexicon(base, lexicon), 2u);
  EXPECT_FLOAT_EQ(weight_of(lexicon, "éolienne", "turbine"), kApprovedTermWeight);
  EXPECT_FLOAT_EQ(weight_of(lexicon, "pale", "blade"), kProposedTermWeight);
  EXPECT_TRUE(lexicon.translations(Lang::fr, fold_key("mât de mesure")).empty());
  EXPECT_FALSE(lexicon.translations(Lang::en, "blade").empty()) << "entries work both ways";
}

}  // namespace
}  // namespace tandem

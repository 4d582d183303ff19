#include "glossary/term_base.h"

#include <gtest/gtest.h>

#include "corpus/error.h"
#include "corpus/workspace.h"
#include "tests/glossary/glossary_fixture.h"

namespace tandem {
namespace {

// Ids differ between stores; everything else must come back as written.
void expect_same_content(const Concept& a, const Concept& b) {
  EXPECT_EQ(a.subject_field, b.subject_field);
  EXPECT_EQ(a.definition, b.definition);
  EXPECT_EQ(a.note, b.note);
  EXPECT_EQ(a.status, b.status);
  ASSERT_EQ(a.terms.size(), b.terms.size());
  for (std::size_t i = 0; i < a.terms.size(); ++i) {
    EXPECT_EQ(a.terms[i].lang, b.terms[i].lang);
    EXPECT_EQ(a.terms[i].text, b.terms[i].text);
    EXPECT_EQ(a.terms[i].usage, b.terms[i].usage);
    EXPECT_EQ(a.terms[i].part_of_speech, b.terms[i].part_of_speech);
    EXPECT_EQ(a.terms[i].context, b.terms[i].context);
    EXPECT_EQ(a.terms[i].source, b.terms[i].source);
  }
}

TEST(TermBase, AddedConceptReadsBackWithTermsAndExamples) {
  Workspace ws(":memory:");
  TermBase base(ws.db());
  auto concepts = testing::sample_concepts();
  std::vector<std::int64_t> ids;
  for (const Concept& c : concepts) ids.push_back(base.add(c));
  EXPECT_EQ(base.size(), 3u);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto back = base.get(ids[i]);
    ASSERT_TRUE(back);
    expect_same_content(concepts[i], *back);
  }
  auto with_example = base.get(ids[2]);
  ASSERT_EQ(with_example->examples.size(), 1u);
  EXPECT_EQ(with_example->examples[0].unit_id, 42);
  EXPECT_EQ(base.get(ids[1])->origin, EntryOrigin::extracted);
  EXPECT_DOUBLE_EQ(base.get(ids[1])->score, 0.75);
}

TEST(TermBase, PreferredTermIsTheOneShownForALanguage) {
  auto concepts = testing::sample_concepts();
  ASSERT_NE(concepts[0].term_in(Lang::fr), nullptr);
  EXPECT_EQ(concepts[0].term_in(Lang::fr)->text, "mercenaires");
  EXPECT_EQ(concepts[0].term_in(Lang::en)->text, "mercenaries");
}

TEST(TermBase, EditApproveRemoveAndList) {
  Workspace ws(":memory:");
  TermBase base(ws.db());
  auto concepts = testing::sample_concepts();
  std::int64_t id = base.add(concepts[1]);
  std::int64_t other = base.add(concepts[0]);
  EXPECT_EQ(base.list(EntryStatus::proposed).size(), 1u);
  EXPECT_TRUE(base.set_status(id, EntryStatus::approved));
  EXPECT_EQ(base.list(EntryStatus::proposed).size(), 0u);
  EXPECT_EQ(base.list(EntryStatus::approved).size(), 2u);

  Concept edited = *base.get(id);
  edited.note = "revu";
  edited.terms.push_back(testing::term(Lang::en, "wind turbines"));
  base.update(edited);
  EXPECT_EQ(base.get(id)->note, "revu");
  EXPECT_EQ(base.get(id)->terms.size(), 3u);

  EXPECT_TRUE(base.remove(other));
  EXPECT_FALSE(base.remove(other));
  EXPECT_FALSE(base.get(other));
  Concept gone = edited;
  gone.id = other;
  EXPECT_THROW(base.update(gone), Error);
}

TEST(TermBase, ReextractionRemovesOnlyExtractedProposals) {
  Workspace ws(":memory:");
  TermBase base(ws.db());
  auto concepts = testing::sample_concepts();
  for (const Concept& c : concepts) base.add(c);
  Concept approved_extracted = concepts[1];
  approved_extracted.status = EntryStatus::approved;
  base.add(approved_extracted);
  EXPECT_EQ(base.remove_extracted_proposals(), 1);
  EXPECT_EQ(base.size(), 3u);
}

TEST(TermBase, FindIsCaseAndAccentInsensitive) {
  Workspace ws(":memory:");
  TermBase base(ws.db());
  auto concepts = testing::sample_concepts();
  std::int64_t id = base.add(concepts[1]);
  EXPECT_EQ(base.find(Lang::fr, "EOLIENNE"), std::vector<std::int64_t>{id});
  EXPECT_TRUE(base.find(Lang::en, "éolienne").empty());
}

TEST(TermBase, RefusesATermInAnotherLanguage) {
  Workspace ws(":memory:");
  TermBase base(ws.db());
  Concept c;
  c.terms = {testing::term(Lang::und, "Windrad")};
  EXPECT_THROW(base.add(c), Error);
  EXPECT_EQ(base.size(), 0u);  // the transaction rolled back
}

}  // namespace
}  // namespace tandem

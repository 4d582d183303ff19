#include "corpus/corpus_store.h"

#include <gtest/gtest.h>

#include "corpus/workspace.h"

namespace tandem {
namespace {

Document make_document(const std::string& path, const std::string& hash) {
  Document doc;
  doc.path = path;
  doc.encoding = "UTF-8";
  doc.content_hash = hash;
  doc.lang = Lang::fr;
  doc.lang_confidence = 0.9;
  doc.date = "2026-03-14";
  doc.metadata = {{"date", "14 mars 2026", "2026-03-14"}};
  doc.sentences = {{"Le pont est fermé.", 0, Lang::fr}, {"The bridge is shut.", 1, Lang::en}};
  doc.boilerplate = {{2, "Lire la suite", "read-more"}};
  return doc;
}

TEST(CorpusStore, StoresAndReadsBackADocument) {
  Workspace ws(":memory:");
  CorpusStore store(ws.db());
  auto result = store.add(make_document("a.txt", "h1"));
  EXPECT_TRUE(result.added);
  auto details = store.get(result.id);
  ASSERT_TRUE(details.has_value());
  EXPECT_EQ(details->summary.path, "a.txt");
  EXPECT_EQ(details->summary.lang, Lang::fr);
  EXPECT_EQ(details->summary.sentences, 2);
  EXPECT_EQ(details->summary.boilerplate, 1);
  EXPECT_EQ(details->summary.date, "2026-03-14");
  ASSERT_EQ(details->sentences.size(), 2u);
  EXPECT_EQ(details->sentences[1].text, "The bridge is shut.");
  EXPECT_EQ(details->sentences[1].lang, Lang::en);
  EXPECT_EQ(details->sentences[1].position, 1);
  ASSERT_EQ(details->metadata.size(), 1u);
  EXPECT_EQ(details->metadata[0].normalized, "2026-03-14");
  ASSERT_EQ(details->boilerplate.size(), 1u);
  EXPECT_EQ(details->boilerplate[0].reason, "read-more");
}

TEST(CorpusStore, SameContentTwiceIsStoredOnce) {
  Workspace ws(":memory:");
  CorpusStore store(ws.db());
  auto first = store.add(make_document("a.txt", "same"));
  auto second = store.add(make_document("copy-of-a.txt", "same"));
  EXPECT_TRUE(first.added);
  EXPECT_FALSE(second.added);
  EXPECT_EQ(second.id, first.id);
  EXPECT_EQ(store.list().size(), 1u);
}

TEST(CorpusStore, RemoveDeletesSentencesToo) {
  Workspace ws(":memory:");
  CorpusStore store(ws.db());
  auto id = store.add(make_document("a.txt", "h1")).id;
  EXPECT_TRUE(store.remove(id));
  EXPECT_FALSE(store.remove(id));
  EXPECT_FALSE(store.get(id).has_value());
  Statement count(ws.db(), "SELECT count(*) FROM sentences");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(count.column_int(0), 0);
}

TEST(CorpusStore, AddAllIsAllOrNothing) {
  Workspace ws(":memory:");
  CorpusStore store(ws.db());
  std::vector<Document> documents{make_document("a.txt", "h1"), make_document("b.txt", "h2")};
  documents[1].lang_confidence = std::numeric_limits<double>::quiet_NaN();  // NaN binds as NULL
  EXPECT_ANY_THROW(store.add_all(documents));
  EXPECT_TRUE(store.list().empty()) << "the first document must have been rolled back";
}

}  // namespace
}  // namespace tandem

#include "corpus/boilerplate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "corpus/normalizer.h"
#include "corpus/text_reader.h"
#include "tests/test_support.h"

namespace tandem {
namespace {

using ::testing::HasSubstr;

// ---------------------------------------------------------------------------------------------
// Metadata prefixes.

TEST(MetadataPrefix, Seed000DateIsLiftedAndTheTextAfterItKept) {
  std::string raw =
      read_text_file(testing::shared_path("seeds/000_8fca94e8e463837d.txt").string()).utf8;
  std::string first_line = raw.substr(0, raw.find('\n'));  // as read: with its leading space
  auto match = parse_metadata_prefix(first_line);
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->field.key, "date");
  EXPECT_EQ(match->field.value, "2023-05");
  EXPECT_EQ(match->field.normalized, "2023-05");
  EXPECT_TRUE(first_line.substr(match->rest_begin).starts_with("L'administration américaine"));
  EXPECT_THAT(first_line.substr(match->rest_begin), HasSubstr("accusent Wagner"));
}

struct MetadataCase {
  std::string line;
  std::string key, value, normalized, rest;
};

class MetadataPrefixForms : public ::testing::TestWithParam<MetadataCase> {};

TEST_P(MetadataPrefixForms, ReadsKeyValueAndRest) {
  const MetadataCase& c = GetParam();
  auto match = parse_metadata_prefix(c.line);
  ASSERT_TRUE(match.has_value()) << c.line;
  EXPECT_EQ(match->field.key, c.key);
  EXPECT_EQ(match->field.value, c.value);
  EXPECT_EQ(match->field.normalized, c.normalized);
  EXPECT_EQ(c.line.substr(match->rest_begin), c.rest);
}

INSTANTIATE_TEST_SUITE_P(
    Boilerplate, MetadataPrefixForms,
    ::testing::Values(
        MetadataCase{"Date: 22/05/2023", "date", "22/05/2023", "2023-05-22", ""},
        MetadataCase{"Date : 05/22/2023", "date", "05/22/2023", "2023-05-22", ""},
        MetadataCase{"Publié le 22 mai 2023 à 10h05 Le sommet s'ouvre demain.", "date",
                     "22 mai 2023 à 10h05", "2023-05-22", "Le sommet s'ouvre demain."},
        MetadataCase{"Published: May 22, 2023", "date", "May 22, 2023", "2023-05-22", ""},
        MetadataCase{"Posted on Monday, 3rd February 2024 | The talks resumed.", "date",
                     "Monday, 3rd February 2024", "2024-02-03", "The talks resumed."},
        MetadataCase{"Mis à jour le 1er juin 2023", "updated", "1er juin 2023", "2023-06-01", ""},
        MetadataCase{"date 2024-11-08T09:30:00Z", "date", "2024-11-08T09:30:00Z", "2024-11-08", ""},
        MetadataCase{"Author: Jane Doe", "author", "Jane Doe", "", ""},
        MetadataCase{"Auteur : Jean-Marc Martin", "author", "Jean-Marc Martin", "", ""},
        MetadataCase{"Source: AFP", "source", "AFP", "", ""},
        MetadataCase{"Titre : Le Sahel face à la sécheresse", "title",
                     "Le Sahel face à la sécheresse", "", ""}));

TEST(MetadataPrefix, OrdinaryLinesAreNotMetadata) {
  for (const char* line : {
           "Le 20 août, les autorités ont fermé la frontière nord.",
           "Date limite pour les candidatures, lundi prochain.",
           "Par ailleurs, le ministre a annoncé une visite à Dakar.",
           "Source de tension entre les deux pays, l'accord reste secret.",
           "Published reports suggest the convoy left in 2023 before the storm.",
           "Author and activist Jane Doe spoke first.",
       }) {
    EXPECT_FALSE(parse_metadata_prefix(line).has_value()) << line;
  }
}

// ---------------------------------------------------------------------------------------------
// The seeds: every piece of boilerplate goes, the article stays.

struct Judged {
  std::vector<std::string> paragraphs;
  std::vector<BoilerplateVerdict> verdicts;

  // The verdict of the (first) paragraph containing `needle`; fails the test if none does.
  const BoilerplateVerdict& of(std::string_view needle, std::size_t nth = 0) const {
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
      if (paragraphs[i].find(needle) != std::string::npos && nth-- == 0) return verdicts[i];
    }
    ADD_FAILURE() << "no paragraph contains " << needle;
    static const BoilerplateVerdict none;
    return none;
  }
};

// The seed as the pipeline sees it: decoded, normalised, metadata prefix lifted from the first
// line, then judged as a document.
Judged judge_seed(const std::string& name, Lang lang) {
  std::string raw = read_text_file(testing::shared_path("seeds/" + name).string()).utf8;
  std::string text = normalize_text(raw, lang);
  Judged judged;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    if (judged.paragraphs.empty()) {
      if (auto meta = parse_metadata_prefix(line)) line = line.substr(meta->rest_begin);
    }
    judged.paragraphs.push_back(line);
  }
  std::vector<std::string_view> views(judged.paragraphs.begin(), judged.paragraphs.end());
  judged.verdicts = BoilerplateDetector().judge_document(views, lang);
  return judged;
}

void expect_dropped(const Judged& j, std::string_view needle, std::string_view reason,
                    std::size_t nth = 0) {
  const BoilerplateVerdict& v = j.of(needle, nth);
  EXPECT_TRUE(v.drops_all()) << needle;
  EXPECT_EQ(v.reason, reason) << needle;
}

void expect_kept(const Judged& j, std::string_view needle, std::size_t nth = 0) {
  EXPECT_FALSE(j.of(needle, nth).is_boilerplate) << needle << ": " << j.of(needle, nth).reason;
}

TEST(BoilerplateSeeds, Seed000DropsTheSimilarArticleTeaserAndKeepsTheArticle) {
  Judged j = judge_seed("000_8fca94e8e463837d.txt", Lang::fr);
  expect_dropped(j, "Article similaire", "teaser");
  expect_kept(j, "L'administration américaine a accusé");
  expect_kept(j, "Des renseignements américains révèlent");
  expect_kept(j, "La Maison Blanche a également accusé");
}

TEST(BoilerplateSeeds, Seed001DropsImageMarkersAndTheirCaptions) {
  Judged j = judge_seed("001_28478a00887480cc.txt", Lang::fr);
  expect_dropped(j, "Image:", "image", 0);
  expect_dropped(j, "Image:", "image", 1);
  expect_dropped(j, "Centre Wagner à Saint-Pétersbourg", "caption");
  expect_dropped(j, "Les tombes de mercenaires", "caption");
  expect_kept(j, "a déclaré le porte-parole de la sécurité nationale de la Maison Blanche");
  expect_kept(j, "a ajouté M. Kirby");
  expect_kept(j, "M. Kirby a déclaré");
  expect_kept(j, "Cela gèlera tous les actifs");
}

TEST(BoilerplateSeeds, Seed002DropsTheBylineAndAuthorPhoto) {
  Judged j = judge_seed("002_9e0a7987417c006f.txt", Lang::en);
  expect_dropped(j, "Photo of author", "byline");
  expect_dropped(j, "By John", "byline");
  expect_kept(j, "According to the United States, Wagner tried");
  expect_kept(j, "Classic modus operandi");
  expect_kept(j, "According to Matt Schroeder");
}

TEST(BoilerplateSeeds, Seed003DropsBreadcrumbRepeatedTitleAndFooter) {
  Judged j = judge_seed("003_ce2aef6978b8f79b.txt", Lang::fr);
  expect_dropped(j, "Vous êtes ici", "navigation");
  expect_kept(j, "Touaregs aidés par l’Ukraine", 1);  // the title, once
  expect_dropped(j, "Touaregs aidés par l’Ukraine", "repeat", 2);
  expect_dropped(j, "Saliou Cissé", "signature");
  expect_dropped(j, "Propager la liberté", "footer");
  expect_dropped(j, "All rights reserved", "copyright");
  expect_dropped(j, "Retour en haut de la page", "back-to-top");
  expect_kept(j, "Des spécialistes ukrainiens ont commencé");
  expect_kept(j, "Le 20 août, les autorités");
}

TEST(BoilerplateSeeds, Seed004DropsReadingTimeTeasersCommentPolicyAndTheRepeat) {
  Judged j = judge_seed("004_d110b3afd0e57c97.txt", Lang::fr);
  expect_dropped(j, "min de lecture", "reading-time");
  expect_kept(j, "Bamako a déjà signé en 2019", 0);
  expect_dropped(j, "Bamako a déjà signé en 2019", "repeat", 1);
  expect_dropped(j, "LIRE AUSSIMoscou", "teaser");
  expect_dropped(j, "Lire la suite", "read-more");
  expect_dropped(j, "Notre objectif est de créer un endroit sûr", "comments");
  expect_kept(j, "Rapprochement Bamako-Wagner");
  expect_kept(j, "La Russie poursuit son rapprochement");
  expect_kept(j, "Discussions en cours");
  expect_kept(j, "Sollicité par l’AFP");
}

// ---------------------------------------------------------------------------------------------
// Other sites' boilerplate (made-up lines), and ordinary prose that must survive.

struct Line {
  std::string text;
  std::string reason;
};

class BoilerplateLines : public ::testing::TestWithParam<Line> {};

TEST_P(BoilerplateLines, IsDroppedWithItsReason) {
  BoilerplateDetector detector;
  BoilerplateVerdict v = detector.judge(GetParam().text, Lang::und);
  EXPECT_TRUE(v.drops_all()) << GetParam().text;
  EXPECT_EQ(v.reason, GetParam().reason) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Boilerplate, BoilerplateLines,
    ::testing::Values(
        Line{"Partager : Facebook Twitter E-mail", "share"}, Line{"Share this article", "share"},
        Line{"Facebook | X | LinkedIn | WhatsApp", "share"},
        Line{"Follow us on Instagram for more stories", "follow"},
        Line{"Suivez-nous sur Facebook", "follow"},
        Line{"Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité",
             "subscribe"},
        Line{"Sign up for our daily briefing and get the news first", "subscribe"},
        Line{"Recevez gratuitement notre lettre d'information chaque matin.", "subscribe"},
        Line{"Cet article est réservé aux abonnés.", "paywall"},
        Line{"Nous utilisons des cookies pour améliorer votre expérience de navigation.",
             "cookies"},
        Line{"This website uses cookies to improve your experience. Accept all", "cookies"},
        Line{"Read more", "read-more"}, Line{"Lire la suite »", "read-more"},
        Line{"Related: Five things to know about the summit", "teaser"},
        Line{"Lire aussi : Le sommet de Bamako reporté à juin", "teaser"},
        Line{"À lire également Les pluies menacent les récoltes au Sahel", "teaser"},
        Line{"Publicité", "advertisement"}, Line{"ADVERTISEMENT", "advertisement"},
        Line{"Story continues below advertisement", "advertisement"},
        Line{"Tous droits réservés © Le Quotidien du Fleuve 2024", "copyright"},
        Line{"© 2024 Example Media Group. All rights reserved.", "copyright"},
        Line{"Photo : AFP", "photo-credit"}, Line{"Crédit photo : Jean Dupont", "photo-credit"},
        Line{"(Avec AFP)", "credit"}, Line{"Mis à jour le 12 mars 2024 à 18h30", "dateline"},
        Line{"Lundi 22 mai 2023", "dateline"}, Line{"Accueil > Monde > Afrique", "navigation"},
        Line{"Home » News » World", "navigation"},
        Line{"You are here: Home / Politics", "navigation"},
        Line{"Contact | Mentions légales | Politique de confidentialité", "navigation"},
        Line{"Back to top", "back-to-top"}, Line{"https://www.example.com/article/123", "url"},
        Line{"* * *", "no-text"}, Line{"👉 👉", "no-text"},
        Line{"Par Marie Dubois, envoyée spéciale à Dakar", "byline"},
        Line{"By Anna Smith and Tom Jones", "byline"}, Line{"3 min read", "reading-time"},
        Line{"Temps de lecture : 4 minutes", "reading-time"},
        Line{"Laisser un commentaire", "comments"}, Line{"Comments are closed.", "comments"},
        Line{"We have suspended comments on this article while our moderators review our "
             "community guidelines.",
             "comments"},
        Line{"Tags: Mali, Wagner, Russie", "tags"},
        Line{"Téléchargez l'application pour suivre l'actualité en direct", "promo"},
        Line{"Écouter cet article", "audio-player"}));

class ProseLines : public ::testing::TestWithParam<std::string> {};

TEST_P(ProseLines, IsKept) {
  BoilerplateDetector detector;
  BoilerplateVerdict v = detector.judge(GetParam(), Lang::und);
  EXPECT_FALSE(v.is_boilerplate) << GetParam() << " → " << v.reason;
}

INSTANTIATE_TEST_SUITE_P(
    Boilerplate, ProseLines,
    ::testing::Values(
        "The court ruled that copyright law does not protect the photographs.",
        "L'image satellite publiée par la Maison Blanche montre un train de marchandises.",
        "Image quality matters less than speed, the photographer said.",
        "Par ailleurs, le ministre a annoncé une visite à Dakar la semaine prochaine.",
        "By Monday, the delegation had already left the capital for the north.",
        "Partager le pouvoir n'a jamais été la priorité de la junte, selon les diplomates.",
        "Investors rushed to subscribe to the new bond issued by the government.",
        "La Commission a infligé une amende à la plateforme pour son usage des cookies.",
        "Les commentaires du ministre ont suscité la colère de l'opposition.",
        "Published in 1998, the report was quickly forgotten by the government.",
        "Read more about the summit in our special report on the Sahel.",
        "Le 20 mai 2023, les autorités ont annoncé la fermeture de la frontière.",
        "« Nous suivons cela de près », a déclaré le responsable, « et nous agirons ».",
        "Source : selon plusieurs diplomates, la rencontre aurait eu lieu à Alger en mars "
        "dernier, avant la rupture des relations entre les deux pays voisins."));

// ---------------------------------------------------------------------------------------------
// Partial verdicts, repeats, and the document-level rules.

TEST(BoilerplateDetector, TrailingReadMoreIsCutAndTheSentenceKept) {
  BoilerplateDetector detector;
  std::string p = "The minister said on Monday that talks would resume next week. Read more";
  BoilerplateVerdict v = detector.judge(p, Lang::en);
  EXPECT_TRUE(v.is_boilerplate);
  EXPECT_FALSE(v.drops_all());
  EXPECT_EQ(v.reason, "read-more");
  EXPECT_EQ(v.kept(p), "The minister said on Monday that talks would resume next week.");
}

TEST(BoilerplateDetector, TruncatedSentenceBeforeLireLaSuiteGoesWithIt) {
  BoilerplateDetector detector;
  std::string p =
      "Le gouvernement a confirmé la signature de l’accord. « Le texte prévoit [...] Lire la suite";
  BoilerplateVerdict v = detector.judge(p, Lang::fr);
  EXPECT_EQ(v.reason, "read-more");
  EXPECT_EQ(v.kept(p), "Le gouvernement a confirmé la signature de l’accord.");
}

TEST(BoilerplateDetector, LeadingReadingTimeIsCutAndTheTextKept) {
  BoilerplateDetector detector;
  std::string p = "2 min read The talks resumed on Monday in Geneva.";
  BoilerplateVerdict v = detector.judge(p, Lang::en);
  EXPECT_EQ(v.reason, "reading-time");
  EXPECT_EQ(v.kept(p), "The talks resumed on Monday in Geneva.");
}

TEST(BoilerplateDetector, RepeatIgnoresTypographyAndCase) {
  BoilerplateDetector detector;
  EXPECT_FALSE(detector.judge("L’armée malienne reprend Kidal", Lang::fr).is_boilerplate);
  BoilerplateVerdict again = detector.judge("L'ARMÉE MALIENNE REPREND KIDAL", Lang::fr);
  EXPECT_TRUE(again.drops_all());
  EXPECT_EQ(again.reason, "repeat");
}

TEST(BoilerplateDetector, LongParagraphAfterImageMarkerIsNotACaption) {
  BoilerplateDetector detector;
  EXPECT_EQ(detector.judge("Image:", Lang::fr).reason, "image");
  EXPECT_FALSE(detector
                   .judge("Les négociations ont repris lundi à Alger, sous l’égide de la "
                          "médiation internationale.",
                          Lang::fr)
                   .is_boilerplate);
}

TEST(BoilerplateDetector, SignatureIsOnlyRecognisedWithTheWholeDocument) {
  std::vector<std::string_view> doc = {
      "Les négociations ont repris lundi à Alger, sous l’égide de la médiation internationale.",
      "Jeanne Moreau-Diallo",
  };
  BoilerplateDetector streaming;
  for (std::string_view p : doc) EXPECT_FALSE(streaming.judge(p, Lang::fr).is_boilerplate);
  auto verdicts = BoilerplateDetector().judge_document(doc, Lang::fr);
  EXPECT_FALSE(verdicts[0].is_boilerplate);
  EXPECT_EQ(verdicts[1].reason, "signature");
}

TEST(BoilerplateDetector, ShortLastLineWithoutFooterAfterItIsKept) {
  std::vector<std::string_view> doc = {
      "Les négociations ont repris lundi à Alger, sous l’égide de la médiation internationale.",
      "La suite des discussions est attendue",
  };
  auto verdicts = BoilerplateDetector().judge_document(doc, Lang::fr);
  EXPECT_FALSE(verdicts[1].is_boilerplate) << verdicts[1].reason;
}

}  // namespace
}  // namespace tandem

// A small term base of our own sentences, shared by the glossary tests.
#pragma once

#include "glossary/term_base.h"

namespace tandem::testing {

inline TermEntry term(Lang lang, std::string text, UsageStatus usage = UsageStatus::admitted,
                      std::string context = "", std::string pos = "noun") {
  TermEntry t;
  t.lang = lang;
  t.text = std::move(text);
  t.usage = usage;
  t.context = std::move(context);
  t.part_of_speech = std::move(pos);
  return t;
}

inline std::vector<Concept> sample_concepts() {
  Concept a;
  a.subject_field = "défense";
  a.definition = "Combattant payé par une puissance étrangère.";
  a.note = "Vérifié avec le client, \"mars\".";
  a.status = EntryStatus::approved;
  a.terms = {term(Lang::fr, "mercenaires", UsageStatus::preferred,
                  "Les mercenaires ont quitté la base au petit matin."),
             term(Lang::fr, "soldats de fortune", UsageStatus::deprecated),
             term(Lang::en, "mercenaries", UsageStatus::preferred,
                  "The mercenaries left the base at dawn.")};
  a.terms[0].source = "notes/rapport-mars.txt";
  Concept b;
  b.status = EntryStatus::proposed;
  b.origin = EntryOrigin::extracted;
  b.score = 0.75;
  b.frequency = 4;
  b.terms = {term(Lang::fr, "éolienne", UsageStatus::admitted, "L'éolienne tourne, enfin."),
             term(Lang::en, "wind turbine", UsageStatus::admitted, "", "")};
  Concept c;
  c.terms = {term(Lang::fr, "matériel militaire"), term(Lang::en, "military equipment")};
  c.examples = {{42, "Le matériel militaire est arrivé.", "The military equipment arrived."}};
  return {a, b, c};
}

}  // namespace tandem::testing

// What the TBX writer and reader agree on: the two TBX versions Tandem speaks and how the term
// base's fields map onto TBX-Basic data categories.
//
//  concept subject field  → <descrip type="subjectField"> (concept level)
//  concept definition     → <descrip type="definition"> (concept level)
//  concept note           → <note> (concept level)
//  entry status, origin, score → one concept-level <note> "tandem: status=approved; ..." —
//                           TBX-Basic v1.2.1 has no entry-status category outside
//                           transactions, and this keeps a round trip lossless
//  term part of speech    → <termNote type="partOfSpeech"> (TBX-Basic picklist)
//  term usage status      → <termNote type="administrativeStatus">
//                           (preferredTerm-admn-sts | admittedTerm-admn-sts |
//                           deprecatedTerm-admn-sts)
//  term context sentence  → <descrip type="context"> (term level)
//  term source document   → <admin type="source"> (term level)
//
// Thread-safety: constants and pure functions.
#pragma once

#include <optional>
#include <string_view>

#include "glossary/term_base.h"

namespace tandem {

enum class TbxVersion {
  v2,  // TBX-Basic 2008 (<martif>), ISO 30042:2008: what OmegaT and translate-toolkit read
  v3,  // ISO 30042:2019, TBX-Basic dialect, DCA style
};

inline constexpr std::string_view kTbxV3Namespace = "urn:iso:std:iso:30042:ed-2";
inline constexpr std::string_view kTandemNotePrefix = "tandem:";

constexpr std::string_view to_administrative_status(UsageStatus status) {
  switch (status) {
    case UsageStatus::preferred:
      return "preferredTerm-admn-sts";
    case UsageStatus::admitted:
      return "admittedTerm-admn-sts";
    case UsageStatus::deprecated:
      return "deprecatedTerm-admn-sts";
  }
  return "admittedTerm-admn-sts";
}

// Also accepts TBX-Basic V4 usageStatus values ("preferred", "admitted", "notRecommended",
// "obsolete") so files from newer tools import.
inline std::optional<UsageStatus> usage_from_administrative_status(std::string_view value) {
  if (value == "preferredTerm-admn-sts" || value == "preferred") return UsageStatus::preferred;
  if (value == "admittedTerm-admn-sts" || value == "admitted") return UsageStatus::admitted;
  if (value == "deprecatedTerm-admn-sts" || value == "supersededTerm-admn-sts" ||
      value == "notRecommended" || value == "obsolete")
    return UsageStatus::deprecated;
  return std::nullopt;
}

}  // namespace tandem

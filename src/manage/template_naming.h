#pragma once

// Naming for templates: the userPrincipalName's local part, the mailNickname and the
// displayName built from a user's attributes by a pattern such as "{givenName}.{surname}".
//
// A pattern is literal text and placeholders: {attribute} (the attribute's value) or
// {attribute:N} (its first N characters), where the attribute is a string user property
// (givenName, surname, department, employeeId, ...). '{' and '}' appear only in
// placeholders.
//
// A local part (UPN before '@', and mailNickname) is built in this order:
//  1. each placeholder's value is transliterated to ASCII Latin (TransliterateToAscii),
//     then cut to N characters for {attribute:N};
//  2. the whole is lower-cased when the template says so;
//  3. every character a UPN's local part does not allow is dropped (upn.h: it keeps
//     A-Z a-z 0-9 ' . - _ ! # ^ ~ — also valid in a mailNickname, mail_nickname.h), so
//     spaces, commas and the like disappear; runs of '.' become one '.', and leading and
//     trailing '.' are dropped;
//  4. the result is cut to 64 characters (and a '.' it then ends with is dropped).
//   "Zoë" "Ångström-Łukasiewicz" with "{givenName}.{surname}" -> "zoe.angstrom-lukasiewicz"
//
// A displayName keeps its values as written (no transliteration, no case change); runs of
// whitespace become one space and the ends are trimmed.
//
// Transliteration policy: Latin letters lose their accents and ligatures are spelled out
// (é -> e, Ł -> L, ß -> ss, Æ -> AE); Greek (UNGEGN), Cyrillic (BGN/PCGN: "Юлия" ->
// "Yuliya"), Armenian and Georgian letters, alphabets with one accepted romanisation, are
// romanised with ICU's transliterators. Every other script is refused rather than
// guessed: Han (the same characters read differently in Chinese, Japanese and Korean),
// kana, Hangul, Arabic and Hebrew (vowels unwritten), Indic scripts, Thai, ... — give the
// userPrincipalName and mailNickname in Latin letters instead.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace admin365::manage {

// The value of an attribute, or nullopt when the user has none.
using AttributeLookup = std::function<std::optional<std::string>(std::string_view attribute)>;

// The attributes a pattern names, in order. Error: InvalidTemplate (target `what`) for an
// unbalanced brace, an empty or unknown attribute (not a string user property) or a
// length that is not a number from 1 to 64.
Result<std::vector<std::string>> PatternAttributes(std::string_view pattern, std::string_view what);

// `text` in ASCII, per the policy above. Error: RejectedInput, target `field`:
//   givenName "李小龍" is in the Han script, which admin365 does not transliterate; give
//   userPrincipalName and mailNickname in Latin letters
Result<std::string> TransliterateToAscii(std::string_view text, std::string_view field);

// Builds a local part (steps 1-4). Errors: PatternAttributes'; RejectedInput (target
// `what`) when an attribute the pattern names has no value ("cannot build
// userPrincipalName from \"{givenName}.{surname}\": surname is empty") or nothing is left;
// TransliterateToAscii's.
Result<std::string> BuildLocalPart(std::string_view pattern, const AttributeLookup& values,
                                   bool lower_case, std::string_view what);

// Builds a displayName. Missing attributes count as empty. Errors: PatternAttributes';
// RejectedInput(target "displayName") when the result is empty.
Result<std::string> BuildDisplayName(std::string_view pattern, const AttributeLookup& values);

// The collision candidate `number` (2, 3, ...) of a local part: the number appended, the
// local part cut first so that the whole fits in 64 characters.
//   WithNumber("john.smith", 2) == "john.smith2"
std::string WithNumber(std::string_view local_part, int number);

}  // namespace admin365::manage
